//! Semantic rules a plan must follow, beyond its shape: unique refs, required text, real dates.

use super::{
    ACTION_FIELDS, Due, FieldSpec, MEASURE_FIELDS, MILESTONE_FIELDS, Plan, Slot, THEME_FIELDS,
};
use std::collections::BTreeMap;

/// How serious a problem is: errors stop a file from loading, warnings are reported by `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Reported, but the plan is usable.
    Warning,
    /// The plan is not valid.
    Error,
}

/// Where in a plan a problem is: the element (by index) and the field key, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Location {
    /// Index of the theme.
    pub theme: Option<usize>,
    /// Index of the action within the theme.
    pub action: Option<usize>,
    /// Index of the milestone within the action.
    pub milestone: Option<usize>,
    /// Index of the measure within the theme.
    pub measure: Option<usize>,
    /// Index of the plan's version history row.
    pub history: Option<usize>,
    /// The field's key; `None` for the element itself.
    pub field: Option<&'static str>,
}

/// A broken rule, found in a plan model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where it is.
    pub location: Location,
    /// What is wrong and what to do.
    pub message: String,
}

/// Checks every semantic rule; problems come in plan order.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |severity, location, message: String| {
        problems.push(Problem {
            severity,
            location,
            message,
        })
    };
    let plan_field = |field| Location {
        field: Some(field),
        ..Location::default()
    };
    // A new board's first plan may hold only its board and period: the title is optional.
    for (key, value) in [("board", &plan.board), ("period", &plan.period)] {
        if value.trim().is_empty() {
            report(
                Severity::Error,
                plan_field(key),
                format!("'{key}' is empty; give the plan a {key}"),
            );
        }
    }
    check_due(&mut report, plan.date.as_ref(), plan_field("date"));
    for (row, entry) in plan.history.iter().enumerate() {
        let at = |field| Location {
            history: Some(row),
            ..plan_field(field)
        };
        if entry.version.trim().is_empty() {
            let message = format!("history row {} has no version; give it one", row + 1);
            report(Severity::Error, at("version"), message);
        }
        check_due(&mut report, entry.date.as_ref(), at("date"));
    }
    let mut theme_refs: BTreeMap<&str, usize> = BTreeMap::new();
    let mut action_refs: BTreeMap<&str, String> = BTreeMap::new();
    for (t, theme) in plan.themes.iter().enumerate() {
        let at = |field| Location {
            theme: Some(t),
            field: Some(field),
            ..Location::default()
        };
        required_fields(&mut report, THEME_FIELDS, theme, at, "theme");
        if let Some(first) = theme_refs.insert(&theme.reference, t + 1) {
            let message = format!(
                "duplicate theme ref '{}' (also theme {first}); theme refs must be unique",
                theme.reference
            );
            report(Severity::Error, at("ref"), message);
        }
        for (a, action) in theme.actions.iter().enumerate() {
            let at = |field| Location {
                theme: Some(t),
                action: Some(a),
                field: Some(field),
                ..Location::default()
            };
            required_fields(&mut report, ACTION_FIELDS, action, at, "action");
            let theme_name = format!("theme {}", theme.reference);
            if let Some(other) = action_refs.insert(&action.reference, theme_name) {
                let message = format!(
                    "duplicate action ref '{}' (also in {other}); action refs must be unique in a file",
                    action.reference
                );
                report(Severity::Error, at("ref"), message);
            }
            check_values(&mut report, ACTION_FIELDS, action, at);
            for (m, milestone) in action.milestones.iter().enumerate() {
                let at = |field| Location {
                    milestone: Some(m),
                    ..at(field)
                };
                required_fields(&mut report, MILESTONE_FIELDS, milestone, at, "milestone");
                check_values(&mut report, MILESTONE_FIELDS, milestone, at);
            }
        }
        for (m, measure) in theme.measures.iter().enumerate() {
            let at = |field| Location {
                theme: Some(t),
                measure: Some(m),
                field: Some(field),
                ..Location::default()
            };
            required_fields(&mut report, MEASURE_FIELDS, measure, at, "measure");
            check_values(&mut report, MEASURE_FIELDS, measure, at);
        }
    }
    problems
}

/// Reports each required field of `element` that is empty.
fn required_fields<E>(
    report: &mut impl FnMut(Severity, Location, String),
    table: &[FieldSpec<E>],
    element: &E,
    at: impl Fn(&'static str) -> Location,
    what: &str,
) {
    for spec in table {
        if let Slot::Required(get, _) = &spec.slot {
            required(report, get(element), at(spec.key), what);
        }
    }
}

/// Checks the values of `element`: timescales that are not dates, then owners listed twice.
fn check_values<E>(
    report: &mut impl FnMut(Severity, Location, String),
    table: &[FieldSpec<E>],
    element: &E,
    at: impl Fn(&'static str) -> Location,
) {
    for spec in table {
        if let Slot::Due(get, _) = &spec.slot {
            check_due(report, get(element).as_ref(), at(spec.key));
        }
    }
    for spec in table {
        if let Slot::Owners(get, _) = &spec.slot {
            check_owners(report, get(element), at(spec.key));
        }
    }
}

fn required(
    report: &mut impl FnMut(Severity, Location, String),
    value: &str,
    at: Location,
    what: &str,
) {
    if value.trim().is_empty() {
        let key = at.field.unwrap_or("value");
        report(
            Severity::Error,
            at,
            format!("{what} '{key}' is empty; every {what} needs one"),
        );
    }
}

fn check_due(report: &mut impl FnMut(Severity, Location, String), due: Option<&Due>, at: Location) {
    if let Some(Due::Text(text)) = due.filter(|d| !d.is_board_year()) {
        let shown = text.trim().replace('\n', " / ");
        let message =
            format!("'{shown}' is not a date (use YYYY-MM-DD, YYYY-MM or ongoing); kept as text");
        report(Severity::Warning, at, message);
    }
}

fn check_owners(
    report: &mut impl FnMut(Severity, Location, String),
    owners: &[String],
    at: Location,
) {
    for (i, owner) in owners.iter().enumerate() {
        if owners[..i].contains(owner) {
            report(
                Severity::Warning,
                at,
                format!("owner '{owner}' is listed twice"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Theme};

    #[test]
    fn finds_duplicates_empty_text_and_free_text_dates() {
        let action = |r: &str, text: &str| Action {
            reference: r.into(),
            action: text.into(),
            ..Action::default()
        };
        let mut second = action("1.1", "again");
        second.due = Some(Due::Text("Annually".into()));
        second.owners = vec!["QEG".into(), "QEG".into()];
        let plan = Plan {
            board: "B".into(),
            period: "".into(),
            themes: vec![Theme {
                reference: "1".into(),
                title: "T".into(),
                actions: vec![action("1.1", "a"), second],
                ..Theme::default()
            }],
            ..Plan::default()
        };
        let problems = validate(&plan);
        let messages: Vec<(Severity, &str)> = problems
            .iter()
            .map(|p| (p.severity, p.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                (Severity::Error, "'period' is empty; give the plan a period"),
                (
                    Severity::Error,
                    "duplicate action ref '1.1' (also in theme 1); action refs must be unique in a file"
                ),
                (
                    Severity::Warning,
                    "'Annually' is not a date (use YYYY-MM-DD, YYYY-MM or ongoing); kept as text"
                ),
                (Severity::Warning, "owner 'QEG' is listed twice"),
            ]
        );
        assert_eq!(
            problems[1].location,
            Location {
                theme: Some(0),
                action: Some(1),
                field: Some("ref"),
                ..Location::default()
            }
        );
    }
}
