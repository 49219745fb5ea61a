//! A due date typed naturally ("31 July 2013", "31/07/13", "March 2014", "Q3 2014",
//! "tomorrow", "ongoing"), shown resolved before it is stored; anything else is kept as free
//! text, marked as such. The value the field opened with is always accepted as it is. A quarter
//! is shown with the year it was counted in ("financial Q3 of 2014-15").

use super::{Lines, Outcome, TextForm};
use crate::model::{Due, QuarterYear, parse_due_input, read_quarter};
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

/// Examples of what the due field reads, shown under it.
pub const DUE_EXAMPLES: &str = "e.g. 31 July 2013 · 31/07/13 · March 2014 · Q3 2014 · Q1 2014-15 · tomorrow · ongoing · empty clears";

/// An open due-date field.
#[derive(Debug)]
pub struct DueForm {
    /// The input.
    pub input: TextForm,
    /// The value the field opened with, kept as it is when the text is not changed.
    current: Option<Due>,
    /// What relative words ("tomorrow") count from.
    today: NaiveDate,
    /// How a bare "Q3 2014" is counted.
    quarters: QuarterYear,
}

impl DueForm {
    /// A form holding the current timescale.
    pub fn new(title: String, current: Option<&Due>, today: NaiveDate) -> DueForm {
        let text = current.map(|d| d.to_string()).unwrap_or_default();
        DueForm {
            input: TextForm::new(title, &text, Lines::One),
            current: current.cloned(),
            today,
            quarters: QuarterYear::default(),
        }
    }

    /// The form counting a bare quarter as the board does (the `quarters:` setting).
    pub fn counting_quarters(mut self, quarters: QuarterYear) -> DueForm {
        self.quarters = quarters;
        self
    }

    /// How the input would be stored, or why it cannot be.
    pub fn preview(&self) -> Result<Option<Due>, String> {
        if !self.input.changed() {
            return Ok(self.current.clone());
        }
        let text = self.input.text();
        if text.trim().is_empty() {
            return Ok(None);
        }
        parse_due_input(&text, self.today, self.quarters)
            .map(Some)
            .map_err(|e| format!("{e}: that day does not exist; check the day and month"))
    }

    /// The preview in words.
    pub fn preview_line(&self) -> String {
        match self.preview() {
            Ok(None) => "→ no due date".into(),
            Ok(Some(Due::Text(text))) => format!("→ kept as text: \"{text}\" (not a date)"),
            Ok(Some(due @ Due::Date(date))) => format!("→ {due} ({})", date.format("%A %-d %B %Y")),
            Ok(Some(due @ Due::Month { .. })) => match (self.quarter(), due.deadline()) {
                (Some(quarter), Some(end)) => {
                    format!("→ {due}: by {} ({quarter})", end.format("%-d %B %Y"))
                }
                _ => format!("→ {due} (by the end of that month)"),
            },
            Ok(Some(due)) => format!("→ {due}"),
            Err(error) => format!("✗ {error}"),
        }
    }

    /// The quarter typed, when the input is one.
    fn quarter(&self) -> Option<crate::model::Quarter> {
        let text = self.input.text();
        self.input
            .changed()
            .then(|| read_quarter(&text, self.quarters))
            .flatten()
    }

    /// Handles a key; an impossible date keeps the form open with the reason.
    pub fn handle(&mut self, key: KeyEvent) -> Outcome<Option<Due>> {
        match self.input.handle(key) {
            Outcome::Continue => Outcome::Continue,
            Outcome::Cancel => Outcome::Cancel,
            Outcome::Submit(_) => match self.preview() {
                Ok(due) => Outcome::Submit(due),
                Err(error) => {
                    self.input.error = Some(error);
                    Outcome::Continue
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2013, 10, 1).expect("date")
    }

    fn typed(text: &str) -> DueForm {
        let mut form = DueForm::new("Due".into(), None, today());
        for c in text.chars() {
            form.handle(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        form
    }

    fn enter(form: &mut DueForm) -> Outcome<Option<Due>> {
        form.handle(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
    }

    #[test]
    fn previews_and_submits_canonical_dates() {
        let mut form = typed("31 July 2013");
        assert_eq!(form.preview_line(), "→ 2013-07-31 (Wednesday 31 July 2013)");
        assert_eq!(
            enter(&mut form),
            Outcome::Submit(Some(Due::parse("2013-07-31").unwrap()))
        );
        assert_eq!(
            typed("Termly").preview_line(),
            "→ kept as text: \"Termly\" (not a date)"
        );
        assert_eq!(
            typed("tomorrow").preview_line(),
            "→ 2013-10-02 (Wednesday 2 October 2013)"
        );
        let mut bad = typed("31/09/2013");
        assert_eq!(enter(&mut bad), Outcome::Continue);
        assert!(bad.input.error.is_some());
    }

    #[test]
    fn the_loaded_value_is_accepted_as_it_is() {
        let loaded = Due::Text("31st September 2013".into());
        let mut form = DueForm::new("Due".into(), Some(&loaded), today());
        assert_eq!(enter(&mut form), Outcome::Submit(Some(loaded)));
    }

    #[test]
    fn a_quarter_is_shown_with_the_year_it_counts_in() {
        assert_eq!(
            typed("Q3 2014").preview_line(),
            "→ 2014-09: by 30 September 2014 (Q3 of 2014)"
        );
        let mut financial =
            DueForm::new("Due".into(), None, today()).counting_quarters(QuarterYear::Financial);
        for c in "Q3 2014".chars() {
            financial.handle(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        assert_eq!(
            financial.preview_line(),
            "→ 2014-12: by 31 December 2014 (financial Q3 of 2014-15)"
        );
        assert_eq!(
            typed("Q4 2014/15").preview_line(),
            "→ 2015-03: by 31 March 2015 (financial Q4 of 2014-15)"
        );
    }
}
