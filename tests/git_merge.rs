//! The merge driver through real `git merge`: edits of different actions, or of different fields
//! of one action, merge cleanly; the same field changed both ways leaves a conflict that keeps
//! both sides; a merge never commits an invalid plan; a driver that cannot run loses nothing.

mod common;

use common::{boardplan, git, repo_with};
use std::path::Path;
use std::process::{Command, Output};

const FILE: &str = "plans/2013-14.yaml";

/// A repository with the bundled plan committed, made plan-aware, on branch `main`.
fn repository() -> tempfile::TempDir {
    let plan =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE)).expect("bundled plan");
    let repo = repo_with(&[(FILE, &plan)]);
    git(repo.path(), &["branch", "-M", "main"]);
    let setup = boardplan(repo.path(), &["git-setup"]);
    assert_eq!(setup.status.code(), Some(0), "{}", common::stderr(&setup));
    git(repo.path(), &["add", ".gitattributes"]);
    git(repo.path(), &["commit", "-q", "-m", "plan-aware"]);
    repo
}

/// Commits `set` edits on a new branch `name` from main.
fn branch(repo: &Path, name: &str, edits: &[&str]) {
    git(repo, &["checkout", "-q", "-b", name, "main"]);
    let mut args = vec!["set", FILE];
    args.extend_from_slice(edits);
    let run = boardplan(repo, &args);
    assert_eq!(run.status.code(), Some(0), "{}", common::stderr(&run));
    git(repo, &["commit", "-q", "-am", name]);
}

/// `PATH` with the folder of the boardplan binary under test first, as after `cargo install`.
fn path_with_boardplan() -> std::ffi::OsString {
    let bin = Path::new(env!("CARGO_BIN_EXE_boardplan"))
        .parent()
        .expect("bin folder")
        .to_path_buf();
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(&rest))).expect("PATH")
}

/// `git merge theirs` on branch `ours`, with boardplan on `PATH`.
fn merge(repo: &Path, ours: &str, theirs: &str) -> Output {
    merge_with_path(repo, ours, theirs, &path_with_boardplan())
}

fn merge_with_path(repo: &Path, ours: &str, theirs: &str, path: &std::ffi::OsStr) -> Output {
    git(repo, &["checkout", "-q", ours]);
    Command::new("git")
        .env("PATH", path)
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "merge",
            "--no-edit",
            theirs,
        ])
        .current_dir(repo)
        .output()
        .expect("git merge runs")
}

fn plan_at(repo: &Path) -> Result<boardplan::model::Plan, String> {
    let bytes = std::fs::read(repo.join(FILE)).map_err(|e| e.to_string())?;
    boardplan::store::load(&bytes)
        .map(|l| l.plan)
        .map_err(|d| format!("{d:?}"))
}

fn action_text(plan: &boardplan::model::Plan, reference: &str) -> Option<String> {
    let at = plan.find_action(reference)?;
    plan.action(at).map(|a| a.action.clone())
}

/// Commits `edit` of the file's text on a new branch `name` from main.
fn branch_text(repo: &Path, name: &str, edit: impl Fn(&str) -> String) {
    git(repo, &["checkout", "-q", "-b", name, "main"]);
    let text = std::fs::read_to_string(repo.join(FILE)).expect("read");
    std::fs::write(repo.join(FILE), edit(&text)).expect("write");
    git(repo, &["commit", "-q", "-am", name]);
}

/// A new action `reference` with `text` inserted after the line `after` (an action's `rag:`).
fn insert_action(text: &str, after: &str, reference: &str, action: &str) -> String {
    let new = format!("  - ref: '{reference}'\n    action: {action}\n");
    let at = text.find(after).expect("anchor") + after.len();
    format!("{}{new}{}", &text[..at], &text[at..])
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn changed_lines(repo: &Path, from: &str) -> Vec<String> {
    let diff = git(
        repo,
        &["diff", "--no-ext-diff", "-U0", from, "HEAD", "--", FILE],
    );
    diff.lines()
        .filter(|l| {
            (l.starts_with('+') || l.starts_with('-'))
                && !l.starts_with("+++")
                && !l.starts_with("---")
        })
        .map(String::from)
        .collect()
}

#[test]
fn different_actions_merge_cleanly() {
    let repo = repository();
    branch(repo.path(), "officer-a", &["1.1", "rag=red"]);
    branch(
        repo.path(),
        "officer-b",
        &["2.1", "progress=Dataset reviewed by the board"],
    );
    let run = merge(repo.path(), "officer-a", "officer-b");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stdout)
    );
    let changed = changed_lines(repo.path(), "main");
    assert_eq!(changed.len(), 4, "{changed:?}");
    assert!(changed.contains(&"+    rag: red".to_string()));
    assert!(changed.contains(&"+    progress: Dataset reviewed by the board".to_string()));
    assert!(boardplan(repo.path(), &["check", FILE]).status.success());
}

#[test]
fn different_fields_of_one_action_merge_cleanly() {
    let repo = repository();
    branch(repo.path(), "officer-a", &["3.2", "rag=green"]);
    branch(
        repo.path(),
        "officer-b",
        &["3.2", "progress=Framework agreed", "due=31 March 2014"],
    );
    let run = merge(repo.path(), "officer-a", "officer-b");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stdout)
    );
    let text = std::fs::read_to_string(repo.path().join(FILE)).expect("read");
    let plan = boardplan::store::load(text.as_bytes())
        .expect("merged plan loads")
        .plan;
    let action = plan
        .action(plan.find_action("3.2").expect("3.2"))
        .expect("action");
    assert_eq!(action.rag, Some(boardplan::model::Rag::Green));
    assert_eq!(action.progress.as_deref(), Some("Framework agreed"));
    assert_eq!(
        action.due.as_ref().map(ToString::to_string).as_deref(),
        Some("2014-03-31")
    );
    assert_eq!(changed_lines(repo.path(), "main").len(), 6);
}

#[test]
fn the_same_field_changed_both_ways_conflicts_and_keeps_both() {
    let repo = repository();
    branch(repo.path(), "officer-a", &["1.1", "rag=red"]);
    branch(repo.path(), "officer-b", &["1.1", "rag=blue"]);
    let run = merge(repo.path(), "officer-a", "officer-b");
    assert!(!run.status.success(), "the merge must stop on the conflict");
    let text = std::fs::read_to_string(repo.path().join(FILE)).expect("read");
    assert!(
        text.contains("<<<<<<<") && text.contains(">>>>>>>"),
        "{text}"
    );
    assert!(text.contains("rag: red") && text.contains("rag: blue"));
    let status = git(repo.path(), &["status", "--porcelain"]);
    assert!(status.contains(&format!("UU {FILE}")), "{status}");
}

#[test]
fn both_sides_adding_the_same_new_ref_keep_both_and_theirs_is_renumbered() {
    let repo = repository();
    let last_of_theme_1 = "  - ref: '1.5'";
    let end = |text: &str| {
        let start = text.find(last_of_theme_1).expect("1.5");
        let rest = &text[start..];
        let next = rest.find("\n- ref:").expect("theme 2") + 1;
        rest[..next].to_string()
    };
    branch_text(repo.path(), "officer-a", |t| {
        insert_action(t, &end(t), "1.6", "Officer A's new action")
    });
    branch_text(repo.path(), "officer-b", |t| {
        insert_action(t, &end(t), "1.6", "Officer B's new action")
    });
    let run = merge(repo.path(), "officer-a", "officer-b");
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        stderr(&run).contains("their new action '1.6' is now '1.7'"),
        "{}",
        stderr(&run)
    );
    let plan = plan_at(repo.path()).expect("the merged plan is valid");
    assert_eq!(
        action_text(&plan, "1.6").as_deref(),
        Some("Officer A's new action")
    );
    assert_eq!(
        action_text(&plan, "1.7").as_deref(),
        Some("Officer B's new action")
    );
}

#[test]
fn renumbering_onto_a_ref_the_other_side_adds_never_commits_duplicates() {
    let repo = repository();
    // Officer A adds 7.7 at the end of theme 7; officer B inserts a new 7.1 at the top and
    // renumbers the theme's six actions to 7.2..7.7.
    branch_text(repo.path(), "officer-a", |t| {
        let anchor = t.find("\n- ref: '8'").expect("theme 8") + 1;
        format!(
            "{}  - ref: '7.7'\n    action: Officer A's new last action\n{}",
            &t[..anchor],
            &t[anchor..]
        )
    });
    branch_text(repo.path(), "officer-b", |t| {
        let mut text = t.to_string();
        for n in (1..=6).rev() {
            text = text.replace(
                &format!("  - ref: '7.{n}'\n"),
                &format!("  - ref: '7.{}'\n", n + 1),
            );
        }
        let anchor = text.find("  - ref: '7.2'").expect("7.2");
        format!(
            "{}  - ref: '7.1'\n    action: Officer B's new first action\n{}",
            &text[..anchor],
            &text[anchor..]
        )
    });
    // Without the driver's check, git's line merge of these two is clean and holds two 7.7s.
    let run = merge(repo.path(), "officer-a", "officer-b");
    assert!(run.status.success(), "{}", stderr(&run));
    let plan = plan_at(repo.path()).expect("the merged plan is valid");
    assert_eq!(
        action_text(&plan, "7.1").as_deref(),
        Some("Officer B's new first action")
    );
    assert_eq!(
        action_text(&plan, "7.8").as_deref(),
        Some("Officer A's new last action")
    );
    assert!(
        stderr(&run).contains("our new action '7.7' is now '7.8'"),
        "{}",
        stderr(&run)
    );
}

#[test]
fn two_existing_actions_renumbered_onto_one_ref_stop_the_merge_with_both_sides() {
    let repo = repository();
    branch(repo.path(), "officer-a", &["1.1", "ref=9.9"]);
    branch(repo.path(), "officer-b", &["2.1", "ref=9.9"]);
    let run = merge(repo.path(), "officer-a", "officer-b");
    assert!(!run.status.success(), "git must not commit two 9.9s");
    let text = std::fs::read_to_string(repo.path().join(FILE)).expect("read");
    assert!(
        text.contains("<<<<<<<") && text.contains(">>>>>>>"),
        "{text}"
    );
    let ours_half = resolve(&text, true);
    let theirs_half = resolve(&text, false);
    assert!(plan_at_text(&ours_half).is_ok() && plan_at_text(&theirs_half).is_ok());
    let status = git(repo.path(), &["status", "--porcelain"]);
    assert!(status.contains(&format!("UU {FILE}")), "{status}");
}

#[test]
fn reorders_in_two_different_themes_merge_cleanly() {
    let repo = repository();
    let swap = |text: &str, first: &str, second: &str| {
        let block = |r: &str| {
            let start = text.find(&format!("  - ref: '{r}'\n")).expect("action");
            let len = text[start + 1..].find("\n  - ref:").expect("next") + 2;
            (start, start + len)
        };
        let (a, b) = (block(first), block(second));
        format!(
            "{}{}{}{}",
            &text[..a.0],
            &text[b.0..b.1],
            &text[a.0..a.1],
            &text[b.1..]
        )
    };
    branch_text(repo.path(), "officer-a", |t| swap(t, "1.1", "1.2"));
    branch_text(repo.path(), "officer-b", |t| swap(t, "3.1", "3.2"));
    let run = merge(repo.path(), "officer-a", "officer-b");
    assert!(run.status.success(), "{}", stderr(&run));
    let plan = plan_at(repo.path()).expect("valid");
    let refs = |theme: usize| -> Vec<String> {
        plan.themes[theme]
            .actions
            .iter()
            .map(|a| a.reference.clone())
            .collect()
    };
    assert_eq!(refs(0)[..2], ["1.2", "1.1"]);
    assert_eq!(refs(2)[..2], ["3.2", "3.1"]);
}

#[test]
fn a_driver_that_cannot_run_loses_nothing_and_check_warns() {
    let repo = repository();
    branch(repo.path(), "officer-a", &["1.1", "rag=red"]);
    branch(
        repo.path(),
        "officer-b",
        &["2.1", "progress=Dataset reviewed by the board"],
    );
    // boardplan is not on PATH (uninstalled, or the binary moved): the command fails with 127.
    let run = merge_with_path(
        repo.path(),
        "officer-a",
        "officer-b",
        "/usr/bin:/bin".as_ref(),
    );
    assert!(
        !run.status.success(),
        "the merge stops for a person to check"
    );
    assert!(
        stderr(&run).contains("merge driver could not run"),
        "{}",
        stderr(&run)
    );
    let plan = plan_at(repo.path()).expect("git's line merge kept both changes");
    let rag = |r: &str| {
        plan.action(plan.find_action(r).expect("action"))
            .expect("a")
            .rag
    };
    assert_eq!(rag("1.1"), Some(boardplan::model::Rag::Red));
    let progress = plan
        .action(plan.find_action("2.1").expect("2.1"))
        .expect("a");
    assert_eq!(
        progress.progress.as_deref(),
        Some("Dataset reviewed by the board")
    );
    let check = Command::new(env!("CARGO_BIN_EXE_boardplan"))
        .env("PATH", "/usr/bin:/bin")
        .args(["check", FILE])
        .current_dir(repo.path())
        .output()
        .expect("check runs");
    assert!(
        stderr(&check).contains(
            "warning: git's merge driver for plans runs 'boardplan', which is not installed here"
        ),
        "{}",
        stderr(&check)
    );
    let installed = Command::new(env!("CARGO_BIN_EXE_boardplan"))
        .env("PATH", path_with_boardplan())
        .args(["check", FILE])
        .current_dir(repo.path())
        .output()
        .expect("check runs");
    assert!(
        !stderr(&installed).contains("merge driver"),
        "{}",
        stderr(&installed)
    );
}

#[test]
fn git_setup_names_the_program_and_works_from_the_plans_folder() {
    let plan =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE)).expect("bundled plan");
    let repo = repo_with(&[(FILE, &plan)]);
    let setup = Command::new(env!("CARGO_BIN_EXE_boardplan"))
        .env("PATH", "/usr/bin:/bin")
        .arg("git-setup")
        .current_dir(repo.path().join("plans"))
        .output()
        .expect("runs");
    assert_eq!(setup.status.code(), Some(0), "{}", stderr(&setup));
    assert!(
        stderr(&setup).contains("cargo install --path ."),
        "{}",
        stderr(&setup)
    );
    let attributes = std::fs::read_to_string(repo.path().join(".gitattributes")).expect("written");
    assert!(
        attributes.contains("plans/*.yaml diff=boardplan merge=boardplan"),
        "{attributes}"
    );
    let check = git(repo.path(), &["check-attr", "merge", "--", FILE]);
    assert_eq!(check.trim(), format!("{FILE}: merge: boardplan"));
    let driver = git(repo.path(), &["config", "merge.boardplan.driver"]);
    assert!(
        driver.starts_with("boardplan merge-driver %O %A %B %P"),
        "{driver}"
    );
    let binary_folder = Path::new(env!("CARGO_BIN_EXE_boardplan"))
        .parent()
        .expect("folder");
    let config = std::fs::read_to_string(repo.path().join(".git/config")).expect("config");
    assert!(
        !config.contains(&*binary_folder.to_string_lossy()),
        "{config}"
    );
    let on_path = Command::new(env!("CARGO_BIN_EXE_boardplan"))
        .env("PATH", path_with_boardplan())
        .arg("git-setup")
        .current_dir(repo.path())
        .output()
        .expect("runs");
    assert!(
        stderr(&on_path).contains("git runs `boardplan` from your PATH"),
        "{}",
        stderr(&on_path)
    );
    assert!(stderr(&on_path).contains(".gitattributes already had plans/*.yaml"));
}

/// Keeps one side of every conflict block.
fn resolve(text: &str, keep_ours: bool) -> String {
    let mut out = String::new();
    let mut part = None;
    for line in text.split_inclusive('\n') {
        if line.starts_with("<<<<<<< ") {
            part = Some(true);
        } else if line == "=======\n" && part.is_some() {
            part = Some(false);
        } else if line.starts_with(">>>>>>> ") && part.is_some() {
            part = None;
        } else if part.is_none() || part == Some(keep_ours) {
            out.push_str(line);
        }
    }
    out
}

fn plan_at_text(text: &str) -> Result<boardplan::model::Plan, String> {
    boardplan::store::load(text.as_bytes())
        .map(|l| l.plan)
        .map_err(|d| format!("{d:?}"))
}
