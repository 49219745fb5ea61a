//! Git from the UI, end to end: the real binary in a pseudo-terminal, in a clone of a bare
//! remote set up with `boardplan git-setup`; commit, sync, and a sync that merges a colleague's
//! change to another action through the plan merge driver.

mod common;
#[path = "common/pty.rs"]
mod pty;

use pty::{Launch, Sandbox, Tui, keys};
use std::path::{Path, PathBuf};
use std::time::Duration;

const PLAN: &str = "plans/2013-14.yaml";

/// git in `dir` with this test's identity set in the repository itself.
fn git(dir: &Path, args: &[&str]) -> String {
    common::git(dir, args).trim().to_string()
}

fn identify(dir: &Path, name: &str) {
    git(dir, &["config", "user.name", name]);
    git(dir, &["config", "user.email", "officer@example.org"]);
}

/// A bare remote and an officer's clone holding the bundled plan, configured by git-setup.
fn remote_and_clone() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let top = tempfile::tempdir().expect("temp");
    git(top.path(), &["init", "-q", "--bare", "remote.git"]);
    git(top.path(), &["clone", "-q", "remote.git", "work"]);
    let work = top.path().join("work");
    identify(&work, "Officer");
    std::fs::create_dir_all(work.join("plans")).expect("plans/");
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join(PLAN);
    std::fs::copy(bundled, work.join(PLAN)).expect("copy the plan");
    std::fs::write(work.join("notes.txt"), "notes\n").expect("notes");
    let setup = common::boardplan(&work, &["git-setup"]);
    assert!(setup.status.success(), "{}", common::stderr(&setup));
    git(&work, &["add", "-A"]);
    git(&work, &["commit", "-q", "-m", "start"]);
    git(&work, &["push", "-q", "-u", "origin", "HEAD"]);
    (top, top_path(&work), work)
}

fn top_path(work: &Path) -> PathBuf {
    work.parent().expect("top").join("remote.git")
}

/// Finds action 3.2, rates it green and saves.
fn rate_3_2_green_and_save(tui: &mut Tui) {
    tui.send("/");
    tui.wait_for("Search all themes · ");
    tui.send("3.2");
    tui.wait_for("Search all themes · 1 matching");
    tui.send(keys::ENTER);
    tui.wait_gone("Search all themes · ");
    tui.send("r");
    tui.wait_for(" RAG rating ");
    tui.send("g");
    tui.wait_for("[+] unsaved");
    tui.send(keys::CTRL_S);
    tui.wait_for("saved 2013-14.yaml");
}

/// Commits with the drafted message, checking the draft.
fn commit_drafted(tui: &mut Tui) {
    tui.send("W");
    let screen = tui.wait_for("Commit the plan: message");
    assert!(
        screen.contains("Rate 3.2 green"),
        "{}",
        pty::framed(&screen)
    );
    tui.send(keys::ENTER);
    tui.wait_for(": Rate 3.2 green");
}

fn quit(tui: &mut Tui) {
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
}

#[test]
fn commit_then_sync_pushes_only_the_plan_file() {
    let (_top, remote, work) = remote_and_clone();
    std::fs::write(
        work.join("notes.txt"),
        "my own notes, not for the plan commit\n",
    )
    .expect("notes");
    let sandbox = Sandbox::new();
    let mut tui = Launch::new(&work, &sandbox)
        .env("PATH", &path_with_boardplan())
        .size(24, 80)
        .start();
    tui.wait_for(" Action 1.1 ");

    tui.send("W");
    tui.wait_for("Commit the plan: message");
    tui.send(keys::ENTER);
    tui.wait_for("nothing to commit: plans/2013-14.yaml has no changes");
    tui.esc();
    rate_3_2_green_and_save(&mut tui);
    commit_drafted(&mut tui);
    assert_eq!(git(&work, &["log", "-1", "--format=%s"]), "Rate 3.2 green");
    assert_eq!(
        git(&work, &["show", "--name-only", "--format=", "HEAD"]),
        PLAN
    );
    assert_eq!(git(&work, &["status", "--porcelain"]), "M notes.txt");

    tui.send("P");
    let screen = tui.wait_for("Synced with origin/");
    assert!(
        screen.contains("1 commit of yours sent"),
        "{}",
        pty::framed(&screen)
    );
    assert_eq!(
        git(&remote, &["log", "-1", "--format=%s"]),
        "Rate 3.2 green"
    );
    tui.esc();
    quit(&mut tui);
}

#[test]
fn sync_merges_a_colleagues_change_to_another_action() {
    let (top, remote, work) = remote_and_clone();
    git(top.path(), &["clone", "-q", "remote.git", "other"]);
    let other = top.path().join("other");
    identify(&other, "Colleague");
    let set = common::boardplan(&other, &["set", PLAN, "1.1", "progress=Colleague's update"]);
    assert!(set.status.success(), "{}", common::stderr(&set));
    git(&other, &["commit", "-q", "-am", "Progress on 1.1"]);
    git(&other, &["push", "-q"]);

    let sandbox = Sandbox::new();
    let mut tui = Launch::new(&work, &sandbox)
        .env("PATH", &path_with_boardplan())
        .size(48, 160)
        .start();
    tui.wait_for(" Action 1.1 ");
    rate_3_2_green_and_save(&mut tui);
    commit_drafted(&mut tui);
    tui.send("P");
    let screen = tui.wait_for_within("Synced with origin/", Duration::from_secs(20));
    assert!(
        screen.contains("1 commit taken in from others"),
        "{}",
        pty::framed(&screen)
    );
    assert!(
        screen.contains("2 commits of yours sent"),
        "{}",
        pty::framed(&screen)
    );
    tui.esc();
    tui.send("c");
    tui.wait_for(" Action 1.1 ");
    tui.wait_for("Colleague's update");
    quit(&mut tui);

    let text = std::fs::read_to_string(work.join(PLAN)).expect("plan");
    assert!(
        text.contains("progress: Colleague's update"),
        "their change is in"
    );
    let check = common::boardplan(&work, &["check", PLAN]);
    assert!(check.status.success(), "{}", common::stderr(&check));
    let plan = boardplan::store::load(text.as_bytes()).expect("loads").plan;
    let pos = plan.find_action("3.2").expect("3.2");
    assert_eq!(
        plan.action(pos).and_then(|a| a.rag),
        Some(boardplan::model::Rag::Green)
    );
    let parents = git(&work, &["log", "-1", "--format=%P"]);
    assert_eq!(parents.split_whitespace().count(), 2, "a merge commit");
    assert_eq!(
        git(&remote, &["rev-parse", "HEAD"]),
        git(&work, &["rev-parse", "HEAD"])
    );
}

#[test]
fn a_conflict_names_the_action_and_a_abandons_the_merge() {
    let (top, _remote, work) = remote_and_clone();
    git(top.path(), &["clone", "-q", "remote.git", "other"]);
    let other = top.path().join("other");
    identify(&other, "Colleague");
    let set = common::boardplan(&other, &["set", PLAN, "3.2", "rag=red"]);
    assert!(set.status.success(), "{}", common::stderr(&set));
    git(&other, &["commit", "-q", "-am", "Rate 3.2 red"]);
    git(&other, &["push", "-q"]);

    let sandbox = Sandbox::new();
    let mut tui = Launch::new(&work, &sandbox)
        .env("PATH", &path_with_boardplan())
        .size(48, 160)
        .start();
    tui.wait_for(" Action 1.1 ");
    rate_3_2_green_and_save(&mut tui);
    commit_drafted(&mut tui);
    let mine = git(&work, &["rev-parse", "HEAD"]);
    tui.send("P");
    let stopped = [
        "Sync stopped",
        "[  ?   ] action 3.2: rag",
        "theirs: \"red\"",
        "a abandon",
    ];
    tui.wait_until(
        "the conflict chooser",
        Duration::from_secs(20),
        |_, screen| stopped.iter().all(|text| screen.contains(text)),
    );
    tui.send("a");
    tui.wait_for("abandoned the merge");
    assert_eq!(git(&work, &["rev-parse", "HEAD"]), mine);
    assert_eq!(git(&work, &["status", "--porcelain", "--", PLAN]), "");
    tui.wait_for("green  ·  due");
    quit(&mut tui);
}

#[test]
fn conflicts_are_settled_one_by_one_then_the_merge_is_committed_and_sent() {
    let (top, remote, work) = remote_and_clone();
    git(top.path(), &["clone", "-q", "remote.git", "other"]);
    let other = top.path().join("other");
    identify(&other, "Colleague");
    for (dir, edits, message) in [
        (
            &other,
            ["3.2", "rag=red", "1.1", "progress=Colleague's update"],
            "Theirs",
        ),
        (
            &work,
            ["3.2", "rag=green", "1.1", "progress=My update"],
            "Mine",
        ),
    ] {
        for pair in edits.chunks(2) {
            let set = common::boardplan(dir, &["set", PLAN, pair[0], pair[1]]);
            assert!(set.status.success(), "{}", common::stderr(&set));
        }
        git(dir, &["commit", "-q", "-am", message]);
    }
    git(&other, &["push", "-q"]);

    let sandbox = Sandbox::new();
    let mut tui = Launch::new(&work, &sandbox)
        .env("PATH", &path_with_boardplan())
        .size(30, 120)
        .start();
    tui.wait_for(" Action 1.1 ");
    tui.send("P");
    let expected = [
        "0 of 2 chosen",
        "[  ?   ] action 1.1: progress",
        "yours:  \"My update\"",
        "theirs: \"Colleague's update\"",
        "[  ?   ] action 3.2: rag",
        "yours:  \"green\"",
        "in plans/2013-14.yaml",
    ];
    tui.wait_until(
        "both conflicts in words",
        Duration::from_secs(20),
        |_, screen| expected.iter().all(|text| screen.contains(text)),
    );
    tui.send(keys::ENTER);
    tui.wait_for("2 conflict(s) still to choose");
    assert!(git(&work, &["rev-parse", "-q", "--verify", "MERGE_HEAD"]).len() == 40);
    tui.send("t");
    tui.wait_for("[theirs] action 1.1");
    tui.send("m");
    tui.wait_for("[mine  ] action 3.2");
    tui.send(keys::ENTER);
    let merged = ["Merged and synced", "Merge finished with your choices"];
    tui.wait_until(
        "the merge finished",
        Duration::from_secs(20),
        |_, screen| merged.iter().all(|text| screen.contains(text)),
    );
    tui.esc();
    quit(&mut tui);

    let text = std::fs::read_to_string(work.join(PLAN)).expect("plan");
    assert!(
        !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
        "{text}"
    );
    let plan = boardplan::store::load(text.as_bytes()).expect("loads").plan;
    let action = |r: &str| {
        plan.action(plan.find_action(r).expect("ref"))
            .expect("action")
    };
    assert_eq!(
        action("1.1").progress.as_deref(),
        Some("Colleague's update")
    );
    assert_eq!(action("3.2").rag, Some(boardplan::model::Rag::Green));
    let parents = git(&work, &["log", "-1", "--format=%P"]);
    assert_eq!(parents.split_whitespace().count(), 2, "a merge commit");
    assert_eq!(git(&work, &["status", "--porcelain", "--", PLAN]), "");
    assert_eq!(
        git(&remote, &["rev-parse", "HEAD"]),
        git(&work, &["rev-parse", "HEAD"]),
        "the merge is sent"
    );
    let check = common::boardplan(&work, &["check", PLAN]);
    assert!(check.status.success(), "{}", common::stderr(&check));
}

#[test]
fn tag_a_meeting_then_walk_the_update_round() {
    let (_top, _remote, work) = remote_and_clone();
    let sandbox = Sandbox::new();
    let mut tui = Launch::new(&work, &sandbox)
        .env("PATH", &path_with_boardplan())
        .size(24, 80)
        .start();
    tui.wait_for(" Action 1.1 ");
    tui.send("T");
    tui.wait_for("Tag this commit as a meeting");
    tui.send(keys::ENTER);
    let screen = tui.wait_for("tagged meeting/");
    let tags = git(&work, &["tag", "--list", "meeting/*"]);
    assert_eq!(tags.lines().count(), 1, "{}", pty::framed(&screen));
    assert_eq!(git(&work, &["cat-file", "-t", &tags]), "tag");

    tui.send("R");
    let screen = tui.wait_for(&format!("Update round since {tags}"));
    let title = screen
        .lines()
        .find(|l| l.contains("Update round since"))
        .expect("title")
        .to_string();
    let total: usize = title
        .split(" of ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("a count in the title");
    assert!(
        title.contains(&format!("{total} of {total} left · 1/{total}")),
        "{title}"
    );
    tui.send("a");
    let screen = tui.wait_for(&format!("{} of {total} left · 1/{total}", total - 1));
    assert!(
        screen.contains("Now:  A  amber"),
        "{}",
        pty::framed(&screen)
    );
    tui.send(keys::RIGHT);
    tui.wait_for(&format!("left · 2/{total}"));
    tui.esc();
    tui.wait_for("round ended");
    tui.send(keys::CTRL_S);
    tui.wait_for("saved 2013-14.yaml");
    quit(&mut tui);
    assert_eq!(
        git(&work, &["diff", "--stat"]).lines().count(),
        2,
        "one file changed"
    );
}

/// `PATH` with the test binary's folder first: git-setup names the merge driver `boardplan`,
/// as an installed copy would be found, so git must find this build under that name.
fn path_with_boardplan() -> String {
    let binary = std::path::Path::new(env!("CARGO_BIN_EXE_boardplan"));
    let folder = binary.parent().expect("the binary has a folder");
    format!(
        "{}:{}",
        folder.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}
