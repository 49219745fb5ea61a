//! Draws the git popup: the commit message and meeting tag fields, git at work, and what it did.

use super::fields::render_text;
use super::popup::{boxed, centered, dim};
use super::rows::{Row, window};
use crate::review::merge::Side;
use crate::text::clip;
use crate::tui::git_resolve::{RESOLVE_KEYS, Resolving};
use crate::tui::git_ui::GitDialog;
use crate::tui::keymap::key_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Draws `dialog` over `area`.
pub fn render_git(frame: &mut Frame, area: Rect, dialog: &GitDialog) {
    match dialog {
        GitDialog::Commit(form) => render_text(
            frame,
            area,
            form,
            vec![dim(
                "Only this plan file is committed; other changes stay as they are.",
            )],
        ),
        GitDialog::Tag {
            form,
            uncommitted,
            meetings,
        } => {
            let mut extra: Vec<Line<'static>> = uncommitted
                .iter()
                .map(|f| {
                    Line::from(format!(
                        "⚠ {f} has changes not committed: they will not be in the tag (W commits first)"
                    ))
                })
                .collect();
            extra.push(dim("An existing tag is never moved."));
            if meetings.is_empty() {
                extra.push(dim("No meeting tagged yet."));
            } else {
                extra.push(dim(
                    "Meetings so far, newest first (date, the plan's version, tagged by, note):",
                ));
                let room = usize::from(area.height.saturating_sub(12)).max(2);
                extra.extend(
                    meetings
                        .iter()
                        .take(room)
                        .map(|m| Line::from(format!("  {m}"))),
                );
                if meetings.len() > room {
                    extra.push(dim(format!(
                        "  … and {} earlier (boardplan meeting --list shows all)",
                        meetings.len() - room
                    )));
                }
            }
            render_text(frame, area, form, extra);
        }
        GitDialog::Busy(what) => {
            let inner = boxed(frame, centered(area, 70, 5), "Git");
            let lines = vec![
                Line::from(what.clone()),
                dim("Esc hides this; the work goes on"),
            ];
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
        }
        GitDialog::Resolve(resolving) => render_resolve(frame, area, resolving),
        GitDialog::Outcome {
            title,
            lines,
            conflict,
        } => {
            let mut text: Vec<Line> = lines.iter().map(|l| Line::from(l.clone())).collect();
            text.push(Line::default());
            text.push(dim(if *conflict {
                "a abandon the merge (git merge --abort) · Esc close"
            } else {
                "Esc close"
            }));
            let width = area.width.saturating_sub(4).clamp(20, 96);
            let inside = usize::from(width.saturating_sub(2)).max(1);
            let rows: usize = text.iter().map(|l| l.width().div_ceil(inside).max(1)).sum();
            let height = u16::try_from(rows + 2).unwrap_or(u16::MAX);
            let inner = boxed(frame, centered(area, width, height), title);
            frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), inner);
        }
    }
}

/// The conflicts of a stopped merge, each in words with the side chosen for it.
fn render_resolve(frame: &mut Frame, area: Rect, resolving: &Resolving) {
    let total = resolving.choices.len();
    let title = format!(
        "Sync stopped: you and a colleague changed the same thing · {} of {total} chosen",
        resolving.chosen()
    );
    let inner = boxed(
        frame,
        area,
        &clip(&title, usize::from(area.width.saturating_sub(6))),
    );
    let rows = resolve_rows(resolving, usize::from(inner.width).max(1));
    let height = usize::from(inner.height.saturating_sub(1));
    let mut lines = window(rows, resolving.cursor, height);
    lines.push(match &resolving.error {
        Some(error) => Line::from(Span::styled(
            error.clone(),
            Style::default().fg(Color::LightRed),
        )),
        None => dim(key_line(RESOLVE_KEYS)),
    });
    frame.render_widget(Paragraph::new(lines), inner);
}

/// What to do, then each conflict: the side chosen, what it is about, its file.
fn resolve_rows(resolving: &Resolving, width: usize) -> Vec<Row> {
    let mut rows: Vec<Row> = vec![(
        None,
        dim(clip(
            "For each: m keeps yours, t takes theirs. Enter finishes the merge and sends it; a abandons it.",
            width,
        )),
    )];
    for (i, (path, block)) in resolving.blocks().enumerate() {
        let chosen = match resolving.choices.get(i).copied().flatten() {
            None => Span::raw("[  ?   ]"),
            Some(Side::Ours) => Span::styled("[mine  ]", Style::default().fg(Color::LightCyan)),
            Some(Side::Theirs) => {
                Span::styled("[theirs]", Style::default().fg(Color::LightMagenta))
            }
        };
        for (n, text) in block.describe().into_iter().enumerate() {
            let lead = if n == 0 {
                chosen.clone()
            } else {
                Span::raw("        ")
            };
            let text = clip(&format!(" {text}"), width.saturating_sub(9));
            rows.push((Some(i), Line::from(vec![lead, Span::raw(text)])));
        }
        rows.push((Some(i), dim(format!("         in {path}"))));
    }
    rows
}
