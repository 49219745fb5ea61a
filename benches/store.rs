//! Loading and saving plan files of 100, 1,000 and 10,000 actions, against the floor of plain
//! serde parsing (serde-saphyr into a `serde_json::Value`) and emitting of the same bytes. Run with `cargo bench`.
//!
//! `load` is parse + decode + validate; `save_noop` renders a plan with no change (the bytes as
//! they were); `save_one_edit` patches one field and verifies the result by parsing it back;
//! `fmt` writes the whole plan canonically.

mod common;

use boardplan::model::{ActionField, ActionPos, Edit};
use boardplan::store::{canonical, load};
use divan::{Bencher, black_box};

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

const SIZES: &[usize] = &[100, 1_000, 10_000];

fn main() {
    for &size in SIZES {
        let text = common::plan_text(size);
        eprintln!("{size} actions: {} bytes", text.len());
    }
    divan::main();
}

#[divan::bench(args = SIZES)]
fn load_and_validate(bencher: Bencher, size: usize) {
    let text = common::plan_text(size);
    bencher.bench(|| load(black_box(text.as_bytes())).map(|l| l.plan.themes.len()));
}

#[divan::bench(args = SIZES)]
fn floor_serde_parse(bencher: Bencher, size: usize) {
    let text = common::plan_text(size);
    bencher.bench(|| {
        serde_saphyr::from_str::<serde_json::Value>(black_box(&text)).map(|v| v.is_object())
    });
}

#[divan::bench(args = SIZES)]
fn floor_serde_emit(bencher: Bencher, size: usize) {
    let value: serde_json::Value =
        serde_saphyr::from_str(&common::plan_text(size)).expect("parses");
    bencher.bench(|| serde_saphyr::to_string(black_box(&value)).map(|s| s.len()));
}

#[divan::bench(args = SIZES)]
fn save_noop(bencher: Bencher, size: usize) {
    let loaded = load(common::plan_text(size).as_bytes()).expect("loads");
    bencher.bench(|| {
        loaded
            .document
            .render(black_box(&loaded.plan))
            .map(|r| r.bytes.len())
    });
}

#[divan::bench(args = SIZES)]
fn save_one_edit(bencher: Bencher, size: usize) {
    let loaded = load(common::plan_text(size).as_bytes()).expect("loads");
    let mut plan = loaded.plan.clone();
    let at = ActionPos {
        theme: plan.themes.len() / 2,
        action: 3,
    };
    let value = ActionField::Progress
        .parse_value("Rewritten after the board meeting")
        .expect("value");
    Edit::SetAction {
        at,
        field: ActionField::Progress,
        value,
    }
    .apply(&mut plan)
    .expect("edit");
    bencher.bench(|| {
        loaded
            .document
            .render(black_box(&plan))
            .map(|r| r.bytes.len())
    });
}

#[divan::bench(args = SIZES)]
fn fmt_canonical(bencher: Bencher, size: usize) {
    let loaded = load(common::plan_text(size).as_bytes()).expect("loads");
    bencher.bench(|| canonical(black_box(&loaded.plan)).len());
}
