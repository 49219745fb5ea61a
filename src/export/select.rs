//! Which part of the plan to publish: one owner's pack, one theme, some ratings, the overdue.
//! Names the user gives are checked against the plan, and a wrong one lists the right ones.

use crate::model::{Action, Plan, RagFilter};
use chrono::NaiveDate;

/// What to publish, and as at which day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The day "overdue" is counted on.
    pub as_at: NaiveDate,
    /// Only actions of this owner (a glossary short or full name, or a name as written).
    pub owner: Option<String>,
    /// Only this theme (by ref).
    pub theme: Option<String>,
    /// Only actions with one of these ratings (empty: any).
    pub rags: Vec<RagFilter>,
    /// Only actions overdue on `as_at`.
    pub overdue: bool,
    /// Only actions mentioning this text anywhere (the UI's search; empty: any).
    pub search: String,
    /// Only actions rated green although overdue on `as_at`.
    pub green_but_overdue: bool,
}

impl Options {
    /// Everything, as at `as_at`.
    pub fn all(as_at: NaiveDate) -> Options {
        Options {
            as_at,
            owner: None,
            theme: None,
            rags: Vec::new(),
            overdue: false,
            search: String::new(),
            green_but_overdue: false,
        }
    }

    /// True when some actions may be left out (not counting the theme choice).
    pub fn filters_actions(&self) -> bool {
        self.owner.is_some()
            || !self.rags.is_empty()
            || self.overdue
            || !self.search.is_empty()
            || self.green_but_overdue
    }

    /// The choices in words, for the cover ("Owner: QEG", "Ratings: red, amber").
    pub fn describe(&self) -> Vec<String> {
        let mut parts = Vec::new();
        if let Some(owner) = &self.owner {
            parts.push(format!("Owner: {owner}"));
        }
        if let Some(theme) = &self.theme {
            parts.push(format!("Theme: {theme}"));
        }
        if !self.rags.is_empty() {
            let names: Vec<&str> = self.rags.iter().map(|r| rag_filter_name(*r)).collect();
            parts.push(format!("Ratings: {}", names.join(", ")));
        }
        if self.overdue {
            parts.push("Overdue only".to_string());
        }
        if self.green_but_overdue {
            parts.push("Green but overdue only".to_string());
        }
        if !self.search.is_empty() {
            parts.push(format!("Search: \u{201c}{}\u{201d}", self.search));
        }
        parts
    }
}

/// A filter that names nothing in the plan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectError {
    /// No owner of that name.
    #[error("no owner '{name}' in this plan; owners: {}", valid.join(", "))]
    UnknownOwner {
        /// The name given.
        name: String,
        /// Every owner the plan names.
        valid: Vec<String>,
    },
    /// No theme with that ref.
    #[error("no theme '{reference}' in this plan; themes: {}", valid.join(", "))]
    UnknownTheme {
        /// The ref given.
        reference: String,
        /// Every theme ref.
        valid: Vec<String>,
    },
}

/// The canonical name of a rating filter: `red` ... `blue`, `unrated`.
pub fn rag_filter_name(filter: RagFilter) -> &'static str {
    match filter {
        RagFilter::Rated(rag) => rag.as_str(),
        RagFilter::Unrated => "unrated",
    }
}

/// The owner names a filter accepts: glossary entries (`QEG (Quality & Effectiveness Group)`)
/// then every other name on an action or milestone, sorted.
pub fn owner_names(plan: &Plan) -> Vec<String> {
    let mut names: Vec<String> = plan
        .owners
        .iter()
        .map(|e| format!("{} ({})", e.short, e.full))
        .collect();
    let mut others = std::collections::BTreeSet::new();
    for (_, action) in plan.actions() {
        let milestones = action.milestones.iter().flat_map(|m| &m.owners);
        for owner in action.owners.iter().chain(milestones) {
            if plan.owner_full_name(owner).is_none() {
                others.insert(owner.clone());
            }
        }
    }
    names.extend(others);
    names
}

/// Checks the owner and theme named in `options` exist in `plan`.
pub fn check(plan: &Plan, options: &Options) -> Result<(), SelectError> {
    if let Some(reference) = &options.theme
        && plan.theme_index(reference).is_none()
    {
        return Err(SelectError::UnknownTheme {
            reference: reference.clone(),
            valid: plan.themes.iter().map(|t| t.reference.clone()).collect(),
        });
    }
    if let Some(name) = &options.owner {
        let known = plan.actions().any(|(_, a)| owns(plan, a, name))
            || plan
                .owners
                .iter()
                .any(|e| same(&e.short, name) || same(&e.full, name));
        if !known {
            return Err(SelectError::UnknownOwner {
                name: name.clone(),
                valid: owner_names(plan),
            });
        }
    }
    Ok(())
}

/// How many actions of `plan` the choices of `options` publish.
pub fn selected(plan: &Plan, options: &Options) -> usize {
    plan.themes
        .iter()
        .filter(|t| options.theme.as_ref().is_none_or(|r| *r == t.reference))
        .flat_map(|t| &t.actions)
        .filter(|a| keeps(plan, a, options))
        .count()
}

/// Does `action` pass the action filters of `options`?
pub fn keeps(plan: &Plan, action: &Action, options: &Options) -> bool {
    let rag_ok = options.rags.is_empty()
        || options.rags.iter().any(|f| match f {
            RagFilter::Rated(rag) => action.rating() == Some(*rag),
            RagFilter::Unrated => action.rating().is_none(),
        });
    rag_ok
        && (!options.overdue || action.is_overdue(options.as_at))
        && (!options.green_but_overdue
            || (action.rating() == Some(crate::model::Rag::Green)
                && action.is_overdue(options.as_at)))
        && (options.search.is_empty() || mentions(plan, action, &options.search))
        && options
            .owner
            .as_deref()
            .is_none_or(|o| owns(plan, action, o))
}

/// Is `name` (short or full, any capitalisation) an owner of the action or of one of its
/// milestones?
fn owns(plan: &Plan, action: &Action, name: &str) -> bool {
    let milestones = action.milestones.iter().flat_map(|m| &m.owners);
    action.owners.iter().chain(milestones).any(|owner| {
        same(owner, name)
            || plan
                .owner_full_name(owner)
                .is_some_and(|full| same(full, name))
    })
}

/// Does `action` mention `text`, as the UI's search finds it?
fn mentions(plan: &Plan, action: &Action, text: &str) -> bool {
    crate::model::search_text(plan, action).contains(&text.to_lowercase())
}

fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}
