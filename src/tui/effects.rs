//! The run loop's side of things: saving, reloading, `$EDITOR`, restoring recovered edits,
//! watching for files changed on disk (and for `HEAD` moving), and taking in what the git
//! worker found. Results come back as status-bar messages.

use super::app::{App, Screen};
use super::baseline::Baseline;
use super::effect::Effect;
use super::fields::{field_text, set_field};
use super::forms::{Confirm, Popup, Target};
use super::recovery;
use super::work::{Done, Job};
use super::year::Content;
use crate::model::FieldValue;
use crate::review::git::Git;
use crate::store::{Overwrite, SaveError, Saved};

/// Something the effect needs from the terminal: leaving it for `$EDITOR` and coming back.
pub trait Suspend {
    /// Runs `work` with the terminal restored to normal, then takes it back.
    fn suspended(&mut self, work: &mut dyn FnMut()) -> std::io::Result<()>;
}

/// Carries out an effect.
pub fn perform(app: &mut App, effect: Effect, terminal: &mut dyn Suspend) {
    let recovery_answered = matches!(effect, Effect::Restore(_) | Effect::DiscardRecovery(_));
    match effect {
        Effect::Save { overwrite } => {
            save(app, app.current, overwrite);
        }
        Effect::SaveAllAndQuit => {
            let all_saved = app.unsaved().into_iter().all(|i| save(app, i, false));
            app.ui.quit = all_saved;
        }
        Effect::Reload => {
            app.year_mut().reload();
            app.clamp_cursor();
            let name = app.year().name();
            app.say(format!("reloaded {name} from disk"));
        }
        Effect::ExternalEditor(target) => external_editor(app, target, terminal),
        Effect::Restore(year) => match recovery::restore(app, year) {
            Ok(conflicts) => {
                app.current = year;
                app.clamp_cursor();
                app.say(match conflicts {
                    0 => "restored the unsaved edits onto the file as it is now (u undoes, Ctrl-s saves)".to_string(),
                    n => format!("restored the unsaved edits; {n} field(s) changed on both sides took yours (u undoes)"),
                });
            }
            Err(error) => app.warn(error),
        },
        Effect::Changes(revision) => super::changes::start(app, revision),
        Effect::ReadHistory(screen) => read_history(app, screen),
        Effect::ListRevisions => list_revisions(app),
        Effect::Git(request) => super::git_ui::start(app, request),
        Effect::Export(request) => super::export_run::start(app, *request),
        Effect::DiscardRecovery(year) => {
            recovery::discard(&app.years[year].path.clone());
            app.say("discarded the recovered edits");
        }
    }
    if recovery_answered {
        offer_next_recovery(app);
    }
}

/// Saves one year; true when it is saved (or had nothing to save).
fn save(app: &mut App, index: usize, overwrite: bool) -> bool {
    let year = &mut app.years[index];
    let name = year.name();
    let Some(file) = year.file_mut() else {
        app.warn(format!(
            "{name} is read-only (it has errors) and is never written"
        ));
        return false;
    };
    let mode = if overwrite {
        Overwrite::Always
    } else {
        Overwrite::IfUnchanged
    };
    match file.save(mode) {
        Ok(outcome) => {
            year.history.mark_saved();
            year.disk_warned = false;
            recovery::discard(&year.path.clone());
            app.say(match outcome {
                Saved::Unchanged => format!("{name}: nothing to save"),
                Saved::Patched => format!("saved {name}"),
                Saved::RewroteWholeFile => format!("saved {name}; its layout could not take the edit, so it was rewritten canonically"),
            });
            true
        }
        Err(SaveError::ChangedOnDisk(_)) => {
            app.current = index;
            app.ui.popup = Some(Popup::Confirm(Confirm::changed_on_disk(&name)));
            false
        }
        Err(error) => {
            app.warn(format!("not saved: {error}"));
            false
        }
    }
}

fn external_editor(app: &mut App, target: Target, terminal: &mut dyn Suspend) {
    let text = field_text(app, target).unwrap_or_default();
    let file = match tempfile::Builder::new()
        .prefix("boardplan-")
        .suffix(".txt")
        .tempfile()
    {
        Ok(file) => file,
        Err(error) => return app.warn(format!("cannot make a temporary file: {error}")),
    };
    if let Err(error) = std::fs::write(file.path(), &text) {
        return app.warn(format!("cannot write a temporary file: {error}"));
    }
    let (editor, fallback) = match chosen_editor() {
        Some(editor) => (editor, false),
        None => ("vi".to_string(), true),
    };
    let mut status = None;
    let result = terminal.suspended(&mut || {
        let mut parts = editor.split_whitespace();
        let program = parts.next().unwrap_or("vi");
        status = Some(
            std::process::Command::new(program)
                .args(parts)
                .arg(file.path())
                .status(),
        );
    });
    match (result, status) {
        (Ok(()), Some(Ok(exit))) if exit.success() => {
            take_edited(app, target, file.path(), fallback)
        }
        (Ok(()), Some(Ok(exit))) => {
            app.warn(format!("{editor} exited with {exit}; nothing changed"))
        }
        (_, Some(Err(error))) if fallback => app.warn(format!(
            "$VISUAL and $EDITOR are not set and vi cannot be run ({error}); set EDITOR, e.g. EDITOR=nano"
        )),
        (_, Some(Err(error))) => app.warn(format!("cannot run {editor}: {error}")),
        (Err(error), _) => app.warn(format!("terminal error: {error}")),
        (Ok(()), None) => {}
    }
}

/// Sets the field to the text the editor left in `path` (a trailing newline dropped; blank
/// clears it), saying so when vi stood in for an unset `$EDITOR`.
fn take_edited(app: &mut App, target: Target, path: &std::path::Path, fallback: bool) {
    match std::fs::read_to_string(path) {
        Ok(edited) => {
            let edited = edited.strip_suffix('\n').unwrap_or(&edited).to_string();
            set_field(
                app,
                target,
                FieldValue::Text(Some(edited).filter(|t| !t.trim().is_empty())),
            );
            if fallback {
                let said = app.ui.message.take().map(|m| m.text);
                let said = said.map_or(String::new(), |s| format!(" · {s}"));
                app.say(format!("used vi: $EDITOR is not set{said}"));
            }
        }
        Err(error) => app.warn(format!("cannot read the edited text: {error}")),
    }
}

/// The editor the user chose: `$VISUAL`, else `$EDITOR` (an empty value counts as unset).
fn chosen_editor() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
}

/// Idle-time check, every second: a file changed on disk is reloaded when it has no unsaved
/// edits (a broken file too, once fixed), and the user is asked when it has. True when the
/// screen changed.
pub fn watch_disk(app: &mut App) -> bool {
    if app.ui.popup.is_some() {
        return false;
    }
    let year = app.year_mut();
    if let Content::Broken { .. } = year.content {
        if std::fs::read(&year.path).is_ok_and(|bytes| bytes != year.base) {
            year.reload();
            let name = year.name();
            let fixed = year.plan().is_some();
            app.clamp_cursor();
            app.say(if fixed {
                format!("{name} changed on disk and loads now")
            } else {
                format!("{name} changed on disk; it still has errors")
            });
            return true;
        }
        return false;
    }
    let Some(file) = year.file() else {
        return false;
    };
    if !file.changed_on_disk() || year.disk_warned {
        return false;
    }
    if year.history.dirty() {
        year.disk_warned = true;
        let name = year.name();
        app.ui.popup = Some(Popup::Confirm(Confirm::changed_on_disk(&name)));
    } else if std::fs::metadata(&year.path).is_ok() {
        year.reload();
        app.clamp_cursor();
        app.say("the file changed on disk and was reloaded");
    }
    true
}

/// Asks the worker whether `HEAD` moved or a meeting was tagged (in another shell) since the
/// current year's change marks were read; if so, they are read again.
pub fn check_head(app: &mut App) {
    let index = app.current;
    let year = &app.years[index];
    let Some(head) = year.head.clone() else {
        return;
    };
    let path = year.path.clone();
    app.work.start(Job::Head(index), move || {
        let now = Baseline::state(&path);
        Done::Head(index, now.filter(|now| *now != head))
    });
}

/// Starts the git reads the screen needs (the current year's change marks) and takes in what
/// finished jobs found. True when something on screen changed.
pub fn poll_work(app: &mut App) -> bool {
    let index = app.current;
    let year = &app.years[index];
    if year.baseline.is_none() && matches!(year.content, Content::Plan(_)) {
        let (path, generation) = (year.path.clone(), year.generation);
        app.work.start(Job::Baseline(index, generation), move || {
            Done::Baseline(
                index,
                generation,
                Baseline::head(&path).map(|(h, b)| (h, b.map(Box::new))),
            )
        });
    }
    let finished = app.work.finished();
    let changed = !finished.is_empty();
    for done in finished {
        take_in(app, done);
    }
    changed
}

fn take_in(app: &mut App, done: Done) {
    match done {
        Done::Baseline(index, generation, found) => {
            if let Some(year) = app.years.get_mut(index)
                && year.generation == generation
            {
                year.set_baseline(found.map(|(h, b)| (h, b.map(|b| *b))));
            }
        }
        Done::Head(index, moved) => {
            if let (Some(_), Some(year)) = (moved, app.years.get_mut(index)) {
                year.baseline = None;
                year.head = None;
            }
        }
        Done::Revisions(found) => {
            if let Some(Popup::Revision(picker)) = &mut app.ui.popup {
                picker.offered = Some(found);
            }
        }
        Done::Git(done) => super::git_ui::finished(app, *done),
        Done::Export(done) => super::export_run::finished(app, *done),
        Done::Changes(read) => super::changes::finished(app, *read),
        Done::History(path, screen, result) => match result {
            Ok(versions) => {
                if versions.path == app.year().path {
                    app.ui.versions = Some(versions);
                }
            }
            Err(error) => {
                if app.ui.screen == screen && app.ui.versions.is_none() {
                    app.ui.screen = Screen::Main;
                }
                app.warn(format!("no history for {}: {error}", path.display()));
            }
        },
    }
}

/// Reads the tags, branches and the file's recent commits on the worker, for the revision
/// field to offer.
fn list_revisions(app: &mut App) {
    let path = app.year().path.clone();
    app.work.start(Job::Revisions(path.clone()), move || {
        let offered = Git::discover(&path)
            .and_then(|git| git.offered_revisions(&path, 30))
            .unwrap_or_default();
        Done::Revisions(offered)
    });
}

/// Shows a history screen at once (with what was read before, or "reading"), and reads the
/// file's history again on the worker.
fn read_history(app: &mut App, screen: Screen) {
    let path = app.year().path.clone();
    if app.ui.versions.as_ref().is_some_and(|v| v.path != path) {
        app.ui.versions = None;
    }
    app.ui.screen = screen;
    app.ui.list.reset();
    app.ui.detail_scroll = 0;
    let job_path = path.clone();
    app.work.start(Job::History(path), move || {
        let result = super::history::read(&job_path);
        Done::History(job_path, screen, result)
    });
}

/// Offers to restore the next year that has a recovery file, if no popup is open.
pub fn offer_next_recovery(app: &mut App) {
    if app.ui.popup.is_some() {
        return;
    }
    let Some(&year) = recovery::pending(app).first() else {
        return;
    };
    let name = app.years[year].name();
    let what = match recovery::preview(app, year) {
        Ok(preview) => {
            let mut lines = vec!["Restoring merges them onto the file as it is now:".to_string()];
            let shown = 8;
            lines.extend(preview.lines.iter().skip(1).take(shown).cloned());
            if preview.lines.len() > shown + 1 {
                lines.push(format!(
                    "  … and {} more lines",
                    preview.lines.len() - shown - 1
                ));
            }
            lines.extend(
                preview
                    .conflicts
                    .iter()
                    .map(|c| format!("changed on disk too, yours kept: {c}")),
            );
            lines
        }
        Err(error) => vec![error],
    };
    app.ui.popup = Some(Popup::Confirm(Confirm::recovery(&name, year, what)));
}
