//! A rating derived from milestones (an unrated action whose milestones are rated) is shown,
//! counted and marked as derived on every screen: the table, the detail pane, the theme's
//! counts, the dashboard, "not updated since" and the update round.

mod common;

use boardplan::tui::Palette;
use boardplan::tui::{App, Screen, finish_work, handle_key, perform_headless, render};
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// 1.1 has no rating of its own; its open milestones are green and amber (one blue): amber,
/// derived from milestone 2. It is overdue on the test's day. 1.2 is rated; 1.3 is not.
const PLAN: &str = "\
board: Test Board
period: 2013-14
title: Business Plan
themes:
- ref: '1'
  title: Early help
  actions:
  - ref: '1.1'
    action: Build the early help offer
    due: 2013-06
    milestones:
    - milestone: Agree the model
      rag: green
    - milestone: Recruit the team
      rag: amber
    - milestone: Publish the offer
      rag: blue
  - ref: '1.2'
    action: Audit the files
    rag: red
  - ref: '1.3'
    action: Train the staff
";

fn open(no_color: bool) -> (tempfile::TempDir, App) {
    let dir = common::repo_with(&[("plans/2013-14.yaml", PLAN.as_bytes())]);
    let file = dir.path().join("plans/2013-14.yaml");
    let today = NaiveDate::from_ymd_opt(2013, 10, 1).expect("date");
    (
        dir,
        App::new(vec![file], today, Palette::plain_if(no_color)),
    )
}

fn press(app: &mut App, code: KeyCode) {
    if let Some(effect) = handle_key(app, KeyEvent::new(code, KeyModifiers::NONE)) {
        perform_headless(app, effect);
    }
    finish_work(app);
}

fn keys(app: &mut App, text: &str) {
    text.chars().for_each(|c| press(app, KeyCode::Char(c)));
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| render(frame, app)).expect("draw");
    format!("{}", terminal.backend())
}

/// The screen's line holding `text`.
fn line_with(shown: &str, text: &str) -> String {
    shown
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?} in\n{shown}"))
        .to_string()
}

#[test]
fn the_table_and_detail_pane_mark_a_derived_rating() {
    let (_dir, app) = open(true);
    let wide = screen(&app, 160, 48);
    assert!(
        line_with(&wide, "Build the early help offer").contains("[a]"),
        "the table shows the derived rating in lower case:\n{wide}"
    );
    assert!(line_with(&wide, "Audit the files").contains("[R]"));
    assert!(line_with(&wide, "Train the staff").contains("[?]"));
    let detail = line_with(&wide, "derived from");
    assert!(
        detail.contains("[a] amber — derived from milestone 2 (no rating"),
        "{detail}"
    );
    let narrow = screen(&app, 80, 24);
    assert!(
        narrow.contains("amber — derived from"),
        "readable at 80x24 too:\n{narrow}"
    );
    assert!(!narrow.contains("not yet rated"), "{narrow}");
}

#[test]
fn a_derived_rating_counts_in_the_themes_and_the_dashboard() {
    let (_dir, mut app) = open(true);
    keys(&mut app, "hj");
    let theme = screen(&app, 160, 48);
    assert!(
        theme.contains("3 actions (1 derived from milestones): 1"),
        "{theme}"
    );
    assert!(theme.contains("red, 1 amber, 0 green"), "{theme}");
    keys(&mut app, "D");
    let dashboard = screen(&app, 160, 48);
    assert!(
        dashboard.contains("All: 3 actions · 1 red · 1 amber · 0 green · 0 blue · 1 unrated"),
        "{dashboard}"
    );
    assert!(
        dashboard.contains("1 of these ratings is derived from milestones (lower-case badges)"),
        "{dashboard}"
    );
    let overdue = line_with(&dashboard, "Build the early help");
    assert!(
        overdue.contains("[a] 1.1"),
        "overdue list marks it: {overdue}"
    );
    let unrated = dashboard
        .lines()
        .skip_while(|l| !l.contains("Not yet rated"))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(unrated.contains("1.3"), "{unrated}");
    assert!(
        !unrated.contains("1.1 "),
        "a derived rating is a rating: {unrated}"
    );
}

#[test]
fn not_updated_since_and_the_round_mark_a_derived_rating() {
    let (_dir, mut app) = open(true);
    keys(&mut app, "S");
    assert_eq!(app.ui.screen, Screen::Stale);
    let stale = screen(&app, 160, 48);
    assert!(
        line_with(&stale, "Build the early help").contains("[a]"),
        "{stale}"
    );
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "R");
    let round = screen(&app, 160, 48);
    assert!(round.contains("Build the early help"), "{round}");
    assert!(
        round.contains("[a] amber (from milestones)"),
        "the round's now and then: {round}"
    );
}
