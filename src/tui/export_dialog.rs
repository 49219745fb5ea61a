//! The export dialog (`X`): the board paper's format, what part of the plan (the whole plan,
//! the selected theme, or what the table shows under the current filter or owner view), the
//! direction of travel (none, since the last meeting tag, since a revision or date typed) and the
//! file to write, prefilled beside the store. The writing itself is `export_run`'s.

use super::app::App;
use super::forms::{Lines, TextForm};
use super::keymap::KeyHelp;
use crate::export::{self, Earlier, Options};
use crate::model::Filter;
use std::path::{Path, PathBuf};

/// The formats offered: key, name, file extension, format.
pub const FORMATS: [(char, &str, &str, export::Format); 5] = [
    ('h', "HTML", "html", export::Format::Html),
    ('m', "Markdown", "md", export::Format::Markdown),
    ('c', "CSV", "csv", export::Format::Csv),
    ('x', "Excel", "xlsx", export::Format::Xlsx),
    ('j', "JSON", "json", export::Format::Json),
];

/// Keys of the export dialog, for its hints and the help.
pub const EXPORT_KEYS: &[KeyHelp] = &[
    KeyHelp::new(
        "Tab",
        "next",
        "next part of the dialog (Shift-Tab the previous one)",
    ),
    KeyHelp::new(
        "↑↓",
        "choose",
        "choose the format, scope or direction of travel (in a text field: the next part)",
    ),
    KeyHelp::new(
        "h m c x j",
        "format",
        "HTML, Markdown, CSV, Excel or JSON at once (outside the text fields)",
    ),
    KeyHelp::new(
        "Enter",
        "export",
        "write the file (asks first when it would replace one)",
    ),
    KeyHelp::new("Esc", "cancel", "close without writing anything"),
];

/// Keys while the dialog asks before replacing a file.
pub const REPLACE_KEYS: &[KeyHelp] = &[
    KeyHelp::new("y", "replace", "replace the file (also Enter)"),
    KeyHelp::new("n", "go back", "go back to the dialog (also Esc)"),
];

/// A part of the plan to publish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    /// In words: "Whole plan", "Theme 2 Protection", "As shown: owner QEG, red".
    pub label: String,
    /// The export's choices.
    pub options: Options,
    /// Actions it holds.
    pub count: usize,
    /// Added to the suggested file name ("", "-theme-2", "-QEG").
    pub suffix: String,
}

/// What "since the last meeting" can offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meeting {
    /// Still asking git.
    Looking,
    /// The newest meeting tag.
    Found(String),
    /// In git, but no meeting tag yet.
    NoTag,
    /// The plan is not in a git repository: no direction of travel.
    NotInGit,
}

/// The direction of travel chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Travel {
    /// None.
    Off,
    /// Since the newest meeting tag.
    LastMeeting,
    /// Since the revision or date typed.
    Revision,
}

/// The part of the dialog with the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The format row.
    Format,
    /// The scope list.
    Scope,
    /// The direction of travel list.
    Travel,
    /// The revision field (only while "since a revision" is chosen).
    Revision,
    /// The output file.
    Path,
}

/// Where the dialog is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Choosing.
    Editing,
    /// The file exists: asking before replacing it.
    Replace,
    /// The worker is writing.
    Writing,
}

/// The open dialog.
#[derive(Debug)]
pub struct ExportDialog {
    /// Index into [`FORMATS`].
    pub format: usize,
    /// The scopes offered (the whole plan first).
    pub scopes: Vec<Scope>,
    /// The scope chosen.
    pub scope: usize,
    /// What git said about meeting tags.
    pub meeting: Meeting,
    /// The direction of travel chosen.
    pub travel: Travel,
    /// The revision or date typed for [`Travel::Revision`].
    pub revision: Box<TextForm>,
    /// The file to write.
    pub path: Box<TextForm>,
    /// The part with the keyboard.
    pub part: Part,
    /// Where the dialog is.
    pub stage: Stage,
    /// What went wrong with the last try, shown in the dialog.
    pub error: Option<String>,
    /// The plan file exported.
    pub plan_file: PathBuf,
    /// The period, for the suggested file name.
    period: String,
    /// The last file name suggested (while the path still holds it, it follows the choices).
    suggested: String,
    /// The plan has unsaved edits (they are exported as shown).
    pub unsaved: bool,
}

/// What the worker is asked to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The plan file (for git and for the output checks).
    pub plan_file: PathBuf,
    /// The file to write, absolute.
    pub out: PathBuf,
    /// The format.
    pub format: export::Format,
    /// The scope.
    pub options: Options,
    /// The scope in words, for the status line ("" for the whole plan).
    pub scope: String,
    /// The earlier version for the direction of travel.
    pub since: Option<Earlier>,
}

impl ExportDialog {
    /// The dialog for the plan shown, with the scopes the screen suggests; `None` when the
    /// year has errors.
    pub fn open(app: &App) -> Option<ExportDialog> {
        let plan = app.plan()?;
        let plan_file = std::path::absolute(&app.year().path).unwrap_or(app.year().path.clone());
        let mut dialog = ExportDialog {
            format: 0,
            scopes: scopes(app),
            scope: 0,
            meeting: Meeting::Looking,
            travel: Travel::Off,
            revision: Box::new(TextForm::new("since", "", Lines::One).quick_cancel()),
            path: Box::new(TextForm::new("file", "", Lines::One).quick_cancel()),
            part: Part::Format,
            stage: Stage::Editing,
            error: None,
            plan_file,
            period: plan.period.clone(),
            suggested: String::new(),
            unsaved: app.year().history.dirty(),
        };
        dialog.follow_choices();
        Some(dialog)
    }

    /// The file name suggested for the choices: `<plan folder>/<period>-board-paper<scope>.<ext>`.
    pub fn suggestion(&self) -> String {
        let folder = self.plan_file.parent().unwrap_or(Path::new("."));
        let period: String = self
            .period
            .chars()
            .map(|c| if c == '/' || c == '\\' { '-' } else { c })
            .collect();
        let period = if period.trim().is_empty() {
            "plan".to_string()
        } else {
            period
        };
        let suffix = self
            .scopes
            .get(self.scope)
            .map_or("", |s| s.suffix.as_str());
        let name = format!("{period}-board-paper{suffix}.{}", FORMATS[self.format].2);
        folder.join(name).display().to_string()
    }

    /// After a choice changed: a path still as suggested follows it; a typed one keeps its
    /// name and takes the new format's extension.
    pub fn follow_choices(&mut self) {
        let typed = self.path.text();
        let next = self.suggestion();
        let text = if typed.trim().is_empty() || typed == self.suggested {
            next.clone()
        } else {
            with_extension(&typed, FORMATS[self.format].2)
        };
        if text != typed {
            *self.path = TextForm::new("file", &text, Lines::One).quick_cancel();
        }
        self.suggested = next;
    }

    /// The parts the keyboard visits, in order.
    pub fn parts(&self) -> Vec<Part> {
        let mut parts = vec![Part::Format, Part::Scope, Part::Travel];
        if self.travel == Travel::Revision {
            parts.push(Part::Revision);
        }
        parts.push(Part::Path);
        parts
    }

    /// The directions of travel that can be chosen now.
    pub fn travels(&self) -> Vec<Travel> {
        match self.meeting {
            Meeting::NotInGit => vec![Travel::Off],
            Meeting::Found(_) => vec![Travel::Off, Travel::LastMeeting, Travel::Revision],
            Meeting::Looking | Meeting::NoTag => vec![Travel::Off, Travel::Revision],
        }
    }

    /// The file to write: what is typed, relative to the plan's folder unless absolute.
    pub fn out(&self) -> Option<PathBuf> {
        let typed = self.path.text();
        let typed = typed.trim();
        if typed.is_empty() {
            return None;
        }
        let folder = self.plan_file.parent().unwrap_or(Path::new("."));
        Some(folder.join(typed))
    }

    /// The request for the worker, or what is missing.
    pub fn request(&self) -> Result<Request, String> {
        let out = self
            .out()
            .ok_or("type the file to write (Ctrl-l clears the field)")?;
        let chosen = FORMATS[self.format];
        let named = FORMATS
            .iter()
            .find(|f| out.extension().is_some_and(|e| e.eq_ignore_ascii_case(f.2)));
        if let Some(named) = named.filter(|f| f.2 != chosen.2) {
            return Err(format!(
                "the file name ends in .{} but the format is {}: choose {} (Tab to the format, then {}) or change the name",
                named.2, chosen.1, named.1, named.0
            ));
        }
        let since = match self.travel {
            Travel::Off => None,
            Travel::LastMeeting => Some(Earlier::Revision(
                crate::review::git::LAST_MEETING.to_string(),
            )),
            Travel::Revision => Some(typed_revision(&self.revision.text())?),
        };
        let scope = &self.scopes[self.scope.min(self.scopes.len() - 1)];
        Ok(Request {
            plan_file: self.plan_file.clone(),
            out,
            format: chosen.3,
            options: scope.options.clone(),
            scope: if self.scope == 0 {
                String::new()
            } else {
                scope.label.clone()
            },
            since,
        })
    }
}

/// A revision typed: a `YYYY-MM-DD` date means the last commit before it.
fn typed_revision(text: &str) -> Result<Earlier, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("type a commit, tag or branch, or a date (YYYY-MM-DD)".to_string());
    }
    Ok(match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(date) if text.len() == 10 => Earlier::Before(date),
        _ => Earlier::Revision(text.to_string()),
    })
}

/// `path` with its extension set to `ext` when it ends in one of the export formats'.
fn with_extension(path: &str, ext: &str) -> String {
    let known = FORMATS
        .iter()
        .find_map(|(_, _, e, _)| path.strip_suffix(e).and_then(|stem| stem.strip_suffix('.')));
    match known {
        Some(stem) => format!("{stem}.{ext}"),
        None => path.to_string(),
    }
}

/// The scopes the screen suggests: the whole plan; the selected theme; what the table shows
/// under the current filter or owner view.
fn scopes(app: &App) -> Vec<Scope> {
    let Some(plan) = app.plan() else {
        return Vec::new();
    };
    let all = Options::all(app.today);
    let count = |options: &Options| export::selected(plan, options);
    let mut scopes = vec![Scope {
        label: "Whole plan".to_string(),
        count: count(&all),
        options: all.clone(),
        suffix: String::new(),
    }];
    let theme = app
        .selected_theme()
        .and_then(|t| plan.themes.get(t))
        .map(|t| (t.reference.clone(), t.title.clone()));
    if let Some((reference, title)) = &theme {
        let options = Options {
            theme: Some(reference.clone()),
            ..all.clone()
        };
        scopes.push(Scope {
            label: format!("Theme {reference} {title}"),
            count: count(&options),
            options,
            suffix: format!("-theme-{}", file_word(reference)),
        });
    }
    let filter = &app.ui.filter;
    if filter.is_active() {
        let options = filtered(&all, filter, theme.as_ref().map(|t| t.0.clone()));
        let mut what = Vec::new();
        if let Some((reference, _)) = &theme {
            what.push(format!("theme {reference}"));
        }
        what.push(filter.describe());
        let view = if filter.owner.is_some() && !filter_besides_owner(filter) {
            "owner view"
        } else {
            "current filter"
        };
        scopes.push(Scope {
            label: format!("As shown ({view}): {}", what.join(" · ")),
            count: count(&options),
            options,
            suffix: match &filter.owner {
                Some(owner) => format!("-{}", file_word(owner)),
                None => "-filtered".to_string(),
            },
        });
    }
    scopes
}

/// True when the filter holds more than an owner.
fn filter_besides_owner(filter: &Filter) -> bool {
    Filter {
        owner: None,
        ..filter.clone()
    }
    .is_active()
}

/// The export's choices for what the table shows.
fn filtered(all: &Options, filter: &Filter, theme: Option<String>) -> Options {
    Options {
        theme,
        owner: filter.owner.clone(),
        rags: filter.rag.into_iter().collect(),
        overdue: filter.overdue,
        search: filter.search.clone(),
        green_but_overdue: filter.green_but_overdue,
        ..all.clone()
    }
}

/// `text` fit for a file name: letters and digits kept, anything else a dash.
fn file_word(text: &str) -> String {
    let word: String = text
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    word.trim_matches('-').to_string()
}

#[cfg(test)]
#[path = "export_dialog_tests.rs"]
mod tests;
