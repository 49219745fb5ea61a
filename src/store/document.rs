//! A loaded plan file: its text and syntax tree, and the identities of its elements, so that a
//! save can patch just what changed. Loading validates everything; saving verifies its output.
//!
//! The plan as loaded is not kept as a second copy: it is decoded again from the tree when a
//! save needs to compare, with the element identities handed out at load time.

use super::decode::decode_plan;
use super::diagnostic::Diagnostic;
use super::emit::canonical;
use super::patch::{apply, patches};
use super::source::{Source, line_col};
use super::split::parse_plan_text;
use super::syntax::{conflict_marker, explain};
use super::tree::Node;
use super::view::plan_view;
use crate::model::{ElementId, Location, Plan, Severity, validate};

/// The parsed form of one file, kept beside the plan the user edits.
#[derive(Debug, Clone)]
pub struct Document {
    source: Source,
    root: Node,
    ids: Vec<ElementId>,
}

/// A successful load: the document, the plan to edit, and any warnings.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Keep this to save later.
    pub document: Document,
    /// The plan, to read and edit.
    pub plan: Plan,
    /// Problems that do not stop the plan loading (free-text dates, repeated owners).
    pub warnings: Vec<Diagnostic>,
}

/// The text a save would write.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The file's new bytes (BOM kept).
    pub bytes: Vec<u8>,
    /// The layout could not take the edits, so the whole file was written canonically
    /// (comments and the file's own style are lost): say so to the user.
    pub rewrote_whole_file: bool,
    /// The new text and its tree; `None` when nothing changed.
    parsed: Option<(String, Node)>,
}

/// Parses file bytes into a plan, or every error found with its line and column.
pub fn load(bytes: &[u8]) -> Result<Loaded, Vec<Diagnostic>> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let (line, col) = line_col(&String::from_utf8_lossy(&bytes[..at]), usize::MAX);
        let message = "this is a binary file (it contains a NUL byte), not a YAML plan";
        return Err(vec![Diagnostic::error(line, col, message)]);
    }
    let source = Source::from_bytes(bytes).map_err(|e| {
        let message = "the file is not valid UTF-8 (the first bad byte is here); save it as UTF-8";
        vec![Diagnostic::error(e.line, e.col, message)]
    })?;
    let (root, plan) = parse_plan(&source.text)?;
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) =
        problems(&source.text, &root, &plan)
            .into_iter()
            .partition(|d| d.severity == Severity::Error);
    if !errors.is_empty() {
        let mut all = errors;
        all.extend(warnings);
        all.sort_by_key(|d| (d.line, d.col));
        return Err(all);
    }
    let document = Document {
        source,
        root,
        ids: element_ids(&plan),
    };
    Ok(Loaded {
        document,
        plan,
        warnings,
    })
}

/// Parses and decodes text; shape errors sorted by position.
fn parse_plan(text: &str) -> Result<(Node, Plan), Vec<Diagnostic>> {
    if let Some(conflict) = conflict_marker(text) {
        return Err(vec![conflict]);
    }
    let root = parse_plan_text(text)
        .map_err(|e| vec![explain(text, &e)])?
        .ok_or_else(|| {
            vec![Diagnostic::error(
                1,
                1,
                "the file is empty; a plan needs board, period, title and themes",
            )]
        })?;
    let mut diagnostics = Vec::new();
    let plan = decode_plan(text, &root, &mut diagnostics);
    if diagnostics.is_empty() {
        Ok((root, plan))
    } else {
        diagnostics.sort_by_key(|d| (d.line, d.col));
        Err(diagnostics)
    }
}

/// The model's semantic problems, placed at the node they concern.
fn problems(text: &str, root: &Node, plan: &Plan) -> Vec<Diagnostic> {
    validate(plan)
        .into_iter()
        .map(|p| {
            let node = locate(text, root, &p.location);
            let (line, col) = line_col(text, node.start);
            Diagnostic {
                severity: p.severity,
                line,
                col,
                message: p.message,
            }
        })
        .collect()
}

/// The node a location names: the field's value, or the element when there is no field.
fn locate<'n>(text: &str, root: &'n Node, at: &Location) -> &'n Node {
    let child = |node: &'n Node, key: &str, index: Option<usize>| -> Option<&'n Node> {
        node.entry(text, key)
            .and_then(|(_, list)| list.items().get(index?))
    };
    let mut node = root;
    if let Some(theme) = child(node, "themes", at.theme) {
        node = theme;
        if let Some(action) = child(node, "actions", at.action) {
            node = action;
            if let Some(milestone) = child(node, "milestones", at.milestone) {
                node = milestone;
            }
        } else if let Some(measure) = child(node, "measures", at.measure) {
            node = measure;
        }
    }
    let field = at.field.and_then(|f| node.entry(text, f));
    field.map_or(
        node,
        |(key, value)| if value.end > value.start { value } else { key },
    )
}

/// Every element's identity, in a fixed walk order: each theme, its actions (each followed by
/// its milestones), then its measures.
fn element_ids(plan: &Plan) -> Vec<ElementId> {
    let mut ids: Vec<ElementId> = plan.history.iter().map(|h| h.id).collect();
    for theme in &plan.themes {
        ids.push(theme.id);
        for action in &theme.actions {
            ids.push(action.id);
            ids.extend(action.milestones.iter().map(|m| m.id));
        }
        ids.extend(theme.measures.iter().map(|m| m.id));
    }
    ids
}

/// Gives a freshly decoded plan the identities of the plan loaded from the same text.
fn assign_ids(plan: &mut Plan, ids: &[ElementId]) {
    let mut ids = ids.iter().copied();
    let mut next = || ids.next().unwrap_or_else(ElementId::fresh);
    plan.history.iter_mut().for_each(|h| h.id = next());
    for theme in &mut plan.themes {
        theme.id = next();
        for action in &mut theme.actions {
            action.id = next();
            action.milestones.iter_mut().for_each(|m| m.id = next());
        }
        theme.measures.iter_mut().for_each(|m| m.id = next());
    }
}

impl Document {
    /// The plan as loaded or last saved, with its elements' identities.
    pub fn baseline(&self) -> Plan {
        let mut diagnostics = Vec::new();
        let mut plan = decode_plan(&self.source.text, &self.root, &mut diagnostics);
        assign_ids(&mut plan, &self.ids);
        plan
    }

    /// The bytes a save of `plan` would write: the original bytes when nothing changed, the
    /// original with just the changed lines patched otherwise, verified by parsing them back.
    pub fn render(&self, plan: &Plan) -> Result<Rendered, Vec<Diagnostic>> {
        let baseline = self.baseline();
        if *plan == baseline {
            return Ok(Rendered {
                bytes: self.bytes(),
                rewrote_whole_file: false,
                parsed: None,
            });
        }
        let new_view = plan_view(plan);
        let text = &self.source.text;
        let patched = patches(
            text,
            &self.root,
            &plan_view(&baseline),
            &new_view,
            self.source.crlf,
        )
        .map(|p| apply(text, 0, &p));
        if let Some(text) = patched
            && let Ok((root, reread)) = parse_plan(&text)
            && reread == *plan
        {
            let bytes = self.source.encode(&text);
            return Ok(Rendered {
                bytes,
                rewrote_whole_file: false,
                parsed: Some((text, root)),
            });
        }
        self.render_canonical(plan, self.source.line_ends(canonical(plan)))
    }

    /// The whole plan written canonically (the `fmt` command): `\n` line ends, no BOM.
    pub fn render_fmt(&self, plan: &Plan) -> Result<Rendered, Vec<Diagnostic>> {
        let mut rendered = self.render_canonical(plan, canonical(plan))?;
        if let Some((text, _)) = &rendered.parsed {
            rendered.bytes = text.as_bytes().to_vec();
        }
        Ok(rendered)
    }

    fn render_canonical(&self, plan: &Plan, text: String) -> Result<Rendered, Vec<Diagnostic>> {
        let (root, reread) = parse_plan(&text)?;
        if reread != *plan {
            let message = "internal error: the canonical form did not read back the same; nothing was written";
            return Err(vec![Diagnostic::error(1, 1, message)]);
        }
        Ok(Rendered {
            bytes: self.source.encode(&text),
            rewrote_whole_file: true,
            parsed: Some((text, root)),
        })
    }

    /// Makes a written rendering of `plan` the new baseline for the next save.
    pub fn commit(&mut self, rendered: Rendered, plan: &Plan) {
        if let Some((text, root)) = rendered.parsed {
            let bom = rendered.bytes.starts_with(b"\xEF\xBB\xBF");
            self.source = Source::from_text(text, bom);
            self.root = root;
        }
        self.ids = element_ids(plan);
    }

    /// The file's current text (without BOM).
    pub fn text(&self) -> &str {
        &self.source.text
    }

    /// True when `bytes` are exactly the file as loaded or last saved.
    pub fn holds(&self, bytes: &[u8]) -> bool {
        let body = if self.source.bom {
            bytes.strip_prefix(b"\xEF\xBB\xBF")
        } else {
            Some(bytes)
        };
        body == Some(self.source.text.as_bytes())
    }

    /// The file's current bytes.
    pub fn bytes(&self) -> Vec<u8> {
        self.source.encode(&self.source.text)
    }
}
