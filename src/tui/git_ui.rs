//! Git from the UI for officers who do not use git: `W` commits the year file with a message
//! drafted from its changes, `T` tags the current commit as a meeting, `P` syncs with the shared
//! copy. Every git call runs on the worker, so the screen never waits; results come back as
//! plain sentences, and a conflicted merge offers to be abandoned (`git merge --abort`).

use super::app::App;
use super::baseline::Baseline;
use super::command::Command;
use super::effect::Effect;
use super::forms::{Lines, ONE_LINE_KEYS, Outcome, Popup, TextForm};
use super::keymap::KeyHelp;
use super::work::{Done, Job};
use crate::review::commit_message::draft;
use crate::review::diff::compare;
use crate::review::git::Git;
use crate::review::git_sync::{ConflictFile, Step, SyncError, Synced};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::path::{Path, PathBuf};

/// The git popup on screen.
#[derive(Debug)]
pub enum GitDialog {
    /// The commit message, drafted from the changes since the last commit.
    Commit(Box<TextForm>),
    /// The meeting tag's name, with a warning per plan file not committed.
    Tag {
        /// The tag name.
        form: Box<TextForm>,
        /// Plan files with changes not committed (not in the tag).
        uncommitted: Vec<String>,
        /// The earlier meetings, newest first: date, the plan's version then, tagger, note.
        meetings: Vec<String>,
    },
    /// Waiting for git.
    Busy(String),
    /// A stopped merge's conflicts, a side to choose for each.
    Resolve(Box<super::git_resolve::Resolving>),
    /// What happened, in words; `conflict` offers to abandon the merge.
    Outcome {
        /// The heading.
        title: String,
        /// What happened and what to do.
        lines: Vec<String>,
        /// A merge stopped on conflicts (`m` abandons it).
        conflict: bool,
    },
}

/// Git work for the worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Commit the year file with this message.
    Commit(String),
    /// Look for uncommitted plan files before asking for the tag name.
    PrepareTag,
    /// Tag the current commit.
    Tag(String),
    /// Fetch, merge, push.
    Sync,
    /// Abandon a stopped merge.
    AbortMerge,
    /// Finish a stopped merge with a side for each conflict block of each file, then sync.
    Resolve(Vec<(String, Vec<crate::review::merge::Side>)>),
    /// Read the plan as of the last meeting (or commit) for an update round.
    Round,
}

/// What the worker found.
#[derive(Debug)]
pub enum GitDone {
    /// The commit's short id, and its message.
    Committed(Result<String, SyncError>, String),
    /// Plan files with uncommitted changes, and the earlier meetings as lines.
    TagReady(Result<Vec<String>, SyncError>, Vec<String>),
    /// The tag made.
    Tagged(Result<String, SyncError>),
    /// What the sync did.
    Synced(Result<Synced, SyncError>),
    /// The merge was abandoned.
    Aborted(Result<(), SyncError>),
    /// A sync started a step (news while it runs).
    Step(Step),
    /// A merge stopped on conflicts that can be settled one by one.
    Settle(Vec<ConflictFile>),
    /// The merge commit made with the officer's choices, and what the sync then did.
    Resolved(Result<(String, Synced), SyncError>),
    /// The last meeting tag (or "the last commit") and the plan then, for an update round.
    RoundBase(Option<(String, Box<Baseline>)>),
}

/// `W`, `T` and `P`.
pub fn command(app: &mut App, command: Command) -> Option<Effect> {
    let unsaved = !app.unsaved().is_empty();
    match command {
        Command::Commit if unsaved || app.read_only() => {
            app.warn(if unsaved {
                "save first (Ctrl-s), then W commits"
            } else {
                "this file has errors; fix them before committing"
            });
            None
        }
        Command::Commit => {
            let message = drafted(app);
            let form =
                TextForm::new("Commit the plan: message", &message, Lines::One).quick_cancel();
            app.ui.popup = Some(Popup::Git(Box::new(GitDialog::Commit(Box::new(form)))));
            None
        }
        Command::Sync if unsaved => {
            app.warn("save first (Ctrl-s), commit (W), then sync (P)");
            None
        }
        Command::UpdateRound if app.read_only() => {
            app.warn("this file has errors; fix them before an update round");
            None
        }
        Command::UpdateRound => busy(
            app,
            "Reading the plan as of the last meeting…",
            Request::Round,
        ),
        Command::Sync => busy(
            app,
            "Syncing: fetching others' changes, merging them with yours, sending yours…",
            Request::Sync,
        ),
        _ => busy(app, "Looking for uncommitted changes…", Request::PrepareTag),
    }
}

/// The message drafted from the changes since the last commit.
fn drafted(app: &App) -> String {
    match (app.plan(), &app.year().baseline) {
        (Some(plan), Some(Some(base))) => draft(&compare(&base.plan, plan)),
        (Some(plan), Some(None)) => format!("Start the {} plan", plan.period),
        _ => "Update the plan".to_string(),
    }
}

fn busy(app: &mut App, what: &str, request: Request) -> Option<Effect> {
    app.ui.popup = Some(Popup::Git(Box::new(GitDialog::Busy(what.to_string()))));
    Some(Effect::Git(request))
}

/// A key while the git popup is open.
pub fn key(app: &mut App, dialog: GitDialog, key: KeyEvent) -> Option<Effect> {
    match dialog {
        GitDialog::Commit(mut form) => match form.handle(key) {
            Outcome::Continue => keep(app, GitDialog::Commit(form)),
            Outcome::Cancel => None,
            Outcome::Submit(message) if message.trim().is_empty() => {
                form.error = Some("write a message: what changed, in a few words".into());
                keep(app, GitDialog::Commit(form))
            }
            Outcome::Submit(message) => busy(app, "Committing…", Request::Commit(message)),
        },
        GitDialog::Tag {
            mut form,
            uncommitted,
            meetings,
        } => match form.handle(key) {
            Outcome::Continue => keep(
                app,
                GitDialog::Tag {
                    form,
                    uncommitted,
                    meetings,
                },
            ),
            Outcome::Cancel => None,
            Outcome::Submit(tag) => busy(app, "Tagging…", Request::Tag(tag.trim().to_string())),
        },
        GitDialog::Busy(what) => {
            if key.code != KeyCode::Esc {
                keep(app, GitDialog::Busy(what));
            }
            None
        }
        GitDialog::Resolve(resolving) => super::git_resolve::key(app, resolving, key),
        GitDialog::Outcome { conflict, .. } if conflict && key.code == KeyCode::Char('a') => {
            busy(app, "Abandoning the merge…", Request::AbortMerge)
        }
        outcome @ GitDialog::Outcome { .. } => {
            if !matches!(key.code, KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q')) {
                keep(app, outcome);
            }
            None
        }
    }
}

fn keep(app: &mut App, dialog: GitDialog) -> Option<Effect> {
    app.ui.popup = Some(Popup::Git(Box::new(dialog)));
    None
}

/// Starts `request` on the worker for the year shown.
pub fn start(app: &mut App, request: Request) {
    let path = app.year().path.clone();
    let started = app.work.start_reporting(Job::Git, move |report| {
        let step = |step| report(Done::Git(Box::new(GitDone::Step(step))));
        Done::Git(Box::new(run(request, &path, &step)))
    });
    if !started {
        app.warn("git is still busy with the last request; try again in a moment");
    }
}

/// Does `request`; a sync says each step to `step` as it starts it.
fn run(request: Request, path: &Path, step: &dyn Fn(Step)) -> GitDone {
    let git = Git::discover(path).map_err(|_| SyncError::NotARepository);
    let folder = path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    match request {
        Request::Commit(message) => {
            GitDone::Committed(git.and_then(|g| g.commit_file(path, &message)), message)
        }
        Request::PrepareTag => {
            let meetings = git
                .as_ref()
                .map_or_else(|_| Vec::new(), |g| meeting_lines(g, path));
            GitDone::TagReady(git.and_then(|g| g.uncommitted_plans(&folder)), meetings)
        }
        Request::Tag(tag) => GitDone::Tagged(git.and_then(|g| {
            g.tag_named(
                &tag,
                &format!("Board meeting {}", tag.trim_start_matches("meeting/")),
            )
            .map(|()| tag)
        })),
        Request::Sync => match git {
            Ok(g) => super::git_resolve::sync_or_settle(&g, path, step),
            Err(e) => GitDone::Synced(Err(e)),
        },
        Request::Resolve(choices) => GitDone::Resolved(git.and_then(|g| {
            let id = g.finish_merge(&choices)?;
            Ok((id, g.sync(&mut |s| step(s))?))
        })),
        Request::AbortMerge => GitDone::Aborted(git.and_then(|g| g.abort_merge())),
        Request::Round => GitDone::RoundBase(git.ok().and_then(|g| round_base(&g, path))),
    }
}

/// The plan's version history from its meeting tags, one line each, newest first.
fn meeting_lines(git: &Git, path: &Path) -> Vec<String> {
    let history = git.version_history(path).unwrap_or_default();
    history
        .into_iter()
        .map(|(m, at)| {
            let note = crate::text::first_line(&m.note);
            format!("{}  version {at}  {}  {note}", m.date, m.tagger)
        })
        .collect()
}

/// The newest meeting tag (else the last commit) and the file as of it.
fn round_base(git: &Git, path: &Path) -> Option<(String, Box<Baseline>)> {
    let meeting = git.last_meeting().ok().flatten();
    let revision = meeting.clone().unwrap_or_else(|| "HEAD".to_string());
    let base = Box::new(Baseline::fetch(path, &revision)?);
    Some((
        meeting.unwrap_or_else(|| "the last commit".to_string()),
        base,
    ))
}

/// Takes in what the worker found: the popup says it, and years whose file git changed are
/// read again (their change marks too).
pub fn finished(app: &mut App, done: GitDone) {
    match done {
        GitDone::Step(step) => return super::git_resolve::show_step(app, step),
        GitDone::RoundBase(found) => {
            if matches!(&app.ui.popup, None | Some(Popup::Git(_))) {
                app.ui.popup = None;
                super::round::open(app, found);
            }
            return;
        }
        GitDone::Committed(Ok(id), message) => {
            close_saying(app, format!("committed {id}: {message}"))
        }
        GitDone::TagReady(Ok(uncommitted), meetings) => ask_tag(app, uncommitted, meetings),
        GitDone::Tagged(Ok(tag)) => {
            close_saying(app, format!("tagged {tag} (P sends it to the shared copy)"))
        }
        GitDone::Synced(Ok(synced)) => show_outcome(app, "Synced", synced_lines(&synced), false),
        GitDone::Settle(files) => {
            let resolving = super::git_resolve::Resolving::new(files);
            show(app, GitDialog::Resolve(Box::new(resolving)));
        }
        GitDone::Resolved(result) => super::git_resolve::resolved(app, result),
        GitDone::Aborted(Ok(())) => close_saying(
            app,
            "abandoned the merge: everything is as it was before syncing".to_string(),
        ),
        GitDone::Synced(Err(SyncError::Conflict(files))) => {
            show_outcome(
                app,
                "Sync stopped: both sides changed the same thing",
                conflict_lines(&files),
                true,
            );
        }
        GitDone::Committed(Err(e), _)
        | GitDone::TagReady(Err(e), _)
        | GitDone::Tagged(Err(e))
        | GitDone::Synced(Err(e))
        | GitDone::Aborted(Err(e)) => show_outcome(app, "Not done", vec![e.to_string()], false),
    }
    refresh(app);
}

/// The tag field, today's meeting suggested, with the plan files not committed.
fn ask_tag(app: &mut App, uncommitted: Vec<String>, meetings: Vec<String>) {
    let today = app.today.format("%Y-%m-%d");
    let form = TextForm::new(
        "Tag this commit as a meeting (the name is editable)",
        &format!("meeting/{today}"),
        Lines::One,
    )
    .quick_cancel();
    let form = Box::new(form);
    show(
        app,
        GitDialog::Tag {
            form,
            uncommitted,
            meetings,
        },
    );
}

/// What a sync did, in words.
pub(super) fn synced_lines(synced: &Synced) -> Vec<String> {
    vec![
        format!("Synced with {}.", synced.upstream),
        counted(
            synced.received,
            "commit taken in from others",
            "nothing new from others",
        ),
        counted(
            synced.sent,
            "commit of yours sent",
            "nothing of yours to send",
        ),
    ]
}

/// "1 commit …", "3 commits …", or `none`.
fn counted(n: usize, what: &str, none: &str) -> String {
    match n {
        0 => none.to_string(),
        1 => format!("1 {what}"),
        n => format!("{n} {}", what.replacen("commit", "commits", 1)),
    }
}

fn conflict_lines(files: &[crate::review::git_sync::Conflicted]) -> Vec<String> {
    let mut lines = vec!["Your changes and a colleague's change the same thing in:".to_string()];
    lines.extend(files.iter().map(|f| format!("  {f}")));
    lines.extend([
        String::new(),
        "Nothing is lost: the merge waits in git, and the file now shows both versions between <<<<<<< and >>>>>>> lines (it opens read-only until they are gone).".to_string(),
        "Either keep the right version of each in a text editor, then W commits the merge and P syncs again;".to_string(),
        "or press a to abandon the merge (git merge --abort): everything goes back to how it was before syncing, and you can agree the change first.".to_string(),
    ]);
    lines
}

pub(super) fn show(app: &mut App, dialog: GitDialog) {
    let ours = matches!(&app.ui.popup, None | Some(Popup::Git(_)));
    if ours {
        app.ui.popup = Some(Popup::Git(Box::new(dialog)));
    }
}

pub(super) fn show_outcome(app: &mut App, title: &str, lines: Vec<String>, conflict: bool) {
    if !matches!(&app.ui.popup, None | Some(Popup::Git(_))) {
        let text = lines.join(" ");
        return app.warn(format!("{title}: {text}"));
    }
    let title = title.to_string();
    app.ui.popup = Some(Popup::Git(Box::new(GitDialog::Outcome {
        title,
        lines,
        conflict,
    })));
}

fn close_saying(app: &mut App, text: String) {
    if matches!(&app.ui.popup, Some(Popup::Git(_))) {
        app.ui.popup = None;
    }
    app.say(text);
}

/// Reads again each year git changed on disk (unless it has unsaved edits) and drops every
/// year's change marks, so they follow the new `HEAD`.
fn refresh(app: &mut App) {
    for year in &mut app.years {
        let loaded = !matches!(year.content, super::year::Content::NotLoaded);
        let changed = std::fs::read(&year.path).is_ok_and(|bytes| bytes != year.base);
        if loaded && changed && !year.history.dirty() {
            year.reload();
        }
        year.baseline = None;
        year.head = None;
    }
    app.clamp_cursor();
}

/// Keys of the git popups that only show something.
const SHOWN_KEYS: &[KeyHelp] = &[KeyHelp::new("Esc", "close", "close")];
/// Keys of a stopped merge's outcome.
const CONFLICT_KEYS: &[KeyHelp] = &[
    KeyHelp::new("a", "abandon the merge", "git merge --abort"),
    KeyHelp::new("Esc", "close", "close"),
];

/// The keys to hint for `dialog`.
pub fn hints(dialog: &GitDialog) -> &'static [KeyHelp] {
    match dialog {
        GitDialog::Commit(_) | GitDialog::Tag { .. } => ONE_LINE_KEYS,
        GitDialog::Outcome { conflict: true, .. } => CONFLICT_KEYS,
        GitDialog::Resolve(_) => super::git_resolve::RESOLVE_KEYS,
        GitDialog::Busy(_) | GitDialog::Outcome { .. } => SHOWN_KEYS,
    }
}

/// Pasted text goes into the message or tag field, if one is open.
pub fn paste(dialog: &mut GitDialog, text: &str) {
    match dialog {
        GitDialog::Commit(form) | GitDialog::Tag { form, .. } => form.paste(text),
        GitDialog::Busy(_) | GitDialog::Outcome { .. } | GitDialog::Resolve(_) => {}
    }
}

#[cfg(test)]
#[path = "git_ui_tests.rs"]
mod tests;
