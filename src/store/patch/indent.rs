//! The file's own indentation habit, found from its first nested mapping and sequence, so new
//! text is indented the way the rest of the file is. A file with no mapping nested under a key
//! (PyYAML's `-   ref:` style) shows its step in the gap between a dash and its item's keys.

use super::Patcher;
use crate::store::emit::Indent;
use crate::store::tree::{Node, NodeKind};

impl Patcher<'_> {
    /// How the file indents nested mappings and sequences, from the first of each found.
    pub(super) fn detect_indent(&self, node: &Node) -> Option<Indent> {
        let mut found = Found::default();
        self.find_indent(node, &mut found, 0);
        match found {
            Found {
                map: None,
                seq: None,
                ..
            } => None,
            Found { map, seq, item } => Some(Indent {
                map: map.or(item.filter(|&gap| gap >= 2)).unwrap_or(2),
                seq: seq.unwrap_or(0),
            }),
        }
    }

    fn find_indent(&self, node: &Node, found: &mut Found, depth: usize) {
        if depth > 8 || (found.map.is_some() && found.seq.is_some()) {
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
                } if !value.alias && found.map.is_none() => {
                    let inner_col = inner.first().map_or(key_col, |(k, _)| self.col(k.start));
                    found.map = (inner_col > key_col).then(|| inner_col - key_col);
                }
                NodeKind::Seq { items, flow: false } if !value.alias && found.seq.is_none() => {
                    if let Some(first) = items.first()
                        && let Some(dash) = self.dash(first)
                    {
                        found.seq = self.col(dash).checked_sub(key_col);
                        found.item = self.item_gap(first, dash);
                    }
                }
                _ => {}
            }
            self.find_indent(value, found, depth + 1);
        }
    }

    /// Columns from an item's dash to its first key, when the item is a block mapping.
    fn item_gap(&self, item: &Node, dash: usize) -> Option<usize> {
        let (key, _) = self.block_entries(item).ok()?.first()?;
        self.col(key.start).checked_sub(self.col(dash))
    }
}

/// What the walk has found so far: the step of a mapping nested under a key, the column of a
/// sequence's dashes under its key, and the gap between a dash and its item's first key.
#[derive(Default)]
struct Found {
    map: Option<usize>,
    seq: Option<usize>,
    item: Option<usize>,
}
