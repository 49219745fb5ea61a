//! YAML syntax errors told so a user can act on them: git conflict markers named as such, a
//! tab reported where it stands, an unclosed quote at its opening quote, and an error at the
//! end of a cut-short file placed on its last line.

use super::diagnostic::Diagnostic;
use super::source::line_col;
use super::tree::SyntaxError;

/// The first line of an unresolved git merge conflict (`<<<<<<<` followed by `=======` or
/// `>>>>>>>` lines), if the text has one.
pub fn conflict_marker(text: &str) -> Option<Diagnostic> {
    let mut lines = text.lines().enumerate();
    let (at, _) = lines.find(|(_, l)| l.starts_with("<<<<<<<"))?;
    let closed = lines.any(|(_, l)| l.starts_with("=======") || l.starts_with(">>>>>>>"));
    closed.then(|| {
        let line = at + 1;
        Diagnostic::error(
            line,
            1,
            format!(
                "unresolved merge conflict at line {line}; resolve it, or run the merge again with the plan driver (set up by `boardplan git-setup`)"
            ),
        )
    })
}

/// The diagnostic for a syntax error in `text`.
pub fn explain(text: &str, error: &SyntaxError) -> Diagnostic {
    let lines: Vec<&str> = text.split('\n').collect();
    let last_line = if text.ends_with('\n') {
        lines.len() - 1
    } else {
        lines.len()
    };
    let generic = format!("YAML syntax error: {}", error.message);
    if error.message.contains("tab")
        && let Some(found) = tab_indent(&lines, error.line)
    {
        return found;
    }
    if error.message.contains("quoted scalar")
        && let Some(quote) = opening_quote(text, offset_of(&lines, error.line, error.col))
    {
        return quote;
    }
    if error.line > last_line.max(1) {
        let line = last_line.max(1);
        let col = lines[line - 1].trim_end_matches('\r').chars().count() + 1;
        let message =
            format!("the file ends in the middle of something ({generic}); is it complete?");
        return Diagnostic::error(line, col, message);
    }
    Diagnostic::error(error.line, error.col, generic)
}

/// A tab in the indentation of the error's line or one of the two after it (the parser often
/// notices a tab only while reading the line before).
fn tab_indent(lines: &[&str], line: usize) -> Option<Diagnostic> {
    (line..line + 3).find_map(|l| {
        let text = lines.get(l.checked_sub(1)?)?;
        let indent = &text[..text.len() - text.trim_start_matches([' ', '\t']).len()];
        let col = indent.find('\t')? + 1;
        Some(Diagnostic::error(
            l,
            col,
            "a tab is used for indentation; YAML indents with spaces only: replace it with spaces",
        ))
    })
}

/// Byte offset of a 1-based line and column (clamped to the text).
fn offset_of(lines: &[&str], line: usize, col: usize) -> usize {
    let before: usize = lines
        .iter()
        .take(line.saturating_sub(1))
        .map(|l| l.len() + 1)
        .sum();
    let within = lines.get(line.saturating_sub(1)).map_or(0, |l| {
        l.char_indices()
            .nth(col.saturating_sub(1))
            .map_or(l.len(), |(i, _)| i)
    });
    before + within
}

/// The opening quote of the quoted value that holds `at`: the last `'` or `"` at or before it
/// that starts a value (after `: `, `- `, a flow indicator or at the start of a line).
fn opening_quote(text: &str, at: usize) -> Option<Diagnostic> {
    let at = (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))?;
    let head = &text[..at + usize::from(at < text.len())];
    let start = head.char_indices().rev().find_map(|(i, c)| {
        let before = text[..i].trim_end_matches([' ', '\t']);
        let opens = before.is_empty()
            || before.ends_with(['\n', ':', '-', '[', '{', ',', '?'])
            || before.ends_with("\r");
        (matches!(c, '\'' | '"') && opens).then_some((i, c))
    })?;
    let (line, col) = line_col(text, start.0);
    Some(Diagnostic::error(
        line,
        col,
        format!(
            "a quoted value starting here is never closed; add the closing {}",
            start.1
        ),
    ))
}
