//! Screens rendered with ratatui's TestBackend at 80x24 and 160x48, with and without colour,
//! compared with the snapshots in tests/snapshots (review changes with `cargo insta review`).

mod common;

use boardplan::tui::Palette;
use boardplan::tui::{App, handle_key, render};
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;

fn open(relative: &str, no_color: bool) -> (tempfile::TempDir, App) {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let name = source
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let (dir, path) = common::temp_with(&name, &std::fs::read(&source).expect("bundled plan"));
    (
        dir,
        App::new(
            vec![path],
            NaiveDate::from_ymd_opt(2013, 10, 1).expect("date"),
            Palette::plain_if(no_color),
        ),
    )
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        handle_key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

fn screen(app: &App, width: u16, height: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| render(frame, app)).expect("draw");
    terminal.backend().clone()
}

#[test]
fn main_screen() {
    let (_dir, mut app) = open("plans/2013-14.yaml", false);
    keys(&mut app, "jjj");
    insta::assert_snapshot!("main_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("main_160x48", screen(&app, 160, 48));
    let (_dir, mut plain) = open("plans/2013-14.yaml", true);
    keys(&mut plain, "jjj");
    insta::assert_snapshot!("main_80x24_no_color", screen(&plain, 80, 24));
}

#[test]
fn theme_with_measures() {
    let (_dir, mut app) = open("examples/peterborough-childrens-trust/2010-11.yaml", false);
    keys(&mut app, "hj");
    insta::assert_snapshot!("theme_measures_160x48", screen(&app, 160, 48));
}

#[test]
fn dashboard() {
    let (_dir, mut app) = open("plans/2013-14.yaml", false);
    keys(&mut app, "D");
    insta::assert_snapshot!("dashboard_160x48", screen(&app, 160, 48));
    let (_dir, mut plain) = open("examples/peterborough-childrens-trust/2010-11.yaml", true);
    keys(&mut plain, "D");
    insta::assert_snapshot!("dashboard_80x24_no_color", screen(&plain, 80, 24));
}

#[test]
fn popups() {
    let (_dir, mut app) = open("plans/2013-14.yaml", false);
    keys(&mut app, "?");
    insta::assert_snapshot!("help_80x24", screen(&app, 80, 24));
    handle_key(&mut app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    keys(&mut app, "r");
    insta::assert_snapshot!("rag_picker_80x24", screen(&app, 80, 24));
    handle_key(&mut app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    keys(&mut app, "d");
    insta::assert_snapshot!("due_form_80x24", screen(&app, 80, 24));
    handle_key(&mut app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    keys(&mut app, "f");
    insta::assert_snapshot!("filter_menu_80x24", screen(&app, 80, 24));
}

#[test]
fn broken_file_is_shown_read_only() {
    let broken = common::PLAN.replace("progress:", "progess:");
    let (_dir, path) = common::temp_with("2013-14.yaml", broken.as_bytes());
    let app = App::new(
        vec![path],
        NaiveDate::from_ymd_opt(2013, 10, 1).expect("date"),
        Palette::Colour,
    );
    insta::assert_snapshot!("broken_80x24", screen(&app, 80, 24));
}

#[test]
fn export_dialog() {
    let (_dir, mut app) = open("plans/2013-14.yaml", false);
    // Theme 1 selected and only amber actions shown: three scopes to choose from.
    keys(&mut app, "hjlfaX");
    boardplan::tui::finish_work(&mut app);
    let press = |app: &mut App, code| {
        handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
    };
    keys(&mut app, "x");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    // The file field holds the temporary folder's path: typed over, so the screen is the same
    // on every machine.
    handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL),
    );
    keys(&mut app, "papers/2013-14-board-paper-amber.xlsx");
    insta::assert_snapshot!("export_dialog_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("export_dialog_160x48", screen(&app, 160, 48));
    handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL),
    );
    keys(&mut app, "/no/such/folder/paper.xlsx");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("export_dialog_error_80x24", screen(&app, 80, 24));
}
