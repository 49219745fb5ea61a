//! Tests of the three-way merge where the structure moves: renumbered and moved actions,
//! reordering, glossaries, ids, milestones and measures, and themes added or deleted.

use super::*;

#[test]
fn a_renumbered_action_takes_the_other_sides_edit() {
    let (base, mut ours, mut theirs) = three();
    ours.themes[0].actions.remove(1);
    for (n, action) in ours.themes[0].actions.iter_mut().enumerate() {
        action.reference = format!("1.{}", n + 1);
    }
    act(&mut theirs, "1.4").rag = Some(Rag::Green);
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    assert_eq!(refs(&merged.plan.themes[0]), ["1.1", "1.2", "1.3", "1.4"]);
    let moved = get(&merged.plan, "1.3");
    assert_eq!(moved.action, get(&base, "1.4").action);
    assert_eq!(moved.rag, Some(Rag::Green));
}

#[test]
fn an_action_moved_to_another_theme_takes_the_other_sides_edit() {
    let (base, mut ours, mut theirs) = three();
    let mut moved = ours.themes[0].actions.remove(4);
    moved.reference = "2.6".into();
    ours.themes[1].actions.push(moved);
    act(&mut theirs, "1.5").progress = Some("Reviewed".into());
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    assert_eq!(refs(&merged.plan.themes[0]), ["1.1", "1.2", "1.3", "1.4"]);
    assert_eq!(
        merged.plan.themes[1].actions[5].progress.as_deref(),
        Some("Reviewed")
    );
    assert_eq!(merged.plan.themes[1].actions[5].reference, "2.6");
}

#[test]
fn their_reordering_is_kept_when_ours_did_not_reorder() {
    let (base, mut ours, mut theirs) = three();
    theirs.themes[0].actions.swap(0, 1);
    act(&mut ours, "1.1").rag = Some(Rag::Blue);
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean());
    assert_eq!(
        refs(&merged.plan.themes[0]),
        ["1.2", "1.1", "1.3", "1.4", "1.5"]
    );
    ours.themes[0].actions.swap(3, 4);
    let both = merge(&base, &ours, &theirs);
    assert_eq!(
        refs(&both.plan.themes[0]),
        ["1.1", "1.2", "1.3", "1.5", "1.4"]
    );
    assert_eq!(both.conflicts.len(), 1);
    assert_eq!(both.conflicts[0].kind, ConflictKind::Reordered);
    assert_eq!(both.conflicts[0].theme.as_deref(), Some("1"));
    let as_theirs = merge_preferring(&base, &ours, &theirs, Side::Theirs);
    assert_eq!(
        refs(&as_theirs.plan.themes[0]),
        ["1.2", "1.1", "1.3", "1.4", "1.5"]
    );
}

#[test]
fn reorders_in_two_different_themes_both_apply() {
    let (base, mut ours, mut theirs) = three();
    ours.themes[0].actions.swap(0, 1);
    theirs.themes[2].actions.swap(2, 3);
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    assert_eq!(
        refs(&merged.plan.themes[0]),
        ["1.2", "1.1", "1.3", "1.4", "1.5"]
    );
    assert_eq!(refs(&merged.plan.themes[2]), ["3.1", "3.2", "3.4", "3.3"]);
}

#[test]
fn renumbering_onto_a_ref_the_other_side_adds_renumbers_the_new_action() {
    let (base, mut ours, mut theirs) = three();
    // Ours inserts a new 7.1 at the top and renumbers the theme down; theirs adds 7.4 at the end.
    let count = ours.themes[6].actions.len();
    for (i, action) in ours.themes[6].actions.iter_mut().enumerate().rev() {
        action.reference = format!("7.{}", i + 2);
    }
    ours.themes[6]
        .actions
        .insert(0, new_action("7.1", "Ours at the top"));
    theirs.themes[6]
        .actions
        .push(new_action(&format!("7.{}", count + 1), "Theirs at the end"));
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    let last = merged.plan.themes[6].actions.last().expect("an action");
    assert_eq!(last.action, "Theirs at the end");
    assert_eq!(last.reference, format!("7.{}", count + 2));
    assert_eq!(merged.renumbered.len(), 1);
    let errors = crate::model::validate(&merged.plan)
        .into_iter()
        .filter(|p| p.severity == crate::model::Severity::Error)
        .count();
    assert_eq!(errors, 0);
}

#[test]
fn glossary_entries_added_on_both_sides_are_kept() {
    let (mut base, mut ours, mut theirs) = three();
    let entry = |short: &str, full: &str| GlossaryEntry {
        short: short.into(),
        full: full.into(),
    };
    base.owners = vec![entry("QEG", "Quality & Effectiveness Group")];
    ours.owners = vec![base.owners[0].clone(), entry("SLDG", "Strategic Learning")];
    theirs.owners = vec![entry("BU", "Business Unit"), base.owners[0].clone()];
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean());
    let shorts: Vec<&str> = merged
        .plan
        .owners
        .iter()
        .map(|e| e.short.as_str())
        .collect();
    assert_eq!(shorts, ["BU", "QEG", "SLDG"]);
    theirs.owners.push(entry("SLDG", "Safeguarding Learning"));
    let clash = merge(&base, &ours, &theirs);
    assert_eq!(clash.conflicts.len(), 1);
    assert_eq!(clash.conflicts[0].field, "(glossary 'SLDG')");
}

#[test]
fn ids_of_our_elements_are_kept() {
    let (base, mut ours, mut theirs) = three();
    ours.themes[0].actions.swap(1, 2);
    act(&mut ours, "2.2").rag = Some(Rag::Red);
    act(&mut theirs, "2.2").progress = Some("New".into());
    theirs.themes[3].actions.remove(0);
    theirs.themes[3].title = "Renamed".into();
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    for (theme, ours_theme) in merged.plan.themes.iter().zip(&ours.themes) {
        assert!(theme.id.same(ours_theme.id));
        for action in &theme.actions {
            let pos = ours.find_action(&action.reference).expect("from ours");
            let from_ours = ours.action(pos).expect("from ours");
            assert!(action.id.same(from_ours.id), "{}", action.reference);
        }
    }
}

#[test]
fn milestones_and_measures_merge_per_element() {
    let milestone = |text: &str| Milestone {
        milestone: text.into(),
        ..Milestone::default()
    };
    let mut base = sample();
    act(&mut base, "1.1").milestones = vec![milestone("Draft"), milestone("Publish")];
    base.themes[0].measures = vec![Measure {
        measure: "NI 59".into(),
        latest: Some("52%".into()),
        ..Measure::default()
    }];
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    act(&mut ours, "1.1").milestones[0].rag = Some(Rag::Blue);
    act(&mut theirs, "1.1").milestones[1].due = Some(crate::model::Due::Ongoing);
    act(&mut theirs, "1.1").milestones.push(milestone("Review"));
    ours.themes[0].measures[0].latest = Some("60%".into());
    theirs.themes[0].measures[0].latest = Some("58%".into());
    let merged = merge(&base, &ours, &theirs);
    let ms = &get(&merged.plan, "1.1").milestones;
    assert_eq!(ms.len(), 3);
    assert_eq!(
        (ms[0].rag, ms[1].due.clone()),
        (Some(Rag::Blue), Some(crate::model::Due::Ongoing))
    );
    let ours_ms = &get(&ours, "1.1").milestones;
    assert!(ms[0].id.same(ours_ms[0].id) && ms[1].id.same(ours_ms[1].id));
    assert_eq!(
        merged.plan.themes[0].measures[0].latest.as_deref(),
        Some("60%")
    );
    assert_eq!(merged.conflicts.len(), 1);
    let conflict = &merged.conflicts[0];
    assert_eq!(
        (conflict.theme.as_deref(), conflict.field.as_str()),
        (Some("1"), "measure 'NI 59': latest")
    );
    assert_eq!(
        (conflict.ours.as_str(), conflict.theirs.as_str()),
        ("60%", "58%")
    );
}

#[test]
fn a_ref_taken_by_both_sides_is_a_conflict() {
    let (base, mut ours, mut theirs) = three();
    ours.themes[6].actions.push(new_action("7.4", "Ours"));
    let mut renumbered = theirs.themes[6].actions.remove(2);
    renumbered.reference = "7.4".into();
    theirs.themes[6].actions.push(renumbered);
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    assert_eq!(merged.conflicts[0].kind, ConflictKind::Duplicate);
    assert_eq!(merged.conflicts[0].action.as_deref(), Some("7.4"));
}

#[test]
fn a_theme_deleted_on_one_side_goes_with_its_actions() {
    let (base, ours, mut theirs) = three();
    theirs.themes.remove(4);
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean());
    assert_eq!(merged.plan, theirs);
    let fresh = ElementId::fresh();
    assert!(!merged.plan.themes[4].id.same(fresh));
}

#[test]
fn a_theme_added_on_their_side_brings_its_actions() {
    let (base, mut ours, mut theirs) = three();
    let theme = Theme {
        reference: "9".into(),
        title: "Neglect".into(),
        actions: vec![
            new_action("9.1", "Adopt neglect toolkit"),
            new_action("9.2", "Audit"),
        ],
        ..Theme::default()
    };
    theirs.themes.push(theme);
    act(&mut ours, "7.1").rag = Some(Rag::Green);
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    assert_eq!(merged.plan.themes.len(), 9);
    assert_eq!(refs(&merged.plan.themes[8]), ["9.1", "9.2"]);
    assert_eq!(merged.plan.themes[7].actions.len(), 7);
    let added = &merged.plan.themes[8];
    assert!(!added.id.same(theirs.themes[8].id));
    assert!(!added.actions[0].id.same(theirs.themes[8].actions[0].id));
    let mut clash = theirs.clone();
    clash.themes[8].reference = "8".into();
    let merged = merge(&base, &ours, &clash);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].kind, ConflictKind::Duplicate);
    assert!(
        merged.conflicts[0].theirs.ends_with("(actions: 9.1, 9.2)"),
        "{}",
        merged.conflicts[0].theirs
    );
}

#[test]
fn a_theme_deleted_on_one_side_and_changed_on_the_other_conflicts() {
    let (base, mut ours, mut theirs) = three();
    theirs.themes.remove(4);
    act(&mut ours, "5.2").rag = Some(Rag::Red);
    let merged = merge(&base, &ours, &theirs);
    let kinds: Vec<_> = merged
        .conflicts
        .iter()
        .map(|c| (c.kind, c.field.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (ConflictKind::DeletedChanged, "(theme)"),
            (ConflictKind::DeletedChanged, "(action)")
        ]
    );
    assert_eq!(get(&merged.plan, "5.2").rag, Some(Rag::Red));
}
