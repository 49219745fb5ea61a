//! Parts of the detail pane for what a plan keeps beyond its fixed fields: a board's own fields
//! (`custom:`) under their keys, with lists and mappings marked read-only; the plan's own
//! fields, its author and version history.

use super::detail::heading;
use crate::model::{CustomValue, HistoryEntry, Plan};
use crate::tui::Palette;
use crate::tui::custom_fields::{kind, label};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// The custom fields, each under its key as a label, its value indented below; a list or
/// mapping says it is edited in a text editor.
pub fn custom_block(
    lines: &mut Vec<Line<'static>>,
    custom: Option<&CustomValue>,
    palette: Palette,
) {
    let Some(CustomValue::Map(entries)) = custom else {
        return;
    };
    if entries.is_empty() {
        return;
    }
    lines.push(heading("Custom fields · F edits", palette));
    for (key, value) in entries {
        let mut head = vec![Span::styled(
            label(key),
            Style::default().add_modifier(Modifier::BOLD),
        )];
        if let Some(kind) = kind(value) {
            head.push(Span::styled(
                format!("  ({kind}: read-only here; edit it in a text editor)"),
                Style::default().add_modifier(Modifier::DIM),
            ));
        }
        lines.push(Line::from(head));
        let text = value.as_text();
        if text.trim().is_empty() {
            lines.push(Line::styled(
                "  (empty)",
                Style::default().add_modifier(Modifier::DIM),
            ));
        }
        lines.extend(text.lines().map(|l| Line::from(format!("  {l}"))));
    }
    lines.push(Line::default());
}

/// The plan itself (the "All themes" row): title, board, version, vision, glossary and its
/// own custom fields.
pub fn plan_lines(plan: &Plan, palette: Palette) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::from(plan.title.clone()),
        Line::from(plan.board.clone()),
        Line::default(),
    ];
    let facts: Vec<String> = [
        plan.version.as_ref().map(|v| format!("version {v}")),
        plan.date.as_ref().map(|d| format!("dated {d}")),
        plan.author.as_ref().map(|a| format!("by {a}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !facts.is_empty() {
        lines.push(Line::from(facts.join(" · ")));
        lines.push(Line::default());
    }
    if let Some(vision) = &plan.vision {
        lines.extend(vision.lines().map(|l| Line::from(l.to_string())));
        lines.push(Line::default());
    }
    if !plan.owners.is_empty() {
        lines.push(Line::from("Owners glossary"));
        lines.extend(
            plan.owners
                .iter()
                .map(|e| Line::from(format!("  {}: {}", e.short, e.full))),
        );
        lines.push(Line::default());
    }
    history_block(&mut lines, &plan.history, palette);
    custom_block(&mut lines, plan.custom.as_ref(), palette);
    lines
}

/// The version history, a row a line: version, date and author, then the note.
fn history_block(lines: &mut Vec<Line<'static>>, history: &[HistoryEntry], palette: Palette) {
    if history.is_empty() {
        return;
    }
    lines.push(heading("Version history · V edits", palette));
    for row in history {
        let mut spans = vec![Span::styled(
            format!("  {}", row.version),
            Style::default().add_modifier(Modifier::BOLD),
        )];
        let facts: Vec<String> = [
            row.date.as_ref().map(ToString::to_string),
            row.author.clone(),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !facts.is_empty() {
            spans.push(Span::styled(
                format!("  {}", facts.join(" · ")),
                Style::default().add_modifier(Modifier::DIM),
            ));
        }
        if let Some(note) = &row.note {
            spans.push(Span::raw(format!("  {}", note.replace('\n', " "))));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
}
