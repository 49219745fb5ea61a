//! The evidence that an old and a new theme, action, milestone or measure are the same element,
//! and the pairings it gives (over the index of `diff_pair.rs`).
//!
//! Text decides first: the identifying text (action + outcome, a theme's title, a milestone, a
//! measure) at least 60% the same by words, or exactly the same. A weaker text match is
//! accepted only in place (same ref or same position, same theme) and with other evidence of
//! continuity: progress mostly the same words, or the same owners and timescale. Among accepted
//! pairs, the weight ranks exact text far above similar text, then the same theme, then similar
//! progress, then the same ref: a ref is a label and only breaks ties.

use super::MatchedBy;
use super::pairing::{Print, jaccard, pair, word_set};
use crate::model::{Action, ActionPos, Due, Measure, Milestone, Plan};
use std::collections::{BTreeMap, HashMap};

/// Text at least this similar (in thousandths) is the same element wherever it is.
const SAME: u32 = 600;
/// Text at least this similar is the same element when it is in place and other evidence agrees.
const IN_PLACE: u32 = 300;

/// Similarity of two optional texts' words; no evidence (0) when either is empty.
fn similar_words(a: &[u64], b: &[u64]) -> u32 {
    if a.is_empty() || b.is_empty() {
        0
    } else {
        jaccard(a, b)
    }
}

/// Same owners and timescale, and at least one of them given.
fn same_context(owners: (&[String], &[String]), due: (&Option<Due>, &Option<Due>)) -> bool {
    owners.0 == owners.1 && due.0 == due.1 && (!owners.0.is_empty() || due.0.is_some())
}

/// For each new theme, the old theme it continues: by title, and by how many of its actions
/// kept exactly their text.
pub(super) fn themes(old: &Plan, new: &Plan) -> Vec<Option<usize>> {
    let prints =
        |p: &Plan| -> Vec<Print> { p.themes.iter().map(|t| Print::new(&t.title, "")).collect() };
    let (old_prints, new_prints) = (prints(old), prints(new));
    let votes = shared_actions(old, new);
    let old_by_ref: BTreeMap<&str, usize> = old
        .themes
        .iter()
        .enumerate()
        .map(|(i, t)| (t.reference.as_str(), i))
        .collect();
    let extra = |j: usize| {
        let mut out: Vec<usize> = old_by_ref
            .get(new.themes[j].reference.as_str())
            .copied()
            .into_iter()
            .collect();
        out.extend(votes.get(&j).into_iter().flat_map(|v| v.keys().copied()));
        out
    };
    let weigh = |i: usize, j: usize| {
        let (o, n) = (&old.themes[i], &new.themes[j]);
        let title = old_prints[i].similarity(&new_prints[j]);
        let shared = votes.get(&j).and_then(|v| v.get(&i)).copied().unwrap_or(0);
        let most = o.actions.len().max(n.actions.len()).max(1);
        let kept = u32::try_from(shared * 1000 / most).unwrap_or(1000);
        let same_ref = o.reference == n.reference;
        let accept =
            title >= SAME || kept >= 500 || (same_ref && (title >= IN_PLACE || kept >= 200));
        accept.then_some(2 * title + 2 * kept + 100 * u32::from(same_ref))
    };
    pair(&old_prints, &new_prints, extra, weigh)
}

/// For each new theme: old theme -> how many actions they share with exactly the same text.
fn shared_actions(old: &Plan, new: &Plan) -> HashMap<usize, BTreeMap<usize, usize>> {
    let text = |a: &Action| super::matching::words(&a.action).join(" ");
    let mut old_themes: HashMap<String, Vec<usize>> = HashMap::new();
    for (pos, action) in old.actions() {
        old_themes.entry(text(action)).or_default().push(pos.theme);
    }
    let mut votes: HashMap<usize, BTreeMap<usize, usize>> = HashMap::new();
    for (pos, action) in new.actions() {
        for &i in old_themes.get(&text(action)).into_iter().flatten().take(4) {
            *votes.entry(pos.theme).or_default().entry(i).or_default() += 1;
        }
    }
    votes
}

/// Kept actions: new position -> old position, and how it was recognised.
pub(super) fn actions(
    old: &Plan,
    new: &Plan,
    theme_from: &[Option<usize>],
) -> BTreeMap<ActionPos, (ActionPos, MatchedBy)> {
    let (old_list, new_list): (Vec<_>, Vec<_>) = (old.actions().collect(), new.actions().collect());
    let prints = |list: &[(ActionPos, &Action)]| -> Vec<Print> {
        list.iter()
            .map(|(_, a)| Print::new(&a.action, a.outcome.as_deref().unwrap_or("")))
            .collect()
    };
    let progress = |list: &[(ActionPos, &Action)]| -> Vec<Vec<u64>> {
        list.iter()
            .map(|(_, a)| word_set(a.progress.as_deref().unwrap_or("")))
            .collect()
    };
    let (old_prints, new_prints) = (prints(&old_list), prints(&new_list));
    let (old_progress, new_progress) = (progress(&old_list), progress(&new_list));
    let old_by_ref: BTreeMap<&str, usize> = old_list
        .iter()
        .enumerate()
        .rev()
        .map(|(i, (_, a))| (a.reference.as_str(), i))
        .collect();
    let old_by_pos: BTreeMap<ActionPos, usize> = old_list
        .iter()
        .enumerate()
        .map(|(i, (p, _))| (*p, i))
        .collect();
    let old_theme = |j: usize| theme_from.get(new_list[j].0.theme).copied().flatten();
    let in_place = |j: usize| {
        let pos = new_list[j].0;
        old_theme(j).and_then(|theme| {
            old_by_pos
                .get(&ActionPos {
                    theme,
                    action: pos.action,
                })
                .copied()
        })
    };
    let extra = |j: usize| {
        let same_ref = old_by_ref.get(new_list[j].1.reference.as_str()).copied();
        same_ref.into_iter().chain(in_place(j)).collect()
    };
    let weigh = |i: usize, j: usize| {
        let ((op, o), (_, n)) = (old_list[i], new_list[j]);
        let text = old_prints[i].similarity(&new_prints[j]);
        let progress = similar_words(&old_progress[i], &new_progress[j]);
        let same_theme = old_theme(j) == Some(op.theme);
        let same_ref = o.reference == n.reference;
        let context = same_context((&o.owners, &n.owners), (&o.due, &n.due));
        let placed = same_theme && (same_ref || in_place(j) == Some(i));
        let evidence = text >= IN_PLACE || progress >= SAME || context;
        let accept = text >= SAME || (placed && evidence);
        let weight = 4 * text + progress + 300 * u32::from(same_theme) + 150 * u32::from(same_ref);
        accept.then_some(weight + 50 * u32::from(context))
    };
    let pairs = pair(&old_prints, &new_prints, extra, weigh);
    pairs
        .into_iter()
        .enumerate()
        .filter_map(|(j, pair)| {
            let i = pair?;
            let (o, n) = (old_list[i].1, new_list[j].1);
            let by = if o.reference == n.reference {
                MatchedBy::Ref
            } else {
                MatchedBy::Similarity {
                    percent: old_prints[i].similarity(&new_prints[j]) / 10,
                }
            };
            Some((new_list[j].0, (old_list[i].0, by)))
        })
        .collect()
}

/// For each new milestone of an action, the old milestone it continues.
pub(super) fn milestones(old: &[Milestone], new: &[Milestone]) -> Vec<Option<usize>> {
    let prints = |list: &[Milestone]| -> Vec<Print> {
        list.iter().map(|m| Print::new(&m.milestone, "")).collect()
    };
    let progress = |list: &[Milestone]| -> Vec<Vec<u64>> {
        list.iter()
            .map(|m| word_set(m.progress.as_deref().unwrap_or("")))
            .collect()
    };
    let (old_prints, new_prints) = (prints(old), prints(new));
    let (old_progress, new_progress) = (progress(old), progress(new));
    let weigh = |i: usize, j: usize| {
        let (o, n) = (&old[i], &new[j]);
        let text = old_prints[i].similarity(&new_prints[j]);
        let progress = similar_words(&old_progress[i], &new_progress[j]);
        let context = same_context((&o.owners, &n.owners), (&o.due, &n.due));
        let evidence = text >= IN_PLACE || progress >= SAME || context;
        let accept = text >= SAME || (i == j && evidence);
        accept.then_some(4 * text + progress + 100 * u32::from(i == j) + 50 * u32::from(context))
    };
    pair(&old_prints, &new_prints, |j| vec![j], weigh)
}

/// For each new measure of a theme, the old measure it continues (a reworded measure too).
pub(super) fn measures(old: &[Measure], new: &[Measure]) -> Vec<Option<usize>> {
    let prints = |list: &[Measure]| -> Vec<Print> {
        list.iter().map(|m| Print::new(&m.measure, "")).collect()
    };
    let (old_prints, new_prints) = (prints(old), prints(new));
    let weigh = |i: usize, j: usize| {
        let (o, n) = (&old[i], &new[j]);
        let text = old_prints[i].similarity(&new_prints[j]);
        // Target and baseline both given and both the same: a measure restated, not replaced.
        let given = o.target.is_some() && o.baseline.is_some();
        let values = given && o.target == n.target && o.baseline == n.baseline;
        let accept = text >= SAME || (i == j && (text >= IN_PLACE || values));
        accept.then_some(4 * text + 100 * u32::from(i == j) + 100 * u32::from(values))
    };
    pair(&old_prints, &new_prints, |j| vec![j], weigh)
}
