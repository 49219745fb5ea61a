//! The RAG dashboard: ratings per theme as bars, the overdue and unrated actions, the measures.

use super::badge::{action_badge, badge, color};
use super::main::clip;
use crate::model::{Action, ActionPos, Plan, Rag, RagSource};
use crate::text::first_line;
use crate::tui::Palette;
use crate::tui::app::App;
use crate::tui::screens::dashboard_entries;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// Draws the dashboard into `area`.
pub fn render_dashboard(frame: &mut Frame, area: Rect, app: &App, plan: &Plan) {
    let measures = plan.themes.iter().map(|t| t.measures.len()).sum::<usize>();
    let [top, bottom] = if measures > 0 {
        Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(area)
    } else {
        Layout::vertical([Constraint::Percentage(100), Constraint::Length(0)]).areas(area)
    };
    let [bars, lists] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(top);
    render_bars(frame, bars, app, plan);
    render_lists(frame, lists, app, plan);
    if measures > 0 {
        render_measures(frame, bottom, app, plan);
    }
}

/// A bar per theme (its ratings, scaled to the largest theme), then the plan's totals.
fn render_bars(frame: &mut Frame, area: Rect, app: &App, plan: &Plan) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Ratings per theme ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let label_width = usize::from(inner.width / 3).clamp(18, 50);
    let bar_width = usize::from(inner.width)
        .saturating_sub(label_width + 8)
        .max(4);
    let most = plan
        .themes
        .iter()
        .map(|t| t.actions.len())
        .max()
        .unwrap_or(1)
        .max(1);
    let scale = Scale {
        label_width,
        bar_width,
        most,
        palette: app.ui.palette,
    };
    let mut lines: Vec<Line> = plan.themes.iter().map(|t| theme_bar(t, &scale)).collect();
    let total = app.total_counts();
    lines.push(Line::default());
    lines.push(Line::from(format!(
        "All: {} actions · {} red · {} amber · {} green · {} blue · {} unrated",
        total.total(),
        total.red,
        total.amber,
        total.green,
        total.blue,
        total.unrated
    )));
    let derived = plan
        .actions()
        .filter(|(_, a)| matches!(a.effective_rag(), Some((_, RagSource::Milestones))))
        .count();
    if derived > 0 {
        let verb = if derived == 1 { "is" } else { "are" };
        lines.push(Line::from(format!(
            "{derived} of these ratings {verb} derived from milestones (lower-case badges)"
        )));
    }
    // The totals wrap on a narrow screen rather than being cut.
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// How the theme bars are laid out.
struct Scale {
    label_width: usize,
    bar_width: usize,
    /// The number of actions of the largest theme: a full bar.
    most: usize,
    palette: Palette,
}

/// A theme's label, its ratings as a bar of coloured cells (letters without colour), and its
/// number of actions.
fn theme_bar(theme: &crate::model::Theme, scale: &Scale) -> Line<'static> {
    let counts = theme.rag_counts();
    let label = clip(
        &format!("{} {}", theme.reference, theme.title),
        scale.label_width - 1,
    );
    let mut spans = vec![Span::raw(format!(
        "{label:<width$}",
        width = scale.label_width
    ))];
    for (rag, n) in [
        (Some(Rag::Red), counts.red),
        (Some(Rag::Amber), counts.amber),
        (Some(Rag::Green), counts.green),
        (Some(Rag::Blue), counts.blue),
        (None, counts.unrated),
    ] {
        let cells = (n * scale.bar_width).div_ceil(scale.most);
        if cells == 0 {
            continue;
        }
        spans.push(if scale.palette.is_plain() {
            Span::raw(rag.map_or('?', Rag::letter).to_string().repeat(cells))
        } else {
            Span::styled(
                "█".repeat(cells),
                Style::default().fg(rag.map_or(Color::DarkGray, color)),
            )
        });
    }
    spans.push(Span::raw(format!(" {}", counts.total())));
    Line::from(spans)
}

/// The first row to show of a list of `len` rows in `height` so that `selected` is visible.
pub fn window(selected: Option<usize>, height: usize) -> usize {
    selected.map_or(0, |s| (s + 1).saturating_sub(height.max(1)))
}

/// A list of actions in a bordered box, the cursor's row (if in this list) highlighted and
/// kept on screen; the title says where the cursor is. Only the rows on screen are drawn.
fn action_list(
    frame: &mut Frame,
    area: Rect,
    title: String,
    (plan, positions): (&Plan, &[ActionPos]),
    selected: Option<usize>,
    row: impl Fn(&Action) -> Line<'static>,
) {
    let height = usize::from(area.height.saturating_sub(2));
    let first = window(selected, height);
    let position = match selected {
        Some(s) => format!("{}/{}", s + 1, positions.len()),
        None => format!("{}", positions.len()),
    };
    let lines: Vec<Line> = positions
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .filter_map(|(i, pos)| Some((i, row(plan.action(*pos)?))))
        .map(|(i, line)| {
            let mut spans = vec![Span::raw(if Some(i) == selected { "▶" } else { " " })];
            spans.extend(line.spans);
            let line = Line::from(spans);
            if Some(i) == selected {
                line.style(Style::default().add_modifier(Modifier::REVERSED))
            } else {
                line
            }
        })
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {title}: {position} "));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn render_lists(frame: &mut Frame, area: Rect, app: &App, plan: &Plan) {
    let [overdue_area, unrated_area] =
        Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(area);
    let width = usize::from(area.width).saturating_sub(26);
    let entries = dashboard_entries(app);
    let (overdue, unrated) = (&entries.0, &entries.1);
    let selected = app.ui.list.selected;
    let palette = app.ui.palette;
    let in_overdue = (selected < overdue.len()).then_some(selected);
    action_list(
        frame,
        overdue_area,
        format!("Overdue on {}", app.today),
        (plan, overdue),
        in_overdue,
        |a| {
            let due = a.due.as_ref().map(|d| d.to_string()).unwrap_or_default();
            Line::from(vec![
                action_badge(a, palette),
                Span::raw(format!(
                    " {:<6} {due:<10} {}",
                    a.reference,
                    clip(first_line(&a.action), width)
                )),
            ])
        },
    );
    let in_unrated = selected
        .checked_sub(overdue.len())
        .filter(|&s| s < unrated.len());
    action_list(
        frame,
        unrated_area,
        "Not yet rated".into(),
        (plan, unrated),
        in_unrated,
        |a| {
            Line::from(format!(
                "{:<6} {}",
                a.reference,
                clip(first_line(&a.action), width + 14)
            ))
        },
    );
}

fn render_measures(frame: &mut Frame, area: Rect, app: &App, plan: &Plan) {
    let header = Line::from(format!(
        "{:<5} {:<40} {:>9} {:>9} {:>9} {:<8}",
        "Theme", "Measure", "Baseline", "Target", "Latest", "As of"
    ));
    let measures: Vec<_> = plan
        .themes
        .iter()
        .flat_map(|t| t.measures.iter().map(move |m| (t, m)))
        .collect();
    let height = usize::from(area.height.saturating_sub(3)).max(1);
    let first = app
        .ui
        .detail_scroll
        .min(measures.len().saturating_sub(height));
    let mut lines = vec![header];
    for (theme, m) in measures.iter().skip(first).take(height) {
        let value = |v: &Option<String>| clip(v.as_deref().unwrap_or("–"), 9);
        let as_of = m.as_of.as_ref().map(|d| d.to_string()).unwrap_or_default();
        lines.push(Line::from(vec![
            badge(m.rag, app.ui.palette),
            Span::raw(format!(
                " {:<3} {:<40} {:>9} {:>9} {:>9} {:<8}",
                clip(&theme.reference, 3),
                clip(&m.measure, 40),
                value(&m.baseline),
                value(&m.target),
                value(&m.latest),
                clip(&as_of, 8)
            )),
        ]));
    }
    let last = (first + height).min(measures.len());
    let title = format!(
        " Measures · {}–{last} of {} · Ctrl-d/Ctrl-u scroll ",
        (first + 1).min(last),
        measures.len()
    );
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(title)),
        area,
    );
}
