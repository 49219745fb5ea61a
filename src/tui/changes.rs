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

/// Starts reading the file at `revision` (when `None`, the newest meeting tag, or the last
/// commit when there is none; a `YYYY-MM-DD` date means the main line's last commit before
/// it). From the main screen the report opens at once, saying it is being read, so the keys
/// that follow act on it.
pub fn start(app: &mut App, revision: Option<String>) {
    let path = app.year().path.clone();
    let shown = revision
        .clone()
        .unwrap_or_else(|| "the last meeting or commit".to_string());
    if app.ui.popup.is_none() {
        app.ui.popup = Some(Popup::Report(Box::new(Report {
            title: title(app, &shown),
            lines: vec![format!("(reading {shown} from git…)")],
            cursor: 0,
            reading: true,
        })));
    }
    let started = app.work.start(Job::Changes, move || {
        let typed = revision.unwrap_or_else(|| since_last_meeting(&path));
        let plan = read(&path, &typed);
        Done::Changes(Box::new(ChangesRead { path, typed, plan }))
    });
    if !started {
        app.warn(format!(
            "still reading the last revision asked for; {shown} was not read, try again"
        ));
    }
}

/// The newest meeting tag of the repository holding `path`, else `HEAD`.
fn since_last_meeting(path: &Path) -> String {
    Git::discover(path)
        .ok()
        .and_then(|git| git.last_meeting().ok().flatten())
        .unwrap_or_else(|| "HEAD".to_string())
}

/// "Changes in 2013-14.yaml since meeting/2013-09-17".
fn title(app: &App, typed: &str) -> String {
    format!(
        "Changes in {} since {}",
        app.year().name(),
        short_name(typed)
    )
}

/// The plan in `path` as of what was typed.
fn read(path: &Path, typed: &str) -> Result<Plan, String> {
    let git = Git::discover(path).map_err(|e| e.to_string())?;
    let point = git.point_typed(typed)?;
    git.plan_at(&point, path)?
        .ok_or_else(|| "the file was not in that commit".to_string())
}

/// Shows the report of what changed since the version read, where the report is (on top, or
/// under the revision field); a report closed meanwhile stays closed. On an error the report
/// shown stays as it was, with the reason (a report still reading says it instead).
pub fn finished(app: &mut App, read: ChangesRead) {
    if read.path != app.year().path {
        return;
    }
    let (report, failed) = match read.plan {
        Ok(base) => {
            let Some(plan) = app.plan() else { return };
            let comparison = compare(&base, plan);
            let lines = report::text(&comparison, false)
                .lines()
                .map(String::from)
                .collect();
            let report = Report {
                title: title(app, &read.typed),
                lines,
                cursor: 0,
                reading: false,
            };
            (report, false)
        }
        Err(error) => {
            let reason = format!(
                "cannot read {} at '{}': {error} (v tries another)",
                app.year().name(),
                read.typed
            );
            app.warn(reason.clone());
            let report = Report {
                title: title(app, &read.typed),
                lines: vec![reason],
                cursor: 0,
                reading: false,
            };
            (report, true)
        }
    };
    let shown = match &mut app.ui.popup {
        Some(Popup::Report(shown)) => shown,
        Some(Popup::Revision(picker)) => &mut picker.back,
        _ => return,
    };
    if !failed || shown.reading {
        **shown = report;
    }
}
