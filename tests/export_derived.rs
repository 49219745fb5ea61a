//! A rating derived from milestones in every output of the real binary: `summary`, the five
//! export formats (read back with the csv crate, calamine, serde_json and the workbook's own
//! XML) and the change report between two versions. Each counts it and marks it as derived.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{boardplan, stdout};
use std::io::Read;
use std::path::Path;

/// 1.1 has no rating of its own; its open milestones are green and amber (one blue), so it is
/// amber, derived. It is overdue on 1 October 2013. 1.2 is red, 1.3 unrated, 1.4 amber (its own).
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
  - ref: '1.4'
    action: Review the threshold
    rag: amber
";

const NOTE: &str = "1 of these ratings is derived: the action has no rating of its own, so its worst open milestone's counts";

fn export(dir: &Path, format: &str) -> Vec<u8> {
    let out = dir.join(format!("paper.{format}"));
    let output = boardplan(
        dir,
        &[
            "export",
            "--format",
            format,
            "plan.yaml",
            "--as-at",
            "2013-10-01",
            "-o",
            out.to_str().expect("path"),
        ],
    );
    assert!(output.status.success(), "{}", common::stderr(&output));
    std::fs::read(out).expect("export written")
}

#[test]
fn summary_counts_and_stars_a_derived_rating() {
    let (dir, _) = common::temp_with("plan.yaml", PLAN.as_bytes());
    let out = stdout(&boardplan(
        dir.path(),
        &["summary", "plan.yaml", "--today", "2013-10-01"],
    ));
    let all = out
        .lines()
        .find(|l| l.contains("All themes"))
        .expect("totals");
    let numbers: Vec<&str> = all.split_whitespace().skip(2).collect();
    assert_eq!(numbers, ["4", "1", "2", "0", "0", "1", "1"], "{out}");
    assert!(
        out.contains("1 of these ratings is derived: the action has none of its own"),
        "{out}"
    );
    let overdue = out
        .lines()
        .find(|l| l.contains("Build the early help"))
        .expect("1.1 listed overdue");
    assert!(overdue.contains("amber*"), "{overdue}");
}

#[test]
fn markdown_and_html_count_and_mark_it_in_the_summary_exceptions_and_tables() {
    let (dir, _) = common::temp_with("plan.yaml", PLAN.as_bytes());
    let md = String::from_utf8(export(dir.path(), "md")).expect("utf-8");
    assert!(
        md.contains("| **All themes** | 1 | 2 | 0 | 0 | 1 | 4 | 1 |"),
        "{md}"
    );
    assert!(md.contains(&format!("_{NOTE}")), "{md}");
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| 1.1 |")).collect();
    assert_eq!(rows.len(), 2, "an exception and a table row: {md}");
    for row in rows {
        assert!(row.contains("🟧 **A** Amber (from milestones)"), "{row}");
    }
    let own = md.lines().find(|l| l.starts_with("| 1.4 |")).expect("1.4");
    assert!(!own.contains("from milestones"), "{own}");

    let html = String::from_utf8(export(dir.path(), "html")).expect("utf-8");
    assert!(html.contains(&format!(
        "<p class=\"note\">{}",
        NOTE.replace('\'', "&#39;")
    )));
    let marked = html
        .matches("<div class=\"derived\">from milestones</div>")
        .count();
    assert_eq!(marked, 2, "the exception and the table row");
    let exceptions = html
        .split("<table class=\"exceptions\">")
        .nth(1)
        .and_then(|t| t.split("</table>").next())
        .expect("exceptions table");
    assert!(
        exceptions.contains("r-amber") && exceptions.contains("from milestones"),
        "{exceptions}"
    );
}

#[test]
fn csv_json_and_xlsx_read_back_with_the_derived_rating_apart() {
    let (dir, _) = common::temp_with("plan.yaml", PLAN.as_bytes());
    let csv_bytes = export(dir.path(), "csv");
    let text = String::from_utf8(csv_bytes).expect("utf-8");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().expect("header").clone();
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let first = &rows[0];
    assert_eq!(&first[column("ref")], "1.1");
    assert_eq!(&first[column("rag")], "", "the file's own rating");
    assert_eq!(&first[column("rag_from_milestones")], "Amber");
    assert_eq!(&rows[3][column("rag")], "Amber");
    assert_eq!(&rows[3][column("rag_from_milestones")], "");

    let json: serde_json::Value =
        serde_json::from_slice(&export(dir.path(), "json")).expect("json");
    let action = &json["themes"][0]["actions"][0];
    assert_eq!(action["derived_rag"], "amber");
    assert!(action.get("rag").is_none(), "{action}");

    let xlsx = export(dir.path(), "xlsx");
    let path = dir.path().join("paper.xlsx");
    let mut workbook: Xlsx<_> = open_workbook(&path).expect("calamine opens it");
    let summary = workbook.worksheet_range("Summary").expect("summary");
    let cells: Vec<String> = summary
        .rows()
        .flatten()
        .filter_map(|c| match c {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert!(cells.iter().any(|c| c.starts_with(NOTE)), "{cells:?}");
    let actions = workbook.worksheet_range("Actions").expect("actions");
    assert_eq!(actions.get((1, 9)), Some(&Data::String("Amber".into())));
    // The derived cell (J2) is filled like an own amber rating (I5).
    let sheet = part(&xlsx, "xl/worksheets/sheet2.xml");
    assert_eq!(style_of(&sheet, "J2"), style_of(&sheet, "I5"));
    assert_ne!(
        style_of(&sheet, "J2"),
        style_of(&sheet, "I3"),
        "red is filled red"
    );
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut text = String::new();
    zip.by_name(name)
        .expect("part")
        .read_to_string(&mut text)
        .expect("xml");
    text
}

/// The `s` (style) attribute of a cell in a sheet's XML; empty when it has none.
fn style_of(sheet: &str, cell: &str) -> String {
    let at = sheet
        .find(&format!("<c r=\"{cell}\""))
        .unwrap_or_else(|| panic!("{cell} written"));
    let tag = &sheet[at..at + sheet[at..].find('>').expect("tag end")];
    tag.split(" s=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or("")
        .to_string()
}

#[test]
fn the_change_report_counts_and_names_a_derived_rating() {
    let old = PLAN.replace("      rag: amber\n", "      rag: green\n");
    let (dir, _) = common::temp_with("new.yaml", PLAN.as_bytes());
    std::fs::write(dir.path().join("old.yaml"), old).expect("old");
    let out = stdout(&boardplan(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--format", "md"],
    ));
    assert!(
        out.contains("| 1 Early help | 1 | 1 → 2 | 1 → 0 | 0 | 1 |"),
        "{out}"
    );
    assert!(
        out.contains("  - amber, derived from its milestones (no rating of its own)"),
        "{out}"
    );
}
