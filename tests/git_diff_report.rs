//! `boardplan diff` over real git history: RAG transitions, rewritten progress, renumbered and
//! moved actions, additions and closures, in every output format.

mod common;

use boardplan::model::{Action, ActionField, ActionPos, Edit, FieldValue};
use boardplan::store::{Overwrite, PlanFile};
use common::{boardplan, git, repo_with, stdout};
use std::path::Path;

const FILE: &str = "plans/2013-14.yaml";

fn edit(repo: &Path, change: impl FnOnce(&mut boardplan::model::Plan)) {
    let mut file = PlanFile::open(&repo.join(FILE)).expect("loads");
    change(&mut file.plan);
    file.save(Overwrite::IfUnchanged).expect("saves");
}

fn set(plan: &mut boardplan::model::Plan, reference: &str, field: ActionField, value: &str) {
    let at = plan.find_action(reference).expect("action");
    let value = field.parse_value(value).expect("value");
    Edit::SetAction { at, field, value }
        .apply(plan)
        .expect("edit");
}

/// Two commits: the bundled plan, then a meeting's worth of changes.
fn history() -> tempfile::TempDir {
    let plan =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE)).expect("bundled plan");
    let repo = repo_with(&[(FILE, &plan)]);
    git(repo.path(), &["tag", "june-meeting"]);
    edit(repo.path(), |plan| {
        set(plan, "1.2", ActionField::Rag, "green");
        set(plan, "4.2", ActionField::Rag, "red");
        set(
            plan,
            "2.1",
            ActionField::Progress,
            "Dataset now reviewed quarterly by the board",
        );
        // 3.2 moves to theme 4 as 4.6; 8.7 is closed; a new action 1.6 arrives.
        let from = plan.find_action("3.2").expect("3.2");
        let to = ActionPos {
            theme: 3,
            action: plan.themes[3].actions.len(),
        };
        Edit::MoveAction { from, to }.apply(plan).expect("move");
        Edit::SetAction {
            at: to,
            field: ActionField::Ref,
            value: FieldValue::Text(Some("4.6".into())),
        }
        .apply(plan)
        .expect("ref");
        plan.remove_action(plan.find_action("8.7").expect("8.7"))
            .expect("remove");
        let new = Action {
            reference: "1.6".into(),
            action: "Publish the early help offer".into(),
            ..Action::default()
        };
        Edit::InsertAction {
            at: ActionPos {
                theme: 0,
                action: 5,
            },
            action: Box::new(new),
        }
        .apply(plan)
        .expect("insert");
    });
    git(repo.path(), &["commit", "-q", "-am", "September update"]);
    repo
}

#[test]
fn json_report_speaks_in_actions() {
    let repo = history();
    let run = boardplan(
        repo.path(),
        &["diff", "june-meeting", "HEAD", "--format", "json"],
    );
    assert_eq!(run.status.code(), Some(0), "{}", common::stderr(&run));
    let json: serde_json::Value = serde_json::from_str(&stdout(&run)).expect("JSON");
    assert_eq!(json["schema_version"], 2);
    assert_eq!(json["from"]["revision"], "june-meeting");
    assert_eq!(json["from"]["commit"].as_str().map(str::len), Some(40));
    assert_eq!(json["to"]["revision"], "HEAD");
    assert_eq!(json["files"][0]["path"], FILE);
    let report = &json["files"][0]["changes"];
    let summary = &report["summary"];
    assert_eq!(
        (summary["improved"].as_u64(), summary["worsened"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        (
            summary["new"].as_u64(),
            summary["removed"].as_u64(),
            summary["moved"].as_u64()
        ),
        (Some(1), Some(1), Some(1))
    );
    let actions: Vec<&serde_json::Value> = report["themes"]
        .as_array()
        .expect("themes")
        .iter()
        .flat_map(|t| t["actions"].as_array().expect("actions"))
        .collect();
    let find = |r: &str| {
        actions
            .iter()
            .find(|a| a["item"]["ref"] == r)
            .copied()
            .unwrap_or_else(|| panic!("{r} not reported: {report}"))
    };
    assert_eq!(find("4.6")["renumbered_from"], "3.2");
    assert_eq!(find("4.6")["moved_from"]["ref"], "3");
    assert_eq!(find("1.2")["rag"]["trend"], "improved");
    assert_eq!(find("4.2")["rag"]["trend"], "worsened");
    assert_eq!(find("1.6")["kind"], "added");
    assert_eq!(find("8.7")["kind"], "removed");
    assert!(find("2.1")["texts"].to_string().contains("quarterly"));
}

#[test]
fn text_and_markdown_reports() {
    let repo = history();
    let text = stdout(&boardplan(repo.path(), &["diff", "june-meeting"]));
    assert!(
        text.starts_with("Peterborough Safeguarding Children Board: Business Plan 2013-2014 — plans/2013-14.yaml\nChanges since the version of "),
        "{text}"
    );
    assert!(
        text.contains("(june-meeting), to the working tree on "),
        "{text}"
    );
    assert!(
        text.contains("\nActions: 0 completed, 1 improved, 1 worsened, 1 new, 1 removed, 1 moved to another theme"),
        "{text}"
    );
    assert!(text.contains("  1.2  amber → green (improved)"), "{text}");
    assert!(text.contains("renumbered from 3.2"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour codes when piped");
    let markdown = stdout(&boardplan(
        repo.path(),
        &["diff", "HEAD~1", "HEAD", "--format", "md"],
    ));
    assert!(
        markdown.contains("## Theme 1:") && markdown.contains("- **1.2** amber → green (improved)"),
        "{markdown}"
    );
}

#[test]
fn since_a_date_two_files_and_errors() {
    let repo = history();
    let since = boardplan(repo.path(), &["diff", "--since", "2090-01-01"]);
    assert_eq!(since.status.code(), Some(0), "{}", common::stderr(&since));
    assert!(
        stdout(&since).starts_with("No changes to the plans since the version of "),
        "{}",
        stdout(&since)
    );
    std::fs::write(
        repo.path().join("old.yaml"),
        git(repo.path(), &["show", &format!("june-meeting:{FILE}")]),
    )
    .expect("write");
    let files = boardplan(repo.path(), &["diff", "old.yaml", FILE]);
    assert!(
        stdout(&files).contains("1.2  amber → green (improved)"),
        "{}",
        stdout(&files)
    );
    let json = stdout(&boardplan(
        repo.path(),
        &["diff", "old.yaml", FILE, "--format", "json"],
    ));
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(
        (&json["from"]["file"], &json["to"]["file"]),
        (&serde_json::json!("old.yaml"), &serde_json::json!(FILE))
    );
    assert_eq!(json["files"][0]["changes"]["summary"]["improved"], 1);
    let bad = boardplan(repo.path(), &["diff", "no-such-revision"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(common::stderr(&bad).contains("'no-such-revision' is not a commit"));
}
