//! Setting a theme's fields (listed in `field_tables.rs`), and reading a typed rating.

use super::item_edit::refused;
use super::{EditError, FieldValue, OpsError, Plan, Rag, ThemeField};

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
    let shown = format!("{value:?}");
    field
        .spec()
        .set(theme, value)
        .map_err(|error| refused(field.key(), shown, error))
}

/// Reads a rating typed by a person: `red|amber|green|blue`, or empty/`none` to clear.
pub fn parse_rag(text: &str) -> Option<Option<Rag>> {
    match text.trim() {
        "" | "none" | "None" => Some(None),
        other => Rag::parse(other).map(Some),
    }
}
