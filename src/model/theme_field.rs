//! The fields of a theme that can be set on their own, and setting them.

use super::{EditError, FieldValue, OpsError, Plan, Rag};
use std::fmt;

/// A field of a theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeField {
    /// `ref`
    Ref,
    /// `title`
    Title,
    /// `description`
    Description,
    /// `lead`
    Lead,
    /// `accountable`
    Accountable,
    /// `rag`, the board's overall rating of the theme.
    Rag,
}

impl ThemeField {
    /// The field's key in plan files.
    pub fn key(self) -> &'static str {
        match self {
            ThemeField::Ref => "ref",
            ThemeField::Title => "title",
            ThemeField::Description => "description",
            ThemeField::Lead => "lead",
            ThemeField::Accountable => "accountable",
            ThemeField::Rag => "rag",
        }
    }
}

impl fmt::Display for ThemeField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Sets a theme's field and returns the old value.
pub(super) fn set_theme_field(
    plan: &mut Plan,
    at: usize,
    field: ThemeField,
    value: FieldValue,
) -> Result<FieldValue, EditError> {
    if let (ThemeField::Ref, FieldValue::Text(Some(new_ref))) = (field, &value)
        && plan.theme_index(new_ref).is_some_and(|i| i != at)
    {
        return Err(EditError::DuplicateRef(new_ref.clone()));
    }
    let theme = plan.themes.get_mut(at).ok_or(OpsError::NoSuchPosition)?;
    let text =
        |slot: &mut Option<String>, v: Option<String>| FieldValue::Text(std::mem::replace(slot, v));
    let required = |slot: &mut String, v: Option<String>| match v {
        Some(v) => Ok(FieldValue::Text(Some(std::mem::replace(slot, v)))),
        None => Err(EditError::BadValue {
            field: field.to_string(),
            value: String::new(),
            why: "it cannot be empty".into(),
        }),
    };
    match (field, value) {
        (ThemeField::Ref, FieldValue::Text(v)) => required(&mut theme.reference, v),
        (ThemeField::Title, FieldValue::Text(v)) => required(&mut theme.title, v),
        (ThemeField::Description, FieldValue::Text(v)) => Ok(text(&mut theme.description, v)),
        (ThemeField::Lead, FieldValue::Text(v)) => Ok(text(&mut theme.lead, v)),
        (ThemeField::Accountable, FieldValue::Text(v)) => Ok(text(&mut theme.accountable, v)),
        (ThemeField::Rag, FieldValue::Rag(v)) => {
            Ok(FieldValue::Rag(std::mem::replace(&mut theme.rag, v)))
        }
        (field, value) => Err(EditError::BadValue {
            field: field.to_string(),
            value: format!("{value:?}"),
            why: "wrong kind of value".into(),
        }),
    }
}

/// Reads a rating typed by a person: `red|amber|green|blue`, or empty/`none` to clear.
pub fn parse_rag(text: &str) -> Option<Option<Rag>> {
    match text.trim() {
        "" | "none" | "None" => Some(None),
        other => Rag::parse(other).map(Some),
    }
}
