//! Exporting a plan of 1,000 and 10,000 actions in each format, against the time to load it (the
//! goal: every format within twice the load). Run with `cargo bench --bench export`.
//!
//! `load` parses and validates the file; each `export_*` builds the paper from the loaded plan
//! (filters, words, exceptions) and writes the format's bytes.

mod common;

use boardplan::export::{self, Format, Options, Paper};
use boardplan::model::Plan;
use boardplan::store::load;
use chrono::NaiveDate;
use divan::{Bencher, black_box};

const SIZES: &[usize] = &[1_000, 10_000];

fn main() {
    divan::main();
}

fn plan(size: usize) -> Plan {
    load(common::plan_text(size).as_bytes())
        .expect("generated plan loads")
        .plan
}

fn export(bencher: Bencher, size: usize, format: Format) {
    let plan = plan(size);
    let options = Options::all(NaiveDate::from_ymd_opt(2013, 10, 1).expect("date"));
    bencher.bench(|| {
        let paper = Paper::build(black_box(&plan), &options, None).expect("paper");
        export::render(&plan, &paper, format).expect("render").len()
    });
}

#[divan::bench(args = SIZES)]
fn load_plan(bencher: Bencher, size: usize) {
    let text = common::plan_text(size);
    bencher.bench(|| load(black_box(text.as_bytes())).is_ok());
}

#[divan::bench(args = SIZES)]
fn export_md(bencher: Bencher, size: usize) {
    export(bencher, size, Format::Markdown);
}

#[divan::bench(args = SIZES)]
fn export_html(bencher: Bencher, size: usize) {
    export(bencher, size, Format::Html);
}

#[divan::bench(args = SIZES)]
fn export_csv(bencher: Bencher, size: usize) {
    export(bencher, size, Format::Csv);
}

#[divan::bench(args = SIZES)]
fn export_xlsx(bencher: Bencher, size: usize) {
    export(bencher, size, Format::Xlsx);
}

#[divan::bench(args = SIZES)]
fn export_json(bencher: Bencher, size: usize) {
    export(bencher, size, Format::Json);
}
