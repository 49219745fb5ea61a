//! One theme of the HTML paper: its heading and details, the actions table (ref, action, owner,
//! timescale, progress, RAG, and the direction of travel when asked), milestones under their
//! action, and the theme's measures.

use super::html::{escape, rag_badge, rag_cell};
use super::html_css::rag_class;
use super::paper::{ActionRow, MeasureRow, MilestoneRow, Paper, ThemeSection};
use super::words;
use std::fmt::Write;

/// Writes one theme's section.
pub fn theme(out: &mut String, paper: &Paper, section: &ThemeSection, index: usize) {
    let _ = write!(
        out,
        "<section class=\"theme\" aria-labelledby=\"theme-{index}\">\n<h2 id=\"theme-{index}\">{} {}</h2>\n",
        escape(&section.reference),
        escape(&section.title)
    );
    details(out, section);
    if section.actions.is_empty() {
        out.push_str("<p class=\"muted\">No actions.</p>\n");
    } else {
        actions_table(out, paper, section);
    }
    if !section.measures.is_empty() {
        measures_table(out, section);
    }
    out.push_str("</section>\n");
}

fn details(out: &mut String, section: &ThemeSection) {
    if let Some(description) = &section.description {
        let _ = writeln!(out, "<p class=\"t\">{}</p>", escape(description));
    }
    let mut facts = Vec::new();
    if let Some(lead) = &section.lead {
        facts.push(format!("<strong>Strategic lead:</strong> {}", escape(lead)));
    }
    if let Some(accountable) = &section.accountable {
        facts.push(format!(
            "<strong>Accountable:</strong> {}",
            escape(accountable)
        ));
    }
    if let Some(rag) = section.rag {
        facts.push(format!(
            "<strong>Overall rating:</strong> {}",
            words::rag(Some(rag))
        ));
    }
    for (label, text) in &section.custom {
        facts.push(format!(
            "<strong>{}:</strong> <span class=\"t\">{}</span>",
            escape(label),
            escape(text)
        ));
    }
    if !facts.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", facts.join(" · "));
    }
}

fn actions_table(out: &mut String, paper: &Paper, section: &ThemeSection) {
    let _ = write!(
        out,
        "<table class=\"actions\">\n<caption class=\"note\">Actions of theme {}</caption>\n<thead><tr>\
<th scope=\"col\" class=\"col-ref\">Ref</th><th scope=\"col\" class=\"col-action\">Action</th><th scope=\"col\" class=\"col-owner\">Owner</th>\
<th scope=\"col\" class=\"col-due\">Timescale</th><th scope=\"col\">Progress</th><th scope=\"col\" class=\"col-rag\">RAG</th>",
        escape(&section.reference)
    );
    if let Some(since) = &paper.since {
        let _ = write!(
            out,
            "<th scope=\"col\" class=\"col-since\">Since {}</th>",
            escape(&since.label)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for action in &section.actions {
        action_row(out, paper, action);
        for milestone in &action.milestones {
            milestone_row(out, paper, milestone);
        }
    }
    out.push_str("</tbody>\n</table>\n");
}

fn action_row(out: &mut String, paper: &Paper, action: &ActionRow) {
    let _ = write!(
        out,
        "<tr><th scope=\"row\">{}</th><td><div class=\"t\">{}</div>",
        escape(&action.reference),
        escape(&action.action)
    );
    if let Some(outcome) = &action.outcome {
        let _ = write!(
            out,
            "<div class=\"note t\"><strong>Outcome:</strong> {}</div>",
            escape(outcome)
        );
    }
    if let Some(notes) = &action.notes {
        let _ = write!(
            out,
            "<div class=\"note t\"><strong>Notes:</strong> {}</div>",
            escape(notes)
        );
    }
    for (label, text) in &action.custom {
        let _ = write!(
            out,
            "<div class=\"note t\"><strong>{}:</strong> {}</div>",
            escape(label),
            escape(text)
        );
    }
    let _ = write!(
        out,
        "</td><td class=\"t\">{}</td><td>{}",
        escape(&action.owners.join("\n")),
        escape(&action.due)
    );
    if action.overdue {
        out.push_str("<div class=\"flag\">Overdue</div>");
    }
    out.push_str("</td><td>");
    if action.travel.as_ref().is_some_and(|t| t.progress_updated) {
        out.push_str("<div><strong>New progress</strong></div>");
    }
    let _ = write!(
        out,
        "<div class=\"t\">{}</div></td>",
        escape(action.progress.as_deref().unwrap_or(""))
    );
    action_rag(out, action);
    if paper.since.is_some() {
        travel_cell(out, action);
    }
    out.push_str("</tr>\n");
}

/// An action's rating cell: its own, or the derived one marked "from milestones".
pub(super) fn action_rag(out: &mut String, action: &ActionRow) {
    match (action.rag, action.derived) {
        (None, Some(derived)) => {
            let _ = write!(
                out,
                "<td class=\"rag r-{}\">{}<div class=\"derived\">from milestones</div></td>",
                rag_class(Some(derived)),
                rag_badge(Some(derived))
            );
        }
        (rag, _) => rag_cell(out, rag),
    }
}

fn travel_cell(out: &mut String, action: &ActionRow) {
    let Some(travel) = &action.travel else {
        out.push_str("<td></td>");
        return;
    };
    let class = if travel.direction == super::travel::Direction::Worsened {
        " class=\"flag\""
    } else {
        ""
    };
    let _ = write!(
        out,
        "<td><div{class}><span aria-hidden=\"true\">{}</span> {}</div>",
        travel.direction.arrow(),
        travel.direction.label()
    );
    if travel.direction != super::travel::Direction::New {
        let _ = write!(
            out,
            "<div class=\"note\">{} → {}</div>",
            words::rag(travel.before),
            words::rag(action.rag)
        );
    }
    for note in travel.notes() {
        let _ = write!(out, "<div class=\"note\">{}</div>", escape(&note));
    }
    out.push_str("</td>");
}

fn milestone_row(out: &mut String, paper: &Paper, milestone: &MilestoneRow) {
    let _ = write!(
        out,
        "<tr class=\"milestone\"><td><span class=\"muted\">milestone</span></td>\
<td class=\"t\"><span aria-hidden=\"true\">↳ </span>{}</td><td class=\"t\">{}</td><td>{}</td><td class=\"t\">{}</td>",
        escape(&milestone.milestone),
        escape(&milestone.owners.join("\n")),
        escape(&milestone.due),
        escape(milestone.progress.as_deref().unwrap_or(""))
    );
    rag_cell(out, milestone.rag);
    if paper.since.is_some() {
        out.push_str("<td></td>");
    }
    out.push_str("</tr>\n");
}

fn measures_table(out: &mut String, section: &ThemeSection) {
    let _ = write!(
        out,
        "<h3>Measures of theme {}</h3>\n<table class=\"measures\">\n<thead><tr><th scope=\"col\">Measure</th>\
<th scope=\"col\">Baseline</th><th scope=\"col\">Target</th><th scope=\"col\">Latest</th>\
<th scope=\"col\">As of</th><th scope=\"col\" class=\"col-rag\">RAG</th></tr></thead>\n<tbody>\n",
        escape(&section.reference)
    );
    for measure in &section.measures {
        measure_row(out, measure);
    }
    out.push_str("</tbody>\n</table>\n");
}

fn measure_row(out: &mut String, measure: &MeasureRow) {
    let _ = write!(
        out,
        "<tr><th scope=\"row\" class=\"t\">{}</th><td class=\"t\">{}</td><td class=\"t\">{}</td>\
<td class=\"t\">{}</td><td>{}</td>",
        escape(&measure.measure),
        escape(&measure.baseline),
        escape(&measure.target),
        escape(&measure.latest),
        escape(&measure.as_of)
    );
    rag_cell(out, measure.rag);
    out.push_str("</tr>\n");
}
