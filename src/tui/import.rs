//! Importing returned update packs from the UI (`I`): choose the pack files (those found beside
//! the plan or in a `packs` folder, or typed paths), then review what they propose action by
//! action: accept or reject each change; conflicts (the plan changed since the pack was made)
//! and problems (file, row, column) are shown and cannot be accepted. The checks are the
//! packs module's, the same as `boardplan import`. The accepted changes are applied as one
//! undoable edit; Ctrl-s then saves them through the minimal-diff save like any edit.

use super::app::App;
use super::effect::Effect;
use super::forms::{Lines, Outcome, Popup, TextForm};
use super::keymap::KeyHelp;
use crate::model::{Edit, FieldValue, Severity, validate};
use crate::packs::{
    Change, Conflict, PackProblem, ReturnedPack, content_hash, propose, read_grid, read_pack,
};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Keys of the pack chooser.
pub const PICK_KEYS: &[KeyHelp] = &[
    KeyHelp::new("↑↓", "choose", "choose one of the pack files found"),
    KeyHelp::new(
        "Tab",
        "mark",
        "mark or unmark it, to import several at once",
    ),
    KeyHelp::new(
        "type",
        "",
        "or type the path of a pack (several separated by ;)",
    ),
    KeyHelp::new(
        "Enter",
        "review",
        "review the changes of the marked packs and typed paths (else the one under the cursor)",
    ),
    KeyHelp::new("Esc", "cancel", "close without importing"),
];

/// Keys of the review of proposed changes.
pub const REVIEW_KEYS: &[KeyHelp] = &[
    KeyHelp::new(
        "↑↓ j k",
        "move",
        "move between the proposed changes, conflicts and problems",
    ),
    KeyHelp::new("y", "accept", "accept the selected change"),
    KeyHelp::new("n", "reject", "reject the selected change"),
    KeyHelp::new(
        "A",
        "accept all",
        "accept every change (conflicts and problems are never applied)",
    ),
    KeyHelp::new(
        "Enter",
        "apply",
        "apply the accepted changes as one edit (u undoes it; Ctrl-s saves)",
    ),
    KeyHelp::new("Esc", "cancel", "close without changing the plan"),
];

/// The import popup: choosing packs, or reviewing what they propose.
#[derive(Debug)]
pub enum ImportDialog {
    /// Choosing the pack files.
    Pick(Box<Pick>),
    /// Reviewing the proposed changes.
    Review(Box<Review>),
}

/// The pack chooser.
#[derive(Debug)]
pub struct Pick {
    /// A typed path (or several, separated by `;`).
    pub form: TextForm,
    /// Pack files found beside the plan and in `packs` folders.
    pub found: Vec<PathBuf>,
    /// The file under the cursor, if any.
    pub cursor: Option<usize>,
    /// Files marked with Tab.
    pub marked: BTreeSet<usize>,
}

/// What the officer decided about a proposed change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Not decided yet (not applied).
    Open,
    /// To apply.
    Accept,
    /// Not to apply.
    Reject,
}

/// The proposed changes under review.
#[derive(Debug)]
pub struct Review {
    /// The packs read, as named.
    pub files: Vec<String>,
    /// Each pack's lead (its `owner`), by file name.
    pub leads: BTreeMap<String, String>,
    /// The changes, each with its decision.
    pub changes: Vec<(Change, Decision)>,
    /// Changes refused: the action changed since the pack was made, or packs disagree.
    pub conflicts: Vec<Conflict>,
    /// Bad input: while there is any, nothing can be applied.
    pub problems: Vec<PackProblem>,
    /// Notes about the packs (made from an earlier version of the plan).
    pub notes: Vec<String>,
    /// The change under the cursor.
    pub cursor: usize,
}

impl Review {
    /// How many rows the cursor moves over: the changes, then the conflicts, then the problems.
    pub fn items(&self) -> usize {
        self.changes.len() + self.conflicts.len() + self.problems.len()
    }

    /// How many changes are accepted.
    pub fn accepted(&self) -> usize {
        let accepted = |(_, d): &&(Change, Decision)| *d == Decision::Accept;
        self.changes.iter().filter(accepted).count()
    }

    /// The lead who sent a change (the owner of its first pack), and the pack's file.
    pub fn sent_by(&self, change: &Change) -> String {
        let Some(source) = change.sources.first() else {
            return String::new();
        };
        let lead = self.leads.get(&source.file).map_or("", String::as_str);
        let mut text = format!("{lead} · {}", source);
        if change.sources.len() > 1 {
            text.push_str(&format!(" (and {} more)", change.sources.len() - 1));
        }
        text
    }
}

/// `I`: opens the pack chooser over the plan shown.
pub fn open(app: &mut App) {
    if app.read_only() || app.plan().is_none() {
        return app.warn("this file has errors; fix them before importing packs");
    }
    let found = pack_files(&app.year().path);
    let form = TextForm::new(
        "Import update packs: choose with ↑↓ (Tab marks several) or type a path",
        "",
        Lines::One,
    )
    .quick_cancel();
    let cursor = (!found.is_empty()).then_some(0);
    let pick = Pick {
        form,
        found,
        cursor,
        marked: BTreeSet::new(),
    };
    app.ui.popup = Some(Popup::Import(Box::new(ImportDialog::Pick(Box::new(pick)))));
}

/// The `.csv` and `.xlsx` files beside the plan, in a `packs` folder beside it, and in a
/// `packs` folder beside the plans folder; sorted, each once.
pub fn pack_files(plan: &Path) -> Vec<PathBuf> {
    let folder = plan.parent().unwrap_or(Path::new("."));
    let mut folders = vec![folder.to_path_buf(), folder.join("packs")];
    if let Some(above) = folder.parent() {
        folders.push(above.join("packs"));
    }
    let mut found = BTreeSet::new();
    for dir in folders {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.flatten().map(|e| e.path()) {
            let extension = path.extension().map(|e| e.to_ascii_lowercase());
            let is_pack = extension.is_some_and(|e| e == "csv" || e == "xlsx");
            if is_pack && path.is_file() {
                found.insert(path);
            }
        }
    }
    found.into_iter().collect()
}

/// A key while the import popup is open.
pub fn key(app: &mut App, dialog: ImportDialog, key: KeyEvent) -> Option<Effect> {
    match dialog {
        ImportDialog::Pick(pick) => pick_key(app, pick, key),
        ImportDialog::Review(review) => review_key(app, review, key),
    }
    None
}

fn keep(app: &mut App, dialog: ImportDialog) {
    app.ui.popup = Some(Popup::Import(Box::new(dialog)));
}

fn pick_key(app: &mut App, mut pick: Box<Pick>, key: KeyEvent) {
    let len = pick.found.len();
    match key.code {
        KeyCode::Up => pick.cursor = pick.cursor.and_then(|c| c.checked_sub(1)),
        KeyCode::Down if len > 0 => {
            pick.cursor = Some(pick.cursor.map_or(0, |c| (c + 1).min(len - 1)))
        }
        KeyCode::Tab => {
            if let Some(c) = pick.cursor
                && !pick.marked.remove(&c)
            {
                pick.marked.insert(c);
            }
        }
        _ => match pick.form.handle(key) {
            Outcome::Continue => {}
            Outcome::Cancel => return,
            Outcome::Submit(typed) => {
                let paths = chosen_paths(&pick, &typed);
                if paths.is_empty() {
                    pick.form.error = Some("choose a pack with ↑↓ or type its path".into());
                } else {
                    match review(app, &paths) {
                        Ok(review) => return keep(app, ImportDialog::Review(Box::new(review))),
                        Err(error) => pick.form.error = Some(error),
                    }
                }
            }
        },
    }
    keep(app, ImportDialog::Pick(pick));
}

/// The marked files and the typed paths, each once, in that order; when there are none, the
/// file under the cursor.
fn chosen_paths(pick: &Pick, typed: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = Vec::new();
    let nothing_typed = typed.trim().is_empty();
    let cursor = pick
        .cursor
        .filter(|_| pick.marked.is_empty() && nothing_typed);
    let listed = pick.marked.iter().copied().chain(cursor);
    for path in listed.filter_map(|i| pick.found.get(i)) {
        if !paths.contains(path) {
            paths.push(path.clone());
        }
    }
    let typed = typed
        .split(';')
        .map(|p| p.trim().trim_matches(['\'', '"']))
        .filter(|p| !p.is_empty());
    for path in typed.map(PathBuf::from) {
        if !paths.contains(&path) {
            paths.push(path);
        }
    }
    paths
}

/// Reads the packs and checks them against the plan shown; `Err` when a file cannot be read.
fn review(app: &App, paths: &[PathBuf]) -> Result<Review, String> {
    let plan = app.plan().ok_or("the plan is not loaded")?;
    let mut returned: Vec<ReturnedPack> = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = shown_path(path);
        let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read it ({e})"))?;
        match read_grid(&name, &bytes).and_then(|grid| read_pack(&name, &grid)) {
            Ok(pack) => returned.push(pack),
            Err(problem) => problems.push(problem),
        }
    }
    let proposal = propose(plan, &returned);
    problems.extend(proposal.problems);
    let base = content_hash(&app.year().base);
    let notes = returned
        .iter()
        .filter(|p| !p.meta.sha256.is_empty() && p.meta.sha256 != base)
        .map(|p| {
            format!(
                "{}: made {} from an earlier version of the plan; each row is checked against the plan now",
                p.file, p.meta.made
            )
        })
        .collect();
    Ok(Review {
        files: paths.iter().map(|p| shown_path(p)).collect(),
        leads: returned
            .iter()
            .map(|p| (p.file.clone(), p.meta.owner.clone()))
            .collect(),
        changes: proposal
            .changes
            .into_iter()
            .map(|c| (c, Decision::Open))
            .collect(),
        conflicts: proposal.conflicts,
        problems,
        notes,
        cursor: 0,
    })
}

/// A path as the officer knows it: relative to the current folder when it is inside it.
fn shown_path(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf));
    relative
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}

fn review_key(app: &mut App, mut review: Box<Review>, key: KeyEvent) {
    let last = review.items().saturating_sub(1);
    let decide = |app: &mut App, review: &mut Review, decision| match review
        .changes
        .get_mut(review.cursor)
    {
        Some((_, d)) => *d = decision,
        None => app.warn("conflicts and problems cannot be accepted: settle them by hand"),
    };
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => review.cursor = review.cursor.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => review.cursor = (review.cursor + 1).min(last),
        KeyCode::Home | KeyCode::Char('g') => review.cursor = 0,
        KeyCode::End | KeyCode::Char('G') => review.cursor = last,
        KeyCode::Char('y') => {
            decide(app, &mut review, Decision::Accept);
            review.cursor = (review.cursor + 1).min(last);
        }
        KeyCode::Char('n') => {
            decide(app, &mut review, Decision::Reject);
            review.cursor = (review.cursor + 1).min(last);
        }
        KeyCode::Char('A') => {
            for (_, decision) in &mut review.changes {
                *decision = Decision::Accept;
            }
        }
        KeyCode::Enter if apply(app, &review) => return,
        KeyCode::Esc | KeyCode::Char('q') => {
            return app.say("import cancelled: the plan is unchanged");
        }
        _ => {}
    }
    keep(app, ImportDialog::Review(review));
}

/// Applies the accepted changes as one undoable edit; true when the review is done.
fn apply(app: &mut App, review: &Review) -> bool {
    if !review.problems.is_empty() {
        app.warn(format!(
            "the packs have {} problem(s): nothing is applied until they are corrected (fix the packs, then I again)",
            review.problems.len()
        ));
        return false;
    }
    let accepted: Vec<&Change> = review
        .changes
        .iter()
        .filter(|(_, d)| *d == Decision::Accept)
        .map(|(c, _)| c)
        .collect();
    if accepted.is_empty() {
        app.warn("no change accepted yet: y accepts the selected change, A accepts them all");
        return false;
    }
    let count = accepted.len();
    let refs: BTreeSet<&str> = accepted.iter().map(|c| c.reference.as_str()).collect();
    let label = format!(
        "import of {count} change{} from {}",
        plural(count),
        review.files.join(", ")
    );
    let edit = Edit::Batch(accepted.iter().map(|c| c.edit()).collect());
    if let Err(why) = apply_checked(app, edit, label) {
        app.warn(format!("not applied: {why}"));
        return false;
    }
    let rejected = review.changes.len() - count;
    app.say(format!(
        "applied {count} change{} to {} ({rejected} not applied; u undoes the import, Ctrl-s saves)",
        plural(count),
        refs.into_iter().collect::<Vec<_>>().join(", ")
    ));
    true
}

/// Applies `edit` as one undoable step, unless it fails or would leave the plan invalid: it
/// is tried on a copy first, so a refused import changes neither the plan nor the undo stack.
fn apply_checked(app: &mut App, edit: Edit, label: String) -> Result<(), String> {
    let mut trial = app.plan().cloned().ok_or("the plan is not loaded")?;
    edit.clone().apply(&mut trial).map_err(|e| e.to_string())?;
    if validate(&trial)
        .iter()
        .any(|p| p.severity == Severity::Error)
    {
        return Err("the changes would make the plan invalid".into());
    }
    app.year_mut()
        .apply_labelled(edit, label)
        .map_err(|e| e.to_string())
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// A field's value on one line, for the review: `(none)` when unset.
pub fn shown_value(value: &FieldValue) -> String {
    let text = match value {
        FieldValue::Text(text) => text.clone().unwrap_or_default(),
        FieldValue::Rag(rag) => rag.map(|r| r.as_str().to_string()).unwrap_or_default(),
        FieldValue::Due(due) => due.as_ref().map(ToString::to_string).unwrap_or_default(),
        FieldValue::Owners(owners) => owners.join(", "),
    };
    if text.trim().is_empty() {
        "(none)".into()
    } else {
        text.lines().collect::<Vec<_>>().join(" / ")
    }
}

/// The keys to hint for `dialog`.
pub fn hints(dialog: &ImportDialog) -> &'static [KeyHelp] {
    match dialog {
        ImportDialog::Pick(_) => PICK_KEYS,
        ImportDialog::Review(_) => REVIEW_KEYS,
    }
}

/// Pasted text goes into the path field.
pub fn paste(dialog: &mut ImportDialog, text: &str) {
    if let ImportDialog::Pick(pick) = dialog {
        pick.form.paste(text);
    }
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
