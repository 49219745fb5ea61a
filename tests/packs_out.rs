//! `boardplan request`: update packs out, one per owner, read back with independent parsers
//! (the csv crate, calamine, the xlsx's own XML) and compared field by field with the plan.

mod common;
mod packs_support;

use boardplan::store::PlanFile;
use common::{boardplan, stderr, stdout};
use packs_support::{PLAN, read_csv, read_xlsx};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;

fn sha256_16(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()[..16]
        .to_string()
}

fn today() -> String {
    chrono::Local::now().date_naive().to_string()
}

fn files_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn csv_packs_of_a_bundled_plan_hold_each_owners_actions_field_by_field() {
    let dir = tempfile::tempdir().expect("temp");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/2013-14.yaml");
    let bytes = std::fs::read(&source).expect("bundled plan");
    std::fs::write(dir.path().join("2013-14.yaml"), &bytes).expect("copy");
    let output = boardplan(
        dir.path(),
        &[
            "request",
            "2013-14.yaml",
            "--format",
            "csv",
            "-o",
            "out/round1",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let plan = PlanFile::open(&dir.path().join("2013-14.yaml"))
        .expect("loads")
        .plan;

    // Every (action, owner) pair, owners folded by case, must be one row of that owner's pack.
    let mut expected: BTreeSet<(String, String)> = BTreeSet::new();
    for theme in &plan.themes {
        for action in &theme.actions {
            for owner in &action.owners {
                expected.insert((owner.to_lowercase(), action.reference.clone()));
            }
        }
    }
    let mut found: BTreeSet<(String, String)> = BTreeSet::new();
    let packs = files_in(&dir.path().join("out/round1"));
    assert!(
        packs.contains("QEG.csv") && packs.contains("PSCB_Business_Manager.csv"),
        "{packs:?}"
    );
    assert!(
        !packs.iter().any(|p| p.starts_with('.')),
        "no temporary files left: {packs:?}"
    );
    for name in &packs {
        let sheet = read_csv(&dir.path().join("out/round1").join(name));
        assert_eq!(sheet.meta("plan").as_deref(), Some("2013-14.yaml"));
        assert_eq!(sheet.meta("board"), Some(plan.board.clone()));
        assert_eq!(sheet.meta("period").as_deref(), Some("2013-14"));
        assert_eq!(sheet.meta("sha256"), Some(sha256_16(&bytes)));
        assert_eq!(sheet.meta("made"), Some(today()));
        let owner = sheet.meta("owner").expect("owner line");
        assert_eq!(
            sheet.header,
            [
                "ref",
                "theme",
                "action",
                "due",
                "progress",
                "rag",
                "new_progress",
                "new_rag",
                "new_due",
                "check"
            ]
        );
        for row in &sheet.rows {
            let at = plan.find_action(&row[0]).expect("a ref of the plan");
            let action = plan.action(at).expect("action");
            assert_eq!(row[1], plan.themes[at.theme].title);
            assert_eq!(row[2], action.action);
            assert_eq!(
                row[3],
                action
                    .due
                    .as_ref()
                    .map(|d| d.to_string())
                    .unwrap_or_default()
            );
            assert_eq!(row[4], action.progress.clone().unwrap_or_default());
            assert_eq!(
                row[5],
                action
                    .rag
                    .map(|r| r.as_str().to_string())
                    .unwrap_or_default()
            );
            assert_eq!(&row[6..9], ["", "", ""], "the new columns start empty");
            assert!(row[9].starts_with('c'));
            assert!(
                found.insert((owner.to_lowercase(), row[0].clone())),
                "{owner} {} twice",
                row[0]
            );
        }
    }
    assert_eq!(found, expected);
    // "PSCB Business Unit" and "PSCB Business unit" are one lead: one pack.
    let unit = read_csv(&dir.path().join("out/round1/PSCB_Business_Unit.csv"));
    assert_eq!(unit.rows.len(), 4);
    assert!(!packs.iter().any(|p| p == "PSCB_Business_unit.csv"));
}

#[test]
fn owners_are_chosen_by_glossary_short_or_full_name_and_unknown_ones_are_listed() {
    let (dir, _) = common::temp_with("plan.yaml", PLAN.as_bytes());
    let output = boardplan(
        dir.path(),
        &[
            "request",
            "plan.yaml",
            "--owner",
            "Quality & Effectiveness Group",
            "--format",
            "csv",
            "-o",
            "out",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        files_in(&dir.path().join("out")),
        BTreeSet::from(["QEG.csv".to_string()])
    );
    let sheet = read_csv(&dir.path().join("out/QEG.csv"));
    let refs: Vec<&str> = sheet.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        refs,
        ["1.1", "1.2", "1.10"],
        "short and full names are one owner"
    );
    assert!(stdout(&output).contains("QEG (3 actions)"));

    let output = boardplan(
        dir.path(),
        &[
            "request",
            "plan.yaml",
            "--owner",
            "QE",
            "--format",
            "csv",
            "-o",
            "other",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no owner 'QE' in this plan; owners: QEG, SLDG"),
        "{}",
        stderr(&output)
    );
    assert!(
        !dir.path().join("other").exists(),
        "nothing written for a bad request"
    );
}

#[test]
fn an_xlsx_pack_keeps_refs_as_text_locks_current_columns_and_offers_ratings() {
    let (dir, _) = common::temp_with("plan.yaml", PLAN.as_bytes());
    let output = boardplan(
        dir.path(),
        &["request", "plan.yaml", "--format", "xlsx", "-o", "out"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        files_in(&dir.path().join("out")),
        BTreeSet::from(["QEG.xlsx".to_string(), "SLDG.xlsx".to_string()])
    );
    let sheet = read_xlsx(&dir.path().join("out/QEG.xlsx"));
    assert!(
        sheet.top[0][0].contains("fill in new_progress, new_rag"),
        "instructions on top"
    );
    assert_eq!(sheet.meta("owner").as_deref(), Some("QEG"));
    assert_eq!(sheet.meta("period").as_deref(), Some("2013-14"));
    let refs: Vec<&str> = sheet.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(refs, ["1.1", "1.2", "1.10"], "1.10 stays text");
    assert_eq!(sheet.rows[2][4], "First audit done.\nSecond audit planned.");
    assert_eq!(sheet.rows[1][3], "2013-09");

    let file = std::fs::File::open(dir.path().join("out/QEG.xlsx")).expect("open");
    let mut zip = zip::ZipArchive::new(file).expect("an xlsx is a zip");
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .expect("sheet")
        .read_to_string(&mut xml)
        .expect("xml");
    assert!(xml.contains("<sheetProtection"), "the sheet is protected");
    let header_row = sheet.top.len() + 1;
    let (first, last) = (header_row + 1, header_row + 3);
    assert!(
        xml.contains(&format!("sqref=\"H{first}:H{last}\""))
            && xml.contains("\"red,amber,green,blue\""),
        "a drop-down on new_rag: {xml}"
    );
    let mut styles = String::new();
    zip.by_name("xl/styles.xml")
        .expect("styles")
        .read_to_string(&mut styles)
        .expect("xml");
    assert!(
        styles.contains("locked=\"0\""),
        "the new_* cells are unlocked"
    );
}

#[test]
fn a_markdown_pack_reads_as_a_letter_to_the_lead() {
    let (dir, _) = common::temp_with("plan.yaml", PLAN.as_bytes());
    let output = boardplan(
        dir.path(),
        &[
            "request",
            "plan.yaml",
            "--owner",
            "sldg",
            "--format",
            "md",
            "-o",
            "out",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let md = std::fs::read_to_string(dir.path().join("out/SLDG.md")).expect("md");
    assert!(md.starts_with("# Update pack: SLDG\n"));
    assert!(md.contains("Test Safeguarding Children Board, plan 2013-14 (plan.yaml, SHA-256 "));
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(headings, ["## 1.10", "## 2.1"]);
    assert!(md.contains("  > First audit done.\n  > Second audit planned.\n"));
    assert_eq!(md.matches("**New rating:**").count(), 2);
}

#[test]
fn a_second_round_replaces_the_packs_in_place() {
    let (dir, _) = common::temp_with("plan.yaml", PLAN.as_bytes());
    let args = ["request", "plan.yaml", "--format", "csv", "-o", "out"];
    assert!(boardplan(dir.path(), &args).status.success());
    std::fs::write(dir.path().join("out/QEG.csv"), "stale").expect("write");
    let output = boardplan(dir.path(), &args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(read_csv(&dir.path().join("out/QEG.csv")).rows.len(), 3);
    assert_eq!(
        files_in(&dir.path().join("out")).len(),
        2,
        "no temporary files left"
    );
}
