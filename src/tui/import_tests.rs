//! Importing packs from the UI: keys in, state out, over a real plan file and packs made by
//! the packs module's own writer.

use super::{Decision, ImportDialog, pack_files};
use crate::model::{ActionField, FieldValue, Rag};
use crate::packs::{Column, build_packs, to_csv};
use crate::tui::Palette;
use crate::tui::effect::Effect;
use crate::tui::forms::Popup;
use crate::tui::{App, handle_key, perform_headless};
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;

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
    owners:
    - QEG
    due: 2014-07-31
    progress: Dataset in place
    rag: green
  - ref: '1.2'
    action: Publish the threshold document
    owners:
    - QEG
    due: 2013-09
    progress: Drafted
    rag: amber
  - ref: '1.3'
    action: Train the staff
    owners:
    - QEG
    due: 2014-03
    progress: Planned
    rag: red
";

/// The QEG pack as the packs module makes it, as rows of cells, with `cells` (ref, column,
/// value) filled in the way a lead would.
fn filled_pack(cells: &[(&str, Column, &str)]) -> Vec<Vec<String>> {
    let plan = crate::store::load(PLAN.as_bytes()).expect("plan").plan;
    let packs = build_packs(&plan, "plan.yaml", PLAN.as_bytes(), "2013-10-01", &[]).expect("packs");
    let text = String::from_utf8(to_csv(&packs[0])).expect("utf-8");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("record").iter().map(String::from).collect())
        .collect();
    for (reference, column, value) in cells {
        let at = Column::ALL
            .iter()
            .position(|c| c == column)
            .expect("column");
        let row = records
            .iter_mut()
            .find(|r| r.len() > 1 && r[0] == *reference)
            .expect("row");
        row[at] = value.to_string();
    }
    records
}

/// Writes the filled-in QEG pack as CSV in `dir/packs`.
fn write_pack(dir: &Path, name: &str, cells: &[(&str, Column, &str)]) {
    let records = filled_pack(cells);
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for record in records {
        writer.write_record(&record).expect("write");
    }
    let bytes = writer.into_inner().expect("bytes");
    std::fs::create_dir_all(dir.join("packs")).expect("packs/");
    std::fs::write(dir.join("packs").join(name), bytes).expect("pack");
}

fn app_with_plan() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("2013-14.yaml");
    std::fs::write(&path, PLAN).expect("plan");
    let today = NaiveDate::from_ymd_opt(2013, 11, 1).expect("date");
    (dir, App::new(vec![path], today, Palette::Plain))
}

fn press(app: &mut App, code: KeyCode) -> Option<Effect> {
    handle_key(app, KeyEvent::new(code, KeyModifiers::NONE))
}

fn chars(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn rag_of(app: &App, reference: &str) -> Option<Rag> {
    let plan = app.plan().expect("plan");
    plan.action(plan.find_action(reference).expect("ref"))
        .expect("action")
        .rag
}

#[test]
fn pack_files_are_found_beside_the_plan_and_in_packs_folders() {
    let dir = tempfile::tempdir().expect("temp");
    let plans = dir.path().join("plans");
    std::fs::create_dir_all(plans.join("packs")).expect("plans/packs");
    std::fs::create_dir_all(dir.path().join("packs")).expect("packs");
    for file in [
        "plans/2013-14.yaml",
        "plans/a.csv",
        "plans/notes.txt",
        "plans/packs/b.XLSX",
        "packs/c.csv",
    ] {
        std::fs::write(dir.path().join(file), "x").expect("file");
    }
    let found = pack_files(&plans.join("2013-14.yaml"));
    let names: Vec<String> = found
        .iter()
        .map(|p| {
            p.strip_prefix(dir.path())
                .expect("inside")
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(names, ["packs/c.csv", "plans/a.csv", "plans/packs/b.XLSX"]);
}

#[test]
fn accepted_changes_apply_as_one_undoable_edit_and_conflicts_are_left_out() {
    let (dir, mut app) = app_with_plan();
    write_pack(
        dir.path(),
        "QEG.csv",
        &[
            ("1.1", Column::NewRag, "amber"),
            ("1.2", Column::NewProgress, "Published"),
            ("1.3", Column::NewRag, "green"),
        ],
    );
    // 1.3 is re-rated in the plan after the pack was made: its row is a conflict.
    let pos = app.plan().and_then(|p| p.find_action("1.3")).expect("1.3");
    crate::tui::fields::set_field(
        &mut app,
        crate::tui::forms::Target::Action(pos, ActionField::Rag),
        FieldValue::Rag(Some(Rag::Amber)),
    );
    press(&mut app, KeyCode::Char('I'));
    press(&mut app, KeyCode::Enter);
    let Some(Popup::Import(dialog)) = &app.ui.popup else {
        panic!("no review: {:?}", app.ui.message);
    };
    let ImportDialog::Review(review) = dialog.as_ref() else {
        panic!("still choosing: {dialog:?}");
    };
    assert_eq!(review.changes.len(), 2);
    assert_eq!(review.conflicts.len(), 1);
    assert_eq!(review.conflicts[0].reference, "1.3");
    assert!(review.problems.is_empty(), "{:?}", review.problems);
    let sent_by = review.sent_by(&review.changes[0].0);
    assert!(
        sent_by.starts_with("QEG · ") && sent_by.ends_with("QEG.csv: row 9, column H (new_rag)"),
        "{sent_by}"
    );

    press(&mut app, KeyCode::Enter);
    assert!(
        app.ui.message.as_ref().is_some_and(|m| m.error),
        "nothing accepted yet"
    );
    chars(&mut app, "yn");
    press(&mut app, KeyCode::Char('y'));
    let Some(Popup::Import(dialog)) = &app.ui.popup else {
        panic!("closed too early");
    };
    let ImportDialog::Review(review) = dialog.as_ref() else {
        panic!("not reviewing");
    };
    assert_eq!(review.changes[0].1, Decision::Accept);
    assert_eq!(review.changes[1].1, Decision::Reject);
    press(&mut app, KeyCode::Enter);
    assert!(app.ui.popup.is_none(), "applied and closed");
    assert_eq!(rag_of(&app, "1.1"), Some(Rag::Amber));
    assert_eq!(
        rag_of(&app, "1.3"),
        Some(Rag::Amber),
        "the conflict is not applied"
    );

    perform_headless(&mut app, Effect::Save { overwrite: false });
    let saved = std::fs::read_to_string(dir.path().join("2013-14.yaml")).expect("saved");
    let changed: Vec<(&str, &str)> = PLAN
        .lines()
        .zip(saved.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        changed,
        [
            ("    rag: green", "    rag: amber"),
            ("    rag: red", "    rag: amber")
        ]
    );

    press(&mut app, KeyCode::Char('u'));
    assert_eq!(
        rag_of(&app, "1.1"),
        Some(Rag::Green),
        "one undo takes the import back"
    );
    assert_eq!(
        rag_of(&app, "1.3"),
        Some(Rag::Amber),
        "the earlier edit stays"
    );
}

#[test]
fn a_problem_in_a_pack_stops_the_whole_import() {
    let (dir, mut app) = app_with_plan();
    write_pack(
        dir.path(),
        "QEG.csv",
        &[
            ("1.1", Column::NewRag, "amber"),
            ("1.2", Column::NewRag, "grene"),
        ],
    );
    press(&mut app, KeyCode::Char('I'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.ui.popup, Some(Popup::Import(_))), "stays open");
    let message = app.ui.message.clone().expect("a message");
    assert!(
        message.error && message.text.contains("1 problem"),
        "{message:?}"
    );
    assert_eq!(rag_of(&app, "1.1"), Some(Rag::Green));
    press(&mut app, KeyCode::Esc);
    assert!(app.ui.popup.is_none());
    assert!(!app.year().history.dirty());
}

#[test]
fn a_typed_path_that_cannot_be_read_says_so_in_the_chooser() {
    let (_dir, mut app) = app_with_plan();
    press(&mut app, KeyCode::Char('I'));
    chars(&mut app, "missing.csv");
    press(&mut app, KeyCode::Enter);
    let Some(Popup::Import(dialog)) = &app.ui.popup else {
        panic!("closed");
    };
    let ImportDialog::Pick(pick) = dialog.as_ref() else {
        panic!("not choosing");
    };
    let error = pick.form.error.clone().unwrap_or_default();
    assert!(error.starts_with("missing.csv: cannot read it"), "{error}");
}

#[test]
fn marked_and_typed_packs_are_read_and_the_cursor_only_when_there_are_none() {
    let pick = |marked: &[usize]| super::Pick {
        form: crate::tui::forms::TextForm::new("t", "", crate::tui::forms::Lines::One),
        found: vec!["a.csv".into(), "b.csv".into(), "c.xlsx".into()],
        cursor: Some(1),
        marked: marked.iter().copied().collect(),
    };
    let names = |paths: Vec<std::path::PathBuf>| -> Vec<String> {
        paths.iter().map(|p| p.display().to_string()).collect()
    };
    assert_eq!(names(super::chosen_paths(&pick(&[]), "  ")), ["b.csv"]);
    assert_eq!(
        names(super::chosen_paths(&pick(&[2, 0]), "")),
        ["a.csv", "c.xlsx"]
    );
    assert_eq!(
        names(super::chosen_paths(&pick(&[2]), "x y.csv; 'a.csv' ;c.xlsx")),
        ["c.xlsx", "x y.csv", "a.csv"]
    );
    assert_eq!(names(super::chosen_paths(&pick(&[]), "z.csv")), ["z.csv"]);
}

#[test]
fn an_xlsx_pack_written_by_a_spreadsheet_writer_is_imported_too() {
    let (dir, mut app) = app_with_plan();
    let records = filled_pack(&[("1.2", Column::NewRag, "Red")]);
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, record) in records.iter().enumerate() {
        for (c, cell) in record.iter().enumerate() {
            let (r, c) = (
                u32::try_from(r).expect("row"),
                u16::try_from(c).expect("col"),
            );
            sheet.write_string(r, c, cell).expect("cell");
        }
    }
    std::fs::create_dir_all(dir.path().join("packs")).expect("packs/");
    workbook
        .save(dir.path().join("packs/QEG.xlsx"))
        .expect("workbook");
    press(&mut app, KeyCode::Char('I'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Enter);
    assert!(app.ui.popup.is_none(), "{:?}", app.ui.message);
    assert_eq!(rag_of(&app, "1.2"), Some(Rag::Red));
    assert!(app.year().history.dirty(), "applied, not yet saved");
}
