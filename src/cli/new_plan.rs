//! `boardplan new PERIOD --board NAME`: a board's first plan, valid and empty, ready to fill in.

use super::Status;
use crate::model::{BoardYear, Plan};
use crate::store::{canonical, create_new};
use anyhow::{Context, bail};
use std::path::{Path, PathBuf};

/// Writes `PERIOD.yaml` into `store` (created if missing), never over an existing file.
pub fn run(period: &str, board: &str, title: Option<&str>, store: &Path) -> anyhow::Result<Status> {
    let Some(year) = BoardYear::parse(period) else {
        bail!(
            "'{period}' is not a board year; write it like 2014-15 (or 2015-17 for a plan over two years)"
        );
    };
    if board.trim().is_empty() {
        bail!("the board's name is empty; give it with --board \"Name of the LSCB\"");
    }
    let plan = Plan {
        board: board.trim().to_string(),
        period: period.trim().to_string(),
        title: title.map_or_else(
            || format!("Business Plan {}-{}", year.first, year.last),
            |t| t.trim().to_string(),
        ),
        ..Plan::default()
    };
    std::fs::create_dir_all(store)
        .with_context(|| format!("cannot create the folder {}", store.display()))?;
    let target: PathBuf = store.join(format!("{}.yaml", plan.period));
    if target.exists() {
        bail!("{} already exists; nothing was written", target.display());
    }
    create_new(&target, canonical(&plan).as_bytes())
        .with_context(|| format!("cannot write {}", target.display()))?;
    println!(
        "Wrote {}: {} {}. Open it with `boardplan {}` and add themes (A) and actions (a).",
        target.display(),
        plan.board,
        plan.period,
        store.display()
    );
    Ok(Status::Ok)
}
