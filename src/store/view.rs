//! The plan as ordered YAML values in canonical key order, empty optional fields left out.
//! Both the canonical emitter and the minimal-diff patcher work on this view, so they agree
//! on what each field's value is and where it goes.

use super::schema::{
    ACTION_KEYS, HISTORY_KEYS, MEASURE_KEYS, MILESTONE_KEYS, PLAN_KEYS, THEME_KEYS,
};
use crate::model::{
    Action, CustomValue, Due, ElementId, HistoryEntry, Measure, Milestone, Plan, Rag, Theme,
};

/// A value as it will be written.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Free text, quoted only when it must be.
    Text(String),
    /// A date, month, `ongoing` or rating: safe unquoted.
    Verbatim(String),
    /// A `custom` scalar; typed ones (numbers, booleans, null) are written unquoted.
    Scalar {
        /// The text.
        text: String,
        /// Read by YAML as a number, boolean or null.
        typed: bool,
    },
    /// A list of values.
    List(Vec<Value>),
    /// A mapping with free keys (the owners glossary, custom fields).
    Map(Vec<(String, Value)>),
    /// A list of plan elements (themes, actions, milestones, measures).
    Elements(Vec<Element>),
}

/// A plan, theme, action, milestone or measure: its identity and its present fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// Identity across edits (the plan itself has none).
    pub id: Option<ElementId>,
    /// The keys this kind of element may hold, in canonical order.
    pub keys: &'static [&'static str],
    /// Present fields, in canonical order.
    pub fields: Vec<(&'static str, Value)>,
}

impl Element {
    fn new(id: Option<ElementId>, keys: &'static [&'static str]) -> Element {
        Element {
            id,
            keys,
            fields: Vec::with_capacity(keys.len()),
        }
    }

    /// Position of `key` in canonical order.
    pub fn order(&self, key: &str) -> usize {
        self.keys
            .iter()
            .position(|k| *k == key)
            .unwrap_or(usize::MAX)
    }

    fn text(&mut self, key: &'static str, value: &str) {
        self.fields.push((key, Value::Text(value.to_string())));
    }

    fn optional(&mut self, key: &'static str, value: &Option<String>) {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            self.text(key, v);
        }
    }

    fn due(&mut self, key: &'static str, value: &Option<Due>) {
        match value {
            Some(Due::Text(text)) => self.text(key, text),
            Some(due) => self.fields.push((key, Value::Verbatim(due.to_string()))),
            None => {}
        }
    }

    fn rag(&mut self, value: Option<Rag>) {
        if let Some(rag) = value {
            self.fields
                .push(("rag", Value::Verbatim(rag.as_str().to_string())));
        }
    }

    fn owners(&mut self, owners: &[String]) {
        if !owners.is_empty() {
            self.fields.push((
                "owners",
                Value::List(owners.iter().map(|o| Value::Text(o.clone())).collect()),
            ));
        }
    }

    fn elements<T>(&mut self, key: &'static str, items: &[T], view: fn(&T) -> Element) {
        if !items.is_empty() {
            self.fields
                .push((key, Value::Elements(items.iter().map(view).collect())));
        }
    }

    fn custom(&mut self, value: &Option<CustomValue>) {
        if let Some(custom) = value {
            self.fields.push(("custom", custom_view(custom)));
        }
    }
}

/// The whole plan as the root element.
pub fn plan_view(plan: &Plan) -> Element {
    let mut e = Element::new(None, PLAN_KEYS);
    e.text("board", &plan.board);
    e.text("period", &plan.period);
    if !plan.title.is_empty() {
        e.text("title", &plan.title);
    }
    e.optional("vision", &plan.vision);
    e.optional("version", &plan.version);
    e.due("date", &plan.date);
    e.optional("author", &plan.author);
    e.elements("history", &plan.history, history_view);
    if !plan.owners.is_empty() {
        let glossary = plan
            .owners
            .iter()
            .map(|g| (g.short.clone(), Value::Text(g.full.clone())))
            .collect();
        e.fields.push(("owners", Value::Map(glossary)));
    }
    if !plan.themes.is_empty() {
        e.fields.push((
            "themes",
            Value::Elements(plan.themes.iter().map(theme_view).collect()),
        ));
    }
    e.custom(&plan.custom);
    e
}

/// A theme with its actions and measures.
pub fn theme_view(theme: &Theme) -> Element {
    let mut e = Element::new(Some(theme.id), THEME_KEYS);
    e.text("ref", &theme.reference);
    e.text("title", &theme.title);
    e.optional("description", &theme.description);
    e.optional("lead", &theme.lead);
    e.optional("accountable", &theme.accountable);
    e.rag(theme.rag);
    e.elements("actions", &theme.actions, action_view);
    e.elements("measures", &theme.measures, measure_view);
    e.custom(&theme.custom);
    e
}

/// An action with its milestones.
pub fn action_view(action: &Action) -> Element {
    let mut e = Element::new(Some(action.id), ACTION_KEYS);
    e.text("ref", &action.reference);
    e.text("action", &action.action);
    e.optional("outcome", &action.outcome);
    e.owners(&action.owners);
    e.due("due", &action.due);
    e.optional("progress", &action.progress);
    e.rag(action.rag);
    e.elements("milestones", &action.milestones, milestone_view);
    e.optional("notes", &action.notes);
    e.custom(&action.custom);
    e
}

fn history_view(entry: &HistoryEntry) -> Element {
    let mut e = Element::new(Some(entry.id), HISTORY_KEYS);
    e.text("version", &entry.version);
    e.due("date", &entry.date);
    e.optional("author", &entry.author);
    e.optional("note", &entry.note);
    e
}

fn milestone_view(milestone: &Milestone) -> Element {
    let mut e = Element::new(Some(milestone.id), MILESTONE_KEYS);
    e.text("milestone", &milestone.milestone);
    e.owners(&milestone.owners);
    e.due("due", &milestone.due);
    e.optional("progress", &milestone.progress);
    e.rag(milestone.rag);
    e
}

fn measure_view(measure: &Measure) -> Element {
    let mut e = Element::new(Some(measure.id), MEASURE_KEYS);
    e.text("measure", &measure.measure);
    e.optional("baseline", &measure.baseline);
    e.optional("target", &measure.target);
    e.optional("latest", &measure.latest);
    e.due("as_of", &measure.as_of);
    e.rag(measure.rag);
    e
}

fn custom_view(value: &CustomValue) -> Value {
    match value {
        CustomValue::Scalar { text, typed } => Value::Scalar {
            text: text.clone(),
            typed: *typed,
        },
        CustomValue::List(items) => Value::List(items.iter().map(custom_view).collect()),
        CustomValue::Map(entries) => Value::Map(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), custom_view(v)))
                .collect(),
        ),
    }
}
