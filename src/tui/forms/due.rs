//! A due date typed naturally ("31 July 2013", "31/07/2013", "March 2014", "ongoing"), with a
//! preview of how it will be stored; anything else is kept as free text, marked as such.

use super::{Outcome, TextForm};
use crate::model::Due;
use ratatui::crossterm::event::KeyEvent;

/// An open due-date field.
#[derive(Debug)]
pub struct DueForm {
    /// The input.
    pub input: TextForm,
}

impl DueForm {
    /// A form holding the current timescale.
    pub fn new(current: Option<&Due>) -> DueForm {
        let text = current.map(|d| d.to_string()).unwrap_or_default();
        DueForm {
            input: TextForm::new("Due", &text, false),
        }
    }

    /// How the input would be stored, or why it cannot be.
    pub fn preview(&self) -> Result<Option<Due>, String> {
        let text = self.input.text();
        if text.trim().is_empty() {
            return Ok(None);
        }
        Due::parse_natural(&text)
            .map(Some)
            .map_err(|e| e.to_string())
    }

    /// The preview in words.
    pub fn preview_line(&self) -> String {
        match self.preview() {
            Ok(None) => "→ no due date".into(),
            Ok(Some(Due::Text(text))) => format!("→ kept as text: \"{text}\" (not a date)"),
            Ok(Some(due)) => format!("→ {due}"),
            Err(error) => format!("✗ {error}"),
        }
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

    fn typed(text: &str) -> DueForm {
        let mut form = DueForm::new(None);
        for c in text.chars() {
            form.handle(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        form
    }

    #[test]
    fn previews_and_submits_canonical_dates() {
        let mut form = typed("31 July 2013");
        assert_eq!(form.preview_line(), "→ 2013-07-31");
        let outcome = form.handle(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        assert_eq!(
            outcome,
            Outcome::Submit(Some(Due::parse("2013-07-31").unwrap()))
        );
        assert_eq!(
            typed("Termly").preview_line(),
            "→ kept as text: \"Termly\" (not a date)"
        );
        let mut bad = typed("31/09/2013");
        assert_eq!(
            bad.handle(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
            Outcome::Continue
        );
        assert!(bad.input.error.is_some());
    }
}
