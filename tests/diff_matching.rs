//! `boardplan diff` pairs old and new actions by content, not by ref, in real git repositories:
//! an action deleted and the rest renumbered, a whole theme deleted, a new first action in
//! every theme, completed against removed, a renamed file.

mod common;

use boardplan::model::{Action, ActionPos, Edit, Plan, Rag};
use boardplan::store::{Overwrite, PlanFile, canonical};
use common::{boardplan, git, repo_with, stdout};
use serde_json::Value;
use std::path::Path;

fn bundled(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect("bundled plan")
}

fn edit(repo: &Path, file: &str, change: impl FnOnce(&mut Plan)) {
    let mut plan_file = PlanFile::open(&repo.join(file)).expect("loads");
    change(&mut plan_file.plan);
    plan_file.save(Overwrite::IfUnchanged).expect("saves");
}

/// `boardplan diff REV --format json` in `repo`: the first file's changes.
fn changes(repo: &Path, revision: &str) -> Value {
    let run = boardplan(repo, &["diff", revision, "--format", "json"]);
    assert_eq!(run.status.code(), Some(0), "{}", common::stderr(&run));
    let json: Value = serde_json::from_str(&stdout(&run)).expect("JSON");
    json["files"][0]["changes"].clone()
}

fn actions(changes: &Value) -> Vec<Value> {
    changes["themes"]
        .as_array()
        .expect("themes")
        .iter()
        .flat_map(|t| t["actions"].as_array().expect("actions").clone())
        .collect()
}

fn count(changes: &Value, key: &str) -> u64 {
    changes["summary"][key].as_u64().unwrap_or(u64::MAX)
}

fn set_ref(plan: &mut Plan, from: &str, to: &str) {
    let at = plan.find_action(from).expect("action");
    plan.action_mut(at).expect("action").reference = to.into();
}

#[test]
fn deleting_an_action_and_renumbering_the_rest() {
    const FILE: &str = "plans/2010-11.yaml";
    let original = bundled("examples/peterborough-childrens-trust/2010-11.yaml");
    let repo = repo_with(&[(FILE, &original)]);
    edit(repo.path(), FILE, |plan| {
        let at = plan.find_action("1.5.3").expect("1.5.3");
        plan.remove_action(at).expect("remove");
        set_ref(plan, "1.5.4", "1.5.3");
        set_ref(plan, "1.5.5", "1.5.4");
    });
    let changes = changes(repo.path(), "HEAD");
    let all = actions(&changes);
    let removed: Vec<&Value> = all.iter().filter(|a| a["kind"] == "removed").collect();
    assert_eq!(removed.len(), 1, "{all:#?}");
    assert_eq!(
        removed[0]["item"]["action"],
        "Ensuring effective divisional performance management arrangements"
    );
    let kept: Vec<(&str, &str)> = all
        .iter()
        .filter(|a| a["kind"] == "changed")
        .map(|a| {
            assert!(a.get("texts").is_none(), "no text was rewritten: {a:#}");
            let from = a["renumbered_from"].as_str().unwrap_or("");
            (a["item"]["ref"].as_str().unwrap_or(""), from)
        })
        .collect();
    assert_eq!(kept, [("1.5.3", "1.5.4"), ("1.5.4", "1.5.5")]);
    assert_eq!(
        (count(&changes, "improved"), count(&changes, "worsened")),
        (0, 0)
    );
    assert_eq!(
        (count(&changes, "renumbered"), count(&changes, "removed")),
        (2, 1)
    );
}

#[test]
fn deleting_a_whole_theme_and_renumbering() {
    const FILE: &str = "plans/2013-14.yaml";
    let repo = repo_with(&[(FILE, &bundled(FILE))]);
    let mut theme_two = 0;
    edit(repo.path(), FILE, |plan| {
        theme_two = plan.themes[1].actions.len();
        plan.remove_theme(1).expect("remove theme");
        Edit::renumber_all(plan).apply(plan).expect("renumber");
    });
    let changes = changes(repo.path(), "HEAD");
    let all = actions(&changes);
    assert_eq!(count(&changes, "themes_removed"), 1);
    assert_eq!(count(&changes, "themes_renumbered"), 6);
    assert_eq!(
        (count(&changes, "improved"), count(&changes, "worsened")),
        (0, 0)
    );
    assert_eq!(count(&changes, "progress_updated"), 0);
    assert_eq!(count(&changes, "removed") as usize, theme_two);
    assert_eq!(count(&changes, "new"), 0);
    for action in all.iter().filter(|a| a["kind"] == "changed") {
        assert!(
            action.get("texts").is_none(),
            "invented rewrite: {action:#}"
        );
        assert_eq!(action["rag"]["trend"], "unchanged", "{action:#}");
        assert!(action.get("moved_from").is_none(), "{action:#}");
    }
    let removed_theme: Vec<&Value> = changes["themes"]
        .as_array()
        .expect("themes")
        .iter()
        .filter(|t| t["kind"] == "removed")
        .collect();
    assert_eq!(removed_theme.len(), 1);
    assert_eq!(removed_theme[0]["ref"], "2");
}

/// A plan of `themes` themes of ten actions whose texts differ only by a number, as a
/// template-driven plan's do.
fn generated(themes: usize) -> Plan {
    let rags = [Rag::Red, Rag::Amber, Rag::Green, Rag::Blue];
    let mut text = String::from("board: Generated Board\nperiod: 2013-14\ntitle: Plan\nthemes:\n");
    for t in 1..=themes {
        text.push_str(&format!(
            "- ref: '{t}'\n  title: Keep children safe ({t})\n  actions:\n"
        ));
        for a in 1..=10 {
            let n = (t - 1) * 10 + a;
            text.push_str(&format!(
                "  - ref: '{t}.{a}'\n    action: Review and publish a threshold document that includes early help (item {n})\n    progress: Dataset now in place for the board to monitor ({n})\n    rag: {}\n",
                rags[n % 4]
            ));
        }
    }
    boardplan::store::load(text.as_bytes()).expect("loads").plan
}

#[test]
fn a_new_first_action_in_every_theme_renumbers_the_rest() {
    const FILE: &str = "plans/2013-14.yaml";
    let plan = generated(60);
    let repo = repo_with(&[(FILE, canonical(&plan).as_bytes())]);
    edit(repo.path(), FILE, |plan| {
        for theme in 0..plan.themes.len() {
            let action = Action {
                reference: format!("new-{theme}"),
                action: format!("Agree a new priority for the year ({theme})"),
                ..Action::default()
            };
            let at = ActionPos { theme, action: 0 };
            plan.insert_action(at, action).expect("insert");
            let renumber = Edit::renumber_actions(plan, theme).expect("renumber");
            renumber.apply(plan).expect("renumber");
        }
    });
    let changes = changes(repo.path(), "HEAD");
    assert_eq!(count(&changes, "renumbered"), 600);
    assert_eq!(count(&changes, "new"), 60);
    assert_eq!(
        (count(&changes, "improved"), count(&changes, "worsened")),
        (0, 0)
    );
    assert_eq!(
        (
            count(&changes, "removed"),
            count(&changes, "progress_updated")
        ),
        (0, 0)
    );
    assert_eq!(count(&changes, "moved"), 0);
}

#[test]
fn completed_is_not_removed_and_removed_is_not_closed() {
    let repo = repo_with(&[("plans/2013-14.yaml", common::PLAN.as_bytes())]);
    edit(repo.path(), "plans/2013-14.yaml", |plan| {
        let at = plan.find_action("1.1").expect("1.1");
        plan.action_mut(at).expect("1.1").rag = Some(Rag::Blue);
        plan.remove_action(plan.find_action("1.2").expect("1.2"))
            .expect("remove");
    });
    let changes = changes(repo.path(), "HEAD");
    assert_eq!(count(&changes, "completed"), 1);
    assert_eq!(count(&changes, "improved"), 0);
    assert_eq!(count(&changes, "removed"), 1);
    let text = stdout(&boardplan(repo.path(), &["diff", "HEAD"]));
    assert!(
        text.contains("Actions: 1 completed, 0 improved, 0 worsened, 0 new, 1 removed"),
        "{text}"
    );
    assert!(text.contains("1.1  green → blue (completed)"), "{text}");
    assert!(text.contains("1.2  removed (was amber)"), "{text}");
    assert!(!text.contains("closed"), "{text}");
}

#[test]
fn a_renamed_plan_file_is_one_file_renamed() {
    let repo = repo_with(&[("plans/2013-14.yaml", common::PLAN.as_bytes())]);
    git(
        repo.path(),
        &["mv", "plans/2013-14.yaml", "plans/2013-2014.yaml"],
    );
    git(repo.path(), &["commit", "-q", "-m", "rename"]);
    let run = boardplan(repo.path(), &["diff", "HEAD~1", "HEAD", "--format", "json"]);
    let json: Value = serde_json::from_str(&stdout(&run)).expect("JSON");
    let files = json["files"].as_array().expect("files");
    assert_eq!(files.len(), 1, "{json:#}");
    assert_eq!(files[0]["path"], "plans/2013-2014.yaml");
    assert_eq!(files[0]["old_path"], "plans/2013-14.yaml");
    assert_eq!(files[0]["changes"]["summary"]["removed"], 0);
    assert_eq!(files[0]["changes"]["summary"]["new"], 0);
    let text = stdout(&boardplan(repo.path(), &["diff", "HEAD~1", "HEAD"]));
    assert!(
        text.contains("plans/2013-2014.yaml (renamed from plans/2013-14.yaml)"),
        "{text}"
    );
}
