//! The update round's keys in, state out, against a meeting tag in a real repository.

use crate::tui::Palette;
use crate::tui::effect::Effect;
use crate::tui::forms::Popup;
use crate::tui::{App, finish_work, handle_key, perform_headless};
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Officer", "-c", "user.email=o@example.org"])
        .args(args)
        .output()
        .expect("git");
    assert!(out.status.success(), "git {args:?}");
}

const PLAN: &str = "\
board: Test Board
period: 2013-14
title: Business Plan 2013-2014
themes:
- ref: '1'
  title: Early help
  actions:
  - ref: '1.1'
    action: Monitor the dataset
    due: 2014-07-31
    progress: Dataset in place
    rag: green
  - ref: '1.2'
    action: Publish the threshold document
    due: 2013-09
    progress: Drafted
    rag: amber
  - ref: '1.3'
    action: Train the staff
    due: 2014-03
    progress: Planned
    rag: red
  - ref: '1.4'
    action: Done already
    due: 2013-06
    progress: Finished
    rag: blue
";

/// A repository whose plan is tagged as a meeting, then 1.1 got new progress.
fn app_after_meeting() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp");
    git(dir.path(), &["init", "-q"]);
    let path = dir.path().join("2013-14.yaml");
    std::fs::write(&path, PLAN).expect("write");
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "start"]);
    git(
        dir.path(),
        &["tag", "-a", "meeting/2013-09-10", "-m", "meeting"],
    );
    let later = PLAN.replace("Dataset in place", "Dataset reviewed in September");
    std::fs::write(&path, later).expect("write");
    git(dir.path(), &["commit", "-q", "-am", "progress on 1.1"]);
    let today = NaiveDate::from_ymd_opt(2013, 10, 1).expect("date");
    (dir, App::new(vec![path], today, Palette::Colour))
}

fn press(app: &mut App, code: KeyCode) -> Option<Effect> {
    handle_key(app, KeyEvent::new(code, KeyModifiers::NONE))
}

fn round_state(app: &App) -> (String, Vec<String>, usize, usize) {
    let Some(Popup::Round(round)) = &app.ui.popup else {
        panic!("expected the round, got {:?}", app.ui.popup);
    };
    let plan = app.plan().expect("plan");
    let refs = round
        .items
        .iter()
        .map(|(p, _, _)| plan.action(*p).expect("action").reference.clone())
        .collect();
    (round.since.clone(), refs, round.at, round.left(plan))
}

#[test]
fn walks_the_actions_not_updated_since_the_meeting_red_or_overdue() {
    let (_dir, mut app) = app_after_meeting();
    let effect = press(&mut app, KeyCode::Char('R'));
    perform_headless(&mut app, effect.expect("reads the meeting on the worker"));
    finish_work(&mut app);
    let (since, refs, at, left) = round_state(&app);
    assert_eq!(since, "meeting/2013-09-10");
    assert_eq!(refs, ["1.2", "1.3"], "1.1 was updated since; 1.4 is blue");
    assert_eq!((at, left), (0, 2));

    press(&mut app, KeyCode::Char('g'));
    let pos = app.plan().and_then(|p| p.find_action("1.2")).expect("1.2");
    assert_eq!(
        app.plan().and_then(|p| p.action(pos)).and_then(|a| a.rag),
        Some(crate::model::Rag::Green)
    );
    assert_eq!(round_state(&app).3, 1, "one left");

    press(&mut app, KeyCode::Right);
    assert_eq!(round_state(&app).2, 1);
    press(&mut app, KeyCode::Char('p'));
    for c in " and booked".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    handle_key(&mut app, KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
    let pos = app.plan().and_then(|p| p.find_action("1.3")).expect("1.3");
    assert_eq!(
        app.plan()
            .and_then(|p| p.action(pos))
            .and_then(|a| a.progress.clone())
            .as_deref(),
        Some("Planned and booked")
    );
    assert_eq!(round_state(&app).3, 0, "none left");
    press(&mut app, KeyCode::Right);
    assert_eq!(round_state(&app).2, 1, "stops at the last");
    press(&mut app, KeyCode::Left);
    assert_eq!(round_state(&app).2, 0);

    press(&mut app, KeyCode::Char('u'));
    assert_eq!(round_state(&app).3, 1, "undo brings one back");
    handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL),
    );
    assert_eq!(round_state(&app).3, 1, "Ctrl-r is not a rating");
    let save = handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
    );
    assert_eq!(save, Some(Effect::Save { overwrite: false }));
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Char('!'));
    handle_key(&mut app, KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
    press(&mut app, KeyCode::Esc);
    assert!(app.ui.popup.is_none());
    assert!(app.year().history.dirty());
    let text = app
        .ui
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert_eq!(
        text, "round ended: 1 of 2 left (Ctrl-s saves)",
        "1.3's progress was undone"
    );
}

#[test]
fn without_a_meeting_tag_the_round_compares_with_the_last_commit() {
    let dir = tempfile::tempdir().expect("temp");
    git(dir.path(), &["init", "-q"]);
    let path = dir.path().join("2013-14.yaml");
    std::fs::write(&path, PLAN).expect("write");
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "start"]);
    let today = NaiveDate::from_ymd_opt(2013, 8, 1).expect("date");
    let mut app = App::new(vec![path], today, Palette::Colour);
    let effect = press(&mut app, KeyCode::Char('R'));
    perform_headless(&mut app, effect.expect("effect"));
    finish_work(&mut app);
    let (since, refs, _, _) = round_state(&app);
    assert_eq!(since, "the last commit");
    assert_eq!(refs, ["1.1", "1.2", "1.3"]);
}

#[test]
fn rating_an_action_as_it_was_confirms_it() {
    let (_dir, mut app) = app_after_meeting();
    let effect = press(&mut app, KeyCode::Char('R'));
    perform_headless(&mut app, effect.expect("effect"));
    finish_work(&mut app);
    assert_eq!(round_state(&app).3, 2);
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(round_state(&app).3, 1, "1.2 confirmed amber");
    assert!(!app.year().history.dirty(), "no edit was made");
}
