//! Property tests: any plan saves and loads back equal; formatting is idempotent; a no-op save
//! of a file in any style is byte-identical; editing one field of one action changes only the
//! lines of that field, in canonical files and in files of another style with comments; adding,
//! removing, moving and renumbering actions keep the rest of the layout.

use boardplan::model::{
    Action, ActionField, ActionPos, CustomValue, Due, Edit, GlossaryEntry, HistoryEntry, Measure,
    Milestone, Plan, Rag, Theme,
};
use boardplan::store::{Loaded, canonical, load};
use chrono::NaiveDate;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "Monitor",
    "the",
    "dataset",
    "QEG",
    "1.10",
    "yes",
    "no",
    "null",
    "~",
    "2013-07-31",
    "52.5%",
    "it's",
    "\"quoted\"",
    "a: b",
    "x #y",
    "- dash",
    "[flow]",
    "{map}",
    "é–•",
    "&anchor",
    "*alias",
    "!tag",
    "%",
    "@",
    "`",
    "|",
    ">",
    "0x1F",
    "12:30",
    "true",
    "On",
    "tab\there",
    "bell\u{7}",
    "carriage\rreturn",
    "#hash",
];

/// Text with something visible in it: words joined by spaces, sometimes over several lines.
fn text() -> impl Strategy<Value = String> {
    let line = prop::collection::vec(prop::sample::select(WORDS), 1..6).prop_map(|w| w.join(" "));
    let spacing = prop::sample::select(&["", " ", "  "][..]);
    let lines = prop::collection::vec((spacing, line), 1..4);
    (
        lines,
        prop::sample::select(&["", "\n", "\n\n"][..]),
        any::<bool>(),
    )
        .prop_map(|(lines, end, blank)| {
            let joiner = if blank { "\n\n" } else { "\n" };
            let body: Vec<String> = lines.into_iter().map(|(s, l)| format!("{s}{l}")).collect();
            let text = body.join(joiner);
            if body.len() > 1 {
                format!("{text}{end}")
            } else {
                text.trim().to_string()
            }
        })
}

fn one_line() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..4)
        .prop_map(|w| w.join(" ").replace(['\r', '\u{7}'], ""))
}

fn due() -> impl Strategy<Value = Due> {
    prop_oneof![
        (2000..2030i32, 1..13u32, 1..29u32)
            .prop_map(|(y, m, d)| Due::Date(NaiveDate::from_ymd_opt(y, m, d).expect("valid"))),
        (2000..2030i32, 1..13u32).prop_map(|(year, month)| Due::Month { year, month }),
        Just(Due::Ongoing),
        prop::sample::select(
            &[
                "Annually",
                "Q3 2013/14",
                "31st June 2013",
                "2013",
                "March",
                "yes"
            ][..]
        )
        .prop_map(|t| Due::Text(t.into())),
    ]
}

fn rag() -> impl Strategy<Value = Option<Rag>> {
    prop::option::of(prop::sample::select(&Rag::ALL[..]))
}

fn owners() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::sample::select(&["QEG", "SLDG", "LSCB Manager", "yes", "1", "Police: CAIU"][..])
            .prop_map(String::from),
        0..3,
    )
}

fn custom() -> impl Strategy<Value = Option<CustomValue>> {
    let scalar = prop_oneof![
        prop::sample::select(&["3", "1.10", "true", "~", ""][..]).prop_map(|t| {
            CustomValue::Scalar {
                text: t.into(),
                typed: true,
            }
        }),
        text().prop_map(|t| CustomValue::Scalar {
            text: t,
            typed: false
        }),
    ];
    let value = prop_oneof![
        scalar.clone(),
        prop::collection::vec(scalar, 0..3).prop_map(CustomValue::List)
    ];
    prop::option::of(
        prop::collection::vec(
            (
                prop::sample::select(&["objective", "support", "2", "a key"][..]),
                value,
            ),
            1..3,
        )
        .prop_map(|entries| {
            let mut seen = Vec::new();
            CustomValue::Map(
                entries
                    .into_iter()
                    .filter(|(k, _)| {
                        !seen.contains(k) && {
                            seen.push(*k);
                            true
                        }
                    })
                    .map(|(k, v)| (k.to_string(), v))
                    .collect(),
            )
        }),
    )
}

fn milestone() -> impl Strategy<Value = Milestone> {
    (
        text(),
        owners(),
        prop::option::of(due()),
        prop::option::of(text()),
        rag(),
    )
        .prop_map(|(milestone, owners, due, progress, rag)| Milestone {
            milestone,
            owners,
            due,
            progress,
            rag,
            ..Milestone::default()
        })
}

fn measure() -> impl Strategy<Value = Measure> {
    (
        one_line(),
        prop::option::of(one_line()),
        prop::option::of(one_line()),
        prop::option::of(due()),
        rag(),
    )
        .prop_map(|(measure, baseline, latest, as_of, rag)| Measure {
            measure,
            baseline,
            latest,
            as_of,
            rag,
            target: Some("90%".into()),
            ..Measure::default()
        })
}

fn action() -> impl Strategy<Value = Action> {
    (
        text(),
        prop::option::of(text()),
        owners(),
        prop::option::of(due()),
        prop::option::of(text()),
        rag(),
        prop::collection::vec(milestone(), 0..2),
        prop::option::of(text()),
        custom(),
    )
        .prop_map(
            |(action, outcome, owners, due, progress, rag, milestones, notes, custom)| Action {
                action,
                outcome,
                owners,
                due,
                progress,
                rag,
                milestones,
                notes,
                custom,
                ..Action::default()
            },
        )
}

fn theme() -> impl Strategy<Value = Theme> {
    (
        one_line(),
        prop::option::of(text()),
        prop::option::of(one_line()),
        rag(),
        prop::collection::vec(action(), 0..4),
        prop::collection::vec(measure(), 0..2),
    )
        .prop_map(|(title, description, lead, rag, actions, measures)| Theme {
            title,
            description,
            lead,
            rag,
            actions,
            measures,
            ..Theme::default()
        })
}

const REF_STYLES: &[&str] = &["{t}.{a}", "{t}.{a}0", "{t}{a}", "E{a}-{t}"];

fn plan() -> impl Strategy<Value = Plan> {
    (
        one_line(),
        prop::option::of(text()),
        prop::option::of(due()),
        prop::collection::vec(theme(), 1..4),
        prop::sample::select(REF_STYLES),
        custom(),
        prop::option::of(one_line()),
        prop::collection::vec(history_entry(), 0..3),
    )
        .prop_map(
            |(board, vision, date, mut themes, style, custom, author, history)| {
                for (t, theme) in themes.iter_mut().enumerate() {
                    theme.reference = (t + 1).to_string();
                    for (a, action) in theme.actions.iter_mut().enumerate() {
                        action.reference = style
                            .replace("{t}", &(t + 1).to_string())
                            .replace("{a}", &(a + 1).to_string());
                    }
                }
                let owners = vec![GlossaryEntry {
                    short: "QEG".into(),
                    full: "Quality & Effectiveness Group".into(),
                }];
                Plan {
                    board,
                    period: "2013-14".into(),
                    title: "Business Plan".into(),
                    vision,
                    version: Some("1.2".into()),
                    date,
                    author,
                    history,
                    owners,
                    themes,
                    custom,
                }
            },
        )
}

fn history_entry() -> impl Strategy<Value = HistoryEntry> {
    (
        prop::sample::select(&["1.0", "1.1", "v2", "1.10"][..]),
        prop::option::of(due()),
        prop::option::of(one_line()),
        prop::option::of(text()),
    )
        .prop_map(|(version, date, author, note)| HistoryEntry {
            version: version.into(),
            date,
            author,
            note,
            ..HistoryEntry::default()
        })
}

/// The same plan written as another tool might: four-space indentation, items indented under
/// their key, everything double-quoted (JSON strings), flow lists, capitalised ratings and
/// comments everywhere a comment may go.
fn other_style(plan: &Plan) -> String {
    let q = |s: &str| serde_json::to_string(s).expect("json string");
    let mut out = String::from("# written by another tool\n\n");
    out.push_str(&format!(
        "board:    {}   # trailing comment\nperiod: {}\ntitle: {}\n",
        q(&plan.board),
        q(&plan.period),
        q(&plan.title)
    ));
    if let Some(v) = &plan.vision {
        out.push_str(&format!("vision: {}\n", q(v)));
    }
    if let Some(v) = &plan.version {
        out.push_str(&format!("version: {}\n", q(v)));
    }
    if let Some(d) = &plan.date {
        out.push_str(&format!("date: {}\n", q(&d.to_string())));
    }
    if let Some(a) = &plan.author {
        out.push_str(&format!("author: {}\n", q(a)));
    }
    if !plan.history.is_empty() {
        out.push_str(&format!(
            "history: {}   # versions\n",
            serde_json::to_string(&plan.history).expect("json")
        ));
    }
    out.push_str("owners: {");
    let glossary: Vec<String> = plan
        .owners
        .iter()
        .map(|g| format!("{}: {}", q(&g.short), q(&g.full)))
        .collect();
    out.push_str(&glossary.join(", "));
    out.push_str("}\nthemes:\n");
    for theme in &plan.themes {
        out.push_str(&format!(
            "    # theme {}\n    -   ref: {}\n        title: {}\n",
            theme.reference,
            theme.reference,
            q(&theme.title)
        ));
        let fields = [("description", &theme.description), ("lead", &theme.lead)];
        for (key, value) in fields {
            if let Some(v) = value {
                out.push_str(&format!("        {key}: {}\n", q(v)));
            }
        }
        if let Some(r) = theme.rag {
            out.push_str(&format!("        rag: {}\n", r.as_str().to_uppercase()));
        }
        if !theme.actions.is_empty() {
            out.push_str("        actions:\n");
        }
        for action in &theme.actions {
            out.push_str(&format!(
                "\n            # action {}\n            - ref: {}\n",
                action.reference,
                q(&action.reference)
            ));
            out.push_str(&format!(
                "              action: {}   # what\n",
                q(&action.action)
            ));
            if let Some(v) = &action.outcome {
                out.push_str(&format!("              outcome: {}\n", q(v)));
            }
            if !action.owners.is_empty() {
                let owners: Vec<String> = action.owners.iter().map(|o| q(o)).collect();
                out.push_str(&format!("              owners: [{}]\n", owners.join(", ")));
            }
            if let Some(d) = &action.due {
                out.push_str(&format!("              due: {}\n", q(&d.to_string())));
            }
            if let Some(v) = &action.progress {
                out.push_str(&format!("              progress: {}\n", q(v)));
            }
            if let Some(r) = action.rag {
                out.push_str(&format!(
                    "              rag: {}  # rating\n",
                    capitalised(r)
                ));
            }
            if !action.milestones.is_empty() {
                out.push_str("              milestones:\n");
                for m in &action.milestones {
                    out.push_str(&format!(
                        "                - milestone: {}\n",
                        q(&m.milestone)
                    ));
                    if let Some(r) = m.rag {
                        out.push_str(&format!("                  rag: {}\n", capitalised(r)));
                    }
                    if let Some(d) = &m.due {
                        out.push_str(&format!("                  due: {}\n", q(&d.to_string())));
                    }
                    if let Some(p) = &m.progress {
                        out.push_str(&format!("                  progress: {}\n", q(p)));
                    }
                    if !m.owners.is_empty() {
                        out.push_str(&format!(
                            "                  owners: {}\n",
                            serde_json::to_string(&m.owners).expect("json")
                        ));
                    }
                }
            }
            if let Some(v) = &action.notes {
                out.push_str(&format!("              notes: {}\n", q(v)));
            }
        }
        if !theme.measures.is_empty() {
            out.push_str(&format!(
                "        measures: {}\n",
                serde_json::to_string(&theme.measures).expect("json")
            ));
        }
    }
    out
}

fn capitalised(rag: Rag) -> String {
    let word = rag.as_str();
    word[..1].to_uppercase() + &word[1..]
}

fn without_custom(mut plan: Plan) -> Plan {
    plan.custom = None;
    for theme in &mut plan.themes {
        theme.custom = None;
        for action in &mut theme.actions {
            action.custom = None;
        }
    }
    plan
}

/// An edit of one field of one action, and the key it touches.
fn field_edit() -> impl Strategy<Value = (usize, ActionField, String)> {
    let field = prop::sample::select(
        &[
            ActionField::Action,
            ActionField::Outcome,
            ActionField::Owners,
            ActionField::Due,
            ActionField::Progress,
            ActionField::Rag,
            ActionField::Notes,
        ][..],
    );
    let value = prop_oneof![
        text(),
        Just(String::new()),
        prop::sample::select(&["red", "green", "31 July 2013", "QEG, Police", "March 2014"][..])
            .prop_map(String::from)
    ];
    (
        any::<prop::sample::Index>().prop_map(|i| i.index(1000)),
        field,
        value,
    )
}

/// Checks that only lines of `key` changed between `old` and `new`: the differing middle part
/// of the two texts holds no other key of an action (keys sit at `indent`).
fn only_field_lines_changed(
    old: &str,
    new: &str,
    key: &str,
    indent: usize,
) -> Result<(), TestCaseError> {
    let old_lines: Vec<&str> = old.lines().collect();
    let new_lines: Vec<&str> = new.lines().collect();
    let prefix = old_lines
        .iter()
        .zip(&new_lines)
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = old_lines[prefix..]
        .iter()
        .rev()
        .zip(new_lines[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let changed = old_lines[prefix..old_lines.len() - suffix]
        .iter()
        .chain(&new_lines[prefix..new_lines.len() - suffix]);
    for line in changed {
        let body = line.strip_prefix(&" ".repeat(indent)).unwrap_or("");
        let body = body.strip_prefix("- ").unwrap_or(body);
        if let Some((name, _)) = body.split_once(':') {
            let is_key = !name.is_empty()
                && !line[..indent].contains(|c: char| c != ' ' && c != '-')
                && name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            prop_assert!(
                !is_key || name == key,
                "line {line:?} of another field changed while editing {key}\n--- old\n{old}\n--- new\n{new}"
            );
        }
    }
    Ok(())
}

fn apply_edit(plan: &Plan, target: usize, field: ActionField, value: &str) -> Option<Plan> {
    let positions: Vec<ActionPos> = plan.actions().map(|(p, _)| p).collect();
    let at = *positions.get(target % positions.len().max(1))?;
    let value = field.parse_value(value).ok()?;
    let mut edited = plan.clone();
    Edit::SetAction { at, field, value }
        .apply(&mut edited)
        .ok()?;
    Some(edited)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(96), ..ProptestConfig::default() })]

    #[test]
    fn any_plan_saves_and_loads_back_equal(plan in plan()) {
        let text = canonical(&plan);
        let loaded = load(text.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        prop_assert_eq!(&loaded.plan, &plan);
        prop_assert_eq!(canonical(&loaded.plan), text.clone(), "formatting is idempotent");
        let rendered = loaded.document.render(&loaded.plan).expect("renders");
        prop_assert_eq!(rendered.bytes, text.into_bytes());
    }

    #[test]
    fn other_styles_load_equal_and_save_unchanged(plan in plan().prop_map(without_custom)) {
        let text = other_style(&plan);
        let loaded = load(text.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        prop_assert_eq!(&loaded.plan, &plan);
        let rendered = loaded.document.render(&loaded.plan.clone()).expect("renders");
        prop_assert_eq!(rendered.bytes, text.into_bytes());
    }

    #[test]
    fn one_field_edit_changes_only_that_field(plan in plan().prop_map(without_custom), (target, field, value) in field_edit()) {
        for (text, indent) in [(canonical(&plan), 4), (other_style(&plan), 14)] {
            let loaded = load(text.as_bytes()).expect("loads");
            let Some(edited) = apply_edit(&loaded.plan, target, field, &value) else { return Ok(()) };
            let rendered = loaded.document.render(&edited).expect("renders");
            prop_assert!(!rendered.rewrote_whole_file, "rewrote the whole file\n{}", text);
            let new = String::from_utf8(rendered.bytes).expect("utf-8");
            prop_assert_eq!(&load(new.as_bytes()).expect("saved file loads").plan, &edited);
            only_field_lines_changed(&text, &new, field.key(), indent)?;
        }
    }

    #[test]
    fn structural_edits_keep_the_layout(plan in plan().prop_map(without_custom), kind in 0..5usize, a in 0..1000usize, b in 0..1000usize, new in action()) {
        for text in [canonical(&plan), other_style(&plan)] {
            let loaded = load(text.as_bytes()).expect("loads");
            let Some(edited) = structural_edit(&loaded, kind, a, b, new.clone()) else { return Ok(()) };
            let rendered = loaded.document.render(&edited).expect("renders");
            prop_assert!(!rendered.rewrote_whole_file, "rewrote the whole file for edit {}\n{}", kind, text);
            let saved = String::from_utf8(rendered.bytes).expect("utf-8");
            prop_assert_eq!(&load(saved.as_bytes()).expect("saved file loads").plan, &edited);
            let comments = |t: &str| t.lines().filter(|l| l.trim_start().starts_with("# theme")).count();
            prop_assert_eq!(comments(&saved), comments(&text), "theme comments are kept");
        }
    }
}

/// Insert, remove, move within or across themes, or renumber everything.
fn structural_edit(
    loaded: &Loaded,
    kind: usize,
    a: usize,
    b: usize,
    mut new: Action,
) -> Option<Plan> {
    let mut plan = loaded.plan.clone();
    let positions: Vec<ActionPos> = plan.actions().map(|(p, _)| p).collect();
    let theme = a % plan.themes.len();
    let edit = match kind {
        0 => {
            new.reference = format!("new-{a}");
            let at = ActionPos {
                theme,
                action: b % (plan.themes[theme].actions.len() + 1),
            };
            Edit::InsertAction {
                at,
                action: Box::new(new),
            }
        }
        1 => Edit::RemoveAction {
            at: *positions.get(a % positions.len().max(1))?,
        },
        2 => {
            let from = *positions.get(a % positions.len().max(1))?;
            Edit::MoveAction {
                from,
                to: ActionPos {
                    theme: from.theme,
                    action: b % plan.themes[from.theme].actions.len(),
                },
            }
        }
        3 => {
            let from = *positions.get(a % positions.len().max(1))?;
            let to_theme = b % plan.themes.len();
            let len = plan.themes[to_theme].actions.len() + usize::from(to_theme != from.theme);
            Edit::MoveAction {
                from,
                to: ActionPos {
                    theme: to_theme,
                    action: b % len.max(1),
                },
            }
        }
        _ => Edit::renumber_all(&plan),
    };
    edit.apply(&mut plan).ok()?;
    Some(plan)
}
