//! The change report between two versions of a plan of 1,000 and 10,000 actions, against the
//! time to load both files. Run with `cargo bench --bench review`.
//!
//! Two second versions. A meeting's worth of change: one action in twenty re-rated, one in
//! twenty with new progress, one in a hundred renumbered into another theme, one in a hundred
//! removed and as many added. And the hard case for pairing by content: 5% of the actions
//! changed (re-rated or new progress) and every action renumbered, because a new first action
//! was inserted in every theme (`*_renumbered`; goal: the whole report, loads included, in at
//! most 3x the time of loading both).

mod common;

use boardplan::model::{Action, ActionField, ActionPos, Edit, Plan};
use boardplan::review::diff::Comparison;
use boardplan::review::{diff::compare, report};
use boardplan::store::{canonical, load};
use divan::{Bencher, black_box};

const SIZES: &[usize] = &[1_000, 10_000];

fn main() {
    divan::main();
}

/// The two versions as file text.
fn versions(size: usize) -> (String, String) {
    let old = common::plan_text(size);
    let mut plan = load(old.as_bytes()).expect("loads").plan;
    change(&mut plan);
    (old, canonical(&plan))
}

/// The two versions as file text: 5% changed, and a new first action in every theme.
fn renumbered_versions(size: usize) -> (String, String) {
    let old = common::plan_text(size);
    let mut plan = load(old.as_bytes()).expect("loads").plan;
    let positions: Vec<ActionPos> = plan.actions().map(|(p, _)| p).collect();
    for (n, at) in positions.iter().enumerate() {
        let (field, value) = match n % 40 {
            3 => (ActionField::Rag, "red".to_string()),
            7 => (
                ActionField::Progress,
                format!("Reviewed at the September meeting ({n}); actions agreed"),
            ),
            _ => continue,
        };
        let value = field.parse_value(&value).expect("value");
        let edit = Edit::SetAction {
            at: *at,
            field,
            value,
        };
        edit.apply(&mut plan).expect("edit");
    }
    for theme in 0..plan.themes.len() {
        let action = Action {
            reference: format!("new-{theme}"),
            action: format!("A new priority agreed in September ({theme})"),
            ..Action::default()
        };
        let at = ActionPos { theme, action: 0 };
        plan.insert_action(at, action).expect("insert");
        let renumber = Edit::renumber_actions(&plan, theme).expect("renumber");
        renumber.apply(&mut plan).expect("renumber");
    }
    (old, canonical(&plan))
}

fn change(plan: &mut Plan) {
    let positions: Vec<ActionPos> = plan.actions().map(|(p, _)| p).collect();
    for (n, at) in positions.iter().enumerate() {
        let edit = |field: ActionField, value: &str| Edit::SetAction {
            at: *at,
            field,
            value: field.parse_value(value).expect("value"),
        };
        if n % 20 == 3 {
            edit(ActionField::Rag, "red").apply(plan).expect("rag");
        }
        if n % 20 == 7 {
            edit(
                ActionField::Progress,
                &format!("Reviewed at the September meeting ({n}); actions agreed"),
            )
            .apply(plan)
            .expect("progress");
        }
        if n % 100 == 11 {
            edit(ActionField::Ref, &format!("moved-{n}"))
                .apply(plan)
                .expect("ref");
        }
    }
    for n in (0..positions.len()).rev().filter(|n| n % 100 == 50) {
        plan.remove_action(positions[n]).expect("remove");
    }
    for n in 0..positions.len() / 100 {
        let action = Action {
            reference: format!("new-{n}"),
            action: format!("A new action agreed in September ({n})"),
            ..Action::default()
        };
        let theme = n % plan.themes.len();
        let at = ActionPos {
            theme,
            action: plan.themes[theme].actions.len(),
        };
        Edit::InsertAction {
            at,
            action: Box::new(action),
        }
        .apply(plan)
        .expect("insert");
    }
}

#[divan::bench(args = SIZES)]
fn load_both(bencher: Bencher, size: usize) {
    let (old, new) = versions(size);
    bencher.bench(|| {
        (
            load(black_box(old.as_bytes())).is_ok(),
            load(black_box(new.as_bytes())).is_ok(),
        )
    });
}

#[divan::bench(args = SIZES)]
fn compare_and_report(bencher: Bencher, size: usize) {
    let (old, new) = versions(size);
    let (old, new) = (
        load(old.as_bytes()).expect("old").plan,
        load(new.as_bytes()).expect("new").plan,
    );
    bencher.bench(|| report::text(&compare(black_box(&old), black_box(&new)), false).len());
}

#[divan::bench(args = SIZES)]
fn whole_report(bencher: Bencher, size: usize) {
    let (old, new) = versions(size);
    bencher.bench(|| {
        let old = load(black_box(old.as_bytes())).expect("old").plan;
        let new = load(black_box(new.as_bytes())).expect("new").plan;
        report::text(&compare(&old, &new), false).len()
    });
}

#[divan::bench]
fn load_both_renumbered(bencher: Bencher) {
    let (old, new) = renumbered_versions(10_000);
    bencher.bench(|| {
        (
            load(black_box(old.as_bytes())).is_ok(),
            load(black_box(new.as_bytes())).is_ok(),
        )
    });
}

#[divan::bench]
fn whole_report_renumbered(bencher: Bencher) {
    let (old, new) = renumbered_versions(10_000);
    let check = |c: &Comparison| {
        // Every action renumbered, none invented worse or better.
        assert_eq!((c.summary.renumbered, c.summary.new), (10_000, 1_000));
        assert_eq!((c.summary.improved, c.summary.removed), (0, 0));
    };
    let old_plan = load(old.as_bytes()).expect("old").plan;
    let new_plan = load(new.as_bytes()).expect("new").plan;
    check(&compare(&old_plan, &new_plan));
    bencher.bench(|| {
        let old = load(black_box(old.as_bytes())).expect("old").plan;
        let new = load(black_box(new.as_bytes())).expect("new").plan;
        report::text(&compare(&old, &new), false).len()
    });
}
