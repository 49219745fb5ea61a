//! `boardplan check`: validate plan files for a pre-commit hook or CI.

use super::{Status, files_of, open_or_report};
use crate::text::terminal_safe;
use std::path::PathBuf;

/// Prints every problem as `file:line:col: message`; invalid when any file has an error.
pub fn run(paths: &[PathBuf]) -> anyhow::Result<Status> {
    let files = files_of(paths)?;
    let (mut invalid, mut warnings) = (0, 0);
    for path in &files {
        match open_or_report(path)? {
            Some(file) => {
                for warning in &file.warnings {
                    eprintln!("{}", terminal_safe(&warning.in_file(path).to_string()));
                }
                warnings += file.warnings.len();
            }
            None => invalid += 1,
        }
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    eprintln!(
        "checked {}: {} with errors, {}",
        plural(files.len(), "file"),
        plural(invalid, "file"),
        plural(warnings, "warning")
    );
    Ok(if invalid > 0 {
        Status::Invalid
    } else {
        Status::Ok
    })
}
