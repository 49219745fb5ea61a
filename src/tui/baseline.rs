//! The plan as of the last commit, to mark the rows changed since then: `+` for an action the
//! commit did not have, `~` for one that differs from it.

use crate::model::{ActionPos, Plan};
use crate::review::git::{Git, History};
use crate::store::load;
use std::collections::HashMap;
use std::path::Path;

/// A committed version of a year file.
#[derive(Debug)]
pub struct Baseline {
    /// The revision it was read from.
    pub revision: String,
    /// The plan at that revision.
    pub plan: Plan,
    refs: HashMap<String, ActionPos>,
}

impl Baseline {
    /// The commit `HEAD` names now, and the file as of it; `None` outside git (or with no
    /// commit yet).
    pub fn head(path: &Path) -> Option<(String, Option<Baseline>)> {
        let git = Git::discover(path).ok()?;
        let head = git.resolve("HEAD").ok()?;
        let baseline = Baseline::fetch(path, &head);
        Some((head, baseline))
    }

    /// The commit `HEAD` names now, if the file is in a git repository with commits.
    pub fn head_commit(path: &Path) -> Option<String> {
        Git::discover(path).ok()?.resolve("HEAD").ok()
    }

    /// The file as of `revision`; `None` outside git, or when the file was not committed there
    /// or was not a valid plan then.
    pub fn fetch(path: &Path, revision: &str) -> Option<Baseline> {
        let git = Git::discover(path).ok()?;
        let bytes = git.show(revision, path).ok()??;
        let plan = load(&bytes).ok()?.plan;
        let refs = plan
            .actions()
            .map(|(pos, a)| (a.reference.clone(), pos))
            .collect();
        Some(Baseline {
            revision: revision.to_string(),
            plan,
            refs,
        })
    }

    /// How the action at `pos` of `plan` differs from this version: `+` new, `~` changed.
    pub fn mark(&self, plan: &Plan, pos: ActionPos) -> Option<char> {
        let action = plan.action(pos)?;
        match self
            .refs
            .get(&action.reference)
            .and_then(|p| self.plan.action(*p))
        {
            None => Some('+'),
            Some(before) if before != action => Some('~'),
            Some(_) => None,
        }
    }
}
