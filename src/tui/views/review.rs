//! The history screens: the file's commits with the selected action's rating and progress at
//! each, and the actions whose progress has gone unchanged for the most commits.

use super::badge::{action_badge, badge};
use super::main::clip;
use crate::model::{Action, Plan};
use crate::review::history::action_history;
use crate::text::first_line;
use crate::tui::Palette;
use crate::tui::app::App;
use crate::tui::history::Versions;
use crate::tui::stale::{StaleRow, stale_rows};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

fn dim(text: String) -> Span<'static> {
    Span::styled(text, Style::default().add_modifier(Modifier::DIM))
}

/// Commits on the left; the selected action as of each on the right, both scrolled together.
pub fn render_history(frame: &mut Frame, area: Rect, app: &App, plan: &Plan) {
    let Some(versions) = &app.ui.versions else {
        return;
    };
    let [commits_area, story_area] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area);
    let commits = commit_lines(versions, usize::from(commits_area.width).saturating_sub(4));
    let height = usize::from(area.height.saturating_sub(2));
    let scroll = app
        .ui
        .detail_scroll
        .min(commits.len().saturating_sub(height.saturating_sub(2)));
    let offset = u16::try_from(scroll).unwrap_or(u16::MAX);
    let title = format!(
        " {} commits · from {} · of {} (last {}) · Ctrl-d/Ctrl-u scroll · Esc back ",
        versions.versions.len(),
        scroll + 1,
        app.year().name(),
        super::super::history::DEPTH,
    );
    let title = clip(&title, usize::from(commits_area.width.saturating_sub(2)));
    frame.render_widget(
        Paragraph::new(commits)
            .block(Block::default().borders(Borders::ALL).title(title))
            .scroll((offset, 0)),
        commits_area,
    );
    let Some(action) = app.selected_action().and_then(|p| plan.action(p)) else {
        return;
    };
    let title = format!(
        " Action {} across commits · ↑↓ other actions · Enter opens ",
        action.reference
    );
    let title = clip(&title, usize::from(story_area.width.saturating_sub(2)));
    frame.render_widget(
        Paragraph::new(story_lines(action, versions, app.ui.palette))
            .wrap(Wrap { trim: false })
            .block(Block::default().borders(Borders::ALL).title(title))
            .scroll((offset, 0)),
        story_area,
    );
}

/// One line per commit: date, short id, subject and author, cut to `width`.
fn commit_lines(versions: &Versions, width: usize) -> Vec<Line<'static>> {
    versions
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
        .collect()
}

/// The action's rating and progress now, then as of each commit.
fn story_lines(action: &Action, versions: &Versions, palette: Palette) -> Vec<Line<'static>> {
    let now = action.progress.as_deref().unwrap_or("(no progress)");
    let mut lines = vec![
        Line::from(vec![
            action_badge(action, palette),
            Span::raw(format!(" now: {}", now.replace('\n', " "))),
        ]),
        Line::default(),
    ];
    for snapshot in action_history(&action.reference, &versions.versions) {
        let head = vec![
            Span::raw(format!("{} ", snapshot.commit.date)),
            badge(snapshot.rag, palette),
        ];
        let text = match (snapshot.present, &snapshot.progress) {
            (false, _) => dim(" not in this version".into()),
            (true, Some(progress)) => Span::raw(format!(" {}", progress.replace('\n', " "))),
            (true, None) => dim(" (no progress)".into()),
        };
        lines.push(Line::from([head, vec![text]].concat()));
    }
    lines
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
        if let Some(action) = plan.action(row.pos) {
            lines.push(stale_line(
                row,
                action,
                i == selected,
                width,
                app.ui.palette,
            ));
        }
    }
    let title = format!(
        " Not updated since · {}/{} · progress compared over the last {} commits · Enter opens · Esc back ",
        (selected + 1).min(rows.len()),
        rows.len(),
        versions.versions.len()
    );
    let title = clip(&title, usize::from(area.width.saturating_sub(2)));
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(title)),
        area,
    );
}

/// One row of "not updated since": ref, rating, since when, the action's first line.
fn stale_line(
    row: &StaleRow,
    action: &Action,
    chosen: bool,
    width: usize,
    palette: Palette,
) -> Line<'static> {
    let since = match (&row.since, row.at_least) {
        (Some(commit), true) => format!("since {} or before", commit.date),
        (Some(commit), false) => format!("since {} ({})", commit.date, row.unchanged_for),
        (None, _) => "changed since last commit".to_string(),
    };
    let line = Line::from(vec![
        Span::raw(if chosen { "▶ " } else { "  " }),
        Span::raw(format!("{:<7} ", clip(&action.reference, 7))),
        action_badge(action, palette),
        Span::raw(format!(
            "{:<9} {:<30} {}",
            "",
            clip(&since, 30),
            clip(first_line(&action.action), width)
        )),
    ]);
    if chosen {
        line.style(Style::default().add_modifier(Modifier::REVERSED))
    } else {
        line
    }
}
