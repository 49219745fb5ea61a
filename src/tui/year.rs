//! One year file of the store as the UI holds it: loaded lazily, with its own undo history,
//! unsaved marker and cursor, so switching years never loses a position or an edit.

use crate::model::{Edit, EditError, Plan};
use crate::store::{Diagnostic, OpenError, PlanFile};
use std::path::{Path, PathBuf};

/// Where the user is in a year's plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cursor {
    /// Selected theme row: 0 is "all themes", `n` is theme `n - 1`.
    pub theme_row: usize,
    /// Selected row of the actions table.
    pub row: usize,
    /// First actions-table row on screen.
    pub offset: usize,
    /// Selected milestone or measure in the detail pane.
    pub item: usize,
}

/// Undo and redo stacks, and revision numbers that tell whether there are unsaved edits: every
/// state of the plan has a number, and undoing back to the saved state makes it clean again.
#[derive(Debug, Clone, Default)]
pub struct UndoHistory {
    /// Inverse edits, each with the revision it leads back to and what it was, in words.
    undo: Vec<(Edit, u64, String)>,
    /// Undone edits, each with the revision it leads forward to and what it was.
    redo: Vec<(Edit, u64, String)>,
    revision: u64,
    saved: u64,
    issued: u64,
}

impl UndoHistory {
    /// Records an applied edit by its inverse, with what it was in words.
    pub fn push(&mut self, inverse: Edit, label: String) {
        self.undo.push((inverse, self.revision, label));
        self.redo.clear();
        self.issued += 1;
        self.revision = self.issued;
    }

    /// True when the plan differs from what was loaded or last saved.
    pub fn dirty(&self) -> bool {
        self.revision != self.saved
    }

    /// Marks the current revision as saved.
    pub fn mark_saved(&mut self) {
        self.saved = self.revision;
    }

    /// The current revision; changes with every edit, undo and redo.
    pub fn revision(&self) -> u64 {
        self.revision
    }
}

/// A year file's state.
#[derive(Debug)]
pub enum Content {
    /// Not read yet (years other than the one opened first load on demand).
    NotLoaded,
    /// Loaded and editable.
    Plan(Box<PlanFile>),
    /// Failed to load: shown read-only with its errors, never written.
    Broken {
        /// The file's text, if it could be read.
        text: String,
        /// What is wrong, with line numbers.
        diagnostics: Vec<Diagnostic>,
    },
}

/// One year of the store.
#[derive(Debug)]
pub struct Year {
    /// The file.
    pub path: PathBuf,
    /// Its content.
    pub content: Content,
    /// Undo/redo and the unsaved marker.
    pub history: UndoHistory,
    /// Where the user is.
    pub cursor: Cursor,
    /// How many times the file was read; anything cached from an older reading is stale.
    pub generation: u64,
    /// The user was already told the file changed on disk.
    pub disk_warned: bool,
    /// The file as of the last commit, once looked up (`Some(None)`: not in git).
    pub baseline: Option<Option<super::baseline::Baseline>>,
    /// Where the repository stood when the baseline was read: `HEAD`'s commit and the newest
    /// meeting tag (`None` outside git).
    pub head: Option<String>,
    /// The file's bytes as loaded or last saved: the base a recovery draft is merged from.
    pub base: Vec<u8>,
    /// The reading and revision last written to the recovery draft, if one was written.
    pub drafted: Option<(u64, u64)>,
}

impl Year {
    /// A year not read yet.
    pub fn new(path: PathBuf) -> Year {
        Year {
            path,
            content: Content::NotLoaded,
            history: UndoHistory::default(),
            cursor: Cursor::default(),
            generation: 0,
            disk_warned: false,
            baseline: None,
            head: None,
            base: Vec::new(),
            drafted: None,
        }
    }

    /// Reads the file if that has not happened yet.
    pub fn ensure_loaded(&mut self) {
        if matches!(self.content, Content::NotLoaded) {
            (self.content, self.base) = read(&self.path);
            self.generation += 1;
        }
    }

    /// Looks up the file as of the last commit, once; true when it did the looking.
    pub fn ensure_baseline(&mut self) -> bool {
        if self.baseline.is_some() || !matches!(self.content, Content::Plan(_)) {
            return false;
        }
        self.set_baseline(super::baseline::Baseline::head(&self.path));
        true
    }

    /// Takes the file as of `HEAD` (and which commit that was) for the change marks.
    pub fn set_baseline(&mut self, found: Option<(String, Option<super::baseline::Baseline>)>) {
        let (head, baseline) = found.map_or((None, None), |(h, b)| (Some(h), b));
        self.head = head;
        self.baseline = Some(baseline);
    }

    /// Reads the file again, dropping unsaved edits and history.
    pub fn reload(&mut self) {
        (self.content, self.base) = read(&self.path);
        self.history = UndoHistory::default();
        self.generation += 1;
        self.disk_warned = false;
        self.baseline = None;
    }

    /// The plan, when loaded.
    pub fn plan(&self) -> Option<&Plan> {
        match &self.content {
            Content::Plan(file) => Some(&file.plan),
            _ => None,
        }
    }

    /// The open file, when loaded.
    pub fn file(&self) -> Option<&PlanFile> {
        match &self.content {
            Content::Plan(file) => Some(file),
            _ => None,
        }
    }

    /// The open file, to save it.
    pub fn file_mut(&mut self) -> Option<&mut PlanFile> {
        match &mut self.content {
            Content::Plan(file) => Some(file),
            _ => None,
        }
    }

    /// The file name, for the status bar.
    pub fn name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Applies an edit, recording its inverse for undo.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        let label = match self.plan() {
            Some(plan) => super::labels::describe(plan, &edit),
            None => return Ok(()),
        };
        self.apply_labelled(edit, label)
    }

    /// Applies an edit, recording its inverse for undo with what it was in words.
    pub fn apply_labelled(&mut self, edit: Edit, label: String) -> Result<(), EditError> {
        let Content::Plan(file) = &mut self.content else {
            return Ok(());
        };
        let inverse = edit.apply(&mut file.plan)?;
        self.history.push(inverse, label);
        Ok(())
    }

    /// Undoes the last edit; what it was, or `None` when there is none.
    pub fn undo(&mut self) -> Option<String> {
        self.step(true)
    }

    /// Redoes the last undone edit; what it was, or `None` when there is none.
    pub fn redo(&mut self) -> Option<String> {
        self.step(false)
    }

    fn step(&mut self, undo: bool) -> Option<String> {
        let Content::Plan(file) = &mut self.content else {
            return None;
        };
        let history = &mut self.history;
        let (from, to) = if undo {
            (&mut history.undo, &mut history.redo)
        } else {
            (&mut history.redo, &mut history.undo)
        };
        let (edit, revision, label) = from.pop()?;
        match edit.apply(&mut file.plan) {
            Ok(inverse) => {
                to.push((inverse, history.revision, label.clone()));
                history.revision = revision;
                Some(label)
            }
            Err(_) => None,
        }
    }
}

/// Reads a year file: its content, and the bytes it was read from.
fn read(path: &Path) -> (Content, Vec<u8>) {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(source) => {
            let diagnostics = vec![Diagnostic::error(
                1,
                1,
                format!("cannot read the file: {source}"),
            )];
            let text = String::new();
            return (Content::Broken { text, diagnostics }, Vec::new());
        }
    };
    let content = match PlanFile::from_bytes(path, &bytes) {
        Ok(file) => Content::Plan(Box::new(file)),
        Err(OpenError::Invalid(error)) => Content::Broken {
            text: String::from_utf8_lossy(&bytes).into_owned(),
            diagnostics: error.diagnostics,
        },
        Err(OpenError::Io { source, .. }) => Content::Broken {
            text: String::new(),
            diagnostics: vec![Diagnostic::error(
                1,
                1,
                format!("cannot read the file: {source}"),
            )],
        },
    };
    (content, bytes)
}
