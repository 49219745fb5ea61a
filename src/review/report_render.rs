//! Styled report lines, and how they are written as terminal text or as Markdown.
//!
//! Markdown is written so that it renders as meant whatever the plan's text holds: markup
//! characters are escaped, and a line of text that starts like a list item (`- `, `+ `,
//! `1. `) is escaped so it stays text inside its bullet.

/// How a run of report text is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tone {
    Plain,
    Good,
    Bad,
    Removed,
    Added,
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Span {
    pub style: Tone,
    pub text: String,
}

/// One entry of a report: its depth (0 = under the theme heading), an optional ref, its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Line {
    pub depth: usize,
    pub label: Option<String>,
    pub spans: Vec<Span>,
}

impl Line {
    pub fn new(depth: usize) -> Line {
        Line {
            depth,
            label: None,
            spans: Vec::new(),
        }
    }

    pub fn add(mut self, style: Tone, text: impl Into<String>) -> Line {
        self.spans.push(Span {
            style,
            text: text.into(),
        });
        self
    }

    pub fn plain(self, text: impl Into<String>) -> Line {
        self.add(Tone::Plain, text)
    }
}

/// A part of a report under its own heading.
pub(super) struct Section {
    pub heading: String,
    pub lines: Vec<Line>,
}

/// Bold, for headings and refs in colour mode.
pub(super) fn bold(text: &str, color: bool) -> String {
    if color {
        format!("\x1b[1m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// A section for the terminal: its heading, then its lines.
pub(super) fn text_section(section: &Section, color: bool) -> String {
    let mut out = bold(&section.heading, color);
    out.push('\n');
    out.push_str(&text_lines(&section.lines, color));
    out
}

/// Lines for the terminal.
pub(super) fn text_lines(lines: &[Line], color: bool) -> String {
    lines.iter().map(|l| text_line(l, color)).collect()
}

/// A line for the terminal: depth 0 at two spaces, then four more per level; continuation
/// lines of multi-line text two further in.
fn text_line(line: &Line, color: bool) -> String {
    let indent = " ".repeat(2 + 4 * line.depth);
    let mut out = indent.clone();
    if let Some(label) = &line.label {
        out.push_str(&bold(label, color));
        out.push_str("  ");
    }
    for span in &line.spans {
        let (open, close) = match (span.style, color) {
            (Tone::Plain, _) => ("", ""),
            (Tone::Good | Tone::Added, true) => ("\x1b[32m", "\x1b[0m"),
            (Tone::Bad, true) => ("\x1b[31m", "\x1b[0m"),
            (Tone::Removed, true) => ("\x1b[31;9m", "\x1b[0m"),
            (Tone::Good | Tone::Bad, false) => ("", ""),
            (Tone::Removed, false) => ("[-", "-]"),
            (Tone::Added, false) => ("{+", "+}"),
        };
        out.push_str(&format!("{open}{}{close}", span.text));
    }
    out.replace('\n', &format!("\n{indent}  ")) + "\n"
}

/// A section in Markdown: a `##` heading and a list.
pub(super) fn markdown_section(section: &Section) -> String {
    let mut out = format!("\n## {}\n\n", escape(&section.heading));
    section
        .lines
        .iter()
        .for_each(|l| out.push_str(&markdown_line(l)));
    out
}

/// A bullet: two spaces of nesting per depth; multi-line text continues after hard breaks.
pub(super) fn markdown_line(line: &Line) -> String {
    let indent = "  ".repeat(line.depth);
    let mut out = String::new();
    if let Some(label) = &line.label {
        out.push_str(&format!("**{}** ", escape(label)));
    }
    for span in &line.spans {
        let mark = match span.style {
            Tone::Plain | Tone::Good | Tone::Bad => "",
            Tone::Removed => "~~",
            Tone::Added => "**",
        };
        out.push_str(&marked(&span.text, mark));
    }
    let rows: Vec<String> = out
        .split('\n')
        .filter(|r| !r.trim().is_empty())
        .map(|r| not_a_list_item(r.trim_start()))
        .collect();
    format!("{indent}- {}\n", rows.join(&format!("\\\n{indent}  ")))
}

/// A row that would start a list (`- `, `+ `, `1. `, `1) `) with its marker escaped.
fn not_a_list_item(row: &str) -> String {
    if row.starts_with("- ") || row.starts_with("+ ") || row == "-" || row == "+" {
        return format!("\\{row}");
    }
    let digits = row.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &row[digits..];
    if (1..=9).contains(&digits)
        && (rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")")
    {
        return format!("{}\\{rest}", &row[..digits]);
    }
    row.to_string()
}

/// Escaped text wrapped in `mark` line by line, with surrounding spaces left outside the marks
/// (Markdown ignores `** so**`).
fn marked(text: &str, mark: &str) -> String {
    let wrap = |piece: &str| {
        let core = piece.trim();
        if mark.is_empty() || core.is_empty() {
            return escape(piece);
        }
        let start = piece.len() - piece.trim_start().len();
        let end = piece.trim_end().len();
        let (lead, tail) = (&piece[..start], &piece[end..]);
        format!("{lead}{mark}{}{mark}{tail}", escape(core))
    };
    text.split('\n').map(wrap).collect::<Vec<_>>().join("\n")
}

/// Backslash before every character Markdown could read as markup.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_~[]<>|#".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_looks_like_a_list_stays_text() {
        let line =
            Line::new(1).plain("progress: Done:\n- item one\n1. first\n10) tenth\n2013. A year");
        assert_eq!(
            markdown_line(&line),
            "  - progress: Done:\\\n    \\- item one\\\n    1\\. first\\\n    10\\) tenth\\\n    2013\\. A year\n"
        );
        let first = Line::new(0).plain("- starts the line");
        assert_eq!(markdown_line(&first), "- \\- starts the line\n");
    }
}
