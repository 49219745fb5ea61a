//! Owners edited as a list, never by splitting text on commas (a name may hold one): add a
//! name typed or picked from the completions (the glossary and every owner in the store),
//! remove one, move one; duplicates are refused.

use super::{Lines, Outcome, TextForm};
use crate::tui::keymap::KeyHelp;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Keys of the owners list, for the help overlay and the hints under it.
pub const OWNERS_KEYS: &[KeyHelp] = &[
    KeyHelp::new(
        "type, Enter",
        "add",
        "type a name, Enter adds it (a highlighted completion, if you chose one)",
    ),
    KeyHelp::new(
        "↑↓",
        "choose",
        "choose a completion while typing; otherwise an owner in the list",
    ),
    KeyHelp::new("Tab", "complete", "complete the name being typed"),
    KeyHelp::new("Del", "remove", "remove the chosen owner"),
    KeyHelp::new(
        "Alt-↑↓",
        "move",
        "move the chosen owner up or down (also Shift-↑↓)",
    ),
    KeyHelp::new("Enter", "apply", "with nothing typed: apply the list"),
    KeyHelp::new(
        "Esc",
        "cancel",
        "cancel (asks first when you changed the list)",
    ),
];

/// An open owners list.
#[derive(Debug)]
pub struct OwnersForm {
    /// What is being edited, for the popup's title.
    pub title: String,
    /// The owners, in order.
    pub owners: Vec<String>,
    /// The chosen owner in the list.
    pub selected: usize,
    /// The name being typed.
    pub input: TextForm,
    /// Known owners, with their full names where the glossary has them.
    pub known: Vec<(String, String)>,
    /// The highlighted completion, once the user moved to one with ↑↓.
    pub suggestion: Option<usize>,
    /// A refusal or a question, shown under the list.
    pub error: Option<String>,
    initial: Vec<String>,
    asked: bool,
}

impl OwnersForm {
    /// A form holding the current owners.
    pub fn new(title: String, current: &[String], known: Vec<(String, String)>) -> OwnersForm {
        OwnersForm {
            title,
            owners: current.to_vec(),
            selected: current.len().saturating_sub(1),
            input: TextForm::new("Add an owner", "", Lines::One),
            known,
            suggestion: None,
            error: None,
            initial: current.to_vec(),
            asked: false,
        }
    }

    /// The full name of a listed owner, when known.
    pub fn full_name(&self, short: &str) -> Option<&str> {
        self.known
            .iter()
            .find(|(s, full)| s == short && !full.is_empty())
            .map(|(_, full)| full.as_str())
    }

    /// Known owners that complete what is being typed (all of them), not yet in the list.
    pub fn suggestions(&self) -> Vec<&(String, String)> {
        let partial = self.input.text().trim().to_lowercase();
        if partial.is_empty() {
            return Vec::new();
        }
        self.known
            .iter()
            .filter(|(short, full)| {
                !self.owners.contains(short)
                    && (short.to_lowercase().starts_with(&partial)
                        || full.to_lowercase().contains(&partial))
            })
            .collect()
    }

    /// Handles a key; Enter with nothing typed submits the list.
    pub fn handle(&mut self, key: KeyEvent) -> Outcome<Vec<String>> {
        let asked = std::mem::take(&mut self.asked);
        self.error = None;
        let typing = !self.input.text().trim().is_empty();
        let moving = key
            .modifiers
            .intersects(KeyModifiers::ALT | KeyModifiers::SHIFT);
        match key.code {
            KeyCode::Esc if asked || (self.owners == self.initial && !typing) => {
                return Outcome::Cancel;
            }
            KeyCode::Esc => {
                self.asked = true;
                self.error = Some("you changed the owners: Esc again drops the change".into());
            }
            KeyCode::Enter if !typing => return Outcome::Submit(self.owners.clone()),
            KeyCode::Enter => self.add(),
            KeyCode::Tab => self.complete(),
            KeyCode::Up | KeyCode::Down if moving => self.shift(key.code == KeyCode::Up),
            KeyCode::Up | KeyCode::Down if typing => {
                let count = self.suggestions().len();
                self.suggestion = match (self.suggestion, key.code) {
                    _ if count == 0 => None,
                    (None, KeyCode::Down) => Some(0),
                    (None, _) | (Some(0), KeyCode::Up) => None,
                    (Some(i), KeyCode::Up) => Some(i - 1),
                    (Some(i), _) => Some((i + 1).min(count - 1)),
                };
            }
            KeyCode::Up => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down => {
                self.selected = (self.selected + 1).min(self.owners.len().saturating_sub(1))
            }
            KeyCode::Delete if !typing => self.remove(),
            _ => {
                self.input.handle(key);
                self.suggestion = None;
            }
        }
        Outcome::Continue
    }

    /// Pastes text into the name being typed (as text, on one line).
    pub fn paste(&mut self, text: &str) {
        self.input.paste(text);
        self.suggestion = None;
    }

    fn add(&mut self) {
        let name = match self
            .suggestion
            .and_then(|i| self.suggestions().get(i).copied())
        {
            Some((short, _)) => short.clone(),
            None => self.input.text().trim().to_string(),
        };
        if self.owners.contains(&name) {
            self.error = Some(format!("{name} is already an owner"));
            return;
        }
        self.owners.push(name);
        self.selected = self.owners.len() - 1;
        self.input = TextForm::new("Add an owner", "", Lines::One);
        self.suggestion = None;
    }

    fn complete(&mut self) {
        let index = self.suggestion.unwrap_or(0);
        if let Some((short, _)) = self.suggestions().get(index).map(|s| (*s).clone()) {
            self.input = TextForm::new("Add an owner", &short, Lines::One);
            self.suggestion = None;
        }
    }

    fn remove(&mut self) {
        if self.selected < self.owners.len() {
            self.owners.remove(self.selected);
            self.selected = self.selected.min(self.owners.len().saturating_sub(1));
        }
    }

    fn shift(&mut self, up: bool) {
        let from = self.selected;
        let to = if up {
            from.checked_sub(1)
        } else {
            Some(from + 1)
        };
        if let Some(to) = to.filter(|&to| to < self.owners.len()) {
            self.owners.swap(from, to);
            self.selected = to;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<(String, String)> {
        vec![
            ("QEG".into(), "Quality & Effectiveness Group".into()),
            ("SLDG".into(), String::new()),
            ("SLT".into(), "Senior Leadership Team".into()),
        ]
    }

    fn press(form: &mut OwnersForm, code: KeyCode) -> Outcome<Vec<String>> {
        form.handle(KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn typed(form: &mut OwnersForm, text: &str) {
        text.chars().for_each(|c| {
            press(form, KeyCode::Char(c));
        });
    }

    #[test]
    fn a_name_with_a_comma_stays_one_owner() {
        let current = vec!["Head of Service, Early Help".to_string()];
        let mut form = OwnersForm::new("Owners".into(), &current, known());
        assert_eq!(press(&mut form, KeyCode::Enter), Outcome::Submit(current));
    }

    #[test]
    fn completions_are_chosen_with_arrows_and_duplicates_refused() {
        let mut form = OwnersForm::new("Owners".into(), &["QEG".into()], known());
        typed(&mut form, "sl");
        assert_eq!(form.suggestions().len(), 2, "every completion is offered");
        press(&mut form, KeyCode::Down);
        press(&mut form, KeyCode::Down);
        press(&mut form, KeyCode::Enter);
        assert_eq!(form.owners, ["QEG", "SLT"]);
        typed(&mut form, "QEG");
        press(&mut form, KeyCode::Enter);
        assert_eq!(form.error.as_deref(), Some("QEG is already an owner"));
        assert_eq!(form.owners, ["QEG", "SLT"]);
    }

    #[test]
    fn owners_are_removed_and_moved() {
        let mut form = OwnersForm::new("Owners".into(), &["A".into(), "B".into()], known());
        form.handle(KeyEvent::new(KeyCode::Up, KeyModifiers::ALT));
        assert_eq!(form.owners, ["B", "A"]);
        press(&mut form, KeyCode::Delete);
        assert_eq!(form.owners, ["A"]);
        assert_eq!(
            press(&mut form, KeyCode::Esc),
            Outcome::Continue,
            "asks first"
        );
        assert_eq!(press(&mut form, KeyCode::Esc), Outcome::Cancel);
    }
}
