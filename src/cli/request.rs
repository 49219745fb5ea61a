//! `boardplan request FILE [--owner NAME]... --format csv|xlsx|md -o DIR`: update packs, one
//! per owner, for leads to fill in. The folder is created when missing; a pack already there
//! (from an earlier round) is replaced atomically.

use super::{Status, open_or_report};
use crate::packs::{Pack, build_packs, to_csv, to_markdown, to_xlsx};
use crate::store::write_atomic;
use anyhow::Context;
use std::path::Path;

/// The packs' file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// CSV (UTF-8 with a byte order mark, CRLF), for any spreadsheet.
    Csv,
    /// An Excel workbook: current columns locked, a drop-down for new_rag.
    Xlsx,
    /// A Markdown document, for leads who reply by email.
    Md,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Md => "md",
        }
    }

    fn bytes(self, pack: &Pack) -> anyhow::Result<Vec<u8>> {
        Ok(match self {
            Format::Csv => to_csv(pack),
            Format::Xlsx => to_xlsx(pack).context("cannot build the workbook")?,
            Format::Md => to_markdown(pack).into_bytes(),
        })
    }
}

/// Writes one pack per owner (those named, or every owner with an action) into `dir`.
pub fn run(path: &Path, owners: &[String], format: Format, dir: &Path) -> anyhow::Result<Status> {
    let Some(file) = open_or_report(path)? else {
        return Ok(Status::Invalid);
    };
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let made = chrono::Local::now().date_naive().to_string();
    let label = path.display().to_string();
    let packs = build_packs(&file.plan, &label, &bytes, &made, owners)
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    if packs.is_empty() {
        eprintln!(
            "{}: no action has an owner; no packs written",
            path.display()
        );
        return Ok(Status::Ok);
    }
    if !dir.is_dir() {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create the folder", dir.display()))?;
        eprintln!("created {}", dir.display());
    }
    for pack in &packs {
        let target = dir.join(format!("{}.{}", pack.file_stem, format.extension()));
        write_atomic(&target, &format.bytes(pack)?)
            .with_context(|| format!("{}: cannot write the pack", target.display()))?;
        println!("{}: {pack}", target.display());
    }
    Ok(Status::Ok)
}
