//! The file's own indentation habit, found from its first nested mapping and sequence, so new
//! text is indented the way the rest of the file is.

use super::Patcher;
use crate::store::emit::Indent;
use crate::store::tree::{Node, NodeKind};

impl Patcher<'_> {
    /// How the file indents nested mappings and sequences, from the first of each found.
    pub(super) fn detect_indent(&self, node: &Node) -> Option<Indent> {
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
}
