//! The merge of one value, one element and one keyed list, recording a [`Conflict`] for
//! everything both sides changed differently.

use super::elements::Show;
use super::seq::{self, Keyed, Moved, Slot};
use super::{Conflict, ConflictKind};

/// How a conflict shows the side that deleted an element.
pub(super) const DELETED: &str = "(deleted)";
/// How a conflict shows the base of an element both sides added.
pub(super) const ABSENT: &str = "(absent)";
/// How a conflict shows an empty optional value.
pub(super) const NONE: &str = "(none)";

/// The same thing in base, ours and theirs.
#[derive(Debug)]
pub(super) struct Three<'a, T: ?Sized> {
    pub base: &'a T,
    pub ours: &'a T,
    pub theirs: &'a T,
}

impl<T: ?Sized> Clone for Three<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for Three<'_, T> {}

impl<'a, T: ?Sized> Three<'a, T> {
    /// The same part of each version.
    pub fn get<V: ?Sized>(self, part: impl Fn(&'a T) -> &'a V) -> Three<'a, V> {
        Three {
            base: part(self.base),
            ours: part(self.ours),
            theirs: part(self.theirs),
        }
    }
}

impl<'a, T> Three<'a, T> {
    /// The same function of each version, as `[base, ours, theirs]`.
    pub fn map<R>(self, f: impl Fn(&'a T) -> R) -> [R; 3] {
        [f(self.base), f(self.ours), f(self.theirs)]
    }
}

impl<'a, T> Three<'a, [T]> {
    /// The element of `slot` in each version, where it is present.
    pub fn at(self, slot: Slot) -> [Option<&'a T>; 3] {
        let find = |list: &'a [T], at: Option<usize>| at.and_then(|i| list.get(i));
        [
            find(self.base, slot.base),
            find(self.ours, slot.ours),
            find(self.theirs, slot.theirs),
        ]
    }
}

/// Where a conflict is: the theme or action it belongs to, and the element within it.
#[derive(Debug, Clone, Default)]
pub(super) struct At {
    theme: Option<String>,
    action: Option<String>,
    element: Option<String>,
}

impl At {
    /// The plan itself.
    pub fn plan() -> At {
        At::default()
    }

    /// A theme, by ref.
    pub fn theme(reference: &str) -> At {
        At {
            theme: Some(reference.to_string()),
            ..At::default()
        }
    }

    /// An action, by ref (unique across the plan).
    pub fn action(reference: &str) -> At {
        At {
            action: Some(reference.to_string()),
            ..At::default()
        }
    }

    /// An element without a ref under this place (`milestone 'Replace team'`).
    pub fn within(&self, element: String) -> At {
        At {
            element: Some(element),
            ..self.clone()
        }
    }

    /// The name a conflict gives one field here.
    fn field(&self, name: &str) -> String {
        match &self.element {
            Some(element) => format!("{element}: {name}"),
            None => name.to_string(),
        }
    }

    /// The name a conflict gives the whole element here.
    pub fn whole(&self, noun: &str) -> String {
        format!("({})", self.element.as_deref().unwrap_or(noun))
    }
}

/// Which side a conflict resolves to in the merged plan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Ours: the merged plan is our file with their changes that do not conflict.
    #[default]
    Ours,
    /// Theirs: the merged plan holds their side of every conflict.
    Theirs,
}

/// What to do with one element of a list.
pub(super) enum Pick<'a, T> {
    /// Present everywhere: merge it field by field.
    Merge(Three<'a, T>),
    /// Take our element as it is (keeping its identity).
    Ours(&'a T),
    /// Take their element as it is (with a fresh identity).
    Theirs(&'a T),
    /// Leave it out.
    Drop,
}

/// The conflicts found so far, and which side a conflict resolves to in the merged plan.
#[derive(Debug, Default)]
pub(super) struct Cx {
    pub conflicts: Vec<Conflict>,
    pub prefer: Side,
}

impl Cx {
    /// Records a conflict with the base, ours and theirs values as shown.
    pub fn record(&mut self, kind: ConflictKind, at: &At, field: String, values: [String; 3]) {
        let [base, ours, theirs] = values;
        self.conflicts.push(Conflict {
            kind,
            theme: at.theme.clone(),
            action: at.action.clone(),
            field,
            base,
            ours,
            theirs,
        });
    }

    /// The merged value of one field: the side that changed it, or ours when both changed it
    /// differently (a conflict).
    pub fn field<V: PartialEq + Clone + Show>(&mut self, at: &At, name: &str, v: Three<V>) -> V {
        self.field_shown(at, name, v, Show::show)
    }

    /// [`Cx::field`] for a value shown by `show`.
    pub fn field_shown<V: PartialEq + Clone>(
        &mut self,
        at: &At,
        name: &str,
        v: Three<V>,
        show: impl Fn(&V) -> String,
    ) -> V {
        if v.ours == v.base {
            return v.theirs.clone();
        }
        if v.theirs != v.base && v.theirs != v.ours {
            let values = [show(v.base), show(v.ours), show(v.theirs)];
            self.record(ConflictKind::Changed, at, at.field(name), values);
            if self.prefer == Side::Theirs {
                return v.theirs.clone();
            }
        }
        v.ours.clone()
    }

    /// Whether an element is kept, and from where: deleted on one side and unchanged on the
    /// other goes; deleted on one side and changed on the other is a conflict, resolved to the
    /// preferred side; added on both sides differently is a conflict that keeps the preferred
    /// side's. `whole` names the element.
    pub fn pick<'a, T: PartialEq + Show>(
        &mut self,
        at: &At,
        whole: &str,
        sides: [Option<&'a T>; 3],
    ) -> Pick<'a, T> {
        let prefer = self.prefer;
        let mut conflict = |kind, values| self.record(kind, at, whole.to_string(), values);
        match sides {
            [Some(base), Some(ours), Some(theirs)] => Pick::Merge(Three { base, ours, theirs }),
            [Some(b), Some(o), None] if o != b => {
                conflict(
                    ConflictKind::DeletedChanged,
                    [b.show(), o.show(), DELETED.into()],
                );
                match prefer {
                    Side::Ours => Pick::Ours(o),
                    Side::Theirs => Pick::Drop,
                }
            }
            [Some(b), None, Some(t)] if t != b => {
                conflict(
                    ConflictKind::DeletedChanged,
                    [b.show(), DELETED.into(), t.show()],
                );
                match prefer {
                    Side::Ours => Pick::Drop,
                    Side::Theirs => Pick::Theirs(t),
                }
            }
            [None, Some(o), Some(t)] => {
                if o != t {
                    conflict(
                        ConflictKind::AddedTwice,
                        [ABSENT.into(), o.show(), t.show()],
                    );
                    if prefer == Side::Theirs {
                        return Pick::Theirs(t);
                    }
                }
                Pick::Ours(o)
            }
            [None, Some(o), None] => Pick::Ours(o),
            [None, None, Some(t)] => Pick::Theirs(t),
            _ => Pick::Drop,
        }
    }

    /// The merged order of a list's slots (see [`seq::order`]); both sides reordering the
    /// list differently is a conflict, and ours' order is kept.
    pub fn order<T: Keyed>(
        &mut self,
        at: &At,
        plural: &str,
        slots: &[Slot],
        lists: Three<[T]>,
        moved: impl Fn(&Slot) -> Moved,
    ) -> Vec<usize> {
        let order = seq::order(slots, moved, self.prefer);
        if order.conflict {
            let keys = |list: &[T]| list.iter().map(T::key).collect::<Vec<_>>().join(", ");
            let values = [keys(lists.base), keys(lists.ours), keys(lists.theirs)];
            self.record(
                ConflictKind::Reordered,
                at,
                format!("(order of {plural})"),
                values,
            );
        }
        order.slots
    }

    /// The merge of a keyed list of elements under `parent`, in merged order.
    pub fn list<T: Element>(&mut self, parent: &At, lists: Three<[T]>) -> Vec<T> {
        let slots = seq::slots(lists.base, lists.ours, lists.theirs);
        let order = self.order(parent, T::PLURAL, &slots, lists, seq::unmoved);
        order
            .into_iter()
            .filter_map(|i| self.element(parent, lists, slots[i]))
            .collect()
    }

    /// The merge of one element of a list, if it is kept.
    pub fn element<T: Element>(&mut self, parent: &At, lists: Three<[T]>, slot: Slot) -> Option<T> {
        let sides = lists.at(slot);
        let [base, ours, theirs] = sides;
        let at = ours.or(theirs).or(base)?.place(parent);
        match self.pick(&at, &at.whole(T::NOUN), sides) {
            Pick::Merge(v) => Some(T::merge(self, parent, v)),
            Pick::Ours(ours) => Some(ours.clone()),
            Pick::Theirs(theirs) => Some(theirs.renewed()),
            Pick::Drop => None,
        }
    }
}

/// An element of a plan's lists, as the merge handles it.
pub(super) trait Element: Keyed + Clone + PartialEq + Show {
    /// What the element is called in conflicts.
    const NOUN: &'static str;
    /// What a list of them is called in conflicts.
    const PLURAL: &'static str;
    /// Where the element's conflicts are, under `parent`.
    fn place(&self, parent: &At) -> At;
    /// A copy with fresh identities: the element does not come from our file.
    fn renewed(&self) -> Self;
    /// The field-level merge of an element present in all three versions. It keeps our
    /// identity, so the merged plan saves as edits of our file.
    fn merge(cx: &mut Cx, parent: &At, v: Three<Self>) -> Self;
}
