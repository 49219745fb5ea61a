//! Derived facts: overdue actions, RAG counts per theme, and who owns what across a store.

use super::{Action, ActionPos, Plan, Rag, Theme};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// How many items carry each rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RagCounts {
    /// Rated red.
    pub red: usize,
    /// Rated amber.
    pub amber: usize,
    /// Rated green.
    pub green: usize,
    /// Rated blue (complete).
    pub blue: usize,
    /// Not yet rated.
    pub unrated: usize,
}

impl RagCounts {
    /// Counts one rating (or its absence).
    pub fn add(&mut self, rag: Option<Rag>) {
        match rag {
            Some(Rag::Red) => self.red += 1,
            Some(Rag::Amber) => self.amber += 1,
            Some(Rag::Green) => self.green += 1,
            Some(Rag::Blue) => self.blue += 1,
            None => self.unrated += 1,
        }
    }

    /// The count for one rating, or for unrated with `None`.
    pub fn get(&self, rag: Option<Rag>) -> usize {
        match rag {
            Some(Rag::Red) => self.red,
            Some(Rag::Amber) => self.amber,
            Some(Rag::Green) => self.green,
            Some(Rag::Blue) => self.blue,
            None => self.unrated,
        }
    }

    /// Everything counted.
    pub fn total(&self) -> usize {
        self.red + self.amber + self.green + self.blue + self.unrated
    }
}

/// A theme at a glance: its action ratings and how many actions are overdue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeSummary {
    /// The theme's ref.
    pub reference: String,
    /// The theme's title.
    pub title: String,
    /// Ratings of its actions.
    pub counts: RagCounts,
    /// Actions past their deadline and not complete.
    pub overdue: usize,
}

impl Action {
    /// Past its deadline on `today` and not rated blue (complete), by its own rating or the
    /// one derived from its milestones.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.rating() != Some(Rag::Blue) && self.due.as_ref().is_some_and(|d| d.is_past(today))
    }
}

impl Theme {
    /// Ratings of the theme's actions (their own, or derived from their milestones).
    pub fn rag_counts(&self) -> RagCounts {
        let mut counts = RagCounts::default();
        self.actions.iter().for_each(|a| counts.add(a.rating()));
        counts
    }

    /// The theme at a glance on `today`.
    pub fn summary(&self, today: NaiveDate) -> ThemeSummary {
        ThemeSummary {
            reference: self.reference.clone(),
            title: self.title.clone(),
            counts: self.rag_counts(),
            overdue: self.actions.iter().filter(|a| a.is_overdue(today)).count(),
        }
    }
}

impl Plan {
    /// Actions overdue on `today`, in plan order.
    pub fn overdue_actions(&self, today: NaiveDate) -> impl Iterator<Item = (ActionPos, &Action)> {
        self.actions().filter(move |(_, a)| a.is_overdue(today))
    }

    /// Actions with no rating, not even one derived from milestones, in plan order.
    pub fn unrated_actions(&self) -> impl Iterator<Item = (ActionPos, &Action)> {
        self.actions().filter(|(_, a)| a.rating().is_none())
    }

    /// Ratings of every action in the plan (own or derived).
    pub fn rag_counts(&self) -> RagCounts {
        let mut counts = RagCounts::default();
        self.actions().for_each(|(_, a)| counts.add(a.rating()));
        counts
    }

    /// The full name of an owner from the glossary, if it has one.
    pub fn owner_full_name(&self, short: &str) -> Option<&str> {
        self.owners
            .iter()
            .find(|e| e.short == short)
            .map(|e| e.full.as_str())
    }
}

/// Every owner named in a store, with the actions each owns: the "owner view".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnerIndex {
    /// Owner -> (index of the plan in the store, position of the action), in store order.
    pub owners: BTreeMap<String, Vec<(usize, ActionPos)>>,
}

impl OwnerIndex {
    /// Indexes the owners of every action (and glossary entry) of the given plans.
    pub fn build<'a>(plans: impl IntoIterator<Item = &'a Plan>) -> OwnerIndex {
        let mut owners: BTreeMap<String, Vec<(usize, ActionPos)>> = BTreeMap::new();
        for (plan_index, plan) in plans.into_iter().enumerate() {
            for entry in &plan.owners {
                owners.entry(entry.short.clone()).or_default();
            }
            for (pos, action) in plan.actions() {
                for owner in &action.owners {
                    owners
                        .entry(owner.clone())
                        .or_default()
                        .push((plan_index, pos));
                }
            }
        }
        OwnerIndex { owners }
    }

    /// Owner names in order, for completion.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.owners.keys().map(String::as_str)
    }

    /// The actions one owner is responsible for.
    pub fn actions_of(&self, owner: &str) -> &[(usize, ActionPos)] {
        self.owners.get(owner).map(Vec::as_slice).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Due, GlossaryEntry};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn action(reference: &str, rag: Option<Rag>, due: Option<Due>, owners: &[&str]) -> Action {
        Action {
            reference: reference.into(),
            action: "x".into(),
            rag,
            due,
            owners: owners.iter().map(|o| o.to_string()).collect(),
            ..Action::default()
        }
    }

    fn plan() -> Plan {
        Plan {
            owners: vec![GlossaryEntry {
                short: "QEG".into(),
                full: "Quality & Effectiveness Group".into(),
            }],
            themes: vec![Theme {
                reference: "1".into(),
                actions: vec![
                    action(
                        "1.1",
                        Some(Rag::Green),
                        Some(Due::Date(day(2013, 7, 31))),
                        &["QEG"],
                    ),
                    action(
                        "1.2",
                        Some(Rag::Blue),
                        Some(Due::Date(day(2013, 7, 31))),
                        &["SLDG"],
                    ),
                    action(
                        "1.3",
                        None,
                        Some(Due::Month {
                            year: 2013,
                            month: 8,
                        }),
                        &["QEG", "SLDG"],
                    ),
                    action("1.4", Some(Rag::Red), Some(Due::Ongoing), &[]),
                ],
                ..Theme::default()
            }],
            ..Plan::default()
        }
    }

    #[test]
    fn overdue_ignores_blue_and_undated() {
        let plan = plan();
        let overdue: Vec<&str> = plan
            .overdue_actions(day(2013, 8, 1))
            .map(|(_, a)| a.reference.as_str())
            .collect();
        assert_eq!(overdue, ["1.1"]);
        let later: Vec<&str> = plan
            .overdue_actions(day(2013, 9, 1))
            .map(|(_, a)| a.reference.as_str())
            .collect();
        assert_eq!(later, ["1.1", "1.3"]);
    }

    #[test]
    fn counts_and_summary() {
        let plan = plan();
        let summary = plan.themes[0].summary(day(2013, 9, 1));
        assert_eq!(
            summary.counts,
            RagCounts {
                red: 1,
                amber: 0,
                green: 1,
                blue: 1,
                unrated: 1
            }
        );
        assert_eq!(summary.overdue, 2);
        assert_eq!(plan.rag_counts().total(), 4);
        assert_eq!(plan.unrated_actions().count(), 1);
    }

    #[test]
    fn owner_index_across_plans() {
        let first = plan();
        let second = plan();
        let index = OwnerIndex::build([&first, &second]);
        assert_eq!(index.names().collect::<Vec<_>>(), ["QEG", "SLDG"]);
        assert_eq!(index.actions_of("SLDG").len(), 4);
        assert_eq!(
            index.actions_of("QEG")[2],
            (
                1,
                ActionPos {
                    theme: 0,
                    action: 0
                }
            )
        );
        assert_eq!(
            first.owner_full_name("QEG"),
            Some("Quality & Effectiveness Group")
        );
    }
}
