//! The actions as CSV (RFC 4180) for spreadsheets: UTF-8 with a byte order mark and CRLF line
//! ends, so Excel opens it with accents intact; one row per action, the columns of [`columns`].

use super::columns;
use super::paper::Paper;

/// The paper's actions as CSV bytes.
pub fn csv(paper: &Paper) -> Result<Vec<u8>, csv::Error> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut bytes);
        writer.write_record(columns::header(paper).iter().map(|(name, _)| name))?;
        for (theme, action) in paper.actions() {
            writer.write_record(columns::cells(paper, theme, action))?;
        }
        writer.flush()?;
    }
    Ok(bytes)
}
