//! Draws the update round: the action, the last meeting's rating and progress beside today's,
//! why it is in the round, and how many are left.

use super::badge::{action_badge, rating_words};
use super::fields::{hint_line, render_text};
use super::popup::{boxed, dim};
use crate::model::Action;
use crate::tui::app::App;
use crate::tui::round::{ROUND_KEYS, Round, reasons, then};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Draws `round` over `area`, with the progress editor on top when open.
pub fn render_round(frame: &mut Frame, area: Rect, app: &App, round: &Round) {
    let Some(plan) = app.plan() else { return };
    let Some(action) = round.current().and_then(|p| plan.action(p)) else {
        return;
    };
    let title = format!(
        "Update round since {} · {} of {} left · {}/{}",
        round.since,
        round.left(plan),
        round.items.len(),
        round.at + 1,
        round.items.len()
    );
    let inner = boxed(frame, area, &title);
    let before = then(round.base.as_ref(), action);
    let lines = round_lines(app, round, action, before);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    if let Some(form) = &round.form {
        render_text(frame, area, form, Vec::new());
    }
}

fn bold(text: impl Into<String>) -> Span<'static> {
    Span::styled(text.into(), Style::default().add_modifier(Modifier::BOLD))
}

fn round_lines(
    app: &App,
    round: &Round,
    action: &Action,
    before: Option<&Action>,
) -> Vec<Line<'static>> {
    let palette = app.ui.palette;
    let due = action
        .due
        .as_ref()
        .map_or("no due date".to_string(), |d| format!("due {d}"));
    let why = reasons(action, before, round.base.is_some(), app.today).join(", ");
    let mut lines = vec![
        Line::from(vec![
            bold(format!("Action {}", action.reference)),
            Span::raw(format!(
                "  ·  {due}  ·  owners: {}",
                action.owners.join(", ")
            )),
        ]),
        Line::from(action.action.clone()),
        dim(format!(
            "In the round because: {}",
            if why.is_empty() { "done now" } else { &why }
        )),
        Line::default(),
    ];
    match before {
        Some(then) => {
            lines.push(Line::from(vec![
                bold(format!("At {}: ", round.since)),
                action_badge(then, palette),
                Span::raw(format!(" {}", rating_words(then))),
            ]));
            lines.push(Line::from(progress(then)));
        }
        None => lines.push(dim(format!("Not in the plan at {}.", round.since))),
    }
    lines.push(Line::default());
    lines.push(Line::from(vec![
        bold("Now: "),
        action_badge(action, palette),
        Span::raw(format!(" {}", rating_words(action))),
    ]));
    lines.push(Line::from(progress(action)));
    lines.push(Line::default());
    lines.push(dim(hint_line(ROUND_KEYS)));
    lines
}

fn progress(action: &Action) -> String {
    format!(
        "  progress: {}",
        action.progress.as_deref().unwrap_or("(none yet)")
    )
}
