//! The plan as ordered YAML values in canonical key order, empty optional fields left out.
//! Both the canonical emitter and the minimal-diff patcher work on this view, so they agree
//! on what each field's value is and where it goes.

use super::schema::{
    ACTION_KEYS, HISTORY_KEYS, MEASURE_KEYS, MILESTONE_KEYS, PLAN_KEYS, THEME_KEYS,
};
use crate::model::{
    ACTION_FIELDS, Action, CustomValue, Due, ElementId, FieldSpec, HistoryEntry, MEASURE_FIELDS,
    MILESTONE_FIELDS, Measure, Milestone, Plan, Rag, Slot, THEME_FIELDS, Theme,
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

    fn rag(&mut self, key: &'static str, value: Option<Rag>) {
        if let Some(rag) = value {
            self.fields
                .push((key, Value::Verbatim(rag.as_str().to_string())));
        }
    }

    fn owners(&mut self, key: &'static str, owners: &[String]) {
        if !owners.is_empty() {
            self.fields.push((
                key,
                Value::List(owners.iter().map(|o| Value::Text(o.clone())).collect()),
            ));
        }
    }

    /// The fields of `table` that hold something; the caller adds the nested keys and then
    /// puts all in canonical order with [`Element::ordered`].
    fn table<E>(&mut self, table: &[FieldSpec<E>], element: &E) {
        for spec in table {
            match &spec.slot {
                Slot::Required(get, _) => self.text(spec.key, get(element)),
                Slot::Text(get, _) => self.optional(spec.key, get(element)),
                Slot::Rag(get, _) => self.rag(spec.key, *get(element)),
                Slot::Due(get, _) => self.due(spec.key, get(element)),
                Slot::Owners(get, _) => self.owners(spec.key, get(element)),
            }
        }
    }

    /// The fields sorted into canonical order (a stable sort: they are all different keys).
    fn ordered(mut self) -> Element {
        let keys = self.keys;
        let order = |key: &str| keys.iter().position(|k| *k == key).unwrap_or(usize::MAX);
        self.fields.sort_by_key(|(key, _)| order(key));
        self
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
    e.table(THEME_FIELDS, theme);
    e.elements("actions", &theme.actions, action_view);
    e.elements("measures", &theme.measures, measure_view);
    e.custom(&theme.custom);
    e.ordered()
}

/// An action with its milestones.
pub fn action_view(action: &Action) -> Element {
    let mut e = Element::new(Some(action.id), ACTION_KEYS);
    e.table(ACTION_FIELDS, action);
    e.elements("milestones", &action.milestones, milestone_view);
    e.custom(&action.custom);
    e.ordered()
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
    e.table(MILESTONE_FIELDS, milestone);
    e
}

fn measure_view(measure: &Measure) -> Element {
    let mut e = Element::new(Some(measure.id), MEASURE_KEYS);
    e.table(MEASURE_FIELDS, measure);
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
