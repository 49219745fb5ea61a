//! A sync as it goes and when it stops: the busy popup says the step running; a merge stopped
//! on conflicts is settled from the UI: each conflict the merge driver could not resolve is
//! listed in words (the action, the field, your value and theirs); the officer keeps theirs or
//! mine for each, then the merge is committed and sent. Or the merge is abandoned
//! (`git merge --abort`); closing leaves it waiting in git, and `P` comes back here.

use super::app::App;
use super::effect::Effect;
use super::forms::Popup;
use super::git_ui::{GitDialog, GitDone, Request, show_outcome, synced_lines};
use super::keymap::KeyHelp;
use crate::review::git::Git;
use crate::review::git_sync::{ConflictFile, Step, SyncError, Synced};
use crate::review::merge::Side;
use crate::review::resolve::Block;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::path::Path;

/// Keys of the conflict chooser.
pub const RESOLVE_KEYS: &[KeyHelp] = &[
    KeyHelp::new("↑↓", "move", "move between the conflicts"),
    KeyHelp::new(
        "m",
        "keep mine",
        "keep your version of the selected conflict",
    ),
    KeyHelp::new("t", "take theirs", "take your colleague's version of it"),
    KeyHelp::new(
        "Enter",
        "finish",
        "finish the merge with these choices and send it (once each conflict is chosen)",
    ),
    KeyHelp::new(
        "a",
        "abandon",
        "abandon the merge (git merge --abort): back to how things were before syncing",
    ),
    KeyHelp::new(
        "Esc",
        "later",
        "close; the merge waits in git and P comes back here",
    ),
];

/// The conflicts of a stopped merge and the side chosen for each.
#[derive(Debug)]
pub struct Resolving {
    /// The conflicted files and their blocks.
    pub files: Vec<ConflictFile>,
    /// The side chosen for each block, in the order of [`Resolving::blocks`].
    pub choices: Vec<Option<Side>>,
    /// The block under the cursor.
    pub cursor: usize,
    /// What is missing before the merge can be finished.
    pub error: Option<String>,
}

impl Resolving {
    /// Nothing chosen yet.
    pub fn new(files: Vec<ConflictFile>) -> Resolving {
        let count = files.iter().map(|f| f.blocks.len()).sum();
        Resolving {
            files,
            choices: vec![None; count],
            cursor: 0,
            error: None,
        }
    }

    /// Every block with its file's path, in order.
    pub fn blocks(&self) -> impl Iterator<Item = (&str, &Block)> {
        self.files
            .iter()
            .flat_map(|f| f.blocks.iter().map(move |b| (f.path.as_str(), b)))
    }

    /// How many blocks have a side chosen.
    pub fn chosen(&self) -> usize {
        self.choices.iter().flatten().count()
    }

    /// The choices per file, once every block has one.
    fn by_file(&self) -> Option<Vec<(String, Vec<Side>)>> {
        let mut choices = self.choices.iter();
        self.files
            .iter()
            .map(|file| {
                let sides = file
                    .blocks
                    .iter()
                    .map(|_| *choices.next()?)
                    .collect::<Option<Vec<Side>>>()?;
                Some((file.path.clone(), sides))
            })
            .collect()
    }
}

/// A key while the conflict chooser is open.
pub fn key(app: &mut App, mut resolving: Box<Resolving>, key: KeyEvent) -> Option<Effect> {
    let last = resolving.choices.len().saturating_sub(1);
    resolving.error = None;
    let choose = |resolving: &mut Resolving, side| {
        if let Some(choice) = resolving.choices.get_mut(resolving.cursor) {
            *choice = Some(side);
        }
        resolving.cursor = (resolving.cursor + 1).min(last);
    };
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => resolving.cursor = resolving.cursor.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => resolving.cursor = (resolving.cursor + 1).min(last),
        KeyCode::Char('m') => choose(&mut resolving, Side::Ours),
        KeyCode::Char('t') => choose(&mut resolving, Side::Theirs),
        KeyCode::Char('a') => return busy(app, "Abandoning the merge…", Request::AbortMerge),
        KeyCode::Esc | KeyCode::Char('q') => {
            app.warn("the merge waits in git: P shows its conflicts again, W cannot commit until they are settled");
            return None;
        }
        KeyCode::Enter => match resolving.by_file() {
            Some(choices) => {
                return busy(
                    app,
                    "Finishing the merge with your choices, then sending it…",
                    Request::Resolve(choices),
                );
            }
            None => {
                let left = resolving.choices.len() - resolving.chosen();
                resolving.error = Some(format!(
                    "{left} conflict(s) still to choose: m keeps yours, t takes theirs"
                ));
            }
        },
        _ => {}
    }
    app.ui.popup = Some(Popup::Git(Box::new(GitDialog::Resolve(resolving))));
    None
}

/// A sync's news: the busy popup says the step it started.
pub fn show_step(app: &mut App, step: Step) {
    if let Some(Popup::Git(dialog)) = &mut app.ui.popup
        && let GitDialog::Busy(what) = dialog.as_mut()
    {
        *what = step_line(step);
    }
}

/// What finishing the merge and syncing did.
pub fn resolved(app: &mut App, result: Result<(String, Synced), SyncError>) {
    match result {
        Ok((id, synced)) => {
            let mut lines = vec![format!("Merge finished with your choices (commit {id}).")];
            lines.extend(synced_lines(&synced));
            show_outcome(app, "Merged and synced", lines, false);
        }
        Err(e) => show_outcome(
            app,
            "Merge not finished",
            vec![
                e.to_string(),
                "P shows the conflicts again; nothing of either side is lost.".into(),
            ],
            false,
        ),
    }
}

/// Syncs; a merge that stops on conflicts (now or from an earlier sync) comes back as its
/// conflicts to settle one by one, when they can be.
pub fn sync_or_settle(git: &Git, path: &Path, step: &dyn Fn(Step)) -> GitDone {
    let settle = |error: SyncError| match git.conflict_details() {
        Ok(Some(files)) => GitDone::Settle(files),
        _ => GitDone::Synced(Err(error)),
    };
    if git.merging() {
        return settle(SyncError::Merging);
    }
    match git.has_changes(path) {
        Ok(true) => return GitDone::Synced(Err(SyncError::NotCommitted(git.relative(path)))),
        Ok(false) => {}
        Err(e) => return GitDone::Synced(Err(e)),
    }
    match git.sync(&mut |s| step(s)) {
        Err(error @ SyncError::Conflict(_)) => settle(error),
        result => GitDone::Synced(result),
    }
}

/// What a sync is doing, in words: `Syncing, step 2 of 3: merging them with yours…`.
fn step_line(step: Step) -> String {
    let number = match step {
        Step::Fetch => 1,
        Step::Merge => 2,
        Step::Push => 3,
    };
    format!("Syncing, step {number} of 3: {}", step.describe())
}

fn busy(app: &mut App, what: &str, request: Request) -> Option<Effect> {
    app.ui.popup = Some(Popup::Git(Box::new(GitDialog::Busy(what.to_string()))));
    Some(Effect::Git(request))
}
