//! Forms and popups shown over the main screen. Each handles its own keys and returns a typed
//! outcome; none of them touches the plan or the store: `update` applies what they return.

mod confirm;
mod due;
mod owners;
mod picker;
mod revision;
mod text;

pub use confirm::{Choice, Confirm};
pub use due::{DUE_EXAMPLES, DueForm};
pub use owners::{OWNERS_KEYS, OwnersForm};
pub use picker::Picker;
pub use revision::{REVISION_KEYS, RevisionPicker, line as revision_line};
pub use text::{FIELD_KEYS, Lines, MULTI_LINE_KEYS, ONE_LINE_KEYS, TextForm};

use crate::model::{ActionField, ActionPos, MeasureField, MilestoneField, ThemeField};

/// What a form says after a key press.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome<T> {
    /// Still open.
    Continue,
    /// Closed without a result.
    Cancel,
    /// Closed with a result.
    Submit(T),
}

/// The field a form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A field of an action.
    Action(ActionPos, ActionField),
    /// A field of a theme.
    Theme(usize, ThemeField),
    /// A field of an action's milestone (by index).
    Milestone(ActionPos, usize, MilestoneField),
    /// A field of a theme's measure (theme index, measure index).
    Measure(usize, usize, MeasureField),
    /// A field of the plan itself.
    Plan(crate::tui::plan_fields::PlanField),
    /// A text field of a board's own fields (`custom:`): whose, and which (by index).
    Custom(crate::tui::custom_fields::CustomOwner, usize),
}

/// An open form and the field it edits.
#[derive(Debug)]
pub struct Field<F> {
    /// The form.
    pub form: F,
    /// The field it edits.
    pub target: Target,
    /// The element was just added to be filled in: cancelling the form removes it again.
    pub added: bool,
}

/// The popup on top of the screen.
#[derive(Debug)]
pub enum Popup {
    /// The keys, scrolled to a line.
    Help {
        /// First line shown.
        scroll: usize,
    },
    /// One key per rating.
    Rag(Target),
    /// A text field in the editor widget.
    Text(Box<Field<TextForm>>),
    /// Owners as a list, with completion.
    Owners(Box<Field<OwnersForm>>),
    /// A due date typed naturally.
    Due(Box<Field<DueForm>>),
    /// Incremental search across all themes; holds what to restore on Esc.
    Search {
        /// The input.
        form: Box<TextForm>,
        /// The search before this one.
        previous: String,
        /// The themes row selected before searching.
        theme_row: usize,
    },
    /// One key per filter.
    FilterMenu,
    /// Choose an owner for the owner view.
    OwnerView(Box<Picker>),
    /// A question with one key per answer.
    Confirm(Confirm),
    /// A change report, with a cursor on one of its lines.
    Report(Box<Report>),
    /// The revision to compare with: a commit, tag, branch or date typed, or one of the
    /// meeting tags, tags, branches and recent commits chosen with ↑↓; Esc goes back.
    Revision(Box<RevisionPicker>),
    /// Commit, tag or sync: a message to write, git at work, or what it did.
    Git(Box<crate::tui::git_ui::GitDialog>),
    /// The update round: one action at a time, with the last meeting's values beside.
    Round(Box<crate::tui::round::Round>),
    /// The new year's period, before its file is written.
    NewYear(Box<TextForm>),
    /// Choose one of an element's custom fields to edit.
    Custom(Box<Picker>, crate::tui::custom_fields::CustomOwner),
    /// The export dialog: format, scope, direction of travel, file.
    Export(Box<crate::tui::export_dialog::ExportDialog>),
    /// Importing update packs: choosing them, then reviewing their changes.
    Import(Box<crate::tui::import::ImportDialog>),
}

/// A change report on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// What is compared with what.
    pub title: String,
    /// The report's lines.
    pub lines: Vec<String>,
    /// The line under the cursor (Enter opens its action).
    pub cursor: usize,
    /// Still being read from git: the lines say so until the report comes back.
    pub reading: bool,
}
