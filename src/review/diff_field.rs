//! The fields of plan elements a comparison names, as they are spelled in plan files.

use serde::{Serialize, Serializer};

/// A field of a plan element, named by its key in plan files (`progress`, `as_of`): the
/// elements' fields come from the model's field tables, so a new field needs nothing here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field(&'static str);

// The fields the code names on its own, spelled as the variants they once were so that
// `Field::Progress` still reads as a name.
#[allow(non_upper_case_globals)]
impl Field {
    /// Plan: the board's name.
    pub const Board: Field = Field("board");
    /// Plan: the board year.
    pub const Period: Field = Field("period");
    /// Plan or theme: the title.
    pub const Title: Field = Field("title");
    /// Plan: the vision statement.
    pub const Vision: Field = Field("vision");
    /// Plan: the published version.
    pub const Version: Field = Field("version");
    /// Plan: the date of that version.
    pub const Date: Field = Field("date");
    /// Action: what will be done.
    pub const Action: Field = Field("action");
    /// Action or milestone: the progress commentary.
    pub const Progress: Field = Field("progress");
    /// Milestone: what the step is.
    pub const Milestone: Field = Field("milestone");
    /// Measure: the latest value.
    pub const Latest: Field = Field("latest");
    /// Measure: when the latest value was taken.
    pub const AsOf: Field = Field("as_of");
}

impl Field {
    /// The field with this key (a key of a field table).
    pub const fn of(key: &'static str) -> Field {
        Field(key)
    }

    /// The field's name as written in plan files.
    pub fn label(self) -> &'static str {
        self.0
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}
