//! Tests of `diff.rs`.

use super::*;
use crate::model::{Action, ActionPos, Due, Theme};

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

fn plan(themes: Vec<Theme>) -> Plan {
    Plan {
        board: "Board".into(),
        period: "2013-14".into(),
        title: "Plan".into(),
        themes,
        ..Plan::default()
    }
}

fn base() -> Plan {
    plan(vec![
        theme(
            "1",
            "Early help",
            vec![
                action("1.1", "Monitor indicator dataset", Some(Rag::Amber)),
                action("1.2", "Publish the threshold document", Some(Rag::Green)),
                action("1.3", "Promote the use of CAF", None),
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
    ])
}

/// The changed actions of a comparison by ref.
fn find<'a>(c: &'a Comparison, reference: &str) -> &'a ActionChange {
    let all = c.themes.iter().flat_map(|t| &t.actions);
    all.into_iter()
        .find(|a| a.item.reference == reference)
        .unwrap_or_else(|| panic!("no change for {reference}"))
}

#[test]
fn identical_plans_compare_empty() {
    let c = compare(&base(), &base());
    assert!(c.themes.is_empty() && c.plan.is_empty());
    assert!(c.summary.is_empty());
}

#[test]
fn rating_trends() {
    use RagTrend::*;
    let trend = |a, b| RagChange::between(a, b).trend;
    assert_eq!(trend(Some(Rag::Amber), Some(Rag::Green)), Improved);
    assert_eq!(trend(Some(Rag::Green), Some(Rag::Blue)), Completed);
    assert_eq!(trend(None, Some(Rag::Blue)), Completed);
    assert_eq!(trend(Some(Rag::Blue), Some(Rag::Green)), Reopened);
    assert_eq!(trend(Some(Rag::Green), Some(Rag::Red)), Worsened);
    assert_eq!(trend(Some(Rag::Red), Some(Rag::Red)), Unchanged);
    assert_eq!(trend(None, Some(Rag::Red)), FirstRated);
    assert_eq!(trend(Some(Rag::Red), None), RatingRemoved);

    let mut new = base();
    new.themes[0].actions[0].rag = Some(Rag::Green);
    new.themes[0].actions[1].rag = Some(Rag::Red);
    new.themes[0].actions[2].rag = Some(Rag::Amber);
    let c = compare(&base(), &new);
    assert_eq!(find(&c, "1.1").rag.map(|r| r.trend), Some(Improved));
    assert_eq!(find(&c, "1.2").rag.map(|r| r.trend), Some(Worsened));
    assert_eq!(find(&c, "1.3").rag.map(|r| r.trend), Some(FirstRated));
    let s = c.summary;
    assert_eq!(
        (s.improved, s.worsened, s.first_rated, s.changed),
        (1, 1, 1, 3)
    );
}

#[test]
fn progress_rewritten_with_word_diff() {
    let mut old = base();
    old.themes[1].actions[0].progress = Some("Audit being planned by QEG".into());
    let mut new = old.clone();
    new.themes[1].actions[0].progress = Some("Audit completed by QEG in July".into());
    let c = compare(&old, &new);
    let change = find(&c, "2.1");
    assert_eq!(change.rag.map(|r| r.trend), Some(RagTrend::Unchanged));
    let progress = change.text(Field::Progress).expect("progress changed");
    let segments: Vec<(SegmentKind, &str)> = progress
        .words
        .iter()
        .map(|s| (s.kind, s.text.as_str()))
        .collect();
    use SegmentKind::*;
    assert_eq!(
        segments,
        [
            (Same, "Audit "),
            (Removed, "being planned"),
            (Added, "completed"),
            (Same, " by QEG"),
            (Added, " in July"),
        ]
    );
    assert_eq!(c.summary.progress_updated, 1);
}

#[test]
fn renumbered_action_is_recognised() {
    // A new 2.2 is inserted; the old 2.2 becomes 2.3 with its text unchanged.
    let mut new = base();
    let old_22 = new.themes[1].actions.remove(1);
    new.themes[1]
        .actions
        .push(action("2.2", "Audit child protection plans", None));
    new.themes[1].actions.push(Action {
        reference: "2.3".into(),
        ..old_22
    });
    let c = compare(&base(), &new);
    let moved = find(&c, "2.3");
    assert_eq!(moved.kind, ChangeKind::Changed);
    assert_eq!(moved.renumbered_from.as_deref(), Some("2.2"));
    assert_eq!(moved.moved_from, None);
    assert_eq!(
        moved.matched_by,
        Some(MatchedBy::Similarity { percent: 100 })
    );
    assert_eq!(find(&c, "2.2").kind, ChangeKind::Added);
    let s = c.summary;
    assert_eq!((s.new, s.removed, s.renumbered), (1, 0, 1));
}

#[test]
fn closing_and_renumbering_the_rest() {
    // 1.2 is closed, 1.3 becomes 1.2 (with a small rewording).
    let mut new = base();
    new.themes[0].actions.remove(1);
    new.themes[0].actions[1].reference = "1.2".into();
    new.themes[0].actions[1].action = "Promote the use of the CAF".into();
    let c = compare(&base(), &new);
    let kept = find(&c, "1.2");
    assert_eq!(kept.kind, ChangeKind::Changed);
    assert_eq!(kept.renumbered_from.as_deref(), Some("1.3"));
    assert!(kept.text(Field::Action).is_some());
    let closed = &c.themes[0].actions[1];
    assert_eq!(closed.kind, ChangeKind::Removed);
    assert_eq!(closed.item.action, "Publish the threshold document");
    assert_eq!((c.summary.removed, c.summary.renumbered), (1, 1));
}

#[test]
fn moved_to_another_theme() {
    let mut new = base();
    let mut moving = new.themes[1].actions.remove(1);
    moving.reference = "1.4".into();
    moving.rag = Some(Rag::Green);
    new.themes[0].actions.push(moving);
    let c = compare(&base(), &new);
    let moved = find(&c, "1.4");
    assert_eq!(moved.renumbered_from.as_deref(), Some("2.2"));
    let from = moved.moved_from.as_ref().expect("moved");
    assert_eq!(
        (from.reference.as_str(), from.title.as_str()),
        ("2", "Children at risk")
    );
    assert_eq!(moved.rag.map(|r| r.trend), Some(RagTrend::Improved));
    assert_eq!(c.themes.len(), 1, "theme 2 has nothing else to report");
    let s = c.summary;
    assert_eq!((s.moved, s.new, s.removed, s.improved), (1, 0, 0, 1));
}

#[test]
fn added_and_removed_actions_and_themes() {
    let mut new = base();
    new.themes.remove(1);
    new.themes[0].actions.remove(0);
    new.themes[0].rag = Some(Rag::Amber);
    new.themes[0].title = "Early help works".into();
    new.themes.push(theme(
        "3",
        "Learning",
        vec![action("3.1", "Run audits", None)],
    ));
    let c = compare(&base(), &new);
    let kinds: Vec<(&str, ChangeKind)> = c
        .themes
        .iter()
        .map(|t| (t.theme.reference.as_str(), t.kind))
        .collect();
    use ChangeKind::*;
    assert_eq!(kinds, [("1", Changed), ("3", Added), ("2", Removed)]);
    assert_eq!(c.themes[0].rag.map(|r| r.trend), Some(RagTrend::FirstRated));
    assert_eq!(c.themes[0].texts[0].field, Field::Title);
    assert_eq!(c.themes[0].actions[0].item.reference, "1.1");
    assert_eq!(c.themes[0].actions[0].kind, Removed);
    assert_eq!(c.themes[2].actions.len(), 2);
    let s = c.summary;
    assert_eq!(
        (s.new, s.removed, s.themes_added, s.themes_removed),
        (1, 3, 1, 1)
    );
}

#[test]
fn renumbered_theme_keeps_its_actions_in_place() {
    let mut old = base();
    old.themes.insert(1, theme("2", "Dropped", Vec::new()));
    old.themes[2].reference = "3".into();
    for (k, a) in old.themes[2].actions.iter_mut().enumerate() {
        a.reference = format!("3.{}", k + 1);
    }
    let c = compare(&old, &base());
    assert_eq!(c.themes[0].renumbered_from.as_deref(), Some("3"));
    assert!(c.themes[0].actions.iter().all(|a| a.moved_from.is_none()));
    assert_eq!(c.themes[1].kind, ChangeKind::Removed);
    assert_eq!((c.summary.renumbered, c.summary.moved), (2, 0));
    assert_eq!(c.summary.themes_renumbered, 1);
}

#[test]
fn bundled_plan_edited_for_the_next_meeting() {
    let bytes = include_bytes!("../../plans/2013-14.yaml");
    let old = crate::store::load(bytes)
        .map(|l| l.plan)
        .expect("bundled plan loads");
    let mut new = old.clone();
    new.version = Some("1.3".into());
    let a12 = new
        .action_mut(ActionPos {
            theme: 0,
            action: 1,
        })
        .expect("1.2");
    a12.rag = Some(Rag::Green);
    a12.progress = Some("Threshold document refreshed and relaunched in October.".into());
    new.themes[0].actions.remove(4); // 1.5 closed
    let t3 = &mut new.themes[2].actions;
    for (k, a) in t3.iter_mut().enumerate().skip(1) {
        a.reference = format!("3.{}", k + 2);
    }
    t3.insert(
        1,
        action("3.2", "Launch the board's annual conference", None),
    );
    let c = compare(&old, &new);
    let s = c.summary;
    assert_eq!((s.improved, s.worsened, s.new, s.removed), (1, 0, 1, 1));
    assert_eq!((s.renumbered, s.progress_updated), (3, 1));
    assert_eq!(find(&c, "3.3").renumbered_from.as_deref(), Some("3.2"));
    assert_eq!(c.plan[0].field, Field::Version);
    assert!(compare(&old, &old.clone()).themes.is_empty());
}

#[test]
fn same_text_in_the_same_theme_wins_over_another_theme() {
    // Two actions share their text in themes 1 and 2; theme 1's copy is removed and theme 2's
    // renumbered: theme 2's copy is the one kept, and nothing moved between themes.
    let mut old = base();
    old.themes[0]
        .actions
        .push(action("1.4", "Audit the files", Some(Rag::Green)));
    old.themes[1]
        .actions
        .push(action("2.3", "Audit the files", Some(Rag::Amber)));
    let mut new = old.clone();
    new.themes[0].actions.pop();
    new.themes[1].actions.remove(0);
    new.themes[1].actions[0].reference = "2.1".into();
    new.themes[1].actions[1].reference = "2.2".into();
    let c = compare(&old, &new);
    let kept = find(&c, "2.2");
    assert_eq!(kept.renumbered_from.as_deref(), Some("2.3"));
    assert_eq!(kept.moved_from, None);
    assert_eq!(kept.rag.map(|r| r.trend), Some(RagTrend::Unchanged));
    let s = c.summary;
    assert_eq!((s.removed, s.moved, s.renumbered, s.worsened), (2, 0, 2, 0));
}

#[test]
fn rewritten_text_under_the_same_ref_with_the_same_progress_is_the_same_action() {
    let mut old = base();
    old.themes[0].actions[0].progress = Some("Dataset agreed and reported quarterly".into());
    let mut new = old.clone();
    new.themes[0].actions[0].action = "Report performance data to every board meeting".into();
    let c = compare(&old, &new);
    let a = find(&c, "1.1");
    assert_eq!(a.kind, ChangeKind::Changed);
    assert!(a.text(Field::Action).is_some());
    // Without progress in common, a wholly different text under the same ref is a new action.
    new.themes[0].actions[0].progress = Some("Not started".into());
    let c = compare(&old, &new);
    assert_eq!((c.summary.new, c.summary.removed), (1, 1));
}

#[test]
fn newly_overdue_needs_the_two_dates() {
    let mut old = base();
    old.themes[0].actions[0].due = Due::parse("2013-09-30").ok();
    old.themes[0].actions[1].due = Due::parse("2013-06-30").ok();
    let new = old.clone();
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let moments = Moments {
        old: day("2013-09-01"),
        new: day("2013-11-01"),
    };
    let c = compare_at(&old, &new, moments);
    // 1.1 fell overdue between the two dates; 1.2 was overdue already.
    assert!(find(&c, "1.1").newly_overdue);
    assert!(c.action("1.2").is_none());
    assert_eq!(c.summary.newly_overdue, 1);
    assert!(compare(&old, &new).is_empty(), "no dates, nothing to say");
}

#[test]
fn glossary_custom_and_rag_counts_are_reported() {
    use crate::model::{CustomValue, GlossaryEntry};
    let mut old = base();
    old.owners = vec![GlossaryEntry {
        short: "QEG".into(),
        full: "Quality & Effectiveness Group".into(),
    }];
    let mut new = old.clone();
    new.owners[0].short = "QAEG".into();
    new.themes[1].actions[0].custom = Some(CustomValue::Map(vec![(
        "funding".into(),
        CustomValue::Scalar {
            text: "LSCB".into(),
            typed: false,
        },
    )]));
    new.themes[0].actions[1].rag = Some(Rag::Blue);
    let c = compare(&old, &new);
    assert_eq!(c.glossary[0].old_short.as_deref(), Some("QEG"));
    let custom = &find(&c, "2.1").custom[0];
    assert_eq!(
        (
            custom.key.as_str(),
            custom.from.as_deref(),
            custom.to.as_deref()
        ),
        ("funding", None, Some("LSCB"))
    );
    let theme1 = &c.rag_counts[0];
    assert_eq!((theme1.before.green, theme1.after.green), (1, 0));
    assert_eq!((theme1.before.blue, theme1.after.blue), (0, 1));
    assert_eq!(c.summary.completed, 1);
    assert_eq!(c.rag_counts.len(), 2);
}

#[test]
fn an_actions_change_by_its_ref_for_other_modules() {
    // 1.2 removed and a new action given its ref: `action("1.2")` is the new one; 1.1's entry
    // carries its old rating and whether progress changed.
    let mut new = base();
    new.themes[0].actions[1] = action("1.2", "Run a conference on neglect", Some(Rag::Red));
    new.themes[0].actions[0].rag = Some(Rag::Green);
    new.themes[0].actions[0].progress = Some("Reported quarterly".into());
    let c = compare(&base(), &new);
    let added = c.action("1.2").expect("1.2");
    assert_eq!(added.kind, ChangeKind::Added);
    let first = c.action("1.1").expect("1.1");
    assert_eq!(first.rag.and_then(|r| r.from), Some(Rag::Amber));
    assert!(first.text(Field::Progress).is_some() && first.due.is_none());
    assert!(c.action("2.1").is_none(), "unchanged");
}
