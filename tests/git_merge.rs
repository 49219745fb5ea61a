//! The merge driver through real `git merge`: edits of different actions, or of different fields
//! of one action, merge cleanly; the same field changed both ways leaves a normal conflict that
//! keeps both sides.

mod common;

use common::{boardplan, git, repo_with};
use std::path::Path;

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

fn merge(repo: &Path, ours: &str, theirs: &str) -> std::process::Output {
    git(repo, &["checkout", "-q", ours]);
    std::process::Command::new("git")
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

fn changed_lines(repo: &Path, from: &str) -> Vec<String> {
    let diff = git(repo, &["diff", "-U0", from, "HEAD", "--", FILE]);
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
