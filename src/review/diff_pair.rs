//! Best-overall pairing of the elements of two plan versions (themes, actions, milestones,
//! measures), in near-linear time.
//!
//! Refs are labels; content is identity. Each element is reduced to a [`Print`] of its
//! identifying text. Candidate pairs come from an index, never from all pairs (except in lists
//! of a few elements, where all pairs are cheaper than an index): the old elements
//! with the same text, those sharing one of the new element's rarest words or word pairs
//! (shingles), and whatever the caller adds (same ref, same position). The caller weighs each
//! candidate (or rules it out); the heaviest pairs are taken first, then one round of swaps
//! along alternating paths of length three repairs what greedy order got wrong, so a pairing
//! that is better overall wins over one locally best pair.

use super::matching::normalized;
use std::cmp::{Ordering, Reverse};
use std::collections::HashMap;

/// Words or word pairs found in more old elements than this do not name candidates: they are
/// too common to tell elements apart ("the", "review", a template's fixed wording).
const MAX_SHARED: usize = 8;
/// How many of a new element's rarest words and word pairs are looked up.
const LOOKUPS: usize = 4;
/// At most this many old elements with exactly the same text are candidates for one new one.
const MAX_EXACT: usize = 64;
/// Up to this many old elements, every one is a candidate: cheaper than building an index (a
/// milestone list, a theme's measures).
const SMALL: usize = 16;

/// An element's identifying text, prepared for pairing.
#[derive(Debug, Clone, Default)]
pub(super) struct Print {
    /// Lower-cased words joined by single spaces: equal means "the same text".
    exact: String,
    /// Hash of `exact`, for the index.
    exact_hash: u64,
    /// Distinct word hashes, sorted: the set compared by Jaccard index.
    words: Vec<u64>,
    /// Distinct hashes of words and adjacent word pairs, sorted: what the index looks up.
    features: Vec<u64>,
}

impl Print {
    /// `exact` is the identifying text; `more` adds words (an outcome) to the Jaccard set only.
    pub fn new(exact: &str, more: &str) -> Print {
        let exact = normalized(exact);
        let more = normalized(more);
        let all: Vec<&str> = exact
            .split(' ')
            .chain(more.split(' '))
            .filter(|w| !w.is_empty())
            .collect();
        let mut word_hashes: Vec<u64> = all.iter().map(|w| hash(w.as_bytes())).collect();
        let mut features = word_hashes.clone();
        features.extend(all.windows(2).map(|pair| pair_hash(pair[0], pair[1])));
        word_hashes.sort_unstable();
        word_hashes.dedup();
        features.sort_unstable();
        features.dedup();
        Print {
            exact_hash: hash(exact.as_bytes()),
            exact,
            words: word_hashes,
            features,
        }
    }

    /// The identifying text reduced to lower-cased words joined by single spaces.
    pub fn exact(&self) -> &str {
        &self.exact
    }

    /// 1000 for the same text, otherwise the Jaccard index of the word sets in thousandths.
    pub fn similarity(&self, other: &Print) -> u32 {
        if self.exact_hash == other.exact_hash && self.exact == other.exact {
            return 1000;
        }
        jaccard(&self.words, &other.words)
    }
}

/// FNV-1a: a word's hash, only ever compared with other words' hashes in this process.
fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The hash of two adjacent words (a shingle), distinct from either word's.
fn pair_hash(a: &str, b: &str) -> u64 {
    hash(b.as_bytes()).rotate_left(17) ^ hash(a.as_bytes()) ^ 0x9e37_79b9_7f4a_7c15
}

/// The distinct words of a text as sorted hashes (progress compared by Jaccard index).
pub(super) fn word_set(text: &str) -> Vec<u64> {
    let text = normalized(text);
    let mut set: Vec<u64> = text
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| hash(w.as_bytes()))
        .collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// Shared words over all words, in thousandths; two empty sets are identical.
pub(super) fn jaccard(a: &[u64], b: &[u64]) -> u32 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => (i, j, shared) = (i + 1, j + 1, shared + 1),
        }
    }
    let union = a.len() + b.len() - shared;
    if union == 0 {
        return 1000;
    }
    u32::try_from(shared * 1000 / union).unwrap_or(1000)
}

/// Where to look for the old element a new one continues.
struct Index<'a> {
    old: &'a [Print],
    by_text: HashMap<u64, Vec<usize>>,
    by_feature: HashMap<u64, Vec<usize>>,
}

impl<'a> Index<'a> {
    fn new(old: &'a [Print]) -> Index<'a> {
        let mut by_text: HashMap<u64, Vec<usize>> = HashMap::new();
        let mut by_feature: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, print) in old.iter().enumerate() {
            by_text.entry(print.exact_hash).or_default().push(i);
            for &f in &print.features {
                by_feature.entry(f).or_default().push(i);
            }
        }
        Index {
            old,
            by_text,
            by_feature,
        }
    }

    /// Old elements worth weighing against `new`, without duplicates, in index order.
    fn candidates(&self, new: &Print, extra: Vec<usize>) -> Vec<usize> {
        let mut out = extra;
        if let Some(same) = self.by_text.get(&new.exact_hash) {
            let same = same.iter().filter(|&&i| self.old[i].exact == new.exact);
            out.extend(same.take(MAX_EXACT));
        }
        let mut rare: Vec<&Vec<usize>> = new
            .features
            .iter()
            .filter_map(|f| self.by_feature.get(f))
            .filter(|list| list.len() <= MAX_SHARED)
            .collect();
        rare.sort_by_key(|list| (list.len(), list.first().copied()));
        for list in rare.into_iter().take(LOOKUPS) {
            out.extend(list.iter().copied());
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// One possible pair and how strongly the evidence says they are the same element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Candidate {
    weight: Reverse<u32>,
    new: usize,
    old: usize,
}

/// Pairs old elements with new ones: for each new element, the old element it continues.
///
/// `extra(j)` adds candidates the text index cannot know (same ref, same position);
/// `weigh(i, j)` says how strongly old `i` and new `j` are the same element, or `None` when
/// they are not. The result maximises the total weight as far as heaviest-first and one round
/// of swaps can tell.
pub(super) fn pair(
    old: &[Print],
    new: &[Print],
    extra: impl Fn(usize) -> Vec<usize>,
    weigh: impl Fn(usize, usize) -> Option<u32>,
) -> Vec<Option<usize>> {
    let index = (old.len() > SMALL).then(|| Index::new(old));
    let mut candidates = Vec::new();
    for (j, print) in new.iter().enumerate() {
        let extra = extra(j).into_iter().filter(|&i| i < old.len()).collect();
        let olds = match &index {
            Some(index) => index.candidates(print, extra),
            None => (0..old.len()).collect(),
        };
        for i in olds {
            if let Some(weight) = weigh(i, j) {
                candidates.push(Candidate {
                    weight: Reverse(weight),
                    new: j,
                    old: i,
                });
            }
        }
    }
    candidates.sort_unstable();
    let mut pairs = Pairs {
        new_to_old: vec![None; new.len()],
        old_to_new: vec![None; old.len()],
    };
    for c in &candidates {
        if pairs.new_to_old[c.new].is_none() && pairs.old_to_new[c.old].is_none() {
            pairs.link(c.old, c.new, c.weight.0);
        }
    }
    pairs.improve(&candidates);
    pairs
        .new_to_old
        .into_iter()
        .map(|p| p.map(|(i, _)| i))
        .collect()
}

/// A pairing under construction, both ways round, with each pair's weight.
struct Pairs {
    new_to_old: Vec<Option<(usize, u32)>>,
    old_to_new: Vec<Option<usize>>,
}

impl Pairs {
    fn link(&mut self, old: usize, new: usize, weight: u32) {
        self.new_to_old[new] = Some((old, weight));
        self.old_to_new[old] = Some(new);
    }

    /// One round of swaps: a free old element `i` that could take new `j` from old `k`, while
    /// `k` takes a free new `m` instead, when the two new pairs weigh more than the one they
    /// replace (and the mirror image, from a free new element).
    fn improve(&mut self, candidates: &[Candidate]) {
        let mut by_old: Vec<Vec<(usize, u32)>> = vec![Vec::new(); self.old_to_new.len()];
        let mut by_new: Vec<Vec<(usize, u32)>> = vec![Vec::new(); self.new_to_old.len()];
        for c in candidates {
            by_old[c.old].push((c.new, c.weight.0));
            by_new[c.new].push((c.old, c.weight.0));
        }
        for i in 0..by_old.len() {
            if self.old_to_new[i].is_some() {
                continue;
            }
            for &(j, w_ij) in &by_old[i] {
                let Some((k, w_kj)) = self.new_to_old[j] else {
                    continue;
                };
                let free = by_old[k]
                    .iter()
                    .find(|&&(m, w_km)| self.new_to_old[m].is_none() && w_ij + w_km > w_kj);
                if let Some(&(m, w_km)) = free {
                    self.link(k, m, w_km);
                    self.link(i, j, w_ij);
                    break;
                }
            }
        }
        for j in 0..by_new.len() {
            if self.new_to_old[j].is_some() {
                continue;
            }
            for &(i, w_ij) in &by_new[j] {
                let Some(k) = self.old_to_new[i] else {
                    continue;
                };
                let w_ik = self.new_to_old[k].map_or(0, |(_, w)| w);
                let free = by_new[k]
                    .iter()
                    .find(|&&(m, w_mk)| self.old_to_new[m].is_none() && w_ij + w_mk > w_ik);
                if let Some(&(m, w_mk)) = free {
                    self.link(m, k, w_mk);
                    self.link(i, j, w_ij);
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prints(texts: &[&str]) -> Vec<Print> {
        texts.iter().map(|t| Print::new(t, "")).collect()
    }

    #[test]
    fn similarity_of_texts() {
        let a = Print::new("Monitor indicator dataset to ensure progress", "");
        let b = Print::new("monitor  the indicator dataset, to ensure progress", "");
        let c = Print::new("MONITOR indicator dataset to ensure progress.", "x y z");
        assert_eq!(a.similarity(&b), 857);
        assert_eq!(a.similarity(&c), 1000);
        let d = Print::new("Publish the annual report", "");
        assert!(a.similarity(&d) < 300);
    }

    #[test]
    fn identical_text_under_another_ref_beats_same_ref_similar_text() {
        // Old 3.2 removed, 3.3 renumbered 3.2: 3.2's text is close to 3.3's.
        let old = prints(&[
            "Ensuring effective divisional performance management",
            "Ensuring effective departmental performance management",
        ]);
        let new = prints(&["Ensuring effective departmental performance management"]);
        let same_ref = |j: usize| vec![j];
        let weigh = |i: usize, j: usize| {
            let text = old[i].similarity(&new[j]);
            (text >= 600).then_some(text * 4 + u32::from(i == j) * 150)
        };
        assert_eq!(pair(&old, &new, same_ref, weigh), vec![Some(1)]);
    }

    #[test]
    fn a_swap_makes_a_better_pairing_overall() {
        // Greedy takes old 0 for new 0 (weight 10); old 1 can only be new 0 (weight 9), and
        // old 0 could be new 1 (weight 8): 9 + 8 beats 10.
        let old = prints(&["a", "b"]);
        let new = prints(&["c", "d"]);
        let all = |_: usize| vec![0, 1];
        let weigh = |i: usize, j: usize| match (i, j) {
            (0, 0) => Some(10),
            (1, 0) => Some(9),
            (0, 1) => Some(8),
            _ => None,
        };
        assert_eq!(pair(&old, &new, all, weigh), vec![Some(1), Some(0)]);
    }

    #[test]
    fn candidates_come_from_rare_words_not_all_pairs() {
        let old: Vec<Print> = (0..50)
            .map(|n| Print::new(&format!("Review the threshold document item {n}"), ""))
            .collect();
        let new = [Print::new("Review the threshold document item 7 again", "")];
        let index = Index::new(&old);
        assert_eq!(index.candidates(&new[0], Vec::new()), vec![7]);
    }
}
