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

/// `text` safe to print on a terminal: escape sequences (CSI `ESC [ ... final`, OSC
/// `ESC ] ... BEL`) and other control characters are dropped, so plan text cannot move the
/// cursor, recolour or retitle the terminal. Line feeds and tabs stay.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(unsafe_char) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                Some('[') => {
                    // Parameters and intermediates, then one final byte in @..~.
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
                Some(']') => {
                    while let Some(c) = chars.next() {
                        if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                            break;
                        }
                    }
                }
                _ => {}
            },
            c if unsafe_char(c) => {}
            c => out.push(c),
        }
    }
    out.into()
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
    fn escape_sequences_are_dropped() {
        assert_eq!(terminal_safe("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(terminal_safe("\u{1b}[31mred\u{1b}[0m"), "red");
        assert_eq!(terminal_safe("\u{1b}]0;title\u{7}x\r\u{9b}"), "x");
        assert_eq!(terminal_safe("\u{1b}]2;t\u{1b}\\y\u{8}"), "y");
    }
}
