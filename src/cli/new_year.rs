//! `boardplan new-year FROM NEW_PERIOD`: next year's file from this one, carrying forward every
//! unfinished action, and the list of completed actions for the annual report.

use super::{Status, open_or_report};
use crate::model::{YearEnd, YearEndOptions, start_next_year};
use crate::store::{canonical, create_new};
use crate::text::terminal_safe;
use anyhow::{Context, bail};
use std::path::{Path, PathBuf};

/// Writes the new year's file (beside FROM unless `output` is given), never over an existing
/// file, and prints what was carried, what was completed and which dates need review.
pub fn run(
    from: &Path,
    new_period: &str,
    output: Option<&Path>,
    options: YearEndOptions,
) -> anyhow::Result<Status> {
    let Some(file) = open_or_report(from)? else {
        return Ok(Status::Invalid);
    };
    let year = start_next_year(&file.plan, new_period, options)
        .with_context(|| format!("cannot start {new_period} from {}", from.display()))?;
    let target = output.map_or_else(|| beside(from, &year.plan.period), Path::to_path_buf);
    if target.exists() {
        bail!(
            "{} already exists; nothing was written (choose another file with -o, or remove it first)",
            target.display()
        );
    }
    create_new(&target, canonical(&year.plan).as_bytes())
        .with_context(|| format!("cannot write {}", target.display()))?;
    print!("{}", describe(&year, &file.plan.period, &target));
    Ok(Status::Ok)
}

/// `NEW_PERIOD.yaml` in FROM's folder.
fn beside(from: &Path, period: &str) -> PathBuf {
    from.with_file_name(format!("{period}.yaml"))
}

/// What the officer reads after the year end.
fn describe(year: &YearEnd, old_period: &str, target: &Path) -> String {
    let plan = &year.plan;
    let mut out = format!(
        "Wrote {}: {} themes, {} actions carried forward from {old_period}, ratings {}.\n",
        target.display(),
        plan.themes.len(),
        year.carried.len(),
        if plan
            .themes
            .iter()
            .flat_map(|t| &t.actions)
            .any(|a| a.rag.is_some())
        {
            "kept"
        } else {
            "cleared"
        }
    );
    if !year.title_updated {
        out.push_str(&format!(
            "The title \"{}\" names no board year to update: edit it if it should.\n",
            terminal_safe(&plan.title)
        ));
    }
    let renumbered: Vec<String> = year
        .carried
        .iter()
        .filter(|c| c.old_ref != c.new_ref)
        .map(|c| format!("{} -> {}", c.old_ref, c.new_ref))
        .collect();
    if !renumbered.is_empty() {
        out.push_str(&format!("Renumbered: {}\n", renumbered.join(", ")));
    }
    let review: Vec<String> = year
        .carried
        .iter()
        .filter_map(|c| {
            Some(format!(
                "  {}  was due {}",
                c.new_ref,
                c.passed_due.as_ref()?
            ))
        })
        .collect();
    if !review.is_empty() {
        out.push_str(&format!(
            "\nDue before {} began (dates kept; review them):\n{}\n",
            plan.period,
            review.join("\n")
        ));
    }
    out.push_str(&format!(
        "\nCompleted in {old_period} ({} actions, not carried):\n",
        year.completed.len()
    ));
    if year.completed.is_empty() {
        out.push_str("  none rated blue\n");
    }
    for done in &year.completed {
        let owners = if done.owners.is_empty() {
            String::new()
        } else {
            format!(" ({})", done.owners.join(", "))
        };
        out.push_str(&format!(
            "  {}  {}{}\n",
            done.reference,
            terminal_safe(&done.action),
            terminal_safe(&owners)
        ));
    }
    out
}
