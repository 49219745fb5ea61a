//! The dependency rule of the design, checked on the source: who may use whom inside the crate,
//! and which modules may name the terminal crates. A violation fails the build's tests, not
//! only a grep in CI.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each top-level module and the modules of the crate it may use (besides itself).
const ALLOWED: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("text", &[]),
    ("config", &["model"]),
    ("store", &["model"]),
    ("review", &["model", "store", "text"]),
    ("export", &["model", "store", "review", "text"]),
    ("packs", &["model", "store", "review", "text"]),
    (
        "cli",
        &[
            "model", "store", "review", "export", "packs", "text", "config",
        ],
    ),
    (
        "tui",
        &[
            "model", "store", "review", "export", "packs", "text", "config",
        ],
    ),
];

/// Modules that must never name a terminal crate.
const CORE: &[&str] = &[
    "model", "text", "config", "store", "review", "export", "packs", "cli",
];

/// External crates that belong to the terminal UI alone.
const TERMINAL_CRATES: &[&str] = &["ratatui", "crossterm", "ratatui_textarea"];

fn rust_files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(path) else {
        return files;
    };
    for entry in entries.flatten() {
        let entry = entry.path();
        if entry.is_dir() {
            files.extend(rust_files(&entry));
        } else if entry.extension().is_some_and(|e| e == "rs") {
            files.push(entry);
        }
    }
    files.sort();
    files
}

fn module_files(module: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = rust_files(&src.join(module));
    files.extend(rust_files(&src.join(format!("{module}.rs"))));
    assert!(!files.is_empty(), "no source for module {module}");
    files
}

/// Text with `//` comments removed, so a doc line that names a module is not a use of it.
fn without_comments(source: &str) -> String {
    source
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn identifier_at(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// The top-level modules a source names through `crate::x` or `use crate::{x, y::z}`.
fn crate_modules_used(source: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for (at, _) in source.match_indices("crate::") {
        let rest = &source[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0usize;
            let mut start_of_item = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start_of_item = true,
                    c if c.is_whitespace() => {}
                    _ if start_of_item && depth == 0 => {
                        used.insert(identifier_at(&group[i..]));
                        start_of_item = false;
                    }
                    _ => {}
                }
            }
        } else {
            used.insert(identifier_at(rest));
        }
    }
    used.retain(|m| !m.is_empty());
    used
}

fn names_crate(source: &str, name: &str) -> bool {
    source.match_indices(name).any(|(at, _)| {
        let before = source[..at].chars().next_back();
        let after = source[at + name.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        boundary(before) && boundary(after)
    })
}

#[test]
fn modules_use_only_what_the_design_allows() {
    let mut violations = Vec::new();
    for (module, allowed) in ALLOWED {
        for file in module_files(module) {
            let source = without_comments(&std::fs::read_to_string(&file).expect("reads"));
            for used in crate_modules_used(&source) {
                if used != *module && !allowed.contains(&used.as_str()) {
                    violations.push(format!("{}: {module} uses {used}", file.display()));
                }
            }
        }
    }
    assert!(violations.is_empty(), "{}", violations.join("\n"));
}

#[test]
fn only_the_terminal_ui_names_terminal_crates() {
    let mut violations = Vec::new();
    for module in CORE {
        for file in module_files(module) {
            let source = without_comments(&std::fs::read_to_string(&file).expect("reads"));
            for name in TERMINAL_CRATES {
                if names_crate(&source, name) {
                    violations.push(format!("{}: {module} names {name}", file.display()));
                }
            }
        }
    }
    assert!(violations.is_empty(), "{}", violations.join("\n"));
}

#[test]
fn every_module_of_the_crate_is_covered_by_the_rule() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("reads lib.rs");
    for line in lib.lines() {
        if let Some(name) = line.trim().strip_prefix("pub mod ") {
            let name = name.trim_end_matches(';');
            assert!(
                ALLOWED.iter().any(|(m, _)| *m == name),
                "module {name} has no entry in the dependency rule"
            );
        }
    }
}

#[test]
fn the_scanner_sees_grouped_and_nested_uses() {
    let source = "use crate::{model::{Plan, Rag}, store};\nlet x = crate::review::diff();";
    let used: Vec<String> = crate_modules_used(source).into_iter().collect();
    assert_eq!(used, ["model", "review", "store"]);
    assert!(names_crate("use ratatui::Frame;", "ratatui"));
    assert!(!names_crate("use ratatui_textarea::TextArea;", "ratatui"));
}
