//! `boardplan meeting [--date DATE] [--message TEXT]`: tags the current commit as a board
//! meeting (`meeting/YYYY-MM-DD`, annotated), so `last-meeting` names it. Never moves a tag.

use super::Status;
use crate::review::git::{Git, Repository, meeting_tag};
use anyhow::Context;
use std::path::Path;

/// Tags HEAD as the meeting of `date` (default today).
pub fn run(date: Option<chrono::NaiveDate>, message: Option<&str>) -> anyhow::Result<Status> {
    let git = Git::discover(Path::new(".")).context("run meeting inside the plans repository")?;
    let date = date.unwrap_or_else(|| chrono::Local::now().date_naive());
    let day = date.format("%Y-%m-%d").to_string();
    let words = date.format("%-d %B %Y").to_string();
    let message = message.map_or_else(|| format!("Board meeting of {words}"), String::from);
    let tag = meeting_tag(&day);
    git.tag_named(&tag, &message)?;
    let commit = git.resolve(&format!("refs/tags/{tag}"))?;
    let short: String = commit.chars().take(7).collect();
    eprintln!(
        "tagged commit {short} as {tag}: `last-meeting` now names it (push it with git push origin {tag})"
    );
    Ok(Status::Ok)
}

/// Prints the plan's version history from its meeting tags, newest first: the meeting's date,
/// the plan's `version` at the tag, who tagged it and the tag's message.
pub fn list(file: Option<&Path>) -> anyhow::Result<Status> {
    let path = match file {
        Some(path) => path.to_path_buf(),
        None => default_plan()?,
    };
    let git = Git::discover(&path).context("run meeting --list inside the plans repository")?;
    let history = git.version_history(&path)?;
    if history.is_empty() {
        eprintln!(
            "no meeting tags yet: tag the commit of a board meeting with `boardplan meeting --date YYYY-MM-DD`"
        );
        return Ok(Status::Ok);
    }
    let rows: Vec<[String; 4]> = history
        .iter()
        .map(|(m, at)| {
            let safe = |text: &str| crate::text::terminal_safe(text).into_owned();
            let note = safe(crate::text::first_line(&m.note));
            [m.date.clone(), safe(&at.to_string()), safe(&m.tagger), note]
        })
        .collect();
    println!(
        "Version history of {} from its meeting tags, newest first:",
        path.display()
    );
    print!(
        "{}",
        table(&["date", "version", "tagged by", "note"], &rows)
    );
    Ok(Status::Ok)
}

/// The last plan file (by name: the latest period) in `./plans`.
fn default_plan() -> anyhow::Result<std::path::PathBuf> {
    let store = Path::new("plans");
    let files = crate::store::plan_files(store).map_err(|e| {
        anyhow::anyhow!(
            "{}: {e}; name the plan file: boardplan meeting --list FILE",
            store.display()
        )
    })?;
    files.into_iter().max().ok_or_else(|| {
        anyhow::anyhow!(
            "no plan files in ./plans; name the plan file: boardplan meeting --list FILE"
        )
    })
}

/// Rows under a header, each column as wide as its widest cell, the last one left ragged.
fn table(header: &[&str; 4], rows: &[[String; 4]]) -> String {
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 4]| {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                text.push_str(cell);
            } else {
                text.push_str(&format!("{cell:<width$}  ", width = widths[i]));
            }
        }
        text.trim_end().to_string() + "\n"
    };
    let mut out = line(*header);
    for row in rows {
        out.push_str(&line([&row[0], &row[1], &row[2], &row[3]]));
    }
    out
}
