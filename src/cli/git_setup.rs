//! `boardplan git-setup`: makes a repository plan-aware: `.gitattributes` for the store's year
//! files, hunk headers that name the action (`diff.boardplan.xfuncname`), the field-level merge
//! driver, and a `git plan-diff` alias for the semantic change report.

use super::Status;
use crate::review::git::Git;
use anyhow::Context;
use std::path::Path;
use std::process::Command;

/// Hunk headers show the nearest `ref:` line above a change: the action or theme it is in.
const XFUNCNAME: &str = "^[[:space:]]*((- )?ref:.*)$";

/// Configures the repository holding `store` (default `plans`).
pub fn run(store: &Path) -> anyhow::Result<Status> {
    let git = Git::discover(Path::new(".")).context("run git-setup inside the plans repository")?;
    let folder = git.relative(store);
    let pattern = if folder.is_empty() {
        "*.yaml".to_string()
    } else {
        format!("{folder}/*.yaml")
    };
    let attributes = git.root().join(".gitattributes");
    let existing = std::fs::read_to_string(&attributes).unwrap_or_default();
    let mut added = Vec::new();
    for glob in [pattern.clone(), pattern.replace(".yaml", ".yml")] {
        let line = format!("{glob} diff=boardplan merge=boardplan");
        if !existing.lines().any(|l| l.trim() == line) {
            added.push(line);
        }
    }
    if !added.is_empty() {
        let mut text = existing.clone();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&added.join("\n"));
        text.push('\n');
        crate::store::write_atomic(&attributes, text.as_bytes())?;
    }
    let exe = std::env::current_exe().context("cannot find the boardplan program")?;
    let exe = shell_quote(&exe.to_string_lossy());
    let settings = [
        ("diff.boardplan.xfuncname", XFUNCNAME.to_string()),
        (
            "merge.boardplan.name",
            "boardplan field-level merge of plan files".to_string(),
        ),
        (
            "merge.boardplan.driver",
            format!("{exe} merge-driver %O %A %B %P"),
        ),
        ("alias.plan-diff", format!("!{exe} diff")),
    ];
    for (key, value) in &settings {
        let status = Command::new("git")
            .arg("-C")
            .arg(git.root())
            .args(["config", "--local", key, value])
            .status()?;
        anyhow::ensure!(status.success(), "git config {key} failed");
    }
    eprintln!("configured {}:", git.root().display());
    if added.is_empty() {
        eprintln!("  .gitattributes already had {pattern}");
    } else {
        added
            .iter()
            .for_each(|l| eprintln!("  .gitattributes: {l}"));
    }
    settings
        .iter()
        .for_each(|(k, v)| eprintln!("  git config {k} {v}"));
    eprintln!(
        "commit .gitattributes so others get the same; each clone runs `boardplan git-setup` once."
    );
    Ok(Status::Ok)
}

/// Quotes a path for the shell git runs drivers with.
fn shell_quote(text: &str) -> String {
    if text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c))
    {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}
