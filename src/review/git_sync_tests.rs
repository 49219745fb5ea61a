//! Commit, tag and sync against real repositories: a clone of a bare remote in a temp folder.

use super::{Step, SyncError, conflict_refs};
use crate::review::git::Git;
use std::path::{Path, PathBuf};
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn identify(dir: &Path, name: &str) {
    git(dir, &["config", "user.name", name]);
    git(dir, &["config", "user.email", "officer@example.org"]);
}

/// A bare remote and one clone of it holding `plan.yaml` and `notes.txt`, pushed.
fn remote_and_clone() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let top = tempfile::tempdir().expect("temp");
    let bare = top.path().join("remote.git");
    git(top.path(), &["init", "-q", "--bare", "remote.git"]);
    let work = top.path().join("work");
    git(top.path(), &["clone", "-q", "remote.git", "work"]);
    identify(&work, "Officer");
    std::fs::write(work.join("plan.yaml"), "one\n").expect("write");
    std::fs::write(work.join("notes.txt"), "n\n").expect("write");
    git(&work, &["add", "-A"]);
    git(&work, &["commit", "-q", "-m", "start"]);
    git(&work, &["push", "-q", "-u", "origin", "HEAD"]);
    (top, bare, work)
}

#[test]
fn commit_takes_the_plan_file_only() {
    let (_top, _bare, work) = remote_and_clone();
    let repo = Git::discover(&work).expect("repo");
    let plan = work.join("plan.yaml");
    std::fs::write(&plan, "two\n").expect("write");
    std::fs::write(work.join("notes.txt"), "changed\n").expect("write");
    git(&work, &["add", "notes.txt"]);
    assert!(repo.has_changes(&plan).expect("status"));
    repo.commit_file(&plan, "Rate 1.1 green").expect("commit");
    assert_eq!(git(&work, &["log", "-1", "--format=%s"]), "Rate 1.1 green");
    assert_eq!(
        git(&work, &["show", "--name-only", "--format=", "HEAD"]),
        "plan.yaml"
    );
    assert_eq!(git(&work, &["status", "--porcelain"]), "M  notes.txt");
    assert_eq!(
        repo.commit_file(&plan, "again"),
        Err(SyncError::NothingToCommit("plan.yaml".into()))
    );
}

#[test]
fn a_meeting_tag_is_annotated_and_never_moved() {
    let (_top, _bare, work) = remote_and_clone();
    let repo = Git::discover(&work).expect("repo");
    repo.tag_named("meeting/2014-03-12", "Board meeting")
        .expect("tag");
    assert_eq!(git(&work, &["cat-file", "-t", "meeting/2014-03-12"]), "tag");
    let tagged = git(&work, &["rev-parse", "meeting/2014-03-12^{commit}"]);
    std::fs::write(work.join("plan.yaml"), "two\n").expect("write");
    repo.commit_file(&work.join("plan.yaml"), "more")
        .expect("commit");
    assert_eq!(
        repo.tag_named("meeting/2014-03-12", "again"),
        Err(SyncError::TagExists("meeting/2014-03-12".into()))
    );
    assert_eq!(
        git(&work, &["rev-parse", "meeting/2014-03-12^{commit}"]),
        tagged
    );
    assert!(matches!(
        repo.tag_named("meeting/bad..name", "x"),
        Err(SyncError::BadTag(_))
    ));
    assert_eq!(
        repo.last_meeting().ok().flatten().as_deref(),
        Some("meeting/2014-03-12")
    );
}

#[test]
fn sync_sends_and_receives_and_reports_steps() {
    let (top, bare, work) = remote_and_clone();
    let repo = Git::discover(&work).expect("repo");
    std::fs::write(work.join("plan.yaml"), "two\n").expect("write");
    repo.commit_file(&work.join("plan.yaml"), "mine")
        .expect("commit");
    let mut steps = Vec::new();
    let synced = repo.sync(&mut |s| steps.push(s)).expect("sync");
    assert_eq!((synced.received, synced.sent), (0, 1));
    assert_eq!(steps, [Step::Fetch, Step::Push]);
    assert_eq!(git(&bare, &["log", "-1", "--format=%s"]), "mine");

    let other = top.path().join("other");
    git(top.path(), &["clone", "-q", "remote.git", "other"]);
    identify(&other, "Colleague");
    std::fs::write(other.join("notes.txt"), "theirs\n").expect("write");
    git(&other, &["commit", "-q", "-am", "theirs"]);
    git(&other, &["push", "-q"]);
    std::fs::write(work.join("plan.yaml"), "three\n").expect("write");
    repo.commit_file(&work.join("plan.yaml"), "mine again")
        .expect("commit");
    let synced = repo.sync(&mut |_| {}).expect("sync merges");
    assert_eq!((synced.received, synced.sent), (1, 2));
    assert_eq!(
        std::fs::read_to_string(work.join("notes.txt")).unwrap(),
        "theirs\n"
    );
    assert_eq!(
        git(&bare, &["rev-parse", "HEAD"]),
        git(&work, &["rev-parse", "HEAD"])
    );
}

#[test]
fn a_conflict_stays_in_git_merge_state_and_can_be_abandoned() {
    let (top, _bare, work) = remote_and_clone();
    let repo = Git::discover(&work).expect("repo");
    git(top.path(), &["clone", "-q", "remote.git", "other"]);
    let other = top.path().join("other");
    identify(&other, "Colleague");
    std::fs::write(other.join("plan.yaml"), "- ref: '2.1'\n  rag: red\n").expect("write");
    git(&other, &["commit", "-q", "-am", "theirs"]);
    git(&other, &["push", "-q"]);
    std::fs::write(work.join("plan.yaml"), "- ref: '2.1'\n  rag: green\n").expect("write");
    repo.commit_file(&work.join("plan.yaml"), "mine")
        .expect("commit");
    let before = git(&work, &["rev-parse", "HEAD"]);
    let Err(SyncError::Conflict(files)) = repo.sync(&mut |_| {}) else {
        panic!("expected a conflict");
    };
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].path, "plan.yaml");
    assert_eq!(files[0].refs, ["2.1"]);
    assert!(repo.merging());
    assert_eq!(repo.sync(&mut |_| {}), Err(SyncError::Merging));
    repo.abort_merge().expect("abort");
    assert!(!repo.merging());
    assert_eq!(git(&work, &["rev-parse", "HEAD"]), before);
    assert_eq!(
        std::fs::read_to_string(work.join("plan.yaml")).unwrap(),
        "- ref: '2.1'\n  rag: green\n"
    );
}

#[test]
fn plain_failures_name_what_to_do() {
    let (top, _bare, work) = remote_and_clone();
    let repo = Git::discover(&work).expect("repo");
    let lonely = top.path().join("lonely");
    git(top.path(), &["init", "-q", "lonely"]);
    identify(&lonely, "Officer");
    std::fs::write(lonely.join("plan.yaml"), "x\n").expect("write");
    let alone = Git::discover(&lonely).expect("repo");
    alone
        .commit_file(&lonely.join("plan.yaml"), "first")
        .expect("commit");
    assert_eq!(alone.sync(&mut |_| {}), Err(SyncError::NoRemote));

    git(
        &work,
        &[
            "remote",
            "set-url",
            "origin",
            &top.path().join("gone.git").to_string_lossy(),
        ],
    );
    assert!(matches!(repo.sync(&mut |_| {}), Err(SyncError::Network(_))));

    git(&work, &["remote", "add", "second", "elsewhere"]);
    git(&work, &["branch", "--unset-upstream"]);
    assert!(matches!(
        repo.sync(&mut |_| {}),
        Err(SyncError::NoUpstream(_))
    ));
}

#[test]
fn a_rejected_push_says_sync_again() {
    let (top, _bare, work) = remote_and_clone();
    let repo = Git::discover(&work).expect("repo");
    // A hook that pushes a colleague's commit between our fetch and our push.
    let other = top.path().join("other");
    git(top.path(), &["clone", "-q", "remote.git", "other"]);
    identify(&other, "Colleague");
    std::fs::write(other.join("notes.txt"), "theirs\n").expect("write");
    git(&other, &["commit", "-q", "-am", "theirs"]);
    std::fs::write(work.join("plan.yaml"), "two\n").expect("write");
    repo.commit_file(&work.join("plan.yaml"), "mine")
        .expect("commit");
    let mut pushed = false;
    let result = repo.sync(&mut |step| {
        if step == Step::Push && !pushed {
            git(&other, &["push", "-q"]);
            pushed = true;
        }
    });
    assert_eq!(result, Err(SyncError::Rejected));
    assert!(
        repo.sync(&mut |_| {}).is_ok(),
        "syncing again merges and sends"
    );
}

#[test]
fn conflict_refs_name_the_action_above_each_marker() {
    let text = "themes:\n- ref: '1'\n  actions:\n  - ref: '1.2'\n<<<<<<< ours\n    rag: red\n=======\n    rag: green\n>>>>>>> theirs\n  - ref: \"1.3\"\n<<<<<<< a\nx\n=======\ny\n>>>>>>> b\n";
    assert_eq!(conflict_refs(text), ["1.2", "1.3"]);
}
