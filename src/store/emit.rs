//! The canonical writer: two-space indentation, keys in schema order, sequence items at their
//! key's column, deterministic quoting, multi-line text as literal blocks, no re-wrapping.

use super::scalar::{self, Context};
use super::view::{Element, Value, plan_view};
use crate::model::Plan;

/// The whole plan in canonical form.
pub fn canonical(plan: &Plan) -> String {
    let mut out = String::new();
    entries(&mut out, &plan_view(plan).fields, 0, false);
    out
}

/// Lines for a new mapping entry `key: value` at column `col`, ending in a newline.
pub fn entry_text(key: &str, value: &Value, col: usize) -> String {
    let mut out = String::new();
    entry(&mut out, key, value, col, false);
    out
}

/// An element's content as a sequence item whose first key follows an existing `- ` and whose
/// other keys sit at `col`; no final newline.
pub fn item_content(element: &Element, col: usize) -> String {
    let mut out = String::new();
    entries(&mut out, &element.fields, col, true);
    trim_newline(out)
}

/// What follows `key:` for a value of a block mapping whose key is at `key_col`: ` scalar`, or a
/// newline and the nested block; no final newline.
pub fn value_text(value: &Value, key_col: usize) -> String {
    let mut out = String::new();
    after_key(&mut out, value, key_col);
    trim_newline(out)
}

/// A list of plain text written in flow style, `[a, b]`, for lists that were written that way.
pub fn flow_list(items: &[Value]) -> Option<String> {
    let texts: Option<Vec<String>> = items
        .iter()
        .map(|v| match v {
            Value::Text(t) | Value::Verbatim(t) => Some(scalar::render(t, Context::Flow)),
            _ => None,
        })
        .collect();
    texts.map(|t| format!("[{}]", t.join(", ")))
}

fn trim_newline(mut out: String) -> String {
    if out.ends_with('\n') {
        out.pop();
    }
    out
}

fn pad(out: &mut String, col: usize) {
    out.extend(std::iter::repeat_n(' ', col));
}

fn entries<K: AsRef<str>>(out: &mut String, fields: &[(K, Value)], col: usize, first_inline: bool) {
    for (i, (key, value)) in fields.iter().enumerate() {
        entry(out, key.as_ref(), value, col, first_inline && i == 0);
    }
}

fn entry(out: &mut String, key: &str, value: &Value, col: usize, inline: bool) {
    if !inline {
        pad(out, col);
    }
    out.push_str(&scalar::render(key, Context::Line));
    out.push(':');
    after_key(out, value, col);
}

fn after_key(out: &mut String, value: &Value, col: usize) {
    match value {
        Value::List(items) if items.is_empty() => out.push_str(" []\n"),
        Value::Elements(items) if items.is_empty() => out.push_str(" []\n"),
        Value::Map(entries) if entries.is_empty() => out.push_str(" {}\n"),
        Value::List(items) => {
            out.push('\n');
            items.iter().for_each(|v| item(out, v, col));
        }
        Value::Elements(items) => {
            out.push('\n');
            items.iter().for_each(|e| element_item(out, e, col));
        }
        Value::Map(map) => {
            out.push('\n');
            entries(out, map, col + 2, false);
        }
        scalar_value => {
            let text = scalar_text(scalar_value, Context::Value { key_col: col });
            if !text.is_empty() {
                out.push(' ');
                out.push_str(&text);
            }
            out.push('\n');
        }
    }
}

fn item(out: &mut String, value: &Value, dash_col: usize) {
    pad(out, dash_col);
    out.push('-');
    match value {
        Value::Elements(items) if !items.is_empty() => {
            out.push('\n');
            items
                .iter()
                .for_each(|e| element_item(out, e, dash_col + 2));
        }
        Value::List(items) if !items.is_empty() => {
            out.push('\n');
            items.iter().for_each(|v| item(out, v, dash_col + 2));
        }
        Value::Map(map) if !map.is_empty() => {
            out.push(' ');
            entries(out, map, dash_col + 2, true);
        }
        Value::List(_) | Value::Elements(_) => out.push_str(" []\n"),
        Value::Map(_) => out.push_str(" {}\n"),
        scalar_value => {
            let text = scalar_text(scalar_value, Context::Line);
            if !text.is_empty() {
                out.push(' ');
                out.push_str(&text);
            }
            out.push('\n');
        }
    }
}

fn element_item(out: &mut String, element: &Element, dash_col: usize) {
    pad(out, dash_col);
    out.push_str("- ");
    entries(out, &element.fields, dash_col + 2, true);
}

/// A scalar value's text; empty for a plain null (written as nothing after the colon).
pub fn scalar_text(value: &Value, context: Context) -> String {
    match value {
        Value::Text(text) => scalar::render(text, context),
        Value::Verbatim(text) => scalar::verbatim(text),
        Value::Scalar { text, typed: true } if !text.contains('\n') => text.clone(),
        Value::Scalar { text, .. } => scalar::render(text, context),
        Value::List(_) | Value::Map(_) | Value::Elements(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Due, GlossaryEntry, Rag, Theme};

    #[test]
    fn canonical_layout() {
        let plan = Plan {
            board: "Peterborough Safeguarding Children Board".into(),
            period: "2013-14".into(),
            title: "Business Plan 2013-2014".into(),
            version: Some("1.2".into()),
            owners: vec![GlossaryEntry {
                short: "QEG".into(),
                full: "Quality & Effectiveness Group".into(),
            }],
            themes: vec![Theme {
                reference: "1".into(),
                title: "Early help".into(),
                actions: vec![Action {
                    reference: "1.1".into(),
                    action: "Monitor dataset".into(),
                    owners: vec!["QEG".into()],
                    due: Some(Due::Ongoing),
                    progress: Some("Line one\nLine two".into()),
                    rag: Some(Rag::Green),
                    ..Action::default()
                }],
                ..Theme::default()
            }],
            ..Plan::default()
        };
        let expected = "\
board: Peterborough Safeguarding Children Board
period: 2013-14
title: Business Plan 2013-2014
version: '1.2'
owners:
  QEG: Quality & Effectiveness Group
themes:
- ref: '1'
  title: Early help
  actions:
  - ref: '1.1'
    action: Monitor dataset
    owners:
    - QEG
    due: ongoing
    progress: |-
      Line one
      Line two
    rag: green
";
        assert_eq!(canonical(&plan), expected);
    }
}
