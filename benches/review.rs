//! The change report between two versions of a plan of 1,000 and 10,000 actions, against the
//! time to load both files (the goal: a whole report in under twice that). Run with
//! `cargo bench --bench review`.
//!
//! The second version is a meeting's worth of change: one action in twenty re-rated, one in
//! twenty with new progress, one in a hundred renumbered into another theme, one in a hundred
//! closed and as many added.

mod common;

use boardplan::model::{Action, ActionField, ActionPos, Edit, Plan};
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
