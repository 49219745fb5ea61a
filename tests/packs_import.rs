//! `boardplan import`: returned packs, edited as a lead would (a spreadsheet's CSV with a byte
//! order mark, CRLF, `;`, re-ordered and extra columns; an xlsx written by rust_xlsxwriter),
//! previewed, applied through the minimal-diff save in a real git repository, conflicts
//! refused, and bad input refused without writing anything.

mod common;
mod packs_support;

use boardplan::model::{Due, Rag};
use boardplan::store::PlanFile;
use common::{boardplan, git, repo_with, stderr, stdout};
use packs_support::{CsvStyle, PLAN, Sheet, read_csv, read_xlsx, write_csv, write_xlsx};
use std::path::Path;
use std::process::Output;

const SPREADSHEET: CsvStyle = CsvStyle {
    delimiter: b';',
    reverse_columns: true,
    extra_column: true,
};

/// A repository with plans/plan.yaml committed and its packs made in `out/` as `format`.
fn round(format: &str) -> tempfile::TempDir {
    let repo = repo_with(&[("plans/plan.yaml", PLAN.as_bytes())]);
    let output = boardplan(
        repo.path(),
        &[
            "request",
            "plans/plan.yaml",
            "--format",
            format,
            "-o",
            "out",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    repo
}

fn plan_bytes(repo: &Path) -> Vec<u8> {
    std::fs::read(repo.join("plans/plan.yaml")).expect("plan")
}

fn import(repo: &Path, packs: &[&str], apply: bool) -> Output {
    let mut args = vec!["import", "plans/plan.yaml"];
    args.extend(packs);
    if apply {
        args.push("--apply");
    }
    boardplan(repo, &args)
}

/// Lines removed and added by the working tree's change to the plan.
fn changed_lines(repo: &Path) -> (Vec<String>, Vec<String>) {
    let diff = git(repo, &["diff", "-U0", "--", "plans/plan.yaml"]);
    let pick = |sign: char| {
        diff.lines()
            .filter(|l| l.starts_with(sign) && !l.starts_with("+++") && !l.starts_with("---"))
            .map(|l| l[1..].to_string())
            .collect()
    };
    (pick('-'), pick('+'))
}

/// The QEG pack as a lead returns it: new values for 1.1 and 1.10, saved by a spreadsheet
/// that also re-spelled a current date the Excel way.
fn qeg_reply(repo: &Path) -> Sheet {
    let mut sheet = read_csv(&repo.join("out/QEG.csv"));
    sheet.set("1.1", "new_rag", "Amber");
    sheet.set(
        "1.1",
        "new_progress",
        "Dataset reviewed in October.\r\nGaps found in two areas.",
    );
    sheet.set("1.1", "due", "31/07/2013");
    sheet.set("1.10", "new_due", "31 March 2014");
    write_csv(&repo.join("out/QEG-back.csv"), &sheet, &SPREADSHEET);
    sheet
}

#[test]
fn a_preview_prints_the_change_report_and_writes_nothing() {
    let repo = round("csv");
    qeg_reply(repo.path());
    let before = plan_bytes(repo.path());
    let output = import(repo.path(), &["out/QEG-back.csv"], false);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(report.contains("1 worsened"), "{report}");
    assert!(report.contains("1.1  green → amber (worsened)"), "{report}");
    assert!(report.contains("{+reviewed in October."), "{report}");
    assert!(report.contains("{+two areas.+}"), "{report}");
    assert!(report.contains("1.10  amber (unchanged)"), "{report}");
    assert!(report.contains("due: ongoing → 31 March 2014"), "{report}");
    assert!(stderr(&output).contains("preview only: nothing was written"));
    assert_eq!(plan_bytes(repo.path()), before);
}

#[test]
fn apply_changes_only_the_fields_lines() {
    let repo = round("csv");
    qeg_reply(repo.path());
    let output = import(repo.path(), &["out/QEG-back.csv"], true);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("applied 3 field changes"),
        "{}",
        stderr(&output)
    );
    let (removed, added) = changed_lines(repo.path());
    assert_eq!(
        removed,
        [
            "    progress: Dataset in place",
            "    rag: green",
            "    due: ongoing"
        ]
    );
    assert_eq!(
        added,
        [
            "    progress: |-",
            "      Dataset reviewed in October.",
            "      Gaps found in two areas.",
            "    rag: amber",
            "    due: 2014-03-31"
        ]
    );
    let plan = PlanFile::open(&repo.path().join("plans/plan.yaml"))
        .expect("loads")
        .plan;
    let action = |r: &str| {
        plan.action(plan.find_action(r).expect("ref"))
            .expect("action")
            .clone()
    };
    assert_eq!(action("1.1").rag, Some(Rag::Amber));
    assert_eq!(action("1.10").due, Due::parse("2014-03-31").ok());
    assert!(
        boardplan(repo.path(), &["check", "plans/plan.yaml"])
            .status
            .success()
    );

    // The same pack again has nothing left to do.
    let again = import(repo.path(), &["out/QEG-back.csv"], true);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(stdout(&again).contains("No changes."), "{}", stdout(&again));
}

#[test]
fn a_row_changed_in_the_plan_since_the_pack_is_a_conflict_and_the_rest_applies() {
    let repo = round("csv");
    qeg_reply(repo.path());
    let set = boardplan(
        repo.path(),
        &[
            "set",
            "plans/plan.yaml",
            "1.1",
            "progress=Dataset refreshed by the officer",
        ],
    );
    assert!(set.status.success(), "{}", stderr(&set));
    git(repo.path(), &["commit", "-qam", "officer's edit"]);
    let output = import(repo.path(), &["out/QEG-back.csv"], true);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("1 conflict (not applied"), "{out}");
    assert!(
        out.contains("1.1: changed in the plan since the pack was made; the lead's update is not applied\n    from out/QEG-back.csv: row 9\n"),
        "{out}"
    );
    assert!(
        out.contains("progress in the pack:     Dataset in place"),
        "{out}"
    );
    assert!(
        out.contains("progress in the plan now: Dataset refreshed by the officer"),
        "{out}"
    );
    assert!(
        out.contains(
            "the lead's new_progress: Dataset reviewed in October. / Gaps found in two areas."
        ),
        "{out}"
    );
    assert!(out.contains("the lead's new_rag: Amber"), "{out}");
    assert!(!out.contains("1.1  green → amber"), "{out}");
    let (removed, added) = changed_lines(repo.path());
    assert_eq!(removed, ["    due: ongoing"], "only 1.10 applied");
    assert_eq!(added, ["    due: 2014-03-31"]);
}

#[test]
fn two_packs_giving_one_field_different_values_is_a_conflict() {
    let repo = round("csv");
    let mut qeg = read_csv(&repo.path().join("out/QEG.csv"));
    qeg.set("1.10", "new_rag", "green");
    qeg.set("1.10", "new_progress", "Both audits done.");
    write_csv(&repo.path().join("out/QEG-back.csv"), &qeg, &SPREADSHEET);
    let mut sldg = read_csv(&repo.path().join("out/SLDG.csv"));
    sldg.set("1.10", "new_rag", "red");
    sldg.set("1.10", "new_progress", "Both audits done.");
    sldg.set("2.1", "new_rag", "amber");
    write_csv(&repo.path().join("out/SLDG-back.csv"), &sldg, &SPREADSHEET);
    let output = import(
        repo.path(),
        &["out/QEG-back.csv", "out/SLDG-back.csv"],
        true,
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains("1.10 rag: the packs give different values"),
        "{out}"
    );
    assert!(
        out.contains("out/QEG-back.csv: row 11, column C (new_rag)"),
        "{out}"
    );
    assert!(
        out.contains("out/SLDG-back.csv: row 9, column C (new_rag)"),
        "{out}"
    );
    let plan = PlanFile::open(&repo.path().join("plans/plan.yaml"))
        .expect("loads")
        .plan;
    let action = |r: &str| {
        plan.action(plan.find_action(r).expect("ref"))
            .expect("action")
            .clone()
    };
    assert_eq!(
        action("1.10").rag,
        Some(Rag::Amber),
        "the disputed field is left alone"
    );
    assert_eq!(
        action("1.10").progress.as_deref(),
        Some("Both audits done."),
        "agreed field applied once"
    );
    assert_eq!(action("2.1").rag, Some(Rag::Amber));
}

#[test]
fn an_xlsx_reply_with_typed_dates_is_applied() {
    let repo = round("xlsx");
    let mut sheet = read_xlsx(&repo.path().join("out/SLDG.xlsx"));
    sheet.set("2.1", "new_rag", "green");
    sheet.set("2.1", "new_progress", "All courses delivered");
    write_xlsx(
        &repo.path().join("out/SLDG-back.xlsx"),
        &sheet,
        &[("1.10", 2014, 6, 30)],
    );
    let before = plan_bytes(repo.path());
    let preview = import(repo.path(), &["out/SLDG-back.xlsx"], false);
    assert_eq!(preview.status.code(), Some(0), "{}", stderr(&preview));
    assert_eq!(plan_bytes(repo.path()), before);
    assert!(
        stdout(&preview).contains("2.1  red → green (improved)"),
        "{}",
        stdout(&preview)
    );
    let output = import(repo.path(), &["out/SLDG-back.xlsx"], true);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let numstat = git(repo.path(), &["diff", "--numstat"]);
    assert_eq!(numstat.trim(), "3\t3\tplans/plan.yaml");
    let (_, added) = changed_lines(repo.path());
    assert_eq!(
        added,
        [
            "    due: 2014-06-30",
            "    progress: All courses delivered",
            "    rag: green"
        ]
    );
}

#[test]
fn a_ref_a_spreadsheet_turned_into_another_is_not_applied_to_that_action() {
    let repo = round("csv");
    let mut sheet = read_csv(&repo.path().join("out/QEG.csv"));
    sheet.set("1.10", "new_rag", "red");
    sheet.set("1.10", "ref", "1.1"); // 1.10 read as the number 1.1
    write_csv(&repo.path().join("out/QEG-back.csv"), &sheet, &SPREADSHEET);
    let before = plan_bytes(repo.path());
    let output = import(repo.path(), &["out/QEG-back.csv"], true);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stdout(&output).contains("1.1: changed in the plan since the pack was made; the lead's update is not applied\n    from out/QEG-back.csv: row 11"));
    assert!(stdout(&output).contains("the lead's new_rag: red"));
    assert!(stdout(&output).contains("action in the pack:     Audit early help cases"));
    assert_eq!(plan_bytes(repo.path()), before);
}

/// Imports with --apply and expects exit 1, `message` on standard error and the plan untouched.
fn refused(repo: &Path, pack: &str, message: &str) {
    let before = plan_bytes(repo);
    let output = import(repo, &[pack], true);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains(message), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("nothing was changed"),
        "{}",
        stderr(&output)
    );
    assert_eq!(plan_bytes(repo), before, "the plan is byte-identical");
    assert_eq!(git(repo, &["status", "--porcelain", "plans"]), "");
}

fn edited(repo: &Path, edit: &[(&str, &str, &str)]) {
    let mut sheet = read_csv(&repo.join("out/QEG.csv"));
    sheet.set("1.1", "new_progress", "A valid update");
    for (reference, column, value) in edit {
        sheet.set(reference, column, value);
    }
    write_csv(&repo.join("out/bad.csv"), &sheet, &SPREADSHEET);
}

#[test]
fn bad_values_are_named_by_file_row_and_column_and_nothing_is_written() {
    let repo = round("csv");
    edited(repo.path(), &[("1.2", "new_rag", "grene")]);
    refused(
        repo.path(),
        "out/bad.csv",
        "out/bad.csv: row 10, column C (new_rag): 'grene' is not a rating; use red, amber, green or blue",
    );
    edited(repo.path(), &[("1.2", "new_due", "31 September 2013")]);
    refused(
        repo.path(),
        "out/bad.csv",
        "out/bad.csv: row 10, column B (new_due): '31 September 2013' is not a real date",
    );
    edited(
        repo.path(),
        &[("1.2", "new_rag", "red"), ("1.2", "ref", "9.9")],
    );
    refused(
        repo.path(),
        "out/bad.csv",
        "out/bad.csv: row 10, column J (ref): no action with ref '9.9' in the plan",
    );
}

#[test]
fn a_pack_from_another_plan_is_refused() {
    let repo = round("csv");
    let mut sheet = read_csv(&repo.path().join("out/QEG.csv"));
    sheet.set("1.1", "new_rag", "red");
    for row in &mut sheet.top {
        if row[0].starts_with("period:") {
            row[0] = "period: 2012-13".into();
        }
    }
    write_csv(&repo.path().join("out/old.csv"), &sheet, &SPREADSHEET);
    refused(
        repo.path(),
        "out/old.csv",
        "out/old.csv: row 4, column A: the pack was made from another plan (Test Safeguarding Children Board, 2012-13)",
    );
}

#[test]
fn unreadable_packs_are_refused_with_advice() {
    let repo = round("xlsx");
    let whole = std::fs::read(repo.path().join("out/QEG.xlsx")).expect("xlsx");
    std::fs::write(repo.path().join("out/cut.xlsx"), &whole[..whole.len() / 2]).expect("write");
    refused(
        repo.path(),
        "out/cut.xlsx",
        "out/cut.xlsx: cannot read it as an Excel workbook",
    );

    let mut latin1 = Vec::new();
    latin1.extend_from_slice(b"board: Test Safeguarding Children Board\r\nperiod: 2013-14\r\n");
    latin1.extend_from_slice(b"ref;new_progress\r\n1.1;R\xE9union held\r\n");
    std::fs::write(repo.path().join("out/latin1.csv"), &latin1).expect("write");
    refused(
        repo.path(),
        "out/latin1.csv",
        "out/latin1.csv: line 4: the file is not UTF-8 text",
    );
    refused(repo.path(), "out/latin1.csv", "CSV UTF-8");

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("ref\tnew_rag\r\n".encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(repo.path().join("out/unicode.txt"), &utf16).expect("write");
    refused(
        repo.path(),
        "out/unicode.txt",
        "out/unicode.txt: the file is UTF-16 text",
    );

    let md = boardplan(
        repo.path(),
        &["request", "plans/plan.yaml", "--format", "md", "-o", "out"],
    );
    assert!(md.status.success(), "{}", stderr(&md));
    refused(
        repo.path(),
        "out/QEG.md",
        "out/QEG.md: Markdown packs are for reading",
    );

    std::fs::write(repo.path().join("out/notes.csv"), "some,notes\r\n").expect("write");
    refused(
        repo.path(),
        "out/notes.csv",
        "is this an update pack made by boardplan request?",
    );
}

#[test]
fn without_the_check_column_the_shown_values_decide() {
    let repo = round("csv");
    let mut sheet = qeg_reply(repo.path());
    let check = sheet.col("check");
    sheet.header.remove(check);
    sheet.rows.iter_mut().for_each(|row| {
        row.remove(check);
    });
    write_csv(&repo.path().join("out/QEG-back.csv"), &sheet, &SPREADSHEET);
    let set = boardplan(repo.path(), &["set", "plans/plan.yaml", "1.10", "rag=red"]);
    assert!(set.status.success(), "{}", stderr(&set));
    let output = import(repo.path(), &["out/QEG-back.csv"], true);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains(
            "1.10: changed in the plan since the pack was made; the lead's update is not applied\n    from out/QEG-back.csv: row 11 (line 12)"
        ),
        "{out}"
    );
    assert!(out.contains("rag in the pack:     amber"), "{out}");
    assert!(out.contains("rag in the plan now: red"), "{out}");
    assert!(
        out.contains("1.1  green → amber (worsened)"),
        "31/07/2013 is the plan's 2013-07-31, so 1.1 applies: {out}"
    );
}
