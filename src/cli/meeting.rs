//! `boardplan meeting [--date DATE] [--message TEXT]`: tags the current commit as a board
//! meeting (`meeting/YYYY-MM-DD`, annotated), so `last-meeting` names it. Never moves a tag.

use super::Status;
use crate::review::git::{Git, History, meeting_tag};
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
