//! A returned pack's grid read as a pack: the `key: value` lines saying what it was made
//! from, the header row (columns found by name, in any order, extra columns ignored) and the
//! rows under it.

use super::{Column, Grid, PackMeta, PackProblem, Place};
use std::collections::BTreeMap;

/// A pack as it came back from a lead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnedPack {
    /// The file name as given.
    pub file: String,
    /// What the pack says it was made from.
    pub meta: PackMeta,
    /// Where each metadata line is.
    pub meta_places: BTreeMap<String, Place>,
    /// Where each known column is (0-based).
    pub columns: BTreeMap<Column, usize>,
    /// The rows under the header that have something in them.
    pub rows: Vec<ReturnedRow>,
}

/// One row of a returned pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnedRow {
    /// Where it is.
    pub place: Place,
    /// The cells of the known columns.
    pub values: BTreeMap<Column, String>,
}

impl ReturnedRow {
    /// The row's text in `column`, empty when the column is missing.
    pub fn value(&self, column: Column) -> &str {
        self.values.get(&column).map_or("", String::as_str)
    }
}

impl ReturnedPack {
    /// The place of one cell of a row, for messages.
    pub fn cell_place(&self, row: &ReturnedRow, column: Column) -> Place {
        match self.columns.get(&column) {
            Some(index) => row.place.at_column(*index).named(column),
            None => row.place,
        }
    }
}

/// True for a pack's header row: it has a `ref` column and at least one `new_*` column.
pub(super) fn is_header(cells: &[String]) -> bool {
    let columns: Vec<Column> = cells
        .iter()
        .filter_map(|c| Column::from_header(c))
        .collect();
    columns.contains(&Column::Ref) && columns.iter().any(|c| c.is_new())
}

/// Finds the metadata, header and rows of a pack named `file`.
pub fn read_pack(file: &str, grid: &Grid) -> Result<ReturnedPack, PackProblem> {
    let problem = |place: Option<Place>, message: String| PackProblem {
        file: file.to_string(),
        place,
        message,
    };
    let Some(header_at) = grid.rows.iter().position(|(_, cells)| is_header(cells)) else {
        return Err(problem(
            None,
            "no table header with a 'ref' column and new_progress, new_rag or new_due columns; is this an update pack made by boardplan request?".into(),
        ));
    };
    let (header_place, header) = &grid.rows[header_at];
    let mut columns = BTreeMap::new();
    for (index, text) in header.iter().enumerate() {
        if let Some(column) = Column::from_header(text)
            && let Some(first) = columns.insert(column, index)
        {
            return Err(problem(
                Some(header_place.at_column(index)),
                format!(
                    "a second '{column}' column (the first is column {}); delete one of them",
                    super::column_letters(first)
                ),
            ));
        }
    }
    let (meta, meta_places) = read_meta(&grid.rows[..header_at]);
    if meta.board.is_empty() || meta.period.is_empty() {
        return Err(problem(
            Some(*header_place),
            "the pack does not say which plan it was made from (no 'board:' and 'period:' lines above the table); make packs with boardplan request and keep the lines above the table".into(),
        ));
    }
    let rows = grid.rows[header_at + 1..]
        .iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(place, cells)| ReturnedRow {
            place: *place,
            values: columns
                .iter()
                .map(|(column, index)| (*column, cells.get(*index).cloned().unwrap_or_default()))
                .collect(),
        })
        .collect();
    Ok(ReturnedPack {
        file: file.to_string(),
        meta,
        meta_places,
        columns,
        rows,
    })
}

/// `key: value` in the first non-empty cell of the rows above the header.
fn read_meta(rows: &[(Place, Vec<String>)]) -> (PackMeta, BTreeMap<String, Place>) {
    let mut meta = PackMeta::default();
    let mut places = BTreeMap::new();
    for (place, cells) in rows {
        let Some((index, cell)) = cells.iter().enumerate().find(|(_, c)| !c.trim().is_empty())
        else {
            continue;
        };
        if let Some((key, value)) = cell.split_once(':') {
            let key = key.trim().to_ascii_lowercase();
            if meta.set(&key, value.trim().to_string()) {
                places.insert(key, place.at_column(index));
            }
        }
    }
    (meta, places)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid {
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, cells)| {
                    let place = Place {
                        row: i + 1,
                        column: None,
                        header: None,
                        line: None,
                    };
                    (place, cells.iter().map(|c| c.to_string()).collect())
                })
                .collect(),
        }
    }

    #[test]
    fn columns_are_found_by_name_in_any_order_with_extras() {
        let grid = grid(&[
            &["boardplan update pack: fill in"],
            &["board: Board", ""],
            &["period: 2013-14"],
            &["comment", "New RAG", "ref"],
            &["", "", ""],
            &["sent late", "green", "1.10"],
        ]);
        let pack = read_pack("QEG.csv", &grid).expect("reads");
        assert_eq!(pack.meta.board, "Board");
        assert_eq!(pack.meta.period, "2013-14");
        assert_eq!(pack.meta_places["period"].row, 3);
        assert_eq!(pack.rows.len(), 1, "the empty row is skipped");
        let row = &pack.rows[0];
        assert_eq!(row.value(Column::Ref), "1.10");
        assert_eq!(row.value(Column::NewRag), "green");
        assert_eq!(row.value(Column::NewDue), "");
        assert_eq!(
            pack.cell_place(row, Column::NewRag).to_string(),
            "row 6, column B (new_rag)"
        );
    }

    #[test]
    fn a_sheet_without_the_pack_lines_is_refused() {
        let error = read_pack("x.csv", &grid(&[&["ref", "new_rag"]])).expect_err("no meta");
        assert!(error.message.contains("which plan"), "{}", error.message);
        let error = read_pack("x.csv", &grid(&[&["a", "b"]])).expect_err("no header");
        assert!(
            error.message.contains("no table header"),
            "{}",
            error.message
        );
        let twice = grid(&[
            &["board: B"],
            &["period: P"],
            &["ref", "new_rag", "NEW_RAG"],
        ]);
        let error = read_pack("x.csv", &twice).expect_err("duplicate");
        assert_eq!(error.place.and_then(|p| p.column), Some(2));
    }
}
