//! Lists whose items take several lines (the pack import's review, a merge's conflicts): the
//! lines that fit, scrolled so the selected item shows, highlighted.

use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

/// A line of such a list, with the item it belongs to (`None`: a heading or a note).
pub type Row = (Option<usize>, Line<'static>);

/// The `height` lines of `rows` to show with item `selected` in view and highlighted, padded
/// with empty lines to `height`.
pub fn window(rows: Vec<Row>, selected: usize, height: usize) -> Vec<Line<'static>> {
    let height = height.max(1);
    let first_of = rows.iter().position(|(i, _)| *i == Some(selected));
    let last_of = rows.iter().rposition(|(i, _)| *i == Some(selected));
    let first = match (first_of, last_of) {
        (Some(a), Some(b)) => (b + 1).saturating_sub(height).min(a),
        _ => 0,
    };
    let mut lines: Vec<Line<'static>> = rows
        .into_iter()
        .skip(first)
        .take(height)
        .map(|(i, line)| {
            if i == Some(selected) {
                line.patch_style(Style::default().add_modifier(Modifier::REVERSED))
            } else {
                line
            }
        })
        .collect();
    lines.resize(height, Line::default());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selected_item_is_scrolled_into_view_whole() {
        let rows: Vec<Row> = (0..10)
            .flat_map(|i| {
                [
                    (Some(i), Line::from(format!("{i}a"))),
                    (Some(i), Line::from(format!("{i}b"))),
                ]
            })
            .collect();
        let shown = window(rows.clone(), 6, 4);
        let text: Vec<String> = shown.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["5a", "5b", "6a", "6b"]);
        assert_eq!(window(rows, 0, 3).len(), 3);
        assert_eq!(window(Vec::new(), 0, 2).len(), 2, "padded");
    }
}
