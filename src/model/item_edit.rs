//! Edits of the small lists inside a plan: an action's milestones and a theme's measures.
//! Each applies and returns its inverse, like every [`Edit`](super::Edit).

use super::fields::SetError;
use super::{
    ActionPos, EditError, FieldValue, Measure, MeasureField, Milestone, MilestoneField, OpsError,
    Plan,
};

/// A change to a milestone or a measure.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemEdit {
    /// Inserts a milestone into an action.
    InsertMilestone(ActionPos, usize, Box<Milestone>),
    /// Removes a milestone.
    RemoveMilestone(ActionPos, usize),
    /// Moves a milestone within its action.
    MoveMilestone(ActionPos, usize, usize),
    /// Sets a field of a milestone.
    SetMilestone(ActionPos, usize, MilestoneField, FieldValue),
    /// Inserts a measure into a theme.
    InsertMeasure(usize, usize, Box<Measure>),
    /// Removes a measure.
    RemoveMeasure(usize, usize),
    /// Moves a measure within its theme.
    MoveMeasure(usize, usize, usize),
    /// Sets a field of a measure.
    SetMeasure(usize, usize, MeasureField, FieldValue),
}

impl ItemEdit {
    /// Applies the edit and returns its inverse; on error the plan is unchanged.
    pub fn apply(self, plan: &mut Plan) -> Result<ItemEdit, EditError> {
        match self {
            ItemEdit::InsertMilestone(at, index, item) => {
                insert(milestones(plan, at)?, index, *item)?;
                Ok(ItemEdit::RemoveMilestone(at, index))
            }
            ItemEdit::RemoveMilestone(at, index) => {
                let item = remove(milestones(plan, at)?, index)?;
                Ok(ItemEdit::InsertMilestone(at, index, Box::new(item)))
            }
            ItemEdit::MoveMilestone(at, from, to) => {
                shift(milestones(plan, at)?, from, to)?;
                Ok(ItemEdit::MoveMilestone(at, to, from))
            }
            ItemEdit::SetMilestone(at, index, field, value) => {
                let item = milestones(plan, at)?
                    .get_mut(index)
                    .ok_or(OpsError::NoSuchPosition)?;
                let old = set_milestone(item, field, value)?;
                Ok(ItemEdit::SetMilestone(at, index, field, old))
            }
            ItemEdit::InsertMeasure(theme, index, item) => {
                insert(measures(plan, theme)?, index, *item)?;
                Ok(ItemEdit::RemoveMeasure(theme, index))
            }
            ItemEdit::RemoveMeasure(theme, index) => {
                let item = remove(measures(plan, theme)?, index)?;
                Ok(ItemEdit::InsertMeasure(theme, index, Box::new(item)))
            }
            ItemEdit::MoveMeasure(theme, from, to) => {
                shift(measures(plan, theme)?, from, to)?;
                Ok(ItemEdit::MoveMeasure(theme, to, from))
            }
            ItemEdit::SetMeasure(theme, index, field, value) => {
                let item = measures(plan, theme)?
                    .get_mut(index)
                    .ok_or(OpsError::NoSuchPosition)?;
                let old = set_measure(item, field, value)?;
                Ok(ItemEdit::SetMeasure(theme, index, field, old))
            }
        }
    }
}

fn milestones(plan: &mut Plan, at: ActionPos) -> Result<&mut Vec<Milestone>, OpsError> {
    plan.action_mut(at)
        .map(|a| &mut a.milestones)
        .ok_or(OpsError::NoSuchPosition)
}

fn measures(plan: &mut Plan, theme: usize) -> Result<&mut Vec<Measure>, OpsError> {
    plan.themes
        .get_mut(theme)
        .map(|t| &mut t.measures)
        .ok_or(OpsError::NoSuchPosition)
}

fn insert<T>(list: &mut Vec<T>, index: usize, item: T) -> Result<(), OpsError> {
    if index > list.len() {
        return Err(OpsError::NoSuchPosition);
    }
    list.insert(index, item);
    Ok(())
}

fn remove<T>(list: &mut Vec<T>, index: usize) -> Result<T, OpsError> {
    if index >= list.len() {
        return Err(OpsError::NoSuchPosition);
    }
    Ok(list.remove(index))
}

fn shift<T>(list: &mut Vec<T>, from: usize, to: usize) -> Result<(), OpsError> {
    if from >= list.len() || to >= list.len() {
        return Err(OpsError::NoSuchPosition);
    }
    let item = list.remove(from);
    list.insert(to, item);
    Ok(())
}

/// The error of a refused value: a required field left empty, or a value of the wrong kind
/// (`shown` is how the value reads).
pub(super) fn refused(field: &str, shown: String, error: SetError) -> EditError {
    let (value, why) = match error {
        SetError::Empty => (String::new(), "it cannot be empty"),
        SetError::WrongKind => (shown, "wrong kind of value"),
    };
    EditError::BadValue {
        field: field.to_string(),
        value,
        why: why.into(),
    }
}

fn set_milestone(
    item: &mut Milestone,
    field: MilestoneField,
    value: FieldValue,
) -> Result<FieldValue, EditError> {
    let shown = format!("{value:?}");
    field
        .spec()
        .set(item, value)
        .map_err(|error| refused(field.key(), shown, error))
}

fn set_measure(
    item: &mut Measure,
    field: MeasureField,
    value: FieldValue,
) -> Result<FieldValue, EditError> {
    let shown = format!("{value:?}");
    field
        .spec()
        .set(item, value)
        .map_err(|error| refused(field.key(), shown, error))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Rag, Theme};

    fn plan() -> Plan {
        let milestone = |m: &str| Milestone {
            milestone: m.into(),
            ..Milestone::default()
        };
        let measure = |m: &str| Measure {
            measure: m.into(),
            ..Measure::default()
        };
        let action = Action {
            reference: "1.1".into(),
            action: "a".into(),
            milestones: vec![milestone("one"), milestone("two")],
            ..Action::default()
        };
        Plan {
            themes: vec![Theme {
                reference: "1".into(),
                actions: vec![action],
                measures: vec![measure("NI 59"), measure("NI 60")],
                ..Theme::default()
            }],
            ..Plan::default()
        }
    }

    const AT: ActionPos = ActionPos {
        theme: 0,
        action: 0,
    };

    #[test]
    fn every_item_edit_undoes() {
        let edits = vec![
            ItemEdit::InsertMilestone(
                AT,
                2,
                Box::new(Milestone {
                    milestone: "three".into(),
                    ..Milestone::default()
                }),
            ),
            ItemEdit::RemoveMilestone(AT, 0),
            ItemEdit::MoveMilestone(AT, 0, 1),
            ItemEdit::SetMilestone(
                AT,
                1,
                MilestoneField::Rag,
                FieldValue::Rag(Some(Rag::Green)),
            ),
            ItemEdit::InsertMeasure(
                0,
                0,
                Box::new(Measure {
                    measure: "NI 61".into(),
                    ..Measure::default()
                }),
            ),
            ItemEdit::SetMeasure(
                0,
                0,
                MeasureField::Latest,
                FieldValue::Text(Some("52.5%".into())),
            ),
            ItemEdit::MoveMeasure(0, 0, 1),
            ItemEdit::RemoveMeasure(0, 0),
        ];
        for edit in edits {
            let mut edited = plan();
            let inverse = edit.clone().apply(&mut edited).unwrap();
            assert_ne!(edited, plan(), "{edit:?} changed nothing");
            inverse.apply(&mut edited).unwrap();
            assert_eq!(edited, plan(), "{edit:?} did not undo");
        }
    }

    #[test]
    fn refuses_bad_positions_and_values() {
        let mut plan = plan();
        assert!(ItemEdit::RemoveMilestone(AT, 5).apply(&mut plan).is_err());
        assert!(
            ItemEdit::SetMeasure(0, 0, MeasureField::Text, FieldValue::Text(None))
                .apply(&mut plan)
                .is_err()
        );
        assert!(
            ItemEdit::SetMilestone(AT, 0, MilestoneField::Due, FieldValue::Rag(None))
                .apply(&mut plan)
                .is_err()
        );
    }
}
