//! The minimal-diff rule, seen through real `git diff` in a temporary repository.

mod common;

use boardplan::store::{Overwrite, PlanFile, SaveError, Saved};
use common::{boardplan, git, repo_with};

fn bundled(name: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name))
        .expect("bundled plan")
}

#[test]
fn set_changes_exactly_the_lines_of_the_fields_it_sets() {
    let repo = repo_with(&[("plans/2013-14.yaml", &bundled("plans/2013-14.yaml"))]);
    let run = boardplan(
        repo.path(),
        &[
            "set",
            "plans/2013-14.yaml",
            "3.2",
            "rag=green",
            "progress=Framework agreed by the board",
        ],
    );
    assert_eq!(run.status.code(), Some(0), "{}", common::stderr(&run));
    assert_eq!(
        git(repo.path(), &["diff", "--numstat"]),
        "2\t2\tplans/2013-14.yaml\n"
    );
    let diff = git(repo.path(), &["diff", "-U0"]);
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| {
            (l.starts_with('+') || l.starts_with('-'))
                && !l.starts_with("+++")
                && !l.starts_with("---")
        })
        .collect();
    assert_eq!(changed.len(), 4, "{diff}");
    assert!(
        changed.contains(&"+    progress: Framework agreed by the board"),
        "{diff}"
    );
    assert!(changed.contains(&"+    rag: green"), "{diff}");
}

#[test]
fn a_save_with_no_change_leaves_git_clean() {
    let repo = repo_with(&[("plans/2011-12.yaml", &bundled("plans/2011-12.yaml"))]);
    let path = repo.path().join("plans/2011-12.yaml");
    let mut file = PlanFile::open(&path).expect("loads");
    assert_eq!(
        file.save(Overwrite::IfUnchanged).expect("saves"),
        Saved::Unchanged
    );
    assert_eq!(boardplan(repo.path(), &["fmt"]).status.code(), Some(0));
    assert_eq!(git(repo.path(), &["status", "--porcelain"]), "");
}

#[test]
fn a_file_changed_on_disk_is_never_silently_overwritten() {
    let repo = repo_with(&[("plans/2013-14.yaml", &bundled("plans/2013-14.yaml"))]);
    let path = repo.path().join("plans/2013-14.yaml");
    let mut file = PlanFile::open(&path).expect("loads");
    file.plan.themes[0].actions[0].rag = Some(boardplan::model::Rag::Red);
    // Someone else changes the file (as a `git pull` would).
    let theirs = String::from_utf8(bundled("plans/2013-14.yaml"))
        .expect("utf-8")
        .replace("Business Plan 2013-2014", "Business Plan 2013-14");
    std::fs::write(&path, &theirs).expect("write");
    assert!(file.changed_on_disk());
    assert!(matches!(
        file.save(Overwrite::IfUnchanged),
        Err(SaveError::ChangedOnDisk(_))
    ));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        theirs,
        "their change is kept"
    );
    assert_eq!(file.save(Overwrite::Always).expect("saves"), Saved::Patched);
    assert!(!file.changed_on_disk());
    let numstat = git(repo.path(), &["diff", "--numstat"]);
    assert_eq!(
        numstat, "1\t1\tplans/2013-14.yaml\n",
        "only our rating differs from HEAD"
    );
}

#[test]
fn saves_are_atomic_and_keep_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let repo = repo_with(&[("plan.yaml", common::PLAN.as_bytes())]);
    let path = repo.path().join("plan.yaml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let mut file = PlanFile::open(&path).expect("loads");
    file.plan.title = "Business Plan 2013-14".into();
    assert_eq!(
        file.save(Overwrite::IfUnchanged).expect("saves"),
        Saved::Patched
    );
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    let names: Vec<String> = std::fs::read_dir(repo.path())
        .expect("dir")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with(".boardplan-")),
        "{names:?}"
    );
}
