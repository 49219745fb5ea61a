//! The UI opened on a folder with no plan files offers a first plan, then opens on it.

mod common;
#[path = "common/pty.rs"]
mod pty;

use pty::{Launch, Sandbox, keys};
use std::time::Duration;

#[test]
fn an_empty_folder_offers_a_first_plan_and_opens_it() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::create_dir(dir.path().join("plans")).expect("plans/");
    let sandbox = Sandbox::new();
    let mut tui = Launch::new(dir.path(), &sandbox)
        .size(24, 80)
        .plain()
        .start();
    tui.wait_for("type the board's name");
    tui.send("Northshire LSCB");
    tui.send(keys::ENTER);
    tui.wait_for("Board year [");
    tui.send("2014-15");
    tui.send(keys::ENTER);
    let screen = tui.wait_for("Northshire LSCB · Business Plan 2014-2015");
    assert!(screen.contains("2014-15"), "{}", pty::framed(&screen));
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(5)).success());
    let file = dir.path().join("plans").join("2014-15.yaml");
    let check = common::boardplan(dir.path(), &["check", &file.to_string_lossy()]);
    assert!(check.status.success(), "{}", common::stderr(&check));
}

#[test]
fn no_name_leaves_the_folder_empty() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::create_dir(dir.path().join("plans")).expect("plans/");
    let sandbox = Sandbox::new();
    let mut tui = Launch::new(dir.path(), &sandbox)
        .size(24, 80)
        .plain()
        .start();
    tui.wait_for("type the board's name");
    tui.send(keys::ENTER);
    let status = tui.wait_exit(Duration::from_secs(5));
    assert!(!status.success());
    let left = std::fs::read_dir(dir.path().join("plans"))
        .expect("dir")
        .count();
    assert_eq!(left, 0);
}
