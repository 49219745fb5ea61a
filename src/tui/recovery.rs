//! Recovery drafts: each year with unsaved edits is kept in a draft file in the user's data
//! folder (written every few seconds while editing, and on a crash or a signal), next to the
//! file as it was when editing started (its base). The next start offers the draft, merged
//! three ways onto the file as it is now, so a colleague's change made since is kept.

use super::app::App;
use crate::model::{Edit, Plan};
use crate::review::diff::compare;
use crate::review::merge::{Conflict, merge};
use crate::review::report;
use crate::store::{canonical, load, write_atomic};
use directories::ProjectDirs;
use std::path::{Path, PathBuf};

/// The draft file for a plan file (one per absolute path).
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

/// Where the draft's base (the file as loaded when editing started) is kept.
fn base_path(draft: &Path) -> PathBuf {
    let mut name = draft.as_os_str().to_os_string();
    name.push(".base");
    PathBuf::from(name)
}

/// Writes one year's draft and its base; the draft file written, if any.
pub fn write(app: &App, index: usize) -> Option<PathBuf> {
    let year = app.years.get(index)?;
    let file = year.file()?;
    let target = path_for(&year.path)?;
    let bytes = file
        .render()
        .map(|r| r.bytes)
        .unwrap_or_else(|_| canonical(&file.plan).into_bytes());
    std::fs::create_dir_all(target.parent()?).ok()?;
    write_atomic(&base_path(&target), &year.base).ok()?;
    write_atomic(&target, &bytes).ok()?;
    Some(target)
}

/// Writes every year with unsaved edits to its draft; returns the drafts written.
pub fn write_all(app: &App) -> Vec<PathBuf> {
    app.unsaved()
        .into_iter()
        .filter_map(|index| write(app, index))
        .collect()
}

/// Keeps the drafts in step with the edits: a year whose edits changed since its last draft is
/// written again; a year with nothing unsaved loses its draft. Cheap when nothing changed.
pub fn autosave(app: &mut App) {
    for index in 0..app.years.len() {
        let year = &app.years[index];
        let state = (year.generation, year.history.revision());
        if year.history.dirty() {
            if year.drafted.is_none() {
                keep_older_draft(&year.path);
            }
            if year.drafted != Some(state) && write(app, index).is_some() {
                app.years[index].drafted = Some(state);
            }
        } else if year.drafted.is_some() {
            discard(&year.path.clone());
            app.years[index].drafted = None;
        }
    }
}

/// A draft left by an earlier run that was not restored or discarded is moved aside (to
/// `….previous`, with its base) before this run's first draft of the same file replaces it.
fn keep_older_draft(file: &Path) {
    let Some(draft) = path_for(file) else { return };
    if !draft.exists() {
        return;
    }
    let aside = |path: &Path| {
        let mut name = path.as_os_str().to_os_string();
        name.push(".previous");
        let _ = std::fs::rename(path, PathBuf::from(name));
    };
    aside(&base_path(&draft));
    aside(&draft);
}

/// The years whose draft holds something other than what is on disk.
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

/// What restoring a draft would do to the file as it is now.
#[derive(Debug)]
pub struct Preview {
    /// The draft's edits merged onto the file as it is now.
    pub merged: Plan,
    /// Where the draft and the file on disk changed the same thing differently (the draft wins).
    pub conflicts: Vec<Conflict>,
    /// The change report from the file on disk to the merged plan, one line each.
    pub lines: Vec<String>,
}

/// Merges a year's draft onto the file as it is now (base: the file as loaded when the draft's
/// editing started; a draft without a base is taken whole).
pub fn preview(app: &mut App, index: usize) -> Result<Preview, String> {
    let year = &mut app.years[index];
    year.ensure_loaded();
    let draft_path = path_for(&year.path).ok_or("no data folder for recovery files")?;
    let read = |path: &Path| -> Result<Plan, String> {
        let bytes =
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        load(&bytes).map(|l| l.plan).map_err(|_| {
            format!(
                "{} is damaged; it was left in place (open it in a text editor to copy your edits)",
                path.display()
            )
        })
    };
    let ours = read(&draft_path)?;
    let theirs = year
        .plan()
        .ok_or("this year failed to load; fix it, then restart to restore its draft")?;
    let base = read(&base_path(&draft_path)).unwrap_or_else(|_| theirs.clone());
    let merged = merge(&base, &ours, theirs);
    let lines = report::text(&compare(theirs, &merged.plan), false)
        .lines()
        .map(String::from)
        .collect();
    Ok(Preview {
        merged: merged.plan,
        conflicts: merged.conflicts,
        lines,
    })
}

/// Restores a year's draft, merged onto the file as it is now, as one undoable edit; then
/// forgets the draft.
pub fn restore(app: &mut App, index: usize) -> Result<usize, String> {
    let preview = preview(app, index)?;
    let year = &mut app.years[index];
    let current = year.plan().ok_or("this year failed to load")?;
    let mut merged = preview.merged;
    merged.adopt_ids(current);
    year.apply(Edit::ReplacePlan(Box::new(merged)))
        .map_err(|e| e.to_string())?;
    discard(&year.path);
    Ok(preview.conflicts.len())
}

/// Deletes the draft (and its base) of a plan file, if there is one.
pub fn discard(file: &Path) {
    if let Some(path) = path_for(file) {
        let _ = std::fs::remove_file(base_path(&path));
        let _ = std::fs::remove_file(path);
    }
}
