//! The export dialog at work: its keys, the worker jobs (the newest meeting tag when it opens;
//! the earlier version, the paper and the atomic write when Enter is pressed) and what comes
//! back: the file named in the status bar, or the reason shown in the dialog, which stays open.

use super::app::App;
use super::effect::Effect;
use super::export_dialog::{ExportDialog, FORMATS, Meeting, Part, Request, Stage, Travel};
use super::forms::{Outcome, Popup};
use super::work::{Done, Job};
use crate::export::{self, Paper, publish};
use crate::model::Plan;
use crate::review::git::Git;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;

/// What the worker found for the dialog.
#[derive(Debug)]
pub enum ExportDone {
    /// The newest meeting tag, or why there is none.
    Meeting(Meeting),
    /// The file written, or why not.
    Written(Result<Written, String>),
}

/// A file written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Where.
    pub path: PathBuf,
    /// How many actions it holds.
    pub actions: usize,
    /// The earlier version compared with, as named in the paper.
    pub since: Option<String>,
    /// The scope in words ("" for the whole plan).
    pub scope: String,
}

/// `X`: opens the dialog and asks git for the newest meeting tag.
pub fn open(app: &mut App) {
    let Some(dialog) = ExportDialog::open(app) else {
        return app.warn("this file has errors, so there is nothing to export; fix them first");
    };
    let file = dialog.plan_file.clone();
    app.ui.popup = Some(Popup::Export(Box::new(dialog)));
    app.work.start(Job::ExportMeeting, move || {
        let meeting = match Git::discover(&file) {
            Err(_) => Meeting::NotInGit,
            Ok(git) => match git.last_meeting() {
                Ok(Some(tag)) => Meeting::Found(tag),
                Ok(None) | Err(_) => Meeting::NoTag,
            },
        };
        Done::Export(Box::new(ExportDone::Meeting(meeting)))
    });
}

/// A key while the dialog is open.
pub fn key(app: &mut App, mut dialog: Box<ExportDialog>, key: KeyEvent) -> Option<Effect> {
    let effect = match dialog.stage {
        Stage::Writing => {
            if key.code == KeyCode::Esc {
                app.say("still writing the export; the status bar will say when it is done");
                return None;
            }
            None
        }
        Stage::Replace => match key.code {
            KeyCode::Char('y') | KeyCode::Enter => submit(&mut dialog, true),
            _ => {
                dialog.stage = Stage::Editing;
                None
            }
        },
        Stage::Editing => match editing_key(&mut dialog, key) {
            Outcome::Continue => None,
            Outcome::Cancel => return None,
            Outcome::Submit(()) => submit(&mut dialog, false),
        },
    };
    app.ui.popup = Some(Popup::Export(dialog));
    effect
}

/// A key while choosing; `Submit` asks to write.
fn editing_key(dialog: &mut ExportDialog, key: KeyEvent) -> Outcome<()> {
    dialog.error = None;
    let typing = matches!(dialog.part, Part::Revision | Part::Path);
    let back = key.code == KeyCode::BackTab
        || (key.code == KeyCode::Tab && key.modifiers.contains(KeyModifiers::SHIFT));
    match key.code {
        KeyCode::Esc => return Outcome::Cancel,
        KeyCode::Enter => return Outcome::Submit(()),
        _ if back => step_part(dialog, -1),
        KeyCode::Tab => step_part(dialog, 1),
        KeyCode::Up if typing => step_part(dialog, -1),
        KeyCode::Down if typing => step_part(dialog, 1),
        KeyCode::Up | KeyCode::Left if !typing => choose(dialog, -1),
        KeyCode::Down | KeyCode::Right if !typing => choose(dialog, 1),
        KeyCode::Char(c) if !typing && key.modifiers.difference(KeyModifiers::SHIFT).is_empty() => {
            if let Some(i) = FORMATS.iter().position(|f| f.0 == c) {
                dialog.format = i;
                dialog.follow_choices();
            }
        }
        _ if dialog.part == Part::Revision => type_into(&mut dialog.revision, key),
        _ if dialog.part == Part::Path => type_into(&mut dialog.path, key),
        _ => {}
    }
    Outcome::Continue
}

/// A key for a text field (Esc and Enter are the dialog's).
fn type_into(form: &mut super::forms::TextForm, key: KeyEvent) {
    let _ = form.handle(key);
}

/// Moves the keyboard to the next (`1`) or previous (`-1`) part, round the ends.
fn step_part(dialog: &mut ExportDialog, delta: isize) {
    let parts = dialog.parts();
    let at = parts.iter().position(|p| *p == dialog.part).unwrap_or(0);
    let len = parts.len() as isize;
    let next = (at as isize + delta).rem_euclid(len) as usize;
    dialog.part = parts[next];
}

/// Moves the choice of the part with the keyboard.
fn choose(dialog: &mut ExportDialog, delta: isize) {
    let step =
        |at: usize, len: usize| (at as isize + delta).rem_euclid(len.max(1) as isize) as usize;
    match dialog.part {
        Part::Format => dialog.format = step(dialog.format, FORMATS.len()),
        Part::Scope => dialog.scope = step(dialog.scope, dialog.scopes.len()),
        Part::Travel => {
            let travels = dialog.travels();
            let at = travels
                .iter()
                .position(|t| *t == dialog.travel)
                .unwrap_or(0);
            dialog.travel = travels[step(at, travels.len())];
        }
        Part::Revision | Part::Path => {}
    }
    dialog.follow_choices();
}

/// Enter: checks the choices and the file, asks before replacing one, then writes.
fn submit(dialog: &mut ExportDialog, replace: bool) -> Option<Effect> {
    let request = match dialog.request() {
        Ok(request) => request,
        Err(error) => {
            dialog.stage = Stage::Editing;
            dialog.error = Some(error);
            return None;
        }
    };
    if let Err(error) = publish::check_output(&request.plan_file, &request.out) {
        dialog.stage = Stage::Editing;
        dialog.part = Part::Path;
        dialog.error = Some(error.to_string());
        return None;
    }
    if request.out.exists() && !replace {
        dialog.stage = Stage::Replace;
        return None;
    }
    dialog.stage = Stage::Writing;
    Some(Effect::Export(Box::new(request)))
}

/// Writes the export on the worker, from the plan as shown (unsaved edits included).
pub fn start(app: &mut App, request: Request) {
    let Some(plan) = app.plan().cloned() else {
        return app.warn("this file has errors, so there is nothing to export");
    };
    let started = app.work.start(Job::Export, move || {
        Done::Export(Box::new(ExportDone::Written(write(&plan, &request))))
    });
    if !started {
        stopped(
            app,
            "the last export is still being written; try again in a moment",
        );
    }
}

/// The direction of travel, the paper, its bytes, the atomic write.
fn write(plan: &Plan, request: &Request) -> Result<Written, String> {
    let since = match &request.since {
        Some(earlier) => {
            let (label, old) =
                publish::earlier(&request.plan_file, earlier).map_err(|e| e.to_string())?;
            Some(export::since(&label, &old, plan))
        }
        None => None,
    };
    let label = since.as_ref().map(|s| s.label.clone());
    let paper = Paper::build(plan, &request.options, since).map_err(|e| e.to_string())?;
    let bytes = export::render(plan, &paper, request.format).map_err(|e| e.to_string())?;
    publish::write(&request.plan_file, &request.out, &bytes).map_err(|e| e.to_string())?;
    Ok(Written {
        path: request.out.clone(),
        actions: paper.actions().count(),
        since: label,
        scope: request.scope.clone(),
    })
}

/// Takes in what the worker found.
pub fn finished(app: &mut App, done: ExportDone) {
    match done {
        ExportDone::Meeting(meeting) => {
            if let Some(Popup::Export(dialog)) = &mut app.ui.popup {
                if meeting == Meeting::NotInGit && dialog.travel != Travel::Off {
                    dialog.travel = Travel::Off;
                    dialog.part = Part::Travel;
                }
                dialog.meeting = meeting;
            }
        }
        ExportDone::Written(Ok(written)) => {
            if matches!(&app.ui.popup, Some(Popup::Export(_))) {
                app.ui.popup = None;
            }
            app.say(said(&written));
        }
        ExportDone::Written(Err(error)) => stopped(app, &error),
    }
}

/// The dialog (when still open) shows why nothing was written; else the status bar does.
fn stopped(app: &mut App, error: &str) {
    match &mut app.ui.popup {
        Some(Popup::Export(dialog)) => {
            dialog.stage = Stage::Editing;
            dialog.error = Some(format!("nothing written: {error}"));
        }
        _ => app.warn(format!("export not written: {error}")),
    }
}

/// "board paper written: /…/2013-14-board-paper.html, 42 actions, since meeting/2014-03-12".
fn said(written: &Written) -> String {
    let mut text = format!(
        "board paper written: {}, {} action{}",
        written.path.display(),
        written.actions,
        if written.actions == 1 { "" } else { "s" }
    );
    if !written.scope.is_empty() {
        text.push_str(&format!(" ({})", written.scope));
    }
    if let Some(since) = &written.since {
        text.push_str(&format!(", since {since}"));
    }
    text
}

/// Pasted text goes into the field with the keyboard.
pub fn paste(dialog: &mut ExportDialog, text: &str) {
    match dialog.part {
        Part::Revision => dialog.revision.paste(text),
        Part::Path => dialog.path.paste(text),
        Part::Format | Part::Scope | Part::Travel => {}
    }
}
