//! Forms and popups shown over the main screen. Each handles its own keys and returns a typed
//! outcome; none of them touches the plan or the store: `update` applies what they return.

mod confirm;
mod due;
mod owners;
mod picker;
mod text;

pub use confirm::{Choice, Confirm};
pub use due::DueForm;
pub use owners::OwnersForm;
pub use picker::Picker;
pub use text::TextForm;

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
    Text(Box<TextForm>),
    /// Owners with completion.
    Owners(Box<OwnersForm>),
    /// A due date typed naturally.
    Due(Box<DueForm>),
    /// Incremental search; holds the search text to restore on Esc.
    Search {
        /// The input.
        form: Box<TextForm>,
        /// The search before this one.
        previous: String,
    },
    /// One key per filter.
    FilterMenu,
    /// Choose an owner for the owner view.
    OwnerView(Box<Picker>),
    /// A question with one key per answer.
    Confirm(Confirm),
    /// A change report, scrolled to a line.
    Report {
        /// What is compared with what.
        title: String,
        /// The report's lines.
        lines: Vec<String>,
        /// First line shown.
        scroll: usize,
    },
    /// The revision to compare with: a commit, tag, branch or date.
    Revision(Box<TextForm>),
}
