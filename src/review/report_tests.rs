//! Tests of `report.rs`.

use super::*;
use crate::model::{Action, Due, Measure, Plan, Theme};
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
        version: Some("1.1".into()),
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

const SUMMARY: &str = "1 improved, 0 worsened, 1 new, 1 closed, 1 moved or renumbered, \
                       1 progress update, 1 rating removed";

#[test]
fn summary_line_counts() {
    assert_eq!(summary_line(&example().summary), SUMMARY);
    let s = Summary {
        improved: 3,
        worsened: 1,
        new: 2,
        closed: 1,
        themes_added: 2,
        ..Summary::default()
    };
    assert_eq!(
        summary_line(&s),
        "3 improved, 1 worsened, 2 new, 1 closed, 2 themes added"
    );
}

#[test]
fn plain_text() {
    let expected = format!(
        "{SUMMARY}
  version: 1.1 → 1.2

Theme 1: Early help
  1.1  amber → green (improved)
      Monitor the indicator dataset
      progress: Dataset [-being drafted-]{{+agreed+}} by [-QEG-]{{+the board
        and published+}}
      owners: added SLDG; removed QEG
      due: 2013-09-30 → 2013-12 (later)
  1.2  amber (unchanged)
      Develop links with the MAPP board
      renumbered from 2.2 (same text)
      moved from theme 2: Children at risk
  1.2  closed (was green)
      Publish the threshold document

Theme 2: Children at risk
  2.1  red → unrated (rating removed)
      Review attendance at conferences
  2.2  new (amber)
      Audit child protection plans
      owners: QEG, Business unit
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
    assert!(
        out.contains("progress: Dataset \x1b[31;9mbeing drafted\x1b[0m\x1b[32magreed\x1b[0m by ")
    );
    assert!(out.contains("2013-12 \x1b[31m(later)\x1b[0m"));
    assert!(!out.contains("[-") && !out.contains("{+"));
}

#[test]
fn markdown_paper() {
    let expected = format!(
        "# Changes since the June meeting

{SUMMARY}

- version: 1.1 → 1.2

## Theme 1: Early help

- **1.1** amber → green (improved)
  - Monitor the indicator dataset
  - progress: Dataset ~~being drafted~~**agreed** by ~~QEG~~**the board**\\
    **and published**
  - owners: added SLDG; removed QEG
  - due: 2013-09-30 → 2013-12 (later)
- **1.2** amber (unchanged)
  - Develop links with the MAPP board
  - renumbered from 2.2 (same text)
  - moved from theme 2: Children at risk
- **1.2** closed (was green)
  - Publish the threshold document

## Theme 2: Children at risk

- **2.1** red → unrated (rating removed)
  - Review attendance at conferences
- **2.2** new (amber)
  - Audit child protection plans
  - owners: QEG, Business unit
- new measure: NI 59 - Initial assessments in time
  - target: 90%
"
    );
    assert_eq!(
        markdown(&example(), "Changes since the June meeting"),
        expected
    );
}

#[test]
fn markdown_escapes_and_keeps_spaces_outside_marks() {
    assert_eq!(
        escape("a *b* [c] <d> e_f #1"),
        "a \\*b\\* \\[c\\] \\<d\\> e\\_f \\#1"
    );
    assert_eq!(marked(" two words ", "**"), " **two words** ");
    assert_eq!(marked("a\nb*", "~~"), "~~a~~\n~~b\\*~~");
    assert_eq!(marked("   ", "~~"), "   ");
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
    let moved = &value["themes"][0]["actions"][1];
    assert_eq!(moved["matched_by"]["by"], "similarity");
    assert_eq!(moved["moved_from"]["ref"], "2");
    assert!(out.ends_with("}\n"));
}

#[test]
fn no_changes() {
    let plan = Plan::default();
    let c = compare(&plan, &plan.clone());
    assert_eq!(text(&c, true), "No changes.\n");
    assert_eq!(markdown(&c, "Review"), "# Review\n\nNo changes.\n");
}

#[test]
fn long_and_multi_line_titles_are_shortened() {
    let long = "word ".repeat(20);
    let line = first_line(&long);
    assert_eq!(line.chars().count(), 70);
    assert!(line.ends_with("word…"));
    assert_eq!(first_line("Review:\n• one\n• two"), "Review: …");
}
