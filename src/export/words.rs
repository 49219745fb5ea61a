//! Plan values as a board member reads them: dates in words, ratings as words, owners by their
//! full names.

use crate::model::{Due, Plan, Rag};
use chrono::NaiveDate;

/// A day in words: "31 July 2013".
pub fn day(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// A timescale in words: "31 July 2013", "March 2014", "ongoing", free text as written.
pub fn due(due: &Due) -> String {
    match due {
        Due::Date(date) => day(*date),
        Due::Month { year, month } => NaiveDate::from_ymd_opt(*year, *month, 1)
            .map_or_else(|| due.to_string(), |d| d.format("%B %Y").to_string()),
        Due::Ongoing => "ongoing".to_string(),
        Due::Text(text) => text.clone(),
    }
}

/// An optional timescale in words; empty when there is none.
pub fn due_or_empty(value: Option<&Due>) -> String {
    value.map(due).unwrap_or_default()
}

/// A rating as a capitalised word; "Not rated" when there is none.
pub fn rag(rag: Option<Rag>) -> &'static str {
    match rag {
        Some(Rag::Red) => "Red",
        Some(Rag::Amber) => "Amber",
        Some(Rag::Green) => "Green",
        Some(Rag::Blue) => "Blue",
        None => "Not rated",
    }
}

/// A rating as a cell of a spreadsheet: the capitalised word, empty when unrated.
pub fn rag_cell(value: Option<Rag>) -> &'static str {
    value.map_or("", |r| rag(Some(r)))
}

/// The owners as written in the report: a glossary short name stands for its full name.
pub fn owners(plan: &Plan, owners: &[String]) -> Vec<String> {
    owners
        .iter()
        .map(|o| plan.owner_full_name(o).unwrap_or(o).to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GlossaryEntry;

    #[test]
    fn dates_in_words() {
        let date = NaiveDate::from_ymd_opt(2013, 7, 31).expect("date");
        assert_eq!(due(&Due::Date(date)), "31 July 2013");
        assert_eq!(
            due(&Due::Month {
                year: 2014,
                month: 3
            }),
            "March 2014"
        );
        assert_eq!(due(&Due::Ongoing), "ongoing");
        assert_eq!(due(&Due::Text("End May 2010".into())), "End May 2010");
        assert_eq!(
            day(NaiveDate::from_ymd_opt(2013, 8, 1).expect("d")),
            "1 August 2013"
        );
    }

    #[test]
    fn owners_by_full_name() {
        let plan = Plan {
            owners: vec![GlossaryEntry {
                short: "QEG".into(),
                full: "Quality & Effectiveness Group".into(),
            }],
            ..Plan::default()
        };
        assert_eq!(
            owners(&plan, &["QEG".into(), "Police".into()]),
            ["Quality & Effectiveness Group", "Police"]
        );
    }
}
