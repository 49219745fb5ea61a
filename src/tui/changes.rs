//! The changes report (`C`, and `v` for another revision): the revision is resolved and the
//! file read at it by `review::revision` (as `boardplan diff` does) on the worker thread; the
//! report is built when the result comes back. A revision that cannot be read leaves the
//! screen as it was, with the reason.

use super::app::App;
use super::forms::{Popup, Report};
use super::work::{Done, Job};
use crate::model::Plan;
use crate::review::diff::compare;
use crate::review::git::Git;
use crate::review::report;
use crate::review::revision::short_name;
use std::path::{Path, PathBuf};

/// A revision's version of a year file, read on the worker.
#[derive(Debug)]
pub struct ChangesRead {
    /// The year file.
    path: PathBuf,
    /// The revision (or date) as typed.
    typed: String,
    /// The plan at that revision, or why it cannot be read.
    plan: Result<Plan, String>,
}

/// Starts reading the file at `revision` (the last commit when `None`; a `YYYY-MM-DD` date
/// means the main line's last commit before it).
pub fn start(app: &mut App, revision: Option<String>) {
    let path = app.year().path.clone();
    let typed = revision.unwrap_or_else(|| "HEAD".to_string());
    let started = app.work.start(Job::Changes, move || {
        let plan = read(&path, &typed);
        Done::Changes(Box::new(ChangesRead { path, typed, plan }))
    });
    if !started {
        app.warn("still reading the last revision asked for; try again in a moment");
    }
}

/// The plan in `path` as of what was typed.
fn read(path: &Path, typed: &str) -> Result<Plan, String> {
    let git = Git::discover(path).map_err(|e| e.to_string())?;
    let point = git.point_typed(typed)?;
    git.plan_at(&point, path)?
        .ok_or_else(|| "the file was not in that commit".to_string())
}

/// Shows the report of what changed since the version read, or why there is none; the report
/// (or the screen it was asked from) stays as it was on an error.
pub fn finished(app: &mut App, read: ChangesRead) {
    if read.path != app.year().path {
        return;
    }
    let name = app.year().name();
    let base = match read.plan {
        Ok(plan) => plan,
        Err(error) => {
            return app.warn(format!(
                "cannot read {name} at '{}': {error} (v tries another)",
                read.typed
            ));
        }
    };
    if !matches!(app.ui.popup, None | Some(Popup::Report(_))) {
        return;
    }
    let Some(plan) = app.plan() else { return };
    let comparison = compare(&base, plan);
    let title = format!("Changes in {name} since {}", short_name(&read.typed));
    let lines = report::text(&comparison, false)
        .lines()
        .map(String::from)
        .collect();
    app.ui.popup = Some(Popup::Report(Box::new(Report {
        title,
        lines,
        cursor: 0,
    })));
}
