//! Publishing to a file, shared by `boardplan export` and the UI's export dialog: the earlier
//! version for the direction of travel read through the git service, and the paper written
//! atomically after the checks a typed path needs. The one part of `export` that does I/O.

use crate::model::Plan;
use crate::review::git::{Git, GitError, LAST_MEETING};
use crate::store::write_atomic;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The earlier version to compare with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Earlier {
    /// A commit, tag or branch (`last-meeting`: the newest meeting tag).
    Revision(String),
    /// The last commit before this day.
    Before(NaiveDate),
}

/// Why the earlier version could not be read, or the paper not written.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// The plan is not in a git repository.
    #[error("{0} is not in a git repository, so there is no earlier version to compare with")]
    NotInGit(PathBuf),
    /// git could not name the revision (or could not run).
    #[error("{0}")]
    Git(#[from] GitError),
    /// No commit before the day asked for.
    #[error("no commit before {0}: choose a later date")]
    NoCommitBefore(NaiveDate),
    /// The file at the earlier version does not load; the message names the file, line, column and revision.
    #[error("{0}; choose another revision")]
    Invalid(String),
    /// The output names a folder.
    #[error("cannot write {0}: it is a folder; give a file name")]
    IsFolder(PathBuf),
    /// The output's folder is a file.
    #[error("cannot write {out}: {folder} is a file, not a folder; choose another output file")]
    FolderIsFile {
        /// The output.
        out: PathBuf,
        /// Its would-be folder.
        folder: PathBuf,
    },
    /// The output's folder does not exist.
    #[error(
        "cannot write {out}: the folder {folder} does not exist; create it or choose another output file"
    )]
    NoFolder {
        /// The output.
        out: PathBuf,
        /// Its missing folder.
        folder: PathBuf,
    },
    /// The output is the plan itself.
    #[error("{0} is the plan file itself; choose another name")]
    IsPlan(PathBuf),
    /// The write failed.
    #[error("cannot write {out} (check the folder is writable): {source}")]
    Write {
        /// The output.
        out: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// The plan in `file` as of `earlier`, and how to name that version in the paper (a meeting
/// tag's own name for `last-meeting`; a date with its commit). A file that did not exist then
/// is an empty plan: every action is new.
pub fn earlier(file: &Path, earlier: &Earlier) -> Result<(String, Plan), PublishError> {
    let git = Git::discover(file).map_err(|_| PublishError::NotInGit(file.to_path_buf()))?;
    // Resolved by the one git service, as `boardplan diff` and the UI's changes screen do: a
    // date means the main line's last commit before it.
    let (point, label) = match earlier {
        Earlier::Revision(revision) => {
            let label = if revision == LAST_MEETING {
                git.meeting_alias(revision)?
            } else {
                revision.clone()
            };
            (git.point(revision)?, label)
        }
        Earlier::Before(date) => {
            let point = git
                .point_before(&date.to_string())?
                .ok_or(PublishError::NoCommitBefore(*date))?;
            let label = format!("{date} ({})", &point.commit[..point.commit.len().min(10)]);
            (point, label)
        }
    };
    let plan = git.plan_at(&point, file).map_err(PublishError::Invalid)?;
    Ok((label, plan.unwrap_or_default()))
}

/// Checks `out` can take the paper of the plan `plan`: not a folder, in a folder that exists,
/// not the plan itself.
pub fn check_output(plan: &Path, out: &Path) -> Result<(), PublishError> {
    if out.is_dir() {
        return Err(PublishError::IsFolder(out.to_path_buf()));
    }
    let folder = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if folder.exists() && !folder.is_dir() {
        return Err(PublishError::FolderIsFile {
            out: out.to_path_buf(),
            folder: folder.to_path_buf(),
        });
    }
    if !folder.is_dir() {
        return Err(PublishError::NoFolder {
            out: out.to_path_buf(),
            folder: folder.to_path_buf(),
        });
    }
    if let (Ok(a), Ok(b)) = (plan.canonicalize(), out.canonicalize())
        && a == b
    {
        return Err(PublishError::IsPlan(out.to_path_buf()));
    }
    Ok(())
}

/// Writes the paper to `out` atomically (a reader sees the old file or the new one, never
/// half of one), after [`check_output`].
pub fn write(plan: &Path, out: &Path, bytes: &[u8]) -> Result<(), PublishError> {
    check_output(plan, out)?;
    write_atomic(out, bytes).map_err(|source| PublishError::Write {
        out: out.to_path_buf(),
        source,
    })
}
