//! Keeps boardplan's temp files out of `git status`: when a plan is saved inside a git
//! repository, the temp-file pattern is added once to the repository's local
//! `.git/info/exclude` (never to a committed `.gitignore`, so nothing in the plans repository
//! changes). A temp file exists only during a save, or after a killed one until the next save
//! removes it; the exclude hides it in that window.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Adds the temp-file pattern to the local exclude file of the repository holding `folder`,
/// if there is one and it lacks the pattern. Failure is harmless and ignored: the temp files
/// are still cleaned up.
pub(super) fn exclude_temp_files(folder: &Path) {
    let Some(git_dir) = git_dir_of(folder) else {
        return;
    };
    let exclude = git_dir.join("info").join("exclude");
    let pattern = super::atomic::temp_pattern();
    let current = std::fs::read_to_string(&exclude).unwrap_or_default();
    if current.lines().any(|line| line.trim() == pattern) {
        return;
    }
    let _ = std::fs::create_dir_all(git_dir.join("info"));
    let Ok(mut file) = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&exclude)
    else {
        return;
    };
    let separator = if current.is_empty() || current.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    let _ = write!(
        file,
        "{separator}# temp files of an unfinished boardplan save\n{pattern}\n"
    );
}

/// The repository's shared git directory for `folder`: the nearest `.git` folder above it, or
/// for a linked worktree (a `.git` file) the common directory its `gitdir:` line leads to.
fn git_dir_of(folder: &Path) -> Option<PathBuf> {
    let start = std::path::absolute(folder).ok()?;
    let dot_git = start
        .ancestors()
        .map(|a| a.join(".git"))
        .find(|p| p.exists())?;
    if dot_git.is_dir() {
        return Some(dot_git);
    }
    let text = std::fs::read_to_string(&dot_git).ok()?;
    let linked = text.strip_prefix("gitdir:")?.trim();
    let linked = dot_git.parent()?.join(linked);
    match std::fs::read_to_string(linked.join("commondir")) {
        Ok(common) => Some(linked.join(common.trim())),
        Err(_) => Some(linked),
    }
}
