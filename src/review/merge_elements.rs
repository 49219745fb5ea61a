//! How each kind of plan element takes part in the merge: its key, how a conflict shows it,
//! how it gets fresh identities, and its field-by-field merge.

use super::fields::{At, Cx, Element, NONE, Three};
use super::seq::Keyed;
use crate::model::{
    ACTION_FIELDS, ACTION_KEYS, Action, CustomValue, Due, ElementId, FieldSpec, FieldValue,
    GlossaryEntry, HistoryEntry, Kind, MEASURE_FIELDS, MEASURE_KEYS, MILESTONE_FIELDS,
    MILESTONE_KEYS, Measure, Milestone, Rag, THEME_FIELDS, THEME_KEYS, Theme, find,
};
use serde::Serialize;

/// A value as a conflict shows it.
pub(super) trait Show {
    /// The display string.
    fn show(&self) -> String;
}

impl Show for String {
    fn show(&self) -> String {
        self.clone()
    }
}

impl Show for Rag {
    fn show(&self) -> String {
        self.to_string()
    }
}

impl Show for Due {
    fn show(&self) -> String {
        self.to_string()
    }
}

impl Show for Vec<String> {
    fn show(&self) -> String {
        if self.is_empty() {
            NONE.to_string()
        } else {
            self.join(", ")
        }
    }
}

impl<T: Show> Show for Option<T> {
    fn show(&self) -> String {
        self.as_ref().map_or_else(|| NONE.to_string(), Show::show)
    }
}

/// A field's value shows as its typed value would: text as written, an empty one `(none)`.
impl Show for FieldValue {
    fn show(&self) -> String {
        match self {
            FieldValue::Text(text) => text.show(),
            FieldValue::Rag(rag) => rag.show(),
            FieldValue::Due(due) => due.show(),
            FieldValue::Owners(owners) => owners.show(),
        }
    }
}

/// The field-by-field merge of an element, in canonical order, into `out` (which starts with
/// our identity): the fields of `table` here, the keys it leaves to the element (its lists,
/// `custom`) through `nested`.
fn merge_fields<E>(
    cx: &mut Cx,
    at: &At,
    (keys, table): (&[&str], &'static [FieldSpec<E>]),
    v: Three<E>,
    mut out: E,
    mut nested: impl FnMut(&mut Cx, &str, &mut E),
) -> E {
    for key in keys {
        match find(table, key) {
            Some(spec) => {
                let [base, ours, theirs] = v.map(|e| spec.get(e));
                let three = Three {
                    base: &base,
                    ours: &ours,
                    theirs: &theirs,
                };
                // A merged value is one of the three, so it always fits the field.
                let _ = spec.set(&mut out, cx.field(at, key, three));
            }
            None => nested(cx, key, &mut out),
        }
    }
    out
}

/// True when every field of `table` but the one keyed `key` is the same in `a` and `b`.
fn same_but<E>(table: &[FieldSpec<E>], key: &str, a: &E, b: &E) -> bool {
    table.iter().filter(|s| s.key != key).all(|s| s.same(a, b))
}

impl Show for GlossaryEntry {
    fn show(&self) -> String {
        format!("{}: {}", self.short, self.full)
    }
}

/// Elements and custom values show as compact JSON: all they hold, on one line.
macro_rules! show_as_json {
    ($($type:ty),+) => {$(
        impl Show for $type {
            fn show(&self) -> String {
                json(self)
            }
        }
    )+};
}

show_as_json!(CustomValue, Action, Milestone, Measure, Vec<HistoryEntry>);

/// A theme shows its own fields, and its actions by ref only (they have conflicts of their own).
impl Show for Theme {
    fn show(&self) -> String {
        let refs: Vec<&str> = self.actions.iter().map(|a| a.reference.as_str()).collect();
        let own = Theme {
            actions: Vec::new(),
            ..self.clone()
        };
        format!("{} (actions: {})", json(&own), refs.join(", "))
    }
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("(cannot show: {e})"))
}

impl Keyed for GlossaryEntry {
    const KEY_IS_TEXT: bool = true;

    fn key(&self) -> &str {
        &self.short
    }

    fn same_but_key(&self, other: &Self) -> bool {
        self.full == other.full
    }
}

impl Element for GlossaryEntry {
    const NOUN: &'static str = "glossary";
    const PLURAL: &'static str = "glossary entries";

    fn place(&self, parent: &At) -> At {
        parent.within(format!("glossary '{}'", self.short))
    }

    fn renewed(&self) -> Self {
        self.clone()
    }

    fn merge(cx: &mut Cx, parent: &At, v: Three<Self>) -> Self {
        let at = v.ours.place(parent);
        GlossaryEntry {
            short: cx.field(&at, "short", v.get(|e| &e.short)),
            full: cx.field(&at, "full", v.get(|e| &e.full)),
        }
    }
}

impl Keyed for Theme {
    fn key(&self) -> &str {
        &self.reference
    }

    /// The actions are left out: they are merged on their own, across themes.
    fn same_but_key(&self, other: &Self) -> bool {
        same_but(THEME_FIELDS, "ref", self, other)
            && (&self.measures, &self.custom) == (&other.measures, &other.custom)
    }
}

impl Element for Theme {
    const NOUN: &'static str = "theme";
    const PLURAL: &'static str = "themes";

    fn place(&self, _parent: &At) -> At {
        At::theme(&self.reference)
    }

    fn renewed(&self) -> Self {
        Theme {
            id: ElementId::fresh(),
            actions: self.actions.iter().map(Action::renewed).collect(),
            measures: self.measures.iter().map(Measure::renewed).collect(),
            ..self.clone()
        }
    }

    /// The theme's own fields and measures; its actions are left empty for the caller.
    fn merge(cx: &mut Cx, parent: &At, v: Three<Self>) -> Self {
        let at = v.ours.place(parent);
        let out = Theme {
            id: v.ours.id,
            ..Theme::default()
        };
        merge_fields(
            cx,
            &at,
            (THEME_KEYS, THEME_FIELDS),
            v,
            out,
            |cx, key, t| match key {
                "measures" => t.measures = cx.list(&at, v.get(|t| t.measures.as_slice())),
                "custom" => t.custom = cx.field(&at, "custom", v.get(|t| &t.custom)),
                _ => {}
            },
        )
    }
}

impl Keyed for Action {
    /// The same text or nearly (three quarters of its words), or half the words and another
    /// field the same, or three other filled-in fields the same.
    const LIKE_ENOUGH: u32 = 5;
    /// One filled-in field the same.
    const SAME_KEY_LIKE_ENOUGH: u32 = 1;

    fn key(&self) -> &str {
        &self.reference
    }

    /// The same text counts 6, three quarters of its words 5, half of them 4; each other field
    /// the same and filled in counts 2, the rating 1.
    fn likeness(&self, other: &Self) -> u32 {
        fn filled<T: PartialEq>(a: &Option<T>, b: &Option<T>, weight: u32) -> u32 {
            if a.is_some() && a == b { weight } else { 0 }
        }
        let listed = |a: bool| if a { 2 } else { 0 };
        let text = if self.action == other.action {
            6
        } else {
            match shared_words(&self.action, &other.action) {
                (shared, of) if 4 * shared >= 3 * of => 5,
                (shared, of) if 2 * shared >= of => 4,
                _ => 0,
            }
        };
        let weight = |spec: &FieldSpec<Action>| if spec.kind() == Kind::Rag { 1 } else { 2 };
        let fields: u32 = ACTION_FIELDS
            .iter()
            .filter(|spec| !spec.required() && spec.filled(self) && spec.same(self, other))
            .map(weight)
            .sum();
        text + fields
            + listed(!self.milestones.is_empty() && self.milestones == other.milestones)
            + filled(&self.custom, &other.custom, 2)
    }

    fn same_but_key(&self, other: &Self) -> bool {
        same_but(ACTION_FIELDS, "ref", self, other)
            && (&self.milestones, &self.custom) == (&other.milestones, &other.custom)
    }
}

impl Element for Action {
    const NOUN: &'static str = "action";
    const PLURAL: &'static str = "actions";

    fn place(&self, _parent: &At) -> At {
        At::action(&self.reference)
    }

    fn renewed(&self) -> Self {
        Action {
            id: ElementId::fresh(),
            milestones: self.milestones.iter().map(Milestone::renewed).collect(),
            ..self.clone()
        }
    }

    fn merge(cx: &mut Cx, parent: &At, v: Three<Self>) -> Self {
        let at = v.ours.place(parent);
        let out = Action {
            id: v.ours.id,
            ..Action::default()
        };
        merge_fields(
            cx,
            &at,
            (ACTION_KEYS, ACTION_FIELDS),
            v,
            out,
            |cx, key, a| match key {
                "milestones" => a.milestones = cx.list(&at, v.get(|a| a.milestones.as_slice())),
                "custom" => a.custom = cx.field(&at, "custom", v.get(|a| &a.custom)),
                _ => {}
            },
        )
    }
}

impl Keyed for Milestone {
    const KEY_IS_TEXT: bool = true;

    fn key(&self) -> &str {
        &self.milestone
    }

    fn same_but_key(&self, other: &Self) -> bool {
        same_but(MILESTONE_FIELDS, "milestone", self, other)
    }
}

impl Element for Milestone {
    const NOUN: &'static str = "milestone";
    const PLURAL: &'static str = "milestones";

    fn place(&self, parent: &At) -> At {
        parent.within(format!("milestone '{}'", self.milestone))
    }

    fn renewed(&self) -> Self {
        Milestone {
            id: ElementId::fresh(),
            ..self.clone()
        }
    }

    fn merge(cx: &mut Cx, parent: &At, v: Three<Self>) -> Self {
        let at = v.ours.place(parent);
        let out = Milestone {
            id: v.ours.id,
            ..Milestone::default()
        };
        let table = (MILESTONE_KEYS, MILESTONE_FIELDS);
        merge_fields(cx, &at, table, v, out, |_, _, _| {})
    }
}

impl Keyed for Measure {
    const KEY_IS_TEXT: bool = true;

    fn key(&self) -> &str {
        &self.measure
    }

    fn same_but_key(&self, other: &Self) -> bool {
        same_but(MEASURE_FIELDS, "measure", self, other)
    }
}

impl Element for Measure {
    const NOUN: &'static str = "measure";
    const PLURAL: &'static str = "measures";

    fn place(&self, parent: &At) -> At {
        parent.within(format!("measure '{}'", self.measure))
    }

    fn renewed(&self) -> Self {
        Measure {
            id: ElementId::fresh(),
            ..self.clone()
        }
    }

    fn merge(cx: &mut Cx, parent: &At, v: Three<Self>) -> Self {
        let at = v.ours.place(parent);
        let out = Measure {
            id: v.ours.id,
            ..Measure::default()
        };
        merge_fields(
            cx,
            &at,
            (MEASURE_KEYS, MEASURE_FIELDS),
            v,
            out,
            |_, _, _| {},
        )
    }
}

/// How many different words two texts share, and how many the one with more has (at least 1).
fn shared_words(a: &str, b: &str) -> (usize, usize) {
    let words = |t: &str| -> std::collections::BTreeSet<String> {
        t.split_whitespace().map(str::to_lowercase).collect()
    };
    let (a, b) = (words(a), words(b));
    (a.intersection(&b).count(), a.len().max(b.len()).max(1))
}
