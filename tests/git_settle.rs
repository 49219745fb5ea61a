//! A merge stopped on conflicts, settled block by block through the git service in a real
//! repository (no plan merge driver: git's line merge leaves the markers): choices that would
//! give an invalid plan are refused without writing anything; valid ones finish the merge.

mod common;

use boardplan::review::git::Git;
use boardplan::review::merge::Side;
use common::{PLAN, git, repo_with};
use std::process::Command;

const FILE: &str = "plans/2013-14.yaml";

/// The plan with actions 1.1 and 1.2 given the refs `first` and `second`.
fn renumbered(first: &str, second: &str) -> String {
    PLAN.replace("ref: '1.1'", &format!("ref: '{first}'"))
        .replace("ref: '1.2'", &format!("ref: '{second}'"))
}

#[test]
fn each_block_takes_its_side_and_an_invalid_mix_is_refused() {
    let repo = repo_with(&[(FILE, PLAN.as_bytes())]);
    let dir = repo.path();
    git(dir, &["config", "user.name", "Officer"]);
    git(dir, &["config", "user.email", "officer@example.org"]);
    git(dir, &["checkout", "-q", "-b", "colleague"]);
    std::fs::write(dir.join(FILE), renumbered("1.6", "1.5")).expect("write");
    git(dir, &["commit", "-qam", "theirs"]);
    git(dir, &["checkout", "-q", "-"]);
    std::fs::write(dir.join(FILE), renumbered("1.5", "1.6")).expect("write");
    git(dir, &["commit", "-qam", "mine"]);
    let merge = Command::new("git")
        .args(["merge", "--no-edit", "colleague"])
        .current_dir(dir)
        .output()
        .expect("git merge");
    assert!(!merge.status.success(), "the merge stops on conflicts");

    let store = Git::discover(dir).expect("repository");
    let files = store.conflict_details().expect("details").expect("blocks");
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].path, FILE);
    assert_eq!(files[0].blocks.len(), 2, "{:?}", files[0].blocks);
    assert_eq!(files[0].blocks[0].ours.trim(), "- ref: '1.5'");
    assert_eq!(files[0].blocks[1].theirs.trim(), "- ref: '1.5'");

    let marked = std::fs::read(dir.join(FILE)).expect("file");
    let mixed = store.finish_merge(&[(FILE.to_string(), vec![Side::Ours, Side::Theirs])]);
    let error = mixed.expect_err("two actions 1.5").to_string();
    assert!(error.contains("would not give a valid plan"), "{error}");
    assert_eq!(
        std::fs::read(dir.join(FILE)).expect("file"),
        marked,
        "nothing written"
    );
    assert!(store.merging(), "the merge still waits");

    let id = store
        .finish_merge(&[(FILE.to_string(), vec![Side::Ours, Side::Ours])])
        .expect("finished");
    assert!(!store.merging());
    assert_eq!(git(dir, &["rev-parse", "--short", "HEAD"]).trim(), id);
    let parents = git(dir, &["log", "-1", "--format=%P"]);
    assert_eq!(parents.split_whitespace().count(), 2, "a merge commit");
    assert_eq!(
        std::fs::read_to_string(dir.join(FILE)).expect("file"),
        renumbered("1.5", "1.6"),
        "mine for both: my file"
    );
    assert_eq!(git(dir, &["status", "--porcelain"]), "");
}
