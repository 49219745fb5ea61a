//! `boardplan export`: publish a plan as the board paper (Markdown, HTML), a spreadsheet (CSV,
//! Excel) or JSON; an owner's pack, one theme, some ratings or the overdue; with the direction of
//! travel since a git revision or date. Text goes to standard output unless `-o` names a file,
//! which is replaced atomically.

use super::{Status, open_or_report};
use crate::export::{self, Earlier, Options, Paper, publish};
use crate::model::{Plan, Rag, RagFilter};
use anyhow::{Context, bail};
use chrono::NaiveDate;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// GitHub-flavoured Markdown: the board paper for a wiki or a pull request.
    Md,
    /// One self-contained HTML file to open offline or print (A4 landscape).
    Html,
    /// CSV, one row per action (UTF-8 with BOM, CRLF: opens in Excel).
    Csv,
    /// An Excel workbook: summary with chart, actions with coloured ratings (needs -o).
    Xlsx,
    /// The plan as JSON, for other tools.
    Json,
}

/// The arguments of `boardplan export`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// The output format.
    #[arg(long, value_enum)]
    pub format: Format,
    /// The plan file.
    pub file: PathBuf,
    /// Write to this file (replaced atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Direction of travel since this git revision or tag (e.g. last-meeting).
    #[arg(long, value_name = "REV", conflicts_with = "since_date")]
    pub since: Option<String>,
    /// Direction of travel since the last commit before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since_date: Option<NaiveDate>,
    /// Only this owner's actions: a glossary short or full name, or a name as written.
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// Only this theme (its ref).
    #[arg(long, value_name = "REF")]
    pub theme: Option<String>,
    /// Only these ratings, comma-separated: red, amber, green, blue, unrated.
    #[arg(long, value_name = "RAGS", value_delimiter = ',', value_parser = parse_rag)]
    pub rag: Vec<RagFilter>,
    /// Only actions overdue on the --as-at day.
    #[arg(long)]
    pub overdue: bool,
    /// Count overdue as of this date (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE")]
    pub as_at: Option<NaiveDate>,
}

fn parse_rag(text: &str) -> Result<RagFilter, String> {
    if text.trim().eq_ignore_ascii_case("unrated") {
        return Ok(RagFilter::Unrated);
    }
    Rag::parse(text)
        .map(RagFilter::Rated)
        .ok_or_else(|| format!("'{text}' is not a rating; use red, amber, green, blue or unrated"))
}

/// Writes the export; a plan that does not load is reported (`file:line:col`) with status Invalid.
pub fn run(args: &Args) -> anyhow::Result<Status> {
    if args.format == Format::Xlsx && args.output.is_none() {
        bail!("an Excel workbook is not text: give a file to write with -o, e.g. -o plan.xlsx");
    }
    let Some(file) = open_or_report(&args.file)? else {
        return Ok(Status::Invalid);
    };
    let options = Options {
        as_at: args
            .as_at
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        owner: args.owner.clone(),
        theme: args.theme.clone(),
        rags: args.rag.clone(),
        overdue: args.overdue,
        ..Options::all(chrono::Local::now().date_naive())
    };
    let since = match earlier(args)? {
        Some((label, old)) => Some(export::since(&label, &old, &file.plan)),
        None => None,
    };
    let paper = Paper::build(&file.plan, &options, since)
        .with_context(|| format!("{}: nothing to export", args.file.display()))?;
    let bytes = export::render(&file.plan, &paper, format(args.format))?;
    match &args.output {
        Some(out) => write_output(&args.file, out, &bytes)?,
        None => std::io::stdout()
            .lock()
            .write_all(&bytes)
            .context("cannot write to standard output")?,
    }
    Ok(Status::Ok)
}

fn format(format: Format) -> export::Format {
    match format {
        Format::Md => export::Format::Markdown,
        Format::Html => export::Format::Html,
        Format::Csv => export::Format::Csv,
        Format::Xlsx => export::Format::Xlsx,
        Format::Json => export::Format::Json,
    }
}

/// The earlier version asked for with `--since` or `--since-date`, and how to name it.
fn earlier(args: &Args) -> anyhow::Result<Option<(String, Plan)>> {
    let earlier = match (&args.since, args.since_date) {
        (Some(revision), _) => Earlier::Revision(revision.clone()),
        (None, Some(date)) => Earlier::Before(date),
        (None, None) => return Ok(None),
    };
    Ok(Some(publish::earlier(&args.file, &earlier)?))
}

/// Writes the export to `out` atomically, refusing to overwrite the plan itself.
fn write_output(plan: &Path, out: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    publish::write(plan, out, bytes)?;
    eprintln!("boardplan: wrote {}", out.display());
    Ok(())
}
