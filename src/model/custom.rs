//! A board's own fields (`custom:`) as text, for the UI's detail pane and the exports, and
//! the edit of one text field.

use super::CustomValue;

/// A custom field's key as a label for people: `lead_officer` -> `Lead officer`.
pub fn field_label(key: &str) -> String {
    let spaced = key.replace(['_', '-'], " ");
    let mut chars = spaced.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => "(no name)".into(),
    }
}

/// The custom fields of an element as (label, value as text), in file order; none when it has
/// no `custom:` mapping.
pub fn labelled_fields(custom: Option<&CustomValue>) -> Vec<(String, String)> {
    custom.map_or_else(Vec::new, |c| {
        c.fields()
            .into_iter()
            .map(|(key, text)| (field_label(&key), text))
            .collect()
    })
}

impl CustomValue {
    /// The mapping with the scalar under `key` given `text`; `None` when this is not a mapping
    /// or `key` is not a scalar in it. The value stays unquoted (a number, boolean or null)
    /// only when it was and YAML still reads the new text so; otherwise it is text.
    pub fn with_text(&self, key: &str, text: &str) -> Option<CustomValue> {
        let CustomValue::Map(entries) = self else {
            return None;
        };
        let mut entries = entries.clone();
        let (_, value) = entries.iter_mut().find(|(k, _)| k == key)?;
        let CustomValue::Scalar { typed, .. } = value else {
            return None;
        };
        let typed = *typed && super::plan::typed_scalar_json(text).is_some();
        *value = CustomValue::Scalar {
            text: text.to_string(),
            typed,
        };
        Some(CustomValue::Map(entries))
    }

    /// True for a single value (text, a number), as against a list or a mapping.
    pub fn is_scalar(&self) -> bool {
        matches!(self, CustomValue::Scalar { .. })
    }

    /// The fields of a `custom:` mapping as (key, value as text), in file order; a scalar or a
    /// list at the top gives one entry with an empty key.
    pub fn fields(&self) -> Vec<(String, String)> {
        match self {
            CustomValue::Map(entries) => entries
                .iter()
                .map(|(key, value)| (key.clone(), value.as_text()))
                .collect(),
            other => vec![(String::new(), other.as_text())],
        }
    }

    /// The value as one piece of text: a scalar as written, a list as `a, b`, a nested list
    /// or mapping in brackets (`[a, b]`, `{key: value}`).
    pub fn as_text(&self) -> String {
        match self {
            CustomValue::Scalar { text, .. } => text.clone(),
            CustomValue::List(items) => items
                .iter()
                .map(CustomValue::nested_text)
                .collect::<Vec<_>>()
                .join(", "),
            CustomValue::Map(_) => self.nested_text(),
        }
    }

    fn nested_text(&self) -> String {
        match self {
            CustomValue::Scalar { text, .. } => text.clone(),
            CustomValue::List(items) => {
                let inner: Vec<String> = items.iter().map(CustomValue::nested_text).collect();
                format!("[{}]", inner.join(", "))
            }
            CustomValue::Map(entries) => {
                let inner: Vec<String> = entries
                    .iter()
                    .map(|(k, v)| format!("{k}: {}", v.nested_text()))
                    .collect();
                format!("{{{}}}", inner.join(", "))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(text: &str) -> CustomValue {
        CustomValue::Scalar {
            text: text.into(),
            typed: false,
        }
    }

    #[test]
    fn keys_read_as_labels() {
        assert_eq!(field_label("lead_officer"), "Lead officer");
        assert_eq!(field_label("objective"), "Objective");
        assert_eq!(field_label("cost-code"), "Cost code");
        assert_eq!(field_label(""), "(no name)");
    }

    #[test]
    fn a_text_field_is_edited_and_a_number_stays_a_number_only_while_it_is_one() {
        let typed = |text: &str| CustomValue::Scalar {
            text: text.into(),
            typed: true,
        };
        let custom = CustomValue::Map(vec![
            ("objective".into(), scalar("Reduce drift")),
            ("budget".into(), typed("3")),
            ("list".into(), CustomValue::List(vec![scalar("a")])),
        ]);
        let edited = custom.with_text("objective", "Cut drift").expect("text");
        assert_eq!(
            edited.fields()[0],
            ("objective".to_string(), "Cut drift".to_string())
        );
        let CustomValue::Map(entries) = custom.with_text("budget", "4").expect("number") else {
            panic!("a mapping");
        };
        assert_eq!(entries[1].1, typed("4"));
        let CustomValue::Map(entries) = custom.with_text("budget", "four").expect("text") else {
            panic!("a mapping");
        };
        assert_eq!(entries[1].1, scalar("four"));
        assert_eq!(custom.with_text("list", "b"), None, "a list is not text");
        assert_eq!(custom.with_text("missing", "b"), None);
        assert_eq!(scalar("x").with_text("x", "y"), None);
    }

    #[test]
    fn fields_read_as_text_in_file_order() {
        let custom = CustomValue::Map(vec![
            ("objective".into(), scalar("Reduce drift\nacross teams")),
            (
                "priorities".into(),
                CustomValue::List(vec![scalar("1"), scalar("3")]),
            ),
            (
                "panel".into(),
                CustomValue::Map(vec![
                    ("chair".into(), scalar("LA")),
                    (
                        "members".into(),
                        CustomValue::List(vec![scalar("a"), scalar("b")]),
                    ),
                ]),
            ),
        ]);
        assert_eq!(
            custom.fields(),
            [
                (
                    "objective".to_string(),
                    "Reduce drift\nacross teams".to_string()
                ),
                ("priorities".to_string(), "1, 3".to_string()),
                (
                    "panel".to_string(),
                    "{chair: LA, members: [a, b]}".to_string()
                ),
            ]
        );
        assert_eq!(scalar("x").fields(), [(String::new(), "x".to_string())]);
    }
}
