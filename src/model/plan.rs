//! The plan's data: plan, themes, actions, milestones, measures, owners glossary and custom fields.

use super::{Due, Rag};
use serde::{Serialize, Serializer};
use std::sync::atomic::{AtomicU64, Ordering};

/// Identity of an element (theme, action, milestone, measure) across edits, so a save can tell an
/// edited or moved element from a new one. Identity is not content: two ids always compare equal,
/// so comparing plans compares what they say, never where their elements came from.
#[derive(Debug, Clone, Copy, Eq)]
pub struct ElementId(u64);

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

impl ElementId {
    /// A new identity, never handed out before in this process.
    pub fn fresh() -> ElementId {
        ElementId(NEXT_ID.fetch_add(1, Ordering::Relaxed))
    }

    /// True when both ids name the same element (unlike `==`, which ignores identity).
    pub fn same(self, other: ElementId) -> bool {
        self.0 == other.0
    }

    /// The raw number, for maps keyed by identity.
    pub fn raw(self) -> u64 {
        self.0
    }
}

impl PartialEq for ElementId {
    fn eq(&self, _other: &ElementId) -> bool {
        true
    }
}

impl Default for ElementId {
    fn default() -> ElementId {
        ElementId::fresh()
    }
}

/// One board year's business plan: one file of the store.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Plan {
    /// The board's name.
    pub board: String,
    /// The board year, as in the file name (`2013-14`).
    pub period: String,
    /// The published title.
    pub title: String,
    /// The board's vision statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vision: Option<String>,
    /// The published document's version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The date of that version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Due>,
    /// Who wrote the published document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The published document's version history, oldest first as written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryEntry>,
    /// Short owner names and what they stand for, in file order.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "glossary_as_map"
    )]
    pub owners: Vec<GlossaryEntry>,
    /// The strategic themes, in order.
    pub themes: Vec<Theme>,
    /// The board's own fields, kept as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom: Option<CustomValue>,
}

/// One line of the owners glossary: `QEG: Quality & Effectiveness Group`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GlossaryEntry {
    /// The name used in `owners` lists.
    pub short: String,
    /// What it stands for.
    pub full: String,
}

/// One row of a plan's version history (`v1.2 – Update on progress`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct HistoryEntry {
    /// Identity across edits.
    #[serde(skip)]
    pub id: ElementId,
    /// The version this row describes (`1.2`).
    pub version: String,
    /// When it was issued.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Due>,
    /// Who issued it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// What changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A strategic theme (priority, objective) and its actions and measures.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Theme {
    /// Identity across edits.
    #[serde(skip)]
    pub id: ElementId,
    /// Reference, unique among themes (`1`).
    #[serde(rename = "ref")]
    pub reference: String,
    /// What the theme sets out to achieve.
    pub title: String,
    /// Longer explanation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Strategic lead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// Accountable board member.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accountable: Option<String>,
    /// Overall rating set by the board.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rag: Option<Rag>,
    /// The numbered actions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// Monitoring measures (KPIs).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    /// The board's own fields, kept as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom: Option<CustomValue>,
}

/// One numbered action of a theme (serialised by hand in `derived`, to add its derived rating).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Action {
    /// Identity across edits.
    pub id: ElementId,
    /// Reference, unique among all actions of the plan (`1.1`).
    pub reference: String,
    /// What will be done.
    pub action: String,
    /// Desired outcome or measure of effectiveness.
    pub outcome: Option<String>,
    /// Who is responsible: short names (glossary keys) or people.
    pub owners: Vec<String>,
    /// Timescale.
    pub due: Option<Due>,
    /// Progress commentary.
    pub progress: Option<String>,
    /// Current rating; `None` when not yet rated.
    pub rag: Option<Rag>,
    /// Steps towards the action.
    pub milestones: Vec<Milestone>,
    /// Anything else worth keeping.
    pub notes: Option<String>,
    /// The board's own fields, kept as written.
    pub custom: Option<CustomValue>,
}

/// A step under an action.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Milestone {
    /// Identity across edits.
    #[serde(skip)]
    pub id: ElementId,
    /// What the step is.
    pub milestone: String,
    /// Who is responsible.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<String>,
    /// Timescale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<Due>,
    /// Progress commentary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<String>,
    /// Current rating.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rag: Option<Rag>,
}

/// A monitoring measure (KPI) of a theme.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Measure {
    /// Identity across edits.
    #[serde(skip)]
    pub id: ElementId,
    /// What is measured.
    pub measure: String,
    /// Starting value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<String>,
    /// Value aimed for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Latest performance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest: Option<String>,
    /// When the latest value was taken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Due>,
    /// Current rating.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rag: Option<Rag>,
}

/// A value under `custom:`, kept exactly as the board wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CustomValue {
    /// A scalar: its text, and whether YAML reads it as something other than text.
    Scalar {
        /// The value's text as written (without quotes).
        text: String,
        /// Unquoted and read by YAML as a number, boolean or null (`3`, `true`, `~`), so it is
        /// written back unquoted; text is written quoted only where it must be.
        typed: bool,
    },
    /// A list.
    List(Vec<CustomValue>),
    /// A mapping, in file order.
    Map(Vec<(String, CustomValue)>),
}

impl Serialize for Due {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

fn glossary_as_map<S: Serializer>(
    entries: &[GlossaryEntry],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(entries.iter().map(|e| (&e.short, &e.full)))
}

impl Serialize for CustomValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            CustomValue::Scalar { text, typed: true } => match typed_scalar_json(text) {
                Some(value) => value.serialize(serializer),
                None => serializer.serialize_str(text),
            },
            CustomValue::Scalar { text, typed: false } => serializer.serialize_str(text),
            CustomValue::List(items) => serializer.collect_seq(items),
            CustomValue::Map(entries) => {
                serializer.collect_map(entries.iter().map(|(k, v)| (k, v)))
            }
        }
    }
}

/// How YAML 1.2's core schema reads an unquoted scalar, when that is not plain text.
pub(super) fn typed_scalar_json(text: &str) -> Option<serde_json::Value> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => Some(serde_json::Value::Null),
        "true" | "True" | "TRUE" => Some(serde_json::Value::Bool(true)),
        "false" | "False" | "FALSE" => Some(serde_json::Value::Bool(false)),
        _ => {
            if let Ok(int) = text.parse::<i64>() {
                Some(int.into())
            } else {
                let float = text.parse::<f64>().ok().filter(|f| f.is_finite())?;
                let numeric = text
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b));
                if numeric {
                    serde_json::Number::from_f64(float).map(serde_json::Value::Number)
                } else {
                    None
                }
            }
        }
    }
}
