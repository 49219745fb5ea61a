//! Three-way merge of plans at field level (pure): what `boardplan merge-driver` does with the
//! common ancestor, our version and their version of a plan file.
//!
//! Each field merges on its own: the side that changed it wins; both sides changing it to the
//! same value is no conflict; both changing it differently is a [`Conflict`], and the merged
//! plan keeps ours (a placeholder: the caller then falls back to git's textual conflict).
//!
//! Elements are matched across versions by key: themes and actions by ref (actions across the
//! whole plan, so an action moved to another theme is still the same action), milestones and
//! measures by their text, glossary entries by short name. An element whose key changed but
//! whose content did not (renumbered, renamed) is matched by content when that match is the
//! only one. An element added on one side is added after the same predecessor as on that side;
//! deleted on one side and unchanged on the other, it goes; deleted on one side and changed on
//! the other, it stays as changed (a conflict). An action's theme merges like a field.
//!
//! Order follows ours, unless only theirs reordered the elements both kept; both reordering
//! differently is a conflict. An action moved to another theme on one side takes its position
//! from that side. Elements from ours keep their identity ([`ElementId`]), so the
//! merged plan saves as minimal edits of our file; elements only theirs has get fresh ones.
//!
//! The matching and ordering of lists is in `merge_seq.rs`, the merge of one field, element or
//! list in `merge_fields.rs`, and what each kind of element contributes in `merge_elements.rs`.
//!
//! [`ElementId`]: crate::model::ElementId

#[path = "merge_elements.rs"]
mod elements;
#[path = "merge_fields.rs"]
mod fields;
#[path = "merge_seq.rs"]
mod seq;

use crate::model::{Action, GlossaryEntry, Plan, Theme};
use elements::Show;
use fields::{ABSENT, At, Cx, DELETED, Element, Pick, Three};
use seq::{Keyed, Moved, Slot};
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

/// Merges `ours` and `theirs`, both edited from `base`, field by field.
pub fn merge(base: &Plan, ours: &Plan, theirs: &Plan) -> Merged {
    let mut cx = Cx::default();
    let v = Three { base, ours, theirs };
    let at = At::plan();
    let plan = Plan {
        board: cx.field(&at, "board", v.get(|p| &p.board)),
        period: cx.field(&at, "period", v.get(|p| &p.period)),
        title: cx.field(&at, "title", v.get(|p| &p.title)),
        vision: cx.field(&at, "vision", v.get(|p| &p.vision)),
        version: cx.field(&at, "version", v.get(|p| &p.version)),
        date: cx.field(&at, "date", v.get(|p| &p.date)),
        author: cx.field(&at, "author", v.get(|p| &p.author)),
        history: cx.field(&at, "history", v.get(|p| &p.history)),
        owners: cx.list(&at, v.get(|p| p.owners.as_slice())),
        themes: merge_themes(&mut cx, v),
        custom: cx.field(&at, "custom", v.get(|p| &p.custom)),
    };
    check_unique(&mut cx, v, &plan);
    Merged {
        plan,
        conflicts: cx.conflicts,
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
fn merge_themes(cx: &mut Cx, plans: Three<Plan>) -> Vec<Theme> {
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
    for (slot, action) in merge_actions(cx, plans, &map) {
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

/// An action where one version has it: in which theme (by theme slot).
#[derive(Debug, Clone, Copy)]
struct Placed<'a> {
    theme: usize,
    theme_ref: &'a str,
    action: &'a Action,
}

/// Same content in the same theme: moving an action is a change.
impl PartialEq for Placed<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.theme == other.theme && self.action == other.action
    }
}

impl Keyed for Placed<'_> {
    fn key(&self) -> &str {
        &self.action.reference
    }

    /// Ignores the theme too: an action moved to another theme is usually renumbered with it.
    fn same_but_key(&self, other: &Self) -> bool {
        self.action.same_but_key(other.action)
    }
}

impl Show for Placed<'_> {
    fn show(&self) -> String {
        format!("in theme '{}': {}", self.theme_ref, self.action.show())
    }
}

/// One version's actions, all themes together, the themes taken in merged order (so the three
/// lists agree on where one theme's actions end and the next one's begin).
fn flatten<'a>(themes: &'a [Theme], slot_of: &[usize], rank: &[usize]) -> Vec<Placed<'a>> {
    let slot = |i: usize| slot_of.get(i).copied().unwrap_or(usize::MAX);
    let mut order: Vec<(usize, usize)> = (0..themes.len())
        .map(|i| (rank.get(slot(i)).copied().unwrap_or(usize::MAX), i))
        .collect();
    order.sort_unstable();
    order
        .into_iter()
        .flat_map(|(_, i)| {
            let theme = &themes[i];
            theme.actions.iter().map(move |action| Placed {
                theme: slot(i),
                theme_ref: &theme.reference,
                action,
            })
        })
        .collect()
}

/// The merged actions in merged order, each with the slot of the theme it goes in.
fn merge_actions<'a>(cx: &mut Cx, plans: Three<'a, Plan>, map: &ThemeMap) -> Vec<(usize, Action)> {
    let flat = |plan: &'a Plan, side: usize| flatten(&plan.themes, &map.slot_of[side], &map.rank);
    let (base, ours, theirs) = (
        flat(plans.base, 0),
        flat(plans.ours, 1),
        flat(plans.theirs, 2),
    );
    let lists = Three {
        base: base.as_slice(),
        ours: ours.as_slice(),
        theirs: theirs.as_slice(),
    };
    let slots = seq::slots(lists.base, lists.ours, lists.theirs);
    let moved = |slot: &Slot| match lists.at(*slot) {
        [Some(b), Some(o), Some(t)] => match (o.theme != b.theme, t.theme != b.theme) {
            (false, false) => Moved::Neither,
            (true, false) => Moved::Ours,
            (false, true) => Moved::Theirs,
            (true, true) => Moved::Both,
        },
        _ => Moved::Neither,
    };
    let order = cx.order(&At::plan(), Action::PLURAL, &slots, lists, moved);
    order
        .into_iter()
        .filter_map(|i| merge_action(cx, lists.at(slots[i]), map))
        .collect()
}

/// One action's merge, if it is kept, with the slot of the theme it goes in.
fn merge_action(
    cx: &mut Cx,
    sides: [Option<&Placed>; 3],
    map: &ThemeMap,
) -> Option<(usize, Action)> {
    let [base, ours, theirs] = sides;
    let at = ours.or(theirs).or(base)?.action.place(&At::plan());
    let (theme, action) = match cx.pick(&at, &at.whole(Action::NOUN), sides) {
        Pick::Merge(v) => {
            let theme = cx.field_shown(&at, "theme", v.get(|p| &p.theme), |&s| map.label(s));
            (theme, Action::merge(cx, &at, v.get(|p| p.action)))
        }
        Pick::Ours(ours) => (ours.theme, ours.action.clone()),
        Pick::Theirs(theirs) => (theirs.theme, theirs.action.renewed()),
        Pick::Drop => return None,
    };
    Some((home(cx, &at, theme, sides, map)?, action))
}

/// The theme slot an action goes in: its merged theme; when the merge drops that theme (a
/// conflict), the first kept of its theme in ours, theirs or base, else the first kept theme.
fn home(
    cx: &mut Cx,
    at: &At,
    theme: usize,
    sides: [Option<&Placed>; 3],
    map: &ThemeMap,
) -> Option<usize> {
    if map.kept(theme) {
        return Some(theme);
    }
    let [base, ours, theirs] = sides;
    let shown =
        |p: Option<&Placed>, missing: &str| p.map_or(missing.to_string(), |p| map.label(p.theme));
    let values = [
        shown(base, ABSENT),
        shown(ours, DELETED),
        shown(theirs, DELETED),
    ];
    cx.record(
        ConflictKind::DeletedChanged,
        at,
        "theme".to_string(),
        values,
    );
    [ours, theirs, base]
        .into_iter()
        .flatten()
        .map(|p| p.theme)
        .find(|&slot| map.kept(slot))
        .or_else(|| (0..map.kept.len()).find(|&slot| map.kept(slot)))
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
