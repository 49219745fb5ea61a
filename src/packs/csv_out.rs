//! A pack as CSV for Excel and other spreadsheets: UTF-8 with a byte order mark (so Excel
//! reads it as UTF-8), CRLF line ends, the instructions and metadata as one-cell rows above
//! the header.

use super::{Column, INSTRUCTIONS, Pack, PackRow};

/// The pack's CSV bytes.
pub fn to_csv(pack: &Pack) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let mut records: Vec<Vec<String>> = vec![vec![INSTRUCTIONS.to_string()]];
    records.extend(pack.meta.lines().into_iter().map(|line| vec![line]));
    records.push(Column::ALL.iter().map(|c| c.header().to_string()).collect());
    records.extend(pack.rows.iter().map(cells));
    for record in records {
        // Writing into memory cannot fail; an error here would be a bug in the csv crate.
        if writer.write_record(&record).is_err() {
            break;
        }
    }
    writer.into_inner().unwrap_or_default()
}

/// A row's cells in [`Column::ALL`] order, the new ones empty.
pub(super) fn cells(row: &PackRow) -> Vec<String> {
    Column::ALL
        .iter()
        .map(|column| cell(row, *column).to_string())
        .collect()
}

/// A row's value in one column (empty for the columns the lead fills in).
pub(super) fn cell(row: &PackRow, column: Column) -> &str {
    match column {
        Column::Ref => &row.reference,
        Column::Theme => &row.theme,
        Column::Action => &row.action,
        Column::Due => &row.due,
        Column::Progress => &row.progress,
        Column::Rag => &row.rag,
        Column::Check => &row.check,
        Column::NewProgress | Column::NewRag | Column::NewDue => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packs::PackMeta;

    #[test]
    fn csv_starts_with_a_bom_and_ends_lines_with_crlf() {
        let pack = Pack {
            owner: "QEG".into(),
            file_stem: "QEG".into(),
            meta: PackMeta {
                period: "2013-14".into(),
                ..PackMeta::default()
            },
            rows: vec![PackRow {
                reference: "1.10".into(),
                theme: "Early help".into(),
                action: "Two\nlines, with a comma".into(),
                due: "2013-07-31".into(),
                progress: String::new(),
                rag: "green".into(),
                check: "c0123456789".into(),
            }],
        };
        let bytes = to_csv(&pack);
        let text = String::from_utf8(bytes).expect("utf-8");
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("\r\nperiod: 2013-14\r\n"));
        assert!(text.contains(
            "\r\nref,theme,action,due,progress,rag,new_progress,new_rag,new_due,check\r\n"
        ));
        assert!(text.ends_with(
            "1.10,Early help,\"Two\nlines, with a comma\",2013-07-31,,green,,,,c0123456789\r\n"
        ));
    }
}
