//! RAG ratings as coloured badges, or as letters where there is no colour (`NO_COLOR`).

use crate::model::Rag;
use crate::tui::Palette;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;

/// The colour of a rating.
pub fn color(rag: Rag) -> Color {
    match rag {
        Rag::Red => Color::Rgb(200, 40, 40),
        Rag::Amber => Color::Rgb(230, 150, 0),
        Rag::Green => Color::Rgb(40, 150, 60),
        Rag::Blue => Color::Rgb(40, 100, 200),
    }
}

/// A rating as a badge: ` G ` on green, or `[G]` without colour; unrated is ` ? ` / `[?]`.
pub fn badge(rag: Option<Rag>, palette: Palette) -> Span<'static> {
    let letter = rag.map_or('?', Rag::letter);
    if palette.is_plain() {
        return Span::raw(format!("[{letter}]"));
    }
    match rag {
        Some(rag) => Span::styled(
            format!(" {letter} "),
            Style::default()
                .fg(Color::White)
                .bg(color(rag))
                .add_modifier(Modifier::BOLD),
        ),
        None => Span::styled(" ? ", Style::default().fg(Color::Gray).bg(Color::DarkGray)),
    }
}

/// An action's rating badge; one derived from its milestones shows a lower-case letter.
pub fn action_badge(action: &crate::model::Action, palette: Palette) -> Span<'static> {
    match action.effective_rag() {
        Some((rag, crate::model::RagSource::Milestones)) => {
            let mut span = badge(Some(rag), palette);
            span.content = span.content.to_ascii_lowercase().into();
            span
        }
        _ => badge(action.rag, palette),
    }
}

/// An action's rating in words: `green`, `amber (from milestones)` for one derived from its
/// milestones, or `not yet rated`.
pub fn rating_words(action: &crate::model::Action) -> String {
    match action.effective_rag() {
        Some((rag, crate::model::RagSource::Own)) => rag.as_str().to_string(),
        Some((rag, crate::model::RagSource::Milestones)) => {
            format!("{} (from milestones)", rag.as_str())
        }
        None => "not yet rated".into(),
    }
}

/// A count of one rating, `G3`, coloured (or plain) and dimmed when zero.
pub fn count(rag: Option<Rag>, n: usize, palette: Palette) -> Span<'static> {
    let letter = rag.map_or('?', Rag::letter);
    let text = format!("{letter}{n}");
    if palette.is_plain() || n == 0 {
        let style = if n == 0 && !palette.is_plain() {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        };
        return Span::styled(text, style);
    }
    let fg = rag.map_or(Color::Gray, color);
    Span::styled(text, Style::default().fg(fg).add_modifier(Modifier::BOLD))
}
