//! Draws the popup on top: pickers, text fields, questions.

use crate::model::Rag;
use crate::tui::app::App;
use crate::tui::forms::{Confirm, DueForm, OwnersForm, Picker, Popup, TextForm};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

/// A rectangle of at most `width` x `height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

fn boxed(frame: &mut Frame, area: Rect, title: &str) -> Rect {
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {title} "));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

fn dim(text: impl Into<String>) -> Line<'static> {
    Line::from(Span::styled(
        text.into(),
        Style::default().add_modifier(Modifier::DIM),
    ))
}

/// Draws the popup, if any, over `area` (the body between title and status bar).
pub fn render_popup(frame: &mut Frame, area: Rect, app: &App) {
    match &app.ui.popup {
        None | Some(Popup::Help { .. }) => {}
        Some(Popup::Rag(_)) => render_rag(frame, area, app.ui.no_color),
        Some(Popup::Text(form)) => render_text(frame, area, form, None),
        Some(Popup::Owners(form)) => render_owners(frame, area, form),
        Some(Popup::Due(form)) => render_due(frame, area, form),
        Some(Popup::Search { form, .. }) => render_search(frame, area, form, app.rows().len()),
        Some(Popup::FilterMenu) => render_filter_menu(frame, area),
        Some(Popup::OwnerView(picker)) => render_picker(frame, area, picker),
        Some(Popup::Confirm(confirm)) => render_confirm(frame, area, confirm),
        Some(Popup::Report {
            title,
            lines,
            scroll,
        }) => render_report(frame, area, title, lines, *scroll),
        Some(Popup::Revision(form)) => render_text(frame, area, form, None),
    }
}

fn render_rag(frame: &mut Frame, area: Rect, no_color: bool) {
    let inner = boxed(frame, centered(area, 30, 9), "RAG rating");
    let mut lines: Vec<Line> = Rag::ALL
        .iter()
        .map(|rag| {
            let key = rag.as_str().chars().next().unwrap_or(' ');
            Line::from(vec![
                Span::styled(
                    format!(" {key} "),
                    Style::default().add_modifier(Modifier::BOLD),
                ),
                super::badge::badge(Some(*rag), no_color),
                Span::raw(format!(" {}", rag.as_str())),
            ])
        })
        .collect();
    lines.push(Line::from(vec![
        Span::styled(" x ", Style::default().add_modifier(Modifier::BOLD)),
        super::badge::badge(None, no_color),
        Span::raw(" not yet rated"),
    ]));
    lines.push(dim(" Esc cancel"));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn render_text(frame: &mut Frame, area: Rect, form: &TextForm, extra: Option<Vec<Line<'static>>>) {
    let extra = extra.unwrap_or_default();
    let field_height: u16 = if form.multi_line {
        area.height.saturating_sub(8).clamp(3, 16)
    } else {
        1
    };
    let extra_height = u16::try_from(extra.len()).unwrap_or(0);
    let height = field_height + 4 + extra_height;
    let inner = boxed(frame, centered(area, 90, height), &form.title);
    let [field, gap, below] = Layout::vertical([
        Constraint::Length(field_height),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    frame.render_widget(&form.area, field);
    let _ = gap;
    let mut lines = extra;
    if let Some(error) = &form.error {
        lines.push(Line::from(Span::styled(
            format!("✗ {error}"),
            Style::default().fg(Color::LightRed),
        )));
    }
    lines.push(dim(form.hint()));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), below);
}

fn render_owners(frame: &mut Frame, area: Rect, form: &OwnersForm) {
    let suggestions = form.suggestions();
    let mut extra: Vec<Line<'static>> = suggestions
        .iter()
        .map(|(short, full)| {
            let note = if full.is_empty() {
                String::new()
            } else {
                format!("  {full}")
            };
            Line::from(vec![
                Span::styled(
                    format!("  {short}"),
                    Style::default().add_modifier(Modifier::BOLD),
                ),
                Span::raw(note),
            ])
        })
        .collect();
    if !extra.is_empty() {
        extra.push(dim("Tab completes the first suggestion"));
    }
    render_text(frame, area, &form.input, Some(extra));
}

fn render_due(frame: &mut Frame, area: Rect, form: &DueForm) {
    let preview = vec![
        Line::from(form.preview_line()),
        dim("e.g. 31 July 2013 · 31/07/2013 · March 2014 · ongoing · empty clears"),
    ];
    render_text(frame, area, &form.input, Some(preview));
}

fn render_search(frame: &mut Frame, area: Rect, form: &TextForm, matches: usize) {
    let bar = Rect {
        y: area.y + area.height.saturating_sub(3),
        height: 3.min(area.height),
        ..area
    };
    let inner = boxed(
        frame,
        bar,
        &format!("Search · {matches} matching · Enter keeps · Esc cancels"),
    );
    frame.render_widget(&form.area, inner);
}

fn render_filter_menu(frame: &mut Frame, area: Rect) {
    let inner = boxed(frame, centered(area, 44, 12), "Filter");
    let entries = [
        ("r a g b", "only red / amber / green / blue"),
        ("u", "only unrated"),
        ("o", "only overdue"),
        ("G", "only green but overdue"),
        ("c", "clear every filter"),
        ("Esc", "close"),
    ];
    let lines: Vec<Line> = entries
        .iter()
        .map(|(k, what)| {
            Line::from(vec![
                Span::styled(
                    format!(" {k:<8}"),
                    Style::default().add_modifier(Modifier::BOLD),
                ),
                Span::raw(*what),
            ])
        })
        .chain([dim(" a key again turns its filter off")])
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn render_picker(frame: &mut Frame, area: Rect, picker: &Picker) {
    let popup = centered(area, 70, area.height.saturating_sub(2).max(6));
    let inner = boxed(frame, popup, &picker.title);
    let shown = picker.shown();
    let height = usize::from(inner.height.saturating_sub(2));
    let first = picker.selected.saturating_sub(height.saturating_sub(1));
    let mut lines = vec![
        Line::from(vec![
            Span::styled(
                "Type to narrow: ",
                Style::default().add_modifier(Modifier::DIM),
            ),
            Span::raw(picker.query.clone()),
        ]),
        Line::default(),
    ];
    for (i, (name, note)) in shown.iter().enumerate().skip(first).take(height) {
        let style = if i == picker.selected {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default()
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {name} "), style.add_modifier(Modifier::BOLD)),
            Span::styled(format!(" {note}"), style),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn render_confirm(frame: &mut Frame, area: Rect, confirm: &Confirm) {
    let height = u16::try_from(confirm.lines.len() + confirm.answers.len() + 5).unwrap_or(10);
    let inner = boxed(frame, centered(area, 72, height), &confirm.title);
    let mut lines: Vec<Line> = confirm
        .lines
        .iter()
        .map(|l| Line::from(l.clone()))
        .collect();
    lines.push(Line::default());
    for (key, label, _) in &confirm.answers {
        lines.push(Line::from(vec![
            Span::styled(
                format!(" {key} "),
                Style::default().add_modifier(Modifier::BOLD),
            ),
            Span::raw(label.clone()),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled(" Esc ", Style::default().add_modifier(Modifier::BOLD)),
        Span::raw("go back"),
    ]));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

fn render_report(frame: &mut Frame, area: Rect, title: &str, lines: &[String], scroll: usize) {
    let popup = centered(area, area.width.saturating_sub(4).max(20), area.height);
    let inner = boxed(frame, popup, title);
    let lines: Vec<Line> = lines.iter().map(|l| Line::from(l.clone())).collect();
    let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        inner,
    );
}
