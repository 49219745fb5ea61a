//! Pairing the elements of two plan versions (by key, then by similar text) and word diffs of text.
//!
//! Similarity is a word-level Jaccard index: the words (letters and digits, lower-cased) two
//! texts share, over the words either has. Two elements are taken for the same one when their
//! similarity is at least [`THRESHOLD`] (0.6), or when their normalised texts are equal.

use super::{MatchedBy, Segment, SegmentKind};
use similar::{Algorithm, ChangeTag, TextDiff};
use std::cmp::{Ordering, Reverse};
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Lowest similarity, in thousandths, for two elements to be taken as the same one: 0.6.
/// One changed word in a six-word action scores 5/7 (0.71); unrelated actions score below 0.3.
pub(super) const THRESHOLD: u32 = 600;

/// How alike two elements are: similarity in thousandths, then a tie-break (higher wins).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Score {
    /// Similarity of the identifying text, 0 to 1000.
    pub permille: u32,
    /// Secondary evidence used only to order equal similarities (same theme, similar progress).
    pub tiebreak: u32,
}

/// The text of an element reduced to what identifies it.
#[derive(Debug, Clone, Default)]
pub(super) struct Fingerprint {
    /// Lower-cased words joined by single spaces: equal means "the same text".
    exact: String,
    /// The set compared by Jaccard index (may cover more text than `exact`), see [`word_set`].
    words: Vec<u64>,
}

impl Fingerprint {
    /// `exact` is the identifying text; `more` adds words (an outcome) to the Jaccard set only.
    pub fn new(exact: &str, more: &str) -> Fingerprint {
        Fingerprint {
            exact: words(exact).join(" "),
            words: word_set(&format!("{exact} {more}")),
        }
    }

    /// 1000 for the same text, otherwise the Jaccard index of the word sets in thousandths.
    pub fn similarity(&self, other: &Fingerprint) -> u32 {
        if self.exact == other.exact {
            return 1000;
        }
        jaccard(&self.words, &other.words)
    }
}

/// Lower-cased runs of letters and digits.
pub(super) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The distinct words of a text as sorted hashes: comparing two sets is then a merge of two
/// short integer lists, fast enough to compare every unmatched action with every other.
/// The hashes are only compared with each other, never shown or stored.
pub(super) fn word_set(text: &str) -> Vec<u64> {
    let mut set: Vec<u64> = words(text)
        .iter()
        .map(|w| {
            let mut hasher = DefaultHasher::new();
            w.hash(&mut hasher);
            hasher.finish()
        })
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

/// Pairs old elements with new ones. For each new element: the old element it continues, and how
/// it was found; `None` when it is new.
///
/// 1. Same key and similar text (score at or above [`THRESHOLD`]): the same element.
/// 2. Among what is left, greedy best match on similar text: highest score first (ties broken by
///    `Score::tiebreak`, then plan order), so a renumbered or moved element is recognised.
/// 3. Among what is still left, same key: the same element with its text rewritten.
///
/// Step 2 before 3 means that closing 3.2 and renumbering 3.3 as 3.2 reads as "3.2 closed,
/// 3.3 renumbered 3.2", not as "3.2 rewritten, 3.3 closed".
pub(super) fn pair_up(
    old_keys: &[String],
    new_keys: &[String],
    by_key: MatchedBy,
    score: impl Fn(usize, usize) -> Score,
) -> Vec<Option<(usize, MatchedBy)>> {
    let mut pairs: Vec<Option<(usize, MatchedBy)>> = vec![None; new_keys.len()];
    let mut old_used = vec![false; old_keys.len()];
    let mut old_by_key: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, key) in old_keys.iter().enumerate().rev() {
        old_by_key.insert(key, i);
    }
    let same_key = |j: usize| old_by_key.get(new_keys[j].as_str()).copied();
    for (j, pair) in pairs.iter_mut().enumerate() {
        let similar = |&i: &usize| score(i, j).permille >= THRESHOLD;
        if let Some(i) = same_key(j).filter(similar)
            && !old_used[i]
        {
            old_used[i] = true;
            *pair = Some((i, by_key));
        }
    }
    pair_similar(&mut pairs, &mut old_used, &score);
    for (j, pair) in pairs.iter_mut().enumerate() {
        if let Some(i) = same_key(j).filter(|&i| pair.is_none() && !old_used[i]) {
            old_used[i] = true;
            *pair = Some((i, by_key));
        }
    }
    pairs
}

/// Step 2 of [`pair_up`]: greedy best match among the elements not yet paired.
fn pair_similar(
    pairs: &mut [Option<(usize, MatchedBy)>],
    old_used: &mut [bool],
    score: &impl Fn(usize, usize) -> Score,
) {
    let old_left: Vec<usize> = (0..old_used.len()).filter(|&i| !old_used[i]).collect();
    let new_left: Vec<usize> = (0..pairs.len()).filter(|&j| pairs[j].is_none()).collect();
    let mut candidates = Vec::new();
    for &i in &old_left {
        for &j in &new_left {
            let s = score(i, j);
            if s.permille >= THRESHOLD {
                candidates.push((Reverse(s), i, j));
            }
        }
    }
    candidates.sort();
    for (Reverse(s), i, j) in candidates {
        if !old_used[i] && pairs[j].is_none() {
            old_used[i] = true;
            let percent = s.permille / 10;
            pairs[j] = Some((i, MatchedBy::Similarity { percent }));
        }
    }
}

/// The word diff of two texts: runs of same, removed and added text, in reading order. A space
/// between two changed words joins them, so a rewritten phrase reads as one removal and one
/// addition (`[-being drafted-]{+agreed+}`) rather than word by word.
///
/// Tokens are those of `TextDiff::from_words` (words and whitespace runs), diffed with the
/// patience algorithm: it anchors on words found once in each text, where Myers may line up
/// spaces instead of a shared word and report a whole sentence as rewritten.
pub(super) fn word_diff(old: &str, new: &str) -> Vec<Segment> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_words(old, new);
    let tokens: Vec<(ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value()))
        .collect();
    let mut out = Vec::new();
    let (mut removed, mut added) = (String::new(), String::new());
    for (i, (tag, text)) in tokens.iter().enumerate() {
        match tag {
            ChangeTag::Delete => removed.push_str(text),
            ChangeTag::Insert => added.push_str(text),
            ChangeTag::Equal => {
                let pending = !removed.is_empty() || !added.is_empty();
                let changed_next = tokens
                    .get(i + 1)
                    .is_some_and(|(t, _)| *t != ChangeTag::Equal);
                if pending && changed_next && text.trim().is_empty() {
                    removed.push_str(text);
                    added.push_str(text);
                } else {
                    flush(&mut out, &mut removed, &mut added);
                    push(&mut out, SegmentKind::Same, text);
                }
            }
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out
}

/// Writes out a pending change, keeping whitespace both sides share outside it.
fn flush(out: &mut Vec<Segment>, removed: &mut String, added: &mut String) {
    let lead = common_whitespace(removed.chars(), added.chars());
    let trail = common_whitespace(removed.chars().rev(), added.chars().rev());
    let (lead, trail) = if lead + trail > removed.len().min(added.len()) {
        (lead, 0)
    } else {
        (lead, trail)
    };
    push(out, SegmentKind::Same, &removed[..lead]);
    push(
        out,
        SegmentKind::Removed,
        &removed[lead..removed.len() - trail],
    );
    push(out, SegmentKind::Added, &added[lead..added.len() - trail]);
    push(out, SegmentKind::Same, &removed[removed.len() - trail..]);
    removed.clear();
    added.clear();
}

/// Length in bytes of the whitespace both sequences start with.
fn common_whitespace(a: impl Iterator<Item = char>, b: impl Iterator<Item = char>) -> usize {
    a.zip(b)
        .take_while(|(x, y)| x == y && x.is_whitespace())
        .map(|(x, _)| x.len_utf8())
        .sum()
}

/// Appends text, merging it into the last segment when that is of the same kind.
fn push(out: &mut Vec<Segment>, kind: SegmentKind, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(text),
        _ => out.push(Segment {
            kind,
            text: text.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(refs: &[&str]) -> Vec<String> {
        refs.iter().map(|r| r.to_string()).collect()
    }

    fn marked(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| match s.kind {
                SegmentKind::Same => s.text.clone(),
                SegmentKind::Removed => format!("[-{}-]", s.text),
                SegmentKind::Added => format!("{{+{}+}}", s.text),
            })
            .collect()
    }

    #[test]
    fn similarity_of_texts() {
        let a = Fingerprint::new("Monitor indicator dataset to ensure progress", "");
        let b = Fingerprint::new("monitor  the indicator dataset, to ensure progress", "");
        let c = Fingerprint::new("MONITOR indicator dataset to ensure progress.", "x y z");
        assert_eq!(a.similarity(&b), 857);
        assert_eq!(a.similarity(&c), 1000);
        let d = Fingerprint::new("Publish the annual report", "");
        assert!(a.similarity(&d) < THRESHOLD);
    }

    #[test]
    fn same_key_then_similar_then_same_key() {
        // Old 3.2 closed, 3.3 renumbered 3.2; 3.9 rewritten in place.
        let old = keys(&["3.1", "3.2", "3.3", "3.9"]);
        let new = keys(&["3.1", "3.2", "3.9"]);
        let texts_old = ["a b c", "d e f", "g h i", "j k l"];
        let texts_new = ["a b c", "g h i", "x y z"];
        let score = |i: usize, j: usize| Score {
            permille: Fingerprint::new(texts_old[i], "")
                .similarity(&Fingerprint::new(texts_new[j], "")),
            tiebreak: 0,
        };
        let pairs = pair_up(&old, &new, MatchedBy::Ref, score);
        assert_eq!(
            pairs,
            vec![
                Some((0, MatchedBy::Ref)),
                Some((2, MatchedBy::Similarity { percent: 100 })),
                Some((3, MatchedBy::Ref)),
            ]
        );
    }

    #[test]
    fn word_diff_joins_rewritten_phrases() {
        let segments = word_diff(
            "Framework being drafted by the group",
            "Framework agreed and signed by the board",
        );
        assert_eq!(
            marked(&segments),
            "Framework [-being drafted-]{+agreed and signed+} by the [-group-]{+board+}"
        );
        assert_eq!(marked(&word_diff("a b c d", "a d")), "a [-b c -]d");
        assert_eq!(marked(&word_diff("", "new text")), "{+new text+}");
        assert_eq!(
            marked(&word_diff(
                "Dataset being drafted by QEG",
                "Dataset agreed by the board\nand published"
            )),
            "Dataset [-being drafted-]{+agreed+} by [-QEG-]{+the board\nand published+}"
        );
    }
}
