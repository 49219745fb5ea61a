//! Choose one name from a list, narrowing it by typing.

use super::Outcome;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// An open list to choose from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// The popup's title.
    pub title: String,
    /// Every choice, with a note shown beside it (a full name, a count).
    pub items: Vec<(String, String)>,
    /// What has been typed to narrow the list.
    pub query: String,
    /// The highlighted row of the narrowed list.
    pub selected: usize,
}

impl Picker {
    /// A picker over `items`.
    pub fn new(title: impl Into<String>, items: Vec<(String, String)>) -> Picker {
        Picker {
            title: title.into(),
            items,
            query: String::new(),
            selected: 0,
        }
    }

    /// The choices matching what was typed.
    pub fn shown(&self) -> Vec<&(String, String)> {
        let query = self.query.to_lowercase();
        self.items
            .iter()
            .filter(|(name, note)| {
                name.to_lowercase().contains(&query) || note.to_lowercase().contains(&query)
            })
            .collect()
    }

    /// Handles a key: type to narrow, arrows to move, Enter to choose, Esc to cancel.
    pub fn handle(&mut self, key: KeyEvent) -> Outcome<String> {
        let count = self.shown().len();
        match key.code {
            KeyCode::Esc => return Outcome::Cancel,
            KeyCode::Enter => {
                return match self.shown().get(self.selected) {
                    Some((name, _)) => Outcome::Submit(name.clone()),
                    None => Outcome::Continue,
                };
            }
            KeyCode::Up => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            KeyCode::Backspace => {
                self.query.pop();
                self.selected = 0;
            }
            KeyCode::Char(c) => {
                self.query.push(c);
                self.selected = 0;
            }
            _ => {}
        }
        Outcome::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    #[test]
    fn typing_narrows_and_enter_chooses() {
        let items = vec![
            ("QEG".into(), "Quality & Effectiveness Group".into()),
            ("SLDG".into(), "Strategic Learning".into()),
        ];
        let mut picker = Picker::new("Owner", items);
        let press = |p: &mut Picker, code| p.handle(KeyEvent::new(code, KeyModifiers::NONE));
        press(&mut picker, KeyCode::Char('l'));
        press(&mut picker, KeyCode::Char('e'));
        assert_eq!(picker.shown().len(), 1);
        assert_eq!(
            press(&mut picker, KeyCode::Enter),
            Outcome::Submit("SLDG".into())
        );
    }
}
