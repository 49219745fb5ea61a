//! End-to-end test of the changes screen's revision picker: the real binary in a pseudo-terminal
//! over a temporary git repository with meeting tags, another tag and branches (one with a
//! non-ASCII name of over 40 bytes). The list offers meetings first, narrows as the user types,
//! shows its position, and a bad revision leaves the report as it was.

mod common;
#[path = "common/pty.rs"]
mod pty;

use pty::{Launch, Sandbox, keys};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const PLAN_2013: &str = "plans/2013-14.yaml";
/// A branch name of 49 bytes, most of them outside ASCII.
const BRANCH: &str = "brouillon-été-révision-équipe-sécurité";

/// Runs git in `dir` as of `date`.
fn git_at(dir: &Path, date: &str, args: &[&str]) {
    let output = Command::new("git")
        .args([
            "-c",
            "user.name=Test Officer",
            "-c",
            "user.email=t@example.org",
        ])
        .args(["-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"])
        .args(["-c", "init.defaultBranch=main"])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Two commits of the plan (1.1 re-rated amber in the second), tagged at two meetings and as
/// v1.2, with a branch at the first commit.
fn repo() -> tempfile::TempDir {
    let plan = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(PLAN_2013))
        .expect("bundled plan");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join(PLAN_2013);
    std::fs::create_dir_all(dir.path().join("plans")).expect("plans folder");
    std::fs::write(&file, &plan).expect("write");
    let (july, sept) = ("2013-07-16T10:00:00Z", "2013-09-17T10:00:00Z");
    git_at(dir.path(), july, &["init", "-q"]);
    git_at(dir.path(), july, &["add", "."]);
    git_at(dir.path(), july, &["commit", "-qm", "Plan as published"]);
    git_at(
        dir.path(),
        july,
        &["tag", "-a", "meeting/2013-07-16", "-m", "July board"],
    );
    git_at(dir.path(), july, &["branch", BRANCH]);
    std::fs::write(&file, plan.replacen("    rag: green", "    rag: amber", 1)).expect("write");
    git_at(dir.path(), sept, &["commit", "-qam", "Re-rated 1.1"]);
    git_at(
        dir.path(),
        sept,
        &["tag", "-a", "meeting/2013-09-17", "-m", "September board"],
    );
    git_at(dir.path(), sept, &["tag", "v1.2"]);
    dir
}

/// The rows of the screen, trimmed.
fn rows(screen: &str) -> Vec<String> {
    screen.lines().map(|l| l.trim().to_string()).collect()
}

/// The row index holding `text`.
fn row_of(screen: &str, text: &str) -> usize {
    rows(screen)
        .iter()
        .position(|r| r.contains(text))
        .unwrap_or_else(|| panic!("no {text:?} in:\n{screen}"))
}

#[test]
fn v_offers_meetings_tags_and_branches_narrowed_by_typing() {
    let dir = repo();
    let sandbox = Sandbox::new();
    let mut tui = Launch::new(dir.path(), &sandbox).size(40, 120).start();
    tui.send("C");
    // With meeting tags, the report starts from the newest meeting.
    tui.wait_for("Changes in 2013-14.yaml since meeting/2013-09-17");
    tui.send("v");
    let screen = tui.wait_for_all(&[
        "meeting meeting/2013-09-17  2013-09-17  September board",
        "(7 offered)",
    ]);
    let order = [
        "meeting meeting/2013-09-17",
        "meeting meeting/2013-07-16",
        "tag     v1.2",
        "branch  main  2013-09-17",
        &format!("branch  {BRANCH}  2013-07-16"),
    ];
    let at: Vec<usize> = order.iter().map(|t| row_of(&screen, t)).collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "order {at:?} in:\n{screen}"
    );
    let commit = row_of(&screen, "commit ");
    assert!(commit > at[4], "commits come last:\n{screen}");

    // Typing narrows the list; ↓ chooses; the position is shown.
    tui.send("été");
    tui.wait_for("(1 offered)");
    tui.send(keys::DOWN);
    tui.wait_for("(1/1)");
    tui.send(keys::ENTER);
    let screen = tui.wait_for(&format!("Changes in 2013-14.yaml since {BRANCH}"));
    assert!(screen.contains("green → amber"), "{screen}");

    // A revision that cannot be read keeps the report as it was.
    tui.send("v");
    tui.wait_for("Compare with:");
    tui.send("no-such-thing").send(keys::ENTER);
    let screen = tui.wait_for("cannot read 2013-14.yaml at 'no-such-thing'");
    assert!(
        screen.contains(&format!("since {BRANCH}")) && screen.contains("green → amber"),
        "the report stays:\n{screen}"
    );
    tui.send("q");
    tui.wait_gone("Changes in");
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
}

#[test]
fn keys_typed_ahead_of_the_report_act_on_it() {
    let dir = repo();
    let sandbox = Sandbox::new();
    let mut tui = Launch::new(dir.path(), &sandbox).start();
    // `v` arrives before git has answered: it opens the revision field over the report.
    tui.send("Cv");
    tui.wait_for_all(&["Compare with:", "(7 offered)"]);
    tui.esc();
    let screen = tui.wait_for("No changes.");
    assert!(
        screen.contains("Changes in 2013-14.yaml since meeting/2013-09-17")
            && !screen.contains("reading"),
        "the report read meanwhile is under the field:\n{screen}"
    );
    tui.send("q");
    tui.wait_gone("Changes in");
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
}
