//! Edits in layouts other tools write change only their own lines: 4-space indentation,
//! anchors and tags, kept (`|+`) blocks, comments after flow lists, between a key and its
//! value and on a block's header line, and removing the last theme.

use boardplan::model::{ActionField, Edit, Plan};
use boardplan::store::load;

/// Lines removed and added between two texts.
fn changes(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
    let diff = similar::TextDiff::from_lines(old, new);
    let mut removed = Vec::new();
    let mut added = Vec::new();
    for change in diff.iter_all_changes() {
        let line = change.value().trim_end().to_string();
        match change.tag() {
            similar::ChangeTag::Delete => removed.push(line),
            similar::ChangeTag::Insert => added.push(line),
            similar::ChangeTag::Equal => {}
        }
    }
    (removed, added)
}

/// Applies `change`, checks the save is a patch that reads back as the edited plan (also by a
/// second YAML parser), and returns the lines removed and added.
fn edit(text: &str, change: impl FnOnce(&mut Plan)) -> (Vec<String>, Vec<String>) {
    let loaded = load(text.as_bytes()).expect("loads");
    let mut plan = loaded.plan.clone();
    change(&mut plan);
    let rendered = loaded.document.render(&plan).expect("renders");
    let new = String::from_utf8(rendered.bytes).expect("utf-8");
    assert!(!rendered.rewrote_whole_file, "whole file rewritten:\n{new}");
    let reread = load(new.as_bytes()).expect("the saved file loads").plan;
    assert_eq!(reread, plan, "the saved file reads back as the edited plan");
    yaml_rust2::YamlLoader::load_from_str(&new).expect("a second YAML parser reads it");
    changes(text, &new)
}

fn set(plan: &mut Plan, reference: &str, field: ActionField, value: &str) {
    let at = plan.find_action(reference).expect("action exists");
    let value = field.parse_value(value).expect("valid value");
    Edit::SetAction { at, field, value }
        .apply(plan)
        .expect("applies");
}

const FOUR_SPACES: &str = "\
board: Test Board
period: 2013-14
title: Plan
owners:
    QEG: Quality and Effectiveness Group
themes:
-   ref: '1'
    title: One
    actions:
    -   ref: '1.1'
        action: First
        progress: start
    -   ref: '1.2'
        action: Second
";

#[test]
fn indented_multi_line_text_in_a_four_space_file() {
    let (removed, added) = edit(FOUR_SPACES, |plan| {
        set(plan, "1.1", ActionField::Progress, "  indented\nnext")
    });
    assert_eq!(removed, ["        progress: start"]);
    assert_eq!(
        added,
        [
            "        progress: |4-",
            "              indented",
            "            next"
        ]
    );
}

/// PyYAML's `indent=4` layout: no mapping nested under a key, only `-   key:` items.
const PYYAML_FOUR_SPACES: &str = "\
board: Test Board
period: 2013-14
themes:
-   ref: '1'
    title: One
    actions:
    -   ref: '1.1'
        action: First
        owners: [QEG]
        progress: a long line folded by the writer
            onto a second line
";

#[test]
fn multi_line_text_takes_the_step_of_a_file_with_no_nested_mapping() {
    let (removed, added) = edit(PYYAML_FOUR_SPACES, |plan| {
        set(plan, "1.1", ActionField::Progress, "first\nsecond")
    });
    assert_eq!(
        removed,
        [
            "        progress: a long line folded by the writer",
            "            onto a second line"
        ]
    );
    assert_eq!(
        added,
        [
            "        progress: |-",
            "            first",
            "            second"
        ]
    );
}

#[test]
fn values_with_an_anchor_or_a_tag() {
    let text = FOUR_SPACES
        .replace("action: First", "action: &first First")
        .replace("progress: start", "progress: !!str start");
    let (removed, added) = edit(&text, |plan| {
        set(plan, "1.1", ActionField::Action, "First, renamed");
        set(plan, "1.1", ActionField::Progress, "going");
    });
    assert_eq!(
        removed,
        [
            "        action: &first First",
            "        progress: !!str start"
        ]
    );
    assert_eq!(
        added,
        [
            "        action: &first First, renamed",
            "        progress: !!str going"
        ]
    );
}

#[test]
fn a_kept_block_elsewhere_is_left_alone() {
    let text = "\
board: B
period: 2013-14
title: T
themes:
- ref: '1'
  title: One
  actions:
  - ref: '1.1'
    action: First
    progress: old
  - ref: '1.2'
    action: Second
  - ref: '1.3'
    action: Third
    progress: |+
      kept

  - ref: '1.4'
    action: Fourth
";
    let (removed, added) = edit(text, |plan| set(plan, "1.1", ActionField::Progress, "new"));
    assert_eq!(removed, ["    progress: old"]);
    assert_eq!(added, ["    progress: new"]);
}

#[test]
fn removing_the_last_theme_keeps_the_rest_of_the_file() {
    let text = "\
# The board's plan: keep this header
board: B
period: 2013-14
title: T  # short
themes:
- ref: '1'
  title: One
  actions:
  - ref: '1.1'
    action: First
";
    let (removed, added) = edit(text, |plan| {
        plan.themes.clear();
    });
    assert!(added.is_empty(), "{added:?}");
    assert_eq!(
        removed,
        [
            "themes:",
            "- ref: '1'",
            "  title: One",
            "  actions:",
            "  - ref: '1.1'",
            "    action: First"
        ]
    );
}

#[test]
fn a_comment_after_an_edited_flow_list_stays() {
    let text = FOUR_SPACES.replace(
        "progress: start",
        "owners: [QEG, SLDG]  # agreed in May\n        progress: start",
    );
    let (removed, added) = edit(&text, |plan| {
        set(plan, "1.1", ActionField::Owners, "QEG, SLDG, LA")
    });
    assert_eq!(removed, ["        owners: [QEG, SLDG]  # agreed in May"]);
    assert_eq!(added, ["        owners: [QEG, SLDG, LA]  # agreed in May"]);
}

#[test]
fn a_comment_between_key_and_value_stays() {
    let text = FOUR_SPACES.replace(
        "progress: start",
        "progress:\n            # from the May report\n            start",
    );
    let (removed, added) = edit(&text, |plan| {
        set(plan, "1.1", ActionField::Progress, "going")
    });
    assert_eq!(removed, ["            start"]);
    assert_eq!(added, ["            going"]);
}

#[test]
fn a_comment_on_a_block_header_stays() {
    let text = FOUR_SPACES.replace(
        "progress: start",
        "progress: |  # from the May report\n            line one\n            line two",
    );
    let (removed, added) = edit(&text, |plan| {
        set(plan, "1.1", ActionField::Progress, "line one\nline 2\n")
    });
    assert_eq!(removed, ["            line two"]);
    assert_eq!(added, ["            line 2"]);
    let (removed, added) = edit(&text, |plan| {
        set(plan, "1.1", ActionField::Progress, "one line")
    });
    assert_eq!(removed.len(), 3);
    assert_eq!(added, ["        progress: one line  # from the May report"]);
}

#[test]
fn a_new_history_row_is_added_alone_in_canonical_style() {
    let text = "\
board: B
period: 2013-14
title: T
version: '1.1'
date: 2013-06-01
author: Business unit  # who writes it
history:
-   version: '1.0'
    date: 2013-04-01
    note: First draft
-   version: '1.1'   # for the June board
    note: Update on progress
themes: []
";
    let (removed, added) = edit(text, |plan| {
        plan.version = Some("1.2".into());
        plan.history.push(boardplan::model::HistoryEntry {
            version: "1.2".into(),
            date: boardplan::model::Due::parse("2013-08-20").ok(),
            author: Some("A. Officer".into()),
            note: Some("Update on progress".into()),
            ..Default::default()
        });
    });
    assert_eq!(removed, ["version: '1.1'"]);
    assert_eq!(
        added,
        [
            "version: '1.2'",
            "- version: '1.2'",
            "  date: 2013-08-20",
            "  author: A. Officer",
            "  note: Update on progress"
        ]
    );
    let plan = load(text.as_bytes()).expect("loads").plan;
    assert_eq!(plan.author.as_deref(), Some("Business unit"));
    assert_eq!(plan.history[1].note.as_deref(), Some("Update on progress"));
    let json = boardplan::export::json(&plan);
    assert!(
        json.contains(
            "\"author\": \"Business unit\",\n  \"history\": [\n    {\n      \"version\": \"1.0\""
        ),
        "{json}"
    );
}

#[test]
fn an_edited_anchor_leaves_its_aliases_saying_what_they_said() {
    let text = "\
board: B
period: 2013-14
themes:
- ref: '1'
  title: &t Protection
  description: *t
- ref: '2'
  title: Other  # kept
";
    let (removed, added) = edit(text, |plan| {
        plan.themes[0].title = "Protection of children".into();
    });
    assert_eq!(removed, ["  title: &t Protection", "  description: *t"]);
    assert_eq!(
        added,
        [
            "  title: &t Protection of children",
            "  description: Protection"
        ]
    );
}
