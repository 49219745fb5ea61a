//! The export dialog (`X`) end to end: the real binary in a pseudo-terminal, in a temporary git
//! repository; the files it writes read back with independent parsers (the HTML's text, the
//! workbook with `calamine`, the CSV with the `csv` crate) and compared with the plan.

mod common;
#[path = "common/pty.rs"]
mod pty;

use boardplan::export::escape_html;
use boardplan::model::{Plan, Rag};
use calamine::{Data, Reader, Xlsx, open_workbook};
use pty::{Launch, Sandbox, Tui, keys};
use std::path::{Path, PathBuf};
use std::time::Duration;

const PLAN: &str = "plans/2013-14.yaml";
const TAB: &str = "\t";
const CTRL_L: &str = "\x0c";

/// The bundled plan committed in a temporary repository, and the plan as loaded.
fn repo() -> (tempfile::TempDir, Plan) {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(PLAN)).expect("plan");
    let plan = boardplan::store::load(&bytes).expect("loads").plan;
    (common::repo_with(&[(PLAN, &bytes)]), plan)
}

fn start(dir: &Path, sandbox: &Sandbox) -> Tui {
    let mut tui = Launch::new(dir, sandbox).size(30, 170).start();
    tui.wait_for(" Action 1.1 ");
    tui
}

/// Where the dialog suggests writing, in the plan's folder.
fn beside(dir: &Path, name: &str) -> PathBuf {
    dir.join("plans").join(name)
}

/// Opens the dialog and waits until git has answered about meeting tags.
fn open_dialog(tui: &mut Tui) {
    tui.send("X");
    tui.wait_for("Export the board paper");
    tui.wait_gone("looking for meeting tags");
}

fn refs(plan: &Plan, keep: impl Fn(&boardplan::model::Action) -> bool) -> Vec<String> {
    plan.actions()
        .filter(|(_, a)| keep(a))
        .map(|(_, a)| a.reference.clone())
        .collect()
}

/// The workbook's actions sheet, as text cells.
fn actions_sheet(path: &Path) -> Vec<Vec<String>> {
    let mut workbook: Xlsx<_> = open_workbook(path).expect("calamine opens the workbook");
    let range = workbook.worksheet_range("Actions").expect("actions sheet");
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn html_and_xlsx_are_written_beside_the_plan_and_read_back() {
    let (dir, plan) = repo();
    let sandbox = Sandbox::new();
    let mut tui = start(dir.path(), &sandbox);
    open_dialog(&mut tui);
    tui.send(keys::ENTER);
    let html_path = beside(dir.path(), "2013-14-board-paper.html");
    let count = plan.actions().count();
    tui.wait_for(&format!(
        "board paper written: {}, {count} actions",
        html_path.display()
    ));
    let html = std::fs::read_to_string(&html_path).expect("the HTML paper");
    assert!(html.starts_with("<!DOCTYPE html>"));
    for (_, action) in plan.actions() {
        let cell = format!(
            "<th scope=\"row\">{}</th><td><div class=\"t\">{}</div>",
            escape_html(&action.reference),
            escape_html(&action.action)
        );
        assert!(html.contains(&cell), "HTML row of {}", action.reference);
    }

    open_dialog(&mut tui);
    tui.send("x");
    tui.wait_for("2013-14-board-paper.xlsx");
    tui.send(keys::ENTER);
    let xlsx_path = beside(dir.path(), "2013-14-board-paper.xlsx");
    tui.wait_for(&format!("board paper written: {}", xlsx_path.display()));
    let rows = actions_sheet(&xlsx_path);
    assert_eq!(rows[0][..3], ["theme_ref", "theme", "ref"]);
    let written: Vec<(String, String)> = rows[1..]
        .iter()
        .map(|r| (r[2].clone(), r[3].clone()))
        .collect();
    let expected: Vec<(String, String)> = plan
        .actions()
        .map(|(_, a)| (a.reference.clone(), a.action.clone()))
        .collect();
    assert_eq!(
        written, expected,
        "every action, ref and text, in plan order"
    );

    // A third time: the file exists, so the dialog asks before replacing it.
    open_dialog(&mut tui);
    tui.send("x");
    tui.send(keys::ENTER);
    tui.wait_for("exists: it will be replaced. Replace it?");
    tui.send("y");
    tui.wait_for("board paper written:");
    assert_eq!(actions_sheet(&xlsx_path).len(), count + 1);
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
}

#[test]
fn the_scope_follows_the_filter_on_screen() {
    let (dir, plan) = repo();
    let sandbox = Sandbox::new();
    let mut tui = start(dir.path(), &sandbox);
    tui.send("f");
    tui.send("a");
    tui.wait_for("filter: amber");
    open_dialog(&mut tui);
    let amber = refs(&plan, |a| a.rating() == Some(Rag::Amber));
    tui.wait_for(&format!(
        "As shown (current filter): amber — {} actions",
        amber.len()
    ));
    tui.send(TAB);
    tui.send(keys::DOWN);
    tui.send("c");
    let csv_path = beside(dir.path(), "2013-14-board-paper-filtered.csv");
    tui.wait_for("2013-14-board-paper-filtered.csv");
    tui.send(keys::ENTER);
    tui.wait_for("(As shown (current filter): amber)");
    let bytes = std::fs::read(&csv_path).expect("the CSV");
    let text = std::str::from_utf8(&bytes).expect("utf-8");
    let text = text.strip_prefix('\u{feff}').expect("byte order mark");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let written: Vec<String> = reader
        .records()
        .map(|r| r.expect("a CSV record")[2].to_string())
        .collect();
    assert_eq!(written, amber, "only the amber actions, as the table shows");
    assert!(!amber.is_empty() && amber.len() < plan.actions().count());
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
}

#[test]
fn since_the_last_meeting_tag_shows_the_direction_of_travel() {
    let (dir, plan) = repo();
    common::git(
        dir.path(),
        &["tag", "-a", "meeting/2013-09-17", "-m", "September board"],
    );
    // After the meeting: the first green action turns red.
    let worse = refs(&plan, |a| a.rating() == Some(Rag::Green))
        .into_iter()
        .next()
        .expect("a green action");
    let file = dir.path().join(PLAN);
    let text = std::fs::read_to_string(&file).expect("plan");
    let at = text
        .find(&format!("ref: '{worse}'"))
        .or_else(|| text.find(&format!("ref: {worse}\n")))
        .expect("the action's ref");
    let rag = at + text[at..].find("rag: green").expect("its rating");
    let changed = format!("{}rag: red{}", &text[..rag], &text[rag + 10..]);
    std::fs::write(&file, changed).expect("write");
    common::git(dir.path(), &["commit", "-q", "-am", "after the meeting"]);

    let sandbox = Sandbox::new();
    let mut tui = start(dir.path(), &sandbox);
    tui.send("X");
    tui.wait_for("since the last meeting: meeting/2013-09-17");
    tui.send(TAB);
    tui.send(TAB);
    tui.send(keys::DOWN);
    tui.send(keys::ENTER);
    tui.wait_for(", since meeting/2013-09-17");
    let html = std::fs::read_to_string(beside(dir.path(), "2013-14-board-paper.html"))
        .expect("the HTML paper");
    assert!(
        html.contains("Since meeting/2013-09-17"),
        "the travel column"
    );
    assert!(
        html.contains("since meeting/2013-09-17: 1 worsened"),
        "the cover"
    );
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
}

#[test]
fn problems_are_shown_in_the_dialog_which_stays_open() {
    let (dir, _plan) = repo();
    let sandbox = Sandbox::new();
    let mut tui = start(dir.path(), &sandbox);
    open_dialog(&mut tui);
    for _ in 0..3 {
        tui.send(TAB);
    }
    tui.send(CTRL_L);
    tui.send("missing/paper.html");
    tui.send(keys::ENTER);
    let screen = tui.wait_for("missing does not exist; create it or choose another");
    assert!(screen.contains("Export the board paper"), "still open");

    // A revision git does not know: the worker's answer comes back into the dialog.
    tui.send(CTRL_L);
    tui.send("paper.html");
    tui.send(TAB);
    tui.send(TAB);
    tui.send(TAB);
    // No meeting tag here: "since the last meeting" is greyed and skipped.
    tui.send(keys::DOWN);
    tui.send(TAB);
    tui.send("no-such-tag");
    tui.send(keys::ENTER);
    let screen = tui.wait_for_all(&[
        "✗ nothing written: ",
        "'no-such-tag' is not a commit, branch or tag",
    ]);
    assert!(screen.contains("Export the board paper"), "still open");
    tui.esc();
    tui.wait_gone("Export the board paper");
    assert!(!dir.path().join("plans/paper.html").exists());
    assert!(!dir.path().join("plans/missing").exists());
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
}
