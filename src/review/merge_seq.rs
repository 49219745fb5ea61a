//! Lists in a three-way merge: which elements of base, ours and theirs are the same element
//! (matched by key, or by content when the key was renumbered), and in what order the merged
//! list holds them.

use super::fields::Side;
use std::collections::BTreeSet;

/// An element of a list that the merge matches across versions.
pub(super) trait Keyed {
    /// True when the key is the element's own text (a milestone, a measure, a glossary name),
    /// so an element whose key is still there is that element; false for refs, which
    /// renumbering hands on to other elements.
    const KEY_IS_TEXT: bool = false;
    /// True when two additions under the same key with different content are two elements
    /// (both kept, one then renumbered) rather than one element added twice (a conflict).
    const ADDITIONS_KEEP_BOTH: bool = false;
    /// What names the element in its list: a ref, a measure's text, a glossary short name.
    fn key(&self) -> &str;
    /// True when the two are equal in everything but the key (and identity).
    fn same_but_key(&self, other: &Self) -> bool;
    /// The least [`Keyed::likeness`] that pairs two elements whose keys differ; `u32::MAX`
    /// when only keys and identical content pair elements.
    const LIKE_ENOUGH: u32 = u32::MAX;
    /// The least [`Keyed::likeness`] below which two elements paired by their key alone are a
    /// weak pair ([`Slot::weak`]): a ref handed to a new element that shares nothing with the
    /// old one does not make them surely one element.
    const SAME_KEY_LIKE_ENOUGH: u32 = 0;
    /// How much two elements have in common beyond their keys (0: nothing).
    fn likeness(&self, _other: &Self) -> u32 {
        0
    }
}

/// One element across the three versions: its index in each list, where it is present.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Slot {
    /// Index in the base list.
    pub base: Option<usize>,
    /// Index in our list.
    pub ours: Option<usize>,
    /// Index in their list.
    pub theirs: Option<usize>,
    /// Paired on some side by key alone, with less in common than
    /// [`Keyed::SAME_KEY_LIKE_ENOUGH`]: maybe an element deleted and a new one given its key,
    /// so changes on both sides are a conflict.
    pub weak: bool,
}

impl Slot {
    /// True when the element is in all three versions.
    pub fn everywhere(&self) -> bool {
        self.base.is_some() && self.ours.is_some() && self.theirs.is_some()
    }
}

/// The slots of three lists: the base elements (with where each one is on either side), then
/// the elements each side added. An element both sides added under the same key is one slot
/// (for lists whose additions keep both, only when the two are the same but for identity).
pub(super) fn slots<T: Keyed>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<Slot> {
    let to_ours = pair(base, ours);
    let to_theirs = pair(base, theirs);
    let mut slots: Vec<Slot> = (0..base.len())
        .map(|i| Slot {
            base: Some(i),
            ours: to_ours[i],
            theirs: to_theirs[i],
            weak: [
                to_ours[i].map(|j| &ours[j]),
                to_theirs[i].map(|k| &theirs[k]),
            ]
            .into_iter()
            .flatten()
            .any(|side| {
                !base[i].same_but_key(side) && base[i].likeness(side) < T::SAME_KEY_LIKE_ENOUGH
            }),
        })
        .collect();
    let first_added = slots.len();
    for j in unpaired(&to_ours, ours.len()) {
        slots.push(Slot {
            ours: Some(j),
            ..Slot::default()
        });
    }
    for k in unpaired(&to_theirs, theirs.len()) {
        let twin = slots[first_added..].iter_mut().find(|s| {
            s.theirs.is_none()
                && s.ours.is_some_and(|j| {
                    ours[j].key() == theirs[k].key()
                        && (!T::ADDITIONS_KEEP_BOTH || ours[j].same_but_key(&theirs[k]))
                })
        });
        match twin {
            Some(slot) => slot.theirs = Some(k),
            None => slots.push(Slot {
                theirs: Some(k),
                ..Slot::default()
            }),
        }
    }
    slots
}

/// For each base element, the index of the same element in `side`: first same key and same
/// content (unchanged), then same content under a new key when that pairing is the only one
/// either way (renumbered; for text keys only when neither key is still in use), then the
/// likest (edited and renumbered: refs are labels, content is identity), then same key
/// (edited in place).
fn pair<T: Keyed>(base: &[T], side: &[T]) -> Vec<Option<usize>> {
    let mut to_side = vec![None; base.len()];
    let mut taken = vec![false; side.len()];
    link(base, side, &mut to_side, &mut taken, |b, s| {
        b.key() == s.key() && b.same_but_key(s)
    });
    for i in 0..base.len() {
        if to_side[i].is_some() {
            continue;
        }
        let open = |j: usize| !taken[j];
        let fits = |b: usize, j: usize| {
            base[b].same_but_key(&side[j])
                && !(T::KEY_IS_TEXT
                    && (in_use(side, base[b].key(), open)
                        || in_use(base, side[j].key(), |k| to_side[k].is_none())))
        };
        let candidates: Vec<usize> = (0..side.len()).filter(|&j| open(j) && fits(i, j)).collect();
        if let [j] = candidates[..] {
            let rivals = (0..base.len())
                .filter(|&k| to_side[k].is_none() && fits(k, j))
                .count();
            if rivals == 1 {
                to_side[i] = Some(j);
                taken[j] = true;
            }
        }
    }
    link_alike(base, side, &mut to_side, &mut taken);
    link(base, side, &mut to_side, &mut taken, |b, s| {
        b.key() == s.key()
    });
    to_side
}

/// Pairs the elements left unpaired by likeness, likest first (same key first among equals),
/// each pair at least [`Keyed::LIKE_ENOUGH`] alike.
fn link_alike<T: Keyed>(base: &[T], side: &[T], to_side: &mut [Option<usize>], taken: &mut [bool]) {
    if T::LIKE_ENOUGH == u32::MAX {
        return;
    }
    let open_side: Vec<usize> = (0..side.len()).filter(|&j| !taken[j]).collect();
    let mut pairs = Vec::new();
    for (i, element) in base.iter().enumerate() {
        if to_side[i].is_some() {
            continue;
        }
        for &j in &open_side {
            let score = element.likeness(&side[j]);
            if score >= T::LIKE_ENOUGH {
                let other_key = element.key() != side[j].key();
                pairs.push((std::cmp::Reverse(score), other_key, i, j));
            }
        }
    }
    pairs.sort_unstable();
    for (_, _, i, j) in pairs {
        if to_side[i].is_none() && !taken[j] {
            to_side[i] = Some(j);
            taken[j] = true;
        }
    }
}

/// True when an element of `list` that is still `open` has this key.
fn in_use<T: Keyed>(list: &[T], key: &str, open: impl Fn(usize) -> bool) -> bool {
    list.iter()
        .enumerate()
        .any(|(i, e)| open(i) && e.key() == key)
}

/// Pairs each still unpaired base element with the first free side element that `fits` it.
fn link<T>(
    base: &[T],
    side: &[T],
    to_side: &mut [Option<usize>],
    taken: &mut [bool],
    fits: impl Fn(&T, &T) -> bool,
) {
    for (i, element) in base.iter().enumerate() {
        if to_side[i].is_some() {
            continue;
        }
        if let Some(j) = (0..side.len()).find(|&j| !taken[j] && fits(element, &side[j])) {
            to_side[i] = Some(j);
            taken[j] = true;
        }
    }
}

/// The side indices no base element is paired with: the side's additions, in its order.
fn unpaired(to_side: &[Option<usize>], len: usize) -> Vec<usize> {
    let paired: BTreeSet<usize> = to_side.iter().flatten().copied().collect();
    (0..len).filter(|j| !paired.contains(j)).collect()
}

/// The merged order of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Order {
    /// Slot indices, in merged order: every slot present on at least one side.
    pub slots: Vec<usize>,
    /// Both sides reordered the shared elements, differently; ours' order was followed.
    pub conflict: bool,
}

/// Which versions put an element in another container than base did (an action in another
/// theme). Such an element takes its position from the side that moved it, and its position
/// is no part of the list's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Moved {
    /// Neither side moved it (or it is not in all three versions).
    Neither,
    /// Only ours moved it.
    Ours,
    /// Only theirs moved it.
    Theirs,
    /// Both moved it.
    Both,
}

/// For lists whose elements cannot move elsewhere.
pub(super) fn unmoved(_slot: &Slot) -> Moved {
    Moved::Neither
}

/// The merged order: the order of the side that reordered the shared elements (ours when
/// neither did; the preferred side when both did), with each element only the other side
/// has, or only the other side moved here, inserted after its predecessor there.
pub(super) fn order(slots: &[Slot], moved: impl Fn(&Slot) -> Moved, prefer: Side) -> Order {
    let sides = [
        sequence(slots, |s| s.base),
        sequence(slots, |s| s.ours),
        sequence(slots, |s| s.theirs),
    ];
    order_of(slots, sides, moved, prefer)
}

/// [`order`] of some of the slots, given as each side's sequence of them (`[base, ours,
/// theirs]`, each in that side's order): the actions of one theme.
pub(super) fn order_of(
    slots: &[Slot],
    sides: [Vec<usize>; 3],
    moved: impl Fn(&Slot) -> Moved,
    prefer: Side,
) -> Order {
    let [base, ours, theirs] = sides;
    let shared = |seq: &[usize]| -> Vec<usize> {
        seq.iter()
            .copied()
            .filter(|&i| slots[i].everywhere() && moved(&slots[i]) == Moved::Neither)
            .collect()
    };
    let (shared_base, shared_ours, shared_theirs) = (shared(&base), shared(&ours), shared(&theirs));
    let ours_moved = shared_ours != shared_base;
    let theirs_moved = shared_theirs != shared_base;
    let conflict = ours_moved && theirs_moved && shared_ours != shared_theirs;
    let theirs_lead = (theirs_moved && !ours_moved) || (conflict && prefer == Side::Theirs);
    let (primary, secondary, led_by_secondary) = if theirs_lead {
        (theirs, ours, Moved::Ours)
    } else {
        (ours, theirs, Moved::Theirs)
    };
    let primary = primary
        .into_iter()
        .filter(|&i| moved(&slots[i]) != led_by_secondary)
        .collect();
    Order {
        slots: weave(primary, &secondary),
        conflict,
    }
}

/// The slots present on one side, in that side's order.
pub(super) fn sequence(slots: &[Slot], side: impl Fn(&Slot) -> Option<usize>) -> Vec<usize> {
    let mut seq: Vec<(usize, usize)> = slots
        .iter()
        .enumerate()
        .filter_map(|(i, s)| side(s).map(|at| (at, i)))
        .collect();
    seq.sort_unstable();
    seq.into_iter().map(|(_, i)| i).collect()
}

/// `primary`, with each slot only `secondary` has inserted after its predecessor in
/// `secondary` and after anything `secondary` lacks that follows that predecessor (so when
/// both sides add after the same element, the primary side's additions come first).
fn weave(mut merged: Vec<usize>, secondary: &[usize]) -> Vec<usize> {
    let in_secondary: BTreeSet<usize> = secondary.iter().copied().collect();
    let mut in_merged: BTreeSet<usize> = merged.iter().copied().collect();
    for (n, &slot) in secondary.iter().enumerate() {
        if in_merged.contains(&slot) {
            continue;
        }
        let after = n
            .checked_sub(1)
            .and_then(|p| merged.iter().position(|&m| m == secondary[p]));
        let mut at = after.map_or(0, |p| p + 1);
        while at < merged.len() && !in_secondary.contains(&merged[at]) {
            at += 1;
        }
        merged.insert(at, slot);
        in_merged.insert(slot);
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A test element: key and content.
    #[derive(Debug, Clone, PartialEq)]
    struct E(&'static str, &'static str);

    impl Keyed for E {
        fn key(&self) -> &str {
            self.0
        }
        fn same_but_key(&self, other: &E) -> bool {
            self.1 == other.1
        }
    }

    #[test]
    fn renumbered_elements_are_matched_by_content() {
        let base = [E("1", "w"), E("2", "x"), E("3", "y")];
        let ours = [E("1", "x"), E("2", "y")];
        let to_ours = pair(&base, &ours);
        assert_eq!(to_ours, vec![None, Some(0), Some(1)]);
    }

    #[test]
    fn edited_elements_are_matched_by_key() {
        let base = [E("1", "w"), E("2", "x")];
        let ours = [E("1", "w2"), E("2", "x")];
        assert_eq!(pair(&base, &ours), vec![Some(0), Some(1)]);
    }

    #[test]
    fn additions_follow_their_predecessor_primary_first() {
        let base = [E("a", "a"), E("b", "b")];
        let ours = [E("a", "a"), E("o", "o"), E("b", "b")];
        let theirs = [E("a", "a"), E("t", "t"), E("b", "b")];
        let slots = slots(&base, &ours, &theirs);
        let order = order(&slots, unmoved, Side::Ours);
        assert!(!order.conflict);
        let named: Vec<&str> = order
            .slots
            .iter()
            .map(|&i| match slots[i] {
                Slot { ours: Some(j), .. } => ours[j].0,
                Slot {
                    theirs: Some(k), ..
                } => theirs[k].0,
                _ => "?",
            })
            .collect();
        assert_eq!(named, ["a", "o", "t", "b"]);
    }

    #[test]
    fn their_reordering_is_followed_when_ours_kept_the_order() {
        let base = [E("a", "a"), E("b", "b"), E("c", "c")];
        let ours = [E("a", "a"), E("b", "B"), E("c", "c")];
        let theirs = [E("c", "c"), E("a", "a"), E("b", "b")];
        let slots = slots(&base, &ours, &theirs);
        let order = order(&slots, unmoved, Side::Ours);
        assert_eq!(order.slots, vec![2, 0, 1]);
        assert!(!order.conflict);
        let both = [E("b", "b"), E("a", "a"), E("c", "c")];
        let slots = super::slots(&base, &both, &theirs);
        assert!(super::order(&slots, unmoved, Side::Ours).conflict);
    }

    /// A text-keyed test element.
    #[derive(Debug, Clone, PartialEq)]
    struct Text(&'static str, &'static str);

    impl Keyed for Text {
        const KEY_IS_TEXT: bool = true;

        fn key(&self) -> &str {
            self.0
        }
        fn same_but_key(&self, other: &Text) -> bool {
            self.1 == other.1
        }
    }

    #[test]
    fn a_text_key_still_in_use_is_not_taken_for_a_rename() {
        let base = [Text("Draft", ""), Text("Publish", "")];
        let side = [
            Text("Draft", ""),
            Text("Publish", "ongoing"),
            Text("Review", ""),
        ];
        assert_eq!(pair(&base, &side), vec![Some(0), Some(1)]);
        let renamed = [Text("Draft", ""), Text("Publish it", "")];
        assert_eq!(pair(&base, &renamed), vec![Some(0), Some(1)]);
    }
}
