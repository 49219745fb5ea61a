//! Bad input of every kind gives a precise error with file, line and column, never a panic,
//! and leaves the file byte-identical, whichever command meets it.

mod common;

use common::{PLAN, boardplan, stderr, temp_with};

/// The canonical test plan with one line replaced.
fn with_line(line: usize, replacement: &str) -> Vec<u8> {
    let mut lines: Vec<&str> = PLAN.lines().collect();
    lines[line - 1] = replacement;
    (lines.join("\n") + "\n").into_bytes()
}

fn cases() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let deep = format!(
        "{}custom:\n  x: {}{}\n",
        PLAN,
        "[".repeat(80),
        "]".repeat(80)
    );
    vec![
        (
            "typo key",
            with_line(15, "    progess: Dataset in place"),
            ":15:5: unknown key 'progess' (did you mean 'progress'?)",
        ),
        (
            "bad rag",
            with_line(16, "    rag: purple"),
            ":16:10: 'purple' is not a RAG rating; use red, amber, green or blue",
        ),
        (
            "impossible date",
            with_line(14, "    due: 2013-09-31"),
            ":14:10: '2013-09-31' is not a real date",
        ),
        (
            "duplicate ref",
            with_line(17, "  - ref: '1.1'"),
            ":17:10: duplicate action ref '1.1'",
        ),
        (
            "duplicate theme ref",
            with_line(21, "- ref: '1'"),
            ":21:8: duplicate theme ref '1'",
        ),
        (
            "tab indentation",
            with_line(10, "\taction: Monitor the dataset"),
            ":10:1: a tab is used for indentation; YAML indents with spaces only",
        ),
        (
            "tab indentation noticed on the line before",
            with_line(14, "\t    due: 2013-07-31"),
            ":14:1: a tab is used for indentation",
        ),
        (
            "unclosed quote",
            with_line(8, "  title: 'Early help"),
            ":8:10: a quoted value starting here is never closed; add the closing '",
        ),
        (
            "unclosed quote at the end",
            format!("{PLAN}    notes: \"never closed\n").into_bytes(),
            ":29:12: a quoted value starting here is never closed; add the closing \"",
        ),
        (
            "git conflict markers",
            PLAN.replace(
                "    rag: amber\n",
                "<<<<<<< HEAD\n    rag: amber\n=======\n    rag: red\n>>>>>>> theirs\n",
            )
            .into_bytes(),
            ":20:1: unresolved merge conflict at line 20; resolve it, or run the merge again with the plan driver",
        ),
        (
            "truncated file",
            b"board: B\nperiod: 2013-14\ntit".to_vec(),
            ":3:4: the file ends in the middle of something",
        ),
        (
            "truncated flow list",
            PLAN.replace("    - SLDG\n    due: ongoing\n", "    - [SLDG, QEG")
                .into_bytes(),
            ":27:17: the file ends in the middle of something",
        ),
        (
            "custom key that is a list",
            format!("{PLAN}custom: {{[a, b]: x, c: d}}\n").into_bytes(),
            ":29:10: a key in 'custom' must be text, found a list",
        ),
        (
            "custom key that is a mapping, deeper down",
            format!("{PLAN}custom:\n  panel:\n    ? {{a: 1}}\n    : x\n").into_bytes(),
            ":31:7: a key in 'custom' must be text, found a mapping",
        ),
        (
            "wrong type",
            b"board: B\nperiod: 2013-14\ntitle: T\nthemes: none yet\n".to_vec(),
            ":4:9: 'themes' must be a list",
        ),
        (
            "owners as a mapping",
            PLAN.replace("    owners:\n    - QEG\n", "    owners: {lead: QEG}\n")
                .into_bytes(),
            ":12:13: 'owners' must be a list of names, found a mapping",
        ),
        ("empty file", Vec::new(), ":1:1: the file is empty"),
        (
            "only comments",
            b"# nothing here\n".to_vec(),
            ":1:1: the file is empty",
        ),
        (
            "binary garbage",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec(),
            ":3:1: this is a binary file",
        ),
        (
            "invalid utf-8",
            with_line(8, "  title: Early h\u{e9}lp")
                .iter()
                .map(|&b| if b == 0xC3 { 0xE9 } else { b })
                .filter(|&b| b != 0xA9)
                .collect(),
            ":8:17: the file is not valid UTF-8",
        ),
        (
            "missing required key",
            with_line(11, "    outcome: Dataset agreed"),
            ":10:5: this action has no 'action'",
        ),
        (
            "missing period",
            b"board: B\ntitle: T\nthemes: []\n".to_vec(),
            ":1:1: the plan has no 'period'",
        ),
        ("deeply nested", deep.into_bytes(), "nested too deeply"),
        (
            "duplicate key",
            with_line(16, "    progress: again"),
            ":16:5: YAML syntax error: duplicate key 'progress'",
        ),
        (
            "second document",
            format!("{PLAN}---\n{PLAN}").into_bytes(),
            ":29:1: YAML syntax error: a second YAML document",
        ),
        (
            "not a mapping",
            b"- just\n- a list\n".to_vec(),
            ":1:1: expected the plan (a mapping of keys), found a list",
        ),
        (
            "merge key",
            with_line(11, "    <<: {outcome: x}"),
            ":11:5: merge keys ('<<') are not supported",
        ),
        (
            "alias bomb",
            alias_bomb(),
            "aliases expand to too many nodes",
        ),
    ]
}

fn alias_bomb() -> Vec<u8> {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        text.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    text.into_bytes()
}

#[test]
fn every_bad_input_is_reported_precisely_and_never_written() {
    let mut failures = Vec::new();
    for (name, bytes, expected) in cases() {
        let (dir, path) = temp_with("plan.yaml", &bytes);
        let check = boardplan(dir.path(), &["check", "plan.yaml"]);
        let message = stderr(&check);
        assert_eq!(
            check.status.code(),
            Some(1),
            "{name}: check exit code; stderr:\n{message}"
        );
        let found = message.contains(&format!("plan.yaml{expected}"))
            || (!expected.starts_with(':') && message.contains(expected));
        if !found {
            failures.push(format!("{name}: expected {expected:?} in:\n{message}"));
            continue;
        }
        assert!(!message.contains("panicked"), "{name}: panic");
        for args in [
            &["set", "plan.yaml", "1.1", "rag=red"][..],
            &["fmt", "plan.yaml"],
            &["export", "--format", "json", "plan.yaml"],
        ] {
            let run = boardplan(dir.path(), args);
            assert_eq!(
                run.status.code(),
                Some(1),
                "{name}: {args:?} exit code; stderr:\n{}",
                stderr(&run)
            );
            assert_eq!(
                std::fs::read(&path).expect("read back"),
                bytes,
                "{name}: {args:?} changed the file"
            );
        }
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
        assert_eq!(leftovers.len(), 1, "{name}: temporary files left behind");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn warnings_do_not_fail_check() {
    let (dir, _) = temp_with("plan.yaml", &with_line(14, "    due: Annually"));
    let check = boardplan(dir.path(), &["check", "plan.yaml"]);
    assert_eq!(check.status.code(), Some(0));
    assert!(
        stderr(&check).contains("plan.yaml:14:10: warning: 'Annually' is not a date"),
        "{}",
        stderr(&check)
    );
}

#[test]
fn hand_written_numeric_refs_keep_their_text() {
    let text = PLAN
        .replace("ref: '1.1'", "ref: 1.10")
        .replace("ref: '1'\n", "ref: 1\n");
    let plan = boardplan::store::load(text.as_bytes()).expect("loads").plan;
    assert_eq!(plan.themes[0].reference, "1");
    assert_eq!(plan.themes[0].actions[0].reference, "1.10");
}
