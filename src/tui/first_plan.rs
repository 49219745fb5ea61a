//! Opening the UI on a folder with no plan files: instead of failing, it offers to start a first
//! plan there (the board's name and the board year, the current one suggested), written as
//! `boardplan new` would, never over an existing file; then the UI opens on it.

use crate::model::{BoardYear, Plan};
use crate::store::{canonical, create_new};
use anyhow::{Context, bail};
use chrono::{Datelike, NaiveDate};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// The board year `today` falls in (years start on 1 April): `2014-15` on 20 May 2014.
pub fn current_period(today: NaiveDate) -> String {
    let first = if today.month() >= 4 {
        today.year()
    } else {
        today.year() - 1
    };
    format!("{first}-{:02}", (first + 1) % 100)
}

/// Asks on `output` and reads answers from `input`; the file written, or `None` when the
/// officer gave no name (nothing is written then).
pub fn ask(
    input: &mut dyn BufRead,
    output: &mut dyn Write,
    store: &Path,
    today: NaiveDate,
) -> anyhow::Result<Option<PathBuf>> {
    let suggested = current_period(today);
    writeln!(
        output,
        "There are no plan files in {} yet.",
        store.display()
    )?;
    write!(
        output,
        "To start a first plan, type the board's name (Enter alone stops): "
    )?;
    output.flush()?;
    let board = read_line(input)?;
    if board.is_empty() {
        return Ok(None);
    }
    let period = loop {
        write!(output, "Board year [{suggested}]: ")?;
        output.flush()?;
        let answer = read_line(input)?;
        let period = if answer.is_empty() {
            suggested.clone()
        } else {
            answer
        };
        if BoardYear::parse(&period).is_some() {
            break period;
        }
        writeln!(
            output,
            "'{period}' is not a board year; write it like 2014-15 (or 2015-17 for two years)"
        )?;
    };
    let path = create_first(store, &board, &period)?;
    writeln!(output, "Wrote {}.", path.display())?;
    Ok(Some(path))
}

fn read_line(input: &mut dyn BufRead) -> anyhow::Result<String> {
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        bail!("no answer (end of input); nothing was written");
    }
    Ok(line.trim().to_string())
}

/// Writes `PERIOD.yaml` in `store`: the board, the period and a title, no themes yet.
pub fn create_first(store: &Path, board: &str, period: &str) -> anyhow::Result<PathBuf> {
    let Some(year) = BoardYear::parse(period) else {
        bail!("'{period}' is not a board year; write it like 2014-15");
    };
    let plan = Plan {
        board: board.trim().to_string(),
        period: period.trim().to_string(),
        title: format!("Business Plan {}-{}", year.first, year.last),
        ..Plan::default()
    };
    let target = store.join(format!("{}.yaml", plan.period));
    if target.exists() {
        bail!("{} already exists; nothing was written", target.display());
    }
    create_new(&target, canonical(&plan).as_bytes())
        .with_context(|| format!("cannot write {}", target.display()))?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn the_suggested_year_starts_in_april() {
        assert_eq!(current_period(day(2014, 3, 31)), "2013-14");
        assert_eq!(current_period(day(2014, 4, 1)), "2014-15");
        assert_eq!(current_period(day(2099, 12, 1)), "2099-00");
    }

    #[test]
    fn answers_write_a_valid_first_plan() {
        let dir = tempfile::tempdir().expect("temp");
        let mut input = std::io::Cursor::new("Northshire LSCB\nsoon\n\n");
        let mut output = Vec::new();
        let path = ask(&mut input, &mut output, dir.path(), day(2014, 5, 2))
            .expect("asks")
            .expect("a file");
        assert_eq!(path, dir.path().join("2014-15.yaml"));
        let said = String::from_utf8(output).expect("utf-8");
        assert!(said.contains("'soon' is not a board year"), "{said}");
        let plan = crate::store::load(&std::fs::read(&path).expect("read"))
            .expect("loads")
            .plan;
        assert_eq!(
            (
                plan.board.as_str(),
                plan.period.as_str(),
                plan.title.as_str()
            ),
            ("Northshire LSCB", "2014-15", "Business Plan 2014-2015")
        );
        let again = create_first(dir.path(), "Other", "2014-15");
        assert!(again.is_err_and(|e| e.to_string().contains("already exists")));
    }

    #[test]
    fn no_name_writes_nothing() {
        let dir = tempfile::tempdir().expect("temp");
        let mut input = std::io::Cursor::new("\n");
        let found = ask(&mut input, &mut Vec::new(), dir.path(), day(2014, 5, 2)).expect("asks");
        assert_eq!(found, None);
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
    }
}
