//! `boardplan summary`: RAG counts per theme, then the overdue and the unrated actions.

use super::{Status, files_of, open_or_report};
use crate::model::{Action, Plan, RagCounts, RagSource};
use crate::text::{clip, first_line, terminal_safe};
use chrono::NaiveDate;
use std::fmt::Write;
use std::path::{Path, PathBuf};

const TITLE_WIDTH: usize = 44;
const ACTION_WIDTH: usize = 50;

/// Prints a summary of each plan file in the store.
pub fn run(path: &Path, today: Option<NaiveDate>) -> anyhow::Result<Status> {
    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut status = Status::Ok;
    let files: Vec<PathBuf> = files_of(&[path.to_path_buf()])?;
    for (i, path) in files.iter().enumerate() {
        let Some(file) = open_or_report(path)? else {
            status = status.and(Status::Invalid);
            continue;
        };
        if i > 0 {
            println!();
        }
        // Plan text may hold escape sequences: never let them reach the terminal.
        print!("{}", terminal_safe(&render(path, &file.plan, today)));
    }
    Ok(status)
}

/// The summary of one plan as text.
pub fn render(path: &Path, plan: &Plan, today: NaiveDate) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}): {}, {}",
        path.display(),
        plan.period,
        plan.board,
        plan.title
    );
    out.push('\n');
    let _ = writeln!(
        out,
        "{:<w$}  {:>7}  {:>3}  {:>5}  {:>5}  {:>4}  {:>7}  {:>7}",
        "Theme",
        "Actions",
        "Red",
        "Amber",
        "Green",
        "Blue",
        "Unrated",
        "Overdue",
        w = TITLE_WIDTH + 6
    );
    let mut total = RagCounts::default();
    let mut total_overdue = 0;
    for theme in &plan.themes {
        let summary = theme.summary(today);
        let label = format!(
            "{:<5} {}",
            clip(&summary.reference, 5),
            clip(&summary.title, TITLE_WIDTH)
        );
        row(&mut out, &label, &summary.counts, summary.overdue);
        for action in &theme.actions {
            total.add(action.rating());
        }
        total_overdue += summary.overdue;
    }
    row(
        &mut out,
        &format!("{:<5} All themes", ""),
        &total,
        total_overdue,
    );
    let derived = plan
        .actions()
        .filter(|(_, a)| matches!(a.effective_rag(), Some((_, RagSource::Milestones))))
        .count();
    if derived > 0 {
        let (verb, whose) = if derived == 1 {
            ("is", "the action has none of its own, so its")
        } else {
            ("are", "those actions have none of their own, so their")
        };
        let _ = writeln!(
            out,
            "\n{derived} of these ratings {verb} derived: {whose} worst open milestone's counts (marked * in the lists)"
        );
    }
    let overdue: Vec<&Action> = plan.overdue_actions(today).map(|(_, a)| a).collect();
    list(&mut out, plan, &format!("Overdue on {today}"), &overdue);
    let unrated: Vec<&Action> = plan.unrated_actions().map(|(_, a)| a).collect();
    list(&mut out, plan, "Not yet rated", &unrated);
    out
}

fn row(out: &mut String, label: &str, counts: &RagCounts, overdue: usize) {
    let _ = writeln!(
        out,
        "{:<w$}  {:>7}  {:>3}  {:>5}  {:>5}  {:>4}  {:>7}  {:>7}",
        label,
        counts.total(),
        counts.red,
        counts.amber,
        counts.green,
        counts.blue,
        counts.unrated,
        overdue,
        w = TITLE_WIDTH + 6
    );
}

fn list(out: &mut String, plan: &Plan, heading: &str, actions: &[&Action]) {
    let _ = writeln!(out, "\n{heading}: {}", actions.len());
    for action in actions {
        let due = action
            .due
            .as_ref()
            .map(|d| format!("due {d}"))
            .unwrap_or_default();
        let rag = match action.effective_rag() {
            Some((rag, RagSource::Own)) => rag.to_string(),
            Some((rag, RagSource::Milestones)) => format!("{rag}*"),
            None => "unrated".into(),
        };
        let owners: Vec<&str> = action
            .owners
            .iter()
            .map(|o| plan.owner_full_name(o).map_or(o.as_str(), |_| o))
            .collect();
        let line = format!(
            "  {:<6} {:<w$}  {:<14} {:<7} {}",
            clip(&action.reference, 6),
            clip(first_line(&action.action), ACTION_WIDTH),
            due,
            rag,
            owners.join(", "),
            w = ACTION_WIDTH
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
}
