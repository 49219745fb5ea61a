//! The help overlay: every key of the main screen and of the other screens (from their
//! keymaps), and of every form and popup (from their key tables, which their hints use too).

use super::popup::centered;
use crate::tui::app::{App, Areas};
use crate::tui::command::Command;
use crate::tui::forms::{FIELD_KEYS, MULTI_LINE_KEYS, ONE_LINE_KEYS, OWNERS_KEYS};
use crate::tui::keymap::{
    Binding, FILTER_KEYS, KeyHelp, MEASURE_KEYS, MILESTONE_KEYS, PICKER_KEYS, RAG_KEYS,
    REPORT_KEYS, SCREEN_BINDINGS, VIEW_KEYS, commands, commands_in, keys_for, keys_in,
};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

/// The help's sections made of key tables, in order.
const TABLES: &[(&str, &[KeyHelp])] = &[
    ("Milestones list (m)", MILESTONE_KEYS),
    ("Measures list (M)", MEASURE_KEYS),
    ("Text fields", FIELD_KEYS),
    ("One-line fields", ONE_LINE_KEYS),
    (
        "Multi-line fields (progress, descriptions)",
        MULTI_LINE_KEYS,
    ),
    ("Owners", OWNERS_KEYS),
    ("RAG picker", RAG_KEYS),
    ("Filter menu (f)", FILTER_KEYS),
    ("Changes report (C)", REPORT_KEYS),
    (
        "Compare with (v in the report)",
        crate::tui::forms::REVISION_KEYS,
    ),
    ("Owner view (o)", PICKER_KEYS),
    ("Custom fields (F)", crate::tui::custom_fields::CUSTOM_KEYS),
    ("Export dialog (X)", crate::tui::export_dialog::EXPORT_KEYS),
    (
        "Export dialog, replacing a file",
        crate::tui::export_dialog::REPLACE_KEYS,
    ),
    ("Import packs (I): choosing", crate::tui::import::PICK_KEYS),
    (
        "Import packs (I): reviewing",
        crate::tui::import::REVIEW_KEYS,
    ),
    (
        "Sync stopped on conflicts (P)",
        crate::tui::git_resolve::RESOLVE_KEYS,
    ),
    ("Help and mouse", VIEW_KEYS),
];

fn heading(text: &str) -> Line<'static> {
    Line::from(Span::styled(
        text.to_string(),
        Style::default().add_modifier(Modifier::BOLD),
    ))
}

fn bindings(lines: &mut Vec<Line<'static>>, table: &[Binding], main: bool) {
    let commands = if main { commands() } else { commands_in(table) };
    for command in commands {
        let keys = if main {
            keys_for(command)
        } else {
            keys_in(table, command)
        };
        lines.push(key_line(&keys, command.description()));
    }
}

/// Every line of help.
pub fn help_lines() -> Vec<Line<'static>> {
    let mut lines = vec![heading("Main screen")];
    bindings(&mut lines, &[], true);
    lines.push(Line::default());
    lines.push(heading(
        "Dashboard (D), not updated (S), history (H): only these keys act",
    ));
    bindings(&mut lines, SCREEN_BINDINGS, false);
    for (title, table) in TABLES {
        lines.push(Line::default());
        lines.push(heading(title));
        for key in *table {
            lines.push(key_line(key.keys, key.long));
        }
    }
    lines
}

/// Columns taken by the keys before each description.
const KEYS_WIDTH: usize = 20;

fn key_line(keys: &str, what: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            format!("  {keys:<18}"),
            Style::default().add_modifier(Modifier::BOLD),
        ),
        Span::raw(what.to_string()),
    ])
}

/// The help's lines for a `width`-column overlay: a description too long for one row goes on
/// under itself (a hanging indent), not under the keys.
fn wrapped_lines(width: u16) -> Vec<Line<'static>> {
    let room = usize::from(width).saturating_sub(KEYS_WIDTH);
    let mut out = Vec::new();
    for line in help_lines() {
        let [keys, what] = line.spans.as_slice() else {
            out.push(line);
            continue;
        };
        if room < 20 || what.content.chars().count() <= room {
            out.push(line.clone());
            continue;
        }
        for (i, row) in wrap_words(&what.content, room).into_iter().enumerate() {
            let lead = if i == 0 {
                keys.clone()
            } else {
                Span::raw(" ".repeat(KEYS_WIDTH))
            };
            out.push(Line::from(vec![lead, Span::raw(row)]));
        }
    }
    out
}

/// `text` cut into rows of at most `width` characters at spaces (a longer word gets a row).
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut rows: Vec<String> = vec![String::new()];
    for word in text.split(' ') {
        let row = rows.last_mut().expect("one row at least");
        let used = row.chars().count();
        if used > 0 && used + 1 + word.chars().count() > width {
            rows.push(word.to_string());
        } else {
            if used > 0 {
                row.push(' ');
            }
            row.push_str(word);
        }
    }
    rows
}

/// Rows the help takes wrapped to `width`, as the paragraph wraps them.
fn wrapped_rows(lines: &[Line<'static>], width: u16) -> usize {
    Paragraph::new(lines.to_vec())
        .wrap(Wrap { trim: false })
        .line_count(width.max(1))
}

/// The last first-row the help can scroll to, as of the last frame.
pub fn help_height(app: &App) -> usize {
    let area = app.ui.areas.get().help;
    wrapped_rows(&wrapped_lines(area.width), area.width).saturating_sub(usize::from(area.height))
}

/// Draws the help overlay scrolled to `scroll`.
pub fn render_help(frame: &mut Frame, area: Rect, app: &App, scroll: usize) {
    let popup = centered(area, 90, area.height.saturating_sub(2).max(8));
    frame.render_widget(Clear, popup);
    let inner = Rect {
        x: popup.x + 1,
        y: popup.y + 1,
        width: popup.width.saturating_sub(2),
        height: popup.height.saturating_sub(2),
    };
    let lines = wrapped_lines(inner.width);
    let total = wrapped_rows(&lines, inner.width);
    let scroll = scroll.min(total.saturating_sub(usize::from(inner.height)));
    let last = (scroll + usize::from(inner.height)).min(total);
    let title = format!(
        " Help · rows {}–{last} of {total} · ↑↓ PgUp PgDn scroll · Esc or {} closes ",
        scroll + 1,
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
    app.ui.areas.set(Areas {
        help: inner,
        ..app.ui.areas.get()
    });
}
