//! `boardplan diff`: what changed between two versions of the plans, action by action.
//! Versions are git revisions (`main~3`, a tag, a commit), the working tree, a date (`--since`),
//! or two plan files.

use super::Status;
use crate::model::Plan;
use crate::review::diff::{Comparison, compare};
use crate::review::git::{Git, History};
use crate::review::report;
use crate::store::{load, plan_files};
use anyhow::{Context, bail};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// How to write the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Text for a terminal (coloured when it is one).
    Text,
    /// Markdown for a board paper.
    Md,
    /// JSON for other tools.
    Json,
}

/// What to compare.
#[derive(Debug, Clone)]
pub struct Request {
    /// Revisions and paths as given: `REV1 [REV2] [PATH...]`, or two files.
    pub args: Vec<String>,
    /// Compare from the last commit before this date (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// The report's format.
    pub format: Format,
}

/// One side of the comparison.
enum Side {
    /// A git revision.
    Revision(String),
    /// The files on disk.
    WorkingTree,
}

/// Prints the change report.
pub fn run(request: &Request) -> anyhow::Result<Status> {
    if let [old, new] = request.args.as_slice()
        && Path::new(old).is_file()
        && Path::new(new).is_file()
        && request.since.is_none()
    {
        let comparison = compare(&read_plan(Path::new(old))?, &read_plan(Path::new(new))?);
        print_reports(&[(format!("{old} → {new}"), comparison)], request.format);
        return Ok(Status::Ok);
    }
    let (revisions, mut paths): (Vec<&String>, Vec<&String>) = request
        .args
        .iter()
        .partition(|a| !Path::new(a.as_str()).exists());
    if paths.is_empty() && request.args.is_empty() && request.since.is_none() {
        bail!(
            "say what to compare: a revision (boardplan diff HEAD~1), --since DATE, or two files"
        );
    }
    let default_store = String::from("plans");
    if paths.is_empty() {
        paths.push(&default_store);
    }
    let git =
        Git::discover(Path::new(paths[0])).context("comparing revisions needs a git repository")?;
    let (from, to) = sides(&git, &revisions, request.since.as_deref())?;
    let mut reports = Vec::new();
    for file in files(&git, &paths, &from, &to)? {
        let old = version(&git, &from, &file)?;
        let new = version(&git, &to, &file)?;
        if old.is_none() && new.is_none() {
            continue;
        }
        let empty = Plan::default();
        let comparison = compare(
            old.as_ref().unwrap_or(&empty),
            new.as_ref().unwrap_or(&empty),
        );
        let label = format!("{} ({} → {})", git.relative(&file), name(&from), name(&to));
        reports.push((label, comparison));
    }
    print_reports(&reports, request.format);
    Ok(Status::Ok)
}

fn sides(git: &Git, revisions: &[&String], since: Option<&str>) -> anyhow::Result<(Side, Side)> {
    let from = match (since, revisions.first()) {
        (Some(date), _) => {
            let commit = git
                .last_before(date)?
                .with_context(|| format!("no commit before {date}"))?;
            Side::Revision(commit)
        }
        (None, Some(revision)) => {
            Side::Revision(git.resolve(revision).map(|_| revision.to_string())?)
        }
        (None, None) => bail!("say what to compare: a revision or --since DATE"),
    };
    let rest = if since.is_some() {
        revisions
    } else {
        &revisions[1..]
    };
    let to = match rest {
        [] => Side::WorkingTree,
        [revision] => Side::Revision(git.resolve(revision).map(|_| revision.to_string())?),
        _ => bail!("at most two revisions: boardplan diff REV1 [REV2] [PATH...]"),
    };
    Ok((from, to))
}

fn name(side: &Side) -> String {
    match side {
        Side::Revision(r) if r.len() == 40 && r.bytes().all(|b| b.is_ascii_hexdigit()) => {
            r[..10].to_string()
        }
        Side::Revision(r) => r.clone(),
        Side::WorkingTree => "working tree".into(),
    }
}

/// The plan files to compare: those under the paths on either side.
fn files(git: &Git, paths: &[&String], from: &Side, to: &Side) -> anyhow::Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = Vec::new();
    for path in paths {
        let path = Path::new(path.as_str());
        for side in [from, to] {
            let listed = match side {
                Side::WorkingTree => plan_files(path).unwrap_or_default(),
                Side::Revision(revision) if path.is_dir() => git.files(revision, path)?,
                Side::Revision(_) => vec![path.to_path_buf()],
            };
            for file in listed {
                let yaml = file.extension().is_some_and(|e| e == "yaml" || e == "yml");
                let key = git.relative(&file);
                if yaml && !found.iter().any(|f| git.relative(f) == key) {
                    found.push(git.root().join(key));
                }
            }
        }
    }
    found.sort();
    Ok(found)
}

fn version(git: &Git, side: &Side, file: &Path) -> anyhow::Result<Option<Plan>> {
    let bytes = match side {
        Side::WorkingTree => std::fs::read(file).ok(),
        Side::Revision(revision) => git.show(revision, file)?,
    };
    let Some(bytes) = bytes else { return Ok(None) };
    let plan = load(&bytes).map_err(|diagnostics| {
        let first = diagnostics
            .first()
            .map(|d| format!("{}:{}: {}", d.line, d.col, d.message))
            .unwrap_or_default();
        anyhow::anyhow!(
            "{} ({}) is not a valid plan: {first}",
            git.relative(file),
            name(side)
        )
    })?;
    Ok(Some(plan.plan))
}

fn read_plan(path: &Path) -> anyhow::Result<Plan> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    load(&bytes).map(|l| l.plan).map_err(|d| {
        anyhow::anyhow!(
            "{} is not a valid plan ({} errors; run boardplan check)",
            path.display(),
            d.len()
        )
    })
}

fn print_reports(reports: &[(String, Comparison)], format: Format) {
    match format {
        Format::Json => {
            let values: Vec<serde_json::Value> = reports
                .iter()
                .map(|(file, c)| serde_json::json!({ "file": file, "changes": serde_json::to_value(c).unwrap_or_default() }))
                .collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&values).unwrap_or_default()
            );
        }
        Format::Md => reports
            .iter()
            .for_each(|(file, c)| print!("{}", report::markdown(c, file))),
        Format::Text => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            for (i, (file, c)) in reports.iter().enumerate() {
                if i > 0 {
                    println!();
                }
                println!("{file}");
                print!("{}", report::text(c, color));
            }
        }
    }
}
