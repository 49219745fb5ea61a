//! A text field edited in the editor widget (ratatui-textarea): cursor, word motions,
//! selection, copy and paste, its own undo; multi-line where the field allows it.

use super::Outcome;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};

/// An open text field.
#[derive(Debug)]
pub struct TextForm {
    /// What is being edited, for the popup's title.
    pub title: String,
    /// Enter adds a line (submit with Ctrl-s or Alt-Enter) rather than submitting.
    pub multi_line: bool,
    /// The editor.
    pub area: TextArea<'static>,
    /// A problem with the last submitted value, shown under the field.
    pub error: Option<String>,
}

impl TextForm {
    /// A form holding `text`, cursor at its end.
    pub fn new(title: impl Into<String>, text: &str, multi_line: bool) -> TextForm {
        let lines: Vec<String> = if text.is_empty() {
            vec![String::new()]
        } else {
            text.split('\n').map(String::from).collect()
        };
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(Style::default());
        area.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        TextForm {
            title: title.into(),
            multi_line,
            area,
            error: None,
        }
    }

    /// The text as it stands.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Handles a key: Esc cancels; Enter (single line) or Ctrl-s / Alt-Enter submits.
    pub fn handle(&mut self, key: KeyEvent) -> Outcome<String> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Esc => Outcome::Cancel,
            KeyCode::Enter if !self.multi_line || alt => Outcome::Submit(self.text()),
            KeyCode::Char('s') if ctrl => Outcome::Submit(self.text()),
            _ => {
                self.area.input(key);
                self.error = None;
                Outcome::Continue
            }
        }
    }

    /// The keys to show under the field.
    pub fn hint(&self) -> &'static str {
        if self.multi_line {
            "Ctrl-s or Alt-Enter apply · Esc cancel · Enter new line · Ctrl-←/→ words · Ctrl-z undo"
        } else {
            "Enter apply · Esc cancel"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(form: &mut TextForm, code: KeyCode, modifiers: KeyModifiers) -> Outcome<String> {
        form.handle(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn multi_line_editing_and_submit() {
        let mut form = TextForm::new("Progress", "First", true);
        press(&mut form, KeyCode::Enter, KeyModifiers::NONE);
        for c in "second".chars() {
            press(&mut form, KeyCode::Char(c), KeyModifiers::NONE);
        }
        assert_eq!(
            press(&mut form, KeyCode::Char('s'), KeyModifiers::CONTROL),
            Outcome::Submit("First\nsecond".into())
        );
        let mut single = TextForm::new("Title", "T", false);
        press(&mut single, KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(
            press(&mut single, KeyCode::Enter, KeyModifiers::NONE),
            Outcome::Submit("Tx".into())
        );
        assert_eq!(
            press(&mut single, KeyCode::Esc, KeyModifiers::NONE),
            Outcome::Cancel
        );
    }
}
