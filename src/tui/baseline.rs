//! The plan as of the last commit (what `W` would commit is drafted against it), and as of the
//! last meeting when a `meeting/*` tag exists: the rows are marked against the meeting's
//! version (else the commit's): `+` for an action it did not have, `~` for one that differs.

use crate::model::{ActionPos, Plan};
use crate::review::git::{Git, Repository};
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
    /// The version as of the newest meeting tag, which the row marks compare with.
    meeting: Option<Box<Baseline>>,
}

impl Baseline {
    /// Where the repository stands now (see [`Baseline::state`]), and the file as of `HEAD`
    /// with the newest meeting's version for the marks; `None` outside git (or with no commit
    /// yet).
    pub fn head(path: &Path) -> Option<(String, Option<Baseline>)> {
        let (head, tag) = standing(path)?;
        let meeting = tag
            .as_deref()
            .and_then(|tag| Baseline::fetch(path, tag))
            .map(Box::new);
        let baseline = Baseline::fetch(path, &head).map(|b| Baseline { meeting, ..b });
        Some((state_of(&head, tag.as_deref()), baseline))
    }

    /// What the row marks compare with: `meeting 2013-11-19`, or `last commit`.
    pub fn marks_since(&self) -> String {
        match &self.meeting {
            Some(meeting) => meeting.revision.replacen('/', " ", 1),
            None => "last commit".to_string(),
        }
    }

    /// Where the repository stands: the commit `HEAD` names and the newest meeting tag, so a
    /// commit or a meeting tagged in another shell both refresh the marks; `None` outside git
    /// or with no commit yet.
    pub fn state(path: &Path) -> Option<String> {
        let (head, tag) = standing(path)?;
        Some(state_of(&head, tag.as_deref()))
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
            meeting: None,
        })
    }

    /// How the action at `pos` of `plan` differs from the last meeting's version (this
    /// version when there is no meeting): `+` new, `~` changed.
    pub fn mark(&self, plan: &Plan, pos: ActionPos) -> Option<char> {
        if let Some(meeting) = &self.meeting {
            return meeting.mark(plan, pos);
        }
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

/// The commit `HEAD` names and the newest meeting tag, if any.
fn standing(path: &Path) -> Option<(String, Option<String>)> {
    let git = Git::discover(path).ok()?;
    let head = git.resolve("HEAD").ok()?;
    Some((head, git.last_meeting().ok().flatten()))
}

/// The commit and the newest meeting tag as one value to compare.
fn state_of(head: &str, meeting: Option<&str>) -> String {
    format!("{head} {}", meeting.unwrap_or(""))
}
