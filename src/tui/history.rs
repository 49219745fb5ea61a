//! The year file's history from git, read on demand for the history and "not updated since"
//! screens: the commits that touched it, and the plan as of each.

use crate::model::Plan;
use crate::review::git::{Commit, Git, History};
use crate::store::load;
use std::path::{Path, PathBuf};

/// How many commits back the screens look.
pub const DEPTH: usize = 30;

/// A file's recent versions, newest first.
#[derive(Debug)]
pub struct Versions {
    /// The file they are versions of.
    pub path: PathBuf,
    /// Each commit, with the plan as of it (`None` when absent or invalid there).
    pub versions: Vec<(Commit, Option<Plan>)>,
}

/// Reads the last [`DEPTH`] versions of `path` from git.
pub fn read(path: &Path) -> Result<Versions, String> {
    let git = Git::discover(path).map_err(|e| e.to_string())?;
    let commits = git.log(path, DEPTH).map_err(|e| e.to_string())?;
    if commits.is_empty() {
        return Err(format!("{} has no commits yet", git.relative(path)));
    }
    let versions = commits
        .into_iter()
        .map(|commit| {
            let plan = git
                .show(&commit.id, path)
                .ok()
                .flatten()
                .and_then(|bytes| load(&bytes).ok())
                .map(|l| l.plan);
            (commit, plan)
        })
        .collect();
    Ok(Versions {
        path: path.to_path_buf(),
        versions,
    })
}

/// True when `versions` still end at the file's newest commit.
pub fn is_current(versions: &Versions) -> bool {
    let newest = Git::discover(&versions.path)
        .ok()
        .and_then(|git| git.log(&versions.path, 1).ok());
    let newest = newest
        .as_ref()
        .and_then(|log| log.first())
        .map(|c| c.id.as_str());
    newest.is_some() && newest == versions.versions.first().map(|(c, _)| c.id.as_str())
}
