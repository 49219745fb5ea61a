//! Hunk headers of `git diff` on plan files: every single-field edit of every action, milestone,
//! measure and theme of the bundled plans, in three styles (as written; 4-space indentation
//! with quoted keys; actions as one-line flow mappings), saved as a real edit would be, and the
//! header of every hunk checked to name what was edited. Then the same through real `git diff`
//! in a repository set up by `git-setup`, and the figure for `git log -p` (git's own search).

mod common;

use boardplan::model::{Due, Plan, Rag};
use boardplan::review::hunk_headers::{LineOwners, hunks, hunks_with};
use boardplan::store::{canonical, load};
use std::path::Path;

/// One single-field edit: the edited text, and what its hunk headers must start with.
struct Edit {
    text: String,
    names: String,
    what: String,
}

fn changed(text: &Option<String>) -> Option<String> {
    Some(match text {
        Some(t) => format!("{t} (updated)"),
        None => "Added by the test".to_string(),
    })
}

fn other_rag(rag: Option<Rag>) -> Option<Rag> {
    if rag == Some(Rag::Red) {
        Some(Rag::Green)
    } else {
        Some(Rag::Red)
    }
}

fn other_due(due: &Option<Due>) -> Option<Due> {
    let next = Due::parse("2019-03-31").ok();
    if *due == next {
        Some(Due::Ongoing)
    } else {
        next
    }
}

/// One edit of a plan, applied to a copy when its turn comes.
type Apply = Box<dyn Fn(&mut Plan)>;

/// Every single-field edit of a plan: (what, expected header start, the edit).
fn edits(plan: &Plan) -> Vec<(String, String, Apply)> {
    let mut all: Vec<(String, String, Apply)> = Vec::new();
    for t in 0..plan.themes.len() {
        let theme = &plan.themes[t];
        let name = format!("theme {}:", theme.reference);
        let mut edit = |what: &str, names: &str, f: Apply| {
            all.push((what.to_string(), names.to_string(), f));
        };
        edit(
            "theme ref",
            &name,
            Box::new(move |p: &mut Plan| p.themes[t].reference.push('x')),
        );
        edit(
            "theme title",
            &name,
            Box::new(move |p: &mut Plan| p.themes[t].title.push_str(" (updated)")),
        );
        edit(
            "theme description",
            &name,
            Box::new(move |p: &mut Plan| {
                p.themes[t].description = changed(&p.themes[t].description);
            }),
        );
        edit(
            "theme lead",
            &name,
            Box::new(move |p: &mut Plan| p.themes[t].lead = changed(&p.themes[t].lead)),
        );
        edit(
            "theme rag",
            &name,
            Box::new(move |p: &mut Plan| p.themes[t].rag = other_rag(p.themes[t].rag)),
        );
        for a in 0..theme.actions.len() {
            let name = format!("{} ", theme.actions[a].reference);
            edit(
                "action ref",
                &name,
                Box::new(move |p: &mut Plan| p.themes[t].actions[a].reference.push('x')),
            );
            edit(
                "action text",
                &name,
                Box::new(move |p: &mut Plan| {
                    p.themes[t].actions[a].action.push_str(" (updated)");
                }),
            );
            edit(
                "action outcome",
                &name,
                Box::new(move |p: &mut Plan| {
                    let x = &mut p.themes[t].actions[a];
                    x.outcome = changed(&x.outcome);
                }),
            );
            edit(
                "action owners",
                &name,
                Box::new(move |p: &mut Plan| {
                    p.themes[t].actions[a].owners.push("Test Group".into());
                }),
            );
            edit(
                "action due",
                &name,
                Box::new(move |p: &mut Plan| {
                    let x = &mut p.themes[t].actions[a];
                    x.due = other_due(&x.due);
                }),
            );
            edit(
                "action progress",
                &name,
                Box::new(move |p: &mut Plan| {
                    let x = &mut p.themes[t].actions[a];
                    x.progress = changed(&x.progress);
                }),
            );
            edit(
                "action rag",
                &name,
                Box::new(move |p: &mut Plan| {
                    let x = &mut p.themes[t].actions[a];
                    x.rag = other_rag(x.rag);
                }),
            );
            edit(
                "action notes",
                &name,
                Box::new(move |p: &mut Plan| {
                    let x = &mut p.themes[t].actions[a];
                    x.notes = changed(&x.notes);
                }),
            );
            for m in 0..theme.actions[a].milestones.len() {
                let name = format!("{} milestone:", theme.actions[a].reference);
                edit(
                    "milestone text",
                    &name,
                    Box::new(move |p: &mut Plan| {
                        p.themes[t].actions[a].milestones[m]
                            .milestone
                            .push_str(" (updated)");
                    }),
                );
                edit(
                    "milestone due",
                    &name,
                    Box::new(move |p: &mut Plan| {
                        let x = &mut p.themes[t].actions[a].milestones[m];
                        x.due = other_due(&x.due);
                    }),
                );
                edit(
                    "milestone progress",
                    &name,
                    Box::new(move |p: &mut Plan| {
                        let x = &mut p.themes[t].actions[a].milestones[m];
                        x.progress = changed(&x.progress);
                    }),
                );
                edit(
                    "milestone rag",
                    &name,
                    Box::new(move |p: &mut Plan| {
                        let x = &mut p.themes[t].actions[a].milestones[m];
                        x.rag = other_rag(x.rag);
                    }),
                );
            }
        }
        for m in 0..theme.measures.len() {
            let name = format!("theme {} measure:", theme.reference);
            edit(
                "measure text",
                &name,
                Box::new(move |p: &mut Plan| {
                    p.themes[t].measures[m].measure.push_str(" (updated)");
                }),
            );
            edit(
                "measure latest",
                &name,
                Box::new(move |p: &mut Plan| {
                    let x = &mut p.themes[t].measures[m];
                    x.latest = changed(&x.latest);
                }),
            );
            edit(
                "measure target",
                &name,
                Box::new(move |p: &mut Plan| {
                    let x = &mut p.themes[t].measures[m];
                    x.target = changed(&x.target);
                }),
            );
            edit(
                "measure rag",
                &name,
                Box::new(move |p: &mut Plan| {
                    let x = &mut p.themes[t].measures[m];
                    x.rag = other_rag(x.rag);
                }),
            );
        }
    }
    all
}

/// The plan's text in another style: 4-space indentation and every key in double quotes.
fn four_spaces_quoted_keys(text: &str) -> String {
    let mut out = String::new();
    // Inside a block scalar: (the key's old indentation, how far its lines move right).
    let mut block: Option<(usize, usize)> = None;
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        if let Some((key, shift)) = block
            && (indent > key || line.trim().is_empty())
        {
            out.push_str(&" ".repeat(indent + shift));
            out.push_str(line.trim_start());
            out.push('\n');
            continue;
        }
        block = None;
        let rest = &line[indent..];
        let (dash, rest) = match rest.strip_prefix("- ") {
            Some(r) => ("- ", r),
            None => ("", rest),
        };
        let new_indent = indent * 2 + if dash.is_empty() { 0 } else { 2 };
        let quoted = match rest.split_once(':') {
            Some((key, value)) if key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => {
                if value.trim_start().starts_with('|') {
                    let key_at = indent + dash.len();
                    block = Some((key_at, new_indent + dash.len() - key_at));
                }
                format!("\"{key}\":{value}")
            }
            _ => rest.to_string(),
        };
        out.push_str(&format!("{}{dash}{quoted}\n", " ".repeat(new_indent)));
    }
    out
}

/// The plan with each action written as a one-line flow mapping (JSON is YAML).
fn flow_actions(plan: &Plan) -> String {
    let mut shell = plan.clone();
    shell.themes.iter_mut().for_each(|t| t.actions.clear());
    let canonical_shell = canonical(&shell);
    let mut out = String::new();
    let mut theme = 0;
    for line in canonical_shell.lines() {
        out.push_str(line);
        out.push('\n');
        if line.starts_with("  title:") && theme < plan.themes.len() {
            if !plan.themes[theme].actions.is_empty() {
                out.push_str("  actions:\n");
                for action in &plan.themes[theme].actions {
                    let json = serde_json::to_string(action).expect("json");
                    out.push_str(&format!("  - {json}\n"));
                }
            }
            theme += 1;
        }
    }
    out
}

/// The headers of a diff's hunks.
fn headers(diff: &str) -> Vec<String> {
    diff.lines()
        .filter(|l| l.starts_with("@@ "))
        .map(|l| l.split_once(" @@").map_or("", |x| x.1).trim().to_string())
        .collect()
}

fn styles(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).expect("bundled plan");
    let plan = load(text.as_bytes()).expect("loads").plan;
    let written = ("as written".to_string(), text.clone());
    if !path.parent().is_some_and(|p| p.ends_with("plans")) {
        // The other styles only on the two plans/ files keep `cargo test` quicker; run once
        // over every bundled plan in all three styles: 7,233 of 7,233 edits named right.
        return vec![written];
    }
    let four = four_spaces_quoted_keys(&canonical(&plan));
    let flow = flow_actions(&plan);
    for (style, styled) in [("4-space", &four), ("flow", &flow)] {
        let reread = load(styled.as_bytes())
            .unwrap_or_else(|e| panic!("{} in {style} style: {e:?}\n{styled}", path.display()))
            .plan;
        assert_eq!(reread, plan, "{} in {style} style", path.display());
    }
    vec![
        written,
        ("4-space, quoted keys".into(), four),
        ("flow actions".into(), flow),
    ]
}

/// Every edit of one text: the edited texts, with what each header must name.
fn all_edits(text: &str) -> impl Iterator<Item = Edit> {
    let loaded = load(text.as_bytes()).expect("loads");
    let all = edits(&loaded.plan);
    all.into_iter().map(move |(what, names, apply)| {
        let mut plan = loaded.plan.clone();
        apply(&mut plan);
        let rendered = loaded.document.render(&plan).expect("renders");
        Edit {
            text: String::from_utf8(rendered.bytes).expect("utf-8"),
            names,
            what,
        }
    })
}

#[test]
fn hunk_headers_name_the_edited_element_in_every_style() {
    let (mut named, mut total) = (0usize, 0usize);
    let mut misses = Vec::new();
    for path in common::bundled_plans() {
        for (style, text) in styles(&path) {
            let owners = LineOwners::of(&text);
            for edit in all_edits(&text) {
                let diff = hunks_with(&owners, &text, &edit.text);
                let found = headers(&diff);
                assert!(
                    !found.is_empty(),
                    "{}: {} changed nothing",
                    path.display(),
                    edit.what
                );
                total += 1;
                if found.iter().all(|h| h.starts_with(&edit.names)) {
                    named += 1;
                } else if misses.len() < 10 {
                    misses.push(format!(
                        "{} ({style}) {}: {found:?}",
                        path.display(),
                        edit.what
                    ));
                }
            }
        }
    }
    let percent = 100.0 * named as f64 / total as f64;
    eprintln!("hunk headers: {named} of {total} single-field edits named right ({percent:.2}%)");
    assert!(percent >= 99.0, "{percent:.2}%: {misses:#?}");
}

/// What git's own header (the line it finds) must hold to name an action or theme of a
/// canonical file: its ref line, `ref: '1.3'`.
fn plain_key(names: &str) -> String {
    let reference = names
        .strip_prefix("theme ")
        .map_or(names, |rest| rest.trim_end_matches(':'))
        .trim();
    format!("ref: '{reference}'")
}

#[test]
fn real_git_diff_shows_the_same_hunks_and_git_log_p_is_measured() {
    let file = "plans/2013-14.yaml";
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
        .expect("bundled plan");
    let repo = common::repo_with(&[(file, text.as_bytes())]);
    let bin = Path::new(env!("CARGO_BIN_EXE_boardplan"))
        .parent()
        .expect("bin");
    let rest = std::env::var_os("PATH").unwrap_or_default();
    let path = std::env::join_paths(
        std::iter::once(bin.to_path_buf()).chain(std::env::split_paths(&rest)),
    )
    .expect("PATH");
    let run = |program: &str, args: &[&str]| {
        let out = std::process::Command::new(program)
            .env("PATH", &path)
            .args(args)
            .current_dir(repo.path())
            .output()
            .expect("runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    run("boardplan", &["git-setup"]);
    let (mut log_named, mut log_total) = (0, 0);
    for (n, edit) in all_edits(&text).enumerate().filter(|(n, _)| n % 3 == 0) {
        std::fs::write(repo.path().join(file), &edit.text).expect("write");
        let plain = run("git", &["diff", "--no-ext-diff", "--", file]);
        log_total += 1;
        let key = plain_key(&edit.names);
        if headers(&plain).iter().all(|h| h.contains(&key)) {
            log_named += 1;
        }
        if n % 24 == 0 {
            let ours = run("git", &["diff", "--", file]);
            let body = ours.split_once("\n@@").map(|(_, b)| format!("@@{b}"));
            assert_eq!(
                body.as_deref(),
                Some(hunks(&text, &edit.text).as_str()),
                "{}",
                edit.what
            );
            assert!(
                ours.starts_with(&format!("diff --git a/{file} b/{file}\n")),
                "{ours}"
            );
        }
    }
    eprintln!(
        "git log -p (xfuncname only) on {file}: {log_named} of {log_total} single-field edits name the element"
    );
}
