//! `boardplan merge-driver %O %A %B %P`: git's merge driver for plan files. Two officers who
//! edited different actions, or different fields of one action, merge at field level with no
//! conflict; the result is written over %A (ours) keeping our file's layout, so the merge
//! commit's diff shows just their changes. A true conflict (one field changed both ways), or a
//! side that is not a valid plan, falls back to git's own line merge with conflict markers, so
//! nothing of either side is lost.

use super::Status;
use crate::review::merge::merge;
use crate::store::{PlanFile, load, write_atomic};
use std::path::Path;
use std::process::Command;

/// Merges `theirs` and `base` into `ours` in place; `Status::Invalid` (exit 1) tells git
/// there are conflicts left in the file.
pub fn run(base: &Path, ours: &Path, theirs: &Path, name: &str) -> anyhow::Result<Status> {
    let (base_bytes, ours_bytes, theirs_bytes) = (
        std::fs::read(base)?,
        std::fs::read(ours)?,
        std::fs::read(theirs)?,
    );
    let (Ok(base_plan), Ok(theirs_plan), Ok(mut file)) = (
        load(&base_bytes),
        load(&theirs_bytes),
        PlanFile::from_bytes(Path::new(name), &ours_bytes),
    ) else {
        eprintln!("boardplan: {name}: a side is not a valid plan; merging line by line");
        return line_merge(base, ours, theirs, name);
    };
    let merged = merge(&base_plan.plan, &file.plan, &theirs_plan.plan);
    if !merged.conflicts.is_empty() {
        for conflict in &merged.conflicts {
            eprintln!("boardplan: {name}: conflict: {conflict}");
        }
        return line_merge(base, ours, theirs, name);
    }
    file.plan = merged.plan;
    let rendered = file.render()?;
    write_atomic(ours, &rendered.bytes)?;
    Ok(Status::Ok)
}

/// git's own three-way line merge, leaving conflict markers in `ours` where both sides differ.
fn line_merge(base: &Path, ours: &Path, theirs: &Path, name: &str) -> anyhow::Result<Status> {
    let status = Command::new("git")
        .args([
            "merge-file",
            "-L",
            &format!("{name} (ours)"),
            "-L",
            &format!("{name} (base)"),
            "-L",
            &format!("{name} (theirs)"),
        ])
        .arg(ours)
        .arg(base)
        .arg(theirs)
        .status()?;
    match status.code() {
        Some(0) => Ok(Status::Ok),
        Some(code) if code > 0 => Ok(Status::Invalid),
        _ => anyhow::bail!("git merge-file failed on {name}"),
    }
}
