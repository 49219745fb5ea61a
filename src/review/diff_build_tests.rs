//! Tests of `diff_build.rs`.

use super::super::items::{measures, milestones};
use super::super::values::plan_fields;
use super::*;
use crate::model::{Measure, Milestone, Rag};
use crate::review::diff::FieldChange;
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> Option<Due> {
    NaiveDate::from_ymd_opt(y, m, d).map(Due::Date)
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn owners_gained_and_lost_ignoring_order() {
    let old = strings(&["QEG", "SLDG"]);
    let change = owners_change(&old, &strings(&["SLDG", "Business unit"]));
    let expected = OwnersChange {
        added: strings(&["Business unit"]),
        removed: strings(&["QEG"]),
    };
    assert_eq!(change, Some(expected));
    assert_eq!(owners_change(&old, &strings(&["SLDG", "QEG"])), None);
}

#[test]
fn due_moves_later_or_earlier() {
    let month = Some(Due::Month {
        year: 2014,
        month: 3,
    });
    let shift = |a: &Option<Due>, b: &Option<Due>| due_change(a, b).and_then(|d| d.shift);
    assert_eq!(
        shift(&date(2013, 7, 31), &date(2013, 9, 30)),
        Some(DueShift::Later)
    );
    assert_eq!(shift(&month, &date(2014, 1, 1)), Some(DueShift::Earlier));
    assert_eq!(
        shift(&month, &date(2014, 3, 31)),
        Some(DueShift::SameDeadline)
    );
    assert_eq!(shift(&Some(Due::Ongoing), &month), None);
    assert!(due_change(&None, &month).is_some_and(|d| d.from.is_none()));
    assert_eq!(due_change(&month, &month.clone()), None);
}

fn milestone(text: &str, rag: Option<Rag>) -> Milestone {
    Milestone {
        milestone: text.into(),
        rag,
        ..Milestone::default()
    }
}

#[test]
fn milestones_by_position_and_text() {
    let old = vec![
        milestone("Replace interim management team", Some(Rag::Amber)),
        milestone("Recruit permanent staff", None),
        milestone("Review caseloads", None),
    ];
    let mut new = old.clone();
    new[0].rag = Some(Rag::Green);
    new.remove(1);
    new[1].milestone = "Review caseloads monthly".into();
    new[1].due = date(2014, 1, 31);
    new.push(milestone("Report to the board", None));
    let changes = milestones(&old, &new);
    let listed: Vec<(ChangeKind, usize, &str)> = changes
        .iter()
        .map(|m| (m.kind, m.position, m.milestone.as_str()))
        .collect();
    use ChangeKind::*;
    assert_eq!(
        listed,
        [
            (Changed, 1, "Replace interim management team"),
            (Changed, 2, "Review caseloads monthly"),
            (Added, 3, "Report to the board"),
            (Removed, 2, "Recruit permanent staff"),
        ]
    );
    assert_eq!(changes[0].rag.map(|r| r.trend), Some(RagTrend::Improved));
    assert_eq!(changes[1].texts[0].field, Field::Milestone);
    assert!(changes[1].due.is_some());
}

fn measure(text: &str, latest: &str, rag: Option<Rag>) -> Measure {
    Measure {
        measure: text.into(),
        target: Some("90%".into()),
        latest: Some(latest.into()),
        rag,
        ..Measure::default()
    }
}

#[test]
fn measures_by_text() {
    let old = vec![
        measure("NI 59 - Initial assessments", "52.5%", Some(Rag::Red)),
        measure("NI 60 - Core assessments", "70%", Some(Rag::Amber)),
    ];
    let mut new = old.clone();
    new[0].measure = "NI 59 – initial assessments".into();
    new[0].latest = Some("61%".into());
    new[0].as_of = Some(Due::Month {
        year: 2013,
        month: 9,
    });
    new[0].rag = Some(Rag::Amber);
    new.remove(1);
    new.push(measure("Re-referrals within 12 months", "18%", None));
    let changes = measures(&old, &new);
    let kinds: Vec<ChangeKind> = changes.iter().map(|m| m.kind).collect();
    use ChangeKind::*;
    assert_eq!(kinds, [Changed, Added, Removed]);
    let fields: Vec<Field> = changes[0].fields.iter().map(|f| f.field).collect();
    assert_eq!(fields, [Field::Latest, Field::AsOf]);
    assert_eq!(changes[0].fields[0].to.as_deref(), Some("61%"));
    assert_eq!(changes[0].rag.map(|r| r.trend), Some(RagTrend::Improved));
    assert_eq!(
        changes[0].reworded_from.as_deref(),
        Some("NI 59 - Initial assessments")
    );
    assert_eq!(changes[1].fields.len(), 2);
    assert!(changes[2].fields.is_empty() && changes[2].rag.is_none());
}

#[test]
fn plan_fields_against_an_empty_plan() {
    let new = Plan {
        board: "Board".into(),
        version: Some("1.2".into()),
        ..Plan::default()
    };
    let changes = plan_fields(&Plan::default(), &new);
    let expected = |field, to: &str| FieldChange {
        field,
        from: None,
        to: Some(to.into()),
    };
    assert_eq!(
        changes,
        [
            expected(Field::Board, "Board"),
            expected(Field::Version, "1.2")
        ]
    );
}

#[test]
fn a_reworded_measure_is_the_same_measure() {
    let old = vec![measure(
        "NI 59 – Initial Assessments Completed in Timescales",
        "52.5%",
        Some(Rag::Red),
    )];
    let mut new = old.clone();
    new[0].measure = "NI 59 – Initial assessments completed within timescales (7 days)".into();
    let changes = measures(&old, &new);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0].kind, ChangeKind::Changed);
    assert!(changes[0].rag.is_none() && changes[0].fields.is_empty());
    assert_eq!(
        changes[0].reworded_from.as_deref(),
        Some("NI 59 – Initial Assessments Completed in Timescales")
    );
    // A different measure in the same place is not a rewording.
    new[0].measure = "Re-referrals within 12 months".into();
    new[0].target = Some("15%".into());
    let kinds: Vec<ChangeKind> = measures(&old, &new).iter().map(|m| m.kind).collect();
    assert_eq!(kinds, [ChangeKind::Added, ChangeKind::Removed]);
}
