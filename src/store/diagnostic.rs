//! Problems found in a file, with file, line and column, printed as `file:line:col: message`.

use crate::model::Severity;
use std::fmt;
use std::path::{Path, PathBuf};

/// One problem at a position in a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// What is wrong and what to do.
    pub message: String,
}

impl Diagnostic {
    /// An error at a position.
    pub fn error(line: usize, col: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            line,
            col,
            message: message.into(),
        }
    }

    /// Ties the diagnostic to a file, for printing.
    pub fn in_file<'a>(&'a self, path: &'a Path) -> InFile<'a> {
        InFile {
            path,
            diagnostic: self,
        }
    }
}

/// A diagnostic printed with its file: `plans/2013-14.yaml:41:5: unknown key 'progess' ...`.
#[derive(Debug, Clone, Copy)]
pub struct InFile<'a> {
    path: &'a Path,
    diagnostic: &'a Diagnostic,
}

impl fmt::Display for InFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.diagnostic;
        let level = if d.severity == Severity::Warning {
            "warning: "
        } else {
            ""
        };
        write!(
            f,
            "{}:{}:{}: {level}{}",
            self.path.display(),
            d.line,
            d.col,
            shortened(&d.message)
        )
    }
}

/// Longest message printed whole; a longer one (a huge bad value quoted in it) keeps its start
/// and its end, where the advice is.
const MAX_MESSAGE: usize = 400;
const KEPT: usize = 150;

fn shortened(message: &str) -> std::borrow::Cow<'_, str> {
    let count = message.chars().count();
    if count <= MAX_MESSAGE {
        return message.into();
    }
    let head: String = message.chars().take(KEPT).collect();
    let tail: String = message.chars().skip(count - KEPT).collect();
    format!("{head}… ({} characters left out) …{tail}", count - 2 * KEPT).into()
}

/// A file that could not be loaded, with every error found in it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// The file.
    pub path: PathBuf,
    /// Errors (and any warnings), in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self
            .diagnostics
            .iter()
            .map(|d| d.in_file(&self.path).to_string())
            .collect();
        f.write_str(&lines.join("\n"))
    }
}
