//! The new year from the UI: keys in, a new file and the app on it out.

use super::next_period;
use crate::tui::Palette;
use crate::tui::forms::Popup;
use crate::tui::{App, handle_key};
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(app: &mut App, code: KeyCode) {
    handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

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

#[test]
fn the_next_period_is_written_like_this_one() {
    assert_eq!(next_period("2013-14").as_deref(), Some("2014-15"));
    assert_eq!(next_period("2013-2014").as_deref(), Some("2014-2015"));
    assert_eq!(next_period("2015-17").as_deref(), Some("2017-19"));
    assert_eq!(next_period("2099/00").as_deref(), Some("2100/01"));
    assert_eq!(next_period("next year"), None);
}

#[test]
fn n_writes_the_new_year_shows_the_summary_and_switches() {
    let (dir, mut app) = bundled_app();
    let before = app.plan().expect("plan").clone();
    press(&mut app, KeyCode::Char('N'));
    let Some(Popup::NewYear(form)) = &app.ui.popup else {
        panic!("the period field");
    };
    assert_eq!(form.text(), "2014-15");
    press(&mut app, KeyCode::Enter);

    let written = dir.path().join("2014-15.yaml");
    let bytes = std::fs::read(&written).expect("the new file");
    let plan = crate::store::load(&bytes).expect("loads").plan;
    assert_eq!(plan.period, "2014-15");
    let unfinished: Vec<String> = before
        .actions()
        .filter(|(_, a)| a.rating() != Some(crate::model::Rag::Blue))
        .map(|(_, a)| a.reference.clone())
        .collect();
    let carried: Vec<String> = plan.actions().map(|(_, a)| a.reference.clone()).collect();
    assert_eq!(carried, unfinished);
    assert_eq!(app.years.len(), 2);
    assert_eq!(app.year().path, written);
    let Some(Popup::Report(report)) = &app.ui.popup else {
        panic!("the summary");
    };
    assert!(report.lines[0].starts_with(&format!(
        "Wrote 2014-15.yaml: {} actions carried forward from 2013-14",
        unfinished.len()
    )));
    assert!(
        report
            .lines
            .iter()
            .any(|l| l.starts_with("Completed in 2013-14"))
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.year().name(), "2013-14.yaml");

    // Again from 2013-14: the file exists, so nothing is written and the field says why.
    press(&mut app, KeyCode::Char('N'));
    press(&mut app, KeyCode::Enter);
    let Some(Popup::NewYear(form)) = &app.ui.popup else {
        panic!("the field stays open");
    };
    assert!(
        form.error
            .as_deref()
            .is_some_and(|e| e.contains("already exists"))
    );
    assert_eq!(std::fs::read(&written).expect("unchanged"), bytes);
    assert_eq!(app.years.len(), 2);
}

#[test]
fn unsaved_edits_and_bad_periods_write_nothing() {
    let (dir, mut app) = bundled_app();
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Char('N'));
    assert!(app.ui.popup.is_none());
    let said = app
        .ui
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(said.starts_with("save first"), "{said}");
    app.year_mut().undo();
    press(&mut app, KeyCode::Char('N'));
    handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL),
    );
    for c in "soon".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    let Some(Popup::NewYear(form)) = &app.ui.popup else {
        panic!("the field stays open");
    };
    assert!(form.error.is_some());
    let files = std::fs::read_dir(dir.path()).expect("dir").count();
    assert_eq!(files, 1, "nothing written");
}
