//! Tests of the three-way merge, on the bundled 2013-14 plan and on small plans built in code.

use super::*;
use crate::model::{ElementId, GlossaryEntry, Measure, Milestone, Rag};

#[path = "merge_structure_tests.rs"]
mod structure;

fn sample() -> Plan {
    let bytes = include_bytes!("../../plans/2013-14.yaml");
    crate::store::load(bytes)
        .expect("the bundled plan loads")
        .plan
}

fn act<'a>(plan: &'a mut Plan, reference: &str) -> &'a mut Action {
    let pos = plan.find_action(reference).expect("action exists");
    plan.action_mut(pos).expect("action exists")
}

fn get<'a>(plan: &'a Plan, reference: &str) -> &'a Action {
    let pos = plan.find_action(reference).expect("action exists");
    plan.action(pos).expect("action exists")
}

fn refs(theme: &Theme) -> Vec<&str> {
    theme.actions.iter().map(|a| a.reference.as_str()).collect()
}

fn new_action(reference: &str, text: &str) -> Action {
    Action {
        reference: reference.to_string(),
        action: text.to_string(),
        ..Action::default()
    }
}

fn three() -> (Plan, Plan, Plan) {
    let base = sample();
    (base.clone(), base.clone(), base)
}

#[test]
fn unchanged_sides_merge_to_ours() {
    let (base, ours, theirs) = three();
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    assert_eq!(merged.plan, ours);
}

#[test]
fn edits_to_different_actions_merge_cleanly() {
    let (base, mut ours, mut theirs) = three();
    act(&mut ours, "1.2").rag = Some(Rag::Green);
    act(&mut theirs, "3.1").progress = Some("Audit complete".into());
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    assert_eq!(get(&merged.plan, "1.2").rag, Some(Rag::Green));
    assert_eq!(
        get(&merged.plan, "3.1").progress.as_deref(),
        Some("Audit complete")
    );
}

#[test]
fn edits_to_different_fields_of_one_action_merge_cleanly() {
    let (base, mut ours, mut theirs) = three();
    act(&mut ours, "2.3").rag = Some(Rag::Blue);
    act(&mut theirs, "2.3").progress = Some("Done".into());
    act(&mut theirs, "2.3").owners = vec!["QEG".into()];
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    let action = get(&merged.plan, "2.3");
    assert_eq!(action.rag, Some(Rag::Blue));
    assert_eq!(action.progress.as_deref(), Some("Done"));
    assert_eq!(action.owners, ["QEG"]);
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict() {
    let (base, mut ours, mut theirs) = three();
    act(&mut ours, "2.3").rag = Some(Rag::Blue);
    act(&mut theirs, "2.3").rag = Some(Rag::Blue);
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean());
    assert_eq!(get(&merged.plan, "2.3").rag, Some(Rag::Blue));
}

#[test]
fn one_field_changed_both_ways_conflicts_and_keeps_ours() {
    let (base, mut ours, mut theirs) = three();
    act(&mut ours, "1.2").rag = Some(Rag::Green);
    act(&mut theirs, "1.2").rag = Some(Rag::Red);
    act(&mut theirs, "1.2").notes = Some("Chased".into());
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(get(&merged.plan, "1.2").rag, Some(Rag::Green));
    assert_eq!(get(&merged.plan, "1.2").notes.as_deref(), Some("Chased"));
    let expected = Conflict {
        kind: ConflictKind::Changed,
        theme: None,
        action: Some("1.2".into()),
        field: "rag".into(),
        base: "amber".into(),
        ours: "green".into(),
        theirs: "red".into(),
    };
    assert_eq!(merged.conflicts, [expected]);
    assert_eq!(
        merged.conflicts[0].to_string(),
        "action '1.2': rag: changed differently on both sides"
    );
}

#[test]
fn plan_fields_merge_on_their_own() {
    let (base, mut ours, mut theirs) = three();
    ours.version = Some("1.3".into());
    theirs.title = "Business Plan 2013-14".into();
    theirs.version = Some("1.4".into());
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.plan.title, "Business Plan 2013-14");
    assert_eq!(merged.plan.version.as_deref(), Some("1.3"));
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].field, "version");
    assert_eq!(
        (
            merged.conflicts[0].theme.as_ref(),
            merged.conflicts[0].action.as_ref()
        ),
        (None, None)
    );
}

#[test]
fn an_addition_on_one_side_and_an_edit_on_the_other_merge() {
    let (base, mut ours, mut theirs) = three();
    ours.themes[1]
        .actions
        .push(new_action("2.6", "Audit section 11 returns"));
    act(&mut theirs, "2.1").rag = Some(Rag::Green);
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    assert_eq!(
        refs(&merged.plan.themes[1]),
        ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]
    );
    assert_eq!(get(&merged.plan, "2.1").rag, Some(Rag::Green));
}

#[test]
fn their_addition_goes_after_its_predecessor() {
    let (base, ours, mut theirs) = three();
    theirs.themes[0]
        .actions
        .insert(2, new_action("1.2a", "Publish threshold leaflet"));
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean());
    assert_eq!(
        refs(&merged.plan.themes[0]),
        ["1.1", "1.2", "1.2a", "1.3", "1.4", "1.5"]
    );
    let theirs_id = theirs.themes[0].actions[2].id;
    assert!(!merged.plan.themes[0].actions[2].id.same(theirs_id));
}

#[test]
fn delete_against_edit_conflicts_and_each_preference_keeps_its_side() {
    let (base, mut ours, mut theirs) = three();
    ours.themes[2].actions.remove(1);
    act(&mut theirs, "3.2").rag = Some(Rag::Blue);
    let as_theirs = merge_preferring(&base, &ours, &theirs, Side::Theirs);
    assert_eq!(get(&as_theirs.plan, "3.2").rag, Some(Rag::Blue));
    assert_eq!(
        refs(&as_theirs.plan.themes[2]),
        ["3.1", "3.2", "3.3", "3.4"]
    );
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(refs(&merged.plan.themes[2]), ["3.1", "3.3", "3.4"]);
    assert_eq!(merged.conflicts, as_theirs.conflicts);
    assert_eq!(merged.conflicts.len(), 1);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.kind, ConflictKind::DeletedChanged);
    assert_eq!(
        (conflict.action.as_deref(), conflict.field.as_str()),
        (Some("3.2"), "(action)")
    );
    assert_eq!(conflict.ours, "(deleted)");
    assert!(
        conflict.theirs.contains("\"rag\":\"blue\""),
        "{}",
        conflict.theirs
    );
}

#[test]
fn delete_against_unchanged_deletes() {
    let (base, ours, mut theirs) = three();
    theirs.themes[2].actions.remove(1);
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean());
    assert_eq!(refs(&merged.plan.themes[2]), ["3.1", "3.3", "3.4"]);
}

#[test]
fn both_adding_different_actions_keeps_both_ours_first() {
    let (base, mut ours, mut theirs) = three();
    ours.themes[0].actions.push(new_action("1.6", "Ours"));
    theirs.themes[0].actions.push(new_action("1.7", "Theirs"));
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean());
    assert_eq!(
        refs(&merged.plan.themes[0]),
        ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"]
    );
    let swapped = merge(&base, &theirs, &ours);
    assert_eq!(
        refs(&swapped.plan.themes[0]),
        ["1.1", "1.2", "1.3", "1.4", "1.5", "1.7", "1.6"]
    );
}

#[test]
fn both_adding_the_same_ref_keeps_both_and_renumbers_theirs() {
    let (base, mut ours, mut theirs) = three();
    ours.themes[0].actions.push(new_action("1.6", "Ours"));
    theirs.themes[0].actions.push(new_action("1.6", "Theirs"));
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    assert_eq!(get(&merged.plan, "1.6").action, "Ours");
    assert_eq!(get(&merged.plan, "1.7").action, "Theirs");
    assert_eq!(
        merged.renumbered,
        [Renumbered {
            side: Side::Theirs,
            from: "1.6".into(),
            to: "1.7".into(),
            action: "Theirs".into(),
        }]
    );
    assert_eq!(
        merged.renumbered[0].to_string(),
        "their new action '1.6' is now '1.7' (Theirs): our side also has a '1.6'"
    );
    let same = merge(&base, &ours, &ours.clone());
    assert!(same.is_clean());
    assert_eq!(same.plan.themes[0].actions.len(), 6);
}

/// Plans edited from the sample in one way each, for one-sided merges.
fn one_sided_edits() -> Vec<Plan> {
    let base = sample();
    let edit = |change: &dyn Fn(&mut Plan)| {
        let mut plan = base.clone();
        change(&mut plan);
        plan
    };
    vec![
        edit(&|p| p.themes[0].actions.truncate(2)),
        edit(&|p| p.themes[3].actions.insert(0, new_action("4.0", "First"))),
        edit(&|p| p.themes.swap(1, 5)),
        edit(&|p| p.themes.remove(0).actions.clear()),
        edit(&|p| {
            let moved = p.themes[2].actions.remove(0);
            p.themes[6].actions.insert(1, moved);
        }),
        edit(&|p| {
            for (n, action) in p.themes[1].actions.iter_mut().enumerate() {
                action.reference = format!("B.{n}");
            }
            p.themes[1].reference = "B".into();
        }),
        edit(&|p| {
            act(p, "6.6").milestones.push(Milestone::default());
            p.owners.push(GlossaryEntry::default());
            p.themes[5].measures.push(Measure::default());
        }),
    ]
}

#[test]
fn a_change_on_one_side_only_is_taken_whole() {
    let base = sample();
    for edited in one_sided_edits() {
        let ours = merge(&base, &edited, &base);
        assert!(ours.is_clean(), "{:?}", ours.conflicts);
        assert_eq!(ours.plan, edited);
        let theirs = merge(&base, &base, &edited);
        assert!(theirs.is_clean(), "{:?}", theirs.conflicts);
        assert_eq!(theirs.plan, edited);
    }
}
