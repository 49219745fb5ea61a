//! The canonical writer: two-space indentation, keys in schema order, sequence items at their
//! key's column, deterministic quoting, multi-line text as literal blocks, no re-wrapping.

use super::scalar::{self, Context};
use super::view::{Element, Value, plan_view};
use crate::model::Plan;

/// How far nested blocks are indented: a mapping's keys beyond their parent key, and a
/// sequence's dashes beyond their key. New text follows the file's own habit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Indent {
    /// Columns from a key to the keys of the mapping under it.
    pub map: usize,
    /// Columns from a key to the dashes of the sequence under it.
    pub seq: usize,
}

impl Indent {
    /// Two spaces for mappings, sequences at their key's column.
    pub const CANONICAL: Indent = Indent { map: 2, seq: 0 };
}

/// The whole plan in canonical form.
pub fn canonical(plan: &Plan) -> String {
    let mut writer = Writer {
        out: String::new(),
        indent: Indent::CANONICAL,
    };
    writer.entries(&plan_view(plan).fields, 0, false);
    writer.out
}

/// Lines for a new mapping entry `key: value` at column `col`, ending in a newline.
pub fn entry_text(key: &str, value: &Value, col: usize, indent: Indent) -> String {
    let mut writer = Writer {
        out: String::new(),
        indent,
    };
    writer.entry(key, value, col, false);
    writer.out
}

/// An element's content as a sequence item whose first key follows an existing `- ` and whose
/// other keys sit at `col`; no final newline.
pub fn item_content(element: &Element, col: usize, indent: Indent) -> String {
    let mut writer = Writer {
        out: String::new(),
        indent,
    };
    writer.entries(&element.fields, col, true);
    trim_newline(writer.out)
}

/// What follows `key:` for a value of a block mapping whose key is at `key_col`: ` scalar`, or a
/// newline and the nested block; no final newline.
pub fn value_text(value: &Value, key_col: usize, indent: Indent) -> String {
    let mut writer = Writer {
        out: String::new(),
        indent,
    };
    writer.after_key(value, key_col);
    trim_newline(writer.out)
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

/// Writes block YAML with a given indentation habit.
struct Writer {
    out: String,
    indent: Indent,
}

impl Writer {
    fn pad(&mut self, col: usize) {
        self.out.extend(std::iter::repeat_n(' ', col));
    }

    fn entries<K: AsRef<str>>(&mut self, fields: &[(K, Value)], col: usize, first_inline: bool) {
        for (i, (key, value)) in fields.iter().enumerate() {
            self.entry(key.as_ref(), value, col, first_inline && i == 0);
        }
    }

    fn entry(&mut self, key: &str, value: &Value, col: usize, inline: bool) {
        if !inline {
            self.pad(col);
        }
        self.out.push_str(&scalar::render(key, Context::Line));
        self.out.push(':');
        self.after_key(value, col);
    }

    fn after_key(&mut self, value: &Value, col: usize) {
        let (map_col, seq_col) = (col + self.indent.map, col + self.indent.seq);
        match value {
            Value::List(items) if items.is_empty() => self.out.push_str(" []\n"),
            Value::Elements(items) if items.is_empty() => self.out.push_str(" []\n"),
            Value::Map(entries) if entries.is_empty() => self.out.push_str(" {}\n"),
            Value::List(items) => {
                self.out.push('\n');
                items.iter().for_each(|v| self.item(v, seq_col));
            }
            Value::Elements(items) => {
                self.out.push('\n');
                items.iter().for_each(|e| self.element_item(e, seq_col));
            }
            Value::Map(map) => {
                self.out.push('\n');
                self.entries(map, map_col, false);
            }
            scalar_value => {
                let text = scalar_text(
                    scalar_value,
                    Context::Value {
                        key_col: col,
                        step: self.indent.map,
                    },
                );
                self.scalar_after(&text);
            }
        }
    }

    fn scalar_after(&mut self, text: &str) {
        if !text.is_empty() {
            self.out.push(' ');
            self.out.push_str(text);
        }
        self.out.push('\n');
    }

    fn item(&mut self, value: &Value, dash_col: usize) {
        self.pad(dash_col);
        self.out.push('-');
        match value {
            Value::Elements(items) if !items.is_empty() => {
                self.out.push('\n');
                items
                    .iter()
                    .for_each(|e| self.element_item(e, dash_col + 2));
            }
            Value::List(items) if !items.is_empty() => {
                self.out.push('\n');
                items.iter().for_each(|v| self.item(v, dash_col + 2));
            }
            Value::Map(map) if !map.is_empty() => {
                self.out.push(' ');
                self.entries(map, dash_col + 2, true);
            }
            Value::List(_) | Value::Elements(_) => self.out.push_str(" []\n"),
            Value::Map(_) => self.out.push_str(" {}\n"),
            scalar_value => {
                let text = scalar_text(scalar_value, Context::Line);
                self.scalar_after(&text);
            }
        }
    }

    fn element_item(&mut self, element: &Element, dash_col: usize) {
        self.pad(dash_col);
        self.out.push_str("- ");
        self.entries(&element.fields, dash_col + 2, true);
    }
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
