//! End-to-end tests of natural due dates in the terminal UI: quarters read as the user's config
//! file says (`quarters: financial`), a board year always financial, the resolved value shown
//! before it is stored, and the month written to the file.

mod common;
#[path = "common/pty.rs"]
mod pty;

use pty::{Launch, Sandbox, Tui, keys};
use std::path::Path;
use std::time::Duration;

const PLAN_2013: &str = "plans/2013-14.yaml";
const CTRL_L: &str = "\x0c";

/// A repository holding the bundled 2013-14 plan.
fn repo() -> tempfile::TempDir {
    let plan =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(PLAN_2013)).expect("bundled plan");
    common::repo_with(&[(PLAN_2013, &plan)])
}

/// A sandbox whose config file holds `text`.
fn sandbox_with_config(text: &str) -> Sandbox {
    let sandbox = Sandbox::new();
    let folder = sandbox.config_home().join("boardplan");
    std::fs::create_dir_all(&folder).expect("config folder");
    std::fs::write(folder.join("config.yaml"), text).expect("config file");
    sandbox
}

/// Opens the due field of action 1.1, clears it, types `text` and waits for `preview`.
fn type_due(tui: &mut Tui, text: &str, preview: &str) {
    tui.send("d");
    tui.wait_for("Due of action 1.1");
    tui.send(CTRL_L).send(text);
    tui.wait_for(preview);
}

/// Applies the field, saves and quits.
fn apply_save_quit(tui: &mut Tui) {
    tui.send(keys::ENTER);
    tui.wait_for("due of 1.1 changed");
    tui.send(keys::CTRL_S);
    tui.wait_for("saved");
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
}

/// The changed lines of the plan against the commit.
fn changed_lines(dir: &Path) -> Vec<String> {
    common::git(dir, &["diff", "-U0", "--no-color"])
        .lines()
        .filter(|l| l.starts_with(['+', '-']) && !l.starts_with("+++") && !l.starts_with("---"))
        .map(String::from)
        .collect()
}

#[test]
fn financial_setting_counts_a_bare_quarter_from_april() {
    let dir = repo();
    let sandbox = sandbox_with_config("quarters: financial\n");
    let mut tui = Launch::new(dir.path(), &sandbox).start();
    type_due(
        &mut tui,
        "Q3 2014",
        "→ 2014-12: by 31 December 2014 (financial Q3 of 2014-15)",
    );
    apply_save_quit(&mut tui);
    assert_eq!(
        changed_lines(dir.path()),
        ["-    due: ongoing", "+    due: 2014-12"]
    );
}

#[test]
fn without_the_setting_quarters_are_calendar_but_a_board_year_is_financial() {
    let dir = repo();
    let sandbox = Sandbox::new();
    let mut tui = Launch::new(dir.path(), &sandbox).start();
    type_due(
        &mut tui,
        "Q3 2014",
        "→ 2014-09: by 30 September 2014 (Q3 of 2014)",
    );
    tui.send(CTRL_L).send("Q4 2013/14");
    tui.wait_for("→ 2014-03: by 31 March 2014 (financial Q4 of 2013-14)");
    apply_save_quit(&mut tui);
    assert_eq!(
        changed_lines(dir.path()),
        ["-    due: ongoing", "+    due: 2014-03"]
    );
}

#[test]
fn a_bad_quarters_setting_is_named_before_the_ui_opens() {
    let dir = repo();
    let sandbox = sandbox_with_config("quarters: fiscal\n");
    let mut tui = Launch::new(dir.path(), &sandbox).plain().start();
    let status = tui.wait_exit(Duration::from_secs(5));
    assert!(!status.success());
    let screen = tui.screen();
    assert!(screen.contains("config.yaml is not valid"), "{screen}");
    assert!(screen.contains("quarters: calendar|financial"), "{screen}");
}
