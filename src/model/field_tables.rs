//! The field tables: every field of an action, a theme, a milestone and a measure, once, in
//! canonical (file) order. A row is `Name: "key", Kind(struct field)`, `lines` when the text
//! may run over several lines; `nested` marks a key the element's own code handles (its lists
//! of elements, `custom`). Add a field here (and to its struct) and it is read, checked,
//! written, patched, compared, merged and offered to the forms.

use super::fields::{FieldSpec, Slot, field_table};
use super::{Action, Measure, Milestone, Theme};

field_table! {
    /// A field of an action that can be set on its own.
    ActionField of Action: table ACTION_FIELDS, keys ACTION_KEYS {
        /// `ref`
        Ref: "ref", Required(reference);
        /// `action` (the action's text)
        Action: "action", Required(action), lines;
        /// `outcome`
        Outcome: "outcome", Text(outcome), lines;
        /// `owners`
        Owners: "owners", Owners(owners);
        /// `due`
        Due: "due", Due(due);
        /// `progress`
        Progress: "progress", Text(progress), lines;
        /// `rag`
        Rag: "rag", Rag(rag);
        nested "milestones";
        /// `notes`
        Notes: "notes", Text(notes), lines;
        nested "custom";
    }
}

field_table! {
    /// A field of a theme.
    ThemeField of Theme: table THEME_FIELDS, keys THEME_KEYS {
        /// `ref`
        Ref: "ref", Required(reference);
        /// `title`
        Title: "title", Required(title);
        /// `description`
        Description: "description", Text(description), lines;
        /// `lead`
        Lead: "lead", Text(lead);
        /// `accountable`
        Accountable: "accountable", Text(accountable);
        /// `rag`, the board's overall rating of the theme.
        Rag: "rag", Rag(rag);
        nested "actions";
        nested "measures";
        nested "custom";
    }
}

field_table! {
    /// A field of a milestone.
    MilestoneField of Milestone: table MILESTONE_FIELDS, keys MILESTONE_KEYS {
        /// `milestone`, what the step is.
        Text: "milestone", Required(milestone), lines;
        /// `owners`
        Owners: "owners", Owners(owners);
        /// `due`
        Due: "due", Due(due);
        /// `progress`
        Progress: "progress", Text(progress), lines;
        /// `rag`
        Rag: "rag", Rag(rag);
    }
}

field_table! {
    /// A field of a measure.
    MeasureField of Measure: table MEASURE_FIELDS, keys MEASURE_KEYS {
        /// `measure`, what is measured.
        Text: "measure", Required(measure);
        /// `baseline`
        Baseline: "baseline", Text(baseline);
        /// `target`
        Target: "target", Text(target);
        /// `latest`
        Latest: "latest", Text(latest);
        /// `as_of`
        AsOf: "as_of", Due(as_of);
        /// `rag`
        Rag: "rag", Rag(rag);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FieldValue, Kind, Rag, SetError};

    /// The keys a table lists, in order, as a subsequence of all the keys.
    fn in_order<E>(table: &[FieldSpec<E>], keys: &[&str]) -> bool {
        let mut rest = keys.iter();
        table.iter().all(|spec| rest.any(|k| *k == spec.key))
    }

    #[test]
    fn tables_name_their_enums_and_keep_the_file_order() {
        assert!(in_order(ACTION_FIELDS, ACTION_KEYS));
        assert!(in_order(THEME_FIELDS, THEME_KEYS));
        assert!(in_order(MILESTONE_FIELDS, MILESTONE_KEYS));
        assert!(in_order(MEASURE_FIELDS, MEASURE_KEYS));
        for field in ActionField::ALL {
            assert_eq!(ActionField::from_key(field.key()), Some(field));
        }
        assert_eq!(MeasureField::AsOf.key(), "as_of");
        assert_eq!(MilestoneField::Text.to_string(), "milestone");
        assert_eq!(ACTION_KEYS[7], "milestones");
        assert_eq!(ActionField::from_key("milestones"), None);
    }

    #[test]
    fn kinds_and_required_fields() {
        assert_eq!(ActionField::Progress.spec().kind(), Kind::Lines);
        assert_eq!(ThemeField::Lead.spec().kind(), Kind::Text);
        assert_eq!(MeasureField::AsOf.spec().kind(), Kind::Due);
        let required: Vec<&str> = ACTION_FIELDS
            .iter()
            .filter(|s| s.required())
            .map(|s| s.key)
            .collect();
        assert_eq!(required, ["ref", "action"]);
    }

    #[test]
    fn get_and_set_through_the_table() {
        let mut milestone = Milestone::default();
        let spec = MilestoneField::Rag.spec();
        assert!(!spec.filled(&milestone));
        let old = spec.set(&mut milestone, FieldValue::Rag(Some(Rag::Red)));
        assert_eq!(old, Ok(FieldValue::Rag(None)));
        assert_eq!(spec.get(&milestone), FieldValue::Rag(Some(Rag::Red)));
        let text = MilestoneField::Text.spec();
        assert_eq!(
            text.set(&mut milestone, FieldValue::Text(None)),
            Err(SetError::Empty)
        );
        assert_eq!(
            text.set(&mut milestone, FieldValue::Owners(Vec::new())),
            Err(SetError::WrongKind)
        );
        assert_eq!(milestone.rag, Some(Rag::Red));
    }
}
