//! Minimal-diff saves: compares the plan as loaded with the plan as edited, field by field and
//! element by element, and turns each difference into a text patch on the original file.
//!
//! Unchanged text keeps its bytes. A changed scalar is replaced where it stands (keeping its
//! quoting when it can); a removed field or element takes its lines with it; a new one is
//! written canonically at its place; reordered elements move with their own text and comments.
//! Where the original layout cannot take an edit (flow style, aliases, keys sharing a line),
//! the smallest enclosing element or value is rewritten canonically instead.

use super::emit::{Indent, entry_text, flow_list, item_content, scalar_text, value_text};
use super::scalar::{Context, render_like};
use super::source::{line_start, next_line_start};
use super::tree::{Node, NodeKind, Style};
use super::view::{Element, Value};
use std::collections::{HashMap, HashSet};

/// Replace `start..end` of the original text with `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Patch {
    /// First byte replaced.
    pub start: usize,
    /// End of the bytes replaced (equal to `start` for an insertion).
    pub end: usize,
    /// The new text.
    pub text: String,
}

/// The layout at hand cannot take the edit: the caller rewrites the whole node.
#[derive(Debug)]
struct Rewrite;

/// Patches turning `old` into `new` on `text` (whose tree is `root`), in order and not
/// overlapping; `None` when only a rewrite of the whole document will do.
pub fn patches(
    text: &str,
    root: &Node,
    old: &Element,
    new: &Element,
    crlf: bool,
) -> Option<Vec<Patch>> {
    let mut patcher = Patcher {
        text,
        crlf,
        indent: Indent::CANONICAL,
        out: Vec::new(),
    };
    patcher.indent = patcher.detect_indent(root).unwrap_or(Indent::CANONICAL);
    patcher.element(root, old, new).ok()?;
    let mut out = patcher.out;
    out.sort_by_key(|p| (p.start, p.end));
    let ordered = out.windows(2).all(|pair| pair[1].start >= pair[0].end);
    ordered.then_some(out)
}

/// Applies sorted, non-overlapping patches to `text`, whose first byte is at offset `base`.
pub fn apply(text: &str, base: usize, patches: &[Patch]) -> String {
    let mut out =
        String::with_capacity(text.len() + patches.iter().map(|p| p.text.len()).sum::<usize>());
    let mut at = 0;
    for patch in patches {
        out.push_str(&text[at..patch.start - base]);
        out.push_str(&patch.text);
        at = patch.end - base;
    }
    out.push_str(&text[at..]);
    out
}

struct Patcher<'a> {
    text: &'a str,
    crlf: bool,
    /// The file's own indentation habit, for new text.
    indent: Indent,
    out: Vec<Patch>,
}

/// The value stored under `key` in a list of fields.
fn lookup<'v, K: AsRef<str>>(list: &'v [(K, Value)], key: &str) -> Option<&'v Value> {
    list.iter().find(|(k, _)| k.as_ref() == key).map(|(_, v)| v)
}

impl<'a> Patcher<'a> {
    fn sub(&self) -> Patcher<'a> {
        Patcher {
            text: self.text,
            crlf: self.crlf,
            indent: self.indent,
            out: Vec::new(),
        }
    }

    fn push(&mut self, start: usize, end: usize, text: String) {
        let text = if self.crlf {
            text.replace('\n', "\r\n")
        } else {
            text
        };
        self.out.push(Patch { start, end, text });
    }

    /// Replaces a value with text that may span lines. A comment after the old value on its
    /// line moves up to the new value's first line, so it never ends up inside a block.
    fn replace_value(&mut self, start: usize, end: usize, text: String) {
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

    fn col(&self, at: usize) -> usize {
        at - line_start(self.text, at)
    }

    /// True when only indentation stands before `at` on its line.
    fn starts_line(&self, at: usize) -> bool {
        self.text[line_start(self.text, at)..at]
            .chars()
            .all(|c| c == ' ')
    }

    fn block_entries<'n>(&self, node: &'n Node) -> Result<&'n [(Node, Node)], Rewrite> {
        match &node.kind {
            NodeKind::Map {
                entries,
                flow: false,
            } if !node.alias && !entries.is_empty() => Ok(entries),
            _ => Err(Rewrite),
        }
    }

    fn element(&mut self, node: &Node, old: &Element, new: &Element) -> Result<(), Rewrite> {
        let order = |key: &str| new.order(key);
        self.fields(node, &old.fields, &new.fields, &order)
    }

    fn map(
        &mut self,
        node: &Node,
        old: &[(String, Value)],
        new: &[(String, Value)],
    ) -> Result<(), Rewrite> {
        let entries = self.block_entries(node)?;
        let order = |key: &str| new.iter().position(|(k, _)| k == key).unwrap_or(usize::MAX);
        let kept: Vec<usize> = entries
            .iter()
            .filter_map(|(k, _)| k.text(self.text))
            .map(order)
            .filter(|&o| o != usize::MAX)
            .collect();
        if kept.windows(2).any(|w| w[0] > w[1]) {
            return Err(Rewrite);
        }
        self.fields(node, old, new, &order)
    }

    fn fields<K: AsRef<str>>(
        &mut self,
        node: &Node,
        old: &[(K, Value)],
        new: &[(K, Value)],
        order: &dyn Fn(&str) -> usize,
    ) -> Result<(), Rewrite> {
        let entries = self.block_entries(node)?;
        let col = self.col(entries[0].0.start);
        let mut keys: Vec<&str> = new.iter().map(|(k, _)| k.as_ref()).collect();
        keys.extend(
            old.iter()
                .map(|(k, _)| k.as_ref())
                .filter(|k| lookup(new, k).is_none()),
        );
        for key in keys {
            let (old_value, new_value) = (lookup(old, key), lookup(new, key));
            if old_value == new_value {
                continue;
            }
            let entry = entries.iter().find(|(k, _)| k.text(self.text) == Some(key));
            match (entry, new_value) {
                (Some((k, v)), Some(value)) => self.value(k, v, old_value, value, col)?,
                (Some((k, v)), None) => self.delete_entry(k, v)?,
                (None, Some(value)) => self.insert_entry(entries, key, value, col, order)?,
                (None, None) => {}
            }
        }
        Ok(())
    }

    /// Offset just after the `:` that follows a key.
    fn after_colon(&self, key: &Node) -> Result<usize, Rewrite> {
        let rest = &self.text[key.end..];
        let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if rest[gap..].starts_with(':') {
            Ok(key.end + gap + 1)
        } else {
            Err(Rewrite)
        }
    }

    fn value(
        &mut self,
        key: &Node,
        node: &Node,
        old: Option<&Value>,
        new: &Value,
        col: usize,
    ) -> Result<(), Rewrite> {
        let start = self.after_colon(key)?;
        let end = node.end.max(start);
        let plain_block = !node.alias && !node.is_flow();
        match (old, new) {
            (Some(Value::Elements(old_items)), Value::Elements(new_items)) if plain_block => {
                let mut sub = self.sub();
                if sub.elements(node, old_items, new_items).is_ok() {
                    self.out.extend(sub.out);
                    return Ok(());
                }
            }
            (Some(Value::Map(old_map)), Value::Map(new_map)) if plain_block => {
                let mut sub = self.sub();
                if sub.map(node, old_map, new_map).is_ok() {
                    self.out.extend(sub.out);
                    return Ok(());
                }
            }
            _ => {}
        }
        match new {
            Value::List(items) if node.is_flow() && !node.alias => {
                if let Some(flow) = flow_list(items) {
                    self.push(node.start, node.end, flow);
                    return Ok(());
                }
            }
            Value::List(items)
                if items.len() == 1 && !node.alias && node.scalar().is_some_and(|s| !s.null) =>
            {
                let text = self.scalar_like(node, &items[0], col);
                self.push(node.start, node.end, text);
                return Ok(());
            }
            Value::List(_) => {
                self.replace_value(start, end, value_text(new, col, self.indent));
                return Ok(());
            }
            Value::Text(_) | Value::Verbatim(_) | Value::Scalar { .. } => {
                let text = self.scalar_like(node, new, col);
                self.replace_scalar(start, node, text);
                return Ok(());
            }
            Value::Map(_) | Value::Elements(_) => {}
        }
        self.replace_value(start, end, value_text(new, col, self.indent));
        Ok(())
    }

    /// Replaces a scalar value whose key's colon ends at `start`, keeping its anchor or tag, a
    /// comment between the key and the value, and a comment on a block's header line.
    fn replace_scalar(&mut self, start: usize, node: &Node, text: String) {
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
            .is_some_and(|s| matches!(s.style, Style::Literal | Style::Folded));
        if block && let Some((indicator, line_end)) = self.block_header(start, node.start) {
            let rest = &self.text[indicator.1..line_end];
            let text = match text.split_once('\n') {
                Some((head, tail)) => format!("{head}{rest}\n{tail}"),
                None => format!("{text}{rest}"),
            };
            return self.push(indicator.0, end, text);
        }
        let value_start = skip_properties(self.text, node.start, end);
        if value_start > start {
            self.replace_value(value_start, end, text);
        } else {
            self.replace_value(start, end, format!(" {text}"));
        }
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
    fn scalar_like(&self, node: &Node, value: &Value, col: usize) -> String {
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

    fn delete_entry(&mut self, key: &Node, value: &Node) -> Result<(), Rewrite> {
        if !self.starts_line(key.start) {
            return Err(Rewrite);
        }
        let start = line_start(self.text, key.start);
        let end = next_line_start(self.text, value.end.max(key.end));
        self.push(start, end, String::new());
        Ok(())
    }

    fn insert_entry(
        &mut self,
        entries: &[(Node, Node)],
        key: &str,
        value: &Value,
        col: usize,
        order: &dyn Fn(&str) -> usize,
    ) -> Result<(), Rewrite> {
        let mine = order(key);
        let before = entries
            .iter()
            .filter(|(k, _)| k.text(self.text).is_some_and(|name| order(name) < mine));
        let text = entry_text(key, value, col, self.indent);
        match before.max_by_key(|(k, _)| k.start) {
            Some((k, v)) => {
                let at = next_line_start(self.text, v.end.max(k.end));
                self.insert_line(at, text);
            }
            None => {
                let first = &entries[0].0;
                if !self.starts_line(first.start) {
                    return Err(Rewrite);
                }
                self.push(
                    line_start(self.text, first.start),
                    line_start(self.text, first.start),
                    text,
                );
            }
        }
        Ok(())
    }

    /// Inserts whole lines at `at`, adding the missing line end when `at` is a last line's end.
    fn insert_line(&mut self, at: usize, text: String) {
        let text = if at == self.text.len() && !self.text.is_empty() && !self.text.ends_with('\n') {
            format!("\n{text}")
        } else {
            text
        };
        self.push(at, at, text);
    }

    /// The `-` of a block sequence item, found by walking back from the item's content.
    fn dash(&self, item: &Node) -> Option<usize> {
        let before = self.text[..item.start].trim_end_matches([' ', '\n', '\r']);
        before
            .ends_with('-')
            .then(|| before.len() - 1)
            .filter(|&d| self.starts_line(d))
    }

    /// How the file indents nested mappings and sequences, from the first of each found.
    fn detect_indent(&self, node: &Node) -> Option<Indent> {
        let mut found = (None, None);
        self.find_indent(node, &mut found, 0);
        match found {
            (None, None) => None,
            (map, seq) => Some(Indent {
                map: map.unwrap_or(2),
                seq: seq.unwrap_or(0),
            }),
        }
    }

    fn find_indent(&self, node: &Node, found: &mut (Option<usize>, Option<usize>), depth: usize) {
        if depth > 8 || (found.0.is_some() && found.1.is_some()) {
            return;
        }
        let Ok(entries) = self.block_entries(node) else {
            if let NodeKind::Seq { items, flow: false } = &node.kind {
                items
                    .iter()
                    .take(1)
                    .for_each(|item| self.find_indent(item, found, depth + 1));
            }
            return;
        };
        for (key, value) in entries {
            let key_col = self.col(key.start);
            match &value.kind {
                NodeKind::Map {
                    entries: inner,
                    flow: false,
                } if !value.alias && found.0.is_none() => {
                    let inner_col = inner.first().map_or(key_col, |(k, _)| self.col(k.start));
                    found.0 = (inner_col > key_col).then(|| inner_col - key_col);
                }
                NodeKind::Seq { items, flow: false } if !value.alias && found.1.is_none() => {
                    if let Some(dash) = items.first().and_then(|i| self.dash(i)) {
                        found.1 = self.col(dash).checked_sub(key_col);
                    }
                }
                _ => {}
            }
            self.find_indent(value, found, depth + 1);
        }
    }

    fn elements(&mut self, seq: &Node, old: &[Element], new: &[Element]) -> Result<(), Rewrite> {
        let items = seq.items();
        if items.len() != old.len() || items.is_empty() || seq.is_flow() || seq.alias {
            return Err(Rewrite);
        }
        let dashes: Vec<usize> = items
            .iter()
            .map(|i| self.dash(i))
            .collect::<Option<_>>()
            .ok_or(Rewrite)?;
        let dash_col = self.col(dashes[0]);
        let ranges: Vec<(usize, usize)> = (0..items.len())
            .map(|i| {
                let start = if i == 0 {
                    line_start(self.text, dashes[0])
                } else {
                    next_line_start(self.text, items[i - 1].end)
                };
                (start, next_line_start(self.text, items[i].end))
            })
            .collect();
        if ranges.iter().zip(&dashes).any(|(r, &d)| r.0 > d) {
            return Err(Rewrite);
        }
        let matched = match_ids(old, new);
        let kept: Vec<usize> = matched.iter().flatten().copied().collect();
        if kept.windows(2).all(|w| w[0] < w[1]) {
            self.elements_in_order(items, &ranges, old, new, &matched, dash_col);
        } else {
            self.elements_reordered(items, &ranges, old, new, &matched, dash_col);
        }
        Ok(())
    }

    fn elements_in_order(
        &mut self,
        items: &[Node],
        ranges: &[(usize, usize)],
        old: &[Element],
        new: &[Element],
        matched: &[Option<usize>],
        dash_col: usize,
    ) {
        for (i, range) in ranges.iter().enumerate() {
            if !matched.contains(&Some(i)) {
                self.push(range.0, range.1, String::new());
            }
        }
        let mut insert_at = ranges[0].0;
        for (element, found) in new.iter().zip(matched) {
            match found {
                Some(i) => {
                    if old[*i] != *element {
                        self.item(&items[*i], &old[*i], element);
                    }
                    insert_at = ranges[*i].1;
                }
                None => self.insert_line(insert_at, element_item(element, dash_col, self.indent)),
            }
        }
    }

    fn elements_reordered(
        &mut self,
        items: &[Node],
        ranges: &[(usize, usize)],
        old: &[Element],
        new: &[Element],
        matched: &[Option<usize>],
        dash_col: usize,
    ) {
        let mut region = String::new();
        for (element, found) in new.iter().zip(matched) {
            match found {
                Some(i) => {
                    let (start, end) = ranges[*i];
                    let mut sub = self.sub();
                    if old[*i] != *element {
                        sub.item(&items[*i], &old[*i], element);
                    }
                    sub.out.sort_by_key(|p| (p.start, p.end));
                    region.push_str(&apply(&self.text[start..end], start, &sub.out));
                    if !region.ends_with('\n') {
                        region.push_str(if self.crlf { "\r\n" } else { "\n" });
                    }
                }
                None => {
                    let text = element_item(element, dash_col, self.indent);
                    region.push_str(&if self.crlf {
                        text.replace('\n', "\r\n")
                    } else {
                        text
                    });
                }
            }
        }
        let start = ranges[0].0;
        let end = ranges[ranges.len() - 1].1;
        self.out.push(Patch {
            start,
            end,
            text: region,
        });
    }

    /// Patches one element in place, or rewrites it canonically where its layout cannot be kept.
    fn item(&mut self, node: &Node, old: &Element, new: &Element) {
        let mut sub = self.sub();
        match sub.element(node, old, new) {
            Ok(()) => self.out.extend(sub.out),
            Err(Rewrite) => {
                let col = self.col(node.start);
                self.push(node.start, node.end, item_content(new, col, self.indent));
            }
        }
    }
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

/// A new element as a block sequence item with its dash at `dash_col`.
fn element_item(element: &Element, dash_col: usize, indent: Indent) -> String {
    format!(
        "{}- {}\n",
        " ".repeat(dash_col),
        item_content(element, dash_col + 2, indent)
    )
}

/// For each new element, the index of the old element with the same identity (each claimed once).
fn match_ids(old: &[Element], new: &[Element]) -> Vec<Option<usize>> {
    let by_id: HashMap<u64, usize> = old
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.id.map(|id| (id.raw(), i)))
        .collect();
    let mut claimed = HashSet::new();
    new.iter()
        .map(|e| {
            e.id.and_then(|id| by_id.get(&id.raw()).copied())
                .filter(|i| claimed.insert(*i))
        })
        .collect()
}
