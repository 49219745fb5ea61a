//! The main screen: the themes pane with RAG counts, the actions table, the detail pane.

use super::badge::{action_badge, badge, count};
use super::detail::render_detail;
use crate::model::{Plan, Rag, RagCounts};
pub use crate::text::clip;
use crate::tui::Palette;
use crate::tui::app::{App, Areas, Focus};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

/// Draws the main screen into `area`.
pub fn render_main(frame: &mut Frame, area: Rect, app: &App, plan: &Plan) {
    let themes_width = (area.width / 5).clamp(22, 36);
    let [themes_area, rest] =
        Layout::horizontal([Constraint::Length(themes_width), Constraint::Min(20)]).areas(area);
    let (table_area, detail_area) = if rest.width >= 120 {
        let [table, detail] =
            Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)])
                .areas(rest);
        (table, detail)
    } else {
        let [table, detail] =
            Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(rest);
        (table, detail)
    };
    let (themes_rows, first_theme) = render_themes(frame, themes_area, app, plan);
    let table_rows = render_table(frame, table_area, app, plan);
    let (detail, detail_lines) = render_detail(frame, detail_area, app, plan);
    app.ui.areas.set(Areas {
        themes: themes_rows,
        table: table_rows,
        first_theme,
        detail,
        detail_lines,
        ..app.ui.areas.get()
    });
}

fn pane(title: String, focused: bool, palette: Palette) -> Block<'static> {
    let style = match (focused, palette.is_plain()) {
        (true, false) => Style::default().fg(Color::Cyan),
        (true, true) => Style::default().add_modifier(Modifier::BOLD),
        _ => Style::default(),
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(title)
}

fn counts_spans(counts: &RagCounts, palette: Palette) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for rag in [
        Some(Rag::Red),
        Some(Rag::Amber),
        Some(Rag::Green),
        Some(Rag::Blue),
        None,
    ] {
        spans.push(Span::raw(" "));
        spans.push(count(rag, counts.get(rag), palette));
    }
    spans
}

/// Draws the themes pane (only the themes on screen); returns the area of its rows and the
/// first theme row drawn.
fn render_themes(frame: &mut Frame, area: Rect, app: &App, plan: &Plan) -> (Rect, usize) {
    let focused = app.ui.focus == Focus::Themes;
    let block = pane(" Themes ".into(), focused, app.ui.palette);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let selected = app.year().cursor.theme_row;
    let width = usize::from(inner.width);
    let visible = (usize::from(inner.height) / 2).max(1);
    let first = (selected + 1).saturating_sub(visible);
    let mut lines = Vec::with_capacity(visible * 2);
    for row in first..(first + visible).min(plan.themes.len() + 1) {
        let (label, counts, rag) = match row.checked_sub(1).and_then(|t| plan.themes.get(t)) {
            Some(theme) => (
                format!("{} {}", theme.reference, theme.title),
                theme.rag_counts(),
                theme.rag,
            ),
            None => ("All themes".to_string(), app.total_counts(), None),
        };
        let highlight = row == selected;
        let style = highlight_style(highlight, focused, app.ui.palette);
        let mut head = vec![Span::styled(if highlight { "▶ " } else { "  " }, style)];
        if let Some(rag) = rag {
            head.push(badge(Some(rag), app.ui.palette));
            head.push(Span::raw(" "));
        }
        let used: usize = head.iter().map(|s| s.width()).sum();
        head.push(Span::styled(
            clip(&label, width.saturating_sub(used)),
            style,
        ));
        lines.push(Line::from(head));
        let mut counts_line = vec![Span::raw("   ")];
        counts_line.extend(counts_spans(&counts, app.ui.palette));
        lines.push(Line::from(counts_line));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    (inner, first)
}

fn highlight_style(selected: bool, focused: bool, palette: Palette) -> Style {
    match (selected, focused, palette.is_plain()) {
        (false, _, _) => Style::default(),
        (true, _, true) => Style::default().add_modifier(Modifier::REVERSED),
        (true, true, false) => Style::default()
            .bg(Color::Rgb(40, 60, 90))
            .add_modifier(Modifier::BOLD),
        (true, false, false) => Style::default().bg(Color::Rgb(45, 45, 45)),
    }
}

/// Draws the actions table (only the rows on screen); returns the area of its rows.
fn render_table(frame: &mut Frame, area: Rect, app: &App, plan: &Plan) -> Rect {
    let rows = app.rows();
    let focused = app.ui.focus == Focus::Actions;
    let block = pane(table_title(app, plan, rows.len()), focused, app.ui.palette);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let body = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let height = usize::from(body.height);
    let cursor = app.year().cursor;
    let offset = visible_offset(cursor.row, cursor.offset, height);
    let (columns, widths) = table_columns(inner.width, app.ui.filter.search.trim());
    let header = Row::new(["", "Ref", "Action", "Owners", "Due", "RAG"])
        .style(Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED));
    let body_rows: Vec<Row> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .filter_map(|(i, pos)| {
            let row = table_row(app, plan, *pos, i == cursor.row, &columns)?;
            Some(row.style(highlight_style(i == cursor.row, focused, app.ui.palette)))
        })
        .collect();
    let table = Table::new(body_rows, widths)
        .header(header)
        .column_spacing(1);
    frame.render_widget(table, inner);
    if rows.is_empty() {
        let note = if app.ui.filter.is_active() {
            "No action matches the filters (c clears them)."
        } else {
            "No actions yet (a adds one)."
        };
        frame.render_widget(
            Paragraph::new(note).style(Style::default().add_modifier(Modifier::DIM)),
            body,
        );
    }
    body
}

/// The table's title: which theme (or all), how many rows, and the order when sorted.
fn table_title(app: &App, plan: &Plan, shown: usize) -> String {
    let scope = match app.selected_theme().and_then(|t| plan.themes.get(t)) {
        Some(theme) => format!("Theme {}", theme.reference),
        None => "All themes".into(),
    };
    let order = match app.ui.sort {
        crate::tui::sort::Sort::Plan => String::new(),
        sort => format!(" · by {}", sort.name()),
    };
    let since = match &app.year().baseline {
        Some(Some(baseline)) => format!(" · ~ since {}", baseline.marks_since()),
        _ => String::new(),
    };
    format!(" Actions · {scope} · {shown} shown{order}{since} ")
}

/// The columns for a table `width` wide: the text widths (the action takes what the others
/// leave) and the constraints to lay them out.
fn table_columns(width: u16, needle: &str) -> (Columns, [Constraint; 6]) {
    let (owners_width, due_width) = column_widths(width);
    let action_width = width
        .saturating_sub(2 + 6 + owners_width + due_width + 3 + 5)
        .max(10);
    let widths = [
        Constraint::Length(2),
        Constraint::Length(6),
        Constraint::Length(action_width),
        Constraint::Length(owners_width),
        Constraint::Length(due_width),
        Constraint::Length(3),
    ];
    let columns = Columns {
        action: usize::from(action_width),
        owners: usize::from(owners_width),
        due: usize::from(due_width),
        needle: needle.to_string(),
    };
    (columns, widths)
}

/// The widths of the table's text columns, and the search text to mark.
struct Columns {
    action: usize,
    owners: usize,
    due: usize,
    needle: String,
}

/// One row of the actions table: cursor and change mark, ref, action, owners, due, rating.
fn table_row(
    app: &App,
    plan: &Plan,
    pos: crate::model::ActionPos,
    selected: bool,
    columns: &Columns,
) -> Option<Row<'static>> {
    let action = plan.action(pos)?;
    let overdue = action.is_overdue(app.today);
    let due = match &action.due {
        Some(due) if overdue => format!("{due}!"),
        Some(due) if due.is_free_text() => format!("~{due}"),
        Some(due) => due.to_string(),
        None => String::new(),
    };
    let due_style = if overdue && !app.ui.palette.is_plain() {
        Style::default().fg(Color::LightRed)
    } else {
        Style::default()
    };
    let text = clip(crate::text::first_line(&action.action), columns.action);
    Some(Row::new([
        Cell::from(Line::from(vec![
            Span::raw(if selected { "▶" } else { " " }),
            change_mark(app, plan, pos),
        ])),
        Cell::from(clip(&action.reference, 6)),
        Cell::from(highlighted(&text, &columns.needle, app.ui.palette)),
        Cell::from(clip(&action.owners.join(", "), columns.owners)),
        Cell::from(Span::styled(clip(&due, columns.due), due_style)),
        Cell::from(action_badge(action, app.ui.palette)),
    ]))
}

/// Owners and due columns: wider on a wide terminal, so long names and timescales show.
fn column_widths(width: u16) -> (u16, u16) {
    match width {
        0..70 => (10, 11),
        70..90 => (18, 11),
        90..130 => (28, 20),
        _ => (32, 22),
    }
}

/// `text` with every case-insensitive occurrence of `needle` marked.
fn highlighted(text: &str, needle: &str, palette: Palette) -> Line<'static> {
    let chars: Vec<char> = text.chars().collect();
    let wanted: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    if wanted.is_empty() {
        return Line::from(text.to_string());
    }
    let style = if palette.is_plain() {
        Style::default().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
    } else {
        Style::default().fg(Color::Black).bg(Color::Yellow)
    };
    let matches_at = |i: usize| {
        let mut lowered = chars[i..].iter().flat_map(|c| c.to_lowercase());
        wanted.iter().all(|w| lowered.next() == Some(*w))
    };
    let mut spans = Vec::new();
    let (mut plain, mut i) = (String::new(), 0);
    while i < chars.len() {
        if matches_at(i) {
            let len = wanted.len().min(chars.len() - i);
            spans.push(Span::raw(std::mem::take(&mut plain)));
            spans.push(Span::styled(
                chars[i..i + len].iter().collect::<String>(),
                style,
            ));
            i += len;
        } else {
            plain.push(chars[i]);
            i += 1;
        }
    }
    spans.push(Span::raw(plain));
    Line::from(spans)
}

/// `+` for an action added since the last meeting (or commit), `~` for one changed since.
fn change_mark(app: &App, plan: &Plan, pos: crate::model::ActionPos) -> Span<'static> {
    let mark = match &app.year().baseline {
        Some(Some(baseline)) => baseline.mark(plan, pos),
        _ => None,
    };
    let style = if app.ui.palette.is_plain() {
        Style::default().add_modifier(Modifier::BOLD)
    } else {
        Style::default()
            .fg(Color::Yellow)
            .add_modifier(Modifier::BOLD)
    };
    Span::styled(mark.map(String::from).unwrap_or_default(), style)
}

/// The first row to draw so that `row` is visible in `height` rows, preferring `offset`.
pub fn visible_offset(row: usize, offset: usize, height: usize) -> usize {
    if height == 0 || row < offset {
        row
    } else if row >= offset + height {
        row + 1 - height
    } else {
        offset
    }
}
