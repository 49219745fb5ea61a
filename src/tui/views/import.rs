//! Draws the pack import: the chooser (the pack files found, marked ones ticked, a path
//! field), and the review (each proposed change with the plan's value now and the lead's, its
//! decision; then the conflicts and problems, which cannot be accepted).

use super::fields::{hint_line, render_text};
use super::popup::{boxed, dim};
use super::rows::{Row, window};
use crate::model::Plan;
use crate::text::clip;
use crate::tui::app::App;
use crate::tui::fields::current_value;
use crate::tui::forms::Target;
use crate::tui::import::{Decision, ImportDialog, Pick, REVIEW_KEYS, Review, shown_value};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws `dialog` over `area`.
pub fn render_import(frame: &mut Frame, area: Rect, app: &App, dialog: &ImportDialog) {
    match dialog {
        ImportDialog::Pick(pick) => render_pick(frame, area, pick),
        ImportDialog::Review(review) => {
            if let Some(plan) = app.plan() {
                render_review(frame, area, plan, review);
            }
        }
    }
}

fn render_pick(frame: &mut Frame, area: Rect, pick: &Pick) {
    let width = usize::from(area.width.saturating_sub(10));
    let mut lines = Vec::new();
    if pick.found.is_empty() {
        lines.push(dim(
            "(no .csv or .xlsx files beside the plan or in a packs folder: type a path)",
        ));
    } else {
        lines.push(dim(
            "Pack files found beside the plan and in packs folders:",
        ));
        let room = usize::from(area.height.saturating_sub(10)).max(3);
        let first = pick.cursor.map_or(0, |c| (c + 1).saturating_sub(room));
        for (i, path) in pick.found.iter().enumerate().skip(first).take(room) {
            // The form's paragraph trims leading spaces: every row starts with a mark.
            let mark = if pick.marked.contains(&i) {
                "[✓]"
            } else {
                "[ ]"
            };
            let text = clip(&path.display().to_string(), width);
            if Some(i) == pick.cursor {
                lines.push(Line::from(Span::styled(
                    format!("▶ {mark} {text}"),
                    Style::default().add_modifier(Modifier::REVERSED),
                )));
            } else {
                lines.push(Line::from(format!("· {mark} {text}")));
            }
        }
    }
    lines.push(dim(
        "Tab marks several packs; a typed path (several separated by ;) is read too.",
    ));
    render_text(frame, area, &pick.form, lines);
}

/// The review's lines: where the changes come from, the changes, the conflicts, the problems.
fn review_lines(plan: &Plan, review: &Review, width: usize) -> Vec<Row> {
    let packs: Vec<String> = review
        .files
        .iter()
        .map(|f| match review.leads.get(f) {
            Some(lead) if !lead.is_empty() => format!("{f} ({lead})"),
            _ => f.clone(),
        })
        .collect();
    let mut lines = vec![(
        None,
        dim(clip(&format!("From {}", packs.join(", ")), width)),
    )];
    for note in &review.notes {
        lines.push((None, dim(clip(note, width))));
    }
    if review.changes.is_empty() {
        lines.push((None, dim("No change to apply.")));
    }
    for i in 0..review.changes.len() {
        change_lines(plan, review, i, width, &mut lines);
    }
    other_lines(review, width, &mut lines);
    lines
}

/// One change: its decision, ref, field, the value now and the lead's, who sent it; the
/// selected one also in full, wrapped.
fn change_lines(plan: &Plan, review: &Review, i: usize, width: usize, lines: &mut Vec<Row>) {
    let (change, decision) = &review.changes[i];
    let now = current_value(plan, Target::Action(change.at, change.field))
        .map_or_else(|| "(none)".to_string(), |v| shown_value(&v));
    let new = shown_value(&change.value);
    let (mark, colour) = match decision {
        Decision::Open => ("[ ]", Color::Reset),
        Decision::Accept => ("[✓]", Color::LightGreen),
        Decision::Reject => ("[✗]", Color::LightRed),
    };
    let text = format!(
        " {} {}: {} → {}",
        change.reference,
        change.field,
        clip(&now, width / 3),
        new
    );
    let clipped = clip(&text, width.saturating_sub(4));
    let cut = clipped != text;
    lines.push((
        Some(i),
        Line::from(vec![
            Span::styled(mark, Style::default().fg(colour)),
            Span::raw(clipped),
        ]),
    ));
    if cut && i == review.cursor {
        for (label, value) in [("now", &now), ("new", &new)] {
            for piece in wrapped(&format!("{label}: {value}"), width.saturating_sub(6)) {
                lines.push((Some(i), Line::from(format!("      {piece}"))));
            }
        }
    }
    let from = format!("      from {}", review.sent_by(change));
    lines.push((Some(i), dim(clip(&from, width))));
}

/// `text` cut into pieces of at most `width` characters.
fn wrapped(text: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .chunks(width.max(1))
        .map(|c| c.iter().collect())
        .collect()
}

/// The conflicts and the problems, each under its heading.
fn other_lines(review: &Review, width: usize, lines: &mut Vec<Row>) {
    let first_conflict = review.changes.len();
    if !review.conflicts.is_empty() {
        lines.push((None, Line::default()));
        lines.push((
            None,
            heading("Conflicts (never applied; settle them by hand):"),
        ));
    }
    for (i, conflict) in review.conflicts.iter().enumerate() {
        for (n, text) in conflict.to_string().lines().enumerate() {
            let text = if n == 0 {
                format!("!  {text}")
            } else {
                format!("  {text}")
            };
            lines.push((Some(first_conflict + i), Line::from(clip(&text, width))));
        }
    }
    let first_problem = first_conflict + review.conflicts.len();
    if !review.problems.is_empty() {
        lines.push((None, Line::default()));
        lines.push((
            None,
            heading("Problems (nothing is applied until the packs are corrected):"),
        ));
    }
    for (i, problem) in review.problems.iter().enumerate() {
        let text = format!("✗  {problem}");
        lines.push((Some(first_problem + i), Line::from(clip(&text, width))));
    }
}

fn heading(text: &str) -> Line<'static> {
    Line::from(Span::styled(
        text.to_string(),
        Style::default().add_modifier(Modifier::BOLD),
    ))
}

fn render_review(frame: &mut Frame, area: Rect, plan: &Plan, review: &Review) {
    let popup = area;
    let title = format!(
        "Import packs · {} change{} proposed, {} accepted · {} conflict{} · {} problem{}",
        review.changes.len(),
        plural(review.changes.len()),
        review.accepted(),
        review.conflicts.len(),
        plural(review.conflicts.len()),
        review.problems.len(),
        plural(review.problems.len()),
    );
    let inner = boxed(
        frame,
        popup,
        &clip(&title, usize::from(area.width).saturating_sub(6)),
    );
    let width = usize::from(inner.width).max(1);
    let lines = review_lines(plan, review, width);
    let height = usize::from(inner.height.saturating_sub(1));
    let mut shown = window(lines, review.cursor, height);
    shown.push(dim(hint_line(REVIEW_KEYS)));
    frame.render_widget(Paragraph::new(shown), inner);
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}
