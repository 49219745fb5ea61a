//! The help overlay: every key of the main screen (from the keymap) and of the forms.

use super::popup::centered;
use crate::tui::command::Command;
use crate::tui::keymap::{commands, keys_for};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

/// Keys that forms and popups understand, which are not commands of the main screen.
const FORM_KEYS: &[(&str, &str)] = &[
    ("Esc", "close a form or popup without changing anything"),
    (
        "Enter",
        "apply a one-line field; new line in a multi-line field",
    ),
    ("Ctrl-s, Alt-Enter", "apply a multi-line field"),
    ("Ctrl-←/→, Alt-b/f", "move by word in a field"),
    ("Ctrl-z / Ctrl-y", "undo / redo typing in a field"),
    ("Tab", "complete an owner's name"),
    (
        "r a g b x",
        "in the RAG picker: red, amber, green, blue, clear",
    ),
    ("mouse", "click a row to select it; the wheel scrolls"),
];

/// Every line of help.
pub fn help_lines() -> Vec<Line<'static>> {
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut lines = vec![Line::from(Span::styled("Main screen", bold))];
    for command in commands() {
        lines.push(key_line(&keys_for(command), command.description()));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Forms and popups", bold)));
    for (keys, what) in FORM_KEYS {
        lines.push(key_line(keys, what));
    }
    lines
}

fn key_line(keys: &str, what: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            format!("  {keys:<18}"),
            Style::default().add_modifier(Modifier::BOLD),
        ),
        Span::raw(what.to_string()),
    ])
}

/// Draws the help overlay scrolled to `scroll`.
pub fn render_help(frame: &mut Frame, area: Rect, scroll: usize) {
    let popup = centered(area, 84, area.height.saturating_sub(2).max(8));
    frame.render_widget(Clear, popup);
    let lines = help_lines();
    let inner_height = usize::from(popup.height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(inner_height));
    let title = format!(
        " Help · {} keys · ↑↓ PgUp PgDn scroll · Esc or {} closes ",
        commands().len(),
        keys_for(Command::Help)
    );
    let block = Block::default().borders(Borders::ALL).title(title);
    let offset = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((offset, 0)),
        popup,
    );
}
