//! Owners typed as a comma-separated list, with completion from the glossary and every owner
//! in the store: Tab completes the name being typed.

use super::{Outcome, TextForm};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// An open owners field.
#[derive(Debug)]
pub struct OwnersForm {
    /// The input: names separated by commas.
    pub input: TextForm,
    /// Known owners, with their full names where the glossary has them.
    pub known: Vec<(String, String)>,
}

impl OwnersForm {
    /// A form holding the current owners.
    pub fn new(current: &[String], known: Vec<(String, String)>) -> OwnersForm {
        OwnersForm {
            input: TextForm::new("Owners (comma-separated)", &current.join(", "), false),
            known,
        }
    }

    /// The name being typed: the text after the last comma.
    fn partial(&self) -> String {
        let text = self.input.text();
        text.rsplit(',').next().unwrap_or("").trim().to_string()
    }

    /// Known owners that complete what is being typed.
    pub fn suggestions(&self) -> Vec<&(String, String)> {
        let partial = self.partial().to_lowercase();
        let chosen: Vec<String> = self
            .input
            .text()
            .split(',')
            .map(|o| o.trim().to_string())
            .collect();
        self.known
            .iter()
            .filter(|(short, full)| {
                !chosen[..chosen.len().saturating_sub(1)].contains(short)
                    && (short.to_lowercase().starts_with(&partial)
                        || full.to_lowercase().contains(&partial))
            })
            .take(8)
            .collect()
    }

    /// Handles a key: Tab completes, Enter submits the list, Esc cancels.
    pub fn handle(&mut self, key: KeyEvent) -> Outcome<Vec<String>> {
        if key.code == KeyCode::Tab {
            if let Some((short, _)) = self.suggestions().first().map(|s| (*s).clone()) {
                let text = self.input.text();
                let head = text
                    .rfind(',')
                    .map_or(String::new(), |i| format!("{}, ", text[..i].trim_end()));
                self.input =
                    TextForm::new(self.input.title.clone(), &format!("{head}{short}"), false);
            }
            return Outcome::Continue;
        }
        match self.input.handle(key) {
            Outcome::Continue => Outcome::Continue,
            Outcome::Cancel => Outcome::Cancel,
            Outcome::Submit(text) => Outcome::Submit(
                text.split(',')
                    .map(str::trim)
                    .filter(|o| !o.is_empty())
                    .map(String::from)
                    .collect(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    #[test]
    fn tab_completes_the_last_name() {
        let known = vec![
            ("QEG".into(), "Quality & Effectiveness Group".into()),
            ("SLDG".into(), String::new()),
        ];
        let mut form = OwnersForm::new(&["QEG".into()], known);
        let press = |f: &mut OwnersForm, code| f.handle(KeyEvent::new(code, KeyModifiers::NONE));
        for c in ", sl".chars() {
            press(&mut form, KeyCode::Char(c));
        }
        assert_eq!(form.suggestions().len(), 1);
        press(&mut form, KeyCode::Tab);
        assert_eq!(
            press(&mut form, KeyCode::Enter),
            Outcome::Submit(vec!["QEG".into(), "SLDG".into()])
        );
    }
}
