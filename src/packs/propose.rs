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

/// A value the row asks for: which of [`NEW_FIELDS`], the value, the text as typed.
type RowValue = (usize, FieldValue, String);

/// Checks one row: its action, its values, whether the action changed since the pack; what it
/// asks for goes to `wanted`, the rest to the proposal's problems and conflicts.
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
    let (at, action, reference) = match row_action(plan, pack, row) {
        Ok(found) => found,
        Err(problem) => return proposal.problems.push(problem),
    };
    let values = row_values(pack, row, &mut proposal.problems);
    if values.iter().all(|(_, value, _)| is_current(action, value)) {
        // Nothing to do: already applied (a pack imported twice), or the same values as now.
        return;
    }
    if let Some(changed) = changed_since(pack, row, action) {
        let wanted = values
            .iter()
            .map(|(index, _, text)| (NEW_FIELDS[*index].0.header(), text.clone()))
            .collect();
        let source = Source {
            file: pack.file.clone(),
            place: row.place,
        };
        proposal.conflicts.push(Conflict {
            reference,
            kind: ConflictKind::ChangedSincePack {
                source,
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
            reference: reference.clone(),
            value,
            text,
            source,
        });
    }
}

/// The action a row is about, found by its ref (a leading `'`, Excel's text mark, ignored).
fn row_action<'p>(
    plan: &'p Plan,
    pack: &ReturnedPack,
    row: &ReturnedRow,
) -> Result<(ActionPos, &'p Action, String), PackProblem> {
    let reference = row
        .value(Column::Ref)
        .trim()
        .trim_start_matches('\'')
        .trim();
    let found = plan
        .find_action(reference)
        .and_then(|at| Some((at, plan.action(at)?)));
    found
        .map(|(at, action)| (at, action, reference.to_string()))
        .ok_or_else(|| {
            let message = if reference.is_empty() {
                "this row has new values but no ref; put back the ref it was sent with".to_string()
            } else {
                format!(
                    "no action with ref '{reference}' in the plan; refs in a pack must stay as they were sent"
                )
            };
            PackProblem {
                file: pack.file.clone(),
                place: Some(pack.cell_place(row, Column::Ref)),
                message,
            }
        })
}

/// The row's filled-in `new_*` values; each one that cannot be read is a problem.
fn row_values(
    pack: &ReturnedPack,
    row: &ReturnedRow,
    problems: &mut Vec<PackProblem>,
) -> Vec<RowValue> {
    let mut values = Vec::new();
    for (index, (column, field)) in NEW_FIELDS.iter().enumerate() {
        let text = row.value(*column);
        if text.trim().is_empty() {
            continue;
        }
        match parse_new(*field, text) {
            Ok(value) => values.push((index, value, normalise(text))),
            Err(message) => problems.push(PackProblem {
                file: pack.file.clone(),
                place: Some(pack.cell_place(row, *column)),
                message,
            }),
        }
    }
    values
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Rag, Theme};
    use crate::packs::{FieldValues, PackMeta, row_check};

    fn plan() -> Plan {
        let action = |r: &str, rag: Rag| Action {
            reference: r.into(),
            action: format!("Action {r}"),
            progress: Some("So far".into()),
            due: Due::parse("2013-07-31").ok(),
            rag: Some(rag),
            ..Action::default()
        };
        Plan {
            board: "Board".into(),
            period: "2013-14".into(),
            themes: vec![Theme {
                reference: "1".into(),
                title: "Early help".into(),
                actions: vec![action("1.1", Rag::Green), action("1.2", Rag::Amber)],
                ..Theme::default()
            }],
            ..Plan::default()
        }
    }

    /// A returned pack whose rows show the plan's action as it is (values and fingerprint),
    /// with `cells` filled in over them.
    fn pack(file: &str, plan: &Plan, rows: &[(&str, &[(Column, &str)])]) -> ReturnedPack {
        let place = |row| Place {
            row,
            column: None,
            header: None,
            line: None,
        };
        let rows = rows
            .iter()
            .enumerate()
            .map(|(i, (reference, cells))| {
                let mut values = BTreeMap::from([(Column::Ref, reference.to_string())]);
                if let Some(action) = plan.find_action(reference).and_then(|at| plan.action(at)) {
                    let rag = action.rag.map(|r| r.as_str().to_string());
                    let due = action.due.as_ref().map(ToString::to_string);
                    values.insert(Column::Check, row_check(action));
                    values.insert(Column::Action, action.action.clone());
                    values.insert(
                        Column::Progress,
                        action.progress.clone().unwrap_or_default(),
                    );
                    values.insert(Column::Rag, rag.unwrap_or_default());
                    values.insert(Column::Due, due.unwrap_or_default());
                }
                for (column, text) in *cells {
                    values.insert(*column, text.to_string());
                }
                ReturnedRow {
                    place: place(i + 9),
                    values,
                }
            })
            .collect();
        ReturnedPack {
            file: file.into(),
            meta: PackMeta {
                board: "Board".into(),
                period: "2013-14".into(),
                ..PackMeta::default()
            },
            meta_places: BTreeMap::from([("period".to_string(), place(4).at_column(0))]),
            columns: Column::ALL
                .iter()
                .enumerate()
                .map(|(i, c)| (*c, i))
                .collect(),
            rows,
        }
    }

    #[test]
    fn packs_that_agree_give_one_change_and_packs_that_differ_a_conflict() {
        let plan = plan();
        let a = pack(
            "a.csv",
            &plan,
            &[(
                "1.1",
                &[(Column::NewRag, "Red"), (Column::NewDue, "March 2014")],
            )],
        );
        let b = pack(
            "b.csv",
            &plan,
            &[(
                "1.1",
                &[(Column::NewRag, "red"), (Column::NewDue, "April 2014")],
            )],
        );
        let proposal = propose(&plan, &[a, b]);
        assert!(proposal.problems.is_empty());
        assert_eq!(proposal.changes.len(), 1);
        let change = &proposal.changes[0];
        assert_eq!(change.field, ActionField::Rag);
        assert_eq!(change.value, FieldValue::Rag(Some(Rag::Red)));
        assert_eq!(change.sources.len(), 2);
        assert_eq!(proposal.conflicts.len(), 1);
        assert_eq!(
            proposal.conflicts[0].to_string(),
            "1.1 due: the packs give different values; none is applied\n    a.csv: row 9, column I (new_due): March 2014\n    b.csv: row 9, column I (new_due): April 2014"
        );
    }

    #[test]
    fn a_row_whose_action_changed_since_is_a_conflict_unless_it_asks_for_what_is_there() {
        let mut now = plan();
        let returned = pack(
            "a.csv",
            &now,
            &[
                ("1.1", &[(Column::NewRag, "amber"), (Column::Rag, "green")]),
                ("1.2", &[(Column::NewRag, "red")]),
            ],
        );
        now.themes[0].actions[0].rag = Some(Rag::Red);
        now.themes[0].actions[1].rag = Some(Rag::Red);
        let proposal = propose(&now, &[returned]);
        assert!(proposal.changes.is_empty(), "{:?}", proposal.changes);
        assert_eq!(proposal.conflicts.len(), 1, "1.2 already says red");
        let ConflictKind::ChangedSincePack {
            changed, wanted, ..
        } = &proposal.conflicts[0].kind
        else {
            panic!("{:?}", proposal.conflicts);
        };
        assert_eq!(
            changed,
            &[FieldValues {
                field: "rag",
                pack: "green".into(),
                plan: "red".into()
            }]
        );
        assert_eq!(wanted, &[("new_rag", "amber".to_string())]);
    }

    #[test]
    fn each_bad_cell_is_one_problem_with_its_place() {
        let plan = plan();
        let returned = pack(
            "a.csv",
            &plan,
            &[
                (
                    "1.1",
                    &[
                        (Column::NewRag, "grene"),
                        (Column::NewDue, "31 September 2013"),
                    ],
                ),
                ("9.9", &[(Column::NewProgress, "Done")]),
                ("1.2", &[]),
            ],
        );
        let problems: Vec<String> = propose(&plan, &[returned])
            .problems
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            problems,
            [
                "a.csv: row 9, column H (new_rag): 'grene' is not a rating; use red, amber, green or blue",
                "a.csv: row 9, column I (new_due): '31 September 2013' is not a real date; type a date such as 31 July 2014, 31/07/2014, July 2014 or ongoing",
                "a.csv: row 10, column A (ref): no action with ref '9.9' in the plan; refs in a pack must stay as they were sent",
            ]
        );
    }

    #[test]
    fn a_pack_from_another_year_is_refused_where_it_says_so() {
        let plan = plan();
        let mut returned = pack("a.csv", &plan, &[("1.1", &[(Column::NewRag, "red")])]);
        returned.meta.period = "2012-13".into();
        let proposal = propose(&plan, &[returned]);
        assert!(proposal.changes.is_empty());
        assert_eq!(
            proposal.problems[0].to_string(),
            "a.csv: row 4, column A: the pack was made from another plan (Board, 2012-13), not this one (Board, 2013-14); import it into the plan it came from"
        );
    }
}
