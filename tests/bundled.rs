//! The bundled plans (plans/ and examples/) load, pass `check`, are canonical and round-trip,
//! and hold what their source documents hold: the counts below were made in the documents.

mod common;

use boardplan::model::{Action, CustomValue, Plan, Rag};
use boardplan::store::{PlanFile, canonical, load};

#[test]
fn every_bundled_plan_loads_and_is_canonical() {
    let files = common::bundled_plans();
    assert!(
        files.len() >= 5,
        "expected the five transcribed plans, found {files:?}"
    );
    for path in files {
        let bytes = std::fs::read(&path).expect("readable");
        let file = PlanFile::open(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            canonical(&file.plan).as_bytes(),
            bytes.as_slice(),
            "{} is not canonical",
            path.display()
        );
        let reloaded = load(canonical(&file.plan).as_bytes()).expect("canonical form loads");
        assert_eq!(reloaded.plan, file.plan, "{} round trip", path.display());
        assert!(
            !file.is_modified().expect("renders"),
            "{} reports a change it does not have",
            path.display()
        );
        let stem = path
            .file_stem()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        assert_eq!(
            file.plan.period,
            stem,
            "{}: the period names the file",
            path.display()
        );
    }
}

#[test]
fn bundled_plans_hold_what_the_documents_hold() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let plan = PlanFile::open(&root.join("plans/2013-14.yaml"))
        .expect("loads")
        .plan;
    assert_eq!(plan.board, "Peterborough Safeguarding Children Board");
    assert_eq!(plan.version.as_deref(), Some("1.2"));
    assert_eq!(plan.themes.len(), 8);
    assert_eq!(plan.actions().count(), 43);
    let first = &plan.themes[0].actions[0];
    assert_eq!(
        first.progress.as_deref(),
        Some(
            "Dataset now in place and includes measures on Early Intervention for the board to monitor"
        )
    );
    assert_eq!(first.rag, Some(boardplan::model::Rag::Green));
    let trust = PlanFile::open(&root.join("examples/peterborough-childrens-trust/2010-11.yaml"))
        .expect("loads")
        .plan;
    let milestones: usize = trust.actions().map(|(_, a)| a.milestones.len()).sum();
    let measures: usize = trust.themes.iter().map(|t| t.measures.len()).sum();
    assert!(
        milestones > 100 && measures >= 20,
        "milestones {milestones}, measures {measures}"
    );
    assert!(trust.themes.iter().all(|t| t.accountable.is_some()));
    assert_eq!(trust.themes.iter().filter(|t| t.lead.is_some()).count(), 11);
}

/// How many of something carry each rating: red, amber, green, blue, and not yet rated.
#[derive(Debug, Default, PartialEq, Eq)]
struct Ratings {
    red: usize,
    amber: usize,
    green: usize,
    blue: usize,
    unrated: usize,
}

impl Ratings {
    fn of(rags: impl Iterator<Item = Option<Rag>>) -> Ratings {
        let mut counts = Ratings::default();
        for rag in rags {
            *match rag {
                Some(Rag::Red) => &mut counts.red,
                Some(Rag::Amber) => &mut counts.amber,
                Some(Rag::Green) => &mut counts.green,
                Some(Rag::Blue) => &mut counts.blue,
                None => &mut counts.unrated,
            } += 1;
        }
        counts
    }

    /// `[red, amber, green, blue, unrated]`, as written in the expectations below.
    fn from(counts: [usize; 5]) -> Ratings {
        let [red, amber, green, blue, unrated] = counts;
        Ratings {
            red,
            amber,
            green,
            blue,
            unrated,
        }
    }
}

/// What a plan holds, counted the same way for the file and for its source document.
#[derive(Debug, PartialEq, Eq)]
struct Counts {
    themes: usize,
    actions: usize,
    milestones: usize,
    measures: usize,
    theme_ratings: Ratings,
    action_ratings: Ratings,
    milestone_ratings: Ratings,
    measure_ratings: Ratings,
}

impl Counts {
    fn of(plan: &Plan) -> Counts {
        let actions = || plan.actions().map(|(_, a)| a);
        let milestones = || actions().flat_map(|a| a.milestones.iter());
        let measures = || plan.themes.iter().flat_map(|t| t.measures.iter());
        Counts {
            themes: plan.themes.len(),
            actions: actions().count(),
            milestones: milestones().count(),
            measures: measures().count(),
            theme_ratings: Ratings::of(plan.themes.iter().map(|t| t.rag)),
            action_ratings: Ratings::of(actions().map(|a| a.rag)),
            milestone_ratings: Ratings::of(milestones().map(|m| m.rag)),
            measure_ratings: Ratings::of(measures().map(|m| m.rag)),
        }
    }
}

fn bundled(path: &str) -> Plan {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    PlanFile::open(&root.join(path))
        .unwrap_or_else(|e| panic!("{e}"))
        .plan
}

// The expected numbers below were counted in the source documents, the text dumps in
// ../shared/seeds/ (seed 000 is plans/2013-14.yaml, 001 plans/2011-12.yaml, 002 the Peterborough
// Children's Trust example, 003 Portsmouth, 004 West Berkshire); each comment says how.

#[test]
fn peterborough_2013_14_counts_match_its_document() {
    let expected = Counts {
        // Seed 000: the eight headings of the contents list, each with its own table.
        themes: 8,
        // Seed 000: 43 table rows carry a RAG (28 end in "Green", 15 in "Amber"); every action
        // row has one, and there are no milestone, measure or theme ratings.
        actions: 43,
        milestones: 0,
        measures: 0,
        theme_ratings: Ratings::from([0, 0, 0, 0, 8]),
        action_ratings: Ratings::from([0, 15, 28, 0, 0]),
        milestone_ratings: Ratings::default(),
        measure_ratings: Ratings::default(),
    };
    assert_eq!(Counts::of(&bundled("plans/2013-14.yaml")), expected);
}

#[test]
fn peterborough_2013_14_keeps_its_version_history() {
    // Seed 000, page 1: "Completed by: Jon Chapman" and the Version History table's three
    // rows (version, date, completed by, brief description; "Amended by" is Jon Chapman
    // wherever it is filled in). Dates are the document's, 29/05/13 read as 29 May 2013.
    let plan = bundled("plans/2013-14.yaml");
    assert_eq!(plan.author.as_deref(), Some("Jon Chapman"));
    let rows: Vec<(String, String, String, String)> = plan
        .history
        .iter()
        .map(|h| {
            (
                h.version.clone(),
                h.date.as_ref().map(ToString::to_string).unwrap_or_default(),
                h.author.clone().unwrap_or_default(),
                h.note.clone().unwrap_or_default(),
            )
        })
        .collect();
    let row = |v: &str, d: &str, n: &str| (v.into(), d.into(), "Jon Chapman".into(), n.into());
    assert_eq!(
        rows,
        [
            row("1.0", "2013-04-29", ""),
            row("1.1", "2013-05-29", "Feedback from PSCB"),
            row("1.2", "2013-08-20", "Update on progress"),
        ]
    );
    let last = plan.history.last().expect("a row");
    assert_eq!(
        Some(&last.version),
        plan.version.as_ref(),
        "the last row is this version"
    );
    assert_eq!(last.date, plan.date);
}

#[test]
fn peterborough_2011_12_counts_match_its_document() {
    let expected = Counts {
        // Seed 001, "Business Plan 2011-2012": five table headings (PERFORMANCE MANAGEMENT ...
        // RAISE PUBLIC AWARENESS) holding objectives 1 to 8; the plan has no RAG column.
        themes: 5,
        actions: 8,
        // Items in the "Actions & Timescales" cells: objective 2 has two (implement training and
        // procedures, audit HR files), 3 one, 5 two, 7 one ("Detailed on ... work plan" is not a
        // step) = 6; plus the 8 rows of the Appendix 2 table "4.0 Quality assurance Framework
        // 2011 - 2013" that objective 1 points to = 14.
        milestones: 14,
        measures: 0,
        theme_ratings: Ratings::from([0, 0, 0, 0, 5]),
        action_ratings: Ratings::from([0, 0, 0, 0, 8]),
        milestone_ratings: Ratings::from([0, 0, 0, 0, 14]),
        measure_ratings: Ratings::default(),
    };
    assert_eq!(Counts::of(&bundled("plans/2011-12.yaml")), expected);
}

#[test]
fn childrens_trust_2010_11_counts_match_its_document() {
    let expected = Counts {
        // Seed 002: headings "Objective 1.1" to "Objective 1.10" and "Objective 2.1" to "2.3";
        // their "Current Overall RAG" is Amber for 1.2 and 1.10, Green for the other 11.
        themes: 13,
        theme_ratings: Ratings::from([0, 2, 11, 0, 0]),
        // 77 table rows start with a ref N.N.N, plus one row with a Key Action but no ref (the
        // last row of objective 1.8's table).
        actions: 78,
        // 139 table rows have a Milestones cell; cells listing several milestones with one date
        // each are split: 1.1.9 4 rows into 12 (+8), 1.2.2 +2, 1.4.1 +1, 1.4.2 +2, 1.4.3 +2,
        // 1.4.4 +1, 1.5.2 +4, 1.5.9 +1, 1.6.2 +3, 1.6.3 +2 and +4, 1.6.4 +1, 1.9.3 +2,
        // 1.10.1 +2, 2.1.6 +3; 1.10.2's first milestone runs over two rows (-1) = 176.
        milestones: 176,
        // The rows of the seven "Monitoring" tables that name a Key Target: 5+1+3+6+3+1+1.
        measures: 20,
        // Action-table rows ending in a RAG: 1 "Red" (1.2.9), 5 "Amber" (1.2.2, 1.2.7, 1.2.10,
        // 1.10.1, 1.10.4), 51 "Green". A one-row action's RAG is the action's (19 green),
        // in a table row per milestone it is that milestone's (32 green): 78 - 25 = 53 unrated.
        action_ratings: Ratings::from([1, 5, 19, 0, 53]),
        milestone_ratings: Ratings::from([0, 0, 32, 0, 144]),
        // Monitoring rows ending in a RAG: "Red" for NI 59, NI 60 and NI 68 (twice), "Green"
        // for NI 65, NI 64, NI 67, NI 66 and the two pathway plan measures.
        measure_ratings: Ratings::from([4, 0, 6, 0, 10]),
    };
    let plan = bundled("examples/peterborough-childrens-trust/2010-11.yaml");
    assert_eq!(Counts::of(&plan), expected);
}

#[test]
fn portsmouth_2011_12_counts_match_its_document() {
    let expected = Counts {
        // Seed 003: one action plan per committee (Executive, SCR Sub-Committee, MESC, 4LSCB
        // Procedures Group, 4LSCB CDOP); the plan has no RAG column.
        themes: 5,
        // E1-E4, the SCR Sub-Committee's four "(Linked to Strategic Priority N" rows, MESC 1-4,
        // Procedures 1-3, CDOP1-4.
        actions: 19,
        // Sub-actions with their own By Whom or By When line: E1 (a)(b), E3 (a)(b),
        // E4 (a)(b)(c), and the SCR rows' implementation lines: 3 + 2 + 3 (rows 1, 2 and 4).
        milestones: 15,
        measures: 0,
        theme_ratings: Ratings::from([0, 0, 0, 0, 5]),
        action_ratings: Ratings::from([0, 0, 0, 0, 19]),
        milestone_ratings: Ratings::from([0, 0, 0, 0, 15]),
        measure_ratings: Ratings::default(),
    };
    assert_eq!(
        Counts::of(&bundled("examples/portsmouth/2011-12.yaml")),
        expected
    );
}

#[test]
fn west_berkshire_2015_17_counts_match_its_document() {
    let expected = Counts {
        // Seed 004: strategic priorities 1-5 each have a Work Plan table; the "Other key
        // priorities" 6-8 have none. The plan has no RAG column.
        themes: 8,
        // Rows with a ref N.N: 5 + 7 + 6 + 6 + 6.
        actions: 30,
        // The row without a ref under 5.6 ("Multi-agency audit programme").
        milestones: 1,
        measures: 0,
        theme_ratings: Ratings::from([0, 0, 0, 0, 8]),
        action_ratings: Ratings::from([0, 0, 0, 0, 30]),
        milestone_ratings: Ratings::from([0, 0, 0, 0, 1]),
        measure_ratings: Ratings::default(),
    };
    assert_eq!(
        Counts::of(&bundled("examples/west-berkshire/2015-17.yaml")),
        expected
    );
}

/// The text of `key` in a `custom:` mapping.
fn custom_text<'a>(custom: Option<&'a CustomValue>, key: &str) -> Option<&'a str> {
    let Some(CustomValue::Map(entries)) = custom else {
        return None;
    };
    entries.iter().find_map(|(k, v)| match v {
        CustomValue::Scalar { text, .. } if k == key => Some(text.as_str()),
        _ => None,
    })
}

fn action<'a>(plan: &'a Plan, reference: &str) -> &'a Action {
    plan.actions()
        .map(|(_, a)| a)
        .find(|a| a.reference == reference)
        .unwrap_or_else(|| panic!("no action {reference}"))
}

#[test]
fn every_glossary_entry_names_an_owner_the_plan_uses() {
    for path in common::bundled_plans() {
        let plan = PlanFile::open(&path).expect("loads").plan;
        let owners: Vec<&String> = plan
            .actions()
            .flat_map(|(_, a)| {
                a.owners
                    .iter()
                    .chain(a.milestones.iter().flat_map(|m| m.owners.iter()))
            })
            .collect();
        for entry in &plan.owners {
            assert!(
                owners.contains(&&entry.short),
                "{}: glossary entry '{}' is no owner's name",
                path.display(),
                entry.short
            );
        }
    }
}

#[test]
fn childrens_trust_ratings_sit_where_the_document_puts_them() {
    let plan = bundled("examples/peterborough-childrens-trust/2010-11.yaml");
    // A one-row action's Update Commentary and RAG are the action's, never its milestone's.
    for (_, a) in plan.actions() {
        if let [only] = a.milestones.as_slice() {
            assert!(
                only.rag.is_none() && only.progress.is_none(),
                "{}: rating or progress on its single milestone",
                a.reference
            );
        }
    }
    let red = action(&plan, "1.2.9");
    assert_eq!(red.rag, Some(Rag::Red));
    assert!(
        red.progress
            .as_deref()
            .is_some_and(|p| p.starts_with("Two responses only received"))
    );
    assert!(
        plan.actions().all(|(_, a)| a.reference != "1.8.5"),
        "1.8.5 is not in the document"
    );
    let dues: Vec<String> = action(&plan, "1.10.3")
        .milestones
        .iter()
        .filter_map(|m| m.due.as_ref().map(ToString::to_string))
        .collect();
    assert_eq!(
        dues,
        ["2010-10-31", "2010-10-06"],
        "1.10.3 in the document's order"
    );
}

#[test]
fn portsmouth_keeps_objectives_priorities_and_who_does_each_sub_action() {
    let plan = bundled("examples/portsmouth/2011-12.yaml");
    let custom = plan.custom.as_ref();
    let objectives = custom_text(custom, "business_objectives").expect("business objectives");
    for n in 1..=8 {
        assert!(objectives.contains(&format!("\n{n}. To ")), "objective {n}");
    }
    for (_, a) in plan.actions() {
        assert!(
            a.outcome.is_some(),
            "{}: the Objectives column is its outcome",
            a.reference
        );
        if let Some(link) = custom_text(a.custom.as_ref(), "linked_to") {
            let n = link["Strategic Priority ".len()..][..1].to_string();
            let described = custom_text(custom, &format!("strategic_priority_{n}"));
            assert!(described.is_some(), "{}: {link} is described", a.reference);
        }
    }
    let owners = |reference: &str| -> Vec<Vec<String>> {
        action(&plan, reference)
            .milestones
            .iter()
            .map(|m| m.owners.clone())
            .collect()
    };
    assert_eq!(owners("E1"), [vec!["HG", "DH"], vec!["Exec.", "MESC"]]);
    assert_eq!(
        owners("E3"),
        [vec!["Bus Mgr", "Exec."], vec!["SK", "Exec."]]
    );
    assert_eq!(
        owners("E4"),
        [vec!["Bus. Mgr."], vec!["Exec."], vec!["Chair", "Bus. Mgr."]]
    );
    assert_eq!(
        owners("2.4"),
        [
            vec!["SCR Sub-Committee"],
            vec!["SCR Sub-Committee"],
            vec!["Chair"]
        ]
    );
}

#[test]
fn west_berkshire_keeps_shared_outcomes_and_the_statement_of_intent() {
    let plan = bundled("examples/west-berkshire/2015-17.yaml");
    for (shared, below) in [("3.3", "3.4"), ("4.3", "4.4"), ("5.2", "5.3")] {
        let outcome = action(&plan, shared).outcome.as_deref();
        assert!(outcome.is_some());
        assert_eq!(action(&plan, below).outcome.as_deref(), outcome, "{below}");
    }
    let gps = action(&plan, "2.7");
    assert_ne!(Some(gps.action.as_str()), gps.outcome.as_deref());
    assert!(!action(&plan, "5.6").action.contains('\n'));
    let intent = custom_text(plan.custom.as_ref(), "statement_of_intent").expect("statement");
    assert_eq!(intent.lines().filter(|l| l.starts_with("- ")).count(), 7);
}

#[test]
fn peterborough_2011_12_glossary_and_framework_come_from_the_document() {
    let plan = bundled("plans/2011-12.yaml");
    let glossary: Vec<(&str, &str)> = plan
        .owners
        .iter()
        .map(|e| (e.short.as_str(), e.full.as_str()))
        .collect();
    assert_eq!(
        glossary,
        [
            ("QA Group", "Quality Assurance Group"),
            ("QA group", "Quality Assurance Group")
        ]
    );
    let intro = custom_text(plan.custom.as_ref(), "introduction").expect("opening sentences");
    assert!(intro.starts_with("Our overarching strategic objective remains to scrutinise"));
    let framework = action(&plan, "1");
    let text = custom_text(
        framework.custom.as_ref(),
        "performance_management_framework",
    );
    assert!(text.is_some_and(|t| t.contains("3.0 Elements of the Framework")));
    assert_eq!(framework.milestones.len(), 8, "the rows of the 4.0 table");
}
