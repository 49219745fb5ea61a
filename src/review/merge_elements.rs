//! How each kind of plan element takes part in the merge: its key, how a conflict shows it,
//! how it gets fresh identities, and its field-by-field merge.

use super::fields::{At, Cx, Element, NONE, Three};
use super::seq::Keyed;
use crate::model::{
    Action, CustomValue, Due, ElementId, GlossaryEntry, HistoryEntry, Measure, Milestone, Rag,
    Theme,
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
        let Theme {
            id: _,
            reference: _,
            title,
            description,
            lead,
            accountable,
            rag,
            actions: _,
            measures,
            custom,
        } = self;
        (title, description, lead, accountable, rag, measures, custom)
            == (
                &other.title,
                &other.description,
                &other.lead,
                &other.accountable,
                &other.rag,
                &other.measures,
                &other.custom,
            )
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
        Theme {
            id: v.ours.id,
            reference: cx.field(&at, "ref", v.get(|t| &t.reference)),
            title: cx.field(&at, "title", v.get(|t| &t.title)),
            description: cx.field(&at, "description", v.get(|t| &t.description)),
            lead: cx.field(&at, "lead", v.get(|t| &t.lead)),
            accountable: cx.field(&at, "accountable", v.get(|t| &t.accountable)),
            rag: cx.field(&at, "rag", v.get(|t| &t.rag)),
            actions: Vec::new(),
            measures: cx.list(&at, v.get(|t| t.measures.as_slice())),
            custom: cx.field(&at, "custom", v.get(|t| &t.custom)),
        }
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
        text + filled(&self.outcome, &other.outcome, 2)
            + listed(!self.owners.is_empty() && self.owners == other.owners)
            + filled(&self.due, &other.due, 2)
            + filled(&self.progress, &other.progress, 2)
            + filled(&self.rag, &other.rag, 1)
            + listed(!self.milestones.is_empty() && self.milestones == other.milestones)
            + filled(&self.notes, &other.notes, 2)
            + filled(&self.custom, &other.custom, 2)
    }

    fn same_but_key(&self, other: &Self) -> bool {
        let Action {
            id: _,
            reference: _,
            action,
            outcome,
            owners,
            due,
            progress,
            rag,
            milestones,
            notes,
            custom,
        } = self;
        (
            action, outcome, owners, due, progress, rag, milestones, notes, custom,
        ) == (
            &other.action,
            &other.outcome,
            &other.owners,
            &other.due,
            &other.progress,
            &other.rag,
            &other.milestones,
            &other.notes,
            &other.custom,
        )
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
        Action {
            id: v.ours.id,
            reference: cx.field(&at, "ref", v.get(|a| &a.reference)),
            action: cx.field(&at, "action", v.get(|a| &a.action)),
            outcome: cx.field(&at, "outcome", v.get(|a| &a.outcome)),
            owners: cx.field(&at, "owners", v.get(|a| &a.owners)),
            due: cx.field(&at, "due", v.get(|a| &a.due)),
            progress: cx.field(&at, "progress", v.get(|a| &a.progress)),
            rag: cx.field(&at, "rag", v.get(|a| &a.rag)),
            milestones: cx.list(&at, v.get(|a| a.milestones.as_slice())),
            notes: cx.field(&at, "notes", v.get(|a| &a.notes)),
            custom: cx.field(&at, "custom", v.get(|a| &a.custom)),
        }
    }
}

impl Keyed for Milestone {
    const KEY_IS_TEXT: bool = true;

    fn key(&self) -> &str {
        &self.milestone
    }

    fn same_but_key(&self, other: &Self) -> bool {
        let Milestone {
            id: _,
            milestone: _,
            owners,
            due,
            progress,
            rag,
        } = self;
        (owners, due, progress, rag) == (&other.owners, &other.due, &other.progress, &other.rag)
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
        Milestone {
            id: v.ours.id,
            milestone: cx.field(&at, "milestone", v.get(|m| &m.milestone)),
            owners: cx.field(&at, "owners", v.get(|m| &m.owners)),
            due: cx.field(&at, "due", v.get(|m| &m.due)),
            progress: cx.field(&at, "progress", v.get(|m| &m.progress)),
            rag: cx.field(&at, "rag", v.get(|m| &m.rag)),
        }
    }
}

impl Keyed for Measure {
    const KEY_IS_TEXT: bool = true;

    fn key(&self) -> &str {
        &self.measure
    }

    fn same_but_key(&self, other: &Self) -> bool {
        let Measure {
            id: _,
            measure: _,
            baseline,
            target,
            latest,
            as_of,
            rag,
        } = self;
        (baseline, target, latest, as_of, rag)
            == (
                &other.baseline,
                &other.target,
                &other.latest,
                &other.as_of,
                &other.rag,
            )
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
        Measure {
            id: v.ours.id,
            measure: cx.field(&at, "measure", v.get(|m| &m.measure)),
            baseline: cx.field(&at, "baseline", v.get(|m| &m.baseline)),
            target: cx.field(&at, "target", v.get(|m| &m.target)),
            latest: cx.field(&at, "latest", v.get(|m| &m.latest)),
            as_of: cx.field(&at, "as_of", v.get(|m| &m.as_of)),
            rag: cx.field(&at, "rag", v.get(|m| &m.rag)),
        }
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
