//! Words of a text and word diffs between two texts (pure).

use super::{Segment, SegmentKind};
use similar::{Algorithm, ChangeTag, TextDiff};

/// A text reduced to its words: lower-cased runs of letters and digits joined by single
/// spaces (one allocation, however many words).
pub(super) fn normalized(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let runs = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    for word in runs {
        if !out.is_empty() {
            out.push(' ');
        }
        word.chars()
            .flat_map(char::to_lowercase)
            .for_each(|c| out.push(c));
    }
    out
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
    fn normalized_words() {
        assert_eq!(
            normalized("  Monitor the DATA-set, (item 5)!"),
            "monitor the data set item 5"
        );
        assert_eq!(normalized("Ärzte prüfen"), "ärzte prüfen");
        assert_eq!(normalized(" -- "), "");
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
