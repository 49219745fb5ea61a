//! Draws the git popup: the commit message and meeting tag fields, git at work, and what it did.

use super::fields::render_text;
use super::popup::{boxed, centered, dim};
use crate::tui::git_ui::GitDialog;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
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
        GitDialog::Outcome {
            title,
            lines,
            conflict,
        } => {
            let mut text: Vec<Line> = lines.iter().map(|l| Line::from(l.clone())).collect();
            text.push(Line::default());
            text.push(dim(if *conflict {
                "m abandon the merge (git merge --abort) · Esc close"
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
