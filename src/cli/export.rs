//! `boardplan export --format FORMAT FILE`: publish a plan on standard output.

use super::{Status, open_or_report};
use std::path::Path;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The whole plan as JSON, for other tools.
    Json,
}

/// Writes the plan in `format` to standard output.
pub fn run(path: &Path, format: Format) -> anyhow::Result<Status> {
    let Some(file) = open_or_report(path)? else {
        return Ok(Status::Invalid);
    };
    match format {
        Format::Json => print!("{}", crate::export::json(&file.plan)),
    }
    Ok(Status::Ok)
}
