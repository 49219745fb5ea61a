//! Writing plan files safely: concurrent writers, symlinks, modes and owners, read-only files
//! and temp files left by a killed save. Each test runs the real binary.

mod common;

use common::{boardplan, git, repo_with, stderr, temp_with};
use std::fmt::Write as _;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::Path;

/// A plan with `n` actions under one theme, each with progress "start".
fn plan_with_actions(n: usize) -> String {
    let mut text = String::from(
        "board: Test Board\nperiod: 2013-14\ntitle: Plan\nthemes:\n- ref: '1'\n  title: One\n  actions:\n",
    );
    for i in 1..=n {
        let _ = write!(
            text,
            "  - ref: '1.{i}'\n    action: Action {i}\n    progress: start\n"
        );
    }
    text
}

fn progress_of(path: &Path, reference: &str) -> String {
    let file = boardplan::store::PlanFile::open(path).expect("the plan still loads");
    let at = file.plan.find_action(reference).expect("action exists");
    file.plan
        .action(at)
        .expect("action")
        .progress
        .clone()
        .unwrap_or_default()
}

#[test]
fn concurrent_set_runs_never_lose_an_edit() {
    const WRITERS: usize = 5;
    const ROUNDS: usize = 20;
    let (dir, path) = temp_with("plan.yaml", plan_with_actions(WRITERS).as_bytes());
    for round in 0..ROUNDS {
        let children: Vec<_> = (1..=WRITERS)
            .map(|i| {
                std::process::Command::new(env!("CARGO_BIN_EXE_boardplan"))
                    .args([
                        "set",
                        "plan.yaml",
                        &format!("1.{i}"),
                        &format!("progress=round {round} by {i}"),
                    ])
                    .current_dir(dir.path())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().expect("wait");
            assert!(output.status.success(), "{}", stderr(&output));
        }
        for i in 1..=WRITERS {
            assert_eq!(
                progress_of(&path, &format!("1.{i}")),
                format!("round {round} by {i}"),
                "round {round}: the edit to 1.{i} was lost"
            );
        }
    }
}

#[test]
fn a_save_through_a_symlink_edits_the_target() {
    let (dir, target) = temp_with("real.yaml", plan_with_actions(2).as_bytes());
    let link = dir.path().join("2013-14.yaml");
    symlink("real.yaml", &link).expect("symlink");
    let run = boardplan(dir.path(), &["set", "2013-14.yaml", "1.2", "progress=done"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(progress_of(&target, "1.2"), "done");
    let run = boardplan(dir.path(), &["fmt", "2013-14.yaml"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_read_only_file_is_refused_and_untouched() {
    let text = plan_with_actions(1);
    let (dir, path) = temp_with("plan.yaml", text.as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let run = boardplan(dir.path(), &["set", "plan.yaml", "1.1", "progress=x"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("plan.yaml: the file is read-only"),
        "{}",
        stderr(&run)
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
}

#[test]
fn a_save_keeps_mode_owner_and_group() {
    let (dir, path) = temp_with("plan.yaml", plan_with_actions(1).as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    // Owned by another user and group: only root can do this; as another user the test
    // still checks the mode.
    let changed_owner = std::os::unix::fs::chown(&path, Some(4242), Some(4343)).is_ok();
    let run = boardplan(dir.path(), &["set", "plan.yaml", "1.1", "progress=x"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let meta = std::fs::metadata(&path).expect("meta");
    assert_eq!(meta.permissions().mode() & 0o777, 0o640);
    if changed_owner {
        assert_eq!((meta.uid(), meta.gid()), (4242, 4343));
    }
}

#[test]
fn a_recreated_file_gets_the_usual_mode_not_0600() {
    let (_dir, path) = temp_with("plan.yaml", plan_with_actions(1).as_bytes());
    let mut file = boardplan::store::PlanFile::open(&path).expect("open");
    std::fs::remove_file(&path).expect("delete");
    let at = file.plan.find_action("1.1").expect("1.1");
    file.plan.action_mut(at).expect("action").progress = Some("again".into());
    file.save(boardplan::store::Overwrite::Always)
        .expect("saved");
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    // The process umask decides; what matters is that group and others are not shut out the
    // way a private temp file (0600) would be, unless the umask says so.
    let expected = 0o666 & !current_umask();
    assert_eq!(mode, expected, "mode {mode:o}");
}

/// The umask, read the only safe way: create a file with mode 0666 and look.
fn current_umask() -> u32 {
    let dir = tempfile::tempdir().expect("dir");
    let probe = dir.path().join("probe");
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&probe)
        .expect("probe");
    let mode = std::fs::metadata(&probe)
        .expect("meta")
        .permissions()
        .mode()
        & 0o777;
    0o666 & !mode
}

#[test]
fn stale_temp_files_are_cleaned_up_and_never_in_git_status() {
    let dir = repo_with(&[("plans/2013-14.yaml", plan_with_actions(1).as_bytes())]);
    let plans = dir.path().join("plans");
    let set = |value: &str| {
        let run = boardplan(
            dir.path(),
            &[
                "set",
                "plans/2013-14.yaml",
                "1.1",
                &format!("progress={value}"),
            ],
        );
        assert!(run.status.success(), "{}", stderr(&run));
    };
    // The first save in a repository tells git (locally) to ignore boardplan's temp files.
    set("first");
    let stale = plans.join(".boardplan-AbC123.tmp");
    std::fs::write(&stale, "half a plan from a killed save").expect("write");
    let status = git(
        dir.path(),
        &["status", "--porcelain", "--untracked-files=all"],
    );
    assert!(
        !status.contains("boardplan-AbC123"),
        "a temp file shows in git status: {status}"
    );
    set("second");
    assert!(!stale.exists(), "the stale temp file was removed");
    let left: Vec<_> = std::fs::read_dir(&plans)
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("2013-14.yaml")]);
}
