//! The plan model: pure data and rules, no I/O and no terminal.
//!
//! `plan` holds the types, `rag` and `due` the two rated/dated values, `ops` the structural
//! operations (find, add, remove, move, renumber), `edit` edits as values with inverses (undo) and `item_edit` those of milestones and measures,
//! `query` derived facts (overdue, RAG counts, owners index), `filter` which actions to show and
//! `validate` the semantic rules.

mod due;
mod due_input;
mod edit;
mod filter;
mod item_edit;
mod ops;
mod plan;
mod query;
mod rag;
mod theme_field;
mod validate;

pub use due::{Due, DueError};
pub use due_input::parse_due_input;
pub use edit::{ActionField, Edit, EditError, FieldValue};
pub use filter::{Filter, RagFilter, search_text};
pub use item_edit::{ItemEdit, MeasureField, MilestoneField};
pub use ops::{ActionPos, OpsError};
pub use plan::{Action, CustomValue, ElementId, GlossaryEntry, Measure, Milestone, Plan, Theme};
pub use query::{OwnerIndex, RagCounts, ThemeSummary};
pub use rag::Rag;
pub use theme_field::{ThemeField, parse_rag};
pub use validate::{Location, Problem, Severity, validate};
