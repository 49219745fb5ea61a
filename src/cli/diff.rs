//! `boardplan diff`: what changed between two versions of the plans, action by action.
//! Versions are git revisions (`main~3`, a tag, a commit), the working tree, a date (`--since`,
//! on the first-parent line), or two plan files. Works from any folder of the repository; a
//! file that does not load is named with its line and column and the others are still reported.
//! Revisions are resolved, named and read by `review::revision`, as in the UI.

use super::Status;
use crate::model::Plan;
use crate::review::diff::{Comparison, Moments, SCHEMA_VERSION, compare_at};
use crate::review::git::{Git, Repository};
use crate::review::report::{self, Heading};
use crate::review::revision::{Point, in_words, load_version};
use crate::store::plan_files;
use anyhow::{Context, bail};
use chrono::NaiveDate;
use serde::Serialize;
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
    /// Compare from the last commit on the main line before this date (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// The report's format.
    pub format: Format,
    /// Exit with status 1 when anything changed (for scripts).
    pub exit_code: bool,
}

/// One side of the comparison, with what the report says about it.
struct Side {
    /// The revision, the commit it names; `None` for the working tree or a file.
    point: Option<Point>,
    /// Its date: the commit's author date, or today for the working tree.
    date: Option<NaiveDate>,
    /// The point in time in words: `the meeting of 17 September 2013`.
    words: String,
    /// The plan file, when two files are compared.
    file: Option<String>,
}

/// One file's comparison, or why it could not be made.
struct FileReport {
    path: String,
    renamed_from: Option<String>,
    /// The comparison, or `file:line:col: message` when a version does not load.
    result: Result<Comparison, String>,
}

/// Prints the change report.
pub fn run(request: &Request) -> anyhow::Result<Status> {
    if let [old, new] = request.args.as_slice()
        && Path::new(old).is_file()
        && Path::new(new).is_file()
        && request.since.is_none()
    {
        return two_files(request, old, new);
    }
    let (revisions, paths): (Vec<&String>, Vec<&String>) = request
        .args
        .iter()
        .partition(|a| !Path::new(a.as_str()).exists());
    if request.args.is_empty() && request.since.is_none() {
        bail!(
            "say what to compare: a revision (boardplan diff HEAD~1), --since DATE, or two files"
        );
    }
    let git =
        Git::discover(Path::new(".")).context("comparing revisions needs a git repository")?;
    let paths: Vec<PathBuf> = if paths.is_empty() {
        let store = git.root().join("plans");
        vec![if store.is_dir() {
            store
        } else {
            git.root().to_path_buf()
        }]
    } else {
        paths.iter().map(PathBuf::from).collect()
    };
    let (from, to) = sides(&git, &revisions, request.since.as_deref())?;
    let moments = Moments {
        old: from.date,
        new: to.date,
    };
    let files = files(&git, &paths, &from, &to)?;
    let reports = compare_files(&git, &files, &from, &to, moments);
    finish(request, &reports, &from, &to)
}

fn two_files(request: &Request, old: &str, new: &str) -> anyhow::Result<Status> {
    let today = chrono::Local::now().date_naive();
    let side = |path: &str| Side {
        point: None,
        date: Some(today),
        words: path.to_string(),
        file: Some(path.to_string()),
    };
    let (from, to) = (side(old), side(new));
    let result = match (read_plan(Path::new(old)), read_plan(Path::new(new))) {
        (Ok(a), Ok(b)) => Ok(compare_at(
            &a,
            &b,
            Moments {
                old: from.date,
                new: to.date,
            },
        )),
        (Err(e), _) | (_, Err(e)) => Err(e),
    };
    let reports = [FileReport {
        path: new.to_string(),
        renamed_from: Some(old.to_string()).filter(|o| o != new),
        result,
    }];
    finish(request, &reports, &from, &to)
}

/// Prints the reports and the errors, and decides the exit status.
fn finish(
    request: &Request,
    reports: &[FileReport],
    from: &Side,
    to: &Side,
) -> anyhow::Result<Status> {
    let errors: Vec<&String> = reports
        .iter()
        .filter_map(|r| r.result.as_ref().err())
        .collect();
    match request.format {
        Format::Json => print_json(reports, from, to),
        Format::Md | Format::Text => print_papers(reports, from, to, request.format),
    }
    for error in &errors {
        eprintln!("boardplan: {error}");
    }
    if !errors.is_empty() {
        bail!(
            "{} plan file(s) could not be read (above); the others are reported. Fix the file, or run `boardplan check`",
            errors.len()
        );
    }
    let changed = reports
        .iter()
        .any(|r| r.renamed_from.is_some() || r.result.as_ref().is_ok_and(|c| !c.is_empty()));
    // Exit status 1 means "there are changes" here, as with `git diff --exit-code`.
    Ok(if request.exit_code && changed {
        Status::Invalid
    } else {
        Status::Ok
    })
}

fn sides(git: &Git, revisions: &[&String], since: Option<&str>) -> anyhow::Result<(Side, Side)> {
    let from = match (since, revisions.first()) {
        (Some(date), _) => git
            .point_before(date)?
            .map(revision_side)
            .with_context(|| format!("no commit on the main line before {date}"))?,
        (None, Some(revision)) => revision_side(git.point(revision)?),
        (None, None) => bail!("say what to compare: a revision or --since DATE"),
    };
    let rest = if since.is_some() {
        revisions
    } else {
        &revisions[1..]
    };
    let to = match rest {
        [] => {
            let today = chrono::Local::now().date_naive();
            Side {
                point: None,
                date: Some(today),
                words: format!("the working tree on {}", in_words(today)),
                file: None,
            }
        }
        [revision] => revision_side(git.point(revision)?),
        _ => bail!("at most two revisions: boardplan diff REV1 [REV2] [PATH...]"),
    };
    Ok((from, to))
}

/// The side of a revision: its point, dated and named as [`Git::point`] says.
fn revision_side(point: Point) -> Side {
    Side {
        date: point.date,
        words: point.words.clone(),
        point: Some(point),
        file: None,
    }
}

/// The plan files to compare, relative to the repository: those under the paths on either side.
fn files(git: &Git, paths: &[PathBuf], from: &Side, to: &Side) -> anyhow::Result<Vec<String>> {
    let mut found: Vec<String> = Vec::new();
    for path in paths {
        for side in [from, to] {
            let listed = match &side.point {
                None => plan_files(path).unwrap_or_default(),
                Some(point) if path.is_dir() => git.files(&point.commit, path)?,
                Some(_) => vec![path.clone()],
            };
            for file in listed {
                if file.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                    found.push(git.relative(&file));
                }
            }
        }
    }
    found.sort();
    found.dedup();
    Ok(found)
}

/// A plan file's version on one side: `Ok(None)` when it is not there, `Err` with
/// `file:line:col: message` when it does not load.
fn version(git: &Git, side: &Side, file: &str) -> Result<Option<Plan>, String> {
    let absolute = git.root().join(file);
    match &side.point {
        Some(point) => git.plan_at(point, &absolute),
        None => std::fs::read(&absolute)
            .ok()
            .map(|bytes| load_version(&bytes, file, ""))
            .transpose(),
    }
}

/// Each file's comparison; a file only on the old side and one only on the new side are the
/// same file renamed (`git mv`) when they are the same board year or share most actions.
fn compare_files(
    git: &Git,
    files: &[String],
    from: &Side,
    to: &Side,
    moments: Moments,
) -> Vec<FileReport> {
    let mut loaded = Vec::new();
    let mut reports = Vec::new();
    for file in files {
        match (version(git, from, file), version(git, to, file)) {
            (Ok(None), Ok(None)) => {}
            (Ok(old), Ok(new)) => loaded.push((file.clone(), old, new)),
            (Err(e), _) | (_, Err(e)) => reports.push(FileReport {
                path: file.clone(),
                renamed_from: None,
                result: Err(e),
            }),
        }
    }
    let renames = renames(&loaded);
    let empty = Plan::default();
    for (k, (file, old, new)) in loaded.iter().enumerate() {
        if renames.iter().any(|&(o, _)| o == k) {
            continue;
        }
        let (old, renamed_from) = match renames.iter().find(|&&(_, n)| n == k) {
            Some(&(o, _)) => (loaded[o].1.as_ref(), Some(loaded[o].0.clone())),
            None => (old.as_ref(), None),
        };
        let comparison = compare_at(
            old.unwrap_or(&empty),
            new.as_ref().unwrap_or(&empty),
            moments,
        );
        reports.push(FileReport {
            path: file.clone(),
            renamed_from,
            result: Ok(comparison),
        });
    }
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    reports
}

/// (old-only file, new-only file) pairs that are one file renamed.
fn renames(loaded: &[(String, Option<Plan>, Option<Plan>)]) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (o, (_, old, new)) in loaded.iter().enumerate() {
        let (Some(old), None) = (old, new) else {
            continue;
        };
        let found = loaded.iter().enumerate().find(|(n, (_, before, after))| {
            let free = !pairs.iter().any(|&(_, m)| m == *n);
            free && before.is_none() && after.as_ref().is_some_and(|a| same_plan(old, a))
        });
        if let Some((n, _)) = found {
            pairs.push((o, n));
        }
    }
    pairs
}

fn same_plan(old: &Plan, new: &Plan) -> bool {
    let total = old.actions().count();
    let kept = total - compare_at(old, new, Moments::default()).summary.removed;
    (old.period == new.period && !old.period.is_empty()) || (total > 0 && kept * 2 >= total)
}

fn read_plan(path: &Path) -> Result<Plan, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    load_version(&bytes, &path.display().to_string(), "")
}

/// Writes the report to standard output; a reader that stops early (`| head`) is not an error.
fn emit(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn print_papers(reports: &[FileReport], from: &Side, to: &Side, format: Format) {
    let color = format == Format::Text
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let changed: Vec<(&FileReport, &Comparison)> = reports
        .iter()
        .filter_map(|r| {
            let c = r.result.as_ref().ok()?;
            (!c.is_empty() || r.renamed_from.is_some()).then_some((r, c))
        })
        .collect();
    let mut out = String::new();
    if changed.is_empty() {
        out = format!(
            "No changes to the plans since {}, to {}.\n",
            from.words, to.words
        );
    }
    for (i, (r, c)) in changed.iter().enumerate() {
        let heading = Heading {
            path: r.path.clone(),
            renamed_from: r.renamed_from.clone(),
            from: from.words.clone(),
            to: to.words.clone(),
        };
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&match format {
            Format::Md => report::markdown_paper(c, &heading),
            _ => report::text_paper(c, &heading, color),
        });
    }
    emit(&out);
}

/// One side of the comparison in the JSON document.
#[derive(Serialize)]
struct SideJson<'a> {
    revision: Option<&'a str>,
    commit: Option<&'a str>,
    working_tree: bool,
    file: Option<&'a str>,
    date: Option<String>,
    in_words: &'a str,
}

impl<'a> SideJson<'a> {
    fn new(side: &'a Side) -> SideJson<'a> {
        SideJson {
            revision: side.point.as_ref().map(|p| p.revision.as_str()),
            commit: side.point.as_ref().map(|p| p.commit.as_str()),
            working_tree: side.point.is_none() && side.file.is_none(),
            file: side.file.as_deref(),
            date: side.date.map(|d| d.to_string()),
            in_words: &side.words,
        }
    }
}

/// One file in the JSON document: its comparison, or why it could not be read.
#[derive(Serialize)]
struct FileJson<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    old_path: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    changes: Option<&'a Comparison>,
}

/// The JSON document, fields in this order.
#[derive(Serialize)]
struct DocumentJson<'a> {
    schema_version: u32,
    from: SideJson<'a>,
    to: SideJson<'a>,
    files: Vec<FileJson<'a>>,
}

fn print_json(reports: &[FileReport], from: &Side, to: &Side) {
    let files = reports
        .iter()
        .map(|r| FileJson {
            path: &r.path,
            old_path: r.renamed_from.as_deref(),
            error: r.result.as_ref().err().map(String::as_str),
            changes: r.result.as_ref().ok(),
        })
        .collect();
    let document = DocumentJson {
        schema_version: SCHEMA_VERSION,
        from: SideJson::new(from),
        to: SideJson::new(to),
        files,
    };
    match serde_json::to_string_pretty(&document) {
        Ok(text) => emit(&(text + "\n")),
        // Only strings, numbers and string-keyed maps are serialized: this cannot happen.
        Err(e) => eprintln!("boardplan: cannot write JSON: {e}"),
    }
}
