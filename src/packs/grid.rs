//! A returned pack's bytes as a grid of cell texts: CSV as a spreadsheet leaves it (byte order
//! mark, CRLF, `;` or tab separators, quoted line breaks), or an xlsx workbook (the first
//! sheet with a pack's header). Encodings other than UTF-8 and damaged workbooks are refused
//! with advice.

use super::read::is_header;
use super::{PackProblem, Place};
use calamine::{Data, Range, Reader, Xlsx};
use std::io::Cursor;

/// The cells of a returned pack, row by row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grid {
    /// Each row's cells as text, and where the row is.
    pub rows: Vec<(Place, Vec<String>)>,
}

const SAVE_AS_UTF8: &str = "in Excel use File > Save As and choose \"CSV UTF-8 (Comma delimited) (*.csv)\", or send the .xlsx pack instead";

/// Reads a returned pack named `file` (used in messages and to tell xlsx from CSV).
pub fn read_grid(file: &str, bytes: &[u8]) -> Result<Grid, PackProblem> {
    let problem = |message: String| PackProblem {
        file: file.to_string(),
        place: None,
        message,
    };
    let extension = file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    if bytes.starts_with(b"PK\x03\x04") || extension.as_deref() == Some("xlsx") {
        return xlsx_grid(bytes).map_err(problem);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(problem(
            "this is an old-style Excel .xls workbook; save it as .xlsx or as CSV UTF-8 and import that".into(),
        ));
    }
    if extension.as_deref() == Some("md") {
        return Err(problem(
            "Markdown packs are for reading: type the lead's reply into their .csv or .xlsx pack (or use boardplan set) and import that".into(),
        ));
    }
    csv_grid(bytes).map_err(problem)
}

fn csv_grid(bytes: &[u8]) -> Result<Grid, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(format!(
            "the file is UTF-16 text (Excel's \"Unicode Text\"), not CSV in UTF-8; {SAVE_AS_UTF8}"
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        format!(
            "line {line}: the file is not UTF-8 text (byte 0x{:02X} cannot be read; it was probably saved as \"CSV (Comma delimited)\" in a Windows code page); {SAVE_AS_UTF8}",
            bytes[at]
        )
    })?;
    let mut first = None;
    for delimiter in [b',', b';', b'\t'] {
        let grid = parse_csv(text, delimiter)?;
        if grid.rows.iter().any(|(_, cells)| is_header(cells)) {
            return Ok(grid);
        }
        first.get_or_insert(grid);
    }
    Ok(first.unwrap_or_default())
}

fn parse_csv(text: &str, delimiter: u8) -> Result<Grid, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut grid = Grid::default();
    let mut lines = LineCounter::default();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("cannot read it as CSV: {e}"))?;
        let place = Place {
            row: index + 1,
            column: None,
            header: None,
            line: record.position().map(|p| lines.line_at(text, p.byte())),
        };
        grid.rows
            .push((place, record.iter().map(str::to_string).collect()));
    }
    Ok(grid)
}

/// Line numbers of records read in order: the line breaks before the last record asked about
/// are counted once, so numbering a whole file stays linear in its size.
#[derive(Default)]
struct LineCounter {
    /// Bytes already counted.
    counted: usize,
    /// Line breaks in them.
    breaks: u64,
}

impl LineCounter {
    /// The line a record starts on. The csv crate's own line count (and its start offset,
    /// which can point at the line break before the record) is off with CRLF line ends, so the
    /// line is counted here from the first byte that is not a line break.
    fn line_at(&mut self, text: &str, offset: u64) -> u64 {
        let bytes = text.as_bytes();
        let mut start = usize::try_from(offset)
            .unwrap_or(bytes.len())
            .min(bytes.len());
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start < self.counted {
            (self.counted, self.breaks) = (0, 0);
        }
        let new = &bytes[self.counted..start];
        self.breaks += new.iter().filter(|b| **b == b'\n').count() as u64;
        self.counted = start;
        self.breaks + 1
    }
}

fn xlsx_grid(bytes: &[u8]) -> Result<Grid, String> {
    let damaged = |e: &dyn std::fmt::Display| {
        format!(
            "cannot read it as an Excel workbook ({e}); the file may be incomplete or damaged: ask for it again, or save it again from Excel"
        )
    };
    let mut workbook = Xlsx::new(Cursor::new(bytes.to_vec())).map_err(|e| damaged(&e))?;
    let mut first = None;
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(|e| damaged(&e))?;
        let grid = range_grid(&range);
        if grid.rows.iter().any(|(_, cells)| is_header(cells)) {
            return Ok(grid);
        }
        first.get_or_insert(grid);
    }
    first.ok_or_else(|| "the workbook has no sheets".to_string())
}

/// A sheet's cells from `A1`, so row and column numbers are the spreadsheet's.
fn range_grid(range: &Range<Data>) -> Grid {
    let mut grid = Grid::default();
    let (Some(start), Some(end)) = (range.start(), range.end()) else {
        return grid;
    };
    for row in 0..=end.0 {
        let cells = (0..=end.1)
            .map(|col| {
                if row < start.0 || col < start.1 {
                    String::new()
                } else {
                    range
                        .get_value((row, col))
                        .map(cell_text)
                        .unwrap_or_default()
                }
            })
            .collect();
        let place = Place {
            row: row as usize + 1,
            column: None,
            header: None,
            line: None,
        };
        grid.rows.push((place, cells));
    }
    grid
}

/// A cell as the text a person typed: whole numbers without `.0`, dates as `YYYY-MM-DD`.
fn cell_text(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::Error(e) => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(grid: &Grid) -> Vec<Vec<String>> {
        grid.rows.iter().map(|(_, c)| c.clone()).collect()
    }

    #[test]
    fn semicolons_bom_and_crlf_are_read_like_commas() {
        let text = "\u{feff}title only\r\nref;new_rag;notes\r\n1.10;Green;\"a;\r\nb\"\r\n";
        let grid = read_grid("QEG.csv", text.as_bytes()).expect("reads");
        assert_eq!(
            cells(&grid),
            [
                vec!["title only"],
                vec!["ref", "new_rag", "notes"],
                vec!["1.10", "Green", "a;\r\nb"]
            ]
        );
        assert_eq!(grid.rows[2].0.row, 3);
        assert_eq!(grid.rows[2].0.line, Some(3));
        let lf = "a\nb;\"x\ny\"\nc\n";
        let lines: Vec<Option<u64>> = parse_csv(lf, b';')
            .expect("reads")
            .rows
            .iter()
            .map(|(p, _)| p.line)
            .collect();
        assert_eq!(lines, [Some(1), Some(2), Some(4)]);
    }

    #[test]
    fn latin1_and_utf16_are_refused_with_advice() {
        let latin1 = b"ref,new_progress\r\n1.1,caf\xE9\r\n";
        let error = read_grid("QEG.csv", latin1).expect_err("not utf-8");
        assert!(error.message.starts_with("line 2: the file is not UTF-8"));
        assert!(error.message.contains("CSV UTF-8"));
        let utf16 = [0xFF, 0xFE, b'r', 0, b'e', 0, b'f', 0];
        let error = read_grid("QEG.csv", &utf16).expect_err("utf-16");
        assert!(error.message.contains("UTF-16"), "{}", error.message);
    }

    #[test]
    fn a_cut_off_workbook_is_refused() {
        let error = read_grid("QEG.xlsx", b"PK\x03\x04 not really").expect_err("damaged");
        assert_eq!(error.file, "QEG.xlsx");
        assert!(
            error.message.contains("incomplete or damaged"),
            "{}",
            error.message
        );
    }
}
