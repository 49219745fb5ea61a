//! The year end through the real binary: `new-year` on every bundled plan carries exactly the
//! unfinished actions, writes a valid canonical file read back by a second YAML parser, and
//! never overwrites; `new` starts a first plan.

mod common;

use boardplan::model::{Plan, Rag};
use boardplan::store::{PlanFile, canonical};
use common::{boardplan, stderr, stdout};
use std::collections::BTreeSet;
use std::path::Path;

fn refs(plan: &Plan, keep: impl Fn(Option<Rag>) -> bool) -> BTreeSet<String> {
    plan.themes
        .iter()
        .flat_map(|t| &t.actions)
        .filter(|a| keep(a.rag))
        .map(|a| a.reference.clone())
        .collect()
}

/// The refs of the actions in a plan file, read by serde-saphyr (not the store's parser).
fn refs_by_second_parser(path: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(path).expect("reads");
    let value: serde_json::Value = serde_saphyr::from_str(&text).expect("second parser reads it");
    value["themes"]
        .as_array()
        .expect("themes list")
        .iter()
        .flat_map(|t| t["actions"].as_array().cloned().unwrap_or_default())
        .map(|a| a["ref"].as_str().expect("ref is text").to_string())
        .collect()
}

#[test]
fn new_year_on_every_bundled_plan_carries_exactly_the_unfinished_actions() {
    for source in common::bundled_plans() {
        let dir = tempfile::tempdir().expect("temp dir");
        let from = dir.path().join("old.yaml");
        std::fs::copy(&source, &from).expect("copies");
        let old = PlanFile::open(&from).expect("bundled plan loads").plan;
        let output = boardplan(dir.path(), &["new-year", "old.yaml", "2030-31"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let written = dir.path().join("2030-31.yaml");
        let new = PlanFile::open(&written)
            .unwrap_or_else(|e| panic!("{}: {e}", source.display()))
            .plan;
        let unfinished = refs(&old, |rag| rag != Some(Rag::Blue));
        assert_eq!(refs(&new, |_| true), unfinished, "{}", source.display());
        assert_eq!(refs_by_second_parser(&written), unfinished);
        assert!(
            refs(&new, |rag| rag.is_some()).is_empty(),
            "ratings cleared"
        );
        assert_eq!(new.period, "2030-31");
        assert_eq!((&new.board, &new.owners), (&old.board, &old.owners));
        let themes = |p: &Plan| p.themes.iter().map(|t| t.title.clone()).collect::<Vec<_>>();
        assert_eq!(themes(&new), themes(&old));
        let bytes = std::fs::read(&written).expect("reads");
        assert_eq!(canonical(&new).as_bytes(), bytes.as_slice(), "canonical");
        let check = boardplan(dir.path(), &["check", "2030-31.yaml"]);
        assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
        let completed = refs(&old, |rag| rag == Some(Rag::Blue)).len();
        assert!(
            stdout(&output).contains(&format!("({completed} actions, not carried)")),
            "{}",
            stdout(&output)
        );
    }
}

#[test]
fn blue_actions_are_listed_and_never_carried_and_nothing_is_overwritten() {
    let plan = common::PLAN.replacen("rag: green", "rag: blue", 1);
    let (dir, _) = common::temp_with("2013-14.yaml", plan.as_bytes());
    let old = PlanFile::open(&dir.path().join("2013-14.yaml"))
        .expect("loads")
        .plan;
    let blue = refs(&old, |rag| rag == Some(Rag::Blue));
    assert_eq!(blue.len(), 1, "the fixture has one completed action");
    let done = boardplan(
        dir.path(),
        &["new-year", "2013-14.yaml", "2014-15", "--keep-ratings"],
    );
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    let new = PlanFile::open(&dir.path().join("2014-15.yaml"))
        .expect("loads")
        .plan;
    assert!(refs(&new, |_| true).is_disjoint(&blue));
    let blue_ref = blue.iter().next().expect("one");
    assert!(
        stdout(&done).contains(&format!("  {blue_ref}  ")),
        "{}",
        stdout(&done)
    );
    assert_eq!(
        refs(&new, |r| r.is_some()),
        refs(&old, |r| r.is_some() && r != Some(Rag::Blue))
    );

    let before = std::fs::read(dir.path().join("2014-15.yaml")).expect("reads");
    let again = boardplan(dir.path(), &["new-year", "2013-14.yaml", "2014-15"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already exists; nothing was written"));
    assert_eq!(
        std::fs::read(dir.path().join("2014-15.yaml")).expect("reads"),
        before
    );
    let bad = boardplan(dir.path(), &["new-year", "2013-14.yaml", "next year"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("is not a board year"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn renumber_gives_each_theme_consecutive_refs_and_notes_the_old_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = dir.path().join("2010-11.yaml");
    std::fs::copy("examples/peterborough-childrens-trust/2010-11.yaml", &from).expect("copies");
    let output = boardplan(
        dir.path(),
        &[
            "new-year",
            "2010-11.yaml",
            "2011-12",
            "--renumber",
            "-o",
            "next.yaml",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let new = PlanFile::open(&dir.path().join("next.yaml"))
        .expect("loads")
        .plan;
    for theme in &new.themes {
        for (n, action) in theme.actions.iter().enumerate() {
            assert_eq!(action.reference, format!("{}.{}", theme.reference, n + 1));
            let notes = action.notes.as_deref().unwrap_or("");
            assert!(
                notes.contains("Carried forward from 2010-11, action "),
                "{notes}"
            );
        }
    }
}

#[test]
fn new_starts_a_valid_empty_plan_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let args = ["new", "2014-15", "--board", "Anytown LSCB"];
    let output = boardplan(dir.path(), &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let path = dir.path().join("plans/2014-15.yaml");
    let plan = PlanFile::open(&path).expect("loads").plan;
    assert_eq!(
        (plan.board.as_str(), plan.title.as_str()),
        ("Anytown LSCB", "Business Plan 2014-2015")
    );
    assert!(plan.themes.is_empty());
    let check = boardplan(dir.path(), &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let again = boardplan(dir.path(), &args);
    assert_eq!(again.status.code(), Some(2));
}
