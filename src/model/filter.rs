//! Which actions to show: free-text search, owner, rating, overdue, unrated, green-but-overdue.
//! Filters combine: an action is shown when it passes every active one.

use super::{ACTION_FIELDS, Action, Due, FieldSpec, MILESTONE_FIELDS, Plan, Rag, Slot};
use chrono::NaiveDate;

/// The rating an action must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RagFilter {
    /// Rated this.
    Rated(Rag),
    /// Not yet rated.
    Unrated,
}

/// A combination of filters; the default shows everything.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Text that must appear (case-insensitive) in the ref or any text of the action.
    pub search: String,
    /// An owner the action must have (short name, or its full name from the glossary).
    pub owner: Option<String>,
    /// The rating the action must have.
    pub rag: Option<RagFilter>,
    /// Only actions past their deadline and not complete.
    pub overdue: bool,
    /// Only actions rated green although past their deadline.
    pub green_but_overdue: bool,
}

impl Filter {
    /// True when some filter is active.
    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }

    /// Does `action` of `plan` pass every active filter on `today`?
    pub fn matches(&self, plan: &Plan, action: &Action, today: NaiveDate) -> bool {
        self.matches_besides_search(plan, action, today)
            && (self.search.is_empty() || mentions(plan, action, &self.search.to_lowercase()))
    }

    /// Does `action` pass every active filter other than the search?
    pub fn matches_besides_search(&self, plan: &Plan, action: &Action, today: NaiveDate) -> bool {
        let rag_ok = match self.rag {
            None => true,
            Some(RagFilter::Rated(rag)) => action.rating() == Some(rag),
            Some(RagFilter::Unrated) => action.rating().is_none(),
        };
        rag_ok
            && (!self.overdue || action.is_overdue(today))
            && (!self.green_but_overdue
                || (action.rating() == Some(Rag::Green) && action.is_overdue(today)))
            && self
                .owner
                .as_deref()
                .is_none_or(|owner| has_owner(plan, action, owner))
    }

    /// The active filters in words, for the status bar: `"/dataset" owner QEG, red, overdue`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.search.is_empty() {
            parts.push(format!("/{}", self.search));
        }
        if let Some(owner) = &self.owner {
            parts.push(format!("owner {owner}"));
        }
        match self.rag {
            Some(RagFilter::Rated(rag)) => parts.push(rag.as_str().to_string()),
            Some(RagFilter::Unrated) => parts.push("unrated".into()),
            None => {}
        }
        if self.overdue {
            parts.push("overdue".into());
        }
        if self.green_but_overdue {
            parts.push("green but overdue".into());
        }
        parts.join(", ")
    }
}

/// Everything the search looks at in one action, lower-cased, one field a line: searching this
/// text gives the same answer as [`Filter::matches`] for a one-line search, and lets a UI build
/// it once and search it on every key press.
pub fn search_text(plan: &Plan, action: &Action) -> String {
    let mut parts: Vec<&str> = texts(ACTION_FIELDS, action).collect();
    for owner in &action.owners {
        parts.push(owner);
        parts.extend(plan.owner_full_name(owner));
    }
    for milestone in &action.milestones {
        parts.extend(texts(MILESTONE_FIELDS, milestone));
        parts.extend(milestone.owners.iter().map(String::as_str));
    }
    let due = action
        .due
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    parts.push(&due);
    parts.join("\n").to_lowercase()
}

/// The text fields of an element (an action's ref, text, outcome, progress, notes) that hold
/// something, in table order.
fn texts<'a, E>(table: &'static [FieldSpec<E>], element: &'a E) -> impl Iterator<Item = &'a str> {
    table.iter().filter_map(move |spec| match &spec.slot {
        Slot::Required(get, _) => Some(get(element).as_str()),
        Slot::Text(get, _) => get(element).as_deref(),
        _ => None,
    })
}

/// Whether a timescale, as shown, contains the needle (dates are only spelled out when the
/// needle could be part of one).
fn due_mentions(due: &Due, needle: &str) -> bool {
    match due {
        Due::Text(text) => contains_folded(text, needle),
        Due::Ongoing => "ongoing".contains(needle),
        Due::Date(_) | Due::Month { .. } => {
            needle.bytes().all(|b| b.is_ascii_digit() || b == b'-')
                && due.to_string().contains(needle)
        }
    }
}

fn has_owner(plan: &Plan, action: &Action, owner: &str) -> bool {
    action
        .owners
        .iter()
        .any(|o| o == owner || plan.owner_full_name(o) == Some(owner))
}

/// Whether `haystack` contains the lower-cased `needle`, ignoring case; without allocating
/// when both are ASCII (the common case), so searching a large plan stays fast.
fn contains_folded(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    if !(haystack.is_ascii() && needle.is_ascii()) {
        return haystack.to_lowercase().contains(needle);
    }
    let (hay, pattern) = (haystack.as_bytes(), needle.as_bytes());
    let (lower, upper) = (pattern[0], pattern[0].to_ascii_uppercase());
    memchr::memchr2_iter(lower, upper, hay).any(|i| {
        hay.get(i..i + pattern.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(pattern))
    })
}

/// Whether the lower-cased `needle` appears in the action's ref, text, owners or milestones.
fn mentions(plan: &Plan, action: &Action, needle: &str) -> bool {
    let found = |text: &str| contains_folded(text, needle);
    texts(ACTION_FIELDS, action).any(found)
        || action.due.as_ref().is_some_and(|d| due_mentions(d, needle))
        || action
            .owners
            .iter()
            .any(|o| found(o) || plan.owner_full_name(o).is_some_and(found))
        || action
            .milestones
            .iter()
            .any(|m| texts(MILESTONE_FIELDS, m).any(found) || m.owners.iter().any(|o| found(o)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{GlossaryEntry, Milestone, Theme};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn plan() -> Plan {
        let action = |r: &str, rag, due, owner: &str, text: &str| Action {
            reference: r.into(),
            action: text.into(),
            rag,
            due,
            owners: vec![owner.into()],
            ..Action::default()
        };
        let mut second = action(
            "1.2",
            Some(Rag::Green),
            Some(Due::Date(day(2013, 7, 31))),
            "SLDG",
            "Train staff",
        );
        second.milestones.push(Milestone {
            milestone: "Book the venue".into(),
            ..Milestone::default()
        });
        Plan {
            owners: vec![GlossaryEntry {
                short: "QEG".into(),
                full: "Quality & Effectiveness Group".into(),
            }],
            themes: vec![Theme {
                actions: vec![
                    action(
                        "1.1",
                        Some(Rag::Red),
                        Some(Due::Ongoing),
                        "QEG",
                        "Monitor the Dataset",
                    ),
                    second,
                    action(
                        "1.3",
                        None,
                        Some(Due::Month {
                            year: 2014,
                            month: 3,
                        }),
                        "QEG",
                        "Audit",
                    ),
                ],
                ..Theme::default()
            }],
            ..Plan::default()
        }
    }

    fn shown(filter: &Filter) -> Vec<String> {
        let plan = plan();
        plan.actions()
            .filter(|(_, a)| filter.matches(&plan, a, day(2013, 9, 1)))
            .map(|(_, a)| a.reference.clone())
            .collect()
    }

    #[test]
    fn each_filter_and_combinations() {
        assert_eq!(shown(&Filter::default()), ["1.1", "1.2", "1.3"]);
        assert_eq!(
            shown(&Filter {
                search: "dataset".into(),
                ..Filter::default()
            }),
            ["1.1"]
        );
        assert_eq!(
            shown(&Filter {
                search: "venue".into(),
                ..Filter::default()
            }),
            ["1.2"]
        );
        assert_eq!(
            shown(&Filter {
                search: "effectiveness".into(),
                ..Filter::default()
            }),
            ["1.1", "1.3"]
        );
        assert_eq!(
            shown(&Filter {
                owner: Some("QEG".into()),
                ..Filter::default()
            }),
            ["1.1", "1.3"]
        );
        assert_eq!(
            shown(&Filter {
                rag: Some(RagFilter::Unrated),
                ..Filter::default()
            }),
            ["1.3"]
        );
        assert_eq!(
            shown(&Filter {
                overdue: true,
                ..Filter::default()
            }),
            ["1.2"]
        );
        assert_eq!(
            shown(&Filter {
                green_but_overdue: true,
                ..Filter::default()
            }),
            ["1.2"]
        );
        let combined = Filter {
            owner: Some("QEG".into()),
            rag: Some(RagFilter::Rated(Rag::Red)),
            ..Filter::default()
        };
        assert_eq!(shown(&combined), ["1.1"]);
        assert_eq!(combined.describe(), "owner QEG, red");
        assert!(!Filter::default().is_active() && combined.is_active());
    }

    #[test]
    fn the_search_text_agrees_with_the_filter() {
        let plan = plan();
        for needle in [
            "dataset",
            "venue",
            "effectiveness",
            "2013-07",
            "qeg",
            "ongoing",
            "zzz",
        ] {
            let filter = Filter {
                search: needle.into(),
                ..Filter::default()
            };
            for (_, action) in plan.actions() {
                let indexed = search_text(&plan, action).contains(needle);
                assert_eq!(
                    indexed,
                    filter.matches(&plan, action, day(2013, 9, 1)),
                    "{needle} in {}",
                    action.reference
                );
            }
        }
    }

    #[test]
    fn case_folding_with_and_without_ascii() {
        assert!(contains_folded("Monitor the DATASET", "dataset"));
        assert!(contains_folded("Étude des CAS", "étude"));
        assert!(!contains_folded("short", "much longer needle"));
        assert!(contains_folded("anything", ""));
    }
}
