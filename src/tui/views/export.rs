//! Draws the export dialog: the format row, the scopes and directions of travel as lists with
//! the chosen one marked, the revision and file fields, the question before replacing a file,
//! and what went wrong. Keys under it come from the dialog's key tables (the help reads them).

use super::fields::hint_line;
use super::popup::{boxed, centered, dim};
use crate::text::clip;
use crate::tui::export_dialog::{
    EXPORT_KEYS, ExportDialog, FORMATS, Meeting, Part, REPLACE_KEYS, Stage, Travel,
};
use crate::tui::keymap::KeyHelp;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Width of the labels on the left.
const LABEL: u16 = 11;

/// The keys to hint for the dialog.
pub fn hints(dialog: &ExportDialog) -> &'static [KeyHelp] {
    match dialog.stage {
        Stage::Replace => REPLACE_KEYS,
        Stage::Editing | Stage::Writing => EXPORT_KEYS,
    }
}

fn label(text: &str, focused: bool) -> Span<'static> {
    let style = Style::default().add_modifier(Modifier::BOLD);
    let style = if focused {
        style.add_modifier(Modifier::REVERSED)
    } else {
        style
    };
    Span::styled(
        format!("{text:<width$}", width = usize::from(LABEL) - 1),
        style,
    )
}

fn pad() -> Span<'static> {
    Span::raw(" ".repeat(usize::from(LABEL)))
}

/// One choice of a list: `● chosen` or `○ other`, a greyed one when it cannot be chosen.
fn choice(text: String, chosen: bool, enabled: bool) -> Vec<Span<'static>> {
    let mark = if chosen { "● " } else { "○ " };
    let style = match (chosen, enabled) {
        (true, _) => Style::default().add_modifier(Modifier::BOLD),
        (false, true) => Style::default(),
        (false, false) => Style::default().add_modifier(Modifier::DIM),
    };
    vec![Span::raw(format!(" {mark}")), Span::styled(text, style)]
}

fn format_line(dialog: &ExportDialog) -> Line<'static> {
    let mut spans = vec![label("Format", dialog.part == Part::Format), Span::raw(" ")];
    for (i, (key, name, _, _)) in FORMATS.iter().enumerate() {
        let style = if i == dialog.format {
            Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            Style::default()
        };
        spans.push(Span::styled(format!(" {name} "), style));
        spans.push(Span::styled(
            format!("{key} "),
            Style::default().add_modifier(Modifier::DIM),
        ));
    }
    Line::from(spans)
}

/// The scopes, each clipped to `width` columns so its number of actions always shows.
fn scope_lines(dialog: &ExportDialog, width: u16) -> Vec<Line<'static>> {
    dialog
        .scopes
        .iter()
        .enumerate()
        .map(|(i, scope)| {
            let first = if i == 0 {
                label("Scope", dialog.part == Part::Scope)
            } else {
                pad()
            };
            let count = format!(
                " — {} action{}",
                scope.count,
                if scope.count == 1 { "" } else { "s" }
            );
            let room = usize::from(width.saturating_sub(LABEL + 3))
                .saturating_sub(count.chars().count())
                .max(8);
            let text = format!("{}{count}", clip(&scope.label, room));
            let mut spans = vec![first];
            spans.extend(choice(text, i == dialog.scope, true));
            Line::from(spans)
        })
        .collect()
}

fn travel_lines(dialog: &ExportDialog) -> Vec<Line<'static>> {
    let offered = dialog.travels();
    let meeting = match &dialog.meeting {
        Meeting::Looking => "since the last meeting (looking for meeting tags…)".to_string(),
        Meeting::Found(tag) => format!("since the last meeting: {tag}"),
        Meeting::NoTag => "since the last meeting (no meeting tag yet: T tags one)".to_string(),
        Meeting::NotInGit => "since the last meeting (the plan is not in git)".to_string(),
    };
    let rows = [
        (Travel::Off, "none".to_string()),
        (Travel::LastMeeting, meeting),
        (
            Travel::Revision,
            "since a commit, tag, branch or date (YYYY-MM-DD):".to_string(),
        ),
    ];
    rows.into_iter()
        .enumerate()
        .map(|(i, (travel, text))| {
            let first = if i == 0 {
                label("Travel", dialog.part == Part::Travel)
            } else {
                pad()
            };
            let mut spans = vec![first];
            spans.extend(choice(
                text,
                dialog.travel == travel,
                offered.contains(&travel),
            ));
            Line::from(spans)
        })
        .collect()
}

/// Rows a text of `chars` characters takes in `width` columns (at least one).
fn rows_for(chars: usize, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    u16::try_from((chars + 1).div_ceil(width).clamp(1, 4)).unwrap_or(1)
}

/// The lines under the fields: the question, the error, a note, the keys.
fn footer(dialog: &ExportDialog) -> Vec<Line<'static>> {
    let mut lines = vec![Line::default()];
    match dialog.stage {
        Stage::Replace => {
            let name = dialog.out().map(|p| p.display().to_string());
            lines.push(Line::from(Span::styled(
                format!(
                    "⚠ {} exists: it will be replaced. Replace it?",
                    name.unwrap_or_default()
                ),
                Style::default().add_modifier(Modifier::BOLD),
            )));
        }
        Stage::Writing => lines.push(Line::from("Writing…")),
        Stage::Editing => {}
    }
    if let Some(error) = &dialog.error {
        lines.push(Line::from(Span::styled(
            format!("✗ {error}"),
            Style::default().fg(Color::LightRed),
        )));
    }
    if dialog.unsaved && dialog.stage == Stage::Editing {
        lines.push(dim(
            "The plan has unsaved edits: the export shows them as on screen.",
        ));
    }
    lines.push(dim(hint_line(hints(dialog))));
    lines
}

/// Draws the dialog over `area`.
pub fn render_export(frame: &mut Frame, area: Rect, dialog: &ExportDialog) {
    let width = area.width.min(96);
    let field_width = width.saturating_sub(LABEL + 3);
    let revision_rows = u16::from(dialog.travel == Travel::Revision);
    let path_rows = rows_for(dialog.path.text().chars().count(), field_width);
    let mut top = vec![format_line(dialog), Line::default()];
    top.extend(scope_lines(dialog, width.saturating_sub(2)));
    top.push(Line::default());
    top.extend(travel_lines(dialog));
    let footer = footer(dialog);
    let footer_rows = Paragraph::new(footer.clone())
        .wrap(Wrap { trim: false })
        .line_count(width.saturating_sub(2).max(1));
    let top_rows = u16::try_from(top.len()).unwrap_or(u16::MAX);
    let height = top_rows
        + revision_rows
        + 1
        + path_rows
        + u16::try_from(footer_rows).unwrap_or(u16::MAX)
        + 2;
    let inner = boxed(
        frame,
        centered(area, width, height),
        "Export the board paper",
    );
    let mut y = inner.y;
    let mut next = |rows: u16| {
        let rect = Rect {
            y,
            height: rows.min((inner.y + inner.height).saturating_sub(y)),
            ..inner
        };
        y = (y + rows).min(inner.y + inner.height);
        rect
    };
    frame.render_widget(Paragraph::new(top), next(top_rows));
    if revision_rows > 0 {
        let field = field_rect(next(1), LABEL + 3);
        field_widget(
            frame,
            &dialog.revision,
            field,
            dialog.part == Part::Revision,
        );
    }
    next(1);
    let row = next(path_rows);
    frame.render_widget(
        Paragraph::new(Line::from(label("Save to", dialog.part == Part::Path))),
        Rect {
            width: LABEL,
            ..row
        },
    );
    let field = field_rect(row, LABEL + 1);
    field_widget(frame, &dialog.path, field, dialog.part == Part::Path);
    let rest = next(u16::try_from(footer_rows).unwrap_or(u16::MAX));
    frame.render_widget(Paragraph::new(footer).wrap(Wrap { trim: false }), rest);
}

fn field_rect(row: Rect, indent: u16) -> Rect {
    Rect {
        x: row.x + indent.min(row.width),
        width: row.width.saturating_sub(indent),
        ..row
    }
}

/// A text field; its cursor only shows while it has the keyboard.
fn field_widget(frame: &mut Frame, form: &crate::tui::forms::TextForm, area: Rect, focused: bool) {
    if focused {
        frame.render_widget(&form.area, area);
    } else {
        let text = form.text();
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), area);
    }
}
