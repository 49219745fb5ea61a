//! Helpers for the update-pack tests: a plan with shared and glossary owners, and reading and
//! rewriting packs the way a spreadsheet would, with the csv, calamine and rust_xlsxwriter
//! crates (never through boardplan's own pack reader).
#![allow(dead_code)]

use calamine::{Data, Reader, Xlsx};
use std::path::Path;

/// A plan with a glossary, an owner named by full name, an action with two owners and the
/// ref `1.10` beside `1.1`.
pub const PLAN: &str = "\
board: Test Safeguarding Children Board
period: 2013-14
title: Business Plan 2013-2014
owners:
  QEG: Quality & Effectiveness Group
  SLDG: Strategic Learning and Development Group
themes:
- ref: '1'
  title: Early help
  actions:
  - ref: '1.1'
    action: Monitor the dataset
    owners:
    - QEG
    due: 2013-07-31
    progress: Dataset in place
    rag: green
  - ref: '1.2'
    action: Publish the threshold document
    owners:
    - Quality & Effectiveness Group
    due: 2013-09
    rag: amber
  - ref: '1.10'
    action: Audit early help cases
    owners:
    - QEG
    - SLDG
    due: ongoing
    progress: |-
      First audit done.
      Second audit planned.
    rag: amber
- ref: '2'
  title: Protection
  actions:
  - ref: '2.1'
    action: Train staff
    owners:
    - SLDG
    due: 2014-03-31
    progress: Courses booked
    rag: red
";

/// A pack read by an independent parser: the lines above the table and the table itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Rows above the header.
    pub top: Vec<Vec<String>>,
    /// The header row.
    pub header: Vec<String>,
    /// The rows under it.
    pub rows: Vec<Vec<String>>,
}

impl Sheet {
    /// The value of `key: value` among the lines above the table.
    pub fn meta(&self, key: &str) -> Option<String> {
        self.top.iter().find_map(|row| {
            let cell = row.first()?;
            let (k, v) = cell.split_once(':')?;
            (k.trim() == key).then(|| v.trim().to_string())
        })
    }

    /// The index of a column.
    pub fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {:?}", self.header))
    }

    /// The row of an action.
    pub fn row_of(&mut self, reference: &str) -> &mut Vec<String> {
        let col = self.col("ref");
        self.rows
            .iter_mut()
            .find(|r| r[col] == reference)
            .unwrap_or_else(|| panic!("no row {reference}"))
    }

    /// Sets one cell of an action's row.
    pub fn set(&mut self, reference: &str, column: &str, value: &str) {
        let col = self.col(column);
        let row = self.row_of(reference);
        row[col] = value.to_string();
    }

    fn split(all: Vec<Vec<String>>) -> Sheet {
        let at = all
            .iter()
            .position(|r| r.first().is_some_and(|c| c == "ref"))
            .expect("a header row starting with ref");
        Sheet {
            top: all[..at].to_vec(),
            header: all[at].clone(),
            rows: all[at + 1..].to_vec(),
        }
    }
}

/// A CSV pack read with the csv crate (after dropping the byte order mark).
pub fn read_csv(path: &Path) -> Sheet {
    let bytes = std::fs::read(path).expect("pack");
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("a UTF-8 byte order mark");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let all = reader
        .records()
        .map(|r| r.expect("csv").iter().map(String::from).collect())
        .collect();
    Sheet::split(all)
}

/// An xlsx pack's first sheet read with calamine; every cell must be text or empty.
pub fn read_xlsx(path: &Path) -> Sheet {
    let mut workbook: Xlsx<_> = calamine::open_workbook(path).expect("workbook");
    let range = workbook
        .worksheet_range_at(0)
        .expect("a sheet")
        .expect("reads");
    let all = range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => panic!("a cell that is not text: {other:?}"),
                })
                .collect()
        })
        .collect();
    Sheet::split(all)
}

/// How a spreadsheet saves a CSV.
pub struct CsvStyle {
    /// The separator (`;` in locales with a decimal comma).
    pub delimiter: u8,
    /// Columns of the table in reverse order.
    pub reverse_columns: bool,
    /// An extra column the lead added.
    pub extra_column: bool,
}

/// Writes `sheet` as a spreadsheet would: byte order mark, CRLF, the chosen separator,
/// rows padded to one width.
pub fn write_csv(path: &Path, sheet: &Sheet, style: &CsvStyle) {
    let width = sheet.header.len() + usize::from(style.extra_column);
    let arrange = |row: &Vec<String>, extra: &str| {
        let mut row = row.clone();
        if style.reverse_columns {
            row.reverse();
        }
        if style.extra_column {
            row.push(extra.to_string());
        }
        row
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(style.delimiter)
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    for row in &sheet.top {
        let mut row = row.clone();
        row.resize(width, String::new());
        writer.write_record(&row).expect("csv");
    }
    writer
        .write_record(arrange(&sheet.header, "comments"))
        .expect("csv");
    for row in &sheet.rows {
        writer
            .write_record(arrange(row, "checked by the chair"))
            .expect("csv");
    }
    std::fs::write(path, writer.into_inner().expect("bytes")).expect("write");
}

/// Writes `sheet` as a new workbook with rust_xlsxwriter, every cell as text except the
/// `new_due` cells named in `dates`, written as real Excel dates; a lead's own notes sheet
/// comes first.
pub fn write_xlsx(path: &Path, sheet: &Sheet, dates: &[(&str, u16, u8, u8)]) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut workbook = Workbook::new();
    let notes = workbook.add_worksheet();
    notes.set_name("Notes").expect("name");
    notes
        .write_string(0, 0, "ref: see the other sheet")
        .expect("cell");
    let ws = workbook.add_worksheet();
    let all = sheet
        .top
        .iter()
        .chain([&sheet.header])
        .chain(sheet.rows.iter());
    for (r, row) in all.enumerate() {
        for (c, value) in row.iter().enumerate() {
            if !value.is_empty() {
                ws.write_string(r as u32, c as u16, value).expect("cell");
            }
        }
    }
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let first = sheet.top.len() as u32 + 1;
    for (reference, y, m, d) in dates {
        let at = sheet
            .rows
            .iter()
            .position(|row| row[sheet.col("ref")] == *reference)
            .expect("row");
        let date = ExcelDateTime::from_ymd(*y, *m, *d).expect("date");
        ws.write_datetime_with_format(
            first + at as u32,
            sheet.col("new_due") as u16,
            &date,
            &date_format,
        )
        .expect("date cell");
    }
    workbook.save(path).expect("save");
}
