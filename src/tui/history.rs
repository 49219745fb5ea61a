//! The year file's history from git, read on demand for the history and "not updated since"
//! screens: the commits that touched it, and the plan as of each.

use crate::model::Plan;
use crate::review::git::{Commit, Git, Repository};
use crate::store::load;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// How many commits back the screens look.
pub const DEPTH: usize = 30;

/// A file's recent versions, newest first.
#[derive(Debug)]
pub struct Versions {
    /// The file they are versions of.
    pub path: PathBuf,
    /// Each commit, with the plan as of it (`None` when absent or invalid there).
    pub versions: Vec<(Commit, Option<Plan>)>,
    /// Which reading this is (each reading gets a new number), for what is computed from it.
    pub serial: u64,
}

/// The number of the next reading.
static READINGS: AtomicU64 = AtomicU64::new(1);

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
        serial: READINGS.fetch_add(1, Ordering::Relaxed),
    })
}
