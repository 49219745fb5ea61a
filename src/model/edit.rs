//! Edits as values: applying an edit changes the plan and returns the edit that undoes it.

use super::fields::SetError;
use super::item_edit::ItemEdit;
use super::theme_field::set_theme_field;
use super::{Action, ActionField, ActionPos, FieldValue, OpsError, Plan, Theme, ThemeField};

/// Why an edit could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The field name is not one of the action fields.
    #[error("unknown field '{0}' (fields: {keys})", keys = action_keys())]
    UnknownField(String),
    /// The value does not suit the field.
    #[error("'{value}' is not a valid {field}: {why}")]
    BadValue {
        /// The field's key.
        field: String,
        /// The value given.
        value: String,
        /// What is expected.
        why: String,
    },
    /// A required field would become empty.
    #[error("{0} cannot be empty")]
    Required(ActionField),
    /// Another action already has this ref.
    #[error("another action already has ref '{0}'")]
    DuplicateRef(String),
    /// A structural problem.
    #[error(transparent)]
    Ops(#[from] OpsError),
}

/// One change to a plan. `apply` returns the inverse edit, which is what undo applies.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Sets one field of an action.
    SetAction {
        /// Which action.
        at: ActionPos,
        /// Which field.
        field: ActionField,
        /// The new value.
        value: FieldValue,
    },
    /// Inserts an action.
    InsertAction {
        /// Where it goes.
        at: ActionPos,
        /// The action.
        action: Box<Action>,
    },
    /// Removes an action.
    RemoveAction {
        /// Which action.
        at: ActionPos,
    },
    /// Moves an action, possibly to another theme.
    MoveAction {
        /// Where it is.
        from: ActionPos,
        /// Where it ends up.
        to: ActionPos,
    },
    /// Inserts a theme.
    InsertTheme {
        /// Index it goes to.
        at: usize,
        /// The theme.
        theme: Box<Theme>,
    },
    /// Removes a theme and its actions.
    RemoveTheme {
        /// Which theme.
        at: usize,
    },
    /// Moves a theme.
    MoveTheme {
        /// Index it is at.
        from: usize,
        /// Index it ends up at.
        to: usize,
    },
    /// Sets one field of a theme.
    SetTheme {
        /// Index of the theme.
        at: usize,
        /// Which field.
        field: ThemeField,
        /// The new value.
        value: FieldValue,
    },
    /// Replaces the whole plan (restoring recovered edits).
    ReplacePlan(Box<Plan>),
    /// Changes a milestone or a measure.
    Item(ItemEdit),
    /// Several edits applied in order, undone together.
    Batch(Vec<Edit>),
}

impl ActionField {
    /// The field with this key.
    pub fn parse(key: &str) -> Result<ActionField, EditError> {
        ActionField::from_key(key).ok_or_else(|| EditError::UnknownField(key.to_string()))
    }

    /// Reads a value typed by a person for this field (see [`FieldSpec::parse`](super::fields::FieldSpec::parse)).
    pub fn parse_value(self, text: &str) -> Result<FieldValue, EditError> {
        self.spec().parse(text).map_err(|why| EditError::BadValue {
            field: self.key().to_string(),
            value: text.to_string(),
            why,
        })
    }
}

/// The keys an action's fields are set by, for messages.
fn action_keys() -> String {
    ActionField::ALL.map(ActionField::key).join(", ")
}

impl Edit {
    /// Applies the edit and returns its inverse; on error the plan is unchanged.
    pub fn apply(self, plan: &mut Plan) -> Result<Edit, EditError> {
        match self {
            Edit::SetAction { at, field, value } => set_action_field(plan, at, field, value),
            Edit::InsertAction { at, action } => {
                if plan.find_action(&action.reference).is_some() {
                    return Err(EditError::DuplicateRef(action.reference));
                }
                plan.insert_action(at, *action)?;
                Ok(Edit::RemoveAction { at })
            }
            Edit::RemoveAction { at } => {
                let action = plan.remove_action(at)?;
                Ok(Edit::InsertAction {
                    at,
                    action: Box::new(action),
                })
            }
            Edit::MoveAction { from, to } => {
                plan.move_action(from, to)?;
                Ok(Edit::MoveAction { from: to, to: from })
            }
            Edit::InsertTheme { at, theme } => {
                plan.insert_theme(at, *theme)?;
                Ok(Edit::RemoveTheme { at })
            }
            Edit::RemoveTheme { at } => {
                let theme = plan.remove_theme(at)?;
                Ok(Edit::InsertTheme {
                    at,
                    theme: Box::new(theme),
                })
            }
            Edit::MoveTheme { from, to } => {
                plan.move_theme(from, to)?;
                Ok(Edit::MoveTheme { from: to, to: from })
            }
            Edit::SetTheme { at, field, value } => {
                let old = set_theme_field(plan, at, field, value)?;
                Ok(Edit::SetTheme {
                    at,
                    field,
                    value: old,
                })
            }
            Edit::Item(edit) => Ok(Edit::Item(edit.apply(plan)?)),
            Edit::ReplacePlan(new) => {
                Ok(Edit::ReplacePlan(Box::new(std::mem::replace(plan, *new))))
            }
            Edit::Batch(edits) => apply_batch(plan, edits),
        }
    }

    /// The edit that renumbers every theme `1`, `2`, ... in order and every action
    /// `<theme ref>.<n>` within its theme.
    pub fn renumber_all(plan: &Plan) -> Edit {
        let temporary = |kind: &str, n: usize| format!("\u{0}renumber-{kind}-{n}");
        let theme_ref = |at: usize, value: String| Edit::SetTheme {
            at,
            field: ThemeField::Ref,
            value: FieldValue::Text(Some(value)),
        };
        let action_ref = |at: ActionPos, value: String| Edit::SetAction {
            at,
            field: ActionField::Ref,
            value: FieldValue::Text(Some(value)),
        };
        let positions: Vec<ActionPos> = plan.actions().map(|(pos, _)| pos).collect();
        let mut edits: Vec<Edit> = (0..plan.themes.len())
            .map(|t| theme_ref(t, temporary("theme", t)))
            .collect();
        edits.extend(
            positions
                .iter()
                .enumerate()
                .map(|(n, &pos)| action_ref(pos, temporary("action", n))),
        );
        edits.extend((0..plan.themes.len()).map(|t| theme_ref(t, (t + 1).to_string())));
        edits.extend(
            positions
                .iter()
                .map(|&pos| action_ref(pos, format!("{}.{}", pos.theme + 1, pos.action + 1))),
        );
        Edit::Batch(edits)
    }

    /// The edit that renumbers a theme's actions `<theme ref>.<n>` in order.
    pub fn renumber_actions(plan: &Plan, theme: usize) -> Result<Edit, EditError> {
        let refs = plan.renumbered_action_refs(theme)?;
        // Two passes through unique temporary refs, so a swap ("1.2" <-> "1.1") never clashes.
        let temporary = |n: usize| format!("\u{0}renumber-{n}");
        let set = |action: usize, value: String| Edit::SetAction {
            at: ActionPos { theme, action },
            field: ActionField::Ref,
            value: FieldValue::Text(Some(value)),
        };
        let first = (0..refs.len()).map(|n| set(n, temporary(n)));
        let second = refs.into_iter().enumerate().map(|(n, r)| set(n, r));
        Ok(Edit::Batch(first.chain(second).collect()))
    }
}

fn apply_batch(plan: &mut Plan, edits: Vec<Edit>) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(plan) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                for inverse in inverses.into_iter().rev() {
                    // Inverses of edits just applied always apply.
                    let _ = inverse.apply(plan);
                }
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch(inverses))
}

fn set_action_field(
    plan: &mut Plan,
    at: ActionPos,
    field: ActionField,
    value: FieldValue,
) -> Result<Edit, EditError> {
    if let (ActionField::Ref, FieldValue::Text(Some(new_ref))) = (field, &value)
        && plan.find_action(new_ref).is_some_and(|pos| pos != at)
    {
        return Err(EditError::DuplicateRef(new_ref.clone()));
    }
    let action = plan.action_mut(at).ok_or(OpsError::NoSuchPosition)?;
    let old = field
        .spec()
        .set(action, value.clone())
        .map_err(|error| match error {
            SetError::Empty => EditError::Required(field),
            SetError::WrongKind => EditError::BadValue {
                field: field.key().to_string(),
                value: format!("{value:?}"),
                why: "wrong kind of value".into(),
            },
        })?;
    Ok(Edit::SetAction {
        at,
        field,
        value: old,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rag;

    fn plan() -> Plan {
        let action = |r: &str| Action {
            reference: r.into(),
            action: format!("do {r}"),
            ..Action::default()
        };
        Plan {
            themes: vec![Theme {
                reference: "1".into(),
                title: "t".into(),
                actions: vec![action("1.2"), action("1.1"), action("1.5")],
                ..Theme::default()
            }],
            ..Plan::default()
        }
    }

    const FIRST: ActionPos = ActionPos {
        theme: 0,
        action: 0,
    };

    #[test]
    fn set_and_undo_restores_the_plan() {
        let mut plan = plan();
        let before = plan.clone();
        let value = ActionField::Rag.parse_value("Green").unwrap();
        let undo = Edit::SetAction {
            at: FIRST,
            field: ActionField::Rag,
            value,
        }
        .apply(&mut plan)
        .unwrap();
        assert_eq!(plan.themes[0].actions[0].rag, Some(Rag::Green));
        let redo = undo.apply(&mut plan).unwrap();
        assert_eq!(plan, before);
        redo.apply(&mut plan).unwrap();
        assert_eq!(plan.themes[0].actions[0].rag, Some(Rag::Green));
    }

    #[test]
    fn renumber_swaps_without_clashing_and_undoes() {
        let mut plan = plan();
        let before = plan.clone();
        let undo = Edit::renumber_actions(&plan, 0)
            .unwrap()
            .apply(&mut plan)
            .unwrap();
        let refs: Vec<&str> = plan.themes[0]
            .actions
            .iter()
            .map(|a| a.reference.as_str())
            .collect();
        assert_eq!(refs, ["1.1", "1.2", "1.3"]);
        undo.apply(&mut plan).unwrap();
        assert_eq!(plan, before);
    }

    #[test]
    fn renumber_all_and_theme_fields() {
        let mut plan = plan();
        plan.themes.push(Theme {
            reference: "B".into(),
            title: "second".into(),
            ..Theme::default()
        });
        plan.themes.swap(0, 1);
        plan.themes[0].actions.push(Action {
            reference: "1.1-x".into(),
            action: "x".into(),
            ..Action::default()
        });
        let before = plan.clone();
        let undo = Edit::renumber_all(&plan).apply(&mut plan).unwrap();
        let refs: Vec<&str> = plan.actions().map(|(_, a)| a.reference.as_str()).collect();
        assert_eq!(refs, ["1.1", "2.1", "2.2", "2.3"]);
        assert_eq!(
            (
                plan.themes[0].reference.as_str(),
                plan.themes[1].reference.as_str()
            ),
            ("1", "2")
        );
        undo.apply(&mut plan).unwrap();
        assert_eq!(plan, before);
        let lead = Edit::SetTheme {
            at: 0,
            field: ThemeField::Lead,
            value: FieldValue::Text(Some("Chair".into())),
        };
        lead.apply(&mut plan).unwrap();
        assert_eq!(plan.themes[0].lead.as_deref(), Some("Chair"));
        let clash = Edit::SetTheme {
            at: 0,
            field: ThemeField::Ref,
            value: FieldValue::Text(Some("1".into())),
        };
        assert_eq!(
            clash.apply(&mut plan),
            Err(EditError::DuplicateRef("1".into()))
        );
    }

    #[test]
    fn refuses_bad_values_and_duplicates() {
        let mut plan = plan();
        assert!(ActionField::Rag.parse_value("purple").is_err());
        assert!(ActionField::Due.parse_value("31 September 2013").is_err());
        assert_eq!(
            ActionField::Owners.parse_value(" QEG, SLDG ,").unwrap(),
            FieldValue::Owners(vec!["QEG".into(), "SLDG".into()])
        );
        let dup = Edit::SetAction {
            at: FIRST,
            field: ActionField::Ref,
            value: FieldValue::Text(Some("1.1".into())),
        };
        assert_eq!(
            dup.apply(&mut plan),
            Err(EditError::DuplicateRef("1.1".into()))
        );
        let empty = Edit::SetAction {
            at: FIRST,
            field: ActionField::Action,
            value: FieldValue::Text(None),
        };
        assert_eq!(
            empty.apply(&mut plan),
            Err(EditError::Required(ActionField::Action))
        );
    }
}
