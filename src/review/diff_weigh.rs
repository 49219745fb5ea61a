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
pub(super) fn themes(old: &Plan, new: &Plan, actions: &Prepared) -> Vec<Option<usize>> {
    let prints =
        |p: &Plan| -> Vec<Print> { p.themes.iter().map(|t| Print::new(&t.title, "")).collect() };
    let (old_prints, new_prints) = (prints(old), prints(new));
    let votes = shared_actions(actions);
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
fn shared_actions(actions: &Prepared) -> HashMap<usize, BTreeMap<usize, usize>> {
    let mut old_themes: HashMap<&str, Vec<usize>> = HashMap::new();
    for (print, (pos, _)) in actions.old.prints.iter().zip(&actions.old.list) {
        old_themes.entry(print.exact()).or_default().push(pos.theme);
    }
    let mut votes: HashMap<usize, BTreeMap<usize, usize>> = HashMap::new();
    for (print, (pos, _)) in actions.new.prints.iter().zip(&actions.new.list) {
        for &i in old_themes.get(print.exact()).into_iter().flatten().take(4) {
            *votes.entry(pos.theme).or_default().entry(i).or_default() += 1;
        }
    }
    votes
}

/// Both versions' actions prepared once, for pairing themes and then actions.
pub(super) struct Prepared<'a> {
    old: Side<'a>,
    new: Side<'a>,
}

/// Prepares the actions of both versions for pairing.
pub(super) fn prepare<'a>(old: &'a Plan, new: &'a Plan) -> Prepared<'a> {
    Prepared {
        old: Side::new(old),
        new: Side::new(new),
    }
}

/// One version's actions, in plan order, prepared for pairing.
struct Side<'a> {
    list: Vec<(ActionPos, &'a Action)>,
    prints: Vec<Print>,
    progress: Vec<Vec<u64>>,
}

impl<'a> Side<'a> {
    fn new(plan: &'a Plan) -> Side<'a> {
        let list: Vec<(ActionPos, &Action)> = plan.actions().collect();
        let prints = list
            .iter()
            .map(|(_, a)| Print::new(&a.action, a.outcome.as_deref().unwrap_or("")))
            .collect();
        let progress = list
            .iter()
            .map(|(_, a)| word_set(a.progress.as_deref().unwrap_or("")))
            .collect();
        Side {
            list,
            prints,
            progress,
        }
    }
}

/// The two versions' actions and what is known of their themes, to weigh a candidate pair.
struct Actions<'a> {
    old: Side<'a>,
    new: Side<'a>,
    theme_from: &'a [Option<usize>],
    old_by_ref: BTreeMap<&'a str, usize>,
    old_by_pos: BTreeMap<ActionPos, usize>,
}

impl Actions<'_> {
    /// The old theme that new action `j`'s theme continues.
    fn old_theme(&self, j: usize) -> Option<usize> {
        self.theme_from
            .get(self.new.list[j].0.theme)
            .copied()
            .flatten()
    }

    /// The old action at new action `j`'s place: same position in the theme it continues.
    fn in_place(&self, j: usize) -> Option<usize> {
        let pos = self.new.list[j].0;
        let theme = self.old_theme(j)?;
        let at = ActionPos {
            theme,
            action: pos.action,
        };
        self.old_by_pos.get(&at).copied()
    }

    /// Candidates the text index cannot know: the same ref, the same place.
    fn extra(&self, j: usize) -> Vec<usize> {
        let reference = self.new.list[j].1.reference.as_str();
        let same_ref = self.old_by_ref.get(reference).copied();
        same_ref.into_iter().chain(self.in_place(j)).collect()
    }

    fn weigh(&self, i: usize, j: usize) -> Option<u32> {
        let ((op, o), (_, n)) = (self.old.list[i], self.new.list[j]);
        let text = self.old.prints[i].similarity(&self.new.prints[j]);
        let progress = similar_words(&self.old.progress[i], &self.new.progress[j]);
        let same_theme = self.old_theme(j) == Some(op.theme);
        let same_ref = o.reference == n.reference;
        let context = same_context((&o.owners, &n.owners), (&o.due, &n.due));
        let placed = same_theme && (same_ref || self.in_place(j) == Some(i));
        let evidence = text >= IN_PLACE || progress >= SAME || context;
        let accept = text >= SAME || (placed && evidence);
        let weight = 4 * text + progress + 300 * u32::from(same_theme) + 150 * u32::from(same_ref);
        accept.then_some(weight + 50 * u32::from(context))
    }

    /// How new action `j` was recognised as old action `i`.
    fn matched_by(&self, i: usize, j: usize) -> MatchedBy {
        if self.old.list[i].1.reference == self.new.list[j].1.reference {
            MatchedBy::Ref
        } else {
            let permille = self.old.prints[i].similarity(&self.new.prints[j]);
            MatchedBy::Similarity {
                percent: permille / 10,
            }
        }
    }
}

/// Kept actions: new position -> old position, and how it was recognised.
pub(super) fn actions(
    actions: Prepared,
    theme_from: &[Option<usize>],
) -> BTreeMap<ActionPos, (ActionPos, MatchedBy)> {
    let Prepared { old, new } = actions;
    let old_by_ref = old
        .list
        .iter()
        .enumerate()
        .rev()
        .map(|(i, (_, a))| (a.reference.as_str(), i))
        .collect();
    let old_by_pos = old
        .list
        .iter()
        .enumerate()
        .map(|(i, (p, _))| (*p, i))
        .collect();
    let ctx = Actions {
        old,
        new,
        theme_from,
        old_by_ref,
        old_by_pos,
    };
    let pairs = pair(
        &ctx.old.prints,
        &ctx.new.prints,
        |j| ctx.extra(j),
        |i, j| ctx.weigh(i, j),
    );
    pairs
        .into_iter()
        .enumerate()
        .filter_map(|(j, pair)| {
            let i = pair?;
            Some((ctx.new.list[j].0, (ctx.old.list[i].0, ctx.matched_by(i, j))))
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
