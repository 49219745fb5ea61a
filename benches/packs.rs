//! What the UI's import (`I`, then Enter) does with a returned pack: read it (CSV as a
//! spreadsheet leaves it) and check every row against the plan, for a pack holding every action
//! of a plan of 1,000 and 10,000 actions, a new rating filled in on one row in ten. Run with
//! `cargo bench --bench packs`.

mod common;

use boardplan::packs::{Column, build_packs, propose, read_grid, read_pack, to_csv};
use boardplan::store::load;
use divan::{Bencher, black_box};

const SIZES: &[usize] = &[1_000, 10_000];

fn main() {
    divan::main();
}

/// The plan's text and its QEG pack as CSV, filled in on every tenth row.
fn plan_and_pack(size: usize) -> (String, Vec<u8>) {
    let text = common::plan_text(size);
    let plan = load(text.as_bytes()).expect("loads").plan;
    let packs = build_packs(
        &plan,
        "plan.yaml",
        text.as_bytes(),
        "2013-10-01",
        &["QEG".into()],
    )
    .expect("packs");
    let csv = String::from_utf8(to_csv(&packs[0])).expect("utf-8");
    let new_rag = Column::ALL
        .iter()
        .position(|c| *c == Column::NewRag)
        .expect("column");
    let mut out = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    for (n, record) in reader.records().enumerate() {
        let mut cells: Vec<String> = record.expect("record").iter().map(String::from).collect();
        if cells.len() > new_rag && n % 10 == 0 && cells[0] != "ref" {
            cells[new_rag] = "red".into();
        }
        out.write_record(&cells).expect("write");
    }
    (text, out.into_inner().expect("bytes"))
}

#[divan::bench(args = SIZES)]
fn read_and_propose(bencher: Bencher, size: usize) {
    let (text, pack) = plan_and_pack(size);
    let plan = load(text.as_bytes()).expect("loads").plan;
    bencher.bench(|| {
        let grid = read_grid("QEG.csv", black_box(&pack)).expect("grid");
        let returned = read_pack("QEG.csv", &grid).expect("pack");
        let proposal = propose(&plan, &[returned]);
        assert!(proposal.problems.is_empty());
        black_box(proposal.changes.len())
    });
}
