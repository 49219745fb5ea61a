//! Plan files on disk: open with validation, save atomically, and never overwrite a file that
//! changed on disk since it was loaded unless told to. The check and the write happen under
//! the folder's write lock, so two savers can never both succeed with one edit lost.

use super::atomic::{WriteLock, is_read_only, write_locked};
use super::diagnostic::{Diagnostic, LoadError};
use super::document::{Document, Rendered, load};
use crate::model::Plan;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A plan file opened for reading and editing.
#[derive(Debug, Clone)]
pub struct PlanFile {
    /// Where it lives.
    pub path: PathBuf,
    /// The plan to read and edit.
    pub plan: Plan,
    /// Problems that did not stop it loading.
    pub warnings: Vec<Diagnostic>,
    document: Document,
    /// Held from load to save by [`PlanFile::open_for_update`].
    lock: Option<Arc<WriteLock>>,
}

/// Why a file could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// Reading failed.
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The file is not a valid plan.
    #[error(transparent)]
    Invalid(#[from] LoadError),
}

/// Why a save did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Someone else changed the file since it was loaded (a `git pull`, another editor).
    #[error("{}: the file changed on disk since it was loaded; reload it, or save with overwrite", .0.display())]
    ChangedOnDisk(PathBuf),
    /// The file's mode says nobody may write it (mode 444); it is left as it is.
    #[error("{}: the file is read-only; make it writable (chmod u+w) to save, or save elsewhere", .0.display())]
    ReadOnly(PathBuf),
    /// Writing failed; the old file is untouched.
    #[error("{}: cannot write the file: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The plan could not be written back (it is not valid, or an internal check failed).
    #[error("{0}")]
    Invalid(LoadError),
}

/// What a successful save did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// Nothing had changed; the file was not touched.
    Unchanged,
    /// Only the changed lines were rewritten.
    Patched,
    /// The whole file was rewritten canonically (its layout could not take the edit).
    RewroteWholeFile,
}

/// Whether a save may replace a file that changed on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Refuse when the file changed on disk.
    IfUnchanged,
    /// Replace it anyway (the user chose to).
    Always,
}

impl PlanFile {
    /// Reads and validates a plan file.
    pub fn open(path: &Path) -> Result<PlanFile, OpenError> {
        let bytes = std::fs::read(path).map_err(|source| OpenError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        PlanFile::from_bytes(path, &bytes)
    }

    /// Opens a file for a read-change-save round (the `set` command): no other boardplan can
    /// write the file between this load and the save, so the edit applies onto the latest bytes.
    pub fn open_for_update(path: &Path) -> Result<PlanFile, OpenError> {
        let lock = WriteLock::acquire(path).map_err(|source| OpenError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut file = PlanFile::open(path)?;
        file.lock = Some(Arc::new(lock));
        Ok(file)
    }

    /// Validates bytes said to come from `path`.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<PlanFile, OpenError> {
        let loaded = load(bytes).map_err(|diagnostics| LoadError {
            path: path.to_path_buf(),
            diagnostics,
        })?;
        Ok(PlanFile {
            path: path.to_path_buf(),
            plan: loaded.plan,
            warnings: loaded.warnings,
            document: loaded.document,
            lock: None,
        })
    }

    /// The bytes a save would write now.
    pub fn render(&self) -> Result<Rendered, SaveError> {
        self.document
            .render(&self.plan)
            .map_err(|diagnostics| self.invalid(diagnostics))
    }

    /// True when the plan differs from what was loaded or last saved.
    pub fn is_modified(&self) -> Result<bool, SaveError> {
        Ok(self.render()?.bytes != self.document.bytes())
    }

    /// True when the file on disk is no longer what was loaded or last saved.
    pub fn changed_on_disk(&self) -> bool {
        std::fs::read(&self.path).map_or(true, |bytes| !self.document.holds(&bytes))
    }

    /// Saves the plan: only changed lines are rewritten, atomically; refuses to replace a file
    /// that changed on disk unless `overwrite` says so.
    pub fn save(&mut self, overwrite: Overwrite) -> Result<Saved, SaveError> {
        let rendered = self.render()?;
        self.write(rendered, overwrite)
    }

    /// Rewrites the whole file canonically (the `fmt` command), with the same safety checks.
    pub fn save_canonical(&mut self, overwrite: Overwrite) -> Result<Saved, SaveError> {
        let rendered = self
            .document
            .render_fmt(&self.plan)
            .map_err(|d| self.invalid(d))?;
        self.write(rendered, overwrite)
    }

    fn write(&mut self, rendered: Rendered, overwrite: Overwrite) -> Result<Saved, SaveError> {
        if rendered.bytes == self.document.bytes() {
            return Ok(Saved::Unchanged);
        }
        let io_error = |source| SaveError::Io {
            path: self.path.clone(),
            source,
        };
        let _lock = match &self.lock {
            Some(held) => Arc::clone(held),
            None => Arc::new(WriteLock::acquire(&self.path).map_err(io_error)?),
        };
        if is_read_only(&self.path) {
            return Err(SaveError::ReadOnly(self.path.clone()));
        }
        self.check_disk(overwrite)?;
        write_locked(&self.path, &rendered.bytes).map_err(io_error)?;
        let outcome = if rendered.rewrote_whole_file {
            Saved::RewroteWholeFile
        } else {
            Saved::Patched
        };
        self.document.commit(rendered, &self.plan);
        Ok(outcome)
    }

    fn check_disk(&self, overwrite: Overwrite) -> Result<(), SaveError> {
        if overwrite == Overwrite::IfUnchanged && self.changed_on_disk() {
            return Err(SaveError::ChangedOnDisk(self.path.clone()));
        }
        Ok(())
    }

    fn invalid(&self, diagnostics: Vec<Diagnostic>) -> SaveError {
        SaveError::Invalid(LoadError {
            path: self.path.clone(),
            diagnostics,
        })
    }
}
