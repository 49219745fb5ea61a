//! Small helpers for showing text in narrow columns, shared by the reports and the UI.

/// `text` cut to `width` characters, with an ellipsis when cut.
pub fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// The first line of `text` that has something on it, trimmed.
pub fn first_line(text: &str) -> &str {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
}

/// `text` with control characters (escape sequences' ESC, C1 controls, carriage returns)
/// replaced by `�`, so plan text printed to a terminal can never move the cursor, change
/// colours or retitle the window. Line feeds and tabs are kept.
pub fn strip_controls(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clips_by_characters_and_finds_the_first_line() {
        assert_eq!(clip("Safeguarding", 6), "Safeg…");
        assert_eq!(clip("é–•", 3), "é–•");
        assert_eq!(first_line("\n  \n • first\nsecond"), "• first");
    }

    #[test]
    fn control_characters_cannot_reach_the_terminal() {
        assert_eq!(
            strip_controls("a\u{1b}[2Jb\u{9b}c"),
            "a\u{FFFD}[2Jb\u{FFFD}c"
        );
        assert_eq!(strip_controls("line\n\tnext"), "line\n\tnext");
    }
}
