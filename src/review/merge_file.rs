//! The merge of one plan file as git's merge driver sees it: the bytes of base, ours and
//! theirs in; the bytes to leave in the working tree out, either a valid merged plan (clean)
//! or a text with conflict markers that holds both sides of every conflict.
//!
//! Field-level first: a clean merge is written as edits of our file, and must load back as a
//! valid plan. When the sides conflict, the merge is done twice, resolving every conflict to
//! ours and then to theirs; the two plans differ just where the sides disagree, and their
//! line differences become the conflict blocks (everything else is merged). When that cannot
//! be shown (a side is not a valid plan, or a resolution is not valid either), git's line merge
//! is the fallback; a result of it that does not load, or that hides a conflict the field-level
//! merge found, becomes a conflict of our whole file against theirs: nothing is ever lost.

use super::{Side, merge_preferring};
use crate::store::{Document, Loaded, load};

/// How conflict markers name the two sides, and how long they are (git's `%L`, 7 by default).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    /// After `<<<<<<<`.
    pub ours: String,
    /// After `>>>>>>>`.
    pub theirs: String,
    /// The number of `<`, `=` and `>` in a marker.
    pub marker_size: usize,
}

impl Labels {
    /// Labels for the file `name` (`plans/2013-14.yaml (ours)`), markers of 7 characters.
    pub fn for_file(name: &str) -> Labels {
        Labels {
            ours: format!("{name} (ours)"),
            theirs: format!("{name} (theirs)"),
            marker_size: 7,
        }
    }
}

/// What a line-by-line three-way merge (`git merge-file`) gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineMerged {
    /// The merged text, with conflict markers where both sides changed the same lines.
    pub bytes: Vec<u8>,
    /// True when it holds conflict markers.
    pub conflicts: bool,
}

/// The merge of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileMerge {
    /// What to leave in the working tree.
    pub bytes: Vec<u8>,
    /// True when `bytes` is a valid plan with every change of both sides; false when it holds
    /// conflict markers for a person to resolve.
    pub clean: bool,
    /// What happened, one line each: renumbered actions, conflicts, fallbacks.
    pub messages: Vec<String>,
}

/// Merges the three versions of a plan file. `line_merge` is the fallback, a three-way line
/// merge of the same bytes (the driver runs `git merge-file`); `Err` says why it failed.
pub fn merge_files(
    base: &[u8],
    ours: &[u8],
    theirs: &[u8],
    labels: &Labels,
    line_merge: &dyn Fn() -> Result<LineMerged, String>,
) -> FileMerge {
    let mut messages = Vec::new();
    let (base_plan, ours_plan, theirs_plan) = (load(base), load(ours), load(theirs));
    let accept = if ours_plan.is_err() && theirs_plan.is_err() {
        Accept::Always
    } else {
        Accept::IfValid
    };
    let (Ok(base_plan), Ok(ours_plan), Ok(theirs_plan)) = (base_plan, ours_plan, theirs_plan)
    else {
        for (side, bytes) in [("base", base), ("ours", ours), ("theirs", theirs)] {
            if let Err(diagnostics) = load(bytes) {
                let first = diagnostics.first().map_or_else(
                    || "it does not load".to_string(),
                    |d| format!("line {}, column {}: {}", d.line, d.col, d.message),
                );
                messages.push(format!(
                    "{side} is not a valid plan ({first}); merging line by line"
                ));
            }
        }
        return fallback(ours, theirs, labels, line_merge, accept, messages);
    };
    let three = [&base_plan, &ours_plan, &theirs_plan];
    if let Some(done) = field_level(three, labels, &mut messages) {
        return FileMerge { messages, ..done };
    }
    fallback(ours, theirs, labels, line_merge, Accept::Never, messages)
}

/// When a clean line merge may be taken as the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Accept {
    /// Never: the field-level merge found a conflict the line merge would hide.
    Never,
    /// When it is a valid plan.
    IfValid,
    /// Always: neither side is a plan, so there is nothing to check it against.
    Always,
}

/// The field-level merge, or `None` when it cannot give a valid result or show its conflicts.
fn field_level(
    [base, ours, theirs]: [&Loaded; 3],
    labels: &Labels,
    messages: &mut Vec<String>,
) -> Option<FileMerge> {
    let merged = merge_preferring(&base.plan, &ours.plan, &theirs.plan, Side::Ours);
    messages.extend(merged.renumbered.iter().map(ToString::to_string));
    let as_ours = render_valid(&ours.document, &merged.plan, messages);
    if merged.is_clean() {
        if as_ours.is_none() {
            messages.push("the merged plan would not be valid; merging line by line".into());
        }
        return as_ours.map(|bytes| FileMerge {
            bytes,
            clean: true,
            messages: Vec::new(),
        });
    }
    messages.extend(merged.conflicts.iter().map(|c| format!("conflict: {c}")));
    let other_way = merge_preferring(&base.plan, &ours.plan, &theirs.plan, Side::Theirs);
    let as_theirs = render_valid(&ours.document, &other_way.plan, messages);
    match (as_ours, as_theirs) {
        (Some(a), Some(b)) if a != b => Some(FileMerge {
            bytes: conflict_blocks(&a, &b, labels),
            clean: false,
            messages: Vec::new(),
        }),
        _ => {
            messages.push("the conflicts cannot be shown field by field".into());
            None
        }
    }
}

/// Our file edited to hold `plan`, if that is a valid plan.
fn render_valid(
    document: &Document,
    plan: &crate::model::Plan,
    messages: &mut Vec<String>,
) -> Option<Vec<u8>> {
    let rendered = document.render(plan).ok()?;
    load(&rendered.bytes).ok()?;
    if rendered.rewrote_whole_file {
        let note =
            "the file's layout could not take the merge in place: written in canonical style";
        if !messages.iter().any(|m| m == note) {
            messages.push(note.into());
        }
    }
    Some(rendered.bytes)
}

/// git's line merge: its conflict markers; or, clean, the result when `accept` takes it,
/// otherwise our whole file against theirs.
fn fallback(
    ours: &[u8],
    theirs: &[u8],
    labels: &Labels,
    line_merge: &dyn Fn() -> Result<LineMerged, String>,
    accept: Accept,
    mut messages: Vec<String>,
) -> FileMerge {
    let conflict = |bytes, messages| FileMerge {
        bytes,
        clean: false,
        messages,
    };
    match line_merge() {
        Ok(merged) if merged.conflicts => conflict(merged.bytes, messages),
        Ok(merged)
            if accept == Accept::Always
                || (accept == Accept::IfValid && load(&merged.bytes).is_ok()) =>
        {
            FileMerge {
                bytes: merged.bytes,
                clean: true,
                messages,
            }
        }
        Ok(merged) => {
            let why = if load(&merged.bytes).is_ok() {
                "the line merge would hide a conflict"
            } else {
                "the line merge is not a valid plan"
            };
            messages.push(format!("{why}: conflict of our whole file against theirs"));
            conflict(conflict_blocks(ours, theirs, labels), messages)
        }
        Err(error) => {
            messages.push(format!(
                "the line merge failed ({error}): conflict of our whole file against theirs"
            ));
            conflict(conflict_blocks(ours, theirs, labels), messages)
        }
    }
}

/// `ours` with every run of lines where `theirs` differs turned into a conflict block
/// (`<<<<<<<` ours `=======` theirs `>>>>>>>`): taking every ours half gives `ours` back, every
/// theirs half `theirs` (but for a line end added where a side's last line had none).
pub fn conflict_blocks(ours: &[u8], theirs: &[u8], labels: &Labels) -> Vec<u8> {
    let (a, b) = (lines(ours), lines(theirs));
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b);
    let mut out = Vec::with_capacity(ours.len().max(theirs.len()));
    let (mut ours_part, mut theirs_part) = (Vec::new(), Vec::new());
    for op in ops {
        let (old, new) = (op.old_range(), op.new_range());
        if matches!(op, similar::DiffOp::Equal { .. }) {
            flush(&mut out, &mut ours_part, &mut theirs_part, labels);
            a[old].iter().for_each(|l| out.extend_from_slice(l));
        } else {
            a[old].iter().for_each(|l| ours_part.extend_from_slice(l));
            b[new].iter().for_each(|l| theirs_part.extend_from_slice(l));
        }
    }
    flush(&mut out, &mut ours_part, &mut theirs_part, labels);
    out
}

/// Writes one conflict block, if there is one pending.
fn flush(out: &mut Vec<u8>, ours: &mut Vec<u8>, theirs: &mut Vec<u8>, labels: &Labels) {
    if ours.is_empty() && theirs.is_empty() {
        return;
    }
    let marker = |c: char| c.to_string().repeat(labels.marker_size);
    let end_line = |out: &mut Vec<u8>| {
        if out.last().is_some_and(|&b| b != b'\n') {
            out.push(b'\n');
        }
    };
    end_line(out);
    out.extend_from_slice(format!("{} {}\n", marker('<'), labels.ours).as_bytes());
    out.append(ours);
    end_line(out);
    out.extend_from_slice(format!("{}\n", marker('=')).as_bytes());
    out.append(theirs);
    end_line(out);
    out.extend_from_slice(format!("{} {}\n", marker('>'), labels.theirs).as_bytes());
}

/// The lines of a text, each with its line end.
fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    bytes.split_inclusive(|&b| b == b'\n').collect()
}

#[cfg(test)]
#[path = "merge_file_tests.rs"]
mod tests;
