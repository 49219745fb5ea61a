//! End-to-end tests of the terminal UI: the real binary in a pseudo-terminal, driven by key
//! presses, checked on the parsed screen and on the file (and `git diff`) it leaves behind.

mod common;
#[path = "common/pty.rs"]
mod pty;

use pty::{Launch, Sandbox, Tui, keys};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const PLAN_2013: &str = "plans/2013-14.yaml";

/// The bundled 2013-14 plan.
fn bundled_plan() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(PLAN_2013)).expect("bundled plan")
}

/// A temporary git repository with the bundled 2013-14 plan committed as plans/2013-14.yaml.
fn repo() -> (tempfile::TempDir, PathBuf, Vec<u8>) {
    let original = bundled_plan();
    let dir = common::repo_with(&[(PLAN_2013, &original)]);
    let file = dir.path().join(PLAN_2013);
    (dir, file, original)
}

/// The app on the repository's `./plans`.
fn start(dir: &Path, sandbox: &Sandbox) -> Tui {
    Launch::new(dir, sandbox).start()
}

/// The changed lines of `git diff -U0`: `-old` and `+new`, without headers.
fn diff_lines(dir: &Path) -> Vec<String> {
    common::git(dir, &["diff", "-U0", "--no-color"])
        .lines()
        .filter(|l| {
            (l.starts_with('+') || l.starts_with('-'))
                && !l.starts_with("+++")
                && !l.starts_with("---")
        })
        .map(String::from)
        .collect()
}

/// Asserts `file` holds exactly `expected`.
fn assert_bytes(file: &Path, expected: &[u8], why: &str) {
    let actual = std::fs::read(file).expect("read the plan");
    assert!(
        actual == expected,
        "{why}: {} differs from what was expected",
        file.display()
    );
}

/// Replaces `file` atomically (temporary file + rename), as git or another editor would.
fn replace_on_disk(file: &Path, bytes: &[u8]) {
    let temp = file.with_extension("yaml.tmp-test");
    std::fs::write(&temp, bytes).expect("write the other change");
    std::fs::rename(&temp, file).expect("rename the other change");
}

/// Quits with `q` (no unsaved edits expected) and checks a clean exit.
fn quit_cleanly(tui: &mut Tui) {
    tui.send("q");
    let status = tui.wait_exit(Duration::from_secs(5));
    assert!(status.success(), "exit status {status:?}");
}

/// Changes the RAG of the selected action with `r` then `letter`, and waits for the edit.
fn set_rag(tui: &mut Tui, letter: &str) {
    tui.send("r");
    tui.wait_for(" RAG rating ");
    tui.send(letter);
    tui.wait_for("[+] unsaved");
    tui.wait_for("(Ctrl-s saves, u undoes)");
}

/// The detail line of action 1.1 (the first row of the table) for a rating.
fn detail_1_1(rating: &str) -> String {
    format!("{rating}  ·  due ongoing")
}

#[test]
fn search_rate_edit_progress_save_and_quit() {
    let started = Instant::now();
    let (dir, file, _) = repo();
    let sandbox = Sandbox::new();
    let mut tui = start(dir.path(), &sandbox);
    tui.wait_for(" Action 1.1 ");

    tui.send("/");
    tui.wait_for("Search all themes · ");
    tui.send("3.2");
    tui.wait_for("Search all themes · 1 matching");
    tui.send(keys::ENTER);
    tui.wait_gone("Search all themes · ");
    let screen = tui.wait_for_all(&["│ 1 matching", " Action 3.2 "]);
    assert!(screen.contains("· 1 shown"), "{}", pty::framed(&screen));
    assert!(screen.contains("amber  ·  due 31st September 2013"));

    set_rag(&mut tui, "g");
    tui.wait_for("green  ·  due 31st September 2013");

    tui.send("p");
    let screen = tui.wait_for(" Progress of action 3.2 ");
    assert!(
        screen.contains("Working Together 2013 Assessment framework"),
        "the editor opens on the old text:\n{}",
        pty::framed(&screen)
    );
    tui.send(" Agreed.");
    tui.wait_for("Agreed.");
    tui.send(keys::ALT_ENTER);
    tui.wait_gone(" Progress of action 3.2 ");
    tui.wait_for("(Ctrl-s saves, u undoes)");

    tui.send(keys::CTRL_S);
    let screen = tui.wait_for("saved 2013-14.yaml");
    assert!(!screen.contains("[+] unsaved"), "{}", pty::framed(&screen));
    quit_cleanly(&mut tui);

    assert_eq!(
        diff_lines(dir.path()),
        [
            "-    progress: Working Together 2013 Assessment framework being delivered by Children Services and monitored by board.",
            "-    rag: amber",
            "+    progress: Working Together 2013 Assessment framework being delivered by Children Services and monitored by board. Agreed.",
            "+    rag: green",
        ]
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("  - ref: '3.2'\n"));
    assert!(started.elapsed() < Duration::from_secs(15));
}

#[test]
fn quitting_with_unsaved_changes_asks_and_discard_keeps_the_file() {
    let (dir, file, original) = repo();
    let sandbox = Sandbox::new();
    let mut tui = start(dir.path(), &sandbox);
    tui.wait_for(&detail_1_1("green"));
    set_rag(&mut tui, "a");
    tui.wait_for(&detail_1_1("amber"));

    tui.send("q");
    let screen = tui.wait_for_all(&[" Unsaved changes ", "Unsaved changes in 2013-14.yaml."]);
    assert!(screen.contains("save and quit"));
    assert!(screen.contains("discard and quit"));

    tui.esc();
    let screen = tui.wait_gone(" Unsaved changes ");
    assert!(screen.contains("[+] unsaved"), "{}", pty::framed(&screen));
    assert!(screen.contains(&detail_1_1("amber")));
    assert_bytes(&file, &original, "going back from the question");

    tui.send("q");
    tui.wait_for(" Unsaved changes ");
    tui.send("d");
    let status = tui.wait_exit(Duration::from_secs(5));
    assert!(status.success(), "exit status {status:?}");
    assert_bytes(&file, &original, "discard and quit");
    assert_eq!(diff_lines(dir.path()), Vec::<String>::new());
}

#[test]
fn quitting_with_unsaved_changes_can_save_and_quit() {
    let (dir, _file, _) = repo();
    let sandbox = Sandbox::new();
    let mut tui = start(dir.path(), &sandbox);
    tui.wait_for(&detail_1_1("green"));
    set_rag(&mut tui, "a");

    tui.send("q");
    tui.wait_for(" Unsaved changes ");
    tui.send("s");
    let status = tui.wait_exit(Duration::from_secs(5));
    assert!(status.success(), "exit status {status:?}");
    assert_eq!(
        diff_lines(dir.path()),
        ["-    rag: green", "+    rag: amber"]
    );
}

#[test]
fn changed_on_disk_keep_editing_then_overwrite() {
    let (dir, file, original) = repo();
    let sandbox = Sandbox::new();
    let mut tui = start(dir.path(), &sandbox);
    tui.wait_for(&detail_1_1("green"));
    set_rag(&mut tui, "r");

    let theirs = String::from_utf8(original.clone())
        .unwrap()
        .replace("title: Business Plan 2013-2014", "title: Revised Plan");
    replace_on_disk(&file, theirs.as_bytes());
    // The app looks at the disk when idle (every second).
    tui.wait_for_within(" Changed on disk ", Duration::from_secs(5));
    // Wait for each line: the frame may reach the terminal in several writes.
    for line in [
        "2013-14.yaml changed on disk since it was loaded",
        "reload from disk",
        "overwrite with mine",
        "keep editing",
    ] {
        tui.wait_for(line);
    }

    tui.send("k");
    let screen = tui.wait_gone(" Changed on disk ");
    assert!(screen.contains("[+] unsaved"), "{}", pty::framed(&screen));
    // It is not asked again while idle.
    std::thread::sleep(Duration::from_millis(1500));
    let screen = tui.screen();
    assert!(
        !screen.contains(" Changed on disk "),
        "{}",
        pty::framed(&screen)
    );

    tui.send(keys::CTRL_S);
    tui.wait_for(" Changed on disk ");
    assert_bytes(
        &file,
        theirs.as_bytes(),
        "a save refused because of the other change",
    );
    tui.send("o");
    tui.wait_for("saved 2013-14.yaml");
    quit_cleanly(&mut tui);

    // Overwrite wins: the edit is there, the other change (the title) is gone.
    assert_eq!(diff_lines(dir.path()), ["-    rag: green", "+    rag: red"]);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("title: Business Plan 2013-2014\n"));
    assert!(!text.contains("Revised Plan"));
}

#[test]
fn changed_on_disk_reload_takes_their_change() {
    let (dir, file, original) = repo();
    let sandbox = Sandbox::new();
    let mut tui = start(dir.path(), &sandbox);
    tui.wait_for_all(&[&detail_1_1("green"), "Business Plan 2013-2014 · 2013-14"]);
    set_rag(&mut tui, "r");

    let theirs = String::from_utf8(original)
        .unwrap()
        .replace("title: Business Plan 2013-2014", "title: Revised Plan");
    replace_on_disk(&file, theirs.as_bytes());
    // Ctrl-s before the idle check also finds the change.
    tui.send(keys::CTRL_S);
    tui.wait_for(" Changed on disk ");
    tui.send("r");
    let screen = tui.wait_for("reloaded 2013-14.yaml from disk");
    assert!(
        screen.contains("Peterborough Safeguarding Children Board · Revised Plan · 2013-14"),
        "{}",
        pty::framed(&screen)
    );
    assert!(!screen.contains("[+] unsaved"), "{}", pty::framed(&screen));
    assert!(
        screen.contains(&detail_1_1("green")),
        "{}",
        pty::framed(&screen)
    );
    quit_cleanly(&mut tui);

    assert_bytes(&file, theirs.as_bytes(), "after reloading");
    assert_eq!(
        diff_lines(dir.path()),
        ["-title: Business Plan 2013-2014", "+title: Revised Plan"]
    );
}

#[test]
fn undo_and_redo_a_rating() {
    let (dir, _file, _) = repo();
    let sandbox = Sandbox::new();
    let mut tui = start(dir.path(), &sandbox);
    tui.wait_for(&detail_1_1("green"));
    set_rag(&mut tui, "r");
    tui.wait_for(&detail_1_1("red"));

    tui.send("u");
    let screen = tui.wait_for("│ undid: rating of 1.1");
    assert!(
        screen.contains(&detail_1_1("green")),
        "{}",
        pty::framed(&screen)
    );
    assert!(!screen.contains("[+] unsaved"), "{}", pty::framed(&screen));

    tui.send(keys::CTRL_R);
    let screen = tui.wait_for("│ redid: rating of 1.1");
    assert!(
        screen.contains(&detail_1_1("red")),
        "{}",
        pty::framed(&screen)
    );
    assert!(screen.contains("[+] unsaved"), "{}", pty::framed(&screen));

    tui.send(keys::CTRL_S);
    tui.wait_for("saved 2013-14.yaml");
    quit_cleanly(&mut tui);
    assert_eq!(diff_lines(dir.path()), ["-    rag: green", "+    rag: red"]);
}

const BROKEN_2014: &str = "\
board: Test Safeguarding Children Board
period: 2014-15
title: Business Plan 2014-2015
themes:
- ref: '1'
  title: Early help
  actions:
  - ref: '1.1'
    action: Monitor the dataset
    due: 2014-07-31
    progess: Dataset in place
    rag: green
";

#[test]
fn a_file_with_errors_opens_read_only() {
    let original = bundled_plan();
    let dir = common::repo_with(&[
        (PLAN_2013, &original),
        ("plans/2014-15.yaml", BROKEN_2014.as_bytes()),
    ]);
    let broken = dir.path().join("plans/2014-15.yaml");
    let sandbox = Sandbox::new();
    let mut tui = start(dir.path(), &sandbox);

    tui.wait_for_all(&[
        "This file has errors",
        "year 2/2",
        "[read-only]",
        "line 11, column 5: unknown key 'progess' (did you mean 'progress'?)",
    ]);

    tui.send("r");
    let screen = tui.wait_for("read-only: this file has errors");
    assert!(!screen.contains(" RAG rating "), "{}", pty::framed(&screen));

    tui.send(keys::CTRL_S);
    tui.wait_for("2014-15.yaml is read-only (it has errors) and is never written");
    assert_bytes(
        &broken,
        BROKEN_2014.as_bytes(),
        "Ctrl-s on a read-only file",
    );

    quit_cleanly(&mut tui);
    assert_bytes(&broken, BROKEN_2014.as_bytes(), "after quitting");
    assert_eq!(diff_lines(dir.path()), Vec::<String>::new());
}

/// The recovery drafts kept (each with its `.base` beside it: the file as loaded).
fn drafts(sandbox: &Sandbox) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(sandbox.recovery_dir()) else {
        return Vec::new();
    };
    let mut drafts: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_none_or(|e| e != "base"))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    drafts.sort();
    for draft in &drafts {
        let mut base = draft.clone().into_os_string();
        base.push(".base");
        assert!(
            PathBuf::from(base).exists(),
            "{} has its base",
            draft.display()
        );
    }
    drafts
}

/// Whether termios flags, as `Debug` text (`LocalFlags(ECHO | ICANON)`), include `name`.
fn has_flag(flags: &str, name: &str) -> bool {
    flags
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| word == name)
}

#[test]
fn a_crash_keeps_unsaved_edits_for_the_next_start() {
    let (dir, file, original) = repo();
    let sandbox = Sandbox::new();

    let mut tui = Launch::new(dir.path(), &sandbox)
        .env("BOARDPLAN_CRASH_TEST", "1")
        .start();
    tui.wait_for(&detail_1_1("green"));
    set_rag(&mut tui, "b");
    if let Some(flags) = tui.local_flags() {
        assert!(
            !has_flag(&flags, "ICANON"),
            "raw mode while running: {flags}"
        );
    }
    tui.send(keys::F12);
    let status = tui.wait_exit(Duration::from_secs(5));
    assert!(!status.success(), "a crash exits non-zero: {status:?}");
    // The terminal is given back: normal screen, cursor shown, no mouse capture, cooked mode.
    let screen = tui.wait_for("your unsaved edits were kept");
    tui.with_screen(|s| {
        assert!(!s.alternate_screen(), "still on the alternate screen");
        assert!(!s.hide_cursor(), "the cursor is still hidden");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture still on"
        );
    });
    if let Some(flags) = tui.local_flags() {
        assert!(
            has_flag(&flags, "ICANON") && has_flag(&flags, "ECHO"),
            "raw mode still on: {flags}"
        );
    }
    assert!(screen.contains("crash test (BOARDPLAN_CRASH_TEST)"));
    assert_bytes(&file, &original, "a crash never writes the plan");
    assert_eq!(drafts(&sandbox).len(), 1, "one recovery draft");
    drop(tui);

    let mut tui = start(dir.path(), &sandbox);
    tui.wait_for_all(&[
        " Recover unsaved edits ",
        "boardplan stopped with unsaved edits to 2013-14.yaml",
    ]);
    tui.send("r");
    let screen = tui.wait_for("restored the unsaved edits");
    assert!(
        screen.contains(&detail_1_1("blue")),
        "{}",
        pty::framed(&screen)
    );
    assert!(screen.contains("[+] unsaved"), "{}", pty::framed(&screen));
    tui.send(keys::CTRL_S);
    tui.wait_for("saved 2013-14.yaml");
    quit_cleanly(&mut tui);

    assert_eq!(
        diff_lines(dir.path()),
        ["-    rag: green", "+    rag: blue"]
    );
    assert_eq!(
        std::fs::read_dir(sandbox.recovery_dir())
            .map(|d| d.count())
            .unwrap_or(0),
        0,
        "the recovery file is gone once restored"
    );

    // A third start offers nothing.
    let mut tui = start(dir.path(), &sandbox);
    let screen = tui.wait_for(&detail_1_1("blue"));
    assert!(!screen.contains("Recover unsaved edits"));
    quit_cleanly(&mut tui);
}

#[test]
fn no_color_shows_ratings_as_letters() {
    let (dir, _file, _) = repo();
    let sandbox = Sandbox::new();
    let mut tui = Launch::new(dir.path(), &sandbox)
        .env("NO_COLOR", "1")
        .start();
    let screen = tui.wait_for_all(&[" Action 1.1 ", "[G]"]);
    assert!(screen.contains("[A]"), "{}", pty::framed(&screen));
    assert!(screen.contains("[G] green  ·  due ongoing"));
    // No cell is drawn in colour.
    let coloured = tui.with_screen(coloured_cells);
    assert!(
        coloured.is_empty(),
        "cells in colour under NO_COLOR: {:?}",
        &coloured[..coloured.len().min(10)]
    );
    quit_cleanly(&mut tui);

    // With colour, ratings are badges, not letters in brackets.
    let mut tui = start(dir.path(), &sandbox);
    let screen = tui.wait_for(" Action 1.1 ");
    assert!(!screen.contains("[G]"), "{}", pty::framed(&screen));
    assert!(!screen.contains("[A]"), "{}", pty::framed(&screen));
    assert!(!tui.with_screen(coloured_cells).is_empty());
    quit_cleanly(&mut tui);
}

/// Cells drawn with a foreground or background colour: row, column, text.
fn coloured_cells(s: &vt100::Screen) -> Vec<(u16, u16, String)> {
    let mut found = Vec::new();
    for row in 0..pty::ROWS {
        for col in 0..pty::COLS {
            if let Some(cell) = s.cell(row, col)
                && (cell.fgcolor() != vt100::Color::Default
                    || cell.bgcolor() != vt100::Color::Default)
            {
                found.push((row, col, cell.contents().to_string()));
            }
        }
    }
    found
}

#[test]
fn multi_line_progress_cancel_then_apply_with_ctrl_s() {
    let (dir, file, original) = repo();
    let sandbox = Sandbox::new();
    let mut tui = start(dir.path(), &sandbox);
    tui.wait_for(&detail_1_1("green"));

    // Esc cancels the editor: nothing changes.
    tui.send("p");
    tui.wait_for(" Progress of action 1.1 ");
    tui.send(" Cancelled");
    tui.wait_for("Cancelled");
    tui.esc();
    tui.wait_for("Esc again drops the change");
    tui.esc();
    let screen = tui.wait_gone(" Progress of action 1.1 ");
    assert!(!screen.contains("[+] unsaved"), "{}", pty::framed(&screen));
    assert!(!screen.contains("Cancelled"), "{}", pty::framed(&screen));

    // Enter adds a line; Ctrl-s inside the editor applies the text but does not save the file.
    tui.send("p");
    let screen = tui.wait_for(" Progress of action 1.1 ");
    assert!(!screen.contains("Cancelled"), "{}", pty::framed(&screen));
    tui.send(keys::ENTER);
    tui.send("Second line.");
    tui.wait_for("Second line.");
    tui.send(keys::CTRL_S);
    tui.wait_gone(" Progress of action 1.1 ");
    tui.wait_for_all(&["(Ctrl-s saves, u undoes)", "[+] unsaved"]);
    assert_bytes(&file, &original, "Ctrl-s inside the editor only applies");

    tui.send(keys::CTRL_S);
    tui.wait_for("saved 2013-14.yaml");
    quit_cleanly(&mut tui);
    assert_eq!(
        diff_lines(dir.path()),
        [
            "-    progress: Dataset now in place and includes measures on Early Intervention for the board to monitor",
            "+    progress: |-",
            "+      Dataset now in place and includes measures on Early Intervention for the board to monitor",
            "+      Second line.",
        ]
    );
}

#[test]
fn a_file_changed_on_disk_without_unsaved_edits_is_reloaded() {
    let (dir, file, original) = repo();
    let sandbox = Sandbox::new();
    let mut tui = start(dir.path(), &sandbox);
    tui.wait_for("· Business Plan 2013-2014 ·");

    let theirs = String::from_utf8(original)
        .unwrap()
        .replace("title: Business Plan 2013-2014", "title: Revised Plan");
    replace_on_disk(&file, theirs.as_bytes());
    let screen = tui.wait_for_within(
        "the file changed on disk and was reloaded",
        Duration::from_secs(5),
    );
    assert!(
        screen.contains("· Revised Plan ·"),
        "{}",
        pty::framed(&screen)
    );
    assert!(
        !screen.contains(" Changed on disk "),
        "{}",
        pty::framed(&screen)
    );
    quit_cleanly(&mut tui);
    assert_bytes(&file, theirs.as_bytes(), "a reload never writes");
}
