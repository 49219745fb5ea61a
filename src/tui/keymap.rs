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
    ch('N', Command::NewYear),
    ch('/', Command::Search),
    ch('f', Command::FilterMenu),
    ch('o', Command::OwnerView),
    ch('c', Command::ClearFilters),
    ch('s', Command::Sort),
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
    ch('F', Command::EditCustom),
    ch('V', Command::EditHistory),
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
    ctrl('d', Command::DetailDown),
    ctrl('u', Command::DetailUp),
    ch('D', Command::Dashboard),
    ch('C', Command::Changes),
    ch('H', Command::History),
    ch('S', Command::Stale),
    ch('W', Command::Commit),
    ch('P', Command::Sync),
    ch('T', Command::TagMeeting),
    ch('R', Command::UpdateRound),
    ch('X', Command::Export),
    ch('I', Command::ImportPacks),
    ch('?', Command::Help),
    ch('q', Command::Quit),
];

/// The bindings of the dashboard, "not updated" and history screens: move the cursor, open its
/// action on the main screen, go back. No other key acts there.
pub const SCREEN_BINDINGS: &[Binding] = &[
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
    key(KeyCode::Enter, Command::Open),
    key(KeyCode::Esc, Command::Back),
    ctrl('d', Command::DetailDown),
    ctrl('u', Command::DetailUp),
    ch('D', Command::Dashboard),
    ch('H', Command::History),
    ch('S', Command::Stale),
    ch('C', Command::Changes),
    ctrl('s', Command::Save),
    ch('?', Command::Help),
    ch('q', Command::Quit),
];

/// A key of a popup or form, described for the help overlay and the hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyHelp {
    /// The keys, as written: `Ctrl-z`, `r a g b`.
    pub keys: &'static str,
    /// A word or two for the hints (empty: not hinted).
    pub short: &'static str,
    /// What it does, for the help.
    pub long: &'static str,
}

impl KeyHelp {
    /// A described key.
    pub const fn new(keys: &'static str, short: &'static str, long: &'static str) -> KeyHelp {
        KeyHelp { keys, short, long }
    }
}

/// Keys of the RAG picker.
pub const RAG_KEYS: &[KeyHelp] = &[
    KeyHelp::new("r a g b", "rate", "red, amber, green, blue"),
    KeyHelp::new("x", "clear", "not yet rated"),
    KeyHelp::new("Esc", "cancel", "close without changing the rating"),
];

/// Keys of the filter menu.
pub const FILTER_KEYS: &[KeyHelp] = &[
    KeyHelp::new("r a g b", "rating", "only red / amber / green / blue"),
    KeyHelp::new("u", "unrated", "only unrated"),
    KeyHelp::new("o", "overdue", "only overdue"),
    KeyHelp::new("G", "green overdue", "only green but overdue"),
    KeyHelp::new("c", "clear", "clear every filter"),
    KeyHelp::new("Esc", "close", "close (a key again turns its filter off)"),
];

/// Keys of the changes report and the help overlay.
pub const REPORT_KEYS: &[KeyHelp] = &[
    KeyHelp::new(
        "↑↓ j k",
        "move",
        "move the cursor (PgUp/PgDn, Home/End a page, the ends)",
    ),
    KeyHelp::new(
        "Enter",
        "open",
        "open the action under the cursor on the main screen",
    ),
    KeyHelp::new(
        "v",
        "other revision",
        "compare with another commit, tag, branch or date: type it, or choose (↑↓) from the meetings, tags, branches and recent commits, narrowed by typing",
    ),
    KeyHelp::new("Esc", "close", "close the report (also C or q)"),
];

/// Keys of the milestones list (`m`), for its title, the hints and the help.
pub const MILESTONE_KEYS: &[KeyHelp] = &[
    KeyHelp::new("a", "add", "add a milestone after the selected one"),
    KeyHelp::new("x", "delete", "delete the selected milestone (asks first)"),
    KeyHelp::new("J/K", "move", "move it down / up"),
    KeyHelp::new("e", "text", "edit its text"),
    KeyHelp::new("p", "progress", "edit its progress"),
    KeyHelp::new("w", "owners", "edit its owners"),
    KeyHelp::new("d", "due", "edit its due date"),
    KeyHelp::new("r", "RAG", "rate it"),
    KeyHelp::new("Esc", "back", "back to the actions"),
];

/// Keys of a theme's measures list (`M`), for its title, the hints and the help.
pub const MEASURE_KEYS: &[KeyHelp] = &[
    KeyHelp::new("a", "add", "add a measure after the selected one"),
    KeyHelp::new("x", "delete", "delete the selected measure (asks first)"),
    KeyHelp::new("J/K", "move", "move it down / up"),
    KeyHelp::new("e", "measure", "edit what is measured"),
    KeyHelp::new("n", "baseline", "edit the baseline"),
    KeyHelp::new("O", "target", "edit the target"),
    KeyHelp::new("p", "latest", "edit the latest figure"),
    KeyHelp::new("d", "as of", "edit the date of the latest figure"),
    KeyHelp::new("r", "RAG", "rate it"),
    KeyHelp::new("Esc", "back", "back to the themes or actions"),
];

/// The keys of a table as one line: `a add · x delete · Esc back`.
pub fn key_line(keys: &[KeyHelp]) -> String {
    keys.iter()
        .filter(|k| !k.short.is_empty())
        .map(|k| format!("{} {}", k.keys, k.short))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Just the keys of a table: `a x J/K e Esc`.
pub fn keys_only(keys: &[KeyHelp]) -> String {
    keys.iter().map(|k| k.keys).collect::<Vec<_>>().join(" ")
}

/// Keys of the owner picker.
pub const PICKER_KEYS: &[KeyHelp] = &[
    KeyHelp::new("type", "narrow", "type to narrow the list"),
    KeyHelp::new("↑↓", "choose", "choose a row"),
    KeyHelp::new("Enter", "open", "show that owner's actions"),
    KeyHelp::new("Esc", "cancel", "close"),
];

/// Keys of the detail pane, the help overlay and the mouse.
pub const VIEW_KEYS: &[KeyHelp] = &[
    KeyHelp::new("↑↓ PgUp PgDn j k", "scroll", "scroll the help"),
    KeyHelp::new(
        "wheel",
        "",
        "the mouse wheel scrolls the list or pane under it; a click selects",
    ),
];

/// The hints shown in the status bar, most useful first.
pub const HINTS: &[Command] = &[
    Command::Help,
    Command::Search,
    Command::Rag,
    Command::EditProgress,
    Command::Save,
    Command::Export,
    Command::Quit,
];

/// The hints shown on the dashboard, "not updated" and history screens.
pub const SCREEN_HINTS: &[Command] = &[Command::Down, Command::Open, Command::Back, Command::Help];

/// The command bound to a key press on the main screen, if any.
pub fn command_for(event: KeyEvent) -> Option<Command> {
    command_in(BINDINGS, event)
}

/// The command a table binds to a key press, if any.
pub fn command_in(table: &[Binding], event: KeyEvent) -> Option<Command> {
    let modifiers = event.modifiers - KeyModifiers::SHIFT;
    table
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

/// Every key bound to `command` on the main screen, joined: `↑/k`.
pub fn keys_for(command: Command) -> String {
    keys_in(BINDINGS, command)
}

/// Every key a table binds to `command`, joined.
pub fn keys_in(table: &[Binding], command: Command) -> String {
    let labels: Vec<String> = table
        .iter()
        .filter(|b| b.command == command)
        .map(key_label)
        .collect();
    labels.join("/")
}

/// The first key a table binds to `command`, for hints.
pub fn first_key(table: &[Binding], command: Command) -> String {
    table
        .iter()
        .find(|b| b.command == command)
        .map(key_label)
        .unwrap_or_default()
}

/// The commands of the main screen in help order, each once.
pub fn commands() -> Vec<Command> {
    commands_in(BINDINGS)
}

/// The commands of a table in order, each once.
pub fn commands_in(table: &[Binding]) -> Vec<Command> {
    let mut seen = Vec::new();
    for binding in table {
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
        for table in [BINDINGS, SCREEN_BINDINGS] {
            no_key_twice(table);
        }
    }

    fn no_key_twice(table: &[Binding]) {
        for (i, a) in table.iter().enumerate() {
            for b in &table[i + 1..] {
                assert!(
                    !(a.code == b.code && a.modifiers == b.modifiers),
                    "{:?} bound twice",
                    a.code
                );
            }
        }
    }
}
