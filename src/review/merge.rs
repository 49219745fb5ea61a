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
//! The matching and ordering of lists is in `merge_seq.rs`, the merge of one field, element or
//! list in `merge_fields.rs`, and what each kind of element contributes in `merge_elements.rs`.
//!
//! [`ElementId`]: crate::model::ElementId

#[path = "merge_elements.rs"]
mod elements;
#[path = "merge_fields.rs"]
mod fields;
#[path = "merge_file.rs"]
pub mod file;
#[path = "merge_seq.rs"]
mod seq;

use crate::model::{Action, GlossaryEntry, Plan, Theme};
use elements::Show;
pub use fields::Side;
use fields::{ABSENT, At, Cx, DELETED, Element, Pick, Three};
use seq::{Keyed, Moved, Slot};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
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
    let plan = Plan {
        board: cx.field(&at, "board", v.get(|p| &p.board)),
        period: cx.field(&at, "period", v.get(|p| &p.period)),
        title: cx.field(&at, "title", v.get(|p| &p.title)),
        vision: cx.field(&at, "vision", v.get(|p| &p.vision)),
        version: cx.field(&at, "version", v.get(|p| &p.version)),
        date: cx.field(&at, "date", v.get(|p| &p.date)),
        owners: cx.list(&at, v.get(|p| p.owners.as_slice())),
        themes: merge_themes(&mut cx, v, &mut renumbered),
        custom: cx.field(&at, "custom", v.get(|p| &p.custom)),
    };
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
    let mut actions = merge_actions(cx, plans, &map, &kept);
    *renumbered = renumber_collisions(&mut actions);
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
    const ADDITIONS_KEEP_BOTH: bool = true;
    const LIKE_ENOUGH: u32 = Action::LIKE_ENOUGH;
    const SAME_KEY_LIKE_ENOUGH: u32 = Action::SAME_KEY_LIKE_ENOUGH;

    fn likeness(&self, other: &Self) -> u32 {
        self.action.likeness(other.action)
    }

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

/// Where a merged action comes from: an action both sides started from, or one side's new
/// one. When two actions end up with one ref, the new one gives way (theirs before ours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Origin {
    Kept,
    NewOurs,
    NewTheirs,
}

/// One merged action: the slot of the theme it goes in, the action, where it comes from.
type Homed = (usize, Action, Origin);

/// The merged actions, theme by theme in merged theme order (`themes`), each theme's actions
/// in their merged order: each theme's order merges on its own.
fn merge_actions<'a>(
    cx: &mut Cx,
    plans: Three<'a, Plan>,
    map: &ThemeMap,
    themes: &[usize],
) -> Vec<Homed> {
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
    let mut merged: Vec<Option<(usize, Action)>> = slots
        .iter()
        .map(|slot| merge_action(cx, lists.at(*slot), slot.weak, map))
        .collect();
    let mut homed = Vec::new();
    for &theme in themes {
        for i in theme_order(cx, &slots, lists, &merged, theme, map) {
            if let Some((theme, action)) = merged[i].take() {
                homed.push((theme, action, origin(&slots[i])));
            }
        }
    }
    homed
}

fn origin(slot: &Slot) -> Origin {
    match (slot.base, slot.ours) {
        (Some(_), _) => Origin::Kept,
        (None, Some(_)) => Origin::NewOurs,
        (None, None) => Origin::NewTheirs,
    }
}

/// The merged order of the actions the merge puts in `theme`: each side's order of the
/// actions it has in that theme, merged like any list; a reorder conflict is this theme's.
fn theme_order(
    cx: &mut Cx,
    slots: &[Slot],
    lists: Three<[Placed]>,
    merged: &[Option<(usize, Action)>],
    theme: usize,
    map: &ThemeMap,
) -> Vec<usize> {
    let members: Vec<usize> = (0..slots.len())
        .filter(|&i| merged[i].as_ref().is_some_and(|(t, _)| *t == theme))
        .collect();
    let in_theme = |list: &[Placed], at: fn(&Slot) -> Option<usize>| {
        let mut found: Vec<(usize, usize)> = members
            .iter()
            .filter_map(|&i| at(&slots[i]).map(|j| (j, i)))
            .filter(|&(j, _)| list.get(j).is_some_and(|p| p.theme == theme))
            .collect();
        found.sort_unstable();
        found.into_iter().map(|(_, i)| i).collect::<Vec<usize>>()
    };
    let sides = [
        in_theme(lists.base, |s| s.base),
        in_theme(lists.ours, |s| s.ours),
        in_theme(lists.theirs, |s| s.theirs),
    ];
    let shown = sides.each_ref().map(|side| {
        let refs: Vec<&str> = side
            .iter()
            .filter_map(|&i| lists.at(slots[i]).into_iter().flatten().next())
            .map(|p| p.action.reference.as_str())
            .collect();
        refs.join(", ")
    });
    let order = seq::order_of(slots, sides, |slot| moved(lists, slot), cx.prefer);
    if order.conflict {
        let at = At::theme(map.refs.get(theme).map_or("", String::as_str));
        let field = format!("(order of {})", Action::PLURAL);
        cx.record(ConflictKind::Reordered, &at, field, shown);
    }
    let mut ordered = order.slots;
    let missing: Vec<usize> = members
        .into_iter()
        .filter(|i| !ordered.contains(i))
        .collect();
    ordered.extend(missing);
    ordered
}

/// Which sides moved an action to another theme than base's.
fn moved(lists: Three<[Placed]>, slot: &Slot) -> Moved {
    match lists.at(*slot) {
        [Some(b), Some(o), Some(t)] => match (o.theme != b.theme, t.theme != b.theme) {
            (false, false) => Moved::Neither,
            (true, false) => Moved::Ours,
            (false, true) => Moved::Theirs,
            (true, true) => Moved::Both,
        },
        _ => Moved::Neither,
    }
}

/// Gives each new action whose ref another merged action holds the next free ref with the same
/// stem (`1.6` -> `1.7`), keeping an action both sides started from, then ours, in place.
fn renumber_collisions(actions: &mut [Homed]) -> Vec<Renumbered> {
    let mut used: BTreeSet<String> = actions.iter().map(|a| a.1.reference.clone()).collect();
    let mut holders: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, (_, action, _)) in actions.iter().enumerate() {
        holders.entry(action.reference.clone()).or_default().push(i);
    }
    let mut renumbered = Vec::new();
    for (reference, mut holders) in holders {
        holders.sort_by_key(|&i| (actions[i].2, i));
        for &i in holders.iter().skip(1) {
            let (_, action, origin) = &mut actions[i];
            let side = match origin {
                Origin::Kept => continue,
                Origin::NewOurs => Side::Ours,
                Origin::NewTheirs => Side::Theirs,
            };
            let Some(free) = next_free(&reference, &used) else {
                continue;
            };
            used.insert(free.clone());
            action.reference.clone_from(&free);
            renumbered.push(Renumbered {
                side,
                from: reference.clone(),
                to: free,
                action: action.action.clone(),
            });
        }
    }
    renumbered
}

/// The first ref after `reference` that nobody holds, counting on its last number (`1.9` ->
/// `1.10`); `None` when it does not end in a number.
fn next_free(reference: &str, used: &BTreeSet<String>) -> Option<String> {
    let stem = reference.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = &reference[stem.len()..];
    let mut number: u64 = digits.parse().ok()?;
    loop {
        number = number.checked_add(1)?;
        let candidate = format!("{stem}{number:0width$}", width = digits.len());
        if !used.contains(&candidate) {
            return Some(candidate);
        }
    }
}

/// One action's merge, if it is kept, with the slot of the theme it goes in.
fn merge_action(
    cx: &mut Cx,
    sides: [Option<&Placed>; 3],
    weak: bool,
    map: &ThemeMap,
) -> Option<(usize, Action)> {
    let [base, ours, theirs] = sides;
    let at = ours.or(theirs).or(base)?.action.place(&At::plan());
    let whole = at.whole(Action::NOUN);
    let pick = match sides {
        [Some(b), Some(o), Some(t)] if weak && o != b && t != b && o != t => {
            let values = [b.show(), o.show(), t.show()];
            cx.record(ConflictKind::Changed, &at, whole, values);
            match cx.prefer {
                Side::Ours => Pick::Ours(o),
                Side::Theirs => Pick::Theirs(t),
            }
        }
        _ => cx.pick(&at, &whole, sides),
    };
    let (theme, action) = match pick {
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
