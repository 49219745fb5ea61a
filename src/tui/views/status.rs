//! The top title line and the bottom status bar: file, period, unsaved marker, filter,
//! message and key hints (from the keymap, so they match the real keys).

use crate::tui::app::App;
use crate::tui::keymap::{HINTS, first_key};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The title line: board, plan title, period, and where this year sits in the store.
pub fn render_title(frame: &mut Frame, area: Rect, app: &App) {
    let year = app.year();
    let text = match year.plan() {
        Some(plan) => format!(" {} · {} · {}", plan.board, plan.title, plan.period),
        None => format!(" {}", year.name()),
    };
    let position = format!("year {}/{} ([ ]) ", app.current + 1, app.years.len());
    let width = usize::from(area.width).saturating_sub(position.chars().count());
    let style = if app.ui.no_color {
        Style::default().add_modifier(Modifier::BOLD)
    } else {
        Style::default().fg(Color::Black).bg(Color::Cyan)
    };
    let line = Line::from(vec![
        Span::styled(
            format!("{:<width$}", super::main::clip(&text, width)),
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
        let style = if app.ui.no_color {
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
        let style = match (message.error, app.ui.no_color) {
            (true, false) => Style::default().fg(Color::LightRed),
            (true, true) => Style::default().add_modifier(Modifier::BOLD),
            _ => Style::default(),
        };
        facts.push(Span::styled(format!("│ {}", message.text), style));
    }
    let hints: Vec<Span> = HINTS
        .iter()
        .flat_map(|c| {
            [
                Span::styled(
                    format!(" {}", first_key(*c)),
                    Style::default().add_modifier(Modifier::BOLD),
                ),
                Span::styled(
                    format!(" {} ", c.name()),
                    Style::default().add_modifier(Modifier::DIM),
                ),
            ]
        })
        .collect();
    frame.render_widget(
        Paragraph::new(vec![Line::from(facts), Line::from(hints)]),
        area,
    );
}
