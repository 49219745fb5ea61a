//! Conflicts: a returned row whose action changed in the plan since the pack was made, and
//! two packs giving one field different values. Neither is applied.

use super::{Column, ReturnedPack, ReturnedRow, Source, row_check};
use crate::model::{Action, ActionField, Due, parse_rag};
use std::fmt;

/// A field as the pack shows it and as the plan has it now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldValues {
    /// The column's name.
    pub field: &'static str,
    /// The value in the pack.
    pub pack: String,
    /// The value in the plan now.
    pub plan: String,
}

/// Why a change is not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConflictKind {
    /// The action changed in the plan after the pack was made.
    ChangedSincePack {
        /// The pack's row.
        source: Source,
        /// The fields whose values differ.
        changed: Vec<FieldValues>,
        /// What the lead asked for: each `new_*` column filled in and its text.
        wanted: Vec<(&'static str, String)>,
    },
    /// Packs give this field different values: each value and where it came from.
    Disagree(ActionField, Vec<(String, Source)>),
}

/// A change that is not applied, for the officer to settle by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The action's ref.
    pub reference: String,
    /// What is in conflict.
    pub kind: ConflictKind,
}

/// How the pack's current values differ from the action's now, when the action changed since
/// the pack was made; `None` when it has not. The row's `check` fingerprint decides when it is
/// there (a spreadsheet may have re-spelled the dates shown); otherwise the shown values do.
pub(super) fn changed_since(
    pack: &ReturnedPack,
    row: &ReturnedRow,
    action: &Action,
) -> Option<Vec<FieldValues>> {
    let check = row.value(Column::Check).trim();
    let now = row_check(action);
    if !check.is_empty() && check == now {
        return None;
    }
    let mut differences = shown_differences(pack, row, action);
    if check.is_empty() {
        return (!differences.is_empty()).then_some(differences);
    }
    if differences.is_empty() {
        differences.push(FieldValues {
            field: "check",
            pack: check.to_string(),
            plan: now,
        });
    }
    Some(differences)
}

/// Whether a value shown in a pack says the same as the plan's.
type SameFn = fn(&str, &str) -> bool;

/// The current-value columns of the row that do not say what the plan says now.
fn shown_differences(pack: &ReturnedPack, row: &ReturnedRow, action: &Action) -> Vec<FieldValues> {
    let plan_due = action
        .due
        .as_ref()
        .map(|d| d.to_string())
        .unwrap_or_default();
    let plan_rag = action
        .rag
        .map(|r| r.as_str().to_string())
        .unwrap_or_default();
    let plan_progress = action.progress.clone().unwrap_or_default();
    let checks: [(Column, String, SameFn); 4] = [
        (Column::Action, action.action.clone(), same_text),
        (Column::Progress, plan_progress, same_text),
        (Column::Rag, plan_rag, same_rag),
        (Column::Due, plan_due, same_due),
    ];
    checks
        .into_iter()
        .filter(|(column, _, _)| pack.columns.contains_key(column))
        .filter(|(column, plan, same)| !same(row.value(*column), plan))
        .map(|(column, plan, _)| FieldValues {
            field: column.header(),
            pack: normalise(row.value(column)),
            plan,
        })
        .collect()
}

/// Text as compared: line ends made `\n`, surrounding space trimmed.
pub(super) fn normalise(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_string()
}

fn same_text(pack: &str, plan: &str) -> bool {
    normalise(pack) == normalise(plan)
}

fn same_rag(pack: &str, plan: &str) -> bool {
    parse_rag(pack).is_some_and(|rag| rag == parse_rag(plan).flatten())
}

/// Dates compared as dates, so `31/07/2013` (as Excel may re-spell it) is `2013-07-31`.
fn same_due(pack: &str, plan: &str) -> bool {
    match (Due::parse_natural(pack), Due::parse_natural(plan)) {
        (Ok(a), Ok(b)) => a == b || normalise(pack) == normalise(plan),
        _ => normalise(pack) == normalise(plan),
    }
}

/// One line of a value for a report: line breaks shown as ` / `, cut at 160 characters.
fn shown(text: &str) -> String {
    if text.is_empty() {
        return "(empty)".into();
    }
    crate::text::clip(&text.lines().collect::<Vec<_>>().join(" / "), 160)
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ConflictKind::ChangedSincePack {
                source,
                changed,
                wanted,
            } => {
                write!(
                    f,
                    "{}: changed in the plan since the pack was made; the lead's update is not applied\n    from {source}",
                    self.reference
                )?;
                for values in changed {
                    write!(
                        f,
                        "\n    {} in the pack:     {}",
                        values.field,
                        shown(&values.pack)
                    )?;
                    write!(
                        f,
                        "\n    {} in the plan now: {}",
                        values.field,
                        shown(&values.plan)
                    )?;
                }
                for (column, text) in wanted {
                    write!(f, "\n    the lead's {column}: {}", shown(text))?;
                }
                Ok(())
            }
            ConflictKind::Disagree(field, values) => {
                write!(
                    f,
                    "{} {field}: the packs give different values; none is applied",
                    self.reference
                )?;
                for (value, source) in values {
                    write!(f, "\n    {source}: {}", shown(value))?;
                }
                Ok(())
            }
        }
    }
}
