//! The detail pane: everything about the selected action (or theme), wrapped to fit.

use super::badge::{action_badge, badge};
use super::detail_fields::{custom_block, plan_lines};
use crate::model::{Action, Plan, Rag, RagSource, Theme};
use crate::tui::Palette;
use crate::tui::app::{App, Focus};
use crate::tui::keymap::{MEASURE_KEYS, MILESTONE_KEYS, keys_only};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// Draws the detail pane for the selection, scrolled to `app.ui.detail_scroll` (with the
/// milestones or measures list focused, the selected item is marked and kept on screen);
/// returns the pane's inside and how many rows its text takes.
pub fn render_detail(frame: &mut Frame, area: Rect, app: &App, plan: &Plan) -> (Rect, usize) {
    let theme = app.selected_theme().and_then(|t| plan.themes.get(t));
    let action = app.selected_action().and_then(|p| plan.action(p));
    let (title, lines) = match (app.ui.focus, theme, action) {
        (Focus::Measures, _, _) => match plan.themes.get(app.ui.measures_theme) {
            Some(theme) => (
                format!(
                    " Measures of theme {} · {} ",
                    theme.reference,
                    keys_only(MEASURE_KEYS)
                ),
                theme_lines(app, theme),
            ),
            None => (" Plan ".into(), plan_lines(plan, app.ui.palette)),
        },
        (Focus::Milestones, _, Some(action)) => (
            format!(
                " Milestones of {} · {} ",
                action.reference,
                keys_only(MILESTONE_KEYS)
            ),
            action_lines(app, plan, action),
        ),
        (Focus::Themes, Some(theme), _) | (Focus::Actions, Some(theme), None) => (
            format!(" Theme {} ", theme.reference),
            theme_lines(app, theme),
        ),
        (Focus::Themes, None, _) => (
            // The keys only, so the scroll position fits beside them at 80 columns; the help
            // (and a key that does nothing here) says what each edits.
            " The plan · e p O d n w V F ".into(),
            plan_lines(plan, app.ui.palette),
        ),
        (_, _, Some(action)) => (
            format!(" Action {} ", action.reference),
            action_lines(app, plan, action),
        ),
        _ => (" Plan ".into(), plan_lines(plan, app.ui.palette)),
    };
    let height = usize::from(area.height.saturating_sub(2));
    let marked = lines
        .iter()
        .position(|l| l.spans.first().is_some_and(|s| s.content == MARK));
    let inner = Block::bordered().inner(area);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = paragraph.line_count(inner.width.max(1));
    let last = total.saturating_sub(height);
    let scroll = match marked {
        Some(at) => (at + 3).saturating_sub(height),
        None => app.ui.detail_scroll.min(last),
    };
    let title = if total > height {
        let shown = (scroll + height).min(total);
        format!(
            "{title}· lines {}–{shown} of {total} · Ctrl-d/Ctrl-u ",
            scroll + 1
        )
    } else {
        title
    };
    let block = Block::default().borders(Borders::ALL).title(title);
    let paragraph = paragraph
        .block(block)
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0));
    frame.render_widget(paragraph, area);
    (inner, total)
}

/// Marks the selected milestone or measure.
const MARK: &str = "▶";

/// The mark (or the space for it) in front of item `index` of a list focused as `list`.
fn mark(app: &App, list: Focus, index: usize) -> Span<'static> {
    if app.ui.focus == list && app.year().cursor.item == index {
        Span::styled(
            MARK,
            Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        )
    } else {
        Span::raw(" ")
    }
}

/// A section's title in the pane.
pub(super) fn heading(text: &str, palette: Palette) -> Line<'static> {
    let style = if palette.is_plain() {
        Style::default().add_modifier(Modifier::BOLD)
    } else {
        Style::default()
            .fg(Color::Cyan)
            .add_modifier(Modifier::BOLD)
    };
    Line::from(Span::styled(text.to_string(), style))
}

fn text_block(lines: &mut Vec<Line<'static>>, title: &str, text: Option<&str>, palette: Palette) {
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
        return;
    };
    lines.push(heading(title, palette));
    lines.extend(text.lines().map(|l| Line::from(l.to_string())));
    lines.push(Line::default());
}

fn owners_text(plan: &Plan, owners: &[String]) -> String {
    let names: Vec<String> = owners
        .iter()
        .map(|o| match plan.owner_full_name(o) {
            Some(full) => format!("{o} ({full})"),
            None => o.clone(),
        })
        .collect();
    names.join(", ")
}

fn action_lines(app: &App, plan: &Plan, action: &Action) -> Vec<Line<'static>> {
    let palette = app.ui.palette;
    let mut status = vec![action_badge(action, palette), Span::raw(" ")];
    status.push(Span::raw(rating_text(action)));
    if let Some(due) = &action.due {
        status.push(Span::raw(format!("  ·  due {due}")));
        if action.is_overdue(app.today) {
            let style = if palette.is_plain() {
                Style::default().add_modifier(Modifier::BOLD)
            } else {
                Style::default().fg(Color::LightRed)
            };
            status.push(Span::styled("  OVERDUE", style));
        } else if due.is_free_text() {
            status.push(Span::styled(
                "  (not a date)",
                Style::default().add_modifier(Modifier::DIM),
            ));
        }
    }
    let mut lines = vec![Line::from(status), Line::default()];
    if app.ui.focus == Focus::Milestones {
        lines.extend(milestones_block(app, action));
    }
    text_block(&mut lines, "Action", Some(&action.action), palette);
    if !action.owners.is_empty() {
        text_block(
            &mut lines,
            "Owners",
            Some(&owners_text(plan, &action.owners)),
            palette,
        );
    }
    text_block(&mut lines, "Outcome", action.outcome.as_deref(), palette);
    text_block(&mut lines, "Progress", action.progress.as_deref(), palette);
    if app.ui.focus != Focus::Milestones {
        lines.extend(milestones_block(app, action));
    }
    text_block(&mut lines, "Notes", action.notes.as_deref(), palette);
    custom_block(&mut lines, action.custom.as_ref(), palette);
    lines
}

/// The action's rating in words; one derived from its milestones is marked so and names the
/// milestones (numbered from 1) that give it.
fn rating_text(action: &Action) -> String {
    match action.effective_rag() {
        Some((rag, RagSource::Own)) => rag.as_str().to_string(),
        Some((rag, RagSource::Milestones)) => {
            let from: Vec<String> = (1..)
                .zip(&action.milestones)
                .filter(|(_, m)| m.rag == Some(rag))
                .map(|(n, _)| n.to_string())
                .collect();
            let which = match from.as_slice() {
                _ if rag == Rag::Blue => "its milestones, all complete".to_string(),
                [one] => format!("milestone {one}"),
                many => format!("milestones {}", many.join(", ")),
            };
            format!("{rag} — derived from {which} (no rating of its own)")
        }
        None => "not yet rated".into(),
    }
}

/// The milestones, each with its rating, owners, due date and progress.
fn milestones_block(app: &App, action: &Action) -> Vec<Line<'static>> {
    let palette = app.ui.palette;
    let mut lines = Vec::new();
    if action.milestones.is_empty() && app.ui.focus == Focus::Milestones {
        lines.push(heading("Milestones", palette));
        lines.push(Line::from(vec![
            Span::styled(MARK, Style::default().add_modifier(Modifier::DIM)),
            Span::raw(" (none yet: a adds one)"),
        ]));
    }
    if !action.milestones.is_empty() {
        lines.push(heading("Milestones", palette));
        for (index, milestone) in action.milestones.iter().enumerate() {
            let mut line = vec![
                mark(app, Focus::Milestones, index),
                badge(milestone.rag, palette),
                Span::raw(format!(" {}", milestone.milestone.replace('\n', " "))),
            ];
            let mut facts = Vec::new();
            if !milestone.owners.is_empty() {
                facts.push(milestone.owners.join(", "));
            }
            if let Some(due) = &milestone.due {
                facts.push(format!("due {due}"));
            }
            if !facts.is_empty() {
                line.push(Span::styled(
                    format!(" — {}", facts.join(", ")),
                    Style::default().add_modifier(Modifier::DIM),
                ));
            }
            lines.push(Line::from(line));
            if let Some(progress) = &milestone.progress {
                lines.push(Line::from(format!("    {}", progress.replace('\n', " "))));
            }
        }
        lines.push(Line::default());
    }
    lines
}

/// The measures, each with its rating, baseline, target and latest figure.
fn measures_block(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let palette = app.ui.palette;
    let mut lines = Vec::new();
    if theme.measures.is_empty() && app.ui.focus == Focus::Measures {
        lines.push(heading("Measures", palette));
        lines.push(Line::from(vec![
            Span::styled(MARK, Style::default().add_modifier(Modifier::DIM)),
            Span::raw(" (none yet: a adds one)"),
        ]));
    }
    if !theme.measures.is_empty() {
        lines.push(heading("Measures", palette));
        for (index, m) in theme.measures.iter().enumerate() {
            let value = |v: &Option<String>| v.clone().unwrap_or_else(|| "–".into());
            let as_of = m
                .as_of
                .as_ref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            lines.push(Line::from(vec![
                mark(app, Focus::Measures, index),
                badge(m.rag, palette),
                Span::raw(format!(" {}", m.measure)),
            ]));
            lines.push(Line::from(format!(
                "    baseline {} · target {} · latest {}{as_of}",
                value(&m.baseline),
                value(&m.target),
                value(&m.latest)
            )));
        }
    }
    lines
}

fn theme_lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let palette = app.ui.palette;
    let counts = theme.rag_counts();
    let derived = theme
        .actions
        .iter()
        .filter(|a| matches!(a.effective_rag(), Some((_, RagSource::Milestones))))
        .count();
    let derived = if derived > 0 {
        format!(" ({derived} derived from milestones)")
    } else {
        String::new()
    };
    let summary = format!(
        "{} actions{derived}: {} red, {} amber, {} green, {} blue, {} unrated; {} overdue",
        counts.total(),
        counts.red,
        counts.amber,
        counts.green,
        counts.blue,
        counts.unrated,
        theme
            .actions
            .iter()
            .filter(|a| a.is_overdue(app.today))
            .count()
    );
    let mut lines = vec![
        Line::from(vec![
            badge(theme.rag, palette),
            Span::raw(format!(" {summary}")),
        ]),
        Line::default(),
    ];
    if app.ui.focus == Focus::Measures {
        lines.extend(measures_block(app, theme));
    }
    text_block(&mut lines, "Title", Some(&theme.title), palette);
    text_block(
        &mut lines,
        "Description",
        theme.description.as_deref(),
        palette,
    );
    text_block(&mut lines, "Strategic lead", theme.lead.as_deref(), palette);
    text_block(
        &mut lines,
        "Accountable",
        theme.accountable.as_deref(),
        palette,
    );
    if app.ui.focus != Focus::Measures {
        lines.extend(measures_block(app, theme));
        if !theme.measures.is_empty() && theme.custom.is_some() {
            lines.push(Line::default());
        }
    }
    custom_block(&mut lines, theme.custom.as_ref(), palette);
    lines
}
