//! `boardplan check`: validate plan files for a pre-commit hook or CI.

use super::{Status, files_of, open_or_report};
use crate::text::terminal_safe;
use std::path::{Path, PathBuf};

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
    warnings += warn_about_merge_driver(&files);
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

/// Warns (once) when the repository holding the files has a plan merge driver configured
/// that would not run here; returns the number of warnings printed.
fn warn_about_merge_driver(files: &[PathBuf]) -> usize {
    let Some(first) = files.first() else {
        return 0;
    };
    let folder = first.parent().filter(|p| !p.as_os_str().is_empty());
    match super::git_setup::driver_problem(folder.unwrap_or(Path::new("."))) {
        Some(problem) => {
            eprintln!("warning: {problem}");
            1
        }
        None => 0,
    }
}
