//! Draws the editing forms: a text field, the owners list, the due date with its preview.
//! The keys under each come from the forms' own key tables (the help reads the same tables).

use super::popup::{boxed, centered, dim};
use crate::tui::forms::{DUE_EXAMPLES, DueForm, OWNERS_KEYS, OwnersForm, TextForm};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub use crate::tui::keymap::key_line as hint_line;

fn error_line(error: &str) -> Line<'static> {
    Line::from(Span::styled(
        format!("✗ {error}"),
        Style::default().fg(Color::LightRed),
    ))
}

/// Rows `text` takes wrapped to `width`.
fn rows(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    u16::try_from(text.chars().count().div_ceil(width).max(1)).unwrap_or(1)
}

/// Draws a text field with `extra` lines under it (a preview, suggestions), then its hints.
pub fn render_text(frame: &mut Frame, area: Rect, form: &TextForm, extra: Vec<Line<'static>>) {
    let width = 90.min(area.width);
    let field_height: u16 = if form.multi_line() {
        area.height.saturating_sub(8).clamp(3, 16)
    } else {
        1
    };
    let hint = form.hint();
    let mut below = extra;
    if let Some(error) = &form.error {
        below.push(error_line(error));
    }
    let below_height = u16::try_from(below.len()).unwrap_or(0) + rows(&hint, width - 2);
    below.push(dim(hint));
    let inner = boxed(
        frame,
        centered(area, width, field_height + 3 + below_height),
        &form.title,
    );
    let [field, _, rest] = Layout::vertical([
        Constraint::Length(field_height),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    frame.render_widget(&form.area, field);
    frame.render_widget(Paragraph::new(below).wrap(Wrap { trim: true }), rest);
}

fn bold(chosen: bool) -> Style {
    let style = Style::default().add_modifier(Modifier::BOLD);
    if chosen {
        style.add_modifier(Modifier::REVERSED)
    } else {
        style
    }
}

/// The owners in the list, the chosen one marked, full names beside them.
fn owner_lines(form: &OwnersForm) -> Vec<Line<'static>> {
    if form.owners.is_empty() {
        return vec![dim("  (no owners yet)")];
    }
    let typing = !form.input.text().trim().is_empty();
    form.owners
        .iter()
        .enumerate()
        .map(|(i, owner)| {
            let chosen = i == form.selected && !typing;
            let mut line = vec![
                Span::raw(if chosen { "▶ " } else { "  " }),
                Span::styled(owner.clone(), bold(chosen)),
            ];
            if let Some(full) = form.full_name(owner) {
                line.push(Span::raw(format!("  {full}")));
            }
            Line::from(line)
        })
        .collect()
}

/// The completions of the name being typed that fit in `room` rows, the highlighted one kept
/// on screen, and a count when there are more.
fn suggestion_lines(form: &OwnersForm, room: usize) -> Vec<Line<'static>> {
    let suggestions = form.suggestions();
    let first = form
        .suggestion
        .map_or(0, |s| s.saturating_sub(room.saturating_sub(1)));
    let mut lines: Vec<Line<'static>> = suggestions
        .iter()
        .enumerate()
        .skip(first)
        .take(room)
        .map(|(i, (short, full))| {
            let note = if full.is_empty() {
                String::new()
            } else {
                format!("  {full}")
            };
            Line::from(vec![
                Span::styled(format!("  + {short}"), bold(form.suggestion == Some(i))),
                Span::raw(note),
            ])
        })
        .collect();
    if suggestions.len() > room {
        lines.push(dim(format!(
            "  {} completions in all (↑↓ to see them)",
            suggestions.len()
        )));
    }
    lines
}

/// Draws the owners list, the name being typed and its completions.
pub fn render_owners(frame: &mut Frame, area: Rect, form: &OwnersForm) {
    let lines = owner_lines(form);
    let width = 90.min(area.width);
    let hint = hint_line(OWNERS_KEYS);
    let mut below = vec![Line::default()];
    below.extend(suggestion_lines(
        form,
        usize::from(area.height.saturating_sub(12)).max(3),
    ));
    if let Some(error) = &form.error {
        below.push(error_line(error));
    }
    let below_height = u16::try_from(below.len()).unwrap_or(0) + rows(&hint, width - 2);
    below.push(dim(hint));
    let list_height = u16::try_from(lines.len()).unwrap_or(1);
    let inner = boxed(
        frame,
        centered(area, width, list_height + below_height + 3),
        &form.title,
    );
    let [list, input, rest] = Layout::vertical([
        Constraint::Length(list_height),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(lines), list);
    let [label, field] =
        Layout::horizontal([Constraint::Length(6), Constraint::Min(4)]).areas(input);
    frame.render_widget(Paragraph::new(dim("add: ")), label);
    frame.render_widget(&form.input.area, field);
    frame.render_widget(Paragraph::new(below).wrap(Wrap { trim: true }), rest);
}

/// Draws the due field with how the input will be stored.
pub fn render_due(frame: &mut Frame, area: Rect, form: &DueForm) {
    let preview = vec![Line::from(form.preview_line()), dim(DUE_EXAMPLES)];
    render_text(frame, area, &form.input, preview);
}
