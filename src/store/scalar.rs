//! How one scalar is written: plain when YAML would read it back as the same text, otherwise
//! single-quoted, double-quoted (with escapes) or as a literal block for multi-line text.

use super::tree::ScalarForm;

/// Where a scalar is written, which limits the styles it may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The value of a block mapping entry: literal blocks allowed.
    Value {
        /// Column of the key.
        key_col: usize,
        /// How much further in a block's content lines start (1 to 9).
        step: usize,
    },
    /// A block sequence item or a key: one line.
    Line,
    /// Inside `[...]` or `{...}`: one line, no flow indicators when plain.
    Flow,
}

/// Writes `text` canonically for `context`.
pub fn render(text: &str, context: Context) -> String {
    if let Context::Value { key_col, step } = context
        && text.contains('\n')
        && literal_ok(text)
    {
        return literal(text, key_col, step.clamp(1, 9));
    }
    if plain_ok(text, context == Context::Flow) {
        text.to_string()
    } else if single_ok(text) {
        single(text)
    } else {
        double(text)
    }
}

/// Writes `text` in the style it had before an edit when that style can hold it, so an edited
/// value keeps the file's own quoting; otherwise canonically.
pub fn render_like(text: &str, style: ScalarForm, context: Context) -> String {
    match style {
        ScalarForm::Single if single_ok(text) => single(text),
        ScalarForm::Double if !text.contains('\n') => double(text),
        _ => render(text, context),
    }
}

/// Writes a value that is known to be safe unquoted (a date, a rating), as it is.
pub fn verbatim(text: &str) -> String {
    text.to_string()
}

/// Characters written only as escapes in double quotes: everything outside YAML 1.1's
/// printable set (C0 and C1 controls, DEL, U+FFFE, U+FFFF), which PyYAML refuses in a file,
/// and the characters YAML 1.1 takes for line breaks or a byte order mark (NEL, U+2028,
/// U+2029, U+FEFF). Tab and line feed are written as they are.
fn is_control(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n')
        || matches!(
            c,
            '\u{feff}' | '\u{2028}' | '\u{2029}' | '\u{fffe}' | '\u{ffff}'
        )
}

fn plain_ok(text: &str, flow: bool) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let last = text.chars().last().unwrap_or(first);
    !(first.is_whitespace()
        || last.is_whitespace()
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || text.contains(['\n', '\t'])
        || text.chars().any(is_control)
        || text.contains(": ")
        || text.contains(" #")
        || text.ends_with(':')
        || (flow && text.contains([',', '[', ']', '{', '}']))
        || reserved(text)
        || number_like(text))
}

/// True when YAML reads this unquoted text as a number, boolean, date or null, not as text.
pub fn is_typed(text: &str) -> bool {
    text.is_empty() || reserved(text) || number_like(text)
}

/// Words YAML 1.1 or 1.2 would read as null or a boolean.
fn reserved(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "~" | "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "<<" | "="
    )
}

/// Text a YAML 1.1 or 1.2 reader would take for a number, date or time (`1.10`, `0x1F`,
/// `2013-07-31`, `12:30`); `2013-14` and `52.5%` stay text.
fn number_like(text: &str) -> bool {
    let body = text.trim_start_matches(['+', '-']);
    let lower = body.to_ascii_lowercase();
    let digits =
        |s: &str, radix: u32| !s.is_empty() && s.chars().all(|c| c == '_' || c.is_digit(radix));
    let timestamp = body.len() >= 8
        && body.split('-').take(3).enumerate().all(|(i, part)| {
            let part = if i == 2 {
                part.split(|c: char| !c.is_ascii_digit())
                    .next()
                    .unwrap_or("")
            } else {
                part
            };
            (if i == 0 {
                part.len() == 4
            } else {
                (1..=2).contains(&part.len())
            }) && digits(part, 10)
        })
        && body.matches('-').count() >= 2;
    let sexagesimal = body.contains(':')
        && body.starts_with(|c: char| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || "_:.".contains(c));
    let decimal = body
        .chars()
        .all(|c| c.is_ascii_digit() || "_.eE+-".contains(c))
        && body.replace('_', "").parse::<f64>().is_ok();
    matches!(lower.as_str(), ".inf" | ".nan")
        || lower.strip_prefix("0x").is_some_and(|h| digits(h, 16))
        || lower.strip_prefix("0o").is_some_and(|o| digits(o, 8))
        || lower.strip_prefix("0b").is_some_and(|b| digits(b, 2))
        || timestamp
        || sexagesimal
        || decimal
}

fn single_ok(text: &str) -> bool {
    !text.contains('\n') && !text.chars().any(is_control)
}

fn single(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn double(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if is_control(c) => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Multi-line text with something visible, no control characters, no lines of only spaces and
/// at most one final line end (a kept `|+` block would swallow blank lines that follow it).
fn literal_ok(text: &str) -> bool {
    text.trim().chars().next().is_some()
        && !text.ends_with("\n\n")
        && !text.chars().any(is_control)
        && !text
            .split('\n')
            .any(|line| !line.is_empty() && line.trim_matches(' ').is_empty())
}

fn literal(text: &str, key_col: usize, step: usize) -> String {
    let (chomp, body) = match text.strip_suffix('\n') {
        None => ("-", text),
        Some(rest) => ("", rest),
    };
    let first_line = body.split('\n').find(|l| !l.is_empty()).unwrap_or("");
    // Content indented further than the block's own indentation needs an explicit indicator:
    // the step from the key to the content, whatever the file's indentation habit.
    let indicator = if first_line.starts_with([' ', '\t']) {
        step.to_string()
    } else {
        String::new()
    };
    let pad = " ".repeat(key_col + step);
    let mut out = format!("|{indicator}{chomp}");
    for line in body.split('\n') {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALUE: Context = Context::Value {
        key_col: 2,
        step: 2,
    };

    #[test]
    fn plain_when_safe_quoted_otherwise() {
        assert_eq!(render("Monitor the dataset", VALUE), "Monitor the dataset");
        assert_eq!(render("1.10", VALUE), "'1.10'");
        assert_eq!(render("1", VALUE), "'1'");
        assert_eq!(render("2013-07-31", VALUE), "'2013-07-31'");
        assert_eq!(render("yes", VALUE), "'yes'");
        assert_eq!(render("No", VALUE), "'No'");
        assert_eq!(render("52.5%", VALUE), "52.5%");
        assert_eq!(render("Note: this", VALUE), "'Note: this'");
        assert_eq!(render("it's #1", VALUE), "'it''s #1'");
        assert_eq!(render("a #b", VALUE), "'a #b'");
        assert_eq!(render("- bullet", VALUE), "'- bullet'");
        assert_eq!(render("", VALUE), "''");
        assert_eq!(render(" lead", VALUE), "' lead'");
        assert_eq!(render("O'Neil's", VALUE), "O'Neil's");
        assert_eq!(render("issue#2", VALUE), "issue#2");
        assert_eq!(render("'quoted'", VALUE), "'''quoted'''");
        assert_eq!(render("tab\there", VALUE), "'tab\there'");
        assert_eq!(render("bell\u{7}", VALUE), "\"bell\\u0007\"");
        assert_eq!(render("x\u{fffe}\u{ffff}", VALUE), "\"x\\ufffe\\uffff\"");
        assert_eq!(render("nel\u{85}", VALUE), "\"nel\\u0085\"");
        assert_eq!(render("a, b", Context::Flow), "'a, b'");
        assert_eq!(render("2013-14", VALUE), "2013-14");
        assert_eq!(render("2013-07", VALUE), "2013-07");
        assert_eq!(render("2013-7-1", VALUE), "'2013-7-1'");
        assert_eq!(render("0x1F", VALUE), "'0x1F'");
        assert_eq!(render("12:30", VALUE), "'12:30'");
        assert_eq!(render("1e5", VALUE), "'1e5'");
        assert_eq!(render(".5", VALUE), "'.5'");
        assert_eq!(render("1.1a", VALUE), "1.1a");
    }

    #[test]
    fn multi_line_text_is_a_literal_block() {
        assert_eq!(render("one\ntwo", VALUE), "|-\n    one\n    two");
        assert_eq!(render("one\n\ntwo\n", VALUE), "|\n    one\n\n    two");
        assert_eq!(render("one\ntwo\n\n", VALUE), "\"one\\ntwo\\n\\n\"");
        assert_eq!(
            render("  indented\nnext", VALUE),
            "|2-\n      indented\n    next"
        );
        assert_eq!(render("one\ntwo", Context::Line), "\"one\\ntwo\"");
        assert_eq!(render("one\n   \ntwo", VALUE), "\"one\\n   \\ntwo\"");
    }

    #[test]
    fn keeps_the_old_quoting_when_it_can() {
        assert_eq!(
            render_like("plain text", ScalarForm::Single, VALUE),
            "'plain text'"
        );
        assert_eq!(
            render_like("plain text", ScalarForm::Double, VALUE),
            "\"plain text\""
        );
        assert_eq!(
            render_like("two\nlines", ScalarForm::Single, VALUE),
            "|-\n    two\n    lines"
        );
        assert_eq!(render_like("x", ScalarForm::Plain, VALUE), "x");
    }
}
