//! `boardplan merge-driver %O %A %B %P`: git's merge driver for plan files. Two officers who
//! edited different actions, or different fields of one action, merge at field level with no
//! conflict; the result is written over %A (ours) keeping our file's layout, so the merge
//! commit's diff shows just their changes. A conflict leaves conflict markers around just the
//! fields both sides changed, holding both; the exit code 1 tells git to stop for a person.
//! Nothing that is not a valid plan is ever reported as a clean merge (see
//! [`crate::review::merge::file`]).

use super::Status;
use crate::review::git;
use crate::review::merge::file::{Labels, merge_files};
use crate::store::write_atomic;
use std::path::Path;

/// Merges `theirs` and `base` into `ours` in place; `Status::Invalid` (exit 1) tells git
/// there are conflicts left in the file.
pub fn run(
    [base, ours, theirs]: [&Path; 3],
    name: &str,
    marker_size: usize,
) -> anyhow::Result<Status> {
    let (base_bytes, ours_bytes, theirs_bytes) = (
        std::fs::read(base)?,
        std::fs::read(ours)?,
        std::fs::read(theirs)?,
    );
    let labels = Labels {
        marker_size,
        ..Labels::for_file(name)
    };
    let base_label = format!("{name} (base)");
    let line_merge = || {
        git::merge_file(
            [base, ours, theirs],
            [&labels.ours, &base_label, &labels.theirs],
            marker_size,
        )
        .map_err(|e| e.to_string())
    };
    let merged = merge_files(
        &base_bytes,
        &ours_bytes,
        &theirs_bytes,
        &labels,
        &line_merge,
    );
    for message in &merged.messages {
        eprintln!("boardplan: {name}: {message}");
    }
    if merged.bytes != ours_bytes {
        write_atomic(ours, &merged.bytes)?;
    }
    Ok(if merged.clean {
        Status::Ok
    } else {
        Status::Invalid
    })
}
