//! Three-way merge of plans at field level (pure): what `boardplan merge-driver` does with the
//! common ancestor, our version and their version of a plan file.
//!
//! Each field merges on its own: the side that changed it wins; both sides changing it to the
//! same value is no conflict; both changing it differently is a [`Conflict`], and the merged
//! plan holds the preferred side's value (ours, or theirs with [`merge_preferring`]).
//!
//! Elements are matched across versions by key: themes and actions by ref (actions across the
//! whole plan, so an action moved to another theme is still the same action), milestones and
//! measures by their text, glossary entries by short name. An element whose key changed but
//! whose content did not (renumbered, renamed) is matched by content when that match is the
//! only one. An element added on one side is added after the same predecessor as on that side;
//! deleted on one side and unchanged on the other, it goes; deleted on one side and changed on
//! the other is a conflict. An action's theme merges like a field. Two new actions with one
//! ref are both kept: the new one (theirs, when both are new) gets the next free ref
//! ([`Renumbered`]); an action both sides started from keeps its ref.
//!
//! Order follows ours, unless only theirs reordered the elements both kept; both reordering
//! differently is a conflict. Each theme's actions are ordered on their own, so reorders in
//! two themes merge. An action moved to another theme on one side takes its position from
//! that side. Elements from ours keep their identity ([`ElementId`]), so the
//! merged plan saves as minimal edits of our file; elements only theirs has get fresh ones.
//!
//! [`file`] merges the bytes of a plan file, as git's merge driver: field level when it can,
//! conflict markers that keep both sides when it cannot.
//!
//! The actions (matched with their themes, ordered per theme, renumbered on collision) are in
//! `merge_actions.rs`; the matching and ordering of lists is in `merge_seq.rs`, the merge of one field, element or
//! list in `merge_fields.rs`, and what each kind of element contributes in `merge_elements.rs`.
//!
//! [`ElementId`]: crate::model::ElementId

#[path = "merge_actions.rs"]
mod actions;
#[path = "merge_elements.rs"]
mod elements;
#[path = "merge_fields.rs"]
mod fields;
#[path = "merge_file.rs"]
pub mod file;
#[path = "merge_seq.rs"]
mod seq;

use crate::model::{Action, GlossaryEntry, PLAN_FIELDS, PLAN_KEYS, Plan, Theme};
use elements::merge_fields;
pub use fields::Side;
use fields::{ABSENT, At, Cx, Element, Three};
use seq::Slot;
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt;

/// The result of a merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The merged plan. Where there are conflicts it holds ours at each of them.
    pub plan: Plan,
    /// Everything both sides changed differently (plan fields, glossary, themes, actions, then
    /// refs held twice); empty for a clean merge.
    pub conflicts: Vec<Conflict>,
    /// New actions given the next free ref because the other side took theirs.
    pub renumbered: Vec<Renumbered>,
}

/// A new action that the merge gave another ref: both sides had an action with its ref.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Renumbered {
    /// The side that added it.
    pub side: Side,
    /// The ref it was added with.
    pub from: String,
    /// The ref it has in the merged plan.
    pub to: String,
    /// Its action text.
    pub action: String,
}

impl fmt::Display for Renumbered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whose, other) = match self.side {
            Side::Ours => ("our", "their"),
            Side::Theirs => ("their", "our"),
        };
        let text = crate::text::clip(crate::text::first_line(&self.action), 60);
        write!(
            f,
            "{whose} new action '{}' is now '{}' ({text}): {other} side also has a '{}'",
            self.from, self.to, self.from
        )
    }
}

impl Merged {
    /// True when nothing conflicted, so the merged plan can be written as the result.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// One thing the merge could not decide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// What kind of disagreement it is.
    pub kind: ConflictKind,
    /// The ref of the theme it is in, for a theme's fields, measures or the theme itself.
    pub theme: Option<String>,
    /// The ref of the action it is in, for an action's fields, milestones or the action itself.
    pub action: Option<String>,
    /// The field (`progress`); for a field of a milestone, measure or glossary entry, prefixed
    /// by that element (`milestone 'Replace team': due`). A whole element is named in brackets:
    /// `(theme)`, `(action)`, `(milestone 'Replace team')`; an order as `(order of actions)`.
    pub field: String,
    /// The common ancestor's value, as displayed (`(absent)` when base did not have it).
    pub base: String,
    /// Our value (`(deleted)` when we deleted the element).
    pub ours: String,
    /// Their value (`(deleted)` when they deleted the element).
    pub theirs: String,
}

/// What kind of disagreement a [`Conflict`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// Both sides changed the value, to different values.
    Changed,
    /// One side deleted the element, the other changed it (or moved it); it is kept as changed.
    DeletedChanged,
    /// Both sides added an element with the same key and different content; ours is kept.
    AddedTwice,
    /// Both sides reordered the list differently; ours' order is kept.
    Reordered,
    /// The merged plan would hold two elements with the same ref (or glossary short name).
    Duplicate,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.action, &self.theme) {
            (Some(action), _) => write!(f, "action '{action}'")?,
            (None, Some(theme)) => write!(f, "theme '{theme}'")?,
            (None, None) => f.write_str("plan")?,
        }
        let what = match self.kind {
            ConflictKind::Changed => "changed differently on both sides",
            ConflictKind::DeletedChanged => "deleted on one side and changed on the other",
            ConflictKind::AddedTwice => "added on both sides with different content",
            ConflictKind::Reordered => "reordered differently on both sides",
            ConflictKind::Duplicate => "the merge would hold it twice",
        };
        write!(f, ": {}: {what}", self.field)
    }
}

/// Merges `ours` and `theirs`, both edited from `base`, field by field; conflicts keep ours.
pub fn merge(base: &Plan, ours: &Plan, theirs: &Plan) -> Merged {
    merge_preferring(base, ours, theirs, Side::Ours)
}

/// [`merge`], with each conflict resolved to `prefer`'s side in the merged plan: merging once
/// each way gives the two sides of every conflict, everything else merged.
pub fn merge_preferring(base: &Plan, ours: &Plan, theirs: &Plan, prefer: Side) -> Merged {
    let mut cx = Cx {
        prefer,
        ..Cx::default()
    };
    let mut renumbered = Vec::new();
    let v = Three { base, ours, theirs };
    let at = At::plan();
    let table = (PLAN_KEYS, PLAN_FIELDS);
    let plan = merge_fields(
        &mut cx,
        &at,
        table,
        v,
        Plan::default(),
        |cx, key, p| match key {
            "history" => p.history = cx.field(&at, "history", v.get(|p| &p.history)),
            "owners" => p.owners = cx.list(&at, v.get(|p| p.owners.as_slice())),
            "themes" => p.themes = merge_themes(cx, v, &mut renumbered),
            "custom" => p.custom = cx.field(&at, "custom", v.get(|p| &p.custom)),
            _ => {}
        },
    );
    check_unique(&mut cx, v, &plan);
    Merged {
        plan,
        conflicts: cx.conflicts,
        renumbered,
    }
}

/// The themes of the merge, for placing the actions.
struct ThemeMap {
    /// For each side, the slot of each of its themes.
    slot_of: [Vec<usize>; 3],
    /// For each slot, its position in the merged order (`usize::MAX` when in no side).
    rank: Vec<usize>,
    /// For each slot, the theme's ref as ours (else theirs, else base) has it.
    refs: Vec<String>,
    /// For each slot, whether the merged plan keeps the theme.
    kept: Vec<bool>,
}

impl ThemeMap {
    fn label(&self, slot: usize) -> String {
        self.refs
            .get(slot)
            .map_or_else(|| ABSENT.to_string(), |r| format!("theme '{r}'"))
    }

    fn kept(&self, slot: usize) -> bool {
        self.kept.get(slot).copied().unwrap_or(false)
    }
}

/// The merged themes, in merged order, each with its merged actions.
fn merge_themes(cx: &mut Cx, plans: Three<Plan>, renumbered: &mut Vec<Renumbered>) -> Vec<Theme> {
    let lists = plans.get(|p| p.themes.as_slice());
    let at = At::plan();
    let slots = seq::slots(lists.base, lists.ours, lists.theirs);
    let order = cx.order(&at, Theme::PLURAL, &slots, lists, seq::unmoved);
    let mut merged: Vec<Option<Theme>> = vec![None; slots.len()];
    for &i in &order {
        merged[i] = cx.element(&at, lists, slots[i]).map(|theme| Theme {
            actions: Vec::new(),
            ..theme
        });
    }
    let map = theme_map(&slots, &order, lists, &merged);
    let kept: Vec<usize> = order.iter().copied().filter(|&i| map.kept(i)).collect();
    let mut actions = actions::merge_actions(cx, plans, &map, &kept);
    *renumbered = actions::renumber_collisions(&mut actions);
    for (slot, action, _) in actions {
        if let Some(Some(theme)) = merged.get_mut(slot) {
            theme.actions.push(action);
        }
    }
    order
        .iter()
        .filter_map(|&i| merged.get_mut(i).and_then(Option::take))
        .collect()
}

fn theme_map(
    slots: &[Slot],
    order: &[usize],
    lists: Three<[Theme]>,
    merged: &[Option<Theme>],
) -> ThemeMap {
    let mut slot_of = [
        vec![usize::MAX; lists.base.len()],
        vec![usize::MAX; lists.ours.len()],
        vec![usize::MAX; lists.theirs.len()],
    ];
    let mut rank = vec![usize::MAX; slots.len()];
    let mut refs = Vec::with_capacity(slots.len());
    for (i, slot) in slots.iter().enumerate() {
        for (side, at) in [slot.base, slot.ours, slot.theirs].into_iter().enumerate() {
            if let Some(at) = at {
                slot_of[side][at] = i;
            }
        }
        let [base, ours, theirs] = lists.at(*slot);
        let theme = ours.or(theirs).or(base);
        refs.push(theme.map_or_else(String::new, |t| t.reference.clone()));
    }
    for (position, &i) in order.iter().enumerate() {
        rank[i] = position;
    }
    let kept = merged.iter().map(Option::is_some).collect();
    ThemeMap {
        slot_of,
        rank,
        refs,
        kept,
    }
}

/// Records a conflict for each ref (or glossary name) the merged plan holds twice: sides that
/// each look fine can still collide (one adds action 1.6, the other renumbers 1.7 to 1.6).
fn check_unique(cx: &mut Cx, plans: Three<Plan>, merged: &Plan) {
    fn themes(p: &Plan) -> Vec<&Theme> {
        p.themes.iter().collect()
    }
    fn actions(p: &Plan) -> Vec<&Action> {
        p.themes.iter().flat_map(|t| &t.actions).collect()
    }
    fn glossary(p: &Plan) -> Vec<&GlossaryEntry> {
        p.owners.iter().collect()
    }
    unique(cx, themes(merged), plans.map(themes));
    unique(cx, actions(merged), plans.map(actions));
    unique(cx, glossary(merged), plans.map(glossary));
}

fn unique<T: Element>(cx: &mut Cx, merged: Vec<&T>, sides: [Vec<&T>; 3]) {
    let mut seen = BTreeSet::new();
    let mut reported = BTreeSet::new();
    for element in merged {
        let key = element.key();
        if seen.insert(key) || !reported.insert(key) {
            continue;
        }
        let shown = |side: &[&T]| {
            let found: Vec<String> = side
                .iter()
                .filter(|e| e.key() == key)
                .map(|e| e.show())
                .collect();
            if found.is_empty() {
                ABSENT.to_string()
            } else {
                found.join(" | ")
            }
        };
        let values = sides.each_ref().map(|side| shown(side));
        let at = element.place(&At::plan());
        cx.record(ConflictKind::Duplicate, &at, at.whole(T::NOUN), values);
    }
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
