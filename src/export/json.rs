//! The plan as JSON for other tools: the plan's own fields (only the selected themes and actions
//! when filtered) and, with `--since`, each action's direction of travel.

use super::paper::Paper;
use super::travel::Since;
use crate::model::Plan;
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Serialize)]
struct WithSince<'a> {
    #[serde(flatten)]
    plan: &'a Plan,
    since: &'a Since,
}

/// The plan (as selected in `paper`) as pretty-printed JSON, keys in file order, empty optional
/// fields left out; a `since` object at the end when the paper has the direction of travel.
pub fn paper(plan: &Plan, paper: &Paper) -> String {
    let selected;
    let plan = if selects_all(plan, paper) {
        plan
    } else {
        selected = select(plan, paper);
        &selected
    };
    let Some(since) = &paper.since else {
        return super::json(plan);
    };
    let mut text = serde_json::to_string_pretty(&WithSince { plan, since }).unwrap_or_default();
    text.push('\n');
    text
}

fn selects_all(plan: &Plan, paper: &Paper) -> bool {
    paper.themes.len() == plan.themes.len() && paper.actions().count() == plan.actions().count()
}

fn select(plan: &Plan, paper: &Paper) -> Plan {
    let themes: BTreeSet<&str> = paper.themes.iter().map(|t| t.reference.as_str()).collect();
    let actions: BTreeSet<&str> = paper.actions().map(|(_, a)| a.reference.as_str()).collect();
    let mut plan = plan.clone();
    plan.themes
        .retain(|t| themes.contains(t.reference.as_str()));
    for theme in &mut plan.themes {
        theme
            .actions
            .retain(|a| actions.contains(a.reference.as_str()));
        if paper
            .themes
            .iter()
            .any(|t| t.reference == theme.reference && t.measures.is_empty())
        {
            theme.measures.clear();
        }
    }
    plan
}
