//! A question with one key per answer; the answer carries what to do next.

use super::Outcome;
use crate::model::ActionPos;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// What an answer asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Delete this action.
    DeleteAction(ActionPos),
    /// Delete this theme and its actions.
    DeleteTheme(usize),
    /// Delete this milestone of this action.
    DeleteMilestone(ActionPos, usize),
    /// Delete this measure of this theme.
    DeleteMeasure(usize, usize),
    /// Save every unsaved year, then quit.
    SaveAndQuit,
    /// Quit without saving.
    DiscardAndQuit,
    /// Re-read the file from disk, dropping unsaved edits.
    Reload,
    /// Write over the file that changed on disk.
    Overwrite,
    /// Restore the unsaved edits found in a recovery file for this year.
    Restore(usize),
    /// Forget the recovery file for this year.
    DiscardRecovery(usize),
    /// Close and carry on.
    Back,
}

/// An open question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    /// The question's title.
    pub title: String,
    /// What to explain.
    pub lines: Vec<String>,
    /// Key, label, choice; Esc always answers `Back`.
    pub answers: Vec<(char, String, Choice)>,
}

impl Confirm {
    /// Asks before deleting something.
    pub fn delete(what: String, choice: Choice) -> Confirm {
        Confirm {
            title: "Delete".into(),
            lines: vec![format!("Delete {what}?"), "Undo (u) brings it back.".into()],
            answers: vec![
                ('y', "delete".into(), choice),
                ('n', "keep".into(), Choice::Back),
            ],
        }
    }

    /// Asks what to do with unsaved changes on quitting.
    pub fn quit(unsaved: &[String]) -> Confirm {
        Confirm {
            title: "Unsaved changes".into(),
            lines: vec![format!("Unsaved changes in {}.", unsaved.join(", "))],
            answers: vec![
                ('s', "save and quit".into(), Choice::SaveAndQuit),
                ('d', "discard and quit".into(), Choice::DiscardAndQuit),
            ],
        }
    }

    /// Says the file changed on disk and asks what to do.
    pub fn changed_on_disk(name: &str) -> Confirm {
        Confirm {
            title: "Changed on disk".into(),
            lines: vec![
                format!("{name} changed on disk since it was loaded (a git pull, another editor)."),
                "Reload loses your unsaved edits; overwrite loses the other change.".into(),
            ],
            answers: vec![
                ('r', "reload from disk".into(), Choice::Reload),
                ('o', "overwrite with mine".into(), Choice::Overwrite),
                ('k', "keep editing".into(), Choice::Back),
            ],
        }
    }

    /// Offers to restore edits saved when boardplan last stopped unexpectedly.
    pub fn recovery(name: &str, year: usize, what: Vec<String>) -> Confirm {
        let mut lines = vec![format!(
            "boardplan stopped with unsaved edits to {name}; they were kept."
        )];
        lines.extend(what);
        Confirm {
            title: "Recover unsaved edits".into(),
            lines,
            answers: vec![
                ('r', "restore them".into(), Choice::Restore(year)),
                ('d', "discard them".into(), Choice::DiscardRecovery(year)),
            ],
        }
    }

    /// Handles a key: an answer's key chooses it, Esc goes back.
    pub fn handle(&self, key: KeyEvent) -> Outcome<Choice> {
        match key.code {
            KeyCode::Esc => Outcome::Submit(Choice::Back),
            KeyCode::Char(c) => match self.answers.iter().find(|(k, _, _)| *k == c) {
                Some((_, _, choice)) => Outcome::Submit(*choice),
                None => Outcome::Continue,
            },
            _ => Outcome::Continue,
        }
    }
}
