//! The plan's version history edited as text, one row per line:
//! `version | date | author | note` (the date typed naturally; empty parts left out). Rows
//! keep their identity by version, so re-saving an unchanged row leaves its lines alone.

use crate::model::{Due, HistoryEntry};

/// The history as text, one row per line; empty parts stay empty between the bars.
pub fn history_text(entries: &[HistoryEntry]) -> String {
    entries
        .iter()
        .map(|e| {
            let date = e.date.as_ref().map(ToString::to_string).unwrap_or_default();
            let parts = [
                e.version.as_str(),
                date.as_str(),
                e.author.as_deref().unwrap_or(""),
                e.note.as_deref().unwrap_or(""),
            ];
            parts.join(" | ").trim_end_matches([' ', '|']).to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads history lines back; a row keeps the identity of the old row with its version (so an
/// unchanged row is the same element). A line with no version, or a date that cannot be,
/// is refused with its number.
pub fn history_entries(text: &str, old: &[HistoryEntry]) -> Result<Vec<HistoryEntry>, String> {
    let mut entries: Vec<HistoryEntry> = Vec::new();
    for (number, line) in (1..).zip(text.lines()) {
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = line.splitn(4, '|').map(str::trim);
        let version = parts.next().unwrap_or_default().to_string();
        if version.is_empty() {
            return Err(format!(
                "line {number}: \"{line}\" needs a version first: version | date | author | note"
            ));
        }
        let part = |p: Option<&str>| p.filter(|p| !p.is_empty()).map(str::to_string);
        let date = match parts.next().filter(|d| !d.is_empty()) {
            Some(date) => {
                Some(Due::parse_natural(date).map_err(|e| format!("line {number}: {e}"))?)
            }
            None => None,
        };
        let author = part(parts.next());
        let note = part(parts.next());
        let id = old
            .iter()
            .find(|o| o.version == version && !entries.iter().any(|e| e.id.same(o.id)))
            .map_or_else(crate::model::ElementId::fresh, |o| o.id);
        entries.push(HistoryEntry {
            id,
            version,
            date,
            author,
            note,
        });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(version: &str, date: Option<&str>, author: Option<&str>, note: &str) -> HistoryEntry {
        HistoryEntry {
            version: version.into(),
            date: date.map(|d| Due::parse(d).expect("date")),
            author: author.map(Into::into),
            note: Some(note.into()).filter(|n: &String| !n.is_empty()),
            ..HistoryEntry::default()
        }
    }

    #[test]
    fn rows_round_trip_as_lines_and_keep_their_identity() {
        let old = vec![
            row("1.0", Some("2013-05-01"), Some("Jo Bloggs"), "First draft"),
            row("1.1", None, None, "Update | with a bar"),
            row("1.2", Some("2013-08"), None, ""),
        ];
        let text = history_text(&old);
        assert_eq!(
            text,
            "1.0 | 2013-05-01 | Jo Bloggs | First draft\n1.1 |  |  | Update | with a bar\n1.2 | 2013-08"
        );
        let back = history_entries(&text, &old).expect("reads back");
        assert_eq!(back, old);
        assert!(back.iter().zip(&old).all(|(a, b)| a.id.same(b.id)));
        let edited = history_entries("1.2 | 31 August 2013\n1.3 | | Sam | New", &old).expect("ok");
        assert!(edited[0].id.same(old[2].id), "1.2 kept its identity");
        assert_eq!(
            edited[0].date,
            Some(Due::parse("2013-08-31").expect("date"))
        );
        assert!(!old.iter().any(|o| o.id.same(edited[1].id)), "1.3 is new");
        assert_eq!(edited[1].author.as_deref(), Some("Sam"));
    }

    #[test]
    fn a_row_without_a_version_or_with_an_impossible_date_is_refused() {
        assert!(history_entries(" | 2013-05-01 | Jo", &[]).is_err());
        let error = history_entries("1.0\n1.1 | 31 September 2013", &[]).expect_err("refused");
        assert!(error.starts_with("line 2:"), "{error}");
    }
}
