//! The UI's state and update logic without a terminal: keys in, state out.

mod common;

use boardplan::model::{Due, Rag, RagFilter};
use boardplan::tui::Palette;
use boardplan::tui::{App, handle_key};
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2013, 10, 1).expect("date")
}

fn app_with(text: &str) -> (tempfile::TempDir, App) {
    let (dir, path) = common::temp_with("2013-14.yaml", text.as_bytes());
    (dir, App::new(vec![path], today(), Palette::Colour))
}

fn key(app: &mut App, code: KeyCode) {
    handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(app: &mut App, c: char) {
    handle_key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn selected_ref(app: &App) -> String {
    let pos = app.selected_action().expect("a selected action");
    app.plan()
        .and_then(|p| p.action(pos))
        .map(|a| a.reference.clone())
        .expect("action")
}

fn rows(app: &App) -> Vec<String> {
    let plan = app.plan().expect("plan");
    app.rows()
        .iter()
        .map(|p| plan.action(*p).expect("action").reference.clone())
        .collect()
}

#[test]
fn moves_with_arrows_and_vim_keys_and_pages() {
    let (_dir, mut app) = app_with(common::PLAN);
    assert_eq!(selected_ref(&app), "1.1");
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Down);
    assert_eq!(selected_ref(&app), "2.1");
    key(&mut app, KeyCode::Down);
    assert_eq!(selected_ref(&app), "2.1", "stops at the last row");
    key(&mut app, KeyCode::Char('k'));
    assert_eq!(selected_ref(&app), "1.2");
    key(&mut app, KeyCode::Home);
    assert_eq!(selected_ref(&app), "1.1");
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(selected_ref(&app), "2.1");
    key(&mut app, KeyCode::PageUp);
    assert_eq!(selected_ref(&app), "1.1");
}

#[test]
fn selecting_a_theme_shows_its_actions() {
    let (_dir, mut app) = app_with(common::PLAN);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    assert_eq!(app.selected_theme(), Some(1));
    assert_eq!(rows(&app), ["2.1"]);
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Up);
    assert_eq!(
        rows(&app),
        ["1.1", "1.2", "2.1"],
        "the first row is all themes"
    );
}

#[test]
fn search_is_incremental_enter_keeps_esc_cancels() {
    let (_dir, mut app) = app_with(common::PLAN);
    key(&mut app, KeyCode::Char('/'));
    keys(&mut app, "audit");
    assert_eq!(rows(&app), ["2.1"]);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.ui.filter.search, "audit");
    assert_eq!(selected_ref(&app), "2.1");
    key(&mut app, KeyCode::Char('/'));
    keys(&mut app, "zzz");
    assert!(rows(&app).is_empty());
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        app.ui.filter.search, "audit",
        "Esc restores the previous search"
    );
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(rows(&app).len(), 3);
}

#[test]
fn filters_combine_and_clear() {
    let (_dir, mut app) = app_with(common::PLAN);
    keys(&mut app, "fa");
    assert_eq!(app.ui.filter.rag, Some(RagFilter::Rated(Rag::Amber)));
    assert_eq!(rows(&app), ["1.2"]);
    keys(&mut app, "fa");
    assert_eq!(app.ui.filter.rag, None, "the same key turns it off");
    keys(&mut app, "fo");
    assert_eq!(rows(&app), ["1.1", "1.2"]);
    keys(&mut app, "fG");
    assert_eq!(rows(&app), ["1.1"]);
    assert_eq!(app.ui.filter.describe(), "overdue, green but overdue");
    key(&mut app, KeyCode::Esc);
    assert!(!app.ui.filter.is_active());
    keys(&mut app, "fu");
    assert_eq!(rows(&app), ["2.1"]);
}

#[test]
fn owner_view_lists_one_owner_across_themes() {
    let (_dir, mut app) = app_with(common::PLAN);
    key(&mut app, KeyCode::Char('o'));
    keys(&mut app, "sldg");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.ui.filter.owner.as_deref(), Some("SLDG"));
    assert_eq!(app.selected_theme(), None);
    assert_eq!(rows(&app), ["2.1"]);
}

#[test]
fn rag_picker_undo_and_redo() {
    let (_dir, mut app) = app_with(common::PLAN);
    keys(&mut app, "rr");
    assert_eq!(
        app.plan().expect("plan").themes[0].actions[0].rag,
        Some(Rag::Red)
    );
    assert!(app.year().history.dirty());
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(
        app.plan().expect("plan").themes[0].actions[0].rag,
        Some(Rag::Green)
    );
    assert!(
        !app.year().history.dirty(),
        "undoing back to the saved state is clean"
    );
    ctrl(&mut app, 'r');
    assert_eq!(
        app.plan().expect("plan").themes[0].actions[0].rag,
        Some(Rag::Red)
    );
    keys(&mut app, "rx");
    assert_eq!(app.plan().expect("plan").themes[0].actions[0].rag, None);
}

#[test]
fn editing_text_due_and_owners() {
    let (_dir, mut app) = app_with(common::PLAN);
    key(&mut app, KeyCode::Char('p'));
    keys(&mut app, " now");
    key(&mut app, KeyCode::Enter);
    keys(&mut app, "second line");
    ctrl(&mut app, 's');
    let action = &app.plan().expect("plan").themes[0].actions[0];
    assert_eq!(
        action.progress.as_deref(),
        Some("Dataset in place now\nsecond line")
    );
    key(&mut app, KeyCode::Char('d'));
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "31 March 2014");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.plan().expect("plan").themes[0].actions[0].due,
        Some(Due::parse("2014-03-31").expect("date"))
    );
    key(&mut app, KeyCode::Char('w'));
    keys(&mut app, "sl");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.plan().expect("plan").themes[0].actions[0].owners,
        ["QEG", "SLDG"]
    );
    key(&mut app, KeyCode::Char('d'));
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "31/09/2014");
    key(&mut app, KeyCode::Enter);
    assert!(
        app.ui.popup.is_some(),
        "an impossible date keeps the form open"
    );
    key(&mut app, KeyCode::Esc);
    assert!(app.ui.popup.is_some(), "Esc on a changed field asks first");
    key(&mut app, KeyCode::Esc);
    assert!(app.ui.popup.is_none());
}

#[test]
fn add_delete_move_and_renumber_actions() {
    let (_dir, mut app) = app_with(common::PLAN);
    key(&mut app, KeyCode::Char('a'));
    keys(&mut app, " to add");
    ctrl(&mut app, 's');
    assert_eq!(rows(&app), ["1.1", "1.3", "1.2", "2.1"]);
    assert_eq!(selected_ref(&app), "1.3");
    assert_eq!(
        app.plan().expect("plan").themes[0].actions[1].action,
        "New action to add"
    );
    key(&mut app, KeyCode::Char('J'));
    assert_eq!(rows(&app), ["1.1", "1.2", "1.3", "2.1"]);
    key(&mut app, KeyCode::Char('K'));
    key(&mut app, KeyCode::Char('#'));
    assert_eq!(rows(&app), ["1.1", "1.2", "1.3", "2.1"]);
    assert_eq!(
        app.plan().expect("plan").themes[0].actions[1].action,
        "New action to add"
    );
    key(&mut app, KeyCode::Char('x'));
    assert!(app.ui.popup.is_some(), "deleting asks first");
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(rows(&app), ["1.1", "1.3", "2.1"]);
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(rows(&app), ["1.1", "1.2", "1.3", "2.1"]);
}

#[test]
fn themes_are_edited_from_the_themes_pane() {
    let (_dir, mut app) = app_with(common::PLAN);
    key(&mut app, KeyCode::Char('h'));
    key(&mut app, KeyCode::Down);
    keys(&mut app, "ra");
    assert_eq!(app.plan().expect("plan").themes[0].rag, Some(Rag::Amber));
    key(&mut app, KeyCode::Char('e'));
    keys(&mut app, " and prevention");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.plan().expect("plan").themes[0].title,
        "Early help and prevention"
    );
    key(&mut app, KeyCode::Char('a'));
    keys(&mut app, "X");
    key(&mut app, KeyCode::Enter);
    let themes: Vec<String> = app
        .plan()
        .expect("plan")
        .themes
        .iter()
        .map(|t| format!("{} {}", t.reference, t.title))
        .collect();
    assert_eq!(
        themes,
        [
            "1 Early help and prevention",
            "3 New themeX",
            "2 Protection"
        ]
    );
}

#[test]
fn quitting_with_unsaved_changes_asks() {
    let (_dir, mut app) = app_with(common::PLAN);
    key(&mut app, KeyCode::Char('q'));
    assert!(app.ui.quit, "nothing unsaved: quits at once");
    let (_dir, mut app) = app_with(common::PLAN);
    keys(&mut app, "rb");
    key(&mut app, KeyCode::Char('q'));
    assert!(!app.ui.quit && app.ui.popup.is_some());
    key(&mut app, KeyCode::Esc);
    assert!(!app.ui.quit && app.ui.popup.is_none());
    keys(&mut app, "qd");
    assert!(app.ui.quit);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let (_dir, mut app) = app_with(common::PLAN);
    key(&mut app, KeyCode::Char('?'));
    assert!(app.ui.popup.is_some());
    key(&mut app, KeyCode::PageDown);
    key(&mut app, KeyCode::Esc);
    assert!(app.ui.popup.is_none());
}

#[test]
fn a_broken_file_is_read_only() {
    let broken = common::PLAN.replace("progress:", "progess:");
    let (_dir, mut app) = app_with(&broken);
    assert!(app.read_only());
    key(&mut app, KeyCode::Char('r'));
    assert!(
        app.ui
            .message
            .as_ref()
            .is_some_and(|m| m.error && m.text.contains("read-only"))
    );
    assert!(app.ui.popup.is_none());
}

#[test]
fn years_keep_their_own_position_and_edits() {
    let dir = tempfile::tempdir().expect("dir");
    let older = dir.path().join("2012-13.yaml");
    let newer = dir.path().join("2013-14.yaml");
    std::fs::write(&older, common::PLAN.replace("2013-14", "2012-13")).expect("write");
    std::fs::write(&newer, common::PLAN).expect("write");
    let mut app = App::new(vec![older, newer], today(), Palette::Colour);
    assert_eq!(app.current, 1, "opens on the most recent year");
    keys(&mut app, "jrr");
    key(&mut app, KeyCode::Char('['));
    assert_eq!(app.current, 0);
    assert_eq!(selected_ref(&app), "1.1");
    key(&mut app, KeyCode::Char(']'));
    assert_eq!(selected_ref(&app), "1.2");
    assert!(app.year().history.dirty());
    assert_eq!(app.unsaved(), [1]);
}

#[test]
fn milestones_are_added_edited_moved_and_deleted() {
    let (_dir, mut app) = app_with(common::PLAN);
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Char('a'));
    keys(&mut app, ": consult");
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Char('a'));
    keys(&mut app, ": report");
    ctrl(&mut app, 's');
    let texts = |app: &App| -> Vec<String> {
        app.plan().expect("plan").themes[0].actions[0]
            .milestones
            .iter()
            .map(|m| m.milestone.clone())
            .collect()
    };
    assert_eq!(
        texts(&app),
        ["New milestone: consult", "New milestone: report"]
    );
    keys(&mut app, "ra");
    assert_eq!(
        app.plan().expect("plan").themes[0].actions[0].milestones[1].rag,
        Some(Rag::Amber)
    );
    key(&mut app, KeyCode::Char('K'));
    assert_eq!(
        texts(&app),
        ["New milestone: report", "New milestone: consult"]
    );
    keys(&mut app, "xy");
    assert_eq!(texts(&app), ["New milestone: consult"]);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(selected_ref(&app), "1.2", "Esc goes back to the actions");
}

#[test]
fn measures_are_added_and_edited() {
    let (_dir, mut app) = app_with(common::PLAN);
    key(&mut app, KeyCode::Char('M'));
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('p'));
    keys(&mut app, "52.5%");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('d'));
    keys(&mut app, "May 2010");
    key(&mut app, KeyCode::Enter);
    let measure = &app.plan().expect("plan").themes[0].measures[0];
    assert_eq!(measure.measure, "New measure");
    assert_eq!(measure.latest.as_deref(), Some("52.5%"));
    assert_eq!(
        measure.as_of,
        Some(Due::Month {
            year: 2010,
            month: 5
        })
    );
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.plan().expect("plan").themes[0].measures[0].as_of, None);
}

#[test]
fn rows_changed_since_the_last_commit_are_marked() {
    use ratatui::{Terminal, backend::TestBackend};
    let repo = common::repo_with(&[("plans/2013-14.yaml", common::PLAN.as_bytes())]);
    let mut app = App::new(
        vec![repo.path().join("plans/2013-14.yaml")],
        today(),
        Palette::Plain,
    );
    assert!(app.year_mut().ensure_baseline());
    keys(&mut app, "rr");
    keys(&mut app, "G");
    key(&mut app, KeyCode::Char('a'));
    ctrl(&mut app, 's');
    let mut terminal = Terminal::new(TestBackend::new(100, 20)).expect("terminal");
    terminal
        .draw(|f| boardplan::tui::render(f, &app))
        .expect("draw");
    let screen = format!("{}", terminal.backend());
    let row = |reference: &str| {
        screen
            .lines()
            .find(|l| l.contains(&format!(" {reference} ")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(row("1.1").contains("~ 1.1"), "{screen}");
    assert!(row("1.2").contains("  1.2"), "{screen}");
    assert!(row("2.2").contains("+ 2.2"), "{screen}");
}

#[test]
fn the_changes_report_compares_with_the_last_commit() {
    let repo = common::repo_with(&[("plans/2013-14.yaml", common::PLAN.as_bytes())]);
    let mut app = App::new(
        vec![repo.path().join("plans/2013-14.yaml")],
        today(),
        Palette::Plain,
    );
    keys(&mut app, "rr");
    let effect = boardplan::tui::handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('C'), KeyModifiers::NONE),
    );
    assert!(
        effect.is_some(),
        "the report is read from git by the run loop"
    );
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 20)).expect("terminal");
    boardplan::tui::perform_headless(&mut app, effect.expect("effect"));
    // Read on the worker thread; the report opens when the result comes back.
    boardplan::tui::finish_work(&mut app);
    terminal
        .draw(|f| boardplan::tui::render(f, &app))
        .expect("draw");
    let screen = format!("{}", terminal.backend());
    assert!(
        screen.contains("Changes in 2013-14.yaml since HEAD"),
        "{screen}"
    );
    assert!(screen.contains("1.1  green → red (worsened)"), "{screen}");
}
