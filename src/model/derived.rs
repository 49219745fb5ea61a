//! Ratings worked out from milestones: an action with no rating of its own whose milestones are
//! rated shows its worst open milestone's rating (blue milestones are done), marked as derived.
//! Counts, overdue lists, filters, the summary and the JSON export use it; the file keeps only
//! what was written.

use super::{ACTION_FIELDS, ACTION_KEYS, Action, FieldSpec, Milestone, Rag, Slot, find};
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// Where an action's rating comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RagSource {
    /// Set on the action itself.
    Own,
    /// Worked out from its milestones (the action has no rating of its own).
    Milestones,
}

impl Action {
    /// The rating to show and count: the action's own, or else the one derived from its
    /// milestones; `None` when neither gives one.
    pub fn effective_rag(&self) -> Option<(Rag, RagSource)> {
        match self.rag {
            Some(rag) => Some((rag, RagSource::Own)),
            None => from_milestones(&self.milestones).map(|rag| (rag, RagSource::Milestones)),
        }
    }

    /// The rating to show and count, wherever it comes from.
    pub fn rating(&self) -> Option<Rag> {
        self.effective_rag().map(|(rag, _)| rag)
    }
}

/// The worst rating among open (not blue) rated milestones; blue when every milestone is
/// blue; `None` when no milestone is rated.
fn from_milestones(milestones: &[Milestone]) -> Option<Rag> {
    let worst_open = milestones
        .iter()
        .filter_map(|m| m.rag)
        .filter(|&rag| rag != Rag::Blue)
        .min();
    let all_done = !milestones.is_empty() && milestones.iter().all(|m| m.rag == Some(Rag::Blue));
    worst_open.or(all_done.then_some(Rag::Blue))
}

/// An action in exports (JSON): its fields in file order, empty ones left out, and after
/// `rag` a `derived_rag` when the rating comes from the milestones.
impl Serialize for Action {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Action", ACTION_KEYS.len() + 1)?;
        for &key in ACTION_KEYS {
            match find(ACTION_FIELDS, key) {
                Some(spec) => table_field(&mut out, spec, self)?,
                None if key == "milestones" => {
                    let milestones = Some(&self.milestones).filter(|m| !m.is_empty());
                    optional(&mut out, key, milestones)?;
                }
                None => optional(&mut out, key, self.custom.as_ref())?,
            }
            if key == "rag" {
                let derived = match self.effective_rag() {
                    Some((rag, RagSource::Milestones)) => Some(rag),
                    _ => None,
                };
                optional(&mut out, "derived_rag", derived.as_ref())?;
            }
        }
        out.end()
    }
}

/// One field of an action's table, left out when empty (a required one always written).
fn table_field<S: SerializeStruct>(
    out: &mut S,
    spec: &FieldSpec<Action>,
    action: &Action,
) -> Result<(), S::Error> {
    match &spec.slot {
        Slot::Required(get, _) => out.serialize_field(spec.key, get(action)),
        Slot::Text(get, _) => optional(out, spec.key, get(action).as_ref()),
        Slot::Rag(get, _) => optional(out, spec.key, get(action).as_ref()),
        Slot::Due(get, _) => optional(out, spec.key, get(action).as_ref()),
        Slot::Owners(get, _) => {
            optional(out, spec.key, Some(get(action)).filter(|o| !o.is_empty()))
        }
    }
}

fn optional<S: SerializeStruct, T: Serialize + ?Sized>(
    out: &mut S,
    key: &'static str,
    value: Option<&T>,
) -> Result<(), S::Error> {
    match value {
        Some(value) => out.serialize_field(key, value),
        None => out.skip_field(key),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(own: Option<Rag>, milestones: &[Option<Rag>]) -> Action {
        Action {
            rag: own,
            milestones: milestones
                .iter()
                .map(|&rag| Milestone {
                    rag,
                    ..Milestone::default()
                })
                .collect(),
            ..Action::default()
        }
    }

    #[test]
    fn worst_open_milestone_rates_an_unrated_action() {
        use Rag::*;
        let derived = |own, ms: &[Option<Rag>]| action(own, ms).effective_rag();
        assert_eq!(
            derived(Some(Green), &[Some(Red)]),
            Some((Green, RagSource::Own))
        );
        assert_eq!(
            derived(None, &[Some(Green), Some(Amber), Some(Blue), None]),
            Some((Amber, RagSource::Milestones))
        );
        assert_eq!(
            derived(None, &[Some(Blue), Some(Red)]),
            Some((Red, RagSource::Milestones))
        );
        assert_eq!(
            derived(None, &[Some(Blue), Some(Blue)]),
            Some((Blue, RagSource::Milestones))
        );
        assert_eq!(derived(None, &[Some(Blue), None]), None);
        assert_eq!(derived(None, &[None]), None);
        assert_eq!(derived(None, &[]), None);
    }

    #[test]
    fn json_marks_a_derived_rating() {
        let mut a = action(None, &[Some(Rag::Amber)]);
        a.reference = "1.1".into();
        a.action = "Do".into();
        let json = serde_json::to_string(&a).expect("json");
        assert_eq!(
            json,
            r#"{"ref":"1.1","action":"Do","derived_rag":"amber","milestones":[{"milestone":"","rag":"amber"}]}"#
        );
    }
}
