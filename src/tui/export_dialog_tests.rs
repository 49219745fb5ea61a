//! The export dialog without a terminal: keys in, the choices, the file written and the status
//! line out (the writing runs on the worker, as in the app).

use super::{ExportDialog, Meeting, Part, Stage, Travel};
use crate::export::Earlier;
use crate::model::{Filter, Rag, RagFilter};
use crate::tui::Palette;
use crate::tui::forms::Popup;
use crate::tui::{App, finish_work, handle_key, perform_headless};
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn bundled_app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("2013-14.yaml");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/plans/2013-14.yaml"),
        &path,
    )
    .expect("copy");
    let today = NaiveDate::from_ymd_opt(2014, 3, 20).expect("date");
    (dir, App::new(vec![path], today, Palette::Colour))
}

/// Presses a key, performing the effect it asks for and waiting for the worker.
fn press(app: &mut App, code: KeyCode) {
    if let Some(effect) = handle_key(app, KeyEvent::new(code, KeyModifiers::NONE)) {
        perform_headless(app, effect);
    }
    finish_work(app);
}

fn dialog(app: &App) -> &ExportDialog {
    match &app.ui.popup {
        Some(Popup::Export(dialog)) => dialog,
        other => panic!("the export dialog, not {other:?}"),
    }
}

#[test]
fn the_file_name_follows_the_format_and_scope_until_typed() {
    let (dir, mut app) = bundled_app();
    app.year_mut().cursor.theme_row = 2;
    press(&mut app, KeyCode::Char('X'));
    let folder = std::path::absolute(dir.path()).expect("absolute");
    let named = |name: &str| folder.join(name).display().to_string();
    assert_eq!(dialog(&app).path.text(), named("2013-14-board-paper.html"));
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(dialog(&app).path.text(), named("2013-14-board-paper.xlsx"));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    assert_eq!(dialog(&app).scopes[1].label.split(' ').nth(1), Some("2"));
    assert_eq!(
        dialog(&app).path.text(),
        named("2013-14-board-paper-theme-2.xlsx")
    );
    // A name typed keeps its name; the format only changes its extension.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(dialog(&app).part, Part::Path);
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    for c in "mine.csv".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('h'));
    assert!(dialog(&app).path.text().ends_with("-2mine.html"));
}

#[test]
fn scopes_name_the_theme_and_the_filter_and_count_their_actions() {
    let (_dir, mut app) = bundled_app();
    app.ui.filter = Filter {
        rag: Some(RagFilter::Rated(Rag::Green)),
        ..Filter::default()
    };
    let shown = app.rows().len();
    press(&mut app, KeyCode::Char('X'));
    let scopes = &dialog(&app).scopes;
    assert_eq!(scopes.len(), 2, "whole plan, then as shown: {scopes:?}");
    assert_eq!(scopes[0].count, app.plan().expect("plan").actions().count());
    assert_eq!(scopes[1].label, "As shown (current filter): green");
    assert_eq!(scopes[1].count, shown);
    assert!(shown > 0 && shown < scopes[0].count);
}

#[test]
fn enter_writes_the_paper_and_says_where() {
    let (dir, mut app) = bundled_app();
    press(&mut app, KeyCode::Char('X'));
    assert_eq!(dialog(&app).meeting, Meeting::NotInGit);
    press(&mut app, KeyCode::Enter);
    assert!(app.ui.popup.is_none(), "written: the dialog closes");
    let out = std::path::absolute(dir.path().join("2013-14-board-paper.html")).expect("abs");
    let html = std::fs::read_to_string(&out).expect("the paper");
    assert!(html.starts_with("<!DOCTYPE html>"));
    let count = app.plan().expect("plan").actions().count();
    let said = app.ui.message.as_ref().expect("a message").text.clone();
    assert_eq!(
        said,
        format!("board paper written: {}, {count} actions", out.display())
    );
    // Again: the file exists, so the dialog asks; n goes back, y replaces.
    press(&mut app, KeyCode::Char('X'));
    press(&mut app, KeyCode::Char('c'));
    std::fs::write(out.with_extension("csv"), "old").expect("old csv");
    press(&mut app, KeyCode::Enter);
    assert_eq!(dialog(&app).stage, Stage::Replace);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(dialog(&app).stage, Stage::Editing);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('y'));
    assert!(app.ui.popup.is_none());
    let csv = std::fs::read(out.with_extension("csv")).expect("csv");
    assert!(csv.starts_with("\u{feff}theme_ref,".as_bytes()));
}

#[test]
fn a_bad_folder_is_said_in_the_dialog_which_stays_open() {
    let (dir, mut app) = bundled_app();
    press(&mut app, KeyCode::Char('X'));
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    let Some(Popup::Export(dialog)) = &mut app.ui.popup else {
        panic!("dialog");
    };
    assert_eq!(dialog.part, Part::Path);
    dialog.path.clear();
    dialog.path.paste("no/such/paper.html");
    press(&mut app, KeyCode::Enter);
    let error = dialog_error(&app);
    assert!(error.contains("the folder"), "{error}");
    assert!(error.contains("no/such does not exist"), "{error}");
    assert!(!dir.path().join("no").exists());
}

fn dialog_error(app: &App) -> String {
    dialog(app).error.clone().unwrap_or_default()
}

#[test]
fn a_revision_is_typed_or_a_date_and_an_empty_one_is_refused() {
    let (_dir, mut app) = bundled_app();
    press(&mut app, KeyCode::Char('X'));
    let Some(Popup::Export(dialog)) = &mut app.ui.popup else {
        panic!("dialog");
    };
    dialog.meeting = Meeting::NoTag;
    dialog.travel = Travel::Revision;
    assert!(dialog.request().is_err_and(|e| e.contains("type a commit")));
    dialog.revision.paste("2013-09-01");
    assert_eq!(
        dialog.request().expect("request").since,
        Some(Earlier::Before(
            NaiveDate::from_ymd_opt(2013, 9, 1).expect("date")
        ))
    );
    dialog.revision.clear();
    dialog.revision.paste("v1.2");
    assert_eq!(
        dialog.request().expect("request").since,
        Some(Earlier::Revision("v1.2".into()))
    );
}

#[test]
fn a_file_with_errors_has_nothing_to_export() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("2013-14.yaml");
    std::fs::write(&path, "board: B\nperiod: 2013-14\nthemes: [\n").expect("write");
    let today = NaiveDate::from_ymd_opt(2014, 3, 20).expect("date");
    let mut app = App::new(vec![path], today, Palette::Colour);
    press(&mut app, KeyCode::Char('X'));
    assert!(app.ui.popup.is_none());
    let said = app.ui.message.as_ref().expect("a message");
    assert!(
        said.error && said.text.contains("nothing to export"),
        "{said:?}"
    );
}

#[test]
fn a_search_and_green_but_overdue_scope_writes_what_the_table_shows() {
    let (dir, mut app) = bundled_app();
    app.ui.filter = Filter {
        search: "dataset".into(),
        ..Filter::default()
    };
    let shown: Vec<String> = app
        .rows()
        .iter()
        .filter_map(|p| app.plan()?.action(*p).map(|a| a.reference.clone()))
        .collect();
    press(&mut app, KeyCode::Char('X'));
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    assert_eq!(dialog(&app).scopes[1].count, shown.len());
    // A name ending in another format's extension is refused, in the dialog.
    let Some(Popup::Export(open)) = &mut app.ui.popup else {
        panic!("dialog");
    };
    let suggested = open.path.text();
    open.path.clear();
    open.path.paste(&suggested.replace(".csv", ".xlsx"));
    press(&mut app, KeyCode::Enter);
    assert!(dialog_error(&app).contains("ends in .xlsx but the format is CSV"));
    let Some(Popup::Export(open)) = &mut app.ui.popup else {
        panic!("dialog");
    };
    open.path.clear();
    open.path.paste(&suggested);
    press(&mut app, KeyCode::Enter);
    let csv =
        std::fs::read_to_string(dir.path().join("2013-14-board-paper-filtered.csv")).expect("csv");
    let written: Vec<String> =
        csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .map(|r| r.expect("record")[2].to_string())
            .collect();
    assert_eq!(written, shown);
    assert!(
        app.ui
            .message
            .as_ref()
            .is_some_and(|m| m.text.contains("(current filter): /dataset"))
    );

    app.ui.filter = Filter {
        green_but_overdue: true,
        ..Filter::default()
    };
    let shown = app.rows().len();
    press(&mut app, KeyCode::Char('X'));
    assert_eq!(dialog(&app).scopes[1].count, shown);
    assert!(shown > 0);
}
