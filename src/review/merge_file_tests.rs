//! Tests of the file-level merge on the bundled 2013-14 plan, with a stand-in line merge.

use super::*;

const PLAN: &[u8] = include_bytes!("../../plans/2013-14.yaml");

fn labels() -> Labels {
    Labels::for_file("plan.yaml")
}

fn edited(from: &str, to: &str) -> Vec<u8> {
    let text = String::from_utf8(PLAN.to_vec()).expect("utf-8");
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1).into_bytes()
}

fn no_line_merge() -> Result<LineMerged, String> {
    Err("not available in this test".into())
}

/// Keeps the first side of every conflict block.
fn resolve(text: &str, keep_ours: bool) -> String {
    let mut out = String::new();
    let mut part = None;
    for line in text.split_inclusive('\n') {
        match (
            line.starts_with("<<<<<<< "),
            line == "=======\n",
            line.starts_with(">>>>>>> "),
        ) {
            (true, _, _) => part = Some(true),
            (_, true, _) if part.is_some() => part = Some(false),
            (_, _, true) if part.is_some() => part = None,
            _ if part.is_none() || part == Some(keep_ours) => out.push_str(line),
            _ => {}
        }
    }
    out
}

#[test]
fn conflict_blocks_give_back_each_side() {
    let ours = b"a\nb\nc\nd\n";
    let theirs = b"a\nB\nc\nd\ne";
    let text = String::from_utf8(conflict_blocks(ours, theirs, &labels())).expect("utf-8");
    assert_eq!(resolve(&text, true), "a\nb\nc\nd\n");
    assert_eq!(resolve(&text, false), "a\nB\nc\nd\ne\n");
    assert!(text.starts_with(
        "a\n<<<<<<< plan.yaml (ours)\nb\n=======\nB\n>>>>>>> plan.yaml (theirs)\nc\n"
    ));
}

#[test]
fn a_clean_merge_is_our_file_with_their_change() {
    let ours = edited("    rag: amber\n", "    rag: red\n");
    let theirs = edited("Business Plan 2013-2014", "Business Plan 2013-14");
    let merged = merge_files(PLAN, &ours, &theirs, &labels(), &no_line_merge);
    assert!(merged.clean, "{:?}", merged.messages);
    let expected = String::from_utf8(ours).expect("utf-8").replacen(
        "Business Plan 2013-2014",
        "Business Plan 2013-14",
        1,
    );
    assert_eq!(String::from_utf8(merged.bytes).expect("utf-8"), expected);
}

#[test]
fn a_field_changed_both_ways_is_one_small_conflict_block() {
    let ours = edited("    rag: amber\n", "    rag: red\n");
    let theirs = edited("    rag: amber\n", "    rag: blue\n");
    let merged = merge_files(PLAN, &ours, &theirs, &labels(), &no_line_merge);
    assert!(!merged.clean);
    let text = String::from_utf8(merged.bytes).expect("utf-8");
    assert!(
        text.contains("<<<<<<< plan.yaml (ours)\n    rag: red\n=======\n    rag: blue\n>>>>>>> plan.yaml (theirs)\n"),
        "{text}"
    );
    assert_eq!(resolve(&text, true).as_bytes(), ours.as_slice());
    assert_eq!(resolve(&text, false).as_bytes(), theirs.as_slice());
    assert!(
        merged
            .messages
            .iter()
            .any(|m| m.starts_with("conflict: action"))
    );
}

#[test]
fn a_side_that_does_not_load_falls_back_to_the_line_merge() {
    let broken = edited("    rag: amber\n", "    rag: purple\n");
    let by_lines = conflict_blocks(&broken, PLAN, &labels());
    let line_merged = || {
        Ok(LineMerged {
            bytes: by_lines.clone(),
            conflicts: true,
        })
    };
    let merged = merge_files(PLAN, &broken, PLAN, &labels(), &line_merged);
    assert!(!merged.clean);
    assert_eq!(merged.bytes, by_lines);
    let unresolvable = || {
        Ok(LineMerged {
            bytes: b"<<<<<<< a\nx\n=======\ny\n>>>>>>> b\n".to_vec(),
            conflicts: true,
        })
    };
    let merged = merge_files(PLAN, &broken, PLAN, &labels(), &unresolvable);
    assert_eq!(halves(&merged.bytes, 7), [broken.clone(), PLAN.to_vec()]);
    assert!(
        merged.messages[0].starts_with("ours is not a valid plan"),
        "{:?}",
        merged.messages
    );
}

#[test]
fn a_clean_line_merge_that_does_not_load_becomes_a_whole_file_conflict() {
    let broken = edited("    rag: amber\n", "    rag: purple\n");
    let line_merged = || {
        Ok(LineMerged {
            bytes: b"not: [a plan\n".to_vec(),
            conflicts: false,
        })
    };
    let merged = merge_files(PLAN, &broken, PLAN, &labels(), &line_merged);
    assert!(!merged.clean);
    let text = String::from_utf8(merged.bytes).expect("utf-8");
    assert_eq!(resolve(&text, true).as_bytes(), broken.as_slice());
    assert_eq!(resolve(&text, false).as_bytes(), PLAN);
}
