//! The changes of milestones (under an action) and measures (under a theme), paired by
//! `diff_weigh.rs`: a milestone moved up the list or a measure reworded is the same item.

use super::build::{due_change, owners_change, text_changes};
use super::values::field;
use super::weigh;
use super::{ChangeKind, Field, MeasureChange, MilestoneChange, RagChange};
use crate::model::{Due, MEASURE_FIELDS, MILESTONE_FIELDS, Measure, Milestone};

/// Milestones added, removed or changed: the new list in order, then those removed.
pub(super) fn milestones(old: &[Milestone], new: &[Milestone]) -> Vec<MilestoneChange> {
    let pairs = weigh::milestones(old, new);
    let mut out = Vec::new();
    for (j, m) in new.iter().enumerate() {
        match pairs[j] {
            Some(i) => out.extend(milestone_change(&old[i], m, j)),
            None => {
                let mut added = bare_milestone(ChangeKind::Added, m, j);
                added.rag = m.rag.map(|r| RagChange::between(None, Some(r)));
                out.push(added);
            }
        }
    }
    for (i, m) in old.iter().enumerate() {
        if !pairs.contains(&Some(i)) {
            out.push(bare_milestone(ChangeKind::Removed, m, i));
        }
    }
    out
}

fn milestone_change(o: &Milestone, n: &Milestone, j: usize) -> Option<MilestoneChange> {
    let mut change = bare_milestone(ChangeKind::Changed, n, j);
    change.texts = text_changes(MILESTONE_FIELDS, "", false, o, n).0;
    change.rag = (o.rag != n.rag).then(|| RagChange::between(o.rag, n.rag));
    change.owners = owners_change(&o.owners, &n.owners);
    change.due = due_change(&o.due, &n.due);
    let quiet = change.texts.is_empty()
        && change.rag.is_none()
        && change.owners.is_none()
        && change.due.is_none();
    (!quiet).then_some(change)
}

fn bare_milestone(kind: ChangeKind, milestone: &Milestone, index: usize) -> MilestoneChange {
    MilestoneChange {
        kind,
        position: index + 1,
        milestone: milestone.milestone.clone(),
        rag: None,
        texts: Vec::new(),
        owners: None,
        due: None,
    }
}

/// Measures added, removed or changed (a reworded measure is a changed one): the new list in
/// order, then those removed.
pub(super) fn measures(old: &[Measure], new: &[Measure]) -> Vec<MeasureChange> {
    let pairs = weigh::measures(old, new);
    let mut out = Vec::new();
    for (j, m) in new.iter().enumerate() {
        out.extend(measure_change(pairs[j].map(|i| &old[i]), m));
    }
    for (i, m) in old.iter().enumerate() {
        if !pairs.contains(&Some(i)) {
            out.push(MeasureChange {
                kind: ChangeKind::Removed,
                measure: m.measure.clone(),
                reworded_from: None,
                target: m.target.clone(),
                latest: m.latest.clone(),
                fields: Vec::new(),
                rag: None,
            });
        }
    }
    out
}

/// A kept measure's changes, or a new measure's starting values (`old` is `None`).
fn measure_change(old: Option<&Measure>, n: &Measure) -> Option<MeasureChange> {
    let empty = Measure::default();
    let o = old.unwrap_or(&empty);
    let (_, mut fields) = text_changes(MEASURE_FIELDS, "measure", true, o, n);
    let as_of = |m: &Measure| m.as_of.as_ref().map(Due::to_string);
    field(&mut fields, Field::AsOf, as_of(o), as_of(n));
    let reworded = old.is_some() && o.measure != n.measure;
    let rag = (o.rag != n.rag).then(|| RagChange::between(o.rag, n.rag));
    let kind = match old {
        Some(_) if fields.is_empty() && rag.is_none() && !reworded => return None,
        Some(_) => ChangeKind::Changed,
        None => ChangeKind::Added,
    };
    Some(MeasureChange {
        kind,
        measure: n.measure.clone(),
        reworded_from: reworded.then(|| o.measure.clone()),
        target: n.target.clone(),
        latest: n.latest.clone(),
        fields,
        rag,
    })
}
