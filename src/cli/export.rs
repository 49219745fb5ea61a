//! `boardplan export`: publish a plan as the board paper (Markdown, HTML), a spreadsheet (CSV,
//! Excel) or JSON; an owner's pack, one theme, some ratings or the overdue; with the direction of
//! travel since a git revision or date. Text goes to standard output unless `-o` names a file,
//! which is replaced atomically.

use super::{Status, open_or_report};
use crate::export::{self, Options, Paper};
use crate::model::{Plan, Rag, RagFilter};
use crate::review::git::Git;
use crate::store::write_atomic;
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
    if args.since.is_none() && args.since_date.is_none() {
        return Ok(None);
    }
    let git = Git::discover(&args.file).with_context(|| {
        format!(
            "--since needs {} to be in a git repository",
            args.file.display()
        )
    })?;
    // Resolved as `boardplan diff` and the UI do: a date means the main line's last commit
    // before it.
    let (point, label) = match (&args.since, args.since_date) {
        (Some(revision), _) => (git.point(revision)?, revision.clone()),
        (None, Some(date)) => {
            let point = git
                .point_before(&date.to_string())?
                .with_context(|| format!("no commit before {date}: choose a later --since-date"))?;
            let label = format!("{date} ({})", &point.commit[..point.commit.len().min(10)]);
            (point, label)
        }
        (None, None) => return Ok(None),
    };
    let plan = git
        .plan_at(&point, &args.file)
        .map_err(|e| anyhow::anyhow!("{e}; choose another revision"))?;
    Ok(Some((label, plan.unwrap_or_default())))
}

/// Writes the export to `out` atomically, refusing to overwrite the plan itself.
fn write_output(plan: &Path, out: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if out.is_dir() {
        bail!(
            "cannot write {}: it is a folder; give a file name",
            out.display()
        );
    }
    let folder = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if folder.exists() && !folder.is_dir() {
        bail!(
            "cannot write {}: {} is a file, not a folder; choose another -o",
            out.display(),
            folder.display()
        );
    }
    if !folder.is_dir() {
        bail!(
            "cannot write {}: the folder {} does not exist; create it or choose another -o",
            out.display(),
            folder.display()
        );
    }
    if let (Ok(a), Ok(b)) = (plan.canonicalize(), out.canonicalize())
        && a == b
    {
        bail!(
            "-o {} is the plan file itself; choose another name",
            out.display()
        );
    }
    write_atomic(out, bytes).with_context(|| {
        format!(
            "cannot write {} (check the folder is writable)",
            out.display()
        )
    })?;
    eprintln!("boardplan: wrote {}", out.display());
    Ok(())
}
