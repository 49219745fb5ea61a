//! Recovery files: when boardplan stops unexpectedly, each year with unsaved edits is written to
//! a file in the user's data folder, and the next start offers to restore it.

use super::app::App;
use crate::model::Edit;
use crate::store::{canonical, load, write_atomic};
use directories::ProjectDirs;
use std::path::{Path, PathBuf};

/// The recovery file for a plan file (one per absolute path).
pub fn path_for(file: &Path) -> Option<PathBuf> {
    let dirs = ProjectDirs::from("", "", "boardplan")?;
    let absolute = std::path::absolute(file).ok()?;
    let name: String = absolute
        .to_string_lossy()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    Some(dirs.data_local_dir().join("recovery").join(name))
}

/// Writes every year with unsaved edits to its recovery file; returns the files written.
pub fn write_all(app: &App) -> Vec<PathBuf> {
    let mut written = Vec::new();
    for index in app.unsaved() {
        let year = &app.years[index];
        let (Some(file), Some(target)) = (year.file(), path_for(&year.path)) else {
            continue;
        };
        let bytes = file
            .render()
            .map(|r| r.bytes)
            .unwrap_or_else(|_| canonical(&file.plan).into_bytes());
        let ok = target
            .parent()
            .is_some_and(|dir| std::fs::create_dir_all(dir).is_ok())
            && write_atomic(&target, &bytes).is_ok();
        if ok {
            written.push(target);
        }
    }
    written
}

/// The years whose recovery file holds something other than what is on disk.
pub fn pending(app: &App) -> Vec<usize> {
    (0..app.years.len())
        .filter(|&i| {
            let path = &app.years[i].path;
            let Some(kept) = path_for(path).and_then(|p| std::fs::read(p).ok()) else {
                return false;
            };
            std::fs::read(path).map_or(true, |current| current != kept)
        })
        .collect()
}

/// Restores a year's recovered edits as one undoable edit, then forgets the recovery file.
pub fn restore(app: &mut App, index: usize) -> Result<(), String> {
    let year = &mut app.years[index];
    year.ensure_loaded();
    let recovery = path_for(&year.path).ok_or("no data folder for recovery files")?;
    let bytes =
        std::fs::read(&recovery).map_err(|e| format!("cannot read {}: {e}", recovery.display()))?;
    let mut recovered = load(&bytes)
        .map_err(|_| "the recovery file is damaged; it was left in place".to_string())?
        .plan;
    let current = year
        .plan()
        .ok_or("this year failed to load; its recovery file was left in place")?;
    recovered.adopt_ids(current);
    year.apply(Edit::ReplacePlan(Box::new(recovered)))
        .map_err(|e| e.to_string())?;
    discard(&year.path);
    Ok(())
}

/// Deletes the recovery file of a plan file, if there is one.
pub fn discard(file: &Path) {
    if let Some(path) = path_for(file) {
        let _ = std::fs::remove_file(path);
    }
}
