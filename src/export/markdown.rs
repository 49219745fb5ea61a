//! The board paper as GitHub-flavoured Markdown: the same cover, summary and theme tables as the
//! HTML. Any text is safe: Markdown characters are escaped, line breaks become `<br>`, and a line
//! that would start a heading, list or quote is escaped.

use super::paper::{ActionRow, Paper, ThemeSection};
use super::words;
use crate::model::{Rag, RagCounts};
use std::fmt::Write;

/// The paper as Markdown.
pub fn markdown(paper: &Paper) -> String {
    let mut out = String::with_capacity(4096 + paper.themes.len() * 4096);
    let _ = writeln!(
        out,
        "# {}\n\n**{}**\n",
        heading(&paper.title),
        block(&paper.board)
    );
    if let Some(vision) = &paper.vision {
        let _ = writeln!(out, "_{}_\n", inline(vision).trim());
    }
    out.push_str("| | |\n|---|---|\n");
    let mut item = |term: &str, value: &str| {
        let _ = writeln!(out, "| {term} | {} |", inline(value));
    };
    for (term, value) in paper.cover_facts() {
        item(term, &value);
    }
    // The plan's own fields may be long (an introduction): paragraphs under the cover table.
    for (label, text) in &paper.custom {
        let _ = writeln!(out, "\n**{}**\n\n{}", inline(label), block(text));
    }
    history(&mut out, paper);
    summary(&mut out, paper);
    for section in &paper.themes {
        theme(&mut out, paper, section);
    }
    out
}

/// Text for one table cell or one line: Markdown characters escaped, line breaks as `<br>`,
/// leading spaces of later lines kept as non-breaking spaces.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if i > 0 {
            out.push_str("<br>");
        }
        let body = line.trim_start_matches(' ');
        if i > 0 {
            out.push_str(&"&nbsp;".repeat(line.len() - body.len()));
        }
        let mut chars = body.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                '&' if chars
                    .peek()
                    .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
                {
                    out.push_str("&amp;");
                }
                '\t' | '\r' => out.push(' '),
                c => out.push(c),
            }
        }
    }
    out
}

/// Text as a paragraph of its own: [`inline`], and a start that cannot begin a heading, list,
/// quote, rule or code block.
pub fn block(text: &str) -> String {
    let text = inline(text.trim_start());
    let first = text.chars().next();
    if matches!(first, Some('#' | '-' | '+' | '=')) {
        return format!("\\{text}");
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(text[digits..].chars().next(), Some('.' | ')')) {
        return format!("{}\\{}", &text[..digits], &text[digits..]);
    }
    text
}

/// Text for a heading: one line.
fn heading(text: &str) -> String {
    inline(&text.replace(['\n', '\r'], " "))
}

/// A rating as a coloured square, its letter and its word.
pub fn rag(rag: Option<Rag>) -> String {
    let square = match rag {
        Some(Rag::Red) => "🟥",
        Some(Rag::Amber) => "🟧",
        Some(Rag::Green) => "🟩",
        Some(Rag::Blue) => "🟦",
        None => "⬜",
    };
    format!(
        "{square} **{}** {}",
        rag.map_or('?', Rag::letter),
        words::rag(rag)
    )
}

/// The version history as a table under the cover.
fn history(out: &mut String, paper: &Paper) {
    if paper.history.is_empty() {
        return;
    }
    out.push_str(
        "\n**Version history**\n\n| Version | Date | Author | Note |\n|---|---|---|---|\n",
    );
    for row in &paper.history {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            inline(&row.version),
            inline(&row.date),
            inline(&row.author),
            inline(&row.note)
        );
    }
}

fn summary(out: &mut String, paper: &Paper) {
    out.push_str("\n## Summary\n\n| Theme | Red | Amber | Green | Blue | Not rated | Total | Overdue |\n|---|--:|--:|--:|--:|--:|--:|--:|\n");
    for section in &paper.themes {
        let overdue = section.actions.iter().filter(|a| a.overdue).count();
        let label = format!("{} {}", section.reference, section.title);
        count_row(out, &inline(&label), &section.counts, overdue);
    }
    count_row(out, "**All themes**", &paper.totals, paper.overdue());
    if let Some(note) = paper.derived_note() {
        let _ = writeln!(out, "\n_{}_", inline(&note));
    }
    out.push_str("\n### Exceptions\n\n");
    let exceptions = paper.exceptions();
    if exceptions.is_empty() {
        out.push_str("No action is red, overdue or worse than before.\n");
        return;
    }
    out.push_str("| Ref | Action | Timescale | RAG | Why |\n|---|---|---|---|---|\n");
    for exception in exceptions {
        let action = exception.action;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            inline(&action.reference),
            inline(crate::text::first_line(&action.action)),
            inline(&action.due),
            shown_rag(action),
            exception.reasons.join(", ")
        );
    }
}

fn count_row(out: &mut String, label: &str, counts: &RagCounts, overdue: usize) {
    let _ = writeln!(
        out,
        "| {label} | {} | {} | {} | {} | {} | {} | {overdue} |",
        counts.red,
        counts.amber,
        counts.green,
        counts.blue,
        counts.unrated,
        counts.total()
    );
}

fn theme(out: &mut String, paper: &Paper, section: &ThemeSection) {
    let _ = writeln!(
        out,
        "\n## {} {}\n",
        heading(&section.reference),
        heading(&section.title)
    );
    if let Some(description) = &section.description {
        let _ = writeln!(out, "{}\n", block(description));
    }
    let facts: Vec<String> = [
        ("Strategic lead", section.lead.clone()),
        ("Accountable", section.accountable.clone()),
        (
            "Overall rating",
            section.rag.map(|r| words::rag(Some(r)).to_string()),
        ),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.map(|v| format!("**{label}:** {}", inline(&v))))
    .chain(
        section
            .custom
            .iter()
            .map(|(label, value)| format!("**{}:** {}", inline(label), inline(value))),
    )
    .collect();
    if !facts.is_empty() {
        let _ = writeln!(out, "{}\n", facts.join(" · "));
    }
    if section.actions.is_empty() {
        out.push_str("No actions.\n");
    } else {
        actions(out, paper, section);
    }
    if !section.measures.is_empty() {
        let _ = writeln!(
            out,
            "\n### Measures of theme {}\n\n| Measure | Baseline | Target | Latest | As of | RAG |\n|---|---|---|---|---|---|",
            heading(&section.reference)
        );
        for m in &section.measures {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                inline(&m.measure),
                inline(&m.baseline),
                inline(&m.target),
                inline(&m.latest),
                inline(&m.as_of),
                rag(m.rag)
            );
        }
    }
}

fn actions(out: &mut String, paper: &Paper, section: &ThemeSection) {
    out.push_str("| Ref | Action | Owner | Timescale | Progress | RAG |");
    if let Some(since) = &paper.since {
        let _ = write!(out, " Since {} |", inline(&since.label));
    }
    out.push_str("\n|---|---|---|---|---|---|");
    if paper.since.is_some() {
        out.push_str("---|");
    }
    out.push('\n');
    for action in &section.actions {
        action_row(out, paper, action);
        for m in &action.milestones {
            let _ = write!(
                out,
                "| ↳ | _Milestone:_ {} | {} | {} | {} | {} |",
                inline(&m.milestone),
                inline(&m.owners.join("\n")),
                inline(&m.due),
                inline(m.progress.as_deref().unwrap_or("")),
                rag(m.rag)
            );
            out.push_str(if paper.since.is_some() { "  |\n" } else { "\n" });
        }
    }
}

fn action_row(out: &mut String, paper: &Paper, action: &ActionRow) {
    let mut text = inline(&action.action);
    if let Some(outcome) = &action.outcome {
        let _ = write!(text, "<br>**Outcome:** {}", inline(outcome));
    }
    if let Some(notes) = &action.notes {
        let _ = write!(text, "<br>**Notes:** {}", inline(notes));
    }
    for (label, value) in &action.custom {
        let _ = write!(text, "<br>**{}:** {}", inline(label), inline(value));
    }
    let mut due = inline(&action.due);
    if action.overdue {
        due.push_str("<br>**Overdue**");
    }
    let mut progress = inline(action.progress.as_deref().unwrap_or(""));
    if action.travel.as_ref().is_some_and(|t| t.progress_updated) {
        progress = format!("**New progress:** {progress}");
    }
    let shown = shown_rag(action);
    let _ = write!(
        out,
        "| {} | {text} | {} | {due} | {progress} | {shown} |",
        inline(&action.reference),
        inline(&action.owners.join("\n")),
    );
    if paper.since.is_some() {
        let _ = write!(out, " {} |", travel(action));
    }
    out.push('\n');
}

/// An action's rating as shown: its own, or the derived one marked "(from milestones)".
fn shown_rag(action: &ActionRow) -> String {
    match (action.rag, action.derived) {
        (None, Some(derived)) => format!("{} (from milestones)", rag(Some(derived))),
        (own, _) => rag(own),
    }
}

fn travel(action: &ActionRow) -> String {
    let Some(travel) = &action.travel else {
        return String::new();
    };
    let mut parts = vec![format!(
        "{} {}",
        travel.direction.arrow(),
        travel.direction.label()
    )];
    if travel.direction != super::travel::Direction::New {
        parts.push(format!(
            "{} → {}",
            words::rag(travel.before),
            words::rag(action.rag)
        ));
    }
    parts.extend(travel.notes().iter().map(|n| inline(n)));
    parts.join("<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_text_cannot_break_a_table_or_start_markup() {
        assert_eq!(inline("a | b"), "a \\| b");
        assert_eq!(inline("one\ntwo"), "one<br>two");
        assert_eq!(inline("x\n  ○ indented"), "x<br>&nbsp;&nbsp;○ indented");
        assert_eq!(inline("<b>*bold*</b>"), "\\<b\\>\\*bold\\*\\</b\\>");
        assert_eq!(inline("R&A &amp; Q & P"), "R&amp;A &amp;amp; Q & P");
        assert_eq!(inline("crlf\r\nend"), "crlf<br>end");
    }

    proptest::proptest! {
        #[test]
        fn any_text_stays_in_one_cell(text in "(?s).{0,80}") {
            let cell = inline(&text);
            proptest::prop_assert!(!cell.contains('\n') && !cell.contains('\r'));
            let bytes = cell.as_bytes();
            for (i, b) in bytes.iter().enumerate() {
                if *b == b'|' {
                    proptest::prop_assert!(i > 0 && bytes[i - 1] == b'\\', "bare pipe in {cell:?}");
                }
            }
        }
    }

    #[test]
    fn block_text_cannot_start_a_heading_list_or_rule() {
        assert_eq!(block("# not a heading"), "\\# not a heading");
        assert_eq!(block("- not a list"), "\\- not a list");
        assert_eq!(block("12. not numbered"), "12\\. not numbered");
        assert_eq!(block("3) not numbered"), "3\\) not numbered");
        assert_eq!(block("    not code"), "not code");
        assert_eq!(block("> not a quote"), "\\> not a quote");
        assert_eq!(block("---"), "\\---");
        assert_eq!(block("2013 was a year"), "2013 was a year");
    }
}
