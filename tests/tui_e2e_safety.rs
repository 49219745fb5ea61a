//! End-to-end tests of the UI's safety: the real binary in a pseudo-terminal, stopped by
//! signals (SIGHUP, SIGTERM, even SIGKILL), pasted into, and left open while its file is fixed
//! on disk or committed in another shell.

mod common;
#[path = "common/pty.rs"]
mod pty;

use pty::{Launch, Sandbox, Tui, keys};
use std::path::{Path, PathBuf};
use std::time::Duration;

const PLAN_2013: &str = "plans/2013-14.yaml";

fn bundled_plan() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(PLAN_2013))
        .expect("bundled plan")
}

/// A temporary git repository with the bundled 2013-14 plan committed.
fn repo() -> (tempfile::TempDir, PathBuf, String) {
    let original = bundled_plan();
    let dir = common::repo_with(&[(PLAN_2013, original.as_bytes())]);
    let file = dir.path().join(PLAN_2013);
    (dir, file, original)
}

/// Rates the selected action and waits for the edit to show.
fn rate(tui: &mut Tui, letter: &str) {
    tui.send("r");
    tui.wait_for(" RAG rating ");
    tui.send(letter);
    tui.wait_for("[+] unsaved");
}

/// The recovery drafts kept in the sandbox (not their `.base` files).
fn drafts(sandbox: &Sandbox) -> Vec<PathBuf> {
    std::fs::read_dir(sandbox.recovery_dir())
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_none_or(|e| e != "base"))
                .filter(|p| {
                    !p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The terminal is given back: normal screen, no mouse tracking, no bracketed paste.
fn assert_terminal_restored(tui: &Tui) {
    tui.with_screen(|s| {
        assert!(!s.alternate_screen(), "still on the alternate screen");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse tracking still on"
        );
        assert!(!s.bracketed_paste(), "bracketed paste still on");
        assert!(!s.hide_cursor(), "the cursor is still hidden");
    });
}

/// Stopped by `signal` with 1.1 rated blue; then a colleague changes the title on disk; the
/// next start offers the edit, merged onto the file as it is now, and keeps both.
fn signal_keeps_the_edit(signal: &str) {
    let (dir, file, original) = repo();
    let sandbox = Sandbox::new();
    let mut tui = Launch::new(dir.path(), &sandbox).start();
    tui.wait_for("green  ·  due ongoing");
    rate(&mut tui, "b");
    tui.signal(signal);
    let status = tui.wait_exit(Duration::from_secs(5));
    assert!(!status.success(), "stopped by SIG{signal}: {status:?}");
    assert_terminal_restored(&tui);
    assert_eq!(
        std::fs::read_to_string(&file).expect("plan"),
        original,
        "a signal never writes the plan"
    );
    assert_eq!(drafts(&sandbox).len(), 1, "SIG{signal} kept a draft");
    drop(tui);

    let theirs = original.replace("title: Business Plan 2013-2014", "title: Revised Plan");
    std::fs::write(&file, &theirs).expect("the colleague's change");

    let mut tui = Launch::new(dir.path(), &sandbox).start();
    let screen = tui.wait_for(" Recover unsaved edits ");
    assert!(
        screen.contains("Restoring merges them onto the file as it is now"),
        "{}",
        pty::framed(&screen)
    );
    assert!(
        screen.contains("1.1  green → blue"),
        "the offer shows what it will do:\n{}",
        pty::framed(&screen)
    );
    assert!(
        !screen.contains("Revised Plan → Business Plan"),
        "{}",
        pty::framed(&screen)
    );
    tui.send("r");
    let screen = tui.wait_for("restored the unsaved edits onto the file as it is now");
    assert!(
        screen.contains("blue  ·  due ongoing"),
        "{}",
        pty::framed(&screen)
    );
    assert!(
        screen.contains("· Revised Plan ·"),
        "{}",
        pty::framed(&screen)
    );
    tui.send(keys::CTRL_S);
    tui.wait_for("saved 2013-14.yaml");
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
    let saved = std::fs::read_to_string(&file).expect("plan");
    assert!(
        saved.contains("title: Revised Plan\n"),
        "their change survives"
    );
    assert_eq!(
        saved.replace("title: Revised Plan", "title: Business Plan 2013-2014"),
        original.replacen("    rag: green", "    rag: blue", 1),
        "exactly the two changes"
    );
    assert!(
        drafts(&sandbox).is_empty(),
        "the draft is gone once restored"
    );
}

#[test]
fn sighup_restores_the_terminal_and_keeps_the_edit() {
    signal_keeps_the_edit("HUP");
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_edit() {
    signal_keeps_the_edit("TERM");
}

#[test]
fn an_autosaved_draft_survives_sigkill() {
    let (dir, _file, _) = repo();
    let sandbox = Sandbox::new();
    let mut tui = Launch::new(dir.path(), &sandbox).start();
    tui.wait_for("green  ·  due ongoing");
    rate(&mut tui, "r");
    // Drafts are written every two seconds when the edits changed (the deadline leaves room
    // for a busy machine).
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while drafts(&sandbox).is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(
        drafts(&sandbox).len(),
        1,
        "the draft was written while running"
    );
    tui.signal("KILL");
    tui.wait_exit(Duration::from_secs(5));
    drop(tui);

    let mut tui = Launch::new(dir.path(), &sandbox).start();
    // Both on one complete frame, never a half-drawn one.
    tui.wait_for_all(&[" Recover unsaved edits ", "1.1  green → red"]);
    tui.send("d");
    tui.wait_gone(" Recover unsaved edits ");
    assert!(drafts(&sandbox).is_empty(), "discarding deletes the draft");
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
}

#[test]
fn undoing_back_to_the_file_drops_the_draft() {
    let (dir, _file, _) = repo();
    let sandbox = Sandbox::new();
    let mut tui = Launch::new(dir.path(), &sandbox).start();
    tui.wait_for("green  ·  due ongoing");
    rate(&mut tui, "a");
    let deadline = std::time::Instant::now() + Duration::from_secs(6);
    while drafts(&sandbox).is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(drafts(&sandbox).len(), 1);
    tui.send("u");
    tui.wait_gone("[+] unsaved");
    let deadline = std::time::Instant::now() + Duration::from_secs(6);
    while !drafts(&sandbox).is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(drafts(&sandbox).is_empty(), "nothing unsaved, no draft");
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
}

#[test]
fn pasted_text_is_text_in_every_field() {
    let (dir, file, original) = repo();
    let sandbox = Sandbox::new();
    let mut tui = Launch::new(dir.path(), &sandbox).start();
    tui.wait_for("green  ·  due ongoing");

    // Pasted into the owners field: a name, never keys (the Enter and "rx" would rate 1.1).
    tui.send("w");
    tui.wait_for(" Owners of action 1.1 ");
    tui.paste("QEG\rrx");
    let screen = tui.wait_for("QEG rx");
    assert!(
        screen.contains(" Owners of action 1.1 "),
        "{}",
        pty::framed(&screen)
    );
    tui.esc();
    tui.esc();
    let screen = tui.wait_gone(" Owners of action 1.1 ");
    assert!(
        screen.contains("green  ·  due ongoing"),
        "{}",
        pty::framed(&screen)
    );
    assert!(!screen.contains("[+] unsaved"), "{}", pty::framed(&screen));

    // Pasted into the progress editor: line breaks stay line breaks.
    tui.send("p");
    tui.wait_for(" Progress of action 1.1 ");
    tui.paste("\rFirst pasted line\rSecond pasted line");
    tui.wait_for("Second pasted line");
    // A raw line feed (Ctrl-j) starts a new line too.
    tui.send("\n");
    tui.send("Typed after Ctrl-j");
    tui.wait_for("Typed after Ctrl-j");
    tui.send(keys::CTRL_S);
    tui.wait_gone(" Progress of action 1.1 ");
    tui.send(keys::CTRL_S);
    tui.wait_for("saved 2013-14.yaml");

    // Pasted on the main screen: ignored, with a word why.
    tui.paste("rr");
    let screen = tui.wait_for("pasted text was ignored");
    assert!(
        screen.contains("green  ·  due ongoing"),
        "{}",
        pty::framed(&screen)
    );
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
    let saved = std::fs::read_to_string(&file).expect("plan");
    let progress =
        "Dataset now in place and includes measures on Early Intervention for the board to monitor";
    assert_eq!(
        saved,
        original.replace(
            &format!("    progress: {progress}\n"),
            &format!(
                "    progress: |-\n      {progress}\n      First pasted line\n      Second pasted line\n      Typed after Ctrl-j\n"
            )
        )
    );
}

const BROKEN: &str = "\
board: Test Safeguarding Children Board
period: 2014-15
title: Business Plan 2014-2015
themes:
- ref: '1'
  title: Early help
  actions:
  - ref: '1.1'
    action: Monitor the dataset
    progess: Dataset in place
    rag: green
";

#[test]
fn a_broken_file_reloads_by_itself_once_fixed() {
    let dir = common::repo_with(&[("plans/2014-15.yaml", BROKEN.as_bytes())]);
    let file = dir.path().join("plans/2014-15.yaml");
    let sandbox = Sandbox::new();
    let mut tui = Launch::new(dir.path(), &sandbox).start();
    tui.wait_for("This file has errors");
    std::fs::write(&file, BROKEN.replace("progess:", "progress:")).expect("fix the file");
    let screen = tui.wait_for_within(
        "2014-15.yaml changed on disk and loads now",
        Duration::from_secs(5),
    );
    assert!(!screen.contains("[read-only]"), "{}", pty::framed(&screen));
    assert!(screen.contains(" Action 1.1 "), "{}", pty::framed(&screen));
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
}

#[test]
fn change_marks_follow_a_commit_made_in_another_shell() {
    let (dir, _file, _) = repo();
    let sandbox = Sandbox::new();
    let mut tui = Launch::new(dir.path(), &sandbox).start();
    tui.wait_for("green  ·  due ongoing");
    rate(&mut tui, "a");
    tui.send(keys::CTRL_S);
    tui.wait_for("saved 2013-14.yaml");
    tui.wait_for("▶~ 1.1");
    common::git(dir.path(), &["commit", "-qam", "Rated 1.1 amber"]);
    let screen = tui.wait_until("the mark to go", Duration::from_secs(8), |_, text| {
        text.contains("▶  1.1")
    });
    assert!(!screen.contains("~ 1.1"), "{}", pty::framed(&screen));
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
}

#[test]
fn change_marks_follow_a_meeting_tagged_in_another_shell() {
    let (dir, _file, _) = repo();
    common::git(
        dir.path(),
        &["tag", "-a", "meeting/2013-07-01", "-m", "July board"],
    );
    let sandbox = Sandbox::new();
    let mut tui = Launch::new(dir.path(), &sandbox).start();
    tui.wait_for("~ since meeting 2013-07-01");
    rate(&mut tui, "a");
    tui.send(keys::CTRL_S);
    tui.wait_for("saved 2013-14.yaml");
    common::git(dir.path(), &["commit", "-qam", "Rated 1.1 amber"]);
    // Changed since the July meeting, though committed.
    tui.wait_for_all(&["▶~ 1.1", "~ since meeting 2013-07-01"]);
    common::git(
        dir.path(),
        &["tag", "-a", "meeting/2013-09-17", "-m", "September board"],
    );
    let screen = tui.wait_until("the new meeting", Duration::from_secs(8), |_, text| {
        text.contains("~ since meeting 2013-09-17") && text.contains("▶  1.1")
    });
    assert!(!screen.contains("~ 1.1"), "{}", pty::framed(&screen));
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
}

#[test]
fn the_last_line_of_a_long_progress_is_reachable_at_80x24() {
    let words: String = (0..700).map(|i| format!("word{i} ")).collect();
    let progress = format!("{}THE-LAST-WORDS", &words[..5000 - 14]);
    assert_eq!(progress.chars().count(), 5000);
    let plan = bundled_plan().replacen(
        "progress: Dataset now in place and includes measures on Early Intervention for the board to monitor",
        &format!("progress: {progress}"),
        1,
    );
    let dir = common::repo_with(&[(PLAN_2013, plan.as_bytes())]);
    let sandbox = Sandbox::new();
    let mut tui = Launch::new(dir.path(), &sandbox).size(24, 80).start();
    let screen = tui.wait_for(" Action 1.1 · lines 1–");
    assert!(
        !screen.contains("THE-LAST-WORDS"),
        "{}",
        pty::framed(&screen)
    );
    for _ in 0..200 {
        if tui.screen().contains("THE-LAST-WORDS") {
            break;
        }
        tui.send("\x04");
        std::thread::sleep(Duration::from_millis(20));
    }
    let screen = tui.wait_for("THE-LAST-WORDS");
    assert!(
        screen.contains(" of "),
        "the pane says where it is:\n{}",
        pty::framed(&screen)
    );
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
}

#[test]
fn e_says_which_editor_it_used_when_editor_is_unset() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, file, _) = repo();
    let bin = tempfile::tempdir().expect("bin folder");
    let vi = bin.path().join("vi");
    std::fs::write(&vi, "#!/bin/sh\nprintf ' Edited outside.' >> \"$1\"\n").expect("fake vi");
    std::fs::set_permissions(&vi, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let sandbox = Sandbox::new();
    let mut tui = Launch::new(dir.path(), &sandbox).env("PATH", &path).start();
    tui.wait_for("green  ·  due ongoing");
    tui.send("E");
    let screen = tui.wait_for("used vi: $EDITOR is not set · progress of 1.1 changed");
    assert!(
        screen.contains("Edited outside."),
        "{}",
        pty::framed(&screen)
    );
    tui.send(keys::CTRL_S);
    tui.wait_for("saved 2013-14.yaml");
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
    let saved = std::fs::read_to_string(&file).expect("plan");
    assert!(
        saved.contains("for the board to monitor Edited outside.\n"),
        "{saved}"
    );
}

#[test]
fn a_draft_left_unanswered_is_kept_aside_not_overwritten() {
    let (dir, _file, _) = repo();
    let sandbox = Sandbox::new();
    let wait_for_draft = |sandbox: &Sandbox| {
        let deadline = std::time::Instant::now() + Duration::from_secs(6);
        while drafts(sandbox).is_empty() && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    let mut tui = Launch::new(dir.path(), &sandbox).start();
    tui.wait_for("green  ·  due ongoing");
    rate(&mut tui, "r");
    wait_for_draft(&sandbox);
    tui.signal("KILL");
    tui.wait_exit(Duration::from_secs(5));
    drop(tui);
    let first = std::fs::read_to_string(&drafts(&sandbox)[0]).expect("the first draft");

    let mut tui = Launch::new(dir.path(), &sandbox).start();
    tui.wait_for(" Recover unsaved edits ");
    tui.esc();
    tui.wait_gone(" Recover unsaved edits ");
    tui.send("j");
    rate(&mut tui, "b");
    let aside = |sandbox: &Sandbox| {
        std::fs::read_dir(sandbox.recovery_dir())
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.to_string_lossy().ends_with(".yaml.previous"))
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(6);
    let mut previous = aside(&sandbox);
    while previous.is_none() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
        previous = aside(&sandbox);
    }
    let previous = previous.expect("the first draft was moved aside");
    assert_eq!(std::fs::read_to_string(previous).expect("read"), first);
    tui.send("q");
    tui.wait_for(" Unsaved changes ");
    tui.send("d");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
}
