//! CSV and Excel exports read back with independent parsers (the `csv` crate and `calamine`) and
//! compared with the plan field by field, for every bundled plan and for awkward text: unicode,
//! 5,000-character lines, multi-line progress, Markdown and HTML characters, empty themes.

mod common;

use boardplan::export::{self, Format, Options, Paper};
use boardplan::model::{Action, Due, Plan, Rag, RagSource, Theme};
use boardplan::store::{PlanFile, load};
use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;

fn as_at() -> NaiveDate {
    NaiveDate::from_ymd_opt(2013, 10, 1).expect("date")
}

/// The columns every row must hold, computed here from the model (not by the exporter).
fn expected(plan: &Plan, theme: &Theme, action: &Action) -> Vec<String> {
    let owners: Vec<&str> = action
        .owners
        .iter()
        .map(|o| plan.owner_full_name(o).unwrap_or(o))
        .collect();
    let due = match &action.due {
        None => String::new(),
        Some(Due::Date(d)) => d.format("%-d %B %Y").to_string(),
        Some(Due::Month { year, month }) => {
            let name = [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ][*month as usize - 1];
            format!("{name} {year}")
        }
        Some(Due::Ongoing) => "ongoing".into(),
        Some(Due::Text(t)) => t.clone(),
    };
    let rag = rag_name(action.rag);
    vec![
        theme.reference.clone(),
        theme.title.clone(),
        action.reference.clone(),
        action.action.clone(),
        action.outcome.clone().unwrap_or_default(),
        owners.join("; "),
        due,
        action.progress.clone().unwrap_or_default(),
        rag.to_string(),
    ]
}

/// The other columns computed from the model, by name (so a column added later shifts none).
fn expected_named(action: &Action) -> [(&'static str, String); 3] {
    let derived = match action.effective_rag() {
        Some((rag, RagSource::Milestones)) => rag_name(Some(rag)),
        _ => "",
    };
    [
        ("rag_from_milestones", derived.to_string()),
        (
            "overdue",
            if action.is_overdue(as_at()) {
                "yes"
            } else {
                ""
            }
            .to_string(),
        ),
        ("notes", action.notes.clone().unwrap_or_default()),
    ]
}

fn rag_name(rag: Option<Rag>) -> &'static str {
    match rag {
        Some(Rag::Red) => "Red",
        Some(Rag::Amber) => "Amber",
        Some(Rag::Green) => "Green",
        Some(Rag::Blue) => "Blue",
        None => "",
    }
}

/// Checks the named columns of every row against the model.
fn check_named(plan: &Plan, header: &[String], rows: &[Vec<String>], label: &str) {
    let actions: Vec<&Action> = plan.actions().map(|(_, a)| a).collect();
    assert_eq!(rows.len(), actions.len());
    for (row, action) in rows.iter().zip(actions) {
        for (name, want) in expected_named(action) {
            let at = header
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("{label}: a {name} column"));
            assert_eq!(row[at], want, "{label}: {name} of {}", action.reference);
        }
    }
}

fn expected_rows(plan: &Plan) -> Vec<Vec<String>> {
    plan.themes
        .iter()
        .flat_map(|t| t.actions.iter().map(move |a| expected(plan, t, a)))
        .collect()
}

fn render(plan: &Plan, format: Format) -> Vec<u8> {
    let paper = Paper::build(plan, &Options::all(as_at()), None).expect("paper");
    export::render(plan, &paper, format).expect("render")
}

/// The CSV read back: header and rows, after checking the BOM and the CRLF line ends.
fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("starts with a UTF-8 byte order mark");
    let header_end = body
        .iter()
        .position(|b| *b == b'\n')
        .expect("a header line");
    assert_eq!(body[header_end - 1], b'\r', "the header line ends in CRLF");
    assert!(body.ends_with(b"\r\n"), "the last record ends in CRLF");
    let mut reader = csv::ReaderBuilder::new().from_reader(body);
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("record").iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// The Excel workbook read back: the named sheet as text cells (numbers as their value).
fn read_xlsx(bytes: &[u8], sheet: &str) -> Vec<Vec<Data>> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.xlsx");
    std::fs::write(&path, bytes).expect("write");
    let mut workbook: Xlsx<_> = open_workbook(&path).expect("calamine opens the workbook");
    let range = workbook.worksheet_range(sheet).expect("sheet");
    range.rows().map(<[Data]>::to_vec).collect()
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("expected text, found {other:?}"),
    }
}

fn check_both(plan: &Plan, label: &str) {
    let want = expected_rows(plan);
    let (header, rows) = read_csv(&render(plan, Format::Csv));
    assert_eq!(
        &header[..9],
        [
            "theme_ref",
            "theme",
            "ref",
            "action",
            "outcome",
            "owners",
            "due",
            "progress",
            "rag"
        ]
    );
    assert_eq!(rows.len(), want.len(), "{label}: one CSV row per action");
    for (row, want) in rows.iter().zip(&want) {
        assert_eq!(
            &row[..9],
            want.as_slice(),
            "{label}: CSV row of {}",
            want[2]
        );
    }
    check_named(plan, &header, &rows, &format!("{label} (CSV)"));
    let sheet = read_xlsx(&render(plan, Format::Xlsx), "Actions");
    let names: Vec<String> = sheet[0].iter().map(text).collect();
    assert_eq!(names, header, "{label}: the sheet has the CSV's columns");
    assert_eq!(
        sheet.len() - 1,
        want.len(),
        "{label}: one sheet row per action"
    );
    for (row, want) in sheet[1..].iter().zip(&want) {
        let cells: Vec<String> = row[..9].iter().map(text).collect();
        assert_eq!(cells, *want, "{label}: sheet row of {}", want[2]);
    }
    let cells: Vec<Vec<String>> = sheet[1..]
        .iter()
        .map(|row| row.iter().map(text).collect())
        .collect();
    check_named(plan, &header, &cells, &format!("{label} (Excel)"));
}

#[test]
fn every_bundled_plan_reads_back_field_by_field() {
    for path in common::bundled_plans() {
        let file = PlanFile::open(&path).unwrap_or_else(|e| panic!("{e}"));
        check_both(&file.plan, &path.display().to_string());
    }
}

/// A plan with the text that breaks naive exporters.
fn awkward_plan() -> Plan {
    let long = "Safeguarding ".repeat(385);
    let yaml = format!(
        "board: Ærøskøbing & District Safeguarding Children Board\nperiod: 2013-14\ntitle: 'Plan: <2013> \"quoted\", with | pipes'\nowners:\n  QEG: Quality & Effectiveness Group\nthemes:\n- ref: '1'\n  title: Empty theme\n- ref: '2'\n  title: 'Unicode: 子どもの安全 — naïve café'\n  actions:\n  - ref: '1.10'\n    action: '# not a heading'\n    owners:\n    - QEG\n    - Police, \"North\" division\n    due: 2013-07\n    progress: |-\n      - not a list\n      1. not numbered\n      line with | pipe, comma; and \"quotes\"\n      <script>alert('x')</script>\n    rag: red\n  - ref: '1.2'\n    action: {long}\n    outcome: 'Emoji 👶🏽 and RTL שלום'\n    due: Q3 2013/14\n    progress: {long}\n  - ref: '1.3'\n    action: Milestones only\n    due: ongoing\n    milestones:\n    - milestone: First step\n      rag: amber\n"
    );
    load(yaml.as_bytes())
        .unwrap_or_else(|d| panic!("fixture loads: {d:?}"))
        .plan
}

#[test]
fn awkward_text_reads_back_unchanged() {
    let plan = awkward_plan();
    assert!(plan.themes[1].actions[1].action.len() >= 5_000);
    check_both(&plan, "awkward plan");
    let (_, rows) = read_csv(&render(&plan, Format::Csv));
    assert_eq!(
        rows[0][7].lines().count(),
        4,
        "multi-line progress keeps its lines"
    );
    assert_eq!(
        rows[2][9], "Amber",
        "an unrated action's rating from its milestones"
    );
    assert_eq!(rows[2][11], "First step (Amber)");
}

#[test]
fn the_summary_sheet_counts_each_theme() {
    let plan = awkward_plan();
    let sheet = read_xlsx(&render(&plan, Format::Xlsx), "Summary");
    let row = |label: &str| {
        sheet
            .iter()
            .find(|r| matches!(&r[0], Data::String(s) if s == label))
            .unwrap_or_else(|| panic!("a row for {label}"))
            .iter()
            .skip(1)
            .map(|c| match c {
                Data::Float(f) => *f as usize,
                other => panic!("a count, found {other:?}"),
            })
            .collect::<Vec<usize>>()
    };
    // Red, amber, green, blue, not rated, total, overdue (as at 1 October 2013).
    assert_eq!(row("1 Empty theme"), [0, 0, 0, 0, 0, 0, 0]);
    // 1.3 is unrated but its milestone is amber: it counts as amber, as everywhere else.
    assert_eq!(
        row("2 Unicode: 子どもの安全 — naïve café"),
        [1, 1, 0, 0, 1, 3, 1]
    );
    assert_eq!(row("All themes"), [1, 1, 0, 0, 1, 3, 1]);
}

#[test]
fn markdown_and_html_escape_every_text() {
    let plan = awkward_plan();
    let html = String::from_utf8(render(&plan, Format::Html)).expect("utf-8");
    assert!(
        !html.contains("<script"),
        "no script element, even from plan text"
    );
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("Plan: &lt;2013&gt; &quot;quoted&quot;, with | pipes"));
    assert!(html.contains("<meta charset=\"utf-8\">") && html.contains("<html lang=\"en-GB\">"));
    for forbidden in [
        "<img", "<link", "<iframe", "src=", "href=", "@import", "url(",
    ] {
        assert!(!html.contains(forbidden), "self-contained: no {forbidden}");
    }
    let md = String::from_utf8(render(&plan, Format::Markdown)).expect("utf-8");
    let row = md
        .lines()
        .find(|l| l.starts_with("| 1.10 |") && l.contains("not a list"))
        .expect("the row of 1.10");
    let cell_borders = row.matches('|').count() - row.matches("\\|").count();
    assert_eq!(cell_borders, 7, "six cells; escaped pipes add none: {row}");
    assert!(row.starts_with("| 1.10 | # not a heading | "), "{row}");
    assert!(row.contains("- not a list<br>1. not numbered<br>line with \\| pipe"));
    assert!(row.contains("\\<script\\>"));
    assert!(md.contains("## 1 Empty theme\n\nNo actions.\n"));
}

/// One part of the workbook's zip container, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip container");
    let mut file = archive.by_name(name).expect(name);
    let mut text = String::new();
    std::io::Read::read_to_string(&mut file, &mut text).expect("utf-8 part");
    text
}

#[test]
fn the_actions_sheet_is_frozen_filtered_and_coloured() {
    let plan = awkward_plan();
    let bytes = render(&plan, Format::Xlsx);
    let sheet = part(&bytes, "xl/worksheets/sheet2.xml");
    assert!(sheet.contains(
        "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
    ));
    assert!(
        sheet.contains("<autoFilter ref=\"A1:M4\"/>"),
        "header and three actions"
    );
    let action_column = "<col min=\"4\" max=\"4\" width=\"50.7109375\" style=\"";
    let at = sheet
        .find(action_column)
        .expect("the action column's width and style")
        + action_column.len();
    let style = &sheet[at..at + sheet[at..].find('"').expect("style")];
    assert!(
        sheet.contains(&format!("<c r=\"D2\" s=\"{style}\" t=\"inlineStr\">")),
        "action cells carry the column's wrapped style, their text inline (constant-memory sheet)"
    );
    let styles = part(&bytes, "xl/styles.xml");
    assert!(
        styles.contains("<fgColor rgb=\"FFC62828\"/>"),
        "the red fill"
    );
    assert!(styles.contains("wrapText=\"1\""), "wrapped text");
    let chart = part(&bytes, "xl/charts/chart1.xml");
    assert!(
        chart.contains("<c:grouping val=\"stacked\"/>")
            && chart.contains("<c:barDir val=\"bar\"/>")
    );
}

#[test]
fn the_html_uses_only_colours_whose_contrast_is_checked() {
    let checked: Vec<String> = export::colour_pairs()
        .into_iter()
        .flat_map(|(text, background)| [text, background])
        .map(|c| format!("#{c:06x}"))
        .collect();
    // Lines only (borders, strokes): not text, so not held to 4.5:1.
    let lines = ["#8c8c8c", "#595959", "#ffffff"];
    let html = String::from_utf8(render(&awkward_plan(), Format::Html)).expect("utf-8");
    let mut rest = html.as_str();
    while let Some(at) = rest.find('#') {
        let candidate = &rest[at..(at + 7).min(rest.len())];
        let hex = candidate.len() == 7 && candidate[1..].bytes().all(|b| b.is_ascii_hexdigit());
        if hex {
            let colour = candidate.to_ascii_lowercase();
            assert!(
                checked.contains(&colour) || lines.contains(&colour.as_str()),
                "{colour} is used but its contrast is not checked"
            );
        }
        rest = &rest[at + 1..];
    }
    for (text, background) in export::colour_pairs() {
        assert!(export::contrast(text, background) >= 4.5);
    }
}
