//! A board's own fields (`custom:`) as text, for the UI's detail pane and the exports.

use super::CustomValue;

impl CustomValue {
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
