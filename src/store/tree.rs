//! A YAML document as a tree of nodes that remember where they are in the text.
//!
//! Built from saphyr-parser's events. Scalars keep their text and style; collections keep their
//! children and whether they were written in flow style. Offsets are bytes into the source text;
//! `end` is where the node's own content ends (trailing blank lines and comments excluded).

use super::source::{CharToByte, line_col};
use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use std::collections::HashMap;

/// How deep collections may nest; far beyond any plan, shallow enough never to exhaust a stack.
const MAX_DEPTH: usize = 64;
/// How many nodes aliases may copy in all, so a "billion laughs" file cannot exhaust memory.
const MAX_ALIAS_NODES: usize = 100_000;

/// One node of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Byte offset where the node starts (for an alias: the `*name`).
    pub start: usize,
    /// Byte offset where its content ends.
    pub end: usize,
    /// This node is an alias (`*name`) standing for a copy of an anchored node.
    pub alias: bool,
    /// What it holds.
    pub kind: NodeKind,
}

/// The three kinds of YAML node.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// A scalar's text and style.
    Scalar(Scalar),
    /// A sequence.
    Seq {
        /// The items.
        items: Vec<Node>,
        /// Written `[a, b]`.
        flow: bool,
    },
    /// A mapping, in file order.
    Map {
        /// Key and value pairs.
        entries: Vec<(Node, Node)>,
        /// Written `{a: b}`.
        flow: bool,
    },
}

/// A scalar value as parsed. Its text is the source slice it spans, unless quoting, escapes,
/// folding or an alias make it differ; only then is it stored, which keeps the tree small.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar {
    /// How it was written.
    pub style: ScalarForm,
    /// An unquoted empty value, `~` or `null`: no value at all.
    pub null: bool,
    /// The value when it is not simply the source slice.
    own: Option<Box<str>>,
}

/// How a scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarForm {
    /// Unquoted.
    Plain,
    /// `'single'`
    Single,
    /// `"double"`
    Double,
    /// `|` block.
    Literal,
    /// `>` block.
    Folded,
}

/// A syntax error with its 1-based position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// What is wrong.
    pub message: String,
}

impl Node {
    /// The scalar, if this is one.
    pub fn scalar(&self) -> Option<&Scalar> {
        match &self.kind {
            NodeKind::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// True for a null scalar.
    pub fn is_null(&self) -> bool {
        self.scalar().is_some_and(|s| s.null)
    }

    /// A scalar's value (escapes and folding resolved), given the source text.
    pub fn text<'a>(&'a self, source: &'a str) -> Option<&'a str> {
        let scalar = self.scalar()?;
        Some(
            scalar
                .own
                .as_deref()
                .unwrap_or(&source[self.start..self.end]),
        )
    }

    /// True for a collection written in flow style.
    pub fn is_flow(&self) -> bool {
        matches!(
            self.kind,
            NodeKind::Seq { flow: true, .. } | NodeKind::Map { flow: true, .. }
        )
    }

    /// The entry whose key is the scalar `key`, if this is a mapping.
    pub fn entry<'n>(&'n self, source: &str, key: &str) -> Option<&'n (Node, Node)> {
        match &self.kind {
            NodeKind::Map { entries, .. } => {
                entries.iter().find(|(k, _)| k.text(source) == Some(key))
            }
            _ => None,
        }
    }

    /// The items, if this is a sequence.
    pub fn items(&self) -> &[Node] {
        match &self.kind {
            NodeKind::Seq { items, .. } => items,
            _ => &[],
        }
    }

    fn count(&self) -> usize {
        1 + match &self.kind {
            NodeKind::Scalar(_) => 0,
            NodeKind::Seq { items, .. } => items.iter().map(Node::count).sum(),
            NodeKind::Map { entries, .. } => {
                entries.iter().map(|(k, v)| k.count() + v.count()).sum()
            }
        }
    }
}

/// A collection being built.
struct Frame {
    start: usize,
    flow: bool,
    anchor: usize,
    map: bool,
    items: Vec<Node>,
}

/// Parses one YAML document; `Ok(None)` when the text holds no document at all.
pub fn parse(text: &str) -> Result<Option<Node>, SyntaxError> {
    Builder {
        text,
        conv: CharToByte::new(text),
        stack: Vec::new(),
        anchors: HashMap::new(),
        alias_nodes: 0,
    }
    .run()
}

struct Builder<'a> {
    text: &'a str,
    conv: CharToByte<'a>,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Node>,
    alias_nodes: usize,
}

impl Builder<'_> {
    fn run(mut self) -> Result<Option<Node>, SyntaxError> {
        let mut parser = Parser::new_from_str(self.text);
        let mut root = None;
        let mut documents = 0;
        while let Some(next) = parser.next_event() {
            let (event, span) = next.map_err(|e| SyntaxError {
                line: e.marker().line(),
                col: e.marker().col() + 1,
                message: e.info().to_string(),
            })?;
            if let Event::DocumentStart(_) = event {
                documents += 1;
                if documents > 1 {
                    return Err(self.error(
                        span,
                        "a second YAML document ('---'); a plan file holds one document",
                    ));
                }
                continue;
            }
            if let Some(node) = self.event(event, span)? {
                root = Some(node);
            }
        }
        Ok(root)
    }

    fn error(&mut self, span: Span, message: &str) -> SyntaxError {
        let at = self.conv.byte(span.start.index());
        let (line, col) = line_col(self.text, at);
        SyntaxError {
            line,
            col,
            message: message.to_string(),
        }
    }

    /// Handles one event; returns the root node once the document's top node is complete.
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<Option<Node>, SyntaxError> {
        let start = self.conv.byte(span.start.index());
        let end = self.conv.byte(span.end.index());
        let node = match event {
            Event::Scalar(text, style, anchor, _) => {
                let style = match style {
                    ScalarStyle::Plain => ScalarForm::Plain,
                    ScalarStyle::SingleQuoted => ScalarForm::Single,
                    ScalarStyle::DoubleQuoted => ScalarForm::Double,
                    ScalarStyle::Literal => ScalarForm::Literal,
                    ScalarStyle::Folded => ScalarForm::Folded,
                };
                let end = match style {
                    // A kept (`|+`) block owns its trailing blank lines: end on the last one.
                    ScalarForm::Literal | ScalarForm::Folded if text.ends_with("\n\n") => {
                        self.kept_block_end(start, end)
                    }
                    ScalarForm::Literal | ScalarForm::Folded => self.trim_end(start, end),
                    ScalarForm::Single | ScalarForm::Double => {
                        quoted_end(self.text, start).unwrap_or(end)
                    }
                    ScalarForm::Plain => end,
                };
                let node = Node {
                    start,
                    end,
                    alias: false,
                    kind: NodeKind::Scalar(Scalar {
                        style,
                        null: style == ScalarForm::Plain
                            && matches!(&*text, "" | "~" | "null" | "Null" | "NULL"),
                        own: (*text != self.text[start..end]).then(|| text.into()),
                    }),
                };
                self.remember(anchor, &node);
                node
            }
            Event::Alias(id) => {
                let Some(target) = self.anchors.get(&id) else {
                    return Err(self.error(span, "alias to an unknown anchor"));
                };
                self.alias_nodes += target.count();
                if self.alias_nodes > MAX_ALIAS_NODES {
                    return Err(self.error(
                        span,
                        "aliases expand to too many nodes; write the values out",
                    ));
                }
                let mut kind = target.kind.clone();
                if let NodeKind::Scalar(scalar) = &mut kind {
                    // The alias's own span is `*name`: keep the anchored value's text.
                    scalar.own = Some(target.text(self.text).unwrap_or_default().into());
                }
                Node {
                    start,
                    end,
                    alias: true,
                    kind,
                }
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if self.stack.len() >= MAX_DEPTH {
                    return Err(self.error(span, "nested too deeply (more than 64 levels)"));
                }
                let map = matches!(event, Event::MappingStart(..));
                let flow = end > start && self.text[start..end].trim_end().ends_with(['[', '{']);
                self.stack.push(Frame {
                    start,
                    flow,
                    anchor,
                    map,
                    items: Vec::with_capacity(16),
                });
                return Ok(None);
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = self.stack.pop() else {
                    return Ok(None);
                };
                // A flow collection ends at its bracket, not at a comment after it.
                let end = if self.text[start..].starts_with([']', '}']) {
                    start + 1
                } else {
                    end
                };
                self.finish(frame, end)?
            }
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd
            | Event::Nothing => {
                return Ok(None);
            }
        };
        Ok(self.push(node))
    }

    fn finish(&mut self, frame: Frame, end: usize) -> Result<Node, SyntaxError> {
        let end = if frame.flow {
            end
        } else {
            frame.items.last().map_or(frame.start, |n| n.end)
        };
        let kind = if frame.map {
            let mut entries = Vec::with_capacity(frame.items.len() / 2);
            let mut items = frame.items.into_iter();
            while let (Some(key), Some(value)) = (items.next(), items.next()) {
                let value = self.place_empty_value(&key, value);
                entries.push((key, value));
            }
            if let Some(duplicate) = duplicate_key(self.text, &entries) {
                let (line, col) = line_col(self.text, duplicate.start);
                let name = duplicate.text(self.text).unwrap_or_default();
                let message =
                    format!("duplicate key '{name}' in the same mapping; remove one of them");
                return Err(SyntaxError { line, col, message });
            }
            NodeKind::Map {
                entries,
                flow: frame.flow,
            }
        } else {
            let mut items = frame.items;
            items.shrink_to_fit();
            NodeKind::Seq {
                items,
                flow: frame.flow,
            }
        };
        let node = Node {
            start: frame.start,
            end,
            alias: false,
            kind,
        };
        self.remember(frame.anchor, &node);
        Ok(node)
    }

    /// An empty value (`key:` with nothing after it) is placed just after its colon, not at the
    /// next token, so element ranges never reach into the following element.
    fn place_empty_value(&self, key: &Node, mut value: Node) -> Node {
        if value.start == value.end && value.is_null() && !value.alias {
            let after_key = &self.text[key.end..];
            let colon = after_key
                .find(|c: char| c != ' ' && c != '\t')
                .filter(|&i| after_key[i..].starts_with(':'));
            let at = colon.map_or(key.end, |i| key.end + i + 1);
            value.start = at;
            value.end = at;
        }
        value
    }

    /// The line end of the last blank line a kept block owns (the parser's span runs on to the
    /// next token).
    fn kept_block_end(&self, start: usize, end: usize) -> usize {
        let before = self.text[..end].trim_end_matches([' ', '\t']);
        if before.ends_with('\n') && before.len() > start {
            before.len() - 1
        } else {
            self.trim_end(start, end)
        }
    }

    fn trim_end(&self, start: usize, end: usize) -> usize {
        let trimmed = self.text[start..end].trim_end();
        start + trimmed.len()
    }

    fn remember(&mut self, anchor: usize, node: &Node) {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
    }

    fn push(&mut self, node: Node) -> Option<Node> {
        match self.stack.last_mut() {
            Some(frame) => {
                frame.items.push(node);
                None
            }
            None => Some(node),
        }
    }
}

/// Just past the closing quote of the quoted scalar starting at `start` (the parser's own span
/// runs on over trailing spaces and comments).
fn quoted_end(text: &str, start: usize) -> Option<usize> {
    let quote = text[start..]
        .chars()
        .next()
        .filter(|c| *c == '\'' || *c == '"')?;
    let mut chars = text[start + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            c if c == quote => {
                let after = start + 1 + i + 1;
                if quote == '\'' && text[after..].starts_with('\'') {
                    chars.next();
                } else {
                    return Some(after);
                }
            }
            _ => {}
        }
    }
    None
}

/// The first key that repeats an earlier one. Plan mappings are small, so comparing each key
/// with those before it is quicker than hashing; large mappings (custom data) are hashed.
fn duplicate_key<'n>(source: &'n str, entries: &'n [(Node, Node)]) -> Option<&'n Node> {
    let key = |i: usize| entries[i].0.text(source);
    if entries.len() <= 16 {
        return (1..entries.len())
            .find(|&i| key(i).is_some() && (0..i).any(|j| key(j) == key(i)))
            .map(|i| &entries[i].0);
    }
    let mut seen = std::collections::HashSet::new();
    (0..entries.len())
        .find(|&i| key(i).is_some() && !seen.insert(key(i)))
        .map(|i| &entries[i].0)
}

#[cfg(test)]
#[path = "tree_tests.rs"]
mod tests;
