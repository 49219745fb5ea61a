//! The merge of one plan file as git's merge driver sees it: the bytes of base, ours and
//! theirs in; the bytes to leave in the working tree out, either a valid merged plan (clean)
//! or a text with conflict markers that holds both sides of every conflict.
//!
//! Field-level first: a clean merge is written as edits of our file, and must load back as a
//! valid plan. When the sides conflict, the merge is done twice, resolving every conflict to
//! ours and then to theirs; the two plans differ just where the sides disagree, and their
//! line differences become the conflict blocks (everything else is merged). When a resolution
//! is not valid either (two actions both sides kept, given one ref), the conflict is our whole
//! file against theirs. When a side is not a valid plan, git's line merge is the fallback; a
//! result of it that does not load becomes a conflict of our whole file against theirs.
//! Whatever happens, taking every ours half of a conflict gives a plan with all of our
//! changes, and every theirs half one with all of theirs: nothing is ever lost.

use super::{Side, merge_preferring};
use crate::model::Plan;
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
    let neither_is_a_plan = ours_plan.is_err() && theirs_plan.is_err();
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
        return fallback(
            [ours, theirs],
            labels,
            line_merge,
            neither_is_a_plan,
            messages,
        );
    };
    let three = [&base_plan, &ours_plan, &theirs_plan];
    if let Some(done) = field_level(three, labels, &mut messages) {
        return FileMerge { messages, ..done };
    }
    messages.push("conflict of our whole file against theirs".into());
    FileMerge {
        bytes: conflict_blocks(ours, theirs, labels),
        clean: false,
        messages,
    }
}

/// True when taking every ours half of `text` gives a valid plan if ours was one, and every
/// theirs half one if theirs was.
fn halves_load(text: &[u8], [ours, theirs]: [&[u8]; 2], marker_size: usize) -> bool {
    let loads = |bytes: &[u8]| load(bytes).is_ok();
    let [o, t] = halves(text, marker_size);
    (!loads(ours) || loads(&o)) && (!loads(theirs) || loads(&t))
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
fn render_valid(document: &Document, plan: &Plan, messages: &mut Vec<String>) -> Option<Vec<u8>> {
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

/// git's line merge, for sides that are not both plans: its conflict markers when their
/// halves load as the sides did; clean, the result when it is a valid plan (or when neither
/// side is a plan: nothing to check); otherwise our whole file against theirs.
fn fallback(
    [ours, theirs]: [&[u8]; 2],
    labels: &Labels,
    line_merge: &dyn Fn() -> Result<LineMerged, String>,
    neither_is_a_plan: bool,
    mut messages: Vec<String>,
) -> FileMerge {
    let conflict = |bytes, messages| FileMerge {
        bytes,
        clean: false,
        messages,
    };
    match line_merge() {
        Ok(merged)
            if merged.conflicts
                && halves_load(&merged.bytes, [ours, theirs], labels.marker_size) =>
        {
            conflict(merged.bytes, messages)
        }
        Ok(merged) if neither_is_a_plan || load(&merged.bytes).is_ok() => FileMerge {
            bytes: merged.bytes,
            clean: true,
            messages,
        },
        Ok(merged) => {
            let why = if merged.conflicts {
                "the line merge's conflict blocks would not resolve to valid plans"
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

/// The two resolutions of a text with conflict blocks (markers of `marker_size`; a diff3
/// base section is left out): every ours half taken, and every theirs half.
pub fn halves(text: &[u8], marker_size: usize) -> [Vec<u8>; 2] {
    let marker = |c: u8| vec![c; marker_size];
    let (start, base, middle, end) = (marker(b'<'), marker(b'|'), marker(b'='), marker(b'>'));
    let is = |line: &[u8], m: &[u8], exact: bool| {
        let body = line.strip_suffix(b"\n").unwrap_or(line);
        let body = body.strip_suffix(b"\r").unwrap_or(body);
        if exact {
            body == m
        } else {
            body.starts_with(m) && body.get(m.len()).is_none_or(|&c| c == b' ')
        }
    };
    let mut out = [Vec::new(), Vec::new()];
    let mut part: Option<usize> = None;
    for line in lines(text) {
        match part {
            None if is(line, &start, false) => part = Some(0),
            Some(0) if is(line, &base, false) => part = Some(2),
            Some(0 | 2) if is(line, &middle, true) => part = Some(1),
            Some(1) if is(line, &end, false) => part = None,
            None => out.iter_mut().for_each(|o| o.extend_from_slice(line)),
            Some(2) => {}
            Some(side) => out[side].extend_from_slice(line),
        }
    }
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
