//! The columns of the spreadsheet formats (CSV and Excel): one table, so both say the same.
//! One row per action; full text, never cut; owners joined with "; ".

use super::paper::{ActionRow, Paper, ThemeSection};
use super::words;

/// The columns every export has, with a width (in characters) for Excel.
pub const BASE: [(&str, f64); 13] = [
    ("theme_ref", 9.0),
    ("theme", 30.0),
    ("ref", 7.0),
    ("action", 50.0),
    ("outcome", 30.0),
    ("owners", 24.0),
    ("due", 16.0),
    ("progress", 60.0),
    ("rag", 9.0),
    ("rag_from_milestones", 12.0),
    ("overdue", 9.0),
    ("milestones", 40.0),
    ("notes", 30.0),
];

/// The columns added with `--since`.
pub const SINCE: [(&str, f64); 3] = [("rag_before", 10.0), ("travel", 12.0), ("changes", 30.0)];

/// Where the rating is, for colouring it.
pub const RAG_COLUMN: usize = 8;

/// The header row's names and widths for this paper.
pub fn header(paper: &Paper) -> Vec<(&'static str, f64)> {
    let mut columns = BASE.to_vec();
    if paper.since.is_some() {
        columns.extend(SINCE);
    }
    columns
}

/// One action's cells, in [`header`] order.
pub fn cells(paper: &Paper, theme: &ThemeSection, action: &ActionRow) -> Vec<String> {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let mut cells = vec![
        theme.reference.clone(),
        theme.title.clone(),
        action.reference.clone(),
        action.action.clone(),
        text(&action.outcome),
        action.owners.join("; "),
        action.due.clone(),
        text(&action.progress),
        words::rag_cell(action.rag).to_string(),
        words::rag_cell(action.derived).to_string(),
        if action.overdue { "yes" } else { "" }.to_string(),
        milestones(action),
        text(&action.notes),
    ];
    if paper.since.is_some() {
        let travel = action.travel.as_ref();
        cells.push(travel.map_or("", |t| words::rag_cell(t.before)).to_string());
        cells.push(travel.map_or("", |t| t.direction.label()).to_string());
        cells.push(travel.map(|t| t.notes().join("; ")).unwrap_or_default());
    }
    cells
}

/// The milestones, one line each: "step (owners; due; rating)".
fn milestones(action: &ActionRow) -> String {
    action
        .milestones
        .iter()
        .map(|m| {
            let details: Vec<String> = [
                m.owners.join(", "),
                m.due.clone(),
                words::rag_cell(m.rag).to_string(),
            ]
            .into_iter()
            .filter(|d| !d.is_empty())
            .collect();
            if details.is_empty() {
                m.milestone.clone()
            } else {
                format!("{} ({})", m.milestone, details.join("; "))
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
