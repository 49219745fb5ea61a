//! Helpers shared by the integration tests: the real binary, temporary folders, git.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A small valid plan in canonical form.
pub const PLAN: &str = "\
board: Test Safeguarding Children Board
period: 2013-14
title: Business Plan 2013-2014
owners:
  QEG: Quality & Effectiveness Group
themes:
- ref: '1'
  title: Early help
  actions:
  - ref: '1.1'
    action: Monitor the dataset
    owners:
    - QEG
    due: 2013-07-31
    progress: Dataset in place
    rag: green
  - ref: '1.2'
    action: Publish the threshold document
    due: 2013-09
    rag: amber
- ref: '2'
  title: Protection
  actions:
  - ref: '2.1'
    action: Audit the files
    owners:
    - SLDG
    due: ongoing
";

/// Runs the boardplan binary with `args` in `dir`.
pub fn boardplan(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_boardplan"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the boardplan binary runs")
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A temporary folder holding `name` with `bytes`.
pub fn temp_with(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    (dir, path)
}

/// Runs git in `dir`, panicking on failure; returns standard output.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "core.autocrlf=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A temporary git repository with `files` committed.
pub fn repo_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    git(dir.path(), &["init", "-q"]);
    for (name, bytes) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, bytes).expect("write");
    }
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "initial"]);
    dir
}

/// Every plan file bundled with the project.
pub fn bundled_plans() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = boardplan::store::plan_files(&root.join("plans")).expect("plans/");
    for entry in std::fs::read_dir(root.join("examples")).expect("examples/") {
        files.extend(boardplan::store::plan_files(&entry.expect("entry").path()).expect("example"));
    }
    files
}
