//! The plan's own fields, edited from the "All themes" row of the themes pane: title, vision,
//! version, date, author, the owners glossary (one `SHORT: Full name` per line) and the
//! version history (one `version | date | author | note` per line, `plan_history`).

use crate::model::{Edit, FieldValue, GlossaryEntry, Plan};

/// A field of the plan itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanField {
    /// The published title (required).
    Title,
    /// The vision statement.
    Vision,
    /// The published document's version.
    Version,
    /// The date of that version.
    Date,
    /// The owners glossary.
    Glossary,
    /// Who wrote the published document.
    Author,
    /// The published document's version history.
    History,
}

impl PlanField {
    /// What the field is called in titles and messages.
    pub fn name(self) -> &'static str {
        match self {
            PlanField::Title => "title",
            PlanField::Vision => "vision",
            PlanField::Version => "version",
            PlanField::Date => "date",
            PlanField::Glossary => "owners glossary",
            PlanField::Author => "author",
            PlanField::History => "version history (version | date | author | note, a row a line)",
        }
    }

    /// True for the fields edited over several lines.
    pub fn multi_line(self) -> bool {
        matches!(
            self,
            PlanField::Vision | PlanField::Glossary | PlanField::History
        )
    }
}

/// The glossary as text, one `SHORT: Full name` per line.
fn glossary_text(entries: &[GlossaryEntry]) -> String {
    entries
        .iter()
        .map(|e| format!("{}: {}", e.short, e.full))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads glossary lines back; a line without `: ` is refused with its number.
fn glossary_entries(text: &str) -> Result<Vec<GlossaryEntry>, String> {
    let mut entries: Vec<GlossaryEntry> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let Some((short, full)) = line.split_once(':') else {
            return Err(format!(
                "line {}: \"{line}\" needs a colon: SHORT: Full name",
                number + 1
            ));
        };
        let short = short.trim().to_string();
        if entries.iter().any(|e| e.short == short) {
            return Err(format!("line {}: {short} is listed twice", number + 1));
        }
        entries.push(GlossaryEntry {
            short,
            full: full.trim().to_string(),
        });
    }
    Ok(entries)
}

/// The field's value as it stands.
pub fn current_value(plan: &Plan, field: PlanField) -> FieldValue {
    match field {
        PlanField::Title => FieldValue::Text(Some(plan.title.clone())),
        PlanField::Vision => FieldValue::Text(plan.vision.clone()),
        PlanField::Version => FieldValue::Text(plan.version.clone()),
        PlanField::Date => FieldValue::Due(plan.date.clone()),
        PlanField::Glossary => FieldValue::Text(Some(glossary_text(&plan.owners))),
        PlanField::Author => FieldValue::Text(plan.author.clone()),
        PlanField::History => FieldValue::Text(
            Some(super::plan_history::history_text(&plan.history)).filter(|t| !t.is_empty()),
        ),
    }
}

/// The edit that sets the field (the plan with the field changed, undoable as one step).
pub fn set(plan: &Plan, field: PlanField, value: FieldValue) -> Result<Edit, String> {
    let mut new = plan.clone();
    match (field, value) {
        (PlanField::Title, FieldValue::Text(Some(title))) => new.title = title,
        (PlanField::Title, _) => return Err("the plan's title cannot be empty".into()),
        (PlanField::Vision, FieldValue::Text(text)) => new.vision = text,
        (PlanField::Version, FieldValue::Text(text)) => new.version = text,
        (PlanField::Date, FieldValue::Due(date)) => new.date = date,
        (PlanField::Glossary, FieldValue::Text(text)) => {
            new.owners = glossary_entries(text.as_deref().unwrap_or(""))?
        }
        (PlanField::Author, FieldValue::Text(text)) => new.author = text,
        (PlanField::History, FieldValue::Text(text)) => {
            new.history =
                super::plan_history::history_entries(text.as_deref().unwrap_or(""), &plan.history)?
        }
        (field, _) => return Err(format!("the {} takes another kind of value", field.name())),
    }
    Ok(Edit::ReplacePlan(Box::new(new)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glossary_round_trips_as_lines_and_refuses_bad_ones() {
        let entries = vec![
            GlossaryEntry {
                short: "QEG".into(),
                full: "Quality & Effectiveness Group".into(),
            },
            GlossaryEntry {
                short: "HoS".into(),
                full: "Head of Service: Early Help".into(),
            },
        ];
        let text = glossary_text(&entries);
        assert_eq!(glossary_entries(&text), Ok(entries));
        assert!(glossary_entries("QEG Quality").is_err());
        assert!(glossary_entries("A: one\nA: two").is_err());
    }
}
