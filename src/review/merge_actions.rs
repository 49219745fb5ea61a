//! The actions of a merge: matched across the three versions with their themes, merged one by
//! one, ordered theme by theme, and new actions that collide on a ref given the next free one.

use super::elements::Show;
use super::fields::{ABSENT, At, Cx, DELETED, Element, Pick, Side, Three};
use super::seq::{self, Keyed, Moved, Slot};
use super::{ConflictKind, Renumbered, ThemeMap};
use crate::model::{Action, Plan, Theme};
use std::collections::{BTreeMap, BTreeSet};

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
pub(super) enum Origin {
    Kept,
    NewOurs,
    NewTheirs,
}

/// One merged action: the slot of the theme it goes in, the action, where it comes from.
pub(super) type Homed = (usize, Action, Origin);

/// The merged actions, theme by theme in merged theme order (`themes`), each theme's actions
/// in their merged order: each theme's order merges on its own.
pub(super) fn merge_actions<'a>(
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
pub(super) fn renumber_collisions(actions: &mut [Homed]) -> Vec<Renumbered> {
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
