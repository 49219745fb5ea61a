//! A text field edited in the editor widget (ratatui-textarea): cursor, word motions,
//! selection, its own undo; multi-line where the field allows it. Pasted text is inserted as
//! text (line breaks included); Esc on a changed field asks before dropping the typing.

use super::Outcome;
use crate::tui::keymap::KeyHelp;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// How many lines a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// One line: Enter applies.
    One,
    /// Several lines: Enter starts a new line; Ctrl-s or Alt-Enter applies.
    Many,
}

/// Keys of every text field, for the help overlay and the hints under the field.
pub const FIELD_KEYS: &[KeyHelp] = &[
    KeyHelp::new(
        "Esc",
        "cancel",
        "cancel the field (asks first when you changed it)",
    ),
    KeyHelp::new("Ctrl-z", "undo", "undo typing in the field (also Ctrl-u)"),
    KeyHelp::new("Ctrl-y", "redo", "redo typing in the field (also Ctrl-r)"),
    KeyHelp::new(
        "Ctrl-l",
        "clear",
        "clear the field (Ctrl-z brings the text back)",
    ),
    KeyHelp::new("Ctrl-←/→", "words", "move by word (also Alt-b / Alt-f)"),
    KeyHelp::new(
        "paste",
        "",
        "pasted text goes in as text, line breaks included; never as keys",
    ),
];

/// Keys that apply a one-line field.
pub const ONE_LINE_KEYS: &[KeyHelp] = &[KeyHelp::new("Enter", "apply", "apply a one-line field")];

/// Keys that apply a multi-line field.
pub const MULTI_LINE_KEYS: &[KeyHelp] = &[
    KeyHelp::new(
        "Ctrl-s",
        "apply",
        "apply a multi-line field (also Alt-Enter)",
    ),
    KeyHelp::new(
        "Enter",
        "new line",
        "start a new line in a multi-line field (also Ctrl-j)",
    ),
];

/// An open text field.
#[derive(Debug)]
pub struct TextForm {
    /// What is being edited, for the popup's title.
    pub title: String,
    /// One line or several.
    pub lines: Lines,
    /// The editor.
    pub area: TextArea<'static>,
    /// A problem with the last submitted value (or a question), shown under the field.
    pub error: Option<String>,
    /// The text the field opened with, to tell whether Esc would drop typing.
    initial: String,
    /// Esc was pressed once on a changed field: a second Esc cancels.
    asked: bool,
    /// Esc on a changed field asks first (not for search and look-up fields).
    confirm_cancel: bool,
}

impl TextForm {
    /// A form holding `text`, cursor at its end.
    pub fn new(title: impl Into<String>, text: &str, lines: Lines) -> TextForm {
        let mut area = TextArea::new(text.split('\n').map(String::from).collect());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(Style::default());
        area.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        TextForm {
            title: title.into(),
            lines,
            area,
            error: None,
            initial: text.to_string(),
            asked: false,
            confirm_cancel: true,
        }
    }

    /// The same field, closed by one Esc even when changed (a search, a revision to look up:
    /// nothing of the plan's is lost).
    pub fn quick_cancel(mut self) -> TextForm {
        self.confirm_cancel = false;
        self
    }

    /// True for a multi-line field.
    pub fn multi_line(&self) -> bool {
        self.lines == Lines::Many
    }

    /// The text as it stands.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// True when the text differs from what the field opened with.
    pub fn changed(&self) -> bool {
        self.text() != self.initial
    }

    /// Handles a key: Esc cancels (asking first when the text changed); Enter (one line) or
    /// Ctrl-s / Alt-Enter submits.
    pub fn handle(&mut self, key: KeyEvent) -> Outcome<String> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let asked = std::mem::take(&mut self.asked);
        if key.code == KeyCode::Esc {
            if asked || !self.confirm_cancel || !self.changed() {
                return Outcome::Cancel;
            }
            self.asked = true;
            self.error = Some(
                "you changed this field: Esc again drops the change, any other key goes on editing"
                    .into(),
            );
            return Outcome::Continue;
        }
        self.error = None;
        let multi = self.multi_line();
        match key.code {
            KeyCode::Enter if !multi || alt => return Outcome::Submit(self.text()),
            KeyCode::Char('s') if ctrl => return Outcome::Submit(self.text()),
            KeyCode::Char('j') if ctrl && !multi => return Outcome::Submit(self.text()),
            KeyCode::Char('j') if ctrl => self.area.insert_newline(),
            KeyCode::Char('z') if ctrl => {
                self.area.undo();
            }
            KeyCode::Char('y') if ctrl => {
                self.area.redo();
            }
            KeyCode::Char('l') if ctrl => self.clear(),
            _ => {
                self.area.input(key);
            }
        }
        Outcome::Continue
    }

    /// Empties the field (undoable with Ctrl-z).
    pub fn clear(&mut self) {
        self.area.select_all();
        self.area.cut();
    }

    /// Inserts pasted text at the cursor; in a one-line field line breaks become spaces.
    pub fn paste(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let text = if self.multi_line() {
            text
        } else {
            text.trim_end_matches('\n').replace('\n', " ")
        };
        self.asked = false;
        self.error = None;
        self.area.insert_str(text);
    }

    /// The keys to show under the field, from the same tables as the help.
    pub fn hint(&self) -> String {
        let apply = if self.multi_line() {
            MULTI_LINE_KEYS
        } else {
            ONE_LINE_KEYS
        };
        apply
            .iter()
            .chain(FIELD_KEYS)
            .filter(|k| !k.short.is_empty())
            .map(|k| format!("{} {}", k.keys, k.short))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(form: &mut TextForm, code: KeyCode, modifiers: KeyModifiers) -> Outcome<String> {
        form.handle(KeyEvent::new(code, modifiers))
    }

    fn typed(form: &mut TextForm, text: &str) {
        for c in text.chars() {
            press(form, KeyCode::Char(c), KeyModifiers::NONE);
        }
    }

    #[test]
    fn multi_line_editing_and_submit() {
        let mut form = TextForm::new("Progress", "First", Lines::Many);
        press(&mut form, KeyCode::Enter, KeyModifiers::NONE);
        typed(&mut form, "second");
        assert_eq!(
            press(&mut form, KeyCode::Char('s'), KeyModifiers::CONTROL),
            Outcome::Submit("First\nsecond".into())
        );
        let mut single = TextForm::new("Title", "T", Lines::One);
        press(&mut single, KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(
            press(&mut single, KeyCode::Enter, KeyModifiers::NONE),
            Outcome::Submit("Tx".into())
        );
    }

    #[test]
    fn ctrl_j_is_a_new_line_not_a_deleted_line() {
        let mut form = TextForm::new("Progress", "", Lines::Many);
        typed(&mut form, "typed so far");
        press(&mut form, KeyCode::Char('j'), KeyModifiers::CONTROL);
        typed(&mut form, "next");
        assert_eq!(form.text(), "typed so far\nnext");
    }

    #[test]
    fn ctrl_z_undoes_and_ctrl_y_redoes_and_ctrl_l_clears() {
        let mut form = TextForm::new("Notes", "abc", Lines::One);
        typed(&mut form, "d");
        press(&mut form, KeyCode::Char('z'), KeyModifiers::CONTROL);
        assert_eq!(form.text(), "abc");
        press(&mut form, KeyCode::Char('y'), KeyModifiers::CONTROL);
        assert_eq!(form.text(), "abcd");
        press(&mut form, KeyCode::Char('l'), KeyModifiers::CONTROL);
        assert_eq!(form.text(), "");
        press(&mut form, KeyCode::Char('z'), KeyModifiers::CONTROL);
        assert_eq!(form.text(), "abcd");
    }

    #[test]
    fn esc_on_a_changed_field_asks_first() {
        let mut form = TextForm::new("Title", "T", Lines::One);
        assert_eq!(
            press(&mut form, KeyCode::Esc, KeyModifiers::NONE),
            Outcome::Cancel,
            "nothing typed: Esc closes"
        );
        typed(&mut form, "x");
        assert_eq!(
            press(&mut form, KeyCode::Esc, KeyModifiers::NONE),
            Outcome::Continue
        );
        assert!(
            form.error
                .as_deref()
                .is_some_and(|e| e.contains("Esc again"))
        );
        typed(&mut form, "y");
        assert_eq!(form.text(), "Txy", "another key goes on editing");
        press(&mut form, KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(
            press(&mut form, KeyCode::Esc, KeyModifiers::NONE),
            Outcome::Cancel
        );
    }

    #[test]
    fn pasted_text_is_text() {
        let mut form = TextForm::new("Progress", "", Lines::Many);
        form.paste("QEG\r\nrx");
        assert_eq!(form.text(), "QEG\nrx");
        let mut one = TextForm::new("Owner", "", Lines::One);
        one.paste("QEG\rrx\n");
        assert_eq!(one.text(), "QEG rx");
    }
}
