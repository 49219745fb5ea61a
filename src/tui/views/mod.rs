//! Rendering: every view draws from `&App` only and never changes state (it records where
//! it drew the panes, for the mouse).

mod badge;
mod dashboard;
mod detail;
mod detail_fields;
mod export;
mod fields;
mod git;
mod help;
mod main;
mod popup;
mod review;
mod round;
mod status;

use super::app::{App, Screen};
use super::forms::Popup;
use super::year::Content;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub use help::help_height;

/// Draws a whole frame.
pub fn render(frame: &mut Frame, app: &App) {
    let [title, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(2),
    ])
    .areas(frame.area());
    status::render_title(frame, title, app);
    match &app.year().content {
        Content::Plan(file) => match app.ui.screen {
            Screen::Main => main::render_main(frame, body, app, &file.plan),
            Screen::Dashboard => dashboard::render_dashboard(frame, body, app, &file.plan),
            Screen::History | Screen::Stale if app.ui.versions.is_none() => {
                let text = "Reading the file's history from git…";
                frame.render_widget(Paragraph::new(text).block(Block::bordered()), body);
            }
            Screen::History => review::render_history(frame, body, app, &file.plan),
            Screen::Stale => review::render_stale(frame, body, app, &file.plan),
        },
        Content::Broken { diagnostics, .. } => {
            let mut lines = vec![
                Line::styled(
                    "This file has errors, so it is open read-only and will not be written.",
                    Style::default().add_modifier(Modifier::BOLD),
                ),
                Line::from(
                    "Fix it in a text editor (boardplan check lists the same errors): it reloads by itself once fixed.",
                ),
                Line::default(),
            ];
            lines.extend(
                diagnostics.iter().map(|d| {
                    Line::from(format!("line {}, column {}: {}", d.line, d.col, d.message))
                }),
            );
            let block = Block::default()
                .borders(Borders::ALL)
                .title(format!(" {} ", app.year().name()));
            frame.render_widget(
                Paragraph::new(lines)
                    .block(block)
                    .wrap(Wrap { trim: false }),
                body,
            );
        }
        Content::NotLoaded => frame.render_widget(Paragraph::new("Loading…"), body),
    }
    status::render_status(frame, status, app);
    popup::render_popup(frame, body, app);
    if let Some(Popup::Help { scroll }) = &app.ui.popup {
        help::render_help(frame, frame.area(), app, *scroll);
    }
}
