//! Turns a parsed YAML tree into a plan, reporting every shape error with its position:
//! unknown keys (with the nearest valid one), wrong types, bad ratings, impossible dates,
//! missing required keys.

use super::diagnostic::Diagnostic;
use super::scalar;
use super::schema::{
    ACTION_KEYS, HISTORY_KEYS, MEASURE_KEYS, MILESTONE_KEYS, PLAN_KEYS, THEME_KEYS, nearest_key,
};
use super::source::line_col;
use super::tree::{Node, NodeKind, ScalarForm};
use crate::model::{
    ACTION_FIELDS, Action, CustomValue, Due, FieldSpec, FieldValue, GlossaryEntry, HISTORY_FIELDS,
    HistoryEntry, MEASURE_FIELDS, MILESTONE_FIELDS, Measure, Milestone, PLAN_FIELDS, Plan, Rag,
    Slot, THEME_FIELDS, Theme,
};

/// Decodes the root node of a plan file; errors are collected in `diagnostics`.
pub fn decode_plan(text: &str, root: &Node, diagnostics: &mut Vec<Diagnostic>) -> Plan {
    let mut decoder = Decoder { text, diagnostics };
    decoder.plan(root)
}

struct Decoder<'a> {
    text: &'a str,
    diagnostics: &'a mut Vec<Diagnostic>,
}

/// The values of one mapping, looked up by schema key.
struct Fields<'n> {
    node: &'n Node,
    keys: &'static [&'static str],
    values: Vec<Option<&'n Node>>,
}

impl<'n> Fields<'n> {
    fn get(&self, key: &str) -> Option<&'n Node> {
        let index = self.keys.iter().position(|k| *k == key)?;
        self.values[index].filter(|v| !v.is_null())
    }
}

fn kind_name(node: &Node) -> &'static str {
    match &node.kind {
        NodeKind::Scalar(s) if s.null => "nothing",
        NodeKind::Scalar(_) => "text",
        NodeKind::Seq { .. } => "a list",
        NodeKind::Map { .. } => "a mapping",
    }
}

impl Decoder<'_> {
    fn error(&mut self, node: &Node, message: String) {
        let (line, col) = line_col(self.text, node.start);
        self.diagnostics.push(Diagnostic::error(line, col, message));
    }

    fn fields<'n>(
        &mut self,
        node: &'n Node,
        what: &str,
        keys: &'static [&'static str],
    ) -> Option<Fields<'n>> {
        let NodeKind::Map { entries, .. } = &node.kind else {
            self.error(
                node,
                format!(
                    "expected {what} (a mapping of keys), found {}",
                    kind_name(node)
                ),
            );
            return None;
        };
        let mut values = vec![None; keys.len()];
        for (key, value) in entries {
            let Some(name) = key.text(self.text) else {
                self.error(
                    key,
                    format!(
                        "a key in {what} is {}; keys must be plain names",
                        kind_name(key)
                    ),
                );
                continue;
            };
            match keys.iter().position(|k| *k == name) {
                Some(index) => values[index] = Some(value),
                None => self.unknown_key(key, name, what, keys),
            }
        }
        Some(Fields { node, keys, values })
    }

    fn unknown_key(&mut self, key: &Node, name: &str, what: &str, keys: &[&'static str]) {
        let message = if name == "<<" {
            format!("merge keys ('<<') are not supported in {what}; write the fields out")
        } else {
            match nearest_key(name, keys) {
                Some(near) => format!("unknown key '{name}' (did you mean '{near}'?)"),
                None => format!(
                    "unknown key '{name}' in {what} (valid keys: {})",
                    keys.join(", ")
                ),
            }
        };
        self.error(key, message);
    }

    fn text(&mut self, fields: &Fields, key: &str) -> Option<String> {
        let node = fields.get(key)?;
        match node.text(self.text) {
            Some(text) if text.trim().is_empty() => None,
            Some(text) => Some(text.to_string()),
            None => {
                self.error(
                    node,
                    format!("'{key}' must be text, found {}", kind_name(node)),
                );
                None
            }
        }
    }

    fn required(&mut self, fields: &Fields, key: &str, what: &str) -> String {
        if fields.get(key).is_none() {
            self.error(
                fields.node,
                format!("{what} has no '{key}'; add a '{key}:' line"),
            );
        }
        self.text(fields, key).unwrap_or_default()
    }

    fn rag(&mut self, fields: &Fields, key: &str) -> Option<Rag> {
        let node = fields.get(key)?;
        let text = self.text(fields, key)?;
        let rag = Rag::parse(&text);
        if rag.is_none() {
            self.error(
                node,
                format!(
                    "'{text}' is not a RAG rating; use red, amber, green or blue (or leave it out)"
                ),
            );
        }
        rag
    }

    fn due(&mut self, fields: &Fields, key: &str) -> Option<Due> {
        let node = fields.get(key)?;
        let text = self.text(fields, key)?;
        match Due::parse(&text) {
            Ok(due) => Some(due),
            Err(error) => {
                self.error(node, format!("{error}; use YYYY-MM-DD, YYYY-MM or ongoing"));
                None
            }
        }
    }

    fn owners(&mut self, fields: &Fields, key: &str) -> Vec<String> {
        let Some(node) = fields.get(key) else {
            return Vec::new();
        };
        match &node.kind {
            NodeKind::Scalar(_) => node.text(self.text).map(String::from).into_iter().collect(),
            NodeKind::Seq { items, .. } => items
                .iter()
                .filter_map(|item| match item.text(self.text) {
                    Some(text) if !item.is_null() => Some(text.to_string()),
                    _ => {
                        self.error(
                            item,
                            format!("an owner must be text, found {}", kind_name(item)),
                        );
                        None
                    }
                })
                .collect(),
            NodeKind::Map { .. } => {
                self.error(
                    node,
                    format!("'{key}' must be a list of names, found a mapping"),
                );
                Vec::new()
            }
        }
    }

    /// Reads every field of `table` into `element`; `what` names it in messages (`this action`).
    fn table<E>(&mut self, f: &Fields, table: &[FieldSpec<E>], what: &str, element: &mut E) {
        for spec in table {
            let key = spec.key;
            let value = match spec.slot {
                Slot::Required(..) => FieldValue::Text(Some(self.required(f, key, what))),
                Slot::Plain(..) => FieldValue::Text(Some(self.text(f, key).unwrap_or_default())),
                Slot::Text(..) => FieldValue::Text(self.text(f, key)),
                Slot::Rag(..) => FieldValue::Rag(self.rag(f, key)),
                Slot::Due(..) => FieldValue::Due(self.due(f, key)),
                Slot::Owners(..) => FieldValue::Owners(self.owners(f, key)),
            };
            // The value was read for this field's kind, so it always fits.
            let fits = spec.set(element, value).is_ok();
            debug_assert!(fits, "decoded '{key}' does not fit its field");
        }
    }

    fn list<'n>(&mut self, fields: &Fields<'n>, key: &str) -> &'n [Node] {
        let Some(node) = fields.get(key) else {
            return &[];
        };
        if !matches!(node.kind, NodeKind::Seq { .. }) {
            self.error(
                node,
                format!(
                    "'{key}' must be a list (each item starting with '- '), found {}",
                    kind_name(node)
                ),
            );
        }
        node.items()
    }

    fn custom(&mut self, fields: &Fields) -> Option<CustomValue> {
        let node = fields.get("custom")?;
        if !matches!(node.kind, NodeKind::Map { .. }) {
            self.error(
                node,
                format!(
                    "'custom' must be a mapping of the board's own fields, found {}",
                    kind_name(node)
                ),
            );
            return None;
        }
        self.custom_keys(node);
        Some(custom_value(self.text, node))
    }

    /// Reports keys in a `custom` mapping (at any depth) that are not text: a list or mapping
    /// as a key cannot be shown, exported or written back as it was.
    fn custom_keys(&mut self, node: &Node) {
        match &node.kind {
            NodeKind::Map { entries, .. } => {
                for (key, value) in entries {
                    let text = key.scalar().and_then(|_| key.text(self.text));
                    if key.scalar().is_none() || text.is_some_and(|t| t.trim().is_empty()) {
                        self.error(
                            key,
                            format!(
                                "a key in 'custom' must be text, found {}; write the field's name as the key",
                                if key.scalar().is_some() { "an empty key" } else { kind_name(key) }
                            ),
                        );
                    }
                    self.custom_keys(value);
                }
            }
            NodeKind::Seq { items, .. } => items.iter().for_each(|i| self.custom_keys(i)),
            NodeKind::Scalar(_) => {}
        }
    }

    fn plan(&mut self, node: &Node) -> Plan {
        let Some(f) = self.fields(node, "the plan", PLAN_KEYS) else {
            return Plan::default();
        };
        let mut plan = Plan::default();
        self.table(&f, PLAN_FIELDS, "the plan", &mut plan);
        plan.history = self
            .list(&f, "history")
            .iter()
            .filter_map(|h| self.history_entry(h))
            .collect();
        plan.owners = self.glossary(&f);
        plan.themes = self
            .list(&f, "themes")
            .iter()
            .filter_map(|t| self.theme(t))
            .collect();
        plan.custom = self.custom(&f);
        plan
    }

    fn glossary(&mut self, fields: &Fields) -> Vec<GlossaryEntry> {
        let Some(node) = fields.get("owners") else {
            return Vec::new();
        };
        let NodeKind::Map { entries, .. } = &node.kind else {
            self.error(
                node,
                format!(
                    "the plan's 'owners' must map short names to full names, found {}",
                    kind_name(node)
                ),
            );
            return Vec::new();
        };
        let mut glossary = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            match (key.text(self.text), value.text(self.text)) {
                (Some(short), Some(full)) => glossary.push(GlossaryEntry {
                    short: short.to_string(),
                    full: full.to_string(),
                }),
                _ => self.error(
                    value,
                    "each glossary entry must be 'SHORT: Full name' text".into(),
                ),
            }
        }
        glossary
    }

    fn theme(&mut self, node: &Node) -> Option<Theme> {
        let f = self.fields(node, "a theme", THEME_KEYS)?;
        let mut theme = Theme::default();
        self.table(&f, THEME_FIELDS, "this theme", &mut theme);
        theme.actions = self
            .list(&f, "actions")
            .iter()
            .filter_map(|a| self.action(a))
            .collect();
        theme.measures = self
            .list(&f, "measures")
            .iter()
            .filter_map(|m| self.measure(m))
            .collect();
        theme.custom = self.custom(&f);
        Some(theme)
    }

    fn action(&mut self, node: &Node) -> Option<Action> {
        let f = self.fields(node, "an action", ACTION_KEYS)?;
        let mut action = Action::default();
        self.table(&f, ACTION_FIELDS, "this action", &mut action);
        action.milestones = self
            .list(&f, "milestones")
            .iter()
            .filter_map(|m| self.milestone(m))
            .collect();
        action.custom = self.custom(&f);
        Some(action)
    }

    fn milestone(&mut self, node: &Node) -> Option<Milestone> {
        let f = self.fields(node, "a milestone", MILESTONE_KEYS)?;
        let mut milestone = Milestone::default();
        self.table(&f, MILESTONE_FIELDS, "this milestone", &mut milestone);
        Some(milestone)
    }

    fn history_entry(&mut self, node: &Node) -> Option<HistoryEntry> {
        let f = self.fields(node, "a version history row", HISTORY_KEYS)?;
        let mut entry = HistoryEntry::default();
        self.table(&f, HISTORY_FIELDS, "this history row", &mut entry);
        Some(entry)
    }

    fn measure(&mut self, node: &Node) -> Option<Measure> {
        let f = self.fields(node, "a measure", MEASURE_KEYS)?;
        let mut measure = Measure::default();
        self.table(&f, MEASURE_FIELDS, "this measure", &mut measure);
        Some(measure)
    }
}

/// A `custom:` subtree as a value, keeping each scalar's text and whether it was unquoted.
fn custom_value(source: &str, node: &Node) -> CustomValue {
    match &node.kind {
        NodeKind::Scalar(s) => {
            let text = node.text(source).unwrap_or_default();
            CustomValue::Scalar {
                text: text.to_string(),
                typed: s.style == ScalarForm::Plain && scalar::is_typed(text),
            }
        }
        NodeKind::Seq { items, .. } => {
            CustomValue::List(items.iter().map(|i| custom_value(source, i)).collect())
        }
        NodeKind::Map { entries, .. } => CustomValue::Map(
            entries
                .iter()
                .map(|(k, v)| {
                    (
                        k.text(source).unwrap_or_default().to_string(),
                        custom_value(source, v),
                    )
                })
                .collect(),
        ),
    }
}
