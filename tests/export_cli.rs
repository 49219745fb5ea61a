//! `boardplan export` as a user runs it: formats on standard output or in a file, filters, bad
//! input, atomic replacement, and the direction of travel since a tag or date in a real git
//! repository. Snapshots of the Markdown and HTML papers of a bundled plan.

mod common;

use boardplan::export::{escape_html, markdown_inline};
use common::{PLAN, boardplan, git, repo_with, stderr, stdout, temp_with};
use std::path::Path;
use std::process::Command;

const AS_AT: &str = "2013-10-01";

fn bundled(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(name)
        .display()
        .to_string()
}

#[test]
fn snapshot_of_the_markdown_and_html_papers() {
    let plan = bundled("plans/2013-14.yaml");
    let dir = tempfile::tempdir().expect("temp");
    for format in ["md", "html"] {
        let run = boardplan(
            dir.path(),
            &["export", "--format", format, &plan, "--as-at", AS_AT],
        );
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        insta::assert_snapshot!(format!("paper_2013_14_{format}"), stdout(&run));
    }
}

#[test]
fn every_action_of_a_bundled_plan_is_in_the_papers_in_full() {
    let path = bundled("plans/2013-14.yaml");
    let plan = boardplan::store::PlanFile::open(Path::new(&path))
        .expect("loads")
        .plan;
    let dir = tempfile::tempdir().expect("temp");
    let md = stdout(&boardplan(dir.path(), &["export", "--format", "md", &path]));
    let html = stdout(&boardplan(
        dir.path(),
        &["export", "--format", "html", &path],
    ));
    for (_, action) in plan.actions() {
        let row = format!(
            "| {} | {}",
            action.reference,
            markdown_inline(&action.action)
        );
        assert!(md.contains(&row), "Markdown row of {}", action.reference);
        let cell = format!(
            "<th scope=\"row\">{}</th><td><div class=\"t\">{}</div>",
            escape_html(&action.reference),
            escape_html(&action.action)
        );
        assert!(html.contains(&cell), "HTML row of {}", action.reference);
        if let Some(progress) = &action.progress {
            assert!(
                html.contains(&escape_html(progress)),
                "progress of {}",
                action.reference
            );
        }
    }
}

#[test]
fn a_plan_that_does_not_load_gives_its_position_and_exit_1() {
    let (dir, _) = temp_with(
        "plan.yaml",
        PLAN.replace("progress:", "progess:").as_bytes(),
    );
    let run = boardplan(
        dir.path(),
        &["export", "--format", "html", "plan.yaml", "-o", "out.html"],
    );
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stderr(&run).contains("plan.yaml:15:5: unknown key 'progess' (did you mean 'progress'?)"),
        "{}",
        stderr(&run)
    );
    assert!(!dir.path().join("out.html").exists(), "nothing written");
}

#[test]
fn unknown_owner_or_theme_lists_the_valid_ones() {
    let (dir, _) = temp_with("plan.yaml", PLAN.as_bytes());
    let run = boardplan(
        dir.path(),
        &["export", "--format", "md", "plan.yaml", "--owner", "Police"],
    );
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains(
            "no owner 'Police' in this plan; owners: QEG (Quality & Effectiveness Group), SLDG"
        ),
        "{}",
        stderr(&run)
    );
    let run = boardplan(
        dir.path(),
        &["export", "--format", "md", "plan.yaml", "--theme", "9"],
    );
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("no theme '9' in this plan; themes: 1, 2"),
        "{}",
        stderr(&run)
    );
    let run = boardplan(
        dir.path(),
        &[
            "export",
            "--format",
            "md",
            "plan.yaml",
            "--rag",
            "red,purple",
        ],
    );
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("'purple' is not a rating; use red, amber, green, blue or unrated")
    );
}

/// The refs of the actions rows of a CSV export.
fn csv_refs(out: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(out.trim_start_matches('\u{feff}').as_bytes());
    reader
        .records()
        .map(|r| r.expect("record")[2].to_string())
        .collect()
}

#[test]
fn filters_choose_the_actions() {
    let (dir, _) = temp_with("plan.yaml", PLAN.as_bytes());
    let refs_at = |as_at: &str, extra: &[&str]| {
        let mut args = vec!["export", "--format", "csv", "plan.yaml", "--as-at", as_at];
        args.extend_from_slice(extra);
        let run = boardplan(dir.path(), &args);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        csv_refs(&stdout(&run))
    };
    let refs = |extra: &[&str]| refs_at(AS_AT, extra);
    assert_eq!(refs(&[]), ["1.1", "1.2", "2.1"]);
    assert_eq!(refs(&["--owner", "QEG"]), ["1.1"]);
    assert_eq!(refs(&["--owner", "quality & effectiveness group"]), ["1.1"]);
    assert_eq!(refs(&["--owner", "SLDG"]), ["2.1"]);
    assert_eq!(refs(&["--theme", "2"]), ["2.1"]);
    assert_eq!(refs(&["--rag", "amber,unrated"]), ["1.2", "2.1"]);
    assert_eq!(refs(&["--overdue"]), ["1.1", "1.2"]);
    assert_eq!(refs_at("2013-09-15", &["--overdue"]), ["1.1"]);
    assert_eq!(refs(&["--overdue", "--rag", "green"]), ["1.1"]);
    let run = boardplan(
        dir.path(),
        &["export", "--format", "md", "plan.yaml", "--owner", "QEG"],
    );
    let md = stdout(&run);
    assert!(md.contains("| Showing | Owner: QEG |"), "{md}");
    assert!(
        md.contains("Quality & Effectiveness Group"),
        "owners by full name"
    );
    assert!(
        !md.contains("## 2 Protection"),
        "themes without a chosen action are left out"
    );
}

#[test]
fn output_files_are_replaced_atomically_and_bad_paths_are_clear_errors() {
    let (dir, _) = temp_with("plan.yaml", PLAN.as_bytes());
    let out = dir.path().join("paper.html");
    std::fs::write(&out, "old paper").expect("write");
    let run = boardplan(
        dir.path(),
        &[
            "export",
            "--format",
            "html",
            "plan.yaml",
            "-o",
            "paper.html",
        ],
    );
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(
        stdout(&run).is_empty(),
        "nothing on standard output with -o"
    );
    let html = std::fs::read_to_string(&out).expect("read");
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Monitor the dataset"));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "no temporary file left behind: {names:?}");

    let missing = boardplan(
        dir.path(),
        &[
            "export",
            "--format",
            "csv",
            "plan.yaml",
            "-o",
            "no/such/out.csv",
        ],
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("the folder no/such does not exist"),
        "{}",
        stderr(&missing)
    );
    let unwritable = boardplan(
        dir.path(),
        &[
            "export",
            "--format",
            "csv",
            "plan.yaml",
            "-o",
            "/proc/out.csv",
        ],
    );
    assert_eq!(unwritable.status.code(), Some(2));
    assert!(
        stderr(&unwritable).contains("cannot write /proc/out.csv"),
        "{}",
        stderr(&unwritable)
    );
    let fresh = boardplan(
        dir.path(),
        &["export", "--format", "md", "plan.yaml", "-o", "new.md"],
    );
    assert_eq!(fresh.status.code(), Some(0), "{}", stderr(&fresh));
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(dir.path().join("new.md"))
            .expect("stat")
            .permissions(),
    );
    assert_eq!(mode & 0o777, 0o644, "a new paper is readable by others");
    let under_a_file = boardplan(
        dir.path(),
        &[
            "export",
            "--format",
            "csv",
            "plan.yaml",
            "-o",
            "plan.yaml/out.csv",
        ],
    );
    assert_eq!(under_a_file.status.code(), Some(2));
    assert!(
        stderr(&under_a_file).contains("plan.yaml is a file, not a folder"),
        "{}",
        stderr(&under_a_file)
    );
    let itself = boardplan(
        dir.path(),
        &["export", "--format", "md", "plan.yaml", "-o", "plan.yaml"],
    );
    assert_eq!(itself.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.yaml")).expect("read"),
        PLAN
    );
    let xlsx = boardplan(dir.path(), &["export", "--format", "xlsx", "plan.yaml"]);
    assert_eq!(xlsx.status.code(), Some(2));
    assert!(stderr(&xlsx).contains("give a file to write with -o"));
}

/// The plan at the June meeting, then as it is now: 1.1 worsened, 1.2 completed with new
/// progress, 2.1 rated for the first time with its deadline moved, 2.2 new, 1.3 closed.
fn since_repo() -> tempfile::TempDir {
    let june = PLAN.replace(
        "    due: 2013-09\n    rag: amber\n",
        "    due: 2013-09\n    rag: amber\n  - ref: '1.3'\n    action: Commission an independent review of early help\n    rag: red\n",
    );
    let dir = repo_with(&[("plans/2013-14.yaml", june.as_bytes())]);
    let date = "2013-06-15T12:00:00";
    let amend = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(["commit", "-q", "--amend", "--no-edit", "--date", date])
        .env("GIT_COMMITTER_DATE", date)
        .current_dir(dir.path())
        .status()
        .expect("git runs");
    assert!(amend.success());
    git(dir.path(), &["tag", "june-meeting"]);
    let now = PLAN
        .replace("progress: Dataset in place\n    rag: green", "progress: Dataset in place\n    rag: red")
        .replace(
            "    due: 2013-09\n    rag: amber\n",
            "    due: 2013-09\n    progress: Published in September\n    rag: blue\n",
        )
        .replace("    due: ongoing\n", "    due: 2014-03\n    rag: green\n  - ref: '2.2'\n    action: Run a conference on neglect\n    due: 2014-01\n");
    std::fs::write(dir.path().join("plans/2013-14.yaml"), now).expect("write");
    dir
}

#[test]
fn direction_of_travel_since_a_tag() {
    let dir = since_repo();
    let run = boardplan(
        dir.path(),
        &[
            "export",
            "--format",
            "csv",
            "plans/2013-14.yaml",
            "--since",
            "june-meeting",
        ],
    );
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let out = stdout(&run);
    let mut reader = csv::Reader::from_reader(out.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("h")
        .iter()
        .map(String::from)
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("r").iter().map(String::from).collect())
        .collect();
    let travel: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r[2].as_str(),
                r[col("rag_before")].as_str(),
                r[col("travel")].as_str(),
                r[col("changes")].as_str(),
            )
        })
        .collect();
    assert_eq!(
        travel,
        [
            ("1.1", "Green", "worsened", ""),
            ("1.2", "Amber", "completed", "new progress"),
            (
                "2.1",
                "",
                "rated for the first time",
                "deadline moved from ongoing"
            ),
            ("2.2", "", "new", ""),
        ]
    );
    let md = boardplan(
        dir.path(),
        &[
            "export",
            "--format",
            "md",
            "plans/2013-14.yaml",
            "--since",
            "june-meeting",
            "--as-at",
            AS_AT,
        ],
    );
    let md = stdout(&md);
    assert!(md.contains("| Changes | since june-meeting: 1 new, 1 completed, 1 worsened, 1 rated for the first time, 1 with new progress, 1 with the deadline moved, 1 closed |"), "{md}");
    assert!(md.contains("▼ worsened<br>Green → Red"), "{md}");
    assert!(
        md.contains(
            "| 1.1 | Monitor the dataset | 31 July 2013 | 🟥 **R** Red | red, overdue, worsened |"
        ),
        "{md}"
    );
    let html = boardplan(
        dir.path(),
        &[
            "export",
            "--format",
            "html",
            "plans/2013-14.yaml",
            "--since",
            "june-meeting",
        ],
    );
    let html = stdout(&html);
    assert!(html.contains("<th scope=\"col\" class=\"col-since\">Since june-meeting</th>"));
    assert!(html.contains("<strong>New progress</strong>"));
    let json = boardplan(
        dir.path(),
        &[
            "export",
            "--format",
            "json",
            "plans/2013-14.yaml",
            "--since",
            "june-meeting",
        ],
    );
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("json");
    assert_eq!(value["since"]["label"], "june-meeting");
    assert_eq!(value["since"]["actions"]["1.2"]["direction"], "completed");
    assert_eq!(value["since"]["closed"][0]["ref"], "1.3");
    assert_eq!(
        value["themes"][0]["actions"][0]["rag"], "red",
        "the plan itself is still there"
    );
}

#[test]
fn direction_of_travel_since_a_date() {
    let dir = since_repo();
    let run = boardplan(
        dir.path(),
        &[
            "export",
            "--format",
            "md",
            "plans/2013-14.yaml",
            "--since-date",
            "2013-07-01",
        ],
    );
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(
        stdout(&run).contains("since 2013-07-01 ("),
        "{}",
        stdout(&run)
    );
    assert!(stdout(&run).contains("1 worsened"));
    let early = boardplan(
        dir.path(),
        &[
            "export",
            "--format",
            "md",
            "plans/2013-14.yaml",
            "--since-date",
            "2013-01-01",
        ],
    );
    assert_eq!(early.status.code(), Some(2));
    assert!(
        stderr(&early).contains("no commit before 2013-01-01"),
        "{}",
        stderr(&early)
    );
    let bad = boardplan(
        dir.path(),
        &[
            "export",
            "--format",
            "md",
            "plans/2013-14.yaml",
            "--since",
            "no-such-tag",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("'no-such-tag' is not a commit, branch or tag here"),
        "{}",
        stderr(&bad)
    );
}
