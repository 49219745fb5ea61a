//! The bundled plans (plans/ and examples/) load, pass `check`, are canonical and round-trip.

mod common;

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
