//! The update round with leads: update packs out (one per owner) and their replies back in.
//!
//! `build` turns a plan into packs (an owner's actions, with what the pack was made from);
//! `csv_out`, `xlsx_out` and `md_out` write a pack as bytes; `grid` reads a returned pack
//! (CSV as Excel leaves it, or xlsx) into a grid of cells; `read` finds the pack's metadata,
//! header and rows in that grid; `propose` checks the rows against the plan and turns them
//! into proposed field changes, problems and (`conflict`) conflicts. Pure except for the bytes handed in:
//! no files are read or written here, and no terminal crates are named.

mod build;
mod conflict;
mod csv_out;
mod grid;
mod md_out;
mod propose;
mod read;
mod xlsx_out;

pub use build::{Pack, PackRow, UnknownOwner, build_packs, content_hash, row_check};
pub use conflict::{Conflict, ConflictKind, FieldValues};
pub use csv_out::to_csv;
pub use grid::{Grid, read_grid};
pub use md_out::to_markdown;
pub use propose::{Change, Proposal, Source, propose};
pub use read::{ReturnedPack, ReturnedRow, read_pack};
pub use xlsx_out::to_xlsx;

use std::fmt;

/// The columns of a pack, in the order they are written. The one list every writer and the
/// reader derive their headers from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Column {
    /// The action's ref.
    Ref,
    /// The title of the action's theme.
    Theme,
    /// The action's text.
    Action,
    /// The current timescale.
    Due,
    /// The current progress commentary.
    Progress,
    /// The current rating.
    Rag,
    /// The lead's new progress commentary.
    NewProgress,
    /// The lead's new rating.
    NewRag,
    /// The lead's new timescale.
    NewDue,
    /// A fingerprint of the action's values when the pack was made, to spot later changes.
    Check,
}

impl Column {
    /// Every column, in the order written.
    pub const ALL: [Column; 10] = [
        Column::Ref,
        Column::Theme,
        Column::Action,
        Column::Due,
        Column::Progress,
        Column::Rag,
        Column::NewProgress,
        Column::NewRag,
        Column::NewDue,
        Column::Check,
    ];

    /// The header written in the pack (and looked for when it comes back).
    pub fn header(self) -> &'static str {
        match self {
            Column::Ref => "ref",
            Column::Theme => "theme",
            Column::Action => "action",
            Column::Due => "due",
            Column::Progress => "progress",
            Column::Rag => "rag",
            Column::NewProgress => "new_progress",
            Column::NewRag => "new_rag",
            Column::NewDue => "new_due",
            Column::Check => "check",
        }
    }

    /// True for the columns the lead fills in.
    pub fn is_new(self) -> bool {
        matches!(self, Column::NewProgress | Column::NewRag | Column::NewDue)
    }

    /// The column whose header reads `text`, ignoring case, surrounding space and whether
    /// words are joined by `_`, `-` or a space (`New RAG` is `new_rag`).
    pub fn from_header(text: &str) -> Option<Column> {
        let folded: String = text
            .trim()
            .chars()
            .map(|c| match c {
                ' ' | '-' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        Column::ALL.into_iter().find(|c| c.header() == folded)
    }
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.header())
    }
}

/// What a pack was made from, written above its header as `key: value` lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PackMeta {
    /// The plan file, as named when the pack was made.
    pub plan: String,
    /// The plan's board.
    pub board: String,
    /// The plan's period.
    pub period: String,
    /// The owner the pack is for.
    pub owner: String,
    /// The first 16 hex digits of the SHA-256 of the plan file's bytes.
    pub sha256: String,
    /// The day the pack was made, `YYYY-MM-DD`.
    pub made: String,
}

impl PackMeta {
    /// The metadata keys, in the order written.
    pub const KEYS: [&'static str; 6] = ["plan", "board", "period", "owner", "sha256", "made"];

    /// The value of one key.
    pub fn get(&self, key: &str) -> Option<&str> {
        match key {
            "plan" => Some(&self.plan),
            "board" => Some(&self.board),
            "period" => Some(&self.period),
            "owner" => Some(&self.owner),
            "sha256" => Some(&self.sha256),
            "made" => Some(&self.made),
            _ => None,
        }
    }

    /// Sets one key; false when the key is not one of [`PackMeta::KEYS`].
    pub fn set(&mut self, key: &str, value: String) -> bool {
        let slot = match key {
            "plan" => &mut self.plan,
            "board" => &mut self.board,
            "period" => &mut self.period,
            "owner" => &mut self.owner,
            "sha256" => &mut self.sha256,
            "made" => &mut self.made,
            _ => return false,
        };
        *slot = value;
        true
    }

    /// The lines written above the header: `key: value`, one cell each, so a spreadsheet keeps
    /// them as text (a lone `2013-14` or a date would be turned into a number).
    pub fn lines(&self) -> Vec<String> {
        PackMeta::KEYS
            .iter()
            .map(|k| format!("{k}: {}", self.get(k).unwrap_or("")))
            .collect()
    }
}

/// The first line of every pack: what to do with it.
pub const INSTRUCTIONS: &str = "boardplan update pack: fill in new_progress, new_rag (red, amber, green or blue) and new_due for the actions you have news on; leave the other columns and the lines above the table as they are, then send the file back.";

/// Where something is in a returned pack: a spreadsheet row (1-based), a column, and for CSV
/// the line of the file the row starts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    /// The spreadsheet row, counting from 1.
    pub row: usize,
    /// The column, counting from 0 (`A`), when the problem is in one cell.
    pub column: Option<usize>,
    /// The column's header, when it is one of the pack's columns.
    pub header: Option<&'static str>,
    /// The line of a CSV file the row starts on.
    pub line: Option<u64>,
}

impl Place {
    /// The same place, narrowed to one column.
    pub fn at_column(self, column: usize) -> Place {
        Place {
            column: Some(column),
            ..self
        }
    }

    /// The same place, with the name of its column.
    pub fn named(self, column: Column) -> Place {
        Place {
            header: Some(column.header()),
            ..self
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row {}", self.row)?;
        if let Some(column) = self.column {
            write!(f, ", column {}", column_letters(column))?;
            if let Some(header) = self.header {
                write!(f, " ({header})")?;
            }
        }
        if let Some(line) = self.line.filter(|l| *l != self.row as u64) {
            write!(f, " (line {line})")?;
        }
        Ok(())
    }
}

/// A spreadsheet's name for a column: 0 is `A`, 25 `Z`, 26 `AA`.
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Something wrong with a returned pack: which file, where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackProblem {
    /// The pack's file name as given.
    pub file: String,
    /// Where in it, when known.
    pub place: Option<Place>,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for PackProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place {
            Some(place) => write!(f, "{}: {place}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_found_whatever_a_spreadsheet_did_to_them() {
        assert_eq!(Column::from_header(" New RAG "), Some(Column::NewRag));
        assert_eq!(Column::from_header("new-due"), Some(Column::NewDue));
        assert_eq!(Column::from_header("REF"), Some(Column::Ref));
        assert_eq!(Column::from_header("comments"), None);
        for column in Column::ALL {
            assert_eq!(Column::from_header(column.header()), Some(column));
        }
    }

    #[test]
    fn columns_are_named_as_in_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(7), "H");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
    }

    #[test]
    fn a_place_names_row_column_and_a_differing_line() {
        let place = Place {
            row: 9,
            column: None,
            header: None,
            line: Some(12),
        };
        assert_eq!(
            place.at_column(7).named(Column::NewRag).to_string(),
            "row 9, column H (new_rag) (line 12)"
        );
        let same = Place {
            row: 9,
            column: Some(0),
            header: None,
            line: Some(9),
        };
        assert_eq!(same.to_string(), "row 9, column A");
    }

    #[test]
    fn metadata_round_trips_through_its_lines() {
        let mut meta = PackMeta::default();
        for (i, key) in PackMeta::KEYS.iter().enumerate() {
            assert!(meta.set(key, format!("value {i}")));
        }
        assert!(!meta.set("colour", "red".into()));
        assert_eq!(meta.lines()[3], "owner: value 3");
    }
}
