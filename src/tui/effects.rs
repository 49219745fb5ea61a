//! The run loop's side of things: saving, reloading, `$EDITOR`, restoring recovered edits and
//! watching for files changed on disk. Results come back as status-bar messages.

use super::app::App;
use super::baseline::Baseline;
use super::fields::{field_text, set_field};
use super::forms::{Confirm, Popup, Target};
use super::recovery;
use super::update::Effect;
use crate::model::FieldValue;
use crate::review::diff::compare;
use crate::review::git::{Git, History};
use crate::review::report;
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
            recovery::discard(&app.year().path.clone());
            app.clamp_cursor();
            app.say("reloaded from disk");
        }
        Effect::ExternalEditor(target) => external_editor(app, target, terminal),
        Effect::Restore(year) => match recovery::restore(app, year) {
            Ok(()) => {
                app.current = year;
                app.clamp_cursor();
                app.say("restored the unsaved edits (u undoes, Ctrl-s saves)");
            }
            Err(error) => app.warn(error),
        },
        Effect::Changes(revision) => changes(app, revision),
        Effect::ReadHistory(screen) => {
            let path = app.year().path.clone();
            let fresh = app
                .ui
                .versions
                .as_ref()
                .is_some_and(|v| v.path == path && super::history::is_current(v));
            if !fresh {
                match super::history::read(&path) {
                    Ok(versions) => app.ui.versions = Some(versions),
                    Err(error) => return app.warn(format!("no history: {error}")),
                }
            }
            app.ui.screen = screen;
        }
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
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .unwrap_or_else(|_| "vi".into());
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
        (Ok(()), Some(Ok(exit))) if exit.success() => match std::fs::read_to_string(file.path()) {
            Ok(edited) => {
                let edited = edited.strip_suffix('\n').unwrap_or(&edited).to_string();
                set_field(
                    app,
                    target,
                    FieldValue::Text(Some(edited).filter(|t| !t.trim().is_empty())),
                );
            }
            Err(error) => app.warn(format!("cannot read the edited text: {error}")),
        },
        (Ok(()), Some(Ok(exit))) => {
            app.warn(format!("{editor} exited with {exit}; nothing changed"))
        }
        (_, Some(Err(error))) => app.warn(format!("cannot run {editor}: {error}")),
        (Err(error), _) => app.warn(format!("terminal error: {error}")),
        (Ok(()), None) => {}
    }
}

/// Compares the plan shown with a revision (the last commit when `None`; a `YYYY-MM-DD` date
/// means the last commit before it) and shows the report.
fn changes(app: &mut App, revision: Option<String>) {
    let path = app.year().path.clone();
    let revision = match revision {
        None => "HEAD".to_string(),
        Some(date)
            if crate::model::Due::parse(&date)
                .is_ok_and(|d| matches!(d, crate::model::Due::Date(_))) =>
        {
            let commit = Git::discover(&path)
                .ok()
                .and_then(|git| git.last_before(&date).ok().flatten());
            match commit {
                Some(commit) => commit,
                None => return app.warn(format!("no commit before {date}")),
            }
        }
        Some(revision) => revision,
    };
    let Some(base) = Baseline::fetch(&path, &revision) else {
        return app.warn(format!(
            "cannot read {} at '{revision}' (is it in git, and is that a revision?)",
            app.year().name()
        ));
    };
    let Some(plan) = app.plan() else { return };
    let comparison = compare(&base.plan, plan);
    let label = if revision.len() == 40 {
        revision[..10].to_string()
    } else {
        revision
    };
    let title = format!(
        "Changes in {} since {label} · ↑↓ scroll · v other revision · Esc closes",
        app.year().name()
    );
    let lines = report::text(&comparison, false)
        .lines()
        .map(String::from)
        .collect();
    app.ui.popup = Some(Popup::Report {
        title,
        lines,
        scroll: 0,
    });
}

/// Idle-time check: a file changed on disk is reloaded when it has no unsaved edits, and the
/// user is asked when it has.
pub fn watch_disk(app: &mut App) {
    if app.ui.popup.is_some() {
        return;
    }
    let year = app.year_mut();
    let Some(file) = year.file() else { return };
    if !file.changed_on_disk() || year.disk_warned {
        return;
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
}

/// Offers to restore the next year that has a recovery file, if no popup is open.
pub fn offer_next_recovery(app: &mut App) {
    if app.ui.popup.is_some() {
        return;
    }
    if let Some(&year) = recovery::pending(app).first() {
        let name = app.years[year].name();
        app.ui.popup = Some(Popup::Confirm(Confirm::recovery(&name, year)));
    }
}
