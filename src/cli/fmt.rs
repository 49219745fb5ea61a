//! `boardplan fmt`: rewrite plan files in canonical form (or, with `--check`, only report).

use super::{Status, files_of, open_or_report};
use crate::store::{Overwrite, Saved, canonical};
use std::path::PathBuf;

/// Formats each valid file; files that fail to load are reported and never written.
pub fn run(paths: &[PathBuf], check_only: bool) -> anyhow::Result<Status> {
    let mut status = Status::Ok;
    for path in files_of(paths)? {
        let Some(mut file) = open_or_report(&path)? else {
            status = Status::Invalid;
            continue;
        };
        if check_only {
            let current = std::fs::read(&path)?;
            if canonical(&file.plan).as_bytes() != current.as_slice() {
                eprintln!(
                    "{}: not in canonical form (run `boardplan fmt`)",
                    path.display()
                );
                status = Status::Invalid;
            }
        } else if file.save_canonical(Overwrite::IfUnchanged)? == Saved::RewroteWholeFile {
            eprintln!("{}: formatted", path.display());
        }
    }
    Ok(status)
}
