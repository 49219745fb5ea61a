//! A board's own fields (`custom:`) in the UI: shown under their keys in the detail pane for
//! actions, themes and the plan; text values edited with `F` through the minimal-diff save
//! (only that value's line changes, comments kept); lists and mappings shown read-only.

mod common;
#[path = "common/pty.rs"]
mod pty;

use boardplan::tui::Palette;
use boardplan::tui::{App, finish_work, handle_key, perform_headless, render};
use chrono::NaiveDate;
use pty::{Launch, Sandbox, keys};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::time::Duration;

/// Custom fields on the plan, a theme and an action, four-space indented with comments, as
/// another tool might write them.
const PLAN: &str = "\
board: Test Board
period: 2013-14
title: Business Plan
themes:
-   ref: '1'
    title: Early help
    custom:
        sponsor: Director of Children's Services  # named in the plan
    actions:
    -   ref: '1.1'
        action: Build the early help offer
        rag: green
        custom:
            # the board's own columns
            lead_officer: Jo Bloggs   # until March
            budget: 3
            partners: [Police, Health]
custom:
    approved_by: Board meeting of 1 May 2013
";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2013, 10, 1).expect("date")
}

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

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    terminal.draw(|frame| render(frame, app)).expect("draw");
    format!("{}", terminal.backend())
}

fn message(app: &App) -> String {
    app.ui
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
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

fn repo_app() -> (tempfile::TempDir, App) {
    let dir = common::repo_with(&[("plans/2013-14.yaml", PLAN.as_bytes())]);
    let app = App::new(
        vec![dir.path().join("plans/2013-14.yaml")],
        today(),
        Palette::Plain,
    );
    (dir, app)
}

#[test]
fn the_detail_pane_shows_custom_fields_under_their_labels() {
    let (_dir, mut app) = repo_app();
    let action = screen(&app);
    for text in [
        "Custom fields · F edits",
        "Lead officer",
        "  Jo Bloggs",
        "Budget",
        "  3",
        "Partners  (a list: read-only here;",
        "  Police, Health",
    ] {
        assert!(action.contains(text), "{text:?} missing:\n{action}");
    }
    keys(&mut app, "hj");
    let theme = screen(&app);
    assert!(theme.contains("Sponsor"), "{theme}");
    assert!(
        theme.contains("  Director of Children's Services"),
        "{theme}"
    );
    keys(&mut app, "g");
    let plan = screen(&app);
    assert!(plan.contains("Approved by"), "{plan}");
    assert!(plan.contains("  Board meeting of 1 May 2013"), "{plan}");
}

#[test]
fn text_fields_are_edited_with_minimal_diffs_and_lists_are_refused() {
    let (dir, mut app) = repo_app();
    // The action has three fields: F offers them; a list is refused with a hint.
    keys(&mut app, "Fpartners");
    press(&mut app, KeyCode::Enter);
    assert!(app.ui.popup.is_none());
    assert!(
        message(&app).contains("Partners is a list: edit it in a text editor"),
        "{}",
        message(&app)
    );
    // A number stays a number.
    keys(&mut app, "Fbudget");
    press(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("Budget (custom) of action 1.1"));
    ctrl(&mut app, 'l');
    keys(&mut app, "4");
    press(&mut app, KeyCode::Enter);
    // The theme's one field opens at once; so does the plan's.
    keys(&mut app, "hjF");
    assert!(screen(&app).contains("Sponsor (custom) of theme 1"));
    ctrl(&mut app, 'l');
    keys(&mut app, "Director of Early Help");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "gF");
    assert!(screen(&app).contains("Approved by (custom) of the plan"));
    ctrl(&mut app, 'l');
    keys(&mut app, "Board meeting");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    assert_eq!(
        diff_lines(dir.path()),
        [
            "-        sponsor: Director of Children's Services  # named in the plan",
            "+        sponsor: Director of Early Help  # named in the plan",
            "-            budget: 3",
            "+            budget: 4",
            "-    approved_by: Board meeting of 1 May 2013",
            "+    approved_by: Board meeting",
        ]
    );
    // Each was one undoable edit.
    keys(&mut app, "uuu");
    ctrl(&mut app, 's');
    let file = std::fs::read_to_string(dir.path().join("plans/2013-14.yaml")).expect("plan");
    assert_eq!(file, PLAN, "undone and saved: the bytes as they were");
}

#[test]
fn a_custom_value_edited_in_a_terminal_changes_only_its_line() {
    let dir = common::repo_with(&[("plans/2013-14.yaml", PLAN.as_bytes())]);
    let sandbox = Sandbox::new();
    let mut tui = Launch::new(dir.path(), &sandbox).size(24, 80).start();
    tui.wait_for("Build the early help offer");
    tui.send("F");
    tui.wait_for("Custom fields of action 1.1");
    tui.send("lead");
    tui.send(keys::ENTER);
    tui.wait_for("Lead officer (custom) of action 1.1");
    tui.send("\x0c"); // Ctrl-l clears the field
    tui.send("Sam Smith");
    tui.send(keys::ENTER);
    tui.wait_for("[+] unsaved");
    tui.send(keys::CTRL_S);
    tui.wait_for("saved 2013-14.yaml");
    assert_eq!(
        diff_lines(dir.path()),
        [
            "-            lead_officer: Jo Bloggs   # until March",
            "+            lead_officer: Sam Smith   # until March",
        ]
    );
    tui.send("q");
    let status = tui.wait_exit(Duration::from_secs(5));
    assert!(status.success(), "{status:?}");
}
