//! The git popup's keys in, state out, with the work done for real in a temporary repository.

use super::{GitDialog, Request};
use crate::tui::Palette;
use crate::tui::effect::Effect;
use crate::tui::forms::Popup;
use crate::tui::{App, finish_work, handle_key, perform_headless};
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .expect("git");
    assert!(out.status.success(), "git {args:?}");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A repository with the bundled plan committed, and the app on it.
fn repo_app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp");
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["config", "user.name", "Officer"]);
    git(dir.path(), &["config", "user.email", "officer@example.org"]);
    let path = dir.path().join("2013-14.yaml");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/plans/2013-14.yaml"),
        &path,
    )
    .expect("copy");
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "start"]);
    let today = NaiveDate::from_ymd_opt(2013, 10, 1).expect("date");
    let mut app = App::new(vec![path], today, Palette::Colour);
    app.year_mut().ensure_baseline();
    (dir, app)
}

fn press(app: &mut App, code: KeyCode) -> Option<Effect> {
    handle_key(app, KeyEvent::new(code, KeyModifiers::NONE))
}

fn run(app: &mut App, effect: Option<Effect>) {
    perform_headless(app, effect.expect("an effect"));
    finish_work(app);
}

fn dialog(app: &App) -> &GitDialog {
    match &app.ui.popup {
        Some(Popup::Git(dialog)) => dialog,
        other => panic!("expected the git popup, got {other:?}"),
    }
}

fn message(app: &App) -> String {
    app.ui
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

fn rate_3_2_green(app: &mut App) {
    let pos = app.plan().and_then(|p| p.find_action("3.2")).expect("3.2");
    app.year_mut()
        .apply(crate::model::Edit::SetAction {
            at: pos,
            field: crate::model::ActionField::Rag,
            value: crate::model::FieldValue::Rag(Some(crate::model::Rag::Green)),
        })
        .expect("rate");
}

#[test]
fn commit_asks_to_save_first_then_drafts_and_commits() {
    let (dir, mut app) = repo_app();
    rate_3_2_green(&mut app);
    assert_eq!(press(&mut app, KeyCode::Char('W')), None);
    assert!(app.ui.popup.is_none());
    assert_eq!(message(&app), "save first (Ctrl-s), then W commits");

    perform_headless(&mut app, Effect::Save { overwrite: false });
    assert_eq!(press(&mut app, KeyCode::Char('W')), None);
    let GitDialog::Commit(form) = dialog(&app) else {
        panic!("the commit form");
    };
    assert_eq!(form.text(), "Rate 3.2 green");
    for c in " before the meeting".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let effect = press(&mut app, KeyCode::Enter);
    assert_eq!(
        effect,
        Some(Effect::Git(Request::Commit(
            "Rate 3.2 green before the meeting".into()
        )))
    );
    assert!(matches!(dialog(&app), GitDialog::Busy(_)));
    run(&mut app, effect);
    assert!(app.ui.popup.is_none());
    assert!(message(&app).starts_with("committed "), "{}", message(&app));
    assert_eq!(
        git(dir.path(), &["log", "-1", "--format=%s"]),
        "Rate 3.2 green before the meeting"
    );
}

#[test]
fn an_empty_message_keeps_the_form_open() {
    let (_dir, mut app) = repo_app();
    press(&mut app, KeyCode::Char('W'));
    handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL),
    );
    assert_eq!(press(&mut app, KeyCode::Enter), None);
    let GitDialog::Commit(form) = dialog(&app) else {
        panic!("still the commit form");
    };
    assert!(form.error.is_some());
    assert_eq!(press(&mut app, KeyCode::Esc), None);
    assert!(app.ui.popup.is_none());
}

#[test]
fn tag_warns_about_uncommitted_plans_and_never_moves_a_tag() {
    let (dir, mut app) = repo_app();
    rate_3_2_green(&mut app);
    perform_headless(&mut app, Effect::Save { overwrite: false });
    let effect = press(&mut app, KeyCode::Char('T'));
    assert_eq!(effect, Some(Effect::Git(Request::PrepareTag)));
    run(&mut app, effect);
    let GitDialog::Tag {
        form,
        uncommitted,
        meetings,
    } = dialog(&app)
    else {
        panic!("the tag form");
    };
    assert_eq!(form.text(), "meeting/2013-10-01");
    assert_eq!(uncommitted, &["2013-14.yaml"]);
    assert!(meetings.is_empty(), "{meetings:?}");
    let effect = press(&mut app, KeyCode::Enter);
    run(&mut app, effect);
    assert!(
        message(&app).contains("meeting/2013-10-01"),
        "{}",
        message(&app)
    );
    assert_eq!(
        git(dir.path(), &["cat-file", "-t", "meeting/2013-10-01"]),
        "tag"
    );

    let effect = press(&mut app, KeyCode::Char('T'));
    run(&mut app, effect);
    let GitDialog::Tag { meetings, .. } = dialog(&app) else {
        panic!("the tag form");
    };
    let version = app.plan().and_then(|p| p.version.clone());
    let shown = version.unwrap_or_else(|| "(no version)".into());
    assert_eq!(
        meetings,
        &[format!(
            "2013-10-01  version {shown}  Officer  Board meeting 2013-10-01"
        )]
    );
    let effect = press(&mut app, KeyCode::Enter);
    run(&mut app, effect);
    let GitDialog::Outcome { lines, .. } = dialog(&app) else {
        panic!("the outcome");
    };
    assert!(lines[0].contains("already exists"), "{lines:?}");
    press(&mut app, KeyCode::Esc);
    assert!(app.ui.popup.is_none());
}

#[test]
fn sync_without_a_remote_says_so_plainly() {
    let (_dir, mut app) = repo_app();
    let effect = press(&mut app, KeyCode::Char('P'));
    assert_eq!(effect, Some(Effect::Git(Request::Sync)));
    run(&mut app, effect);
    let GitDialog::Outcome {
        lines, conflict, ..
    } = dialog(&app)
    else {
        panic!("the outcome");
    };
    assert!(!conflict);
    assert!(lines[0].contains("no git remote"), "{lines:?}");
}

#[test]
fn sync_with_saved_changes_not_committed_asks_to_commit_first() {
    let (_dir, mut app) = repo_app();
    rate_3_2_green(&mut app);
    perform_headless(&mut app, Effect::Save { overwrite: false });
    let effect = press(&mut app, KeyCode::Char('P'));
    run(&mut app, effect);
    let GitDialog::Outcome { lines, .. } = dialog(&app) else {
        panic!("the outcome");
    };
    assert_eq!(
        lines[0],
        "2013-14.yaml has saved changes not committed yet: W commits them, then P syncs"
    );
}

#[test]
fn a_conflict_outcome_offers_a_to_abandon_the_merge() {
    let (_dir, mut app) = repo_app();
    app.ui.popup = Some(Popup::Git(Box::new(GitDialog::Outcome {
        title: "Sync stopped".into(),
        lines: vec![],
        conflict: true,
    })));
    assert_eq!(
        press(&mut app, KeyCode::Char('a')),
        Some(Effect::Git(Request::AbortMerge))
    );
    assert!(matches!(dialog(&app), GitDialog::Busy(_)));
    press(&mut app, KeyCode::Esc);
    assert!(app.ui.popup.is_none(), "Esc hides the busy popup");
}

#[test]
fn outside_git_nothing_is_committed() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("2013-14.yaml");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/plans/2013-14.yaml"),
        &path,
    )
    .expect("copy");
    let today = NaiveDate::from_ymd_opt(2013, 10, 1).expect("date");
    let mut app = App::new(vec![path], today, Palette::Colour);
    press(&mut app, KeyCode::Char('W'));
    let effect = press(&mut app, KeyCode::Enter);
    run(&mut app, effect);
    let GitDialog::Outcome { lines, .. } = dialog(&app) else {
        panic!("the outcome");
    };
    assert!(lines[0].contains("not kept in git"), "{lines:?}");
}

#[test]
fn each_conflict_gets_a_side_before_the_merge_is_finished() {
    use crate::review::git_sync::ConflictFile;
    use crate::review::merge::Side;
    use crate::review::resolve::Block;
    let (_dir, mut app) = repo_app();
    let block = |reference: &str| Block {
        reference: Some(reference.into()),
        ours: "    rag: green\n".into(),
        theirs: "    rag: red\n".into(),
        fields: Vec::new(),
    };
    let files = vec![
        ConflictFile {
            path: "plans/a.yaml".into(),
            blocks: vec![block("1.1"), block("3.2")],
        },
        ConflictFile {
            path: "plans/b.yaml".into(),
            blocks: vec![block("2.1")],
        },
    ];
    let resolving = crate::tui::git_resolve::Resolving::new(files);
    app.ui.popup = Some(Popup::Git(Box::new(GitDialog::Resolve(Box::new(
        resolving,
    )))));
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(press(&mut app, KeyCode::Enter), None, "two still open");
    let GitDialog::Resolve(resolving) = dialog(&app) else {
        panic!("still choosing");
    };
    assert_eq!(resolving.chosen(), 1);
    assert!(
        resolving
            .error
            .as_deref()
            .is_some_and(|e| e.starts_with("2 conflict(s)"))
    );
    press(&mut app, KeyCode::Char('m'));
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Char('m'));
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        Some(Effect::Git(Request::Resolve(vec![
            ("plans/a.yaml".into(), vec![Side::Theirs, Side::Ours]),
            ("plans/b.yaml".into(), vec![Side::Theirs]),
        ])))
    );
    assert!(matches!(dialog(&app), GitDialog::Busy(_)));
}

#[test]
fn the_busy_popup_says_which_step_of_the_sync_is_running() {
    use crate::review::git_sync::Step;
    let (_dir, mut app) = repo_app();
    app.ui.popup = Some(Popup::Git(Box::new(GitDialog::Busy("Syncing…".into()))));
    super::finished(&mut app, super::GitDone::Step(Step::Merge));
    let GitDialog::Busy(what) = dialog(&app) else {
        panic!("still busy");
    };
    assert_eq!(what, "Syncing, step 2 of 3: merging them with yours…");
    app.ui.popup = None;
    super::finished(&mut app, super::GitDone::Step(Step::Push));
    assert!(app.ui.popup.is_none(), "a hidden popup stays hidden");
}
