//! The HTML paper in a real browser: headless Chromium prints it to PDF and poppler's
//! `pdftotext` reads the text back. Every action's ref and text must be there, a long plan must
//! run to several A4 pages, and the pages must be numbered.
//!
//! Needs `chromium` and `pdftotext` (Debian: `apt-get install -y chromium poppler-utils`), so it
//! is ignored by a plain `cargo test`; `.ci/run` installs them and runs
//! `cargo test --test export_browser -- --ignored`.

mod common;
#[path = "../benches/common/mod.rs"]
mod generated;

use boardplan::store::PlanFile;
use std::path::Path;
use std::process::Command;

/// Prints `html` to PDF with headless Chromium; returns (`pdftotext -layout`, `pdftotext`).
fn print(dir: &Path, html: &Path) -> (String, String) {
    let pdf = dir.join("paper.pdf");
    let profile = dir.join("chromium-profile");
    let output = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs (apt-get install -y chromium)");
    assert!(
        pdf.exists(),
        "chromium printed no PDF: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = |layout: bool| {
        let mut command = Command::new("pdftotext");
        if layout {
            command.arg("-layout");
        }
        let output = command
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs (apt-get install -y poppler-utils)");
        assert!(output.status.success(), "pdftotext failed");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    (text(true), text(false))
}

/// Exports `plan` as HTML into `dir` with the real binary; returns the file's absolute path.
fn export(dir: &Path, plan: &Path) -> std::path::PathBuf {
    let out = dir.join("paper.html");
    let run = common::boardplan(
        dir,
        &[
            "export",
            "--format",
            "html",
            &plan.display().to_string(),
            "--as-at",
            "2013-10-01",
            "-o",
            &out.display().to_string(),
        ],
    );
    assert_eq!(run.status.code(), Some(0), "{}", common::stderr(&run));
    out
}

/// Text without spaces, line breaks and hyphens, so wrapping in the PDF does not matter.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

fn has_token(text: &str, token: &str) -> bool {
    text.split_whitespace().any(|w| w == token)
}

fn pages(layout: &str) -> usize {
    layout.matches('\u{c}').count()
}

#[test]
#[ignore = "needs chromium and pdftotext; run by .ci/run"]
fn a_bundled_plan_prints_with_every_action() {
    let dir = tempfile::tempdir().expect("temp");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/2013-14.yaml");
    let plan = PlanFile::open(&path).expect("loads").plan;
    let (layout, raw) = print(dir.path(), &export(dir.path(), &path));
    let raw = squeeze(&raw);
    for (_, action) in plan.actions() {
        assert!(
            has_token(&layout, &action.reference),
            "ref {} is printed",
            action.reference
        );
        assert!(
            raw.contains(&squeeze(&action.action)),
            "the text of {} is printed",
            action.reference
        );
        if let Some(progress) = &action.progress {
            assert!(
                raw.contains(&squeeze(progress)),
                "progress of {}",
                action.reference
            );
        }
    }
    assert!(raw.contains(&squeeze(&plan.board)) && raw.contains("Summary"));
    let count = pages(&layout);
    assert!(count >= 2, "the plan runs to {count} pages");
    assert!(
        layout.contains(&format!("Page 1 of {count}")),
        "pages are numbered"
    );
}

#[test]
#[ignore = "needs chromium and pdftotext; run by .ci/run"]
fn a_long_plan_runs_to_many_pages() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("2013-14.yaml");
    std::fs::write(&path, generated::plan_text(300)).expect("write");
    let (layout, raw) = print(dir.path(), &export(dir.path(), &path));
    let count = pages(&layout);
    assert!(count >= 20, "300 actions in 30 themes take {count} pages");
    assert!(layout.contains(&format!("Page {count} of {count}")));
    let raw = squeeze(&raw);
    for n in 0..300 {
        let reference = format!("{}.{}", n / 10 + 1, n % 10 + 1);
        assert!(has_token(&layout, &reference), "ref {reference} is printed");
        assert!(raw.contains(&format!("(item{n})")), "action {n} is printed");
    }
}
