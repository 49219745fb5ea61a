//! Draws the popup on top: pickers, questions, the changes report; the editing forms are in
//! `fields`. Key hints come from the same key tables as the help.

use super::fields::{hint_line, render_due, render_owners, render_text};
use crate::model::Rag;
use crate::text::clip;
use crate::tui::Palette;
use crate::tui::app::App;
use crate::tui::forms::{Confirm, Picker, Popup, Report, RevisionPicker, TextForm, revision_line};
use crate::tui::keymap::{FILTER_KEYS, KeyHelp, PICKER_KEYS, RAG_KEYS, REPORT_KEYS};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
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

/// Clears `area`, draws a titled border round it, and returns the inside.
pub fn boxed(frame: &mut Frame, area: Rect, title: &str) -> Rect {
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {title} "));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// A dimmed line.
pub fn dim(text: impl Into<String>) -> Line<'static> {
    Line::from(Span::styled(
        text.into(),
        Style::default().add_modifier(Modifier::DIM),
    ))
}

fn bold(text: String) -> Span<'static> {
    Span::styled(text, Style::default().add_modifier(Modifier::BOLD))
}

/// Draws the popup, if any, over `area` (the body between title and status bar).
pub fn render_popup(frame: &mut Frame, area: Rect, app: &App) {
    match &app.ui.popup {
        None | Some(Popup::Help { .. }) => {}
        Some(Popup::Rag(_)) => render_rag(frame, area, app.ui.palette),
        Some(Popup::Text(field)) => render_text(frame, area, &field.form, Vec::new()),
        Some(Popup::Owners(field)) => render_owners(frame, area, &field.form),
        Some(Popup::Due(field)) => render_due(frame, area, &field.form),
        Some(Popup::Search { form, .. }) => render_search(frame, area, form, app.rows().len()),
        Some(Popup::FilterMenu) => render_filter_menu(frame, area),
        Some(Popup::OwnerView(picker)) => render_picker(frame, area, picker, PICKER_KEYS),
        Some(Popup::Custom(picker, _)) => {
            render_picker(frame, area, picker, crate::tui::custom_fields::CUSTOM_KEYS)
        }
        Some(Popup::Confirm(confirm)) => render_confirm(frame, area, confirm),
        Some(Popup::Report(report)) => render_report(frame, area, report),
        Some(Popup::Git(dialog)) => super::git::render_git(frame, area, dialog),
        Some(Popup::Export(dialog)) => super::export::render_export(frame, area, dialog),
        Some(Popup::Round(round)) => super::round::render_round(frame, area, app, round),
        Some(Popup::Import(dialog)) => super::import::render_import(frame, area, app, dialog),
        Some(Popup::NewYear(form)) => render_text(
            frame,
            area,
            form,
            vec![dim(
                "Unfinished actions are carried with their text, owners and due dates; blue ones are listed as completed.",
            )],
        ),
        Some(Popup::Revision(picker)) => {
            render_report(frame, area, &picker.back);
            render_text(frame, area, &picker.form, revision_lines(area, picker));
        }
    }
}

/// The revisions offered under the field (narrowed by what is typed), the chosen one marked,
/// scrolled to keep it in view, with its position.
fn revision_lines(area: Rect, picker: &RevisionPicker) -> Vec<Line<'static>> {
    if picker.offered.is_none() {
        return vec![dim("(reading tags, branches and recent commits…)")];
    }
    let shown = picker.shown();
    if shown.is_empty() {
        return vec![dim(
            "(no tag, branch or recent commit matches what is typed)",
        )];
    }
    let room = usize::from(area.height.saturating_sub(10)).max(3);
    let first = picker.chosen.map_or(0, |c| (c + 1).saturating_sub(room));
    let position = match picker.chosen {
        Some(c) => format!("{}/{}", c + 1, shown.len()),
        None => format!("{} offered", shown.len()),
    };
    let mut lines = vec![dim(format!(
        "or choose with ↑↓ ({position}): meetings, tags, branches, recent commits"
    ))];
    lines.extend(
        shown
            .iter()
            .map(|offered| revision_line(offered))
            .enumerate()
            .skip(first)
            .take(room)
            .map(|(i, line)| {
                let text = clip(&line, usize::from(area.width.saturating_sub(8)));
                if Some(i) == picker.chosen {
                    Line::from(Span::styled(
                        format!("▶ {text}"),
                        Style::default().add_modifier(Modifier::REVERSED),
                    ))
                } else {
                    // No-break spaces: the wrapping paragraph trims leading plain ones.
                    Line::from(format!("\u{a0}\u{a0}{text}"))
                }
            }),
    );
    lines
}

fn render_rag(frame: &mut Frame, area: Rect, palette: Palette) {
    let inner = boxed(frame, centered(area, 34, 9), "RAG rating");
    let mut lines: Vec<Line> = Rag::ALL
        .iter()
        .map(|rag| {
            let key = rag.as_str().chars().next().unwrap_or(' ');
            Line::from(vec![
                bold(format!(" {key} ")),
                super::badge::badge(Some(*rag), palette),
                Span::raw(format!(" {}", rag.as_str())),
            ])
        })
        .collect();
    lines.push(Line::from(vec![
        bold(" x ".into()),
        super::badge::badge(None, palette),
        Span::raw(" not yet rated"),
    ]));
    lines.push(dim(format!(" {}", hint_line(&RAG_KEYS[2..]))));
    frame.render_widget(Paragraph::new(lines), inner);
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
        &format!("Search all themes · {matches} matching · Enter keeps · Esc cancels"),
    );
    frame.render_widget(&form.area, inner);
}

fn render_filter_menu(frame: &mut Frame, area: Rect) {
    let inner = boxed(frame, centered(area, 52, 10), "Filter");
    let lines: Vec<Line> = FILTER_KEYS
        .iter()
        .map(|k| Line::from(vec![bold(format!(" {:<8}", k.keys)), Span::raw(k.long)]))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn render_picker(frame: &mut Frame, area: Rect, picker: &Picker, keys: &[KeyHelp]) {
    let popup = centered(area, 70, area.height.saturating_sub(2).max(6));
    let inner = boxed(frame, popup, &picker.title);
    let shown = picker.shown();
    let height = usize::from(inner.height.saturating_sub(3));
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
    lines.push(dim(format!(
        "{}/{} · {}",
        (picker.selected + 1).min(shown.len()),
        shown.len(),
        hint_line(keys)
    )));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn render_confirm(frame: &mut Frame, area: Rect, confirm: &Confirm) {
    let height = u16::try_from(confirm.lines.len() + confirm.answers.len() + 5).unwrap_or(10);
    let inner = boxed(frame, centered(area, 76, height), &confirm.title);
    let mut lines: Vec<Line> = confirm
        .lines
        .iter()
        .map(|l| Line::from(l.clone()))
        .collect();
    lines.push(Line::default());
    for (key, label, _) in &confirm.answers {
        lines.push(Line::from(vec![
            bold(format!(" {key} ")),
            Span::raw(label.clone()),
        ]));
    }
    lines.push(Line::from(vec![bold(" Esc ".into()), Span::raw("go back")]));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

/// The report's lines cut into rows of `width`, each with the line it belongs to.
fn report_rows(lines: &[String], width: usize) -> Vec<(usize, String)> {
    let width = width.max(1);
    let mut rows = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        if chars.is_empty() {
            rows.push((index, String::new()));
        }
        for chunk in chars.chunks(width) {
            rows.push((index, chunk.iter().collect()));
        }
    }
    rows
}

fn render_report(frame: &mut Frame, area: Rect, report: &Report) {
    let popup = centered(area, area.width.saturating_sub(4).max(20), area.height);
    let title = format!(
        "{} · line {}/{} · {}",
        report.title,
        report.cursor + 1,
        report.lines.len(),
        hint_line(REPORT_KEYS)
    );
    // Cut to the border with "…", so a long revision name shows it was cut.
    let title = clip(&title, usize::from(popup.width.saturating_sub(4)));
    let inner = boxed(frame, popup, &title);
    let rows = report_rows(&report.lines, usize::from(inner.width));
    let height = usize::from(inner.height).max(1);
    let cursor_first = rows
        .iter()
        .position(|(i, _)| *i == report.cursor)
        .unwrap_or(0);
    let cursor_last = rows
        .iter()
        .rposition(|(i, _)| *i == report.cursor)
        .unwrap_or(0);
    let first = (cursor_last + 1).saturating_sub(height).min(cursor_first);
    let lines: Vec<Line> = rows
        .iter()
        .skip(first)
        .take(height)
        .map(|(index, text)| {
            let style = if *index == report.cursor {
                Style::default().add_modifier(Modifier::REVERSED)
            } else {
                Style::default()
            };
            Line::from(Span::styled(text.clone(), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
