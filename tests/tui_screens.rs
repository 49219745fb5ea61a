//! The UI's screens and fields without a terminal: keys in, state and screens out. Screens are
//! drawn with ratatui's TestBackend and compared with snapshots at 80x24 and 160x48.

mod common;

use boardplan::tui::Palette;
use boardplan::tui::{App, finish_work, handle_key, handle_paste, perform_headless, render};
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2013, 10, 1).expect("date")
}

fn bundled(relative: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)).expect("plan")
}

/// Runs git in `dir` with fixed names and dates, so commit ids are the same on every run.
fn git(dir: &Path, args: &[&str], date: &str) {
    let status = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=Test Officer",
            "-c",
            "user.email=officer@example.org",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// The bundled 2013-14 plan in a git repository with a second commit (1.1 re-rated).
fn repo_app() -> (tempfile::TempDir, App) {
    let plan = bundled("plans/2013-14.yaml");
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("plans/2013-14.yaml");
    std::fs::create_dir_all(dir.path().join("plans")).expect("plans folder");
    std::fs::write(&file, &plan).expect("write");
    git(dir.path(), &["init", "-q"], "2013-07-01T10:00:00Z");
    git(dir.path(), &["add", "."], "2013-07-01T10:00:00Z");
    git(
        dir.path(),
        &["commit", "-qm", "Plan as published"],
        "2013-07-01T10:00:00Z",
    );
    std::fs::write(&file, plan.replacen("    rag: green", "    rag: amber", 1)).expect("write");
    git(
        dir.path(),
        &["commit", "-qam", "Re-rated 1.1"],
        "2013-09-02T10:00:00Z",
    );
    let app = App::new(vec![file], today(), Palette::Plain);
    (dir, app)
}

fn press(app: &mut App, code: KeyCode) {
    if let Some(effect) = handle_key(app, KeyEvent::new(code, KeyModifiers::NONE)) {
        perform_headless(app, effect);
    }
    finish_work(app);
}

fn ctrl(app: &mut App, c: char) {
    handle_key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn keys(app: &mut App, text: &str) {
    text.chars().for_each(|c| press(app, KeyCode::Char(c)));
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| render(frame, app)).expect("draw");
    format!("{}", terminal.backend())
}

fn selected_ref(app: &App) -> String {
    let pos = app.selected_action().expect("a selected action");
    app.plan()
        .expect("plan")
        .action(pos)
        .expect("action")
        .reference
        .clone()
}

fn message(app: &App) -> String {
    app.ui
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn the_dashboard_has_a_visible_cursor_and_only_its_keys_act() {
    let (_dir, mut app) = repo_app();
    keys(&mut app, "D");
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::PageDown);
    keys(&mut app, "rr");
    assert!(
        !app.year().history.dirty(),
        "r rated nothing on the dashboard"
    );
    assert!(
        message(&app).contains("not on this screen"),
        "{}",
        message(&app)
    );
    insta::assert_snapshot!("dashboard_cursor_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("dashboard_cursor_160x48", screen(&app, 160, 48));
    let shown = screen(&app, 160, 48);
    let chosen = shown
        .lines()
        .find(|l| l.contains('▶') && !l.contains("Overdue") && l.contains("20"))
        .expect("the cursor's row is marked")
        .to_string();
    press(&mut app, KeyCode::Enter);
    assert!(app.ui.popup.is_none());
    assert!(
        chosen.contains(&format!(" {} ", selected_ref(&app))),
        "Enter opened the action under the cursor: {chosen}"
    );
    assert!(screen(&app, 80, 24).contains(&format!(" Action {} ", selected_ref(&app))));
}

#[test]
fn not_updated_since_is_a_screen_with_a_cursor() {
    let (_dir, mut app) = repo_app();
    keys(&mut app, "S");
    assert!(app.ui.versions.is_some(), "the history was read");
    insta::assert_snapshot!("stale_80x24", screen(&app, 80, 24));
    press(&mut app, KeyCode::End);
    keys(&mut app, "x");
    assert!(app.ui.popup.is_none(), "x deletes nothing here");
    let shown = screen(&app, 160, 48);
    insta::assert_snapshot!("stale_end_160x48", shown);
    press(&mut app, KeyCode::Enter);
    assert!(
        shown.contains(&format!("▶ {} ", selected_ref(&app))),
        "Enter opened the last row's action"
    );
    assert_eq!(app.ui.screen, boardplan::tui::Screen::Main);
}

#[test]
fn history_scrolls_and_enter_returns_to_the_action() {
    let (_dir, mut app) = repo_app();
    keys(&mut app, "H");
    press(&mut app, KeyCode::Down);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Action 1.2 across commits"), "{shown}");
    insta::assert_snapshot!("history_80x24", without_commit_ids(&shown));
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected_ref(&app), "1.2");
    assert!(screen(&app, 80, 24).contains(" Action 1.2 "));
}

#[test]
fn a_bad_revision_keeps_the_changes_report() {
    let (_dir, mut app) = repo_app();
    keys(&mut app, "rb");
    keys(&mut app, "C");
    let before = screen(&app, 100, 30);
    assert!(before.contains("1.1  amber → blue"), "{before}");
    keys(&mut app, "v");
    keys(&mut app, "réunion-du-conseil-ééééééééééééééééééé");
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("cannot read 2013-14.yaml at"),
        "{}",
        message(&app)
    );
    let after = screen(&app, 100, 30);
    assert!(
        after.contains("1.1  amber → blue"),
        "the report stayed:\n{after}"
    );
    keys(&mut app, "r");
    assert!(app.ui.popup.is_some(), "r does not act on the main screen");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        selected_ref(&app),
        "1.1",
        "Enter opened the action of the report's line"
    );
}

#[test]
fn cancelling_a_new_action_or_theme_leaves_nothing() {
    let (_dir, mut app) = repo_app();
    let actions = |app: &App| app.plan().expect("plan").actions().count();
    let before = actions(&app);
    keys(&mut app, "a");
    assert_eq!(actions(&app), before + 1);
    press(&mut app, KeyCode::Esc);
    assert_eq!(actions(&app), before, "no \"New action\" left behind");
    assert!(!app.year().history.dirty());
    let themes = |app: &App| app.plan().expect("plan").themes.len();
    let before = themes(&app);
    keys(&mut app, "A");
    keys(&mut app, "x");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert_eq!(themes(&app), before);
}

#[test]
fn search_covers_every_theme_and_marks_the_matches() {
    let (_dir, mut app) = repo_app();
    keys(&mut app, "hjj");
    assert_eq!(app.selected_theme(), Some(1));
    keys(&mut app, "/");
    keys(&mut app, "auditing");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.selected_theme(), None, "all themes");
    assert!(message(&app).contains("in all themes"));
    insta::assert_snapshot!("search_80x24", screen(&app, 80, 24));
}

#[test]
fn the_detail_pane_scrolls_to_its_last_line() {
    let (_dir, mut app) = repo_app();
    keys(&mut app, "jjj");
    let top = screen(&app, 80, 24);
    assert!(top.contains("lines 1–8 of"), "{top}");
    for _ in 0..10 {
        ctrl(&mut app, 'd');
        screen(&app, 80, 24);
    }
    let bottom = screen(&app, 80, 24);
    insta::assert_snapshot!("detail_scrolled_80x24", bottom);
    let total = app.ui.areas.get().detail_lines;
    assert!(bottom.contains(&format!("of {total} ")), "{bottom}");
    assert!(
        bottom.contains(&format!("–{total} of {total}")),
        "the last line is shown"
    );
    press(&mut app, KeyCode::Char('j'));
    assert!(
        screen(&app, 80, 24).contains("lines 1–"),
        "a new action starts at the top"
    );
}

#[test]
fn help_scrolls_to_its_last_line_at_80x24() {
    let (_dir, mut app) = repo_app();
    keys(&mut app, "?");
    screen(&app, 80, 24);
    press(&mut app, KeyCode::End);
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("│                    selects "),
        "the last help line, under its description:\n{shown}"
    );
    insta::assert_snapshot!("help_end_80x24", shown);
}

#[test]
fn owners_are_a_list_and_a_comma_never_splits_a_name() {
    let (_dir, mut app) = repo_app();
    keys(&mut app, "w");
    handle_paste(&mut app, "Head of Service, Early Help");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "q");
    press(&mut app, KeyCode::Down);
    insta::assert_snapshot!("owners_80x24", screen(&app, 80, 24));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let owners = &app.plan().expect("plan").themes[0].actions[0].owners;
    assert_eq!(owners.len(), 3, "{owners:?}");
    assert_eq!(owners[1], "Head of Service, Early Help");
    keys(&mut app, "w");
    press(&mut app, KeyCode::Enter);
    let again = &app.plan().expect("plan").themes[0].actions[0].owners;
    assert_eq!(again.len(), 3, "opening and applying changes nothing");
}

#[test]
fn the_due_field_takes_its_own_value_and_natural_dates() {
    let (_dir, mut app) = repo_app();
    let find = |app: &App, r: &str| app.plan().expect("plan").find_action(r).expect("action");
    let pos = find(&app, "3.2");
    app.select_action(pos);
    keys(&mut app, "d");
    press(&mut app, KeyCode::Enter);
    assert!(
        app.ui.popup.is_none(),
        "the loaded \"31st September 2013\" is accepted"
    );
    assert_eq!(
        app.plan().expect("plan").action(pos).expect("action").due,
        Some(boardplan::model::Due::Text("31st September 2013".into()))
    );
    keys(&mut app, "d");
    ctrl(&mut app, 'l');
    keys(&mut app, "Q3 2014");
    insta::assert_snapshot!("due_quarter_80x24", screen(&app, 80, 24));
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.plan().expect("plan").action(pos).expect("action").due,
        Some(boardplan::model::Due::Month {
            year: 2014,
            month: 9
        })
    );
    assert!(
        message(&app).contains("due of 3.2 changed"),
        "{}",
        message(&app)
    );
    keys(&mut app, "u");
    assert!(
        message(&app).contains("undid: due of 3.2"),
        "{}",
        message(&app)
    );
}

#[test]
fn years_are_ordered_by_period() {
    let dir = tempfile::tempdir().expect("dir");
    let old = dir.path().join("z-old.yaml");
    let new = dir.path().join("a-new.yaml");
    std::fs::write(&old, common::PLAN.replace("2013-14", "2012-13")).expect("write");
    std::fs::write(&new, common::PLAN).expect("write");
    let app = App::new(vec![new.clone(), old.clone()], today(), Palette::Plain);
    assert_eq!(app.years[0].path, old);
    assert_eq!(app.current, 1, "opens on the newest period");
    assert_eq!(app.year().path, new);
}

#[test]
fn the_table_widens_on_a_wide_terminal() {
    let (_dir, app) = repo_app();
    let row = |shown: &str| {
        shown
            .lines()
            .find(|l| l.contains("▶  1.1 "))
            .unwrap_or_default()
            .to_string()
    };
    let wide = row(&screen(&app, 200, 40));
    assert!(
        wide.contains("Quality & Effectiveness Sub") && wide.contains("ongoing"),
        "owners and due have room at 200 columns: {wide}"
    );
    let narrow = row(&screen(&app, 80, 24));
    assert!(
        narrow.contains("Quality &… "),
        "cut text ends in …: {narrow}"
    );
}

#[test]
fn the_plans_own_fields_are_edited_from_the_all_themes_row() {
    let (dir, mut app) = repo_app();
    let file = dir.path().join("plans/2013-14.yaml");
    let before = std::fs::read_to_string(&file).expect("plan");
    keys(&mut app, "h");
    assert!(screen(&app, 80, 24).contains(" The plan · e p O d n w V F · lines 1–"));
    keys(&mut app, "e");
    ctrl(&mut app, 'l');
    keys(&mut app, "Business Plan 2013-2014 (revised)");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.plan().expect("plan").title,
        "Business Plan 2013-2014 (revised)"
    );
    assert!(
        message(&app).contains("title of the plan changed"),
        "{}",
        message(&app)
    );
    keys(&mut app, "d");
    ctrl(&mut app, 'l');
    keys(&mut app, "20/08/2013");
    press(&mut app, KeyCode::Enter);
    assert!(app.ui.popup.is_none());
    if let Some(effect) = handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
    ) {
        perform_headless(&mut app, effect);
    }
    let after = std::fs::read_to_string(&file).expect("plan");
    assert_eq!(
        after,
        before.replace(
            "title: Business Plan 2013-2014\n",
            "title: Business Plan 2013-2014 (revised)\n"
        ),
        "only the title line changed (the date typed is the one it had)"
    );
    keys(&mut app, "u");
    assert!(
        message(&app).contains("undid: title of the plan"),
        "{}",
        message(&app)
    );
}

#[test]
fn search_matches_are_highlighted_in_the_table() {
    let (_dir, path) = common::temp_with("2013-14.yaml", bundled("plans/2013-14.yaml").as_bytes());
    let mut app = App::new(vec![path], today(), Palette::Colour);
    keys(&mut app, "/");
    keys(&mut app, "AUDITING");
    press(&mut app, KeyCode::Enter);
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).expect("terminal");
    terminal.draw(|frame| render(frame, &app)).expect("draw");
    let buffer = terminal.backend().buffer();
    let marked: String = buffer
        .content()
        .iter()
        .filter(|cell| cell.bg == ratatui::style::Color::Yellow)
        .map(|cell| cell.symbol())
        .collect();
    assert_eq!(
        marked, "auditing",
        "the match, in the text's own case, is marked"
    );
}

#[test]
fn the_table_sorts_by_due_rating_and_owner() {
    let (_dir, mut app) = repo_app();
    let column = |app: &App, f: &dyn Fn(&boardplan::model::Action) -> String| -> Vec<String> {
        let plan = app.plan().expect("plan");
        app.rows()
            .iter()
            .map(|p| f(plan.action(*p).expect("action")))
            .collect()
    };
    keys(&mut app, "s");
    assert!(screen(&app, 80, 24).contains("43 shown · by due date"));
    let deadlines: Vec<String> = column(&app, &|a| {
        a.due
            .as_ref()
            .and_then(|d| d.deadline())
            .map_or("~".into(), |d| d.to_string())
    });
    let mut sorted = deadlines.clone();
    sorted.sort();
    assert_eq!(deadlines, sorted, "soonest first, undated last");
    keys(&mut app, "s");
    let rags = column(&app, &|a| {
        a.rag.map_or("?".into(), |r| r.as_str().to_string())
    });
    let first_green = rags.iter().position(|r| r == "green").expect("a green");
    assert!(rags[..first_green].iter().all(|r| r == "amber"), "{rags:?}");
    keys(&mut app, "s");
    let owners = column(&app, &|a| {
        a.owners.first().cloned().unwrap_or_default().to_lowercase()
    });
    let mut sorted = owners.clone();
    sorted.sort();
    assert_eq!(owners, sorted);
    keys(&mut app, "s");
    assert_eq!(
        app.rows()[0],
        app.plan().expect("plan").find_action("1.1").expect("1.1")
    );
}

#[test]
fn the_dashboards_measures_scroll() {
    let source = bundled("examples/peterborough-childrens-trust/2010-11.yaml");
    let (_dir, path) = common::temp_with("2010-11.yaml", source.as_bytes());
    let mut app = App::new(vec![path], today(), Palette::Plain);
    keys(&mut app, "D");
    let top = screen(&app, 80, 24);
    assert!(top.contains(" Measures · 1–"), "{top}");
    let total = app
        .plan()
        .expect("plan")
        .themes
        .iter()
        .map(|t| t.measures.len())
        .sum::<usize>();
    for _ in 0..total {
        ctrl(&mut app, 'd');
    }
    let bottom = screen(&app, 80, 24);
    assert!(
        bottom.contains(&format!("–{total} of {total} ")),
        "the last measure is reachable:\n{bottom}"
    );
}

#[test]
fn hints_follow_what_has_the_keyboard() {
    let (_dir, mut app) = repo_app();
    let hints = |app: &App| {
        screen(app, 100, 30)
            .lines()
            .last()
            .unwrap_or_default()
            .to_string()
    };
    assert!(hints(&app).contains("/ search"), "{}", hints(&app));
    keys(&mut app, "m");
    assert!(hints(&app).contains("a add") && hints(&app).contains("Esc back"));
    assert!(screen(&app, 100, 30).contains("Milestones of 1.1 · a x J/K e p w d r Esc"));
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "r");
    assert!(hints(&app).contains("r a g b rate"), "{}", hints(&app));
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "p");
    assert!(hints(&app).contains("Ctrl-s apply"), "{}", hints(&app));
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "D");
    assert!(hints(&app).contains("Enter open"), "{}", hints(&app));
}

#[test]
fn v_offers_the_branches_and_the_files_recent_commits() {
    let (_dir, mut app) = repo_app();
    keys(&mut app, "C");
    keys(&mut app, "v");
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    let shown = screen(&app, 80, 24);
    insta::assert_snapshot!("revision_commits_80x24", without_commit_ids(&shown));
    assert!(shown.contains("(3/3)"), "the position is shown:\n{shown}");
    assert!(shown.contains("branch  main  2013-09-02"), "{shown}");
    assert!(
        shown.contains("▶ commit") && shown.contains("2013-07-01  Plan as published"),
        "the older commit is chosen:\n{shown}"
    );
    press(&mut app, KeyCode::Enter);
    let report = screen(&app, 100, 30);
    assert!(report.contains("1.1  green → amber"), "{report}");
}

#[test]
fn switching_years_reloads_a_broken_file() {
    let dir = tempfile::tempdir().expect("dir");
    let older = dir.path().join("2012-13.yaml");
    let newer = dir.path().join("2013-14.yaml");
    std::fs::write(&older, common::PLAN.replace("2013-14", "2012-13")).expect("write");
    std::fs::write(&newer, common::PLAN.replace("progress:", "progess:")).expect("write");
    let mut app = App::new(vec![older, newer.clone()], today(), Palette::Plain);
    assert!(app.read_only());
    keys(&mut app, "[");
    std::fs::write(&newer, common::PLAN).expect("fix the file");
    keys(&mut app, "]");
    assert!(!app.read_only(), "the fixed file loaded on switching back");
    assert_eq!(selected_ref(&app), "1.1");
}

/// The screen with each 7-character commit id written as `#######`: the ids depend on the
/// bundled plan's bytes, which the snapshots are not about.
fn without_commit_ids(screen: &str) -> String {
    let chars: Vec<char> = screen.chars().collect();
    let mut out = String::with_capacity(screen.len());
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
            .count();
        let bounded = |at: Option<&char>| at.is_none_or(|c| !c.is_alphanumeric());
        let starts_word = i == 0 || bounded(chars.get(i - 1));
        if run == 7 && starts_word && bounded(chars.get(i + run)) {
            out.push_str("#######");
            i += run;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn marks_and_the_changes_screen_are_since_the_last_meeting() {
    let (dir, _) = repo_app();
    git(
        dir.path(),
        &[
            "tag",
            "-a",
            "meeting/2013-07-15",
            "-m",
            "July board",
            "HEAD~1",
        ],
        "2013-07-15T10:00:00Z",
    );
    let mut app = App::new(
        vec![dir.path().join("plans/2013-14.yaml")],
        today(),
        Palette::Plain,
    );
    finish_work(&mut app);
    let main = screen(&app, 120, 30);
    assert!(main.contains("~ since meeting 2013-07-15"), "{main}");
    assert!(
        main.contains("│▶~ 1.1"),
        "1.1 changed since the meeting:\n{main}"
    );
    keys(&mut app, "C");
    let report = screen(&app, 120, 30);
    assert!(
        report.contains("since meeting/2013-07-15") && report.contains("green → amber"),
        "{report}"
    );
}
