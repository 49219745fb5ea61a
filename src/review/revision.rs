//! Revisions as people name them, resolved and read in one place for the CLI and the UI: a
//! commit, tag or branch (`last-meeting` names the newest meeting tag), or a date — the last
//! commit on the first-parent line of `HEAD` before it, never a commit of a side branch merged
//! later; how a report names that point in time ("the meeting of 17 September 2013"); and a
//! plan file read at it, with `file:line:col` when it does not load.

use super::git::{Git, GitError, Repository};
use crate::model::Plan;
use crate::store::load;
use chrono::NaiveDate;
use std::path::Path;

/// A point in the plans' history to compare with or report from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// The revision as given (`last-meeting`, `v1.2`, `HEAD~1`, a commit id).
    pub revision: String,
    /// The commit it names.
    pub commit: String,
    /// A meeting's day when a `meeting/YYYY-MM-DD` tag names the commit (the day the board
    /// knew the plan as, whenever it was tagged), else the commit's author date.
    pub date: Option<NaiveDate>,
    /// In words: `the meeting of 17 September 2013`, `the version of 2 July 2013 (v1.2)`.
    pub words: String,
}

/// A date in words: `17 September 2013`.
pub fn in_words(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// How to show a revision in a title: a commit id cut to 10 characters, a full ref
/// (`refs/tags/v1`) by its short name, anything else (a branch, a tag) as it is.
pub fn short_name(revision: &str) -> &str {
    let is_commit_id = revision.len() == 40 && revision.bytes().all(|b| b.is_ascii_hexdigit());
    if is_commit_id {
        return &revision[..10];
    }
    ["refs/tags/", "refs/heads/", "refs/remotes/"]
        .iter()
        .find_map(|prefix| revision.strip_prefix(prefix))
        .unwrap_or(revision)
}

impl Git {
    /// The point a revision names, and how a board paper names it: `the meeting of 17
    /// September 2013` when a meeting tag names its commit, otherwise the commit's date in
    /// words and the revision as given (a bare commit id shortened).
    pub fn point(&self, revision: &str) -> Result<Point, GitError> {
        let commit = self.commit(revision)?;
        let date = NaiveDate::parse_from_str(&commit.date, "%Y-%m-%d").ok();
        let mut names = vec![revision.to_string()];
        names.extend(self.tags_at(&commit.id)?);
        let meeting = names.iter().find_map(|n| {
            let day = n.strip_prefix("meeting/")?;
            NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
        });
        let shown = if revision.len() >= 7 && commit.id.starts_with(revision) {
            format!("commit {}", &commit.id[..10.min(commit.id.len())])
        } else {
            short_name(revision).to_string()
        };
        let words = match (meeting, date) {
            (Some(day), _) => format!("the meeting of {}", in_words(day)),
            (None, Some(day)) => format!("the version of {} ({shown})", in_words(day)),
            (None, None) => format!("the version {shown}"),
        };
        Ok(Point {
            revision: revision.to_string(),
            commit: commit.id,
            date: meeting.or(date),
            words,
        })
    }

    /// The last commit on the main line before `date` (`YYYY-MM-DD`), named `… (the last
    /// before 17 September 2013)`; `None` when there is none.
    pub fn point_before(&self, date: &str) -> Result<Option<Point>, GitError> {
        let Some(commit) = self.main_line_before(date)? else {
            return Ok(None);
        };
        let mut point = self.point(&commit)?;
        let day = NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map(in_words)
            .unwrap_or_else(|_| date.to_string());
        point.words = format!("{} (the last before {day})", point.words);
        Ok(Some(point))
    }

    /// What someone typed to compare with: a date (`YYYY-MM-DD`, see [`Git::point_before`])
    /// or a revision. The error says what was wrong and what to try.
    pub fn point_typed(&self, typed: &str) -> Result<Point, String> {
        if NaiveDate::parse_from_str(typed, "%Y-%m-%d").is_ok() {
            return match self.point_before(typed) {
                Ok(Some(point)) => Ok(point),
                Ok(None) => Err(format!("no commit before {typed}; try a later date")),
                Err(error) => Err(error.to_string()),
            };
        }
        self.point(typed).map_err(|error| error.to_string())
    }

    /// A plan file as of `point`: `Ok(None)` when the file is not there, `Err` with
    /// `file:line:col: message (at REVISION)` when it does not load.
    pub fn plan_at(&self, point: &Point, file: &Path) -> Result<Option<Plan>, String> {
        let bytes = self.show(&point.commit, file).map_err(|e| e.to_string())?;
        let name = self.relative(file);
        let at = format!(" (at {})", short_name(&point.revision));
        bytes
            .map(|bytes| load_version(&bytes, &name, &at))
            .transpose()
    }
}

/// A plan from the bytes of one version of `name`; when they do not load, the first problem as
/// `name:line:col: message{at}` (and how many more there are).
pub fn load_version(bytes: &[u8], name: &str, at: &str) -> Result<Plan, String> {
    load(bytes).map(|l| l.plan).map_err(|diagnostics| {
        let first = diagnostics.first().map_or_else(
            || format!("{name}{at}: not a valid plan"),
            |d| format!("{name}:{}:{}: {}{at}", d.line, d.col, d.message),
        );
        match diagnostics.len() {
            0 | 1 => first,
            n => format!("{first} (and {} more problems)", n - 1),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_shortened_only_when_they_are_commit_ids_or_full_refs() {
        let id = "0123456789abcdef0123456789abcdef01234567";
        assert_eq!(short_name(id), "0123456789");
        let branch = format!("a{}b", "é".repeat(19));
        assert_eq!(branch.len(), 40);
        assert_eq!(short_name(&branch), branch);
        assert_eq!(
            short_name("refs/tags/meeting/2013-09-17"),
            "meeting/2013-09-17"
        );
        assert_eq!(short_name("refs/remotes/origin/main"), "origin/main");
    }

    #[test]
    fn a_version_that_does_not_load_is_named_with_line_and_column() {
        let error = load_version(
            b"board: x\nperiod: 2013-14\nthemes: 3\n",
            "p.yaml",
            " (at v1)",
        )
        .expect_err("not a plan");
        assert!(error.starts_with("p.yaml:3:"), "{error}");
        assert!(error.contains("(at v1)"), "{error}");
    }
}
