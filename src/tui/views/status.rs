//! The top title line and the bottom status bar: file, period, unsaved marker, filter,
//! message and key hints (from the keymap, so they match the real keys).

use crate::tui::app::App;
use crate::tui::app::{Focus, Screen};
use crate::tui::command::Command;
use crate::tui::forms::{FIELD_KEYS, MULTI_LINE_KEYS, ONE_LINE_KEYS, OWNERS_KEYS, Popup};
use crate::tui::keymap::{
    BINDINGS, Binding, FILTER_KEYS, HINTS, KeyHelp, MEASURE_KEYS, MILESTONE_KEYS, PICKER_KEYS,
    RAG_KEYS, REPORT_KEYS, SCREEN_BINDINGS, SCREEN_HINTS, VIEW_KEYS, first_key,
};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// The title line: board, plan title, period, and where this year sits in the store.
pub fn render_title(frame: &mut Frame, area: Rect, app: &App) {
    let year = app.year();
    let text = match year.plan() {
        Some(plan) => format!(" {} · {} · {}", plan.board, plan.title, plan.period),
        None => format!(" {}", year.name()),
    };
    let position = format!("year {}/{} ([ ]) ", app.current + 1, app.years.len());
    // One column is kept free so a cut title never runs into the year position.
    let width = usize::from(area.width).saturating_sub(position.chars().count() + 1);
    let style = if app.ui.palette.is_plain() {
        Style::default().add_modifier(Modifier::BOLD)
    } else {
        Style::default().fg(Color::Black).bg(Color::Cyan)
    };
    let line = Line::from(vec![
        Span::styled(
            format!("{:<width$} ", super::main::clip(&text, width)),
            style,
        ),
        Span::styled(position, style),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// The status bar: two lines, facts then hints.
pub fn render_status(frame: &mut Frame, area: Rect, app: &App) {
    let year = app.year();
    let mut facts = vec![Span::styled(
        format!(" {} ", year.name()),
        Style::default().add_modifier(Modifier::BOLD),
    )];
    if year.history.dirty() {
        let style = if app.ui.palette.is_plain() {
            Style::default().add_modifier(Modifier::BOLD)
        } else {
            Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD)
        };
        facts.push(Span::styled("[+] unsaved ", style));
    }
    if app.read_only() {
        facts.push(Span::styled(
            "[read-only] ",
            Style::default().add_modifier(Modifier::BOLD),
        ));
    }
    let others = app
        .unsaved()
        .into_iter()
        .filter(|&i| i != app.current)
        .count();
    if others > 0 {
        facts.push(Span::raw(format!("(+{others} other year unsaved) ")));
    }
    if app.ui.filter.is_active() {
        facts.push(Span::styled(
            format!("│ filter: {} ", app.ui.filter.describe()),
            Style::default().add_modifier(Modifier::BOLD),
        ));
    }
    if let Some(message) = &app.ui.message {
        let style = match (message.error, app.ui.palette.is_plain()) {
            (true, false) => Style::default().fg(Color::LightRed),
            (true, true) => Style::default().add_modifier(Modifier::BOLD),
            _ => Style::default(),
        };
        facts.push(Span::styled(format!("│ {}", message.text), style));
    }
    let facts = Line::from(facts);
    // A message too long for one line takes the hints' line too, rather than being cut.
    if facts.width() > usize::from(area.width) {
        frame.render_widget(Paragraph::new(facts).wrap(Wrap { trim: false }), area);
        return;
    }
    let hints = hint_spans(app);
    frame.render_widget(Paragraph::new(vec![facts, Line::from(hints)]), area);
}

fn hint(keys: String, what: String) -> [Span<'static>; 2] {
    [
        Span::styled(
            format!(" {keys}"),
            Style::default().add_modifier(Modifier::BOLD),
        ),
        Span::styled(
            format!(" {what} "),
            Style::default().add_modifier(Modifier::DIM),
        ),
    ]
}

fn command_hints(table: &[Binding], commands: &[Command]) -> Vec<Span<'static>> {
    commands
        .iter()
        .flat_map(|c| hint(first_key(table, *c), c.name().to_string()))
        .collect()
}

fn table_hints<'a>(tables: impl IntoIterator<Item = &'a [KeyHelp]>) -> Vec<Span<'static>> {
    tables
        .into_iter()
        .flatten()
        .filter(|k| !k.short.is_empty())
        .flat_map(|k| hint(k.keys.to_string(), k.short.to_string()))
        .collect()
}

/// The key hints for what has the keyboard: the popup on top, the screen, or the main screen;
/// from the same tables the keys are read from.
fn hint_spans(app: &App) -> Vec<Span<'static>> {
    match &app.ui.popup {
        Some(Popup::Rag(_)) => table_hints([RAG_KEYS]),
        Some(Popup::Text(field)) if field.form.multi_line() => {
            table_hints([MULTI_LINE_KEYS, FIELD_KEYS])
        }
        Some(Popup::Text(_) | Popup::Due(_) | Popup::Search { .. } | Popup::NewYear(_)) => {
            table_hints([ONE_LINE_KEYS, FIELD_KEYS])
        }
        Some(Popup::Git(dialog)) => table_hints([crate::tui::git_ui::hints(dialog)]),
        Some(Popup::Export(dialog)) => table_hints([super::export::hints(dialog)]),
        Some(Popup::Round(round)) if round.form.is_some() => {
            table_hints([MULTI_LINE_KEYS, FIELD_KEYS])
        }
        Some(Popup::Round(_)) => table_hints([crate::tui::round::ROUND_KEYS]),
        Some(Popup::Import(dialog)) => table_hints([crate::tui::import::hints(dialog)]),
        Some(Popup::Owners(_)) => table_hints([OWNERS_KEYS]),
        Some(Popup::FilterMenu) => table_hints([FILTER_KEYS]),
        Some(Popup::Report(_)) => table_hints([REPORT_KEYS]),
        Some(Popup::Revision(_)) => table_hints([crate::tui::forms::REVISION_KEYS]),
        Some(Popup::OwnerView(_)) => table_hints([PICKER_KEYS]),
        Some(Popup::Custom(..)) => table_hints([crate::tui::custom_fields::CUSTOM_KEYS]),
        Some(Popup::Help { .. }) => table_hints([VIEW_KEYS]),
        Some(Popup::Confirm(confirm)) => confirm
            .answers
            .iter()
            .flat_map(|(key, label, _)| hint(key.to_string(), label.clone()))
            .chain(hint("Esc".into(), "go back".into()))
            .collect(),
        None if app.ui.screen != Screen::Main => command_hints(SCREEN_BINDINGS, SCREEN_HINTS),
        None if app.ui.focus == Focus::Milestones => table_hints([MILESTONE_KEYS]),
        None if app.ui.focus == Focus::Measures => table_hints([MEASURE_KEYS]),
        None => command_hints(BINDINGS, HINTS),
    }
}
