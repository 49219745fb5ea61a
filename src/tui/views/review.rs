//! The history screens: the file's commits with the selected action's rating and progress at
//! each, and the actions whose progress has gone unchanged for the most commits.

use super::badge::{action_badge, badge};
use super::main::clip;
use crate::model::Plan;
use crate::review::history::action_history;
use crate::text::first_line;
use crate::tui::app::App;
use crate::tui::stale::stale_rows;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

fn dim(text: String) -> Span<'static> {
    Span::styled(text, Style::default().add_modifier(Modifier::DIM))
}

/// Commits on the left; the selected action as of each on the right.
pub fn render_history(frame: &mut Frame, area: Rect, app: &App, plan: &Plan) {
    let Some(versions) = &app.ui.versions else {
        return;
    };
    let [commits_area, story_area] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area);
    let width = usize::from(commits_area.width).saturating_sub(4);
    let commits: Vec<Line> = versions
        .versions
        .iter()
        .map(|(c, _)| {
            Line::from(vec![
                Span::raw(format!("{} ", c.date)),
                dim(format!("{} ", &c.id[..c.id.len().min(7)])),
                Span::raw(clip(
                    &format!("{} — {}", c.subject, c.author),
                    width.saturating_sub(19),
                )),
            ])
        })
        .collect();
    let height = usize::from(area.height.saturating_sub(2));
    let scroll = app
        .ui
        .detail_scroll
        .min(commits.len().saturating_sub(height.saturating_sub(2)));
    let offset = u16::try_from(scroll).unwrap_or(u16::MAX);
    let title = format!(
        " {} commits of {} (last {}) · from {} · Ctrl-d/Ctrl-u scroll · Esc back ",
        versions.versions.len(),
        app.year().name(),
        super::super::history::DEPTH,
        scroll + 1
    );
    frame.render_widget(
        Paragraph::new(commits)
            .block(Block::default().borders(Borders::ALL).title(title))
            .scroll((offset, 0)),
        commits_area,
    );
    let Some(action) = app.selected_action().and_then(|p| plan.action(p)) else {
        return;
    };
    let mut lines = vec![
        Line::from(vec![
            action_badge(action, app.ui.no_color),
            Span::raw(format!(
                " now: {}",
                action
                    .progress
                    .as_deref()
                    .unwrap_or("(no progress)")
                    .replace('\n', " ")
            )),
        ]),
        Line::default(),
    ];
    for snapshot in action_history(&action.reference, &versions.versions) {
        let head = vec![
            Span::raw(format!("{} ", snapshot.commit.date)),
            badge(snapshot.rag, app.ui.no_color),
        ];
        let text = match (snapshot.present, &snapshot.progress) {
            (false, _) => dim(" not in this version".into()),
            (true, Some(progress)) => Span::raw(format!(" {}", progress.replace('\n', " "))),
            (true, None) => dim(" (no progress)".into()),
        };
        lines.push(Line::from([head, vec![text]].concat()));
    }
    let title = format!(
        " Action {} across commits · ↑↓ other actions · Enter opens ",
        action.reference
    );
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::default().borders(Borders::ALL).title(title))
            .scroll((offset, 0)),
        story_area,
    );
}

/// Actions ranked by how many commits their progress has stayed the same (ranked once per
/// change, not per frame), with a cursor.
pub fn render_stale(frame: &mut Frame, area: Rect, app: &App, plan: &Plan) {
    let Some(versions) = &app.ui.versions else {
        return;
    };
    let rows = stale_rows(app);
    let selected = app.ui.list.selected.min(rows.len().saturating_sub(1));
    let inner_height = usize::from(area.height.saturating_sub(3));
    let first = super::dashboard::window(Some(selected), inner_height);
    let width = usize::from(area.width).saturating_sub(56);
    let mut lines = vec![Line::styled(
        format!(
            "  {:<7} {:<12} {:<30} {}",
            "Ref", "RAG", "Progress unchanged", "Action"
        ),
        Style::default().add_modifier(Modifier::BOLD),
    )];
    for (i, row) in rows.iter().enumerate().skip(first).take(inner_height) {
        let Some(action) = plan.action(row.pos) else {
            continue;
        };
        let since = match (&row.since, row.at_least) {
            (Some(commit), true) => format!("since {} or before", commit.date),
            (Some(commit), false) => format!("since {} ({})", commit.date, row.unchanged_for),
            (None, _) => "changed since last commit".to_string(),
        };
        let chosen = i == selected;
        let line = Line::from(vec![
            Span::raw(if chosen { "▶ " } else { "  " }),
            Span::raw(format!("{:<7} ", clip(&action.reference, 7))),
            action_badge(action, app.ui.no_color),
            Span::raw(format!(
                "{:<9} {:<30} {}",
                "",
                clip(&since, 30),
                clip(first_line(&action.action), width)
            )),
        ]);
        lines.push(if chosen {
            line.style(Style::default().add_modifier(Modifier::REVERSED))
        } else {
            line
        });
    }
    let title = format!(
        " Not updated since · {}/{} · progress compared over the last {} commits · Enter opens · Esc back ",
        (selected + 1).min(rows.len()),
        rows.len(),
        versions.versions.len()
    );
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(title)),
        area,
    );
}
