//! The plan's author and version history in the UI: shown on the plan's own screen (the
//! "All themes" row), the author edited with `n` there, the history with `V` as one row a line;
//! each an undoable edit whose save changes only its lines, read back by a second YAML parser.

mod common;

use boardplan::tui::Palette;
use boardplan::tui::{App, finish_work, handle_key, perform_headless, render};
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use yaml_rust2::{Yaml, YamlLoader};

/// Four-space indentation, quoted keys and a comment, as another tool might write.
const PLAN: &str = "\
board: Test Board
period: 2013-14
title: Business Plan
version: '1.1'
author: Jo Bloggs
history:
    # as on page 1 of the document
    -   version: '1.0'
        date: 2013-04-29
        author: Jo Bloggs
    -   \"version\": '1.1'
        date: 2013-05-29
        author: Jo Bloggs
        note: Feedback from PSCB
themes:
    -   ref: '1'
        title: Early help
";

fn press(app: &mut App, code: KeyCode) {
    if let Some(effect) = handle_key(app, KeyEvent::new(code, KeyModifiers::NONE)) {
        perform_headless(app, effect);
    }
    finish_work(app);
}

fn ctrl(app: &mut App, c: char) {
    if let Some(effect) = handle_key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)) {
        perform_headless(app, effect);
    }
}

fn keys(app: &mut App, text: &str) {
    text.chars().for_each(|c| press(app, KeyCode::Char(c)));
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| render(frame, app)).expect("draw");
    format!("{}", terminal.backend())
}

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

fn repo_app() -> (tempfile::TempDir, App) {
    let dir = common::repo_with(&[("plans/2013-14.yaml", PLAN.as_bytes())]);
    let today = NaiveDate::from_ymd_opt(2013, 10, 1).expect("date");
    let app = App::new(
        vec![dir.path().join("plans/2013-14.yaml")],
        today,
        Palette::Plain,
    );
    (dir, app)
}

/// The history rows as yaml-rust2 reads the saved file: (version, date, author, note).
fn history_read_back(dir: &Path) -> (String, Vec<[String; 4]>) {
    let text = std::fs::read_to_string(dir.join("plans/2013-14.yaml")).expect("plan");
    let docs = YamlLoader::load_from_str(&text).expect("a second parser reads it");
    let plan = &docs[0];
    let text_of = |y: &Yaml| y.as_str().map(str::to_string).unwrap_or_default();
    let rows = plan["history"]
        .as_vec()
        .expect("a history list")
        .iter()
        .map(|row| ["version", "date", "author", "note"].map(|key| text_of(&row[key])))
        .collect();
    (text_of(&plan["author"]), rows)
}

#[test]
fn the_plan_screen_shows_the_author_and_the_history() {
    let (_dir, mut app) = repo_app();
    keys(&mut app, "hg");
    for (width, height) in [(80, 24), (160, 48)] {
        let shown = screen(&app, width, height);
        for text in [
            "version 1.1 · by Jo Bloggs",
            "Version history · V edits",
            "1.0  2013-04-29 · Jo Bloggs",
            "1.1  2013-05-29 · Jo Bloggs",
            "Feedback from",
        ] {
            assert!(
                shown.contains(text),
                "{text:?} at {width}x{height}:\n{shown}"
            );
        }
    }
}

#[test]
fn history_rows_are_edited_added_and_removed_with_minimal_diffs() {
    let (dir, mut app) = repo_app();
    keys(&mut app, "V");
    assert!(
        screen(&app, 100, 30).contains("1.1 | 2013-05-29 | Jo Bloggs | Feedback from PSCB"),
        "the form shows the rows as lines"
    );
    ctrl(&mut app, 'l');
    let rows = "1.1 | 29 May 2013 | Jo Bloggs | Feedback from the PSCB\n1.2 | 20/08/2013 | Jon Chapman | Update on progress";
    for (i, line) in rows.lines().enumerate() {
        if i > 0 {
            ctrl(&mut app, 'j');
        }
        keys(&mut app, line);
    }
    ctrl(&mut app, 's');
    assert!(app.ui.popup.is_none(), "applied");
    keys(&mut app, "hgn");
    ctrl(&mut app, 'l');
    keys(&mut app, "Jon Chapman");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    assert_eq!(
        diff_lines(dir.path()),
        [
            "-author: Jo Bloggs",
            "+author: Jon Chapman",
            "-    -   version: '1.0'",
            "-        date: 2013-04-29",
            "-        author: Jo Bloggs",
            "-        note: Feedback from PSCB",
            "+        note: Feedback from the PSCB",
            // A new row is written in canonical style at the file's indentation.
            "+    - version: '1.2'",
            "+      date: 2013-08-20",
            "+      author: Jon Chapman",
            "+      note: Update on progress",
        ]
    );
    let (author, history) = history_read_back(dir.path());
    assert_eq!(author, "Jon Chapman");
    assert_eq!(
        history,
        [
            ["1.1", "2013-05-29", "Jo Bloggs", "Feedback from the PSCB"],
            ["1.2", "2013-08-20", "Jon Chapman", "Update on progress"],
        ]
        .map(|row| row.map(String::from))
    );
    keys(&mut app, "uu");
    ctrl(&mut app, 's');
    let (author, history) = history_read_back(dir.path());
    assert_eq!(author, "Jo Bloggs", "both edits undone");
    assert_eq!(
        history,
        [
            ["1.0", "2013-04-29", "Jo Bloggs", ""],
            ["1.1", "2013-05-29", "Jo Bloggs", "Feedback from PSCB"],
        ]
        .map(|row| row.map(String::from))
    );
}

#[test]
fn edits_undone_before_saving_leave_the_file_byte_identical() {
    let (dir, mut app) = repo_app();
    keys(&mut app, "V");
    ctrl(&mut app, 'l');
    keys(&mut app, "2.0 | 1 June 2013");
    ctrl(&mut app, 's');
    keys(&mut app, "hgn");
    keys(&mut app, "x");
    press(&mut app, KeyCode::Enter);
    assert!(app.year().history.dirty());
    keys(&mut app, "uu");
    ctrl(&mut app, 's');
    let file = std::fs::read_to_string(dir.path().join("plans/2013-14.yaml")).expect("plan");
    assert_eq!(file, PLAN);
}

#[test]
fn a_history_row_without_a_version_is_refused_and_nothing_changes() {
    let (_dir, mut app) = repo_app();
    keys(&mut app, "V");
    ctrl(&mut app, 'l');
    keys(&mut app, " | 2013-06-01 | Jo");
    ctrl(&mut app, 's');
    assert!(app.ui.popup.is_some(), "the form stays open");
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("line 1:"), "{shown}");
    assert!(shown.contains("needs a version first"), "{shown}");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(!app.year().history.dirty(), "nothing was edited");
}
