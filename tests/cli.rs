//! The command line over fixture folders: exit codes, messages and what each command writes.

mod common;

use common::{PLAN, boardplan, stderr, stdout, temp_with};
use std::path::Path;

#[test]
fn check_reports_and_exits_by_severity() {
    let (dir, _) = temp_with("2013-14.yaml", PLAN.as_bytes());
    let ok = boardplan(dir.path(), &["check", "."]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert!(stderr(&ok).contains("checked 1 file: 0 files with errors, 0 warnings"));
    std::fs::write(
        dir.path().join("2014-15.yaml"),
        PLAN.replace("rag: amber", "rag: orange"),
    )
    .expect("write");
    let bad = boardplan(dir.path(), &["check"]).status.code();
    assert_eq!(bad, Some(2), "no ./plans folder here is a usage error");
    let bad = boardplan(dir.path(), &["check", "."]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("2014-15.yaml:20:10: 'orange' is not a RAG rating"),
        "{}",
        stderr(&bad)
    );
    assert_eq!(
        boardplan(dir.path(), &["check", "missing.yaml"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn fmt_rewrites_other_styles_and_check_mode_writes_nothing() {
    let messy = "board: 'Test Safeguarding Children Board'\nperiod: \"2013-14\"\ntitle: Business Plan 2013-2014\nowners: {QEG: Quality & Effectiveness Group}\nthemes:\n  - {ref: 1, title: Early help, actions: [{ref: 1.1, action: Monitor the dataset, owners: QEG, due: 2013-07-31, progress: Dataset in place, rag: Green}, {ref: 1.2, action: Publish the threshold document, rag: AMBER, due: 2013-09}]}\n  - ref: 2\n    title: Protection\n    actions:\n      - action: Audit the files\n        ref: 2.1\n        owners: [SLDG]\n        due: Ongoing\n";
    let (dir, path) = temp_with("plan.yaml", messy.as_bytes());
    let check = boardplan(dir.path(), &["fmt", "--check", "plan.yaml"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(stderr(&check).contains("plan.yaml: not in canonical form"));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), messy);
    assert_eq!(
        boardplan(dir.path(), &["fmt", "plan.yaml"]).status.code(),
        Some(0)
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), PLAN);
    assert_eq!(
        boardplan(dir.path(), &["fmt", "--check", "plan.yaml"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn set_edits_one_action_and_refuses_bad_requests() {
    let (dir, path) = temp_with("plan.yaml", PLAN.as_bytes());
    let run = boardplan(
        dir.path(),
        &[
            "set",
            "plan.yaml",
            "1.2",
            "rag=Green",
            "owners=QEG, Police",
            "due=31 March 2014",
            "progress=Draft out\nfor consultation",
        ],
    );
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let expected = PLAN.replace(
        "    action: Publish the threshold document\n    due: 2013-09\n    rag: amber\n",
        "    action: Publish the threshold document\n    owners:\n    - QEG\n    - Police\n    due: 2014-03-31\n    progress: |-\n      Draft out\n      for consultation\n    rag: green\n",
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), expected);
    let cleared = boardplan(
        dir.path(),
        &[
            "set",
            "plan.yaml",
            "1.2",
            "rag=none",
            "progress=",
            "owners=",
            "due=",
        ],
    );
    assert_eq!(cleared.status.code(), Some(0), "{}", stderr(&cleared));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        PLAN.replace("    due: 2013-09\n    rag: amber\n", "")
    );
    for (args, message) in [
        (
            &["set", "plan.yaml", "9.9", "rag=red"][..],
            "no action with ref '9.9'",
        ),
        (
            &["set", "plan.yaml", "1.1", "colour=red"],
            "unknown field 'colour'",
        ),
        (
            &["set", "plan.yaml", "1.1", "rag=purple"],
            "'purple' is not a valid rag",
        ),
        (
            &["set", "plan.yaml", "1.1", "due=31 September 2013"],
            "not a real date",
        ),
        (
            &["set", "plan.yaml", "1.1", "ref=2.1"],
            "another action already has ref '2.1'",
        ),
        (
            &["set", "plan.yaml", "1.1", "action="],
            "action cannot be empty",
        ),
        (&["set", "plan.yaml", "1.1", "rag"], "is not FIELD=VALUE"),
    ] {
        let before = std::fs::read(&path).expect("read");
        let run = boardplan(dir.path(), args);
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        assert!(stderr(&run).contains(message), "{args:?}: {}", stderr(&run));
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "{args:?} wrote the file"
        );
    }
}

#[test]
fn summary_counts_ratings_and_lists_overdue_and_unrated() {
    let (dir, _) = temp_with("2013-14.yaml", PLAN.as_bytes());
    let run = boardplan(dir.path(), &["summary", ".", "--today", "2013-10-01"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let out = stdout(&run);
    let row = |label: &str| {
        out.lines()
            .find(|l| l.contains(label))
            .unwrap_or_else(|| panic!("no {label} row in\n{out}"))
            .split_whitespace()
            .rev()
            .take(7)
            .collect::<Vec<_>>()
    };
    // Columns read right to left: overdue, unrated, blue, green, amber, red, actions.
    assert_eq!(row("Early help"), ["2", "0", "0", "1", "1", "0", "2"]);
    assert_eq!(row("All themes"), ["2", "1", "0", "1", "1", "0", "3"]);
    assert!(
        out.contains("Overdue on 2013-10-01: 2\n  1.1    Monitor the dataset"),
        "{out}"
    );
    assert!(
        out.contains("Not yet rated: 1\n  2.1    Audit the files"),
        "{out}"
    );
}

#[test]
fn export_json_holds_the_whole_plan() {
    let (dir, _) = temp_with("plan.yaml", PLAN.as_bytes());
    let run = boardplan(dir.path(), &["export", "--format", "json", "plan.yaml"]);
    assert_eq!(run.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&run)).expect("valid JSON");
    assert_eq!(json["themes"][0]["actions"][0]["ref"], "1.1");
    assert_eq!(json["themes"][0]["actions"][0]["due"], "2013-07-31");
    assert_eq!(json["themes"][0]["actions"][1]["rag"], "amber");
    assert_eq!(json["owners"]["QEG"], "Quality & Effectiveness Group");
    assert!(json["themes"][1]["actions"][0].get("rag").is_none());
    assert_eq!(
        boardplan(dir.path(), &["export", "--format", "pdf", "plan.yaml"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn every_command_has_help() {
    let dir = tempfile::tempdir().expect("dir");
    for command in ["check", "fmt", "set", "summary", "export"] {
        let run = boardplan(dir.path(), &[command, "--help"]);
        assert_eq!(run.status.code(), Some(0));
        assert!(stdout(&run).contains("Usage: boardplan"), "{command}");
    }
}

#[test]
fn a_plan_with_only_board_and_period_is_valid_and_empty() {
    let text = "board: New Board\nperiod: 2026-27\n";
    let (dir, path) = temp_with("2026-27.yaml", text.as_bytes());
    let check = boardplan(dir.path(), &["check", "."]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let summary = boardplan(dir.path(), &["summary", "."]);
    assert_eq!(summary.status.code(), Some(0), "{}", stderr(&summary));
    let format = boardplan(dir.path(), &["fmt", "--check", "."]);
    assert_eq!(format.status.code(), Some(0), "{}", stderr(&format));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
}

#[test]
fn a_board_year_is_a_valid_timescale_kept_as_written() {
    let text = PLAN.replace("due: 2013-09", "due: 2013-14");
    let (dir, path) = temp_with("2013-14.yaml", text.as_bytes());
    let check = boardplan(dir.path(), &["check", "."]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(stderr(&check).contains("0 warnings"), "{}", stderr(&check));
    let set = boardplan(dir.path(), &["set", "2013-14.yaml", "1.2", "rag=green"]);
    assert_eq!(set.status.code(), Some(0), "{}", stderr(&set));
    let after = std::fs::read_to_string(&path).expect("read");
    assert_eq!(after, text.replace("rag: amber", "rag: green"));
}

#[test]
fn a_huge_bad_value_is_cut_in_the_message() {
    let text = PLAN.replace("rag: amber", &format!("rag: {}", "x".repeat(1_000_000)));
    let (dir, _) = temp_with("plan.yaml", text.as_bytes());
    let check = boardplan(dir.path(), &["check", "plan.yaml"]);
    let message = stderr(&check);
    assert_eq!(check.status.code(), Some(1));
    assert!(message.len() < 1_000, "{} bytes", message.len());
    assert!(message.contains("plan.yaml:20:10: 'xxx"), "{message}");
    assert!(message.contains("characters left out"), "{message}");
    assert!(message.contains("is not a RAG rating; use red, amber, green or blue"));
}

#[test]
fn plan_text_printed_to_a_terminal_has_no_escape_sequences() {
    let text = PLAN
        .replace(
            "title: Early help",
            "title: \"Early \\e[2J\\e]0;pwned\\aHelp\"",
        )
        .replace("due: ongoing", "due: \"\\e[31mAnnually\"");
    let (dir, _) = temp_with("plan.yaml", text.as_bytes());
    let summary = boardplan(dir.path(), &["summary", "plan.yaml"]);
    assert_eq!(summary.status.code(), Some(0), "{}", stderr(&summary));
    assert!(
        stdout(&summary).contains("Early Help"),
        "{}",
        stdout(&summary)
    );
    let check = boardplan(dir.path(), &["check", "plan.yaml"]);
    assert!(
        stderr(&check).contains("'Annually' is not a date"),
        "{}",
        stderr(&check)
    );
    for output in [&summary.stdout, &summary.stderr, &check.stderr] {
        assert!(
            !output.contains(&0x1b),
            "{}",
            String::from_utf8_lossy(output)
        );
        assert!(!output.contains(&0x07));
    }
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::fmt::Write as _;
    use std::io::Read as _;
    let mut text =
        String::from("board: B\nperiod: 2013-14\nthemes:\n- ref: '1'\n  title: T\n  actions:\n");
    for i in 0..4000 {
        let _ = write!(
            text,
            "  - ref: '1.{i}'\n    action: Overdue action number {i}\n    due: 2013-07-31\n"
        );
    }
    let (dir, _) = temp_with("plan.yaml", text.as_bytes());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_boardplan"))
        .args(["summary", "plan.yaml", "--today", "2014-01-01"])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 16];
    let mut out = child.stdout.take().expect("stdout");
    out.read_exact(&mut first).expect("some output");
    drop(out);
    let output = child.wait_with_output().expect("wait");
    assert_eq!(stderr(&output), "", "no panic, no message");
    assert_eq!(output.status.code(), Some(141));
}

#[test]
fn check_walks_folders_of_folders() {
    let (dir, _) = temp_with("top.yaml", PLAN.as_bytes());
    for folder in ["examples/a", "examples/b/deeper", "examples/.hidden"] {
        std::fs::create_dir_all(dir.path().join(folder)).expect("mkdir");
        std::fs::write(dir.path().join(folder).join("2013-14.yaml"), PLAN).expect("write");
    }
    let check = boardplan(dir.path(), &["check", "top.yaml", "examples"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(
        stderr(&check).contains("checked 3 files"),
        "{}",
        stderr(&check)
    );
}

#[test]
fn milestone_ratings_give_an_unrated_action_a_derived_rating() {
    let text = PLAN.replace(
        "    due: ongoing\n",
        "    due: 2013-06\n    milestones:\n    - milestone: Sample chosen\n      rag: blue\n    - milestone: Files read\n      rag: amber\n",
    );
    let (dir, path) = temp_with("plan.yaml", text.as_bytes());
    let summary = boardplan(
        dir.path(),
        &["summary", "plan.yaml", "--today", "2013-12-01"],
    );
    let out = stdout(&summary);
    let protection = out
        .lines()
        .find(|l| l.contains("Protection"))
        .expect("theme row");
    let counts: Vec<&str> = protection.split_whitespace().rev().take(7).collect();
    // Overdue, unrated, blue, green, amber, red, actions (read from the right).
    assert_eq!(counts, ["1", "0", "0", "0", "1", "0", "1"], "{out}");
    assert!(out.contains("1 of these ratings is derived"), "{out}");
    assert!(out.contains("Not yet rated: 0"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.contains("2.1") && l.contains("amber*")),
        "{out}"
    );
    let json = stdout(&boardplan(
        dir.path(),
        &["export", "--format", "json", "plan.yaml"],
    ));
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    let action = &value["themes"][1]["actions"][0];
    assert_eq!(action["derived_rag"], "amber");
    assert!(action.get("rag").is_none());
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        text,
        "nothing written"
    );
}

/// `set` with a config home of its own holding `config`.
fn set_due(dir: &Path, config: Option<&str>, due: &str) -> (String, String) {
    let home = dir.join("config-home");
    std::fs::create_dir_all(home.join("boardplan")).expect("config folder");
    let file = home.join("boardplan/config.yaml");
    match config {
        Some(text) => std::fs::write(&file, text).expect("config"),
        None => {
            let _ = std::fs::remove_file(&file);
        }
    }
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_boardplan"))
        .args(["set", "plan.yaml", "1.2", &format!("due={due}")])
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", &home)
        .env("HOME", dir)
        .output()
        .expect("runs");
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let text = std::fs::read_to_string(dir.join("plan.yaml")).expect("read");
    let line = text
        .lines()
        .skip_while(|l| !l.contains("ref: '1.2'"))
        .find(|l| l.trim_start().starts_with("due:"))
        .expect("a due line")
        .trim()
        .to_string();
    (line, stderr(&run))
}

#[test]
fn set_reads_due_dates_as_the_ui_does_and_says_how() {
    let (dir, _path) = temp_with("plan.yaml", PLAN.as_bytes());
    let (line, said) = set_due(dir.path(), None, "Q3 2014");
    assert_eq!(line, "due: 2014-09");
    assert!(
        said.contains("due 'Q3 2014' read as 2014-09 (by 30 September 2014)"),
        "{said}"
    );
    assert_eq!(set_due(dir.path(), None, "Q3 2014-15").0, "due: 2014-12");
    assert_eq!(set_due(dir.path(), None, "31/07/13").0, "due: 2013-07-31");
    assert_eq!(
        set_due(dir.path(), None, "end of June 2014").0,
        "due: 2014-06"
    );
    let financial = Some("quarters: financial\n");
    assert_eq!(set_due(dir.path(), financial, "Q3 2014").0, "due: 2014-12");
    let (line, said) = set_due(dir.path(), None, "when funding allows");
    assert_eq!(line, "due: when funding allows");
    assert!(said.contains("kept as text"), "{said}");
}

#[test]
fn set_owners_with_a_semicolon_keeps_a_name_that_holds_a_comma() {
    let (dir, path) = temp_with("plan.yaml", PLAN.as_bytes());
    let run = boardplan(
        dir.path(),
        &[
            "set",
            "plan.yaml",
            "1.2",
            "owners=Head of Service, Early Help; QEG",
        ],
    );
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let plan = boardplan::store::load(&std::fs::read(&path).expect("read"))
        .expect("loads")
        .plan;
    let at = plan.find_action("1.2").expect("1.2");
    let owners = &plan.action(at).expect("action").owners;
    assert_eq!(owners, &["Head of Service, Early Help", "QEG"]);
}
