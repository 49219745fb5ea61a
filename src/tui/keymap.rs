//! Keys to commands: one table, read by the run loop, the help overlay and the status bar.

use super::command::Command;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One binding: a key with its modifiers, and the command it runs.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt (Shift is part of the character for letters).
    pub modifiers: KeyModifiers,
    /// What it does.
    pub command: Command,
}

const fn key(code: KeyCode, command: Command) -> Binding {
    Binding {
        code,
        modifiers: KeyModifiers::NONE,
        command,
    }
}

const fn ch(c: char, command: Command) -> Binding {
    key(KeyCode::Char(c), command)
}

const fn ctrl(c: char, command: Command) -> Binding {
    Binding {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
        command,
    }
}

/// Every binding of the main screen, in the order help lists them.
pub const BINDINGS: &[Binding] = &[
    key(KeyCode::Up, Command::Up),
    ch('k', Command::Up),
    key(KeyCode::Down, Command::Down),
    ch('j', Command::Down),
    key(KeyCode::PageUp, Command::PageUp),
    ctrl('b', Command::PageUp),
    key(KeyCode::PageDown, Command::PageDown),
    ctrl('f', Command::PageDown),
    key(KeyCode::Home, Command::Home),
    ch('g', Command::Home),
    key(KeyCode::End, Command::End),
    ch('G', Command::End),
    key(KeyCode::Tab, Command::SwitchPane),
    key(KeyCode::Left, Command::FocusThemes),
    ch('h', Command::FocusThemes),
    key(KeyCode::Right, Command::FocusActions),
    ch('l', Command::FocusActions),
    ch('[', Command::PrevYear),
    ch(']', Command::NextYear),
    ch('/', Command::Search),
    ch('f', Command::FilterMenu),
    ch('o', Command::OwnerView),
    ch('c', Command::ClearFilters),
    key(KeyCode::Esc, Command::Back),
    ch('m', Command::Milestones),
    ch('M', Command::Measures),
    ch('r', Command::Rag),
    ch('e', Command::EditText),
    key(KeyCode::Enter, Command::EditProgress),
    ch('p', Command::EditProgress),
    ch('O', Command::EditOutcome),
    ch('n', Command::EditNotes),
    ch('w', Command::EditOwners),
    ch('d', Command::EditDue),
    ch('E', Command::ExternalEditor),
    ch('a', Command::Add),
    ch('A', Command::AddTheme),
    ch('x', Command::Delete),
    key(KeyCode::Delete, Command::Delete),
    ch('K', Command::MoveUp),
    ch('J', Command::MoveDown),
    ch('#', Command::Renumber),
    ch('u', Command::Undo),
    ctrl('r', Command::Redo),
    ctrl('s', Command::Save),
    ch('D', Command::Dashboard),
    ch('C', Command::Changes),
    ch('H', Command::History),
    ch('S', Command::Stale),
    ch('?', Command::Help),
    ch('q', Command::Quit),
];

/// The hints shown in the status bar, most useful first.
pub const HINTS: &[Command] = &[
    Command::Help,
    Command::Search,
    Command::Rag,
    Command::EditProgress,
    Command::Save,
    Command::Quit,
];

/// The command bound to a key press, if any.
pub fn command_for(event: KeyEvent) -> Option<Command> {
    let modifiers = event.modifiers - KeyModifiers::SHIFT;
    BINDINGS
        .iter()
        .find(|b| b.code == event.code && b.modifiers == modifiers)
        .map(|b| b.command)
}

/// How a binding's key is written: `Ctrl-s`, `↑`, `PgDn`, `k`.
pub fn key_label(binding: &Binding) -> String {
    let name = match binding.code {
        KeyCode::Up => "↑".to_string(),
        KeyCode::Down => "↓".to_string(),
        KeyCode::Left => "←".to_string(),
        KeyCode::Right => "→".to_string(),
        KeyCode::PageUp => "PgUp".to_string(),
        KeyCode::PageDown => "PgDn".to_string(),
        KeyCode::Home => "Home".to_string(),
        KeyCode::End => "End".to_string(),
        KeyCode::Tab => "Tab".to_string(),
        KeyCode::Enter => "Enter".to_string(),
        KeyCode::Esc => "Esc".to_string(),
        KeyCode::Delete => "Del".to_string(),
        KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    };
    if binding.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

/// Every key bound to `command`, joined: `↑/k`.
pub fn keys_for(command: Command) -> String {
    let labels: Vec<String> = BINDINGS
        .iter()
        .filter(|b| b.command == command)
        .map(key_label)
        .collect();
    labels.join("/")
}

/// The first key bound to `command`, for hints.
pub fn first_key(command: Command) -> String {
    BINDINGS
        .iter()
        .find(|b| b.command == command)
        .map(key_label)
        .unwrap_or_default()
}

/// The commands in help order, each once.
pub fn commands() -> Vec<Command> {
    let mut seen = Vec::new();
    for binding in BINDINGS {
        if !seen.contains(&binding.command) {
            seen.push(binding.command);
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_required_keys_are_bound() {
        let press = |code, modifiers| command_for(KeyEvent::new(code, modifiers));
        assert_eq!(
            press(KeyCode::Char('j'), KeyModifiers::NONE),
            Some(Command::Down)
        );
        assert_eq!(
            press(KeyCode::Char('s'), KeyModifiers::CONTROL),
            Some(Command::Save)
        );
        assert_eq!(
            press(KeyCode::Char('r'), KeyModifiers::CONTROL),
            Some(Command::Redo)
        );
        assert_eq!(
            press(KeyCode::Char('r'), KeyModifiers::NONE),
            Some(Command::Rag)
        );
        assert_eq!(
            press(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Command::End)
        );
        assert_eq!(keys_for(Command::Up), "↑/k");
        assert_eq!(keys_for(Command::Save), "Ctrl-s");
    }

    #[test]
    fn no_key_is_bound_twice() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                assert!(
                    !(a.code == b.code && a.modifiers == b.modifiers),
                    "{:?} bound twice",
                    a.code
                );
            }
        }
    }
}
