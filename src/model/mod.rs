//! The plan model: pure data and rules, no I/O and no terminal.
//!
//! `plan` holds the types, `rag` and `due` the two rated/dated values, `ops` the structural
//! operations (find, add, remove, move, renumber), `edit` edits as values with inverses (undo) and `item_edit` those of milestones and measures,
//! `query` derived facts (overdue, RAG counts, owners index), `derived` ratings worked out
//! from milestones, `custom` a board's own fields as text, `filter` which actions to show,
//! `fields` what a field is and `field_tables` every element's fields, once,
//! `validate` the semantic rules and `year_end` next year's plan from this one.

mod custom;
mod derived;
mod due;
mod due_input;
mod edit;
mod field_tables;
mod fields;
mod filter;
mod item_edit;
mod ops;
mod plan;
mod query;
mod rag;
mod theme_field;
mod validate;
mod year_end;

pub use custom::{field_label, labelled_fields};
pub use derived::RagSource;
pub use due::{Due, DueError};
pub use due_input::{Quarter, QuarterYear, parse_due_input, read_quarter};
pub use edit::{Edit, EditError};
pub use field_tables::{
    ACTION_FIELDS, ACTION_KEYS, ActionField, MEASURE_FIELDS, MEASURE_KEYS, MILESTONE_FIELDS,
    MILESTONE_KEYS, MeasureField, MilestoneField, THEME_FIELDS, THEME_KEYS, ThemeField,
};
pub use fields::{FieldSpec, FieldValue, Kind, SetError, Slot, find};
pub use filter::{Filter, RagFilter, search_text};
pub use item_edit::ItemEdit;
pub use ops::{ActionPos, OpsError};
pub use plan::{
    Action, CustomValue, ElementId, GlossaryEntry, HistoryEntry, Measure, Milestone, Plan, Theme,
};
pub use query::{OwnerIndex, RagCounts, ThemeSummary};
pub use rag::Rag;
pub use theme_field::parse_rag;
pub use validate::{Location, Problem, Severity, validate};
pub use year_end::{
    BoardYear, Carried, Completed, YearEnd, YearEndError, YearEndOptions, start_next_year,
};
