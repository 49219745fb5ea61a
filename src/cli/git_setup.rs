//! `boardplan git-setup`: makes a repository plan-aware: `.gitattributes` for the store's year
//! files, hunk headers that name the action (`git diff` through `diff.boardplan.command`, `git
//! log -p` through `diff.boardplan.xfuncname`, or exactly with `git plan-log`), the field-level
//! merge driver, and a `git plan-diff` alias for the semantic change report.
//!
//! The configuration names the program `boardplan`, never the path of whatever binary ran
//! the setup, and the merge driver's command falls back to git's own line merge when
//! `boardplan` cannot run: git then stops for a person to check (exit 1), with both sides in
//! the file. `boardplan check` warns when the configured driver would not run.

use super::Status;
use crate::review::git::Git;
use anyhow::Context;
use std::path::{Path, PathBuf};

/// The program the configuration runs, looked up on `PATH` when git runs it.
const PROGRAM: &str = "boardplan";

/// For `git log -p`, which runs no external diff: hunk headers show the nearest line above the
/// hunk's context that starts an element (`- ref: '1.3'`, `- measure: …`, `- milestone: …`,
/// in any indentation, key quoted or not, flow mappings too).
const XFUNCNAME: &str =
    "^[[:space:]]*(-[[:space:]]+\\{?[[:space:]]*[\"']?(ref|measure|milestone)[\"']?:.*)$";

/// `git diff`'s external diff: the real lines, each hunk header naming what it is in. Should
/// boardplan not run, git's own diff is shown instead, so `git diff` never fails.
fn diff_command() -> String {
    format!(
        "{PROGRAM} git-diff-driver \"$@\" 2>/dev/null || \
         git diff --no-ext-diff --no-index -- \"$2\" \"$5\"; true"
    )
}

/// The merge driver's shell command. boardplan exits 0 (merged) or 1 (conflicts left); any
/// other status (127: not installed; 126; a crash) means it did not merge, and %A still holds
/// ours: git's line merge then keeps their side too, and exit 1 stops the merge for a person.
fn driver_command() -> String {
    format!(
        "{PROGRAM} merge-driver %O %A %B %P --marker-size %L; s=$?; [ $s -le 1 ] && exit $s; \
         git merge-file --marker-size=%L -L ours -L base -L theirs %A %O %B; \
         echo \"boardplan: the plan merge driver could not run (status $s): git merged %P line \
         by line; check it and git add it. Install boardplan on PATH (cargo install --path .)\" >&2; \
         exit 1"
    )
}

/// Configures the repository holding the plan store (`store`, or else `plans` here, this
/// folder when it holds plan files, or `plans` at the repository's top).
pub fn run(store: Option<&Path>) -> anyhow::Result<Status> {
    let git = Git::discover(Path::new(".")).context("run git-setup inside the plans repository")?;
    let folder = store_folder(&git, store)?;
    let relative = git.relative(&folder);
    let pattern = if relative.is_empty() {
        "*.yaml".to_string()
    } else {
        format!("{relative}/*.yaml")
    };
    let added = add_attributes(&git, &pattern)?;
    let settings = [
        ("diff.boardplan.xfuncname", XFUNCNAME.to_string()),
        (
            "merge.boardplan.name",
            "boardplan field-level merge of plan files".to_string(),
        ),
        ("diff.boardplan.command", diff_command()),
        ("merge.boardplan.driver", driver_command()),
        ("alias.plan-diff", format!("!{PROGRAM} diff")),
        ("alias.plan-log", "log -p --ext-diff".to_string()),
    ];
    for (key, value) in &settings {
        git.set_config(key, value)
            .with_context(|| format!("git config {key}"))?;
    }
    eprintln!("configured {}:", git.root().display());
    if added.is_empty() {
        eprintln!("  .gitattributes already had {pattern}");
    }
    added
        .iter()
        .for_each(|l| eprintln!("  .gitattributes: {l}"));
    settings
        .iter()
        .for_each(|(k, v)| eprintln!("  git config {k} {v}"));
    eprintln!("{}", install_note());
    eprintln!(
        "commit .gitattributes so others get the same; each clone runs `boardplan git-setup` once."
    );
    Ok(Status::Ok)
}

/// The store folder, checked to exist.
fn store_folder(git: &Git, store: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(store) = store {
        anyhow::ensure!(
            store.is_dir(),
            "{}: no such folder; give the folder of plan files with --store",
            store.display()
        );
        return Ok(store.to_path_buf());
    }
    let here = PathBuf::from(".");
    let holds_plans = crate::store::plan_files(&here).is_ok_and(|f| !f.is_empty());
    let candidates = [
        PathBuf::from("plans"),
        here.clone(),
        git.root().join("plans"),
    ];
    candidates
        .into_iter()
        .find(|c| if *c == here { holds_plans } else { c.is_dir() })
        .context("no plans folder here, and this folder holds no .yaml plan files: give the folder of plan files with --store")
}

/// Adds the driver lines for `pattern` (and its `.yml` twin) to the top `.gitattributes`.
fn add_attributes(git: &Git, pattern: &str) -> anyhow::Result<Vec<String>> {
    let attributes = git.root().join(".gitattributes");
    let existing = std::fs::read_to_string(&attributes).unwrap_or_default();
    let mut added = Vec::new();
    for glob in [pattern.to_string(), pattern.replace(".yaml", ".yml")] {
        let line = format!("{glob} diff=boardplan merge=boardplan");
        if !existing.lines().any(|l| l.trim() == line) {
            added.push(line);
        }
    }
    if !added.is_empty() {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&added.join("\n"));
        text.push('\n');
        crate::store::write_atomic(&attributes, text.as_bytes())?;
    }
    Ok(added)
}

/// Whether `boardplan` on PATH is this program, and how to install it when it is not.
fn install_note() -> String {
    let this = std::env::current_exe()
        .ok()
        .and_then(|p| p.canonicalize().ok());
    let shown = this
        .as_ref()
        .map_or_else(|| "this program".to_string(), |p| p.display().to_string());
    match find_program(PROGRAM) {
        Some(found) if found.canonicalize().ok() == this => {
            format!("git runs `{PROGRAM}` from your PATH: {}", found.display())
        }
        Some(found) => format!(
            "note: `{PROGRAM}` on your PATH is {}, not {shown}: git merges plans with that one. \
             To use this version, run `cargo install --path .` in the boardplan source folder.",
            found.display()
        ),
        None => format!(
            "warning: `{PROGRAM}` is not on your PATH, so git cannot run the merge driver yet: \
             merges of plan files will stop for you to check, merged line by line (nothing is \
             lost). Install it: `cargo install --path .` in the boardplan source folder (or \
             copy {shown} into a folder on your PATH)."
        ),
    }
}

/// Where a program would be found: a path as it is, a bare name on `PATH`.
fn find_program(program: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let runnable = |p: &Path| {
        std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    };
    if program.contains('/') {
        let path = PathBuf::from(program);
        return runnable(&path).then_some(path);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| runnable(p))
}

/// What is wrong with the plan merge driver configured in the repository holding `folder`:
/// `None` when it is not configured (git then merges plans line by line) or would run.
pub(super) fn driver_problem(folder: &Path) -> Option<String> {
    let git = Git::discover(folder).ok()?;
    let driver = git.config("merge.boardplan.driver").ok()??;
    let program = first_word(&driver);
    if find_program(&program).is_none() {
        return Some(format!(
            "git's merge driver for plans runs '{program}', which is not installed here: plan \
             merges {}. Install boardplan on your PATH (`cargo install --path .` in its source \
             folder), then run `boardplan git-setup` again",
            if driver.contains("merge-file") {
                "stop for you to check, merged line by line by git"
            } else {
                "keep only our side of the file (their change is lost at `git add`)"
            }
        ));
    }
    if !driver.contains("merge-file") {
        return Some(
            "git's merge driver for plans has no fallback if it stops running: run \
             `boardplan git-setup` again"
                .to_string(),
        );
    }
    None
}

/// The first word of a shell command, unquoted.
fn first_word(command: &str) -> String {
    let command = command.trim_start();
    match command.strip_prefix('\'') {
        Some(rest) => rest.split('\'').next().unwrap_or_default().to_string(),
        None => command
            .split(|c: char| c.is_whitespace() || c == ';')
            .next()
            .unwrap_or_default()
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_words_of_driver_commands() {
        assert_eq!(first_word(&driver_command()), "boardplan");
        assert_eq!(
            first_word("'/opt/my tools/boardplan' merge-driver %O"),
            "/opt/my tools/boardplan"
        );
        assert_eq!(first_word("/x/boardplan merge-driver"), "/x/boardplan");
    }

    #[test]
    fn programs_are_found_by_path_or_not_at_all() {
        assert!(find_program("/bin/sh").is_some());
        assert!(find_program("sh").is_some());
        assert!(find_program("/no/such/boardplan").is_none());
    }
}
