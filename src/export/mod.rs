//! Publishing a plan: the board paper as Markdown, self-contained HTML, CSV, Excel and JSON.
//! Pure (plan in, bytes out) but for `publish`, which reads the earlier version through the git
//! service and writes the file, for the CLI and the UI alike; never imports terminal crates.
//!
//! `select` checks and applies the filters (owner, theme, ratings, overdue); `travel` is the one
//! adapter onto the review module's comparison (direction of travel since a meeting); `paper`
//! builds what every format shows, with `words` putting dates, ratings and owners into words;
//! `markdown`, `html` (with `html_css`, `html_chart`, `html_theme`), `csv`, `xlsx` (sharing
//! `columns`) and `json` lay it out; `colour` holds the colours and proves their contrast.

mod colour;
mod columns;
mod csv;
mod html;
mod html_chart;
mod html_css;
mod html_theme;
mod json;
mod markdown;
mod paper;
pub mod publish;
mod select;
mod travel;
mod words;
mod xlsx;

pub use colour::{contrast, pairs as colour_pairs};
pub use html::escape as escape_html;
pub use markdown::inline as markdown_inline;
pub use paper::{ActionRow, Exception, HistoryRow, MeasureRow, MilestoneRow, Paper, ThemeSection};
pub use publish::{Earlier, PublishError};
pub use select::{Options, SelectError, selected};
pub use travel::{Closed, Direction, Since, Travel, since};

/// Why a paper could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The CSV writer failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] ::csv::Error),
    /// The Excel writer refused (for example, a text longer than Excel's 32,767 characters).
    #[error("cannot write the Excel workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// GitHub-flavoured Markdown.
    Markdown,
    /// One self-contained HTML file.
    Html,
    /// CSV, one row per action.
    Csv,
    /// An Excel workbook.
    Xlsx,
    /// JSON for other tools.
    Json,
}

impl Format {
    /// True for the formats that are text (and may go to standard output).
    pub fn is_text(self) -> bool {
        self != Format::Xlsx
    }
}

/// The paper of `plan` in `format`.
pub fn render(
    plan: &crate::model::Plan,
    paper: &Paper,
    format: Format,
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Markdown => markdown::markdown(paper).into_bytes(),
        Format::Html => html::html(paper).into_bytes(),
        Format::Csv => csv::csv(paper)?,
        Format::Xlsx => xlsx::xlsx(paper)?,
        Format::Json => json::paper(plan, paper).into_bytes(),
    })
}

/// The whole plan as pretty-printed JSON, keys in file order, empty optional fields left out.
pub fn json(plan: &crate::model::Plan) -> String {
    let mut text = serde_json::to_string_pretty(plan).unwrap_or_default();
    text.push('\n');
    text
}
