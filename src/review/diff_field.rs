//! The fields of plan elements a comparison names, as they are spelled in plan files.

use serde::Serialize;

/// A field of a plan element, named as in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Plan: the board's name.
    Board,
    /// Plan: the board year.
    Period,
    /// Plan or theme: the title.
    Title,
    /// Plan: the vision statement.
    Vision,
    /// Plan: the published version.
    Version,
    /// Plan: the date of that version.
    Date,
    /// Theme: the longer explanation.
    Description,
    /// Theme: the strategic lead.
    Lead,
    /// Theme: the accountable member.
    Accountable,
    /// Action: what will be done.
    Action,
    /// Action: the desired outcome.
    Outcome,
    /// Action or milestone: the progress commentary.
    Progress,
    /// Action: notes.
    Notes,
    /// Milestone: what the step is.
    Milestone,
    /// Measure: what is measured.
    Measure,
    /// Measure: the starting value.
    Baseline,
    /// Measure: the value aimed for.
    Target,
    /// Measure: the latest value.
    Latest,
    /// Measure: when the latest value was taken.
    AsOf,
}

impl Field {
    /// The field's name as written in plan files.
    pub fn label(self) -> &'static str {
        match self {
            Field::Board => "board",
            Field::Period => "period",
            Field::Title => "title",
            Field::Vision => "vision",
            Field::Version => "version",
            Field::Date => "date",
            Field::Description => "description",
            Field::Lead => "lead",
            Field::Accountable => "accountable",
            Field::Action => "action",
            Field::Outcome => "outcome",
            Field::Progress => "progress",
            Field::Notes => "notes",
            Field::Milestone => "milestone",
            Field::Measure => "measure",
            Field::Baseline => "baseline",
            Field::Target => "target",
            Field::Latest => "latest",
            Field::AsOf => "as_of",
        }
    }
}
