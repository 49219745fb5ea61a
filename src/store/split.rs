//! Large plan files are parsed on two cores: the `themes:` list is cut at a theme boundary and
//! each half is parsed on its own thread, while the rest of the file (before and after the
//! list) is parsed on the caller's. The pieces are put back together with their true
//! positions; the result is the same tree a single pass gives (tests compare them). Anything
//! unusual (no plain top-level `themes:` list, tabs, a piece that does not parse on its own,
//! such as an alias to an anchor in another piece) falls back to the single pass, which also
//! gives the exact error position.

use super::tree::{Node, NodeKind, SyntaxError, parse};

/// Below this size a single pass is quicker than starting a thread.
const MIN_SPLIT: usize = 256 * 1024;

/// Parses a plan file, on two cores when it is large and the machine has them.
pub fn parse_plan_text(text: &str) -> Result<Option<Node>, SyntaxError> {
    parse_with_split(text, MIN_SPLIT)
}

/// [`parse_plan_text`] with a chosen size threshold (tests use a small one).
pub fn parse_with_split(text: &str, min_split: usize) -> Result<Option<Node>, SyntaxError> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if text.len() >= min_split
        && cores > 1
        && let Some(root) = parse_split(text)
    {
        return Ok(Some(root));
    }
    parse(text)
}

/// Where to cut: byte offsets of the themes' first item, of the item the second half starts
/// with, and of the end of the list; and the list's indentation.
struct Cut {
    start: usize,
    middle: usize,
    end: usize,
    indent: usize,
}

fn find_cut(text: &str) -> Option<Cut> {
    let mut lines = text.split_inclusive('\n').scan(0, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line.trim_end_matches(['\n', '\r'])))
    });
    lines.by_ref().find(|(_, line)| {
        line.strip_prefix("themes:")
            .is_some_and(|rest| rest.trim().is_empty() || rest.trim_start().starts_with('#'))
    })?;
    let is_item = |line: &str, indent: usize| {
        line.len() > indent
            && line[..indent].bytes().all(|b| b == b' ')
            && (line[indent..].starts_with("- ") || &line[indent..] == "-")
    };
    let mut items = Vec::new();
    let mut indent = None;
    let mut end = text.len();
    for (start, line) in lines {
        let trimmed = line.trim_start_matches(' ');
        if line.starts_with('\t') || trimmed.starts_with('\t') && trimmed.trim().is_empty() {
            return None;
        }
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let column = line.len() - trimmed.len();
        let list_indent = *indent.get_or_insert(column);
        if is_item(line, list_indent) {
            items.push(start);
        } else if column <= list_indent {
            end = start;
            break;
        }
    }
    if items.len() < 2 {
        return None;
    }
    let half = items[0] + (end - items[0]) / 2;
    let middle = *items.iter().skip(1).min_by_key(|&&at| at.abs_diff(half))?;
    Some(Cut {
        start: items[0],
        middle,
        end,
        indent: indent?,
    })
}

fn parse_split(text: &str) -> Option<Node> {
    let Cut {
        start,
        middle: cut,
        end,
        indent,
    } = find_cut(text)?;
    let outline_text = format!("{}{}", &text[..start], &text[end..]);
    let (first, second, outline) = std::thread::scope(|scope| {
        let first = scope.spawn(|| parse(&text[start..cut]));
        let second = scope.spawn(|| parse(&text[cut..end]));
        let outline = parse(&outline_text);
        (first.join(), second.join(), outline)
    });
    let first = first.ok()?.ok()??;
    let indented_start = first.start + start;
    let mut items = into_items(first)?;
    items.iter_mut().for_each(|n| shift(n, 0, start));
    let mut rest = into_items(second.ok()?.ok()??)?;
    rest.iter_mut().for_each(|n| shift(n, 0, cut));
    items.extend(rest);
    let mut root = outline.ok()??;
    shift(&mut root, start, end - start);
    let seq_end = items.last()?.end;
    // The parser starts a list written at its key's own column at the first item's content,
    // and an indented one where its first line starts.
    let seq_start = if indent == 0 {
        items.first()?.start
    } else {
        indented_start
    };
    let themes = Node {
        start: seq_start,
        end: seq_end,
        alias: false,
        kind: NodeKind::Seq { items, flow: false },
    };
    let NodeKind::Map {
        entries,
        flow: false,
    } = &mut root.kind
    else {
        return None;
    };
    let (_, value) = entries
        .iter_mut()
        .find(|(k, _)| k.text(text) == Some("themes"))?;
    if !value.is_null() || value.alias || value.start > start {
        return None;
    }
    *value = themes;
    root.end = root.end.max(seq_end);
    Some(root)
}

/// The items of a piece, which must be a block sequence.
fn into_items(node: Node) -> Option<Vec<Node>> {
    match node.kind {
        NodeKind::Seq { items, flow: false } if !node.alias => Some(items),
        _ => None,
    }
}

/// Moves every node that starts at or after `from` by `by` bytes.
fn shift(node: &mut Node, from: usize, by: usize) {
    if node.start >= from {
        node.start += by;
    }
    if node.end >= from && (node.end > from || node.start > from) {
        node.end += by;
    }
    match &mut node.kind {
        NodeKind::Scalar(_) => {}
        NodeKind::Seq { items, .. } => items.iter_mut().for_each(|n| shift(n, from, by)),
        NodeKind::Map { entries, .. } => entries.iter_mut().for_each(|(k, v)| {
            shift(k, from, by);
            shift(v, from, by);
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(themes: usize, indent: &str, tail: &str) -> String {
        let mut text = String::from(
            "# a plan\nboard: B\nperiod: 2013-14\ntitle: T\nowners:\n  QEG: Q\nthemes:\n",
        );
        for t in 0..themes {
            text.push_str(&format!(
                "{indent}- ref: '{t}'\n{indent}  title: Theme {t}\n{indent}  actions:\n"
            ));
            text.push_str(&format!("{indent}  - ref: '{t}.1'\n{indent}    action: Do it\n{indent}    progress: |+\n{indent}      kept\n\n"));
            text.push_str(&format!(
                "{indent}    owners: [QEG, \"S L\"]\n{indent}  # between themes\n"
            ));
        }
        text.push_str(tail);
        text
    }

    #[test]
    fn split_parse_equals_single_pass() {
        for text in [
            plan(9, "", ""),
            plan(9, "  ", "custom:\n  x: 1\n"),
            plan(4, "", "...\n"),
            plan(5, "", "custom: &a {k: v}\n").replace(
                "action: Do it",
                "action: Do it\n    notes: 'two\n      lines'",
            ),
            plan(6, "", "").replace("\n", "\r\n"),
        ] {
            let single = parse(&text).unwrap();
            assert!(find_cut(&text).is_some(), "{text}");
            assert_eq!(parse_with_split(&text, 0).unwrap(), single, "{text}");
        }
    }

    #[test]
    fn bundled_plans_parse_the_same_split() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for name in [
            "plans/2013-14.yaml",
            "plans/2011-12.yaml",
            "examples/peterborough-childrens-trust/2010-11.yaml",
            "examples/portsmouth/2011-12.yaml",
            "examples/west-berkshire/2015-17.yaml",
        ] {
            let text = std::fs::read_to_string(root.join(name)).unwrap();
            assert!(find_cut(&text).is_some(), "{name}");
            assert_eq!(
                parse_with_split(&text, 0).unwrap(),
                parse(&text).unwrap(),
                "{name}"
            );
        }
    }

    #[test]
    fn unusual_files_fall_back_to_a_single_pass() {
        let aliased = plan(6, "", "").replace("themes:\n", "themes:\n- &t\n  ref: x\n  title: y\n")
            + "- *t\n";
        assert_eq!(
            parse_with_split(&aliased, 0).unwrap(),
            parse(&aliased).unwrap()
        );
        let broken = plan(6, "", "") + "- ref: 'z'\n  title: [unclosed\n";
        assert_eq!(
            parse_with_split(&broken, 0).unwrap_err(),
            parse(&broken).unwrap_err()
        );
        assert!(find_cut("themes: []\n").is_none());
    }
}
