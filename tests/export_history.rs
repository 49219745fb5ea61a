//! The plan's author and version history in the board paper of the bundled 2013-14 plan: the
//! cover of the Markdown and HTML, and a History sheet of the workbook read back by calamine.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::boardplan;
use std::path::Path;

const ROWS: [[&str; 4]; 3] = [
    ["1.0", "29 April 2013", "Jon Chapman", ""],
    ["1.1", "29 May 2013", "Jon Chapman", "Feedback from PSCB"],
    ["1.2", "20 August 2013", "Jon Chapman", "Update on progress"],
];

fn export(dir: &Path, format: &str) -> Vec<u8> {
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/2013-14.yaml");
    let out = dir.join(format!("paper.{format}"));
    let output = boardplan(
        dir,
        &[
            "export",
            "--format",
            format,
            plan.to_str().expect("path"),
            "--as-at",
            "2013-10-01",
            "-o",
            out.to_str().expect("path"),
        ],
    );
    assert!(output.status.success(), "{}", common::stderr(&output));
    std::fs::read(out).expect("written")
}

#[test]
fn markdown_and_html_covers_show_the_author_and_the_history() {
    let dir = tempfile::tempdir().expect("dir");
    let md = String::from_utf8(export(dir.path(), "md")).expect("utf-8");
    let cover = md.split("## Summary").next().expect("cover");
    assert!(cover.contains("| Author | Jon Chapman |"), "{cover}");
    assert!(
        cover.contains(
            "**Version history**\n\n| Version | Date | Author | Note |\n|---|---|---|---|\n"
        ),
        "{cover}"
    );
    for [version, date, author, note] in ROWS {
        let row = format!("| {version} | {date} | {author} | {note} |");
        assert!(cover.contains(&row), "{row} in\n{cover}");
    }
    let html = String::from_utf8(export(dir.path(), "html")).expect("utf-8");
    let header = html
        .split("<header class=\"cover\">")
        .nth(1)
        .and_then(|h| h.split("</header>").next())
        .expect("cover");
    assert!(header.contains("<dt>Author</dt><dd class=\"t\">Jon Chapman</dd>"));
    let table = header
        .split("<table class=\"history\">")
        .nth(1)
        .expect("a history table in the cover");
    assert!(table.contains("<caption class=\"note\">Version history</caption>"));
    for [version, date, author, note] in ROWS {
        let row = format!(
            "<tr><th scope=\"row\">{version}</th><td>{date}</td><td>{author}</td><td class=\"t\">{note}</td></tr>"
        );
        assert!(table.contains(&row), "{row} in\n{table}");
    }
}

#[test]
fn the_workbook_has_a_history_sheet() {
    let dir = tempfile::tempdir().expect("dir");
    export(dir.path(), "xlsx");
    let mut workbook: Xlsx<_> =
        open_workbook(dir.path().join("paper.xlsx")).expect("calamine opens it");
    assert_eq!(workbook.sheet_names(), ["Summary", "Actions", "History"]);
    let sheet = workbook.worksheet_range("History").expect("history");
    let text = |cell: &Data| match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("text cells only, found {other:?}"),
    };
    let rows: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(text).collect()).collect();
    assert_eq!(rows[0][..2], ["Author", "Jon Chapman"]);
    assert_eq!(rows[2], ["Version", "Date", "Author", "Note"]);
    let body: Vec<Vec<String>> = rows[3..].to_vec();
    let expected: Vec<Vec<String>> = ROWS
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(body, expected);
}
