//! Returned packs against the plan: each filled-in row checked (origin, ref, values, changes
//! since the pack was made) and turned into proposed field changes, conflicts and problems.

use super::conflict::{Conflict, ConflictKind, changed_since, normalise};
use super::{Column, PackProblem, Place, ReturnedPack, ReturnedRow};
use crate::model::{Action, ActionField, ActionPos, Due, Edit, FieldValue, Plan, parse_rag};
use std::collections::BTreeMap;
use std::fmt;

/// Where a value came from: a pack's file and the cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The pack's file name.
    pub file: String,
    /// The cell.
    pub place: Place,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.place)
    }
}

/// One field of one action to change.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The action's ref.
    pub reference: String,
    /// Where the action is.
    pub at: ActionPos,
    /// The field.
    pub field: ActionField,
    /// Its new value.
    pub value: FieldValue,
    /// The packs that ask for it.
    pub sources: Vec<Source>,
}

impl Change {
    /// The edit that makes the change.
    pub fn edit(&self) -> Edit {
        Edit::SetAction {
            at: self.at,
            field: self.field,
            value: self.value.clone(),
        }
    }
}

/// What the returned packs would do to the plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Proposal {
    /// Field changes to apply, in plan order.
    pub changes: Vec<Change>,
    /// Changes refused, for the officer to settle.
    pub conflicts: Vec<Conflict>,
    /// Bad input: while there is any, nothing may be applied.
    pub problems: Vec<PackProblem>,
}

/// A value a row asks for, before the packs are compared with each other.
struct Wanted {
    reference: String,
    value: FieldValue,
    text: String,
    source: Source,
}

const NEW_FIELDS: [(Column, ActionField); 3] = [
    (Column::NewProgress, ActionField::Progress),
    (Column::NewRag, ActionField::Rag),
    (Column::NewDue, ActionField::Due),
];

/// Checks every filled-in row of `packs` against `plan`.
pub fn propose(plan: &Plan, packs: &[ReturnedPack]) -> Proposal {
    let mut proposal = Proposal::default();
    let mut wanted: BTreeMap<(ActionPos, usize), Vec<Wanted>> = BTreeMap::new();
    for pack in packs {
        if let Some(problem) = wrong_plan(plan, pack) {
            proposal.problems.push(problem);
            continue;
        }
        for row in &pack.rows {
            row_changes(plan, pack, row, &mut proposal, &mut wanted);
        }
    }
    for ((at, field_index), values) in wanted {
        let field = NEW_FIELDS[field_index].1;
        let reference = values[0].reference.clone();
        if values.iter().all(|w| w.value == values[0].value) {
            let sources = values.iter().map(|w| w.source.clone()).collect();
            let value = values[0].value.clone();
            proposal.changes.push(Change {
                reference,
                at,
                field,
                value,
                sources,
            });
        } else {
            let listed = values.into_iter().map(|w| (w.text, w.source)).collect();
            proposal.conflicts.push(Conflict {
                reference,
                kind: ConflictKind::Disagree(field, listed),
            });
        }
    }
    proposal
}

/// A problem when the pack was made from another plan (another board or period).
fn wrong_plan(plan: &Plan, pack: &ReturnedPack) -> Option<PackProblem> {
    let board = pack.meta.board.trim();
    let period = pack.meta.period.trim();
    if board == plan.board.trim() && period == plan.period.trim() {
        return None;
    }
    let key = if board == plan.board.trim() {
        "period"
    } else {
        "board"
    };
    Some(PackProblem {
        file: pack.file.clone(),
        place: pack.meta_places.get(key).copied(),
        message: format!(
            "the pack was made from another plan ({board}, {period}), not this one ({}, {}); import it into the plan it came from",
            plan.board, plan.period
        ),
    })
}

fn row_changes(
    plan: &Plan,
    pack: &ReturnedPack,
    row: &ReturnedRow,
    proposal: &mut Proposal,
    wanted: &mut BTreeMap<(ActionPos, usize), Vec<Wanted>>,
) {
    if NEW_FIELDS
        .iter()
        .all(|(c, _)| row.value(*c).trim().is_empty())
    {
        return;
    }
    let problem = |column: Column, message: String| PackProblem {
        file: pack.file.clone(),
        place: Some(pack.cell_place(row, column)),
        message,
    };
    let reference = row
        .value(Column::Ref)
        .trim()
        .trim_start_matches('\'')
        .trim();
    let found = plan
        .find_action(reference)
        .and_then(|at| Some((at, plan.action(at)?)));
    let Some((at, action)) = found else {
        let message = if reference.is_empty() {
            "this row has new values but no ref; put back the ref it was sent with".to_string()
        } else {
            format!(
                "no action with ref '{reference}' in the plan; refs in a pack must stay as they were sent"
            )
        };
        proposal.problems.push(problem(Column::Ref, message));
        return;
    };
    let mut values = Vec::new();
    for (index, (column, field)) in NEW_FIELDS.iter().enumerate() {
        let text = row.value(*column);
        if text.trim().is_empty() {
            continue;
        }
        match parse_new(*field, text) {
            Ok(value) => values.push((index, value, normalise(text))),
            Err(message) => proposal.problems.push(problem(*column, message)),
        }
    }
    if values.iter().all(|(_, value, _)| is_current(action, value)) {
        // Nothing to do: already applied (a pack imported twice), or the same values as now.
        return;
    }
    if let Some(changed) = changed_since(pack, row, action) {
        let wanted = values
            .iter()
            .map(|(index, _, text)| (NEW_FIELDS[*index].0.header(), text.clone()))
            .collect();
        proposal.conflicts.push(Conflict {
            reference: reference.to_string(),
            kind: ConflictKind::ChangedSincePack {
                source: Source {
                    file: pack.file.clone(),
                    place: row.place,
                },
                changed,
                wanted,
            },
        });
        return;
    }
    for (index, value, text) in values {
        if is_current(action, &value) {
            continue;
        }
        let source = Source {
            file: pack.file.clone(),
            place: pack.cell_place(row, NEW_FIELDS[index].0),
        };
        wanted.entry((at, index)).or_default().push(Wanted {
            reference: reference.to_string(),
            value,
            text,
            source,
        });
    }
}

/// A lead's value for a field: a rating word, a due date as people type them, or progress.
fn parse_new(field: ActionField, text: &str) -> Result<FieldValue, String> {
    match field {
        ActionField::Rag => parse_rag(text).map(FieldValue::Rag).ok_or_else(|| {
            format!(
                "'{}' is not a rating; use red, amber, green or blue",
                text.trim()
            )
        }),
        ActionField::Due => Due::parse_natural(text)
            .map(|due| FieldValue::Due(Some(due)))
            .map_err(|e| {
                format!("{e}; type a date such as 31 July 2014, 31/07/2014, July 2014 or ongoing")
            }),
        _ => Ok(FieldValue::Text(Some(normalise(text)))),
    }
}

fn is_current(action: &Action, value: &FieldValue) -> bool {
    match value {
        FieldValue::Rag(rag) => action.rag == *rag,
        FieldValue::Due(due) => action.due == *due,
        FieldValue::Text(text) => action.progress == *text,
        FieldValue::Owners(owners) => action.owners == *owners,
    }
}
