//! Replacing one value in place: a scalar keeps its quoting, its anchor or tag, a comment
//! before it and a comment on its block header; a comment after a value that becomes a block
//! moves up to the block's header line.

use super::Patcher;
use crate::store::emit::scalar_text;
use crate::store::scalar::{Context, render_like};
use crate::store::tree::{Node, ScalarForm};
use crate::store::view::Value;

impl Patcher<'_> {
    /// Replaces a value with text that may span lines. A comment after the old value on its
    /// line moves up to the new value's first line, so it never ends up inside a block.
    pub(super) fn replace_value(&mut self, start: usize, end: usize, text: String) {
        let line_end = self.text[end..]
            .find(['\r', '\n'])
            .map_or(self.text.len(), |i| end + i);
        let rest = &self.text[end..line_end];
        match text.split_once('\n') {
            Some((head, tail)) if !rest.trim().is_empty() => {
                self.push(start, line_end, format!("{head}{rest}\n{tail}"))
            }
            _ => self.push(start, end, text),
        }
    }

    /// Replaces a scalar value whose key's colon ends at `start`, keeping its anchor or tag, a
    /// comment between the key and the value, and a comment on a block's header line.
    pub(super) fn replace_scalar(&mut self, start: usize, node: &Node, text: String) {
        let end = node.end.max(start);
        if text.is_empty() || node.alias {
            let text = if text.is_empty() {
                text
            } else {
                format!(" {text}")
            };
            return self.replace_value(start, end, text);
        }
        let block = node
            .scalar()
            .is_some_and(|s| matches!(s.style, ScalarForm::Literal | ScalarForm::Folded));
        if block && let Some((indicator, line_end)) = self.block_header(start, node.start) {
            let rest = &self.text[indicator.1..line_end];
            let text = match text.split_once('\n') {
                Some((head, tail)) => format!("{head}{rest}\n{tail}"),
                None => format!("{text}{rest}"),
            };
            return self.push(indicator.0, end, text);
        }
        let value_start = skip_properties(self.text, node.start, end);
        if let Some(anchor) = anchor_name(&self.text[node.start..value_start]) {
            self.edited_anchors.borrow_mut().push(anchor.to_string());
        }
        if value_start > start {
            self.replace_value(value_start, end, text);
        } else {
            self.replace_value(start, end, format!(" {text}"));
        }
    }

    /// An unchanged value written as an alias (`*name`) to an anchor whose value was edited:
    /// writes the value out, so it keeps what it said.
    pub(super) fn unalias_if_edited(
        &mut self,
        key: &Node,
        node: &Node,
        value: &Value,
        col: usize,
    ) -> Result<(), super::Rewrite> {
        let name = self.text[node.start..node.end].strip_prefix('*');
        let edited = name.is_some_and(|n| self.edited_anchors.borrow().iter().any(|a| a == n));
        if node.alias && edited && node.scalar().is_some() {
            let start = self.after_colon(key)?;
            let text = self.scalar_like(node, value, col);
            self.replace_scalar(start, node, text);
        }
        Ok(())
    }

    /// A block scalar's indicator (`|`, `>-`, `|2+` ...) on the line of the text between a
    /// key's colon and the block's content, and the end of that line.
    fn block_header(&self, start: usize, content: usize) -> Option<((usize, usize), usize)> {
        let gap = self.text.get(start..content)?;
        let line = &gap[..gap.find(['\r', '\n']).unwrap_or(gap.len())];
        let at = skip_properties(line, 0, line.len());
        if !line[at..].starts_with(['|', '>']) {
            return None;
        }
        let len = 1 + line[at + 1..]
            .find(|c: char| !(c.is_ascii_digit() || c == '+' || c == '-'))
            .unwrap_or(line.len() - at - 1);
        Some(((start + at, start + at + len), start + line.len()))
    }

    /// A scalar written in the style the old one had, when it had one.
    pub(super) fn scalar_like(&self, node: &Node, value: &Value, col: usize) -> String {
        let context = Context::Value {
            key_col: col,
            step: self.indent.map,
        };
        match (node.scalar(), value) {
            (Some(old), Value::Text(text)) if !node.alias && !old.null => {
                render_like(text, old.style, context)
            }
            _ => scalar_text(value, context),
        }
    }
}

/// The name of the anchor (`&name`) among a node's properties, if it has one.
fn anchor_name(properties: &str) -> Option<&str> {
    properties
        .split_whitespace()
        .find_map(|token| token.strip_prefix('&'))
}

/// The offset after the blanks and node properties (`&anchor`, `!tag`) starting at `at`.
fn skip_properties(text: &str, mut at: usize, end: usize) -> usize {
    loop {
        let rest = &text[at..end];
        let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let rest = &rest[blanks..];
        if !rest.starts_with(['&', '!']) {
            return at + blanks;
        }
        match rest.find([' ', '\t', '\r', '\n']) {
            Some(token) => at += blanks + token,
            None => return at + blanks,
        }
    }
}
