//! Files written by other tools, in other YAML styles, load; a no-op save keeps every byte; an
//! edit changes only the lines of the field it touches; the file's own style is kept.

mod common;

use boardplan::model::{Action, ActionField, ActionPos, Edit, Rag};
use boardplan::store::{Document, load};

const OTHER_STYLE: &str = "\
# Written by another tool
---
board: \"Test Board\"   # the board
period: 2013-14
title: 'Business Plan'
themes:
    -   ref: 1
        title: Early help
        actions:
            - {ref: 1.10, action: \"Monitor\", owners: [QEG, SLDG], rag: Green}
            # the threshold work
            - ref: \"1.2\"
              action: >-
                  Folded text
                  continues here
              owners: QEG
              progress: |
                  Line one
                  Line two
              rag: AMBER  # needs work
              due: 2013-09

    -   ref: 2
        title: &t Protection
        description: *t
        actions: []
";

/// Lines removed and added between two texts.
fn changes(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
    let diff = similar::TextDiff::from_lines(old, new);
    let mut removed = Vec::new();
    let mut added = Vec::new();
    for change in diff.iter_all_changes() {
        match change.tag() {
            similar::ChangeTag::Delete => removed.push(change.value().trim_end().to_string()),
            similar::ChangeTag::Insert => added.push(change.value().trim_end().to_string()),
            similar::ChangeTag::Equal => {}
        }
    }
    (removed, added)
}

fn edit(text: &str, change: impl FnOnce(&mut boardplan::model::Plan)) -> String {
    let loaded = load(text.as_bytes()).expect("loads");
    let mut plan = loaded.plan.clone();
    change(&mut plan);
    let rendered = loaded.document.render(&plan).expect("renders");
    assert!(
        !rendered.rewrote_whole_file,
        "the layout should take the edit"
    );
    let text = String::from_utf8(rendered.bytes).expect("utf-8");
    let reread = load(text.as_bytes()).expect("the saved file loads").plan;
    assert_eq!(reread, plan, "the saved file reads back as the edited plan");
    text
}

fn set(plan: &mut boardplan::model::Plan, reference: &str, field: ActionField, value: &str) {
    let at = plan.find_action(reference).expect("action exists");
    let value = field.parse_value(value).expect("valid value");
    Edit::SetAction { at, field, value }
        .apply(plan)
        .expect("applies");
}

#[test]
fn other_styles_load_with_the_right_values() {
    let plan = load(OTHER_STYLE.as_bytes()).expect("loads").plan;
    let first = &plan.themes[0].actions[0];
    assert_eq!(plan.board, "Test Board");
    assert_eq!(plan.themes[0].reference, "1");
    assert_eq!(first.reference, "1.10");
    assert_eq!(first.owners, ["QEG", "SLDG"]);
    assert_eq!(first.rag, Some(Rag::Green));
    let second = &plan.themes[0].actions[1];
    assert_eq!(second.action, "Folded text continues here");
    assert_eq!(second.owners, ["QEG"]);
    assert_eq!(second.progress.as_deref(), Some("Line one\nLine two\n"));
    assert_eq!(plan.themes[1].description.as_deref(), Some("Protection"));
}

#[test]
fn a_save_with_no_change_writes_the_same_bytes() {
    for text in [
        OTHER_STYLE.to_string(),
        OTHER_STYLE.replace('\n', "\r\n"),
        format!("\u{feff}{OTHER_STYLE}"),
    ] {
        let loaded = load(text.as_bytes()).expect("loads");
        let rendered = loaded
            .document
            .render(&loaded.plan.clone())
            .expect("renders");
        assert_eq!(rendered.bytes, text.as_bytes());
    }
}

#[test]
fn changing_a_rating_touches_one_line_and_keeps_its_comment() {
    let new = edit(OTHER_STYLE, |plan| {
        set(plan, "1.2", ActionField::Rag, "red")
    });
    assert_eq!(
        changes(OTHER_STYLE, &new),
        (
            vec!["              rag: AMBER  # needs work".into()],
            vec!["              rag: red  # needs work".into()]
        )
    );
}

#[test]
fn rewriting_progress_touches_only_its_block() {
    let new = edit(OTHER_STYLE, |plan| {
        set(plan, "1.2", ActionField::Progress, "Done\nand dusted")
    });
    let (removed, added) = changes(OTHER_STYLE, &new);
    assert_eq!(
        removed,
        [
            "              progress: |",
            "                  Line one",
            "                  Line two"
        ]
    );
    // The file's blocks are indented four under their key (its `-   ref:` items show that
    // step), so the new block is too.
    assert_eq!(
        added,
        [
            "              progress: |-",
            "                  Done",
            "                  and dusted"
        ]
    );
}

#[test]
fn quoted_values_stay_quoted_and_single_owner_stays_a_scalar() {
    let new = edit(OTHER_STYLE, |plan| {
        plan.board = "Another Board".into();
        plan.title = "Plan".into();
        set(plan, "1.2", ActionField::Owners, "SLDG");
    });
    let (_, added) = changes(OTHER_STYLE, &new);
    assert_eq!(
        added,
        [
            "board: \"Another Board\"   # the board",
            "title: 'Plan'",
            "              owners: SLDG"
        ]
    );
}

#[test]
fn adding_and_removing_fields_touch_only_their_lines() {
    let new = edit(OTHER_STYLE, |plan| {
        set(plan, "1.2", ActionField::Outcome, "Threshold agreed");
        set(plan, "1.2", ActionField::Due, "");
    });
    let (removed, added) = changes(OTHER_STYLE, &new);
    assert_eq!(removed, ["              due: 2013-09"]);
    assert_eq!(added, ["              outcome: Threshold agreed"]);
    assert!(new.contains(
        "continues here\n              outcome: Threshold agreed\n              owners: QEG\n"
    ));
}

#[test]
fn a_flow_style_action_is_rewritten_alone() {
    let new = edit(OTHER_STYLE, |plan| {
        set(plan, "1.10", ActionField::Rag, "red")
    });
    let (removed, added) = changes(OTHER_STYLE, &new);
    assert_eq!(removed.len(), 1);
    assert!(removed[0].contains("{ref: 1.10"));
    assert!(
        added.iter().all(|l| l.starts_with("            ")),
        "{added:?}"
    );
    assert!(added.iter().any(|l| l.trim() == "rag: red"));
}

#[test]
fn actions_added_to_an_empty_flow_list_and_moved_between_themes() {
    let new = edit(OTHER_STYLE, |plan| {
        let action = Action {
            reference: "2.1".into(),
            action: "Audit the files".into(),
            ..Action::default()
        };
        Edit::InsertAction {
            at: ActionPos {
                theme: 1,
                action: 0,
            },
            action: Box::new(action),
        }
        .apply(plan)
        .expect("insert");
    });
    assert!(
        new.ends_with(
            "        actions:\n            - ref: '2.1'\n              action: Audit the files\n"
        ),
        "{new}"
    );
    let moved = edit(OTHER_STYLE, |plan| {
        let from = ActionPos {
            theme: 0,
            action: 1,
        };
        Edit::MoveAction {
            from,
            to: ActionPos {
                theme: 0,
                action: 0,
            },
        }
        .apply(plan)
        .expect("move");
    });
    let comment = moved.find("# the threshold work").expect("comment kept");
    assert!(
        comment < moved.find("ref: \"1.2\"").expect("moved")
            && moved.find("ref: \"1.2\"") < moved.find("{ref: 1.10")
    );
}

#[test]
fn removing_an_action_takes_its_comment_and_lines() {
    let new = edit(OTHER_STYLE, |plan| {
        plan.remove_action(ActionPos {
            theme: 0,
            action: 1,
        })
        .expect("remove");
    });
    let (removed, added) = changes(OTHER_STYLE, &new);
    assert!(added.is_empty());
    assert_eq!(
        removed.first().map(String::as_str),
        Some("            # the threshold work")
    );
    assert_eq!(
        removed.last().map(String::as_str),
        Some("              due: 2013-09")
    );
}

#[test]
fn crlf_and_bom_survive_an_edit() {
    let text = format!("\u{feff}{}", OTHER_STYLE.replace('\n', "\r\n"));
    let new = edit(&text, |plan| {
        set(plan, "1.2", ActionField::Notes, "first\nsecond");
        set(plan, "1.2", ActionField::Rag, "blue");
    });
    assert!(new.starts_with('\u{feff}'));
    assert_eq!(
        new.matches('\n').count(),
        new.matches("\r\n").count(),
        "every line ends in CRLF"
    );
    assert!(new.contains("rag: blue  # needs work\r\n"));
}

#[test]
fn documents_rebase_after_a_save() {
    let loaded = load(common::PLAN.as_bytes()).expect("loads");
    let mut document: Document = loaded.document;
    let mut plan = loaded.plan;
    set(&mut plan, "1.1", ActionField::Rag, "red");
    let first = document.render(&plan).expect("renders");
    document.commit(first, &plan);
    set(&mut plan, "1.2", ActionField::Rag, "green");
    let second = String::from_utf8(document.render(&plan).expect("renders").bytes).expect("utf-8");
    let expected = common::PLAN
        .replace(
            "    rag: green\n  - ref: '1.2'",
            "    rag: red\n  - ref: '1.2'",
        )
        .replace("rag: amber", "rag: green");
    assert_eq!(second, expected);
}
