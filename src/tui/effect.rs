//! Work the run loop performs for `update` and the handlers: everything that needs the disk,
//! git or the terminal. Its own module, so the handlers that return effects and the module that
//! performs them never import each other.

use super::app::Screen;
use super::forms::Target;

/// Work for the run loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save the year shown; `overwrite` replaces a file that changed on disk.
    Save {
        /// Replace the file even if it changed on disk.
        overwrite: bool,
    },
    /// Save every year with unsaved edits, then quit if all saved.
    SaveAllAndQuit,
    /// Re-read the year shown from disk.
    Reload,
    /// Edit a field in `$EDITOR`.
    ExternalEditor(Target),
    /// Compare the plan with a revision (the last commit when `None`) and show the report.
    Changes(Option<String>),
    /// Read the tags, branches and the year file's recent commits, for the revision field.
    ListRevisions,
    /// Read the year file's history from git, then show `screen`.
    ReadHistory(Screen),
    /// Restore a year's unsaved edits from its recovery draft, merged onto the file.
    Restore(usize),
    /// Delete a year's recovery draft.
    DiscardRecovery(usize),
    /// Commit, tag or sync on the worker.
    Git(super::git_ui::Request),
    /// Write an export on the worker.
    Export(Box<super::export_dialog::Request>),
}
