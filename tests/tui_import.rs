//! Importing update packs from the UI, end to end: packs written by `boardplan request`, one
//! filled in as a spreadsheet saves a CSV (byte order mark, CRLF), the plan changed on one of
//! its actions since; imported with `I` in the real binary in a pseudo-terminal, one change
//! accepted, one rejected, the conflict shown and left out; the file checked after the save
//! and after undo.

mod common;
mod packs_support;
#[path = "common/pty.rs"]
mod pty;

use common::{boardplan, repo_with, stderr};
use packs_support::{CsvStyle, PLAN, read_csv, write_csv};
use pty::{Launch, Sandbox, keys};

const EXCEL: CsvStyle = CsvStyle {
    delimiter: b',',
    reverse_columns: false,
    extra_column: false,
};

#[test]
fn packs_are_reviewed_one_change_at_a_time_and_the_import_is_one_undo() {
    let repo = repo_with(&[("plans/plan.yaml", PLAN.as_bytes())]);
    let dir = repo.path();
    let made = boardplan(
        dir,
        &[
            "request",
            "plans/plan.yaml",
            "--format",
            "csv",
            "-o",
            "packs",
        ],
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let mut sheet = read_csv(&dir.join("packs/QEG.csv"));
    sheet.set("1.1", "new_rag", "Amber");
    sheet.set("1.2", "new_progress", "Published in October");
    sheet.set("1.10", "new_rag", "green");
    write_csv(&dir.join("packs/QEG.csv"), &sheet, &EXCEL);
    let raw = std::fs::read(dir.join("packs/QEG.csv")).expect("pack");
    assert!(raw.starts_with(b"\xEF\xBB\xBF") && raw.windows(2).any(|w| w == b"\r\n"));
    // Someone re-rates 1.10 after the pack went out: the lead's row for it is a conflict.
    let set = boardplan(dir, &["set", "plans/plan.yaml", "1.10", "rag=red"]);
    assert!(set.status.success(), "{}", stderr(&set));
    let before = std::fs::read_to_string(dir.join("plans/plan.yaml")).expect("plan");

    let sandbox = Sandbox::new();
    let mut tui = Launch::new(dir, &sandbox).size(30, 120).start();
    tui.wait_for(" Action 1.1 ");
    tui.send("I");
    tui.wait_for_all(&["Import update packs", "QEG.csv", "SLDG.csv"]);
    tui.send(keys::ENTER);
    tui.wait_for_all(&[
        "2 changes proposed, 0 accepted · 1 conflict · 0 problems",
        "1.1 rag: green → amber",
        "1.2 progress: (none) → Published in October",
        "from QEG · packs/QEG.csv: row 9, column H (new_rag)",
        "1.10: changed in the plan since the pack was made",
        "rag in the plan now: red",
    ]);
    tui.send("y");
    tui.wait_for("[✓] 1.1 rag");
    tui.send("n");
    tui.wait_for("[✗] 1.2 progress");
    tui.send("y");
    tui.wait_for("conflicts and problems cannot be accepted");
    tui.send(keys::ENTER);
    tui.wait_for("applied 1 change to 1.1 (1 not applied;");
    tui.send(keys::CTRL_S);
    tui.wait_for("saved plan.yaml");

    let saved = std::fs::read_to_string(dir.join("plans/plan.yaml")).expect("plan");
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(saved.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed, [("    rag: green", "    rag: amber")]);
    assert_eq!(before.lines().count(), saved.lines().count());
    let plan = boardplan::store::load(saved.as_bytes())
        .expect("loads")
        .plan;
    let rag = |r: &str| {
        plan.action(plan.find_action(r).expect("ref"))
            .and_then(|a| a.rag)
    };
    assert_eq!(
        rag("1.10"),
        Some(boardplan::model::Rag::Red),
        "conflict left out"
    );

    tui.send("u");
    tui.wait_for("undid: import of 1 change from packs/QEG.csv");
    tui.send(keys::CTRL_S);
    tui.wait_for("saved plan.yaml");
    let undone = std::fs::read_to_string(dir.join("plans/plan.yaml")).expect("plan");
    assert_eq!(
        undone, before,
        "undo takes the whole import back, byte for byte"
    );
    tui.send("q");
    assert!(tui.wait_exit(std::time::Duration::from_secs(5)).success());
}
