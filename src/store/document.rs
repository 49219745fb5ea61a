//! A loaded plan file: its text, its syntax tree and the plan as loaded, so that a save can
//! patch just what changed. Loading validates everything; saving verifies its own output.

use super::decode::decode_plan;
use super::diagnostic::Diagnostic;
use super::emit::canonical;
use super::patch::{apply, patches};
use super::source::{Source, line_col};
use super::tree::{Node, parse};
use super::view::plan_view;
use crate::model::{Location, Plan, Severity, validate};

/// The parsed form of one file, kept beside the plan the user edits.
#[derive(Debug, Clone)]
pub struct Document {
    source: Source,
    root: Node,
    baseline: Plan,
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
    text: String,
    root: Node,
}

/// Parses file bytes into a plan, or every error found with its line and column.
pub fn load(bytes: &[u8]) -> Result<Loaded, Vec<Diagnostic>> {
    if bytes.contains(&0) {
        let at = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        let (line, col) = line_col(&String::from_utf8_lossy(&bytes[..at]), usize::MAX);
        return Err(vec![Diagnostic::error(
            line,
            col,
            "this is a binary file (it contains a NUL byte), not a YAML plan",
        )]);
    }
    let source = Source::from_bytes(bytes).map_err(|e| {
        vec![Diagnostic::error(
            e.line,
            e.col,
            "the file is not valid UTF-8 (the first bad byte is here); save it as UTF-8",
        )]
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
        baseline: plan.clone(),
    };
    Ok(Loaded {
        document,
        plan,
        warnings,
    })
}

/// Parses and decodes text; shape errors sorted by position.
fn parse_plan(text: &str) -> Result<(Node, Plan), Vec<Diagnostic>> {
    let root = parse(text)
        .map_err(|e| {
            vec![Diagnostic::error(
                e.line,
                e.col,
                format!("YAML syntax error: {}", e.message),
            )]
        })?
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
            let node = locate(root, &p.location);
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
fn locate<'n>(root: &'n Node, at: &Location) -> &'n Node {
    let child = |node: &'n Node, key: &str, index: Option<usize>| -> Option<&'n Node> {
        node.entry(key)
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
    at.field
        .and_then(|f| node.entry(f))
        .map_or(
            node,
            |(key, value)| if value.end > value.start { value } else { key },
        )
}

impl Document {
    /// The bytes a save of `plan` would write: the original bytes when nothing changed, the
    /// original with just the changed lines patched otherwise, verified by parsing them back.
    pub fn render(&self, plan: &Plan) -> Result<Rendered, Vec<Diagnostic>> {
        if *plan == self.baseline {
            let text = self.source.text.clone();
            return Ok(Rendered {
                bytes: self.source.encode(&text),
                rewrote_whole_file: false,
                text,
                root: self.root.clone(),
            });
        }
        let new_view = plan_view(plan);
        let patched = patches(
            &self.source.text,
            &self.root,
            &plan_view(&self.baseline),
            &new_view,
            self.source.crlf,
        )
        .map(|p| apply(&self.source.text, 0, &p));
        if let Some(text) = patched {
            if let Ok((root, reread)) = parse_plan(&text) {
                if reread == *plan {
                    return Ok(Rendered {
                        bytes: self.source.encode(&text),
                        rewrote_whole_file: false,
                        text,
                        root,
                    });
                }
            }
        }
        let text = self.source.line_ends(canonical(plan));
        let (root, reread) = parse_plan(&text)?;
        if reread != *plan {
            let message = "internal error: the canonical form did not read back the same; nothing was written";
            return Err(vec![Diagnostic::error(1, 1, message)]);
        }
        Ok(Rendered {
            bytes: self.source.encode(&text),
            rewrote_whole_file: true,
            text,
            root,
        })
    }

    /// Makes a written rendering the new baseline for the next save.
    pub fn commit(&mut self, rendered: Rendered, plan: &Plan) {
        self.source = Source::from_text(rendered.text, self.source.bom);
        self.root = rendered.root;
        self.baseline = plan.clone();
    }

    /// The file's current text (without BOM).
    pub fn text(&self) -> &str {
        &self.source.text
    }

    /// The file's current bytes.
    pub fn bytes(&self) -> Vec<u8> {
        self.source.encode(&self.source.text)
    }
}
