//! Tests of `report.rs`.

use super::*;
use crate::model::{Action, Due, GlossaryEntry, Measure, Plan, Theme};
use crate::review::diff::compare;

fn action(reference: &str, text: &str, rag: Option<Rag>) -> Action {
    Action {
        reference: reference.into(),
        action: text.into(),
        rag,
        ..Action::default()
    }
}

fn theme(reference: &str, title: &str, actions: Vec<Action>) -> Theme {
    Theme {
        reference: reference.into(),
        title: title.into(),
        actions,
        ..Theme::default()
    }
}

/// Two meetings of a small plan: 1.1 improved with progress, owners and due changed; 1.2
/// closed; 2.2 moved to theme 1 as 1.2; 2.1 rating removed; a new 2.2; a new measure.
fn example() -> Comparison {
    let mut old = Plan {
        board: "Test Board".into(),
        title: "Business Plan".into(),
        version: Some("1.1".into()),
        owners: vec![GlossaryEntry {
            short: "QEG".into(),
            full: "Quality & Effectiveness Group".into(),
        }],
        themes: vec![
            theme(
                "1",
                "Early help",
                vec![
                    action("1.1", "Monitor the indicator dataset", Some(Rag::Amber)),
                    action("1.2", "Publish the threshold document", Some(Rag::Green)),
                ],
            ),
            theme(
                "2",
                "Children at risk",
                vec![
                    action("2.1", "Review attendance at conferences", Some(Rag::Red)),
                    action("2.2", "Develop links with the MAPP board", Some(Rag::Amber)),
                ],
            ),
        ],
        ..Plan::default()
    };
    let first = &mut old.themes[0].actions[0];
    first.progress = Some("Dataset being drafted by QEG".into());
    first.owners = vec!["QEG".into()];
    first.due = Due::parse("2013-09-30").ok();
    let mut new = old.clone();
    new.version = Some("1.2".into());
    new.owners.push(GlossaryEntry {
        short: "SLDG".into(),
        full: "Strategic Learning and Development Group".into(),
    });
    let first = &mut new.themes[0].actions[0];
    first.rag = Some(Rag::Green);
    first.progress = Some("Dataset agreed by the board\nand published".into());
    first.owners = vec!["SLDG".into()];
    first.due = Due::parse("2013-12").ok();
    new.themes[0].actions.remove(1);
    let mut moved = new.themes[1].actions.remove(1);
    moved.reference = "1.2".into();
    new.themes[0].actions.push(moved);
    new.themes[1].actions[0].rag = None;
    let mut added = action("2.2", "Audit child protection plans", Some(Rag::Amber));
    added.owners = vec!["QEG".into(), "Business unit".into()];
    new.themes[1].actions.push(added);
    new.themes[1].measures.push(Measure {
        measure: "NI 59 - Initial assessments in time".into(),
        target: Some("90%".into()),
        ..Measure::default()
    });
    compare(&old, &new)
}

const SUMMARY: &str = "Actions: 0 completed, 1 improved, 0 worsened, 1 new, 1 removed, \
                       1 moved to another theme, 1 deadline later, 1 rating removed, \
                       1 progress update; measures: 1 new";

#[test]
fn summary_line_counts() {
    assert_eq!(summary_line(&example().summary), SUMMARY);
    let s = Summary {
        completed: 2,
        improved: 3,
        worsened: 1,
        new: 2,
        removed: 1,
        renumbered: 4,
        themes_added: 2,
        milestones: ItemCounts {
            completed: 1,
            ..ItemCounts::default()
        },
        ..Summary::default()
    };
    assert_eq!(
        summary_line(&s),
        "Actions: 2 completed, 3 improved, 1 worsened, 2 new, 1 removed, 4 renumbered; \
         themes: 2 added; milestones: 1 completed"
    );
}

#[test]
fn plain_text() {
    let expected = format!(
        "{SUMMARY}
  version: 1.1 → 1.2
  owners glossary: added SLDG: Strategic Learning and Development Group

Theme 1: Early help
  1.1  amber → green (improved)
      Monitor the indicator dataset
      progress now: Dataset agreed by the board
        and published
      progress changes: Dataset [-being drafted-]{{+agreed+}} by [-QEG-]{{+the board
        and published+}}
      owners: added Strategic Learning and Development Group (SLDG); removed QEG
      due: 30 September 2013 → December 2013 (later)
  1.2  amber (unchanged)
      Develop links with the MAPP board
      renumbered from 2.2 (same text)
      moved from theme 2: Children at risk
  1.2  removed (was green)
      Publish the threshold document

Theme 2: Children at risk
  2.1  red → unrated (rating removed)
      Review attendance at conferences
  2.2  new (amber)
      Audit child protection plans
      owners: Quality & Effectiveness Group (QEG), Business unit
  new measure: NI 59 - Initial assessments in time
      target: 90%
"
    );
    assert_eq!(text(&example(), false), expected);
}

#[test]
fn coloured_text() {
    let out = text(&example(), true);
    assert!(out.contains("\x1b[1mTheme 1: Early help\x1b[0m\n"));
    assert!(out.contains("  \x1b[1m1.1\x1b[0m  \x1b[32mamber → green (improved)\x1b[0m\n"));
    assert!(out.contains(
        "progress changes: Dataset \x1b[31;9mbeing drafted\x1b[0m\x1b[32magreed\x1b[0m by "
    ));
    assert!(out.contains("December 2013 \x1b[31m(later)\x1b[0m"));
    assert!(!out.contains("[-") && !out.contains("{+"));
}

fn heading() -> Heading {
    Heading {
        path: "plans/2013-14.yaml".into(),
        renamed_from: None,
        from: "the meeting of 17 September 2013".into(),
        to: "the working tree on 5 November 2013".into(),
    }
}

#[test]
fn markdown_board_paper() {
    let expected = format!(
        "# Test Board: Business Plan — plans/2013-14.yaml

Changes since the meeting of 17 September 2013, to the working tree on 5 November 2013

{SUMMARY}

## Action ratings by theme

| Theme | Red | Amber | Green | Blue | Not rated |
|---|---|---|---|---|---|
| 1 Early help | 0 | 1 | 1 | 0 | 0 |
| 2 Children at risk | 1 → 0 | 1 | 0 | 0 | 0 → 1 |

## Needs the board's attention

- **1.1** deadline moved later: 30 September 2013 → December 2013: Monitor the indicator dataset

## The plan

- version: 1.1 → 1.2
- owners glossary: added SLDG: Strategic Learning and Development Group

## Theme 1: Early help

- **1.1** amber → green (improved)
  - Monitor the indicator dataset
  - progress now: Dataset agreed by the board\\
    and published
  - progress changes: Dataset ~~being drafted~~**agreed** by ~~QEG~~**the board**\\
    **and published**
  - owners: added Strategic Learning and Development Group (SLDG); removed QEG
  - due: 30 September 2013 → December 2013 (later)
- **1.2** amber (unchanged)
  - Develop links with the MAPP board
  - renumbered from 2.2 (same text)
  - moved from theme 2: Children at risk
- **1.2** removed (was green)
  - Publish the threshold document

## Theme 2: Children at risk

- **2.1** red → unrated (rating removed)
  - Review attendance at conferences
- **2.2** new (amber)
  - Audit child protection plans
  - owners: Quality & Effectiveness Group (QEG), Business unit
- new measure: NI 59 - Initial assessments in time
  - target: 90%
"
    );
    assert_eq!(markdown_paper(&example(), &heading()), expected);
}

#[test]
fn exceptions_come_first() {
    let mut old = Plan {
        board: "Test Board".into(),
        title: "Business Plan".into(),
        themes: vec![theme(
            "1",
            "Early help",
            vec![
                action("1.1", "Monitor the dataset", Some(Rag::Amber)),
                action("1.2", "Publish the threshold document", Some(Rag::Green)),
                action("1.3", "Promote the CAF", Some(Rag::Green)),
            ],
        )],
        ..Plan::default()
    };
    old.themes[0].actions[2].due = Due::parse("2013-07-31").ok();
    let mut new = old.clone();
    new.themes[0].actions[0].rag = Some(Rag::Red);
    new.themes[0].actions[1].rag = Some(Rag::Blue);
    new.themes[0].actions[2].due = Due::parse("2013-12").ok();
    let c = compare(&old, &new);
    let listed: Vec<(String, Vec<String>)> = exceptions(&c)
        .into_iter()
        .map(|e| (e.reference, e.reasons))
        .collect();
    assert_eq!(
        listed,
        [
            ("1.1".to_string(), vec!["worsened amber → red".to_string()]),
            (
                "1.3".to_string(),
                vec!["deadline moved later: 31 July 2013 → December 2013".to_string()]
            ),
        ]
    );
    let paper = text_paper(&c, &heading(), false);
    let attention = paper
        .find("Needs the board's attention")
        .expect("exceptions");
    let theme = paper.find("Theme 1: Early help").expect("theme");
    assert!(attention < theme, "{paper}");
    assert!(paper.starts_with("Test Board: Business Plan — plans/2013-14.yaml\nChanges since the meeting of 17 September 2013, to the working tree on 5 November 2013\nActions: 1 completed, 0 improved, 1 worsened"), "{paper}");
    assert!(
        paper.contains(
            "  1 Early help: red 0 → 1, amber 1 → 0, green 2 → 1, blue 0 → 1, not rated 0\n"
        ),
        "{paper}"
    );
}

#[test]
fn json_document() {
    let out = json(&example());
    let value: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(value["summary"]["improved"], 1);
    let first = &value["themes"][0]["actions"][0];
    assert_eq!(first["item"]["ref"], "1.1");
    assert_eq!(first["rag"]["trend"], "improved");
    assert_eq!(first["due"]["shift"], "later");
    assert_eq!(first["texts"][0]["words"][1]["kind"], "removed");
    assert_eq!(
        first["item"]["owner_names"][0],
        "Strategic Learning and Development Group (SLDG)"
    );
    let moved = &value["themes"][0]["actions"][1];
    assert_eq!(moved["matched_by"]["by"], "similarity");
    assert_eq!(moved["moved_from"]["ref"], "2");
    assert_eq!(value["rag_counts"][1]["before"]["red"], 1);
    assert!(out.ends_with("}\n"));
}

#[test]
fn no_changes() {
    let plan = Plan::default();
    let c = compare(&plan, &plan.clone());
    assert_eq!(text(&c, true), "No changes.\n");
    assert!(markdown_paper(&c, &heading()).ends_with("\n\nNo changes.\n"));
}

#[test]
fn dates_in_words() {
    let words = |s: &str| due_in_words(&Due::parse(s).expect("due"));
    assert_eq!(words("2013-07-01"), "1 July 2013");
    assert_eq!(words("2014-03"), "March 2014");
    assert_eq!(words("ongoing"), "ongoing");
    assert_eq!(words("Q3 2013/14"), "Q3 2013/14");
}
