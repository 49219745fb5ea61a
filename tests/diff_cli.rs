//! `boardplan diff` as a chair and a script use it, over real git repositories: from a
//! subfolder, `--since` on the main line, `--exit-code`, a file that does not load, a meeting
//! tag in the heading, glossary and custom values, and Markdown that renders as meant.

mod common;

use common::{PLAN, boardplan, git, repo_with, stderr, stdout};
use std::path::Path;
use std::process::Command;

const FILE: &str = "plans/2013-14.yaml";

fn write(repo: &Path, file: &str, text: &str) {
    std::fs::write(repo.join(file), text).expect("write");
}

/// `PLAN` with 1.1's rating and progress changed.
fn updated() -> String {
    PLAN.replace("    progress: Dataset in place\n    rag: green", "    progress: |-\n      Dataset reviewed:\n      - by the board\n      1. in September\n    rag: red")
}

#[test]
fn works_from_a_subfolder() {
    let repo = repo_with(&[(FILE, PLAN.as_bytes())]);
    write(repo.path(), FILE, &updated());
    let run = boardplan(&repo.path().join("plans"), &["diff", "HEAD"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let text = stdout(&run);
    assert!(text.contains("1.1  green → red (worsened)"), "{text}");
    // A path relative to the subfolder works too.
    let run = boardplan(
        &repo.path().join("plans"),
        &["diff", "HEAD", "2013-14.yaml"],
    );
    assert!(
        stdout(&run).contains("1.1  green → red (worsened)"),
        "{}",
        stdout(&run)
    );
}

#[test]
fn exit_code_says_whether_anything_changed() {
    let repo = repo_with(&[(FILE, PLAN.as_bytes())]);
    let quiet = boardplan(repo.path(), &["diff", "HEAD", "--exit-code"]);
    assert_eq!(quiet.status.code(), Some(0), "{}", stderr(&quiet));
    assert!(stdout(&quiet).starts_with("No changes to the plans since the version of "));
    write(repo.path(), FILE, &updated());
    let changed = boardplan(repo.path(), &["diff", "HEAD", "--exit-code"]);
    assert_eq!(changed.status.code(), Some(1), "{}", stderr(&changed));
    let without = boardplan(repo.path(), &["diff", "HEAD"]);
    assert_eq!(without.status.code(), Some(0));
}

/// Commits everything with author and committer date `date` (`YYYY-MM-DD`).
fn commit_on(repo: &Path, date: &str, message: &str) {
    let stamp = format!("{date}T12:00:00+00:00");
    let status = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(["commit", "-q", "-am", message])
        .env("GIT_AUTHOR_DATE", &stamp)
        .env("GIT_COMMITTER_DATE", &stamp)
        .current_dir(repo)
        .status()
        .expect("git runs");
    assert!(status.success());
}

#[test]
fn since_follows_the_main_line() {
    let repo = repo_with(&[(FILE, PLAN.as_bytes())]);
    write(repo.path(), FILE, &PLAN.replace("rag: amber", "rag: red"));
    commit_on(repo.path(), "2013-01-10", "January");
    git(repo.path(), &["checkout", "-q", "-b", "side"]);
    write(
        repo.path(),
        FILE,
        &PLAN
            .replace("rag: amber", "rag: red")
            .replace("due: ongoing", "due: 2014-03"),
    );
    commit_on(repo.path(), "2013-02-10", "side branch, merged later");
    git(repo.path(), &["checkout", "-q", "-"]);
    write(
        repo.path(),
        FILE,
        &PLAN
            .replace("rag: amber", "rag: red")
            .replace("Dataset in place", "Dataset reviewed"),
    );
    commit_on(repo.path(), "2013-03-10", "March");
    let stamp = "2013-04-10T12:00:00+00:00";
    let merged = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(["merge", "-q", "--no-ff", "--no-edit", "side"])
        .env("GIT_AUTHOR_DATE", stamp)
        .env("GIT_COMMITTER_DATE", stamp)
        .current_dir(repo.path())
        .status()
        .expect("git runs");
    assert!(merged.success());
    // On 15 February the main line was January's commit: the side branch's timescale change
    // arrived later, with the merge, and must be reported.
    let run = boardplan(repo.path(), &["diff", "--since", "2013-02-15", "HEAD"]);
    let text = stdout(&run);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(
        text.contains("Changes since the version of 10 January 2013"),
        "{text}"
    );
    assert!(text.contains("due: ongoing → March 2014"), "{text}");
    assert!(text.contains("progress now: Dataset reviewed"), "{text}");
}

#[test]
fn a_file_that_does_not_load_is_named_and_the_others_reported() {
    let repo = repo_with(&[
        (FILE, PLAN.as_bytes()),
        (
            "plans/2014-15.yaml",
            PLAN.replace("2013-14", "2014-15").as_bytes(),
        ),
    ]);
    write(repo.path(), FILE, &updated());
    let broken = PLAN.replace("2013-14", "2014-15").replace(
        "    progress: Dataset in place",
        "    progess: Dataset in place",
    );
    write(repo.path(), "plans/2014-15.yaml", &broken);
    let run = boardplan(repo.path(), &["diff", "HEAD"]);
    assert_eq!(run.status.code(), Some(2));
    let line = broken
        .lines()
        .position(|l| l.contains("progess"))
        .expect("line")
        + 1;
    let errors = stderr(&run);
    assert!(
        errors.contains(&format!("plans/2014-15.yaml:{line}:5: ")),
        "{errors}"
    );
    assert!(
        stdout(&run).contains("1.1  green → red (worsened)"),
        "{}",
        stdout(&run)
    );
}

#[test]
fn a_paper_since_the_meeting() {
    let with_custom = PLAN.replace(
        "  QEG: Quality & Effectiveness Group\n",
        "  QEG: Quality & Effectiveness Group\ncustom:\n  funding: LSCB\n",
    );
    let repo = repo_with(&[(FILE, with_custom.as_bytes())]);
    git(repo.path(), &["tag", "meeting/2013-09-17"]);
    let changed = updated()
        .replace(
            "  QEG: Quality & Effectiveness Group\n",
            "  QEG: Quality & Effectiveness Group\n  SLDG: Strategic Learning and Development Group\ncustom:\n  funding: Council\n",
        )
        .replace("    due: 2013-09\n", "    due: 2013-12\n");
    write(repo.path(), FILE, &changed);
    let text = stdout(&boardplan(repo.path(), &["diff", "meeting/2013-09-17"]));
    assert!(
        text.starts_with("Test Safeguarding Children Board: Business Plan 2013-2014 — plans/2013-14.yaml\nChanges since the meeting of 17 September 2013, to the working tree on "),
        "{text}"
    );
    assert!(
        text.contains("owners glossary: added SLDG: Strategic Learning and Development Group"),
        "{text}"
    );
    assert!(text.contains("custom funding: LSCB → Council"), "{text}");
    assert!(
        text.contains("1 Early help: red 0 → 1, amber 1, green 1 → 0, blue 0, not rated 0"),
        "{text}"
    );
    let attention = text
        .find("Needs the board's attention")
        .expect("exceptions");
    assert!(
        text[attention..].contains("1.1  worsened green → red: Monitor the dataset"),
        "{text}"
    );
    assert!(
        text[attention..].contains("1.2  deadline moved later: September 2013 → December 2013"),
        "{text}"
    );
    // The meeting's day, not the day the tag was made, is when the board last saw the plan:
    // 1.2 (due by the end of September 2013, now December 2013) has fallen overdue since.
    assert!(
        text[attention..].contains("December 2013; newly overdue (due December 2013)"),
        "{text}"
    );
    let json = stdout(&boardplan(
        repo.path(),
        &["diff", "meeting/2013-09-17", "--format", "json"],
    ));
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["from"]["date"], "2013-09-17");
    assert_eq!(json["files"][0]["changes"]["summary"]["newly_overdue"], 1);
    let md = stdout(&boardplan(
        repo.path(),
        &["diff", "meeting/2013-09-17", "--format", "md"],
    ));
    assert!(md.starts_with("# Test Safeguarding Children Board: Business Plan 2013-2014 — plans/2013-14.yaml\n\nChanges since the meeting of 17 September 2013"), "{md}");
    assert!(
        md.contains("    \\- by the board\\\n    1\\. in September"),
        "{md}"
    );
    // Read back by an independent Markdown parser: the progress lines are text inside their
    // bullet, not a nested list; owners are spelled out; the ratings are a table.
    let texts = markdown_texts(&md);
    assert!(texts.iter().any(|t| t == "- by the board"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "1. in September"), "{texts:?}");
    assert!(!texts.iter().any(|t| t == "by the board"), "{texts:?}");
    let owners = "owners: Quality & Effectiveness Group (QEG)";
    assert!(texts.iter().any(|t| t.starts_with(owners)), "{texts:?}");
    let tables = pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES)
        .filter(|e| {
            matches!(
                e,
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Table(_))
            )
        })
        .count();
    assert_eq!(tables, 1);
    assert!(!md.contains("No changes"), "{md}");
}

/// The text runs of a Markdown document, as a renderer sees them (one per line of text).
fn markdown_texts(md: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for event in pulldown_cmark::Parser::new_ext(md, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            pulldown_cmark::Event::Text(t) => out.last_mut().expect("one").push_str(&t),
            _ => out.push(String::new()),
        }
    }
    out.retain(|t| !t.is_empty());
    out
}

#[test]
fn untouched_files_are_not_listed() {
    let repo = repo_with(&[
        (FILE, PLAN.as_bytes()),
        (
            "plans/2014-15.yaml",
            PLAN.replace("2013-14", "2014-15").as_bytes(),
        ),
    ]);
    write(repo.path(), FILE, &updated());
    let text = stdout(&boardplan(repo.path(), &["diff", "HEAD"]));
    assert!(text.contains("plans/2013-14.yaml"), "{text}");
    assert!(
        !text.contains("2014-15.yaml") && !text.contains("No changes"),
        "{text}"
    );
}
