//! Direction of travel since an earlier version of the plan (a meeting): each action's rating
//! then and now, and what changed. The comparison itself is the review module's; [`since`] is the
//! one function that reads it, so a change there touches only that function.

use super::words;
use crate::model::{Plan, Rag};
use crate::review::diff::{ChangeKind, Field, compare};
use std::collections::BTreeMap;

/// Which way an action went since the earlier version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Not in the earlier version.
    New,
    /// Rated blue now and not before.
    Completed,
    /// Up the scale red < amber < green.
    Improved,
    /// Down the scale.
    Worsened,
    /// The same rating as before.
    Unchanged,
    /// Unrated before, rated now.
    FirstRated,
    /// Rated before, unrated now.
    RatingRemoved,
}

impl Direction {
    /// An arrow a reader can scan for: up, down, level, star for new, tick for completed.
    pub fn arrow(self) -> &'static str {
        match self {
            Direction::New => "★",
            Direction::Completed => "✓",
            Direction::Improved => "▲",
            Direction::Worsened => "▼",
            Direction::Unchanged | Direction::FirstRated | Direction::RatingRemoved => "►",
        }
    }

    /// The direction in words.
    pub fn label(self) -> &'static str {
        match self {
            Direction::New => "new",
            Direction::Completed => "completed",
            Direction::Improved => "improved",
            Direction::Worsened => "worsened",
            Direction::Unchanged => "unchanged",
            Direction::FirstRated => "rated for the first time",
            Direction::RatingRemoved => "rating removed",
        }
    }
}

/// One action's direction of travel.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Travel {
    /// Which way it went.
    pub direction: Direction,
    /// Its rating in the earlier version (`None`: unrated, or new).
    pub before: Option<Rag>,
    /// The progress text was rewritten.
    pub progress_updated: bool,
    /// The timescale changed: the earlier one, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_was: Option<String>,
    /// The earlier ref, when renumbered or moved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ref_was: Option<String>,
}

impl Travel {
    /// What changed besides the rating, in words ("new progress; deadline moved from 31 July 2013").
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.progress_updated {
            notes.push("new progress".to_string());
        }
        if let Some(was) = &self.due_was {
            let was = if was.is_empty() { "none" } else { was };
            notes.push(format!("deadline moved from {was}"));
        }
        if let Some(was) = &self.ref_was {
            notes.push(format!("was {was}"));
        }
        notes
    }
}

/// An action in the earlier version that is no longer in the plan.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Closed {
    /// Its ref then.
    #[serde(rename = "ref")]
    pub reference: String,
    /// What it was.
    pub action: String,
}

/// Direction of travel of every action, against one earlier version.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Since {
    /// The earlier version, as the user named it (a tag, a revision, a date).
    pub label: String,
    /// Travel of every action of the current plan, by its ref now.
    pub actions: BTreeMap<String, Travel>,
    /// Actions of the earlier version no longer in the plan.
    pub closed: Vec<Closed>,
}

impl Since {
    /// The travel of one action (unchanged at its current rating when the comparison does not
    /// mention it).
    pub fn of(&self, reference: &str, now: Option<Rag>) -> Travel {
        self.actions.get(reference).cloned().unwrap_or(Travel {
            direction: Direction::Unchanged,
            before: now,
            progress_updated: false,
            due_was: None,
            ref_was: None,
        })
    }
}

/// The adapter onto the review module's comparison: every action's travel from `old` to `new`.
pub fn since(label: &str, old: &Plan, new: &Plan) -> Since {
    let comparison = compare(old, new);
    let mut actions = BTreeMap::new();
    let mut closed = Vec::new();
    for change in comparison.themes.iter().flat_map(|t| &t.actions) {
        let item = &change.item;
        if change.kind == ChangeKind::Removed {
            closed.push(Closed {
                reference: item.reference.clone(),
                action: item.action.clone(),
            });
            continue;
        }
        // The ratings the comparison paired; the direction is read from them rather than from
        // the comparison's trend names, which may grow (reopened, completed).
        let before = change.rag.map_or(item.rag, |r| r.from);
        let direction = match (change.kind, before, item.rag) {
            (ChangeKind::Added, _, _) => Direction::New,
            (_, from, Some(Rag::Blue)) if from != Some(Rag::Blue) => Direction::Completed,
            (_, None, Some(_)) => Direction::FirstRated,
            (_, Some(_), None) => Direction::RatingRemoved,
            (_, Some(from), Some(to)) if from < to => Direction::Improved,
            (_, Some(from), Some(to)) if from > to => Direction::Worsened,
            _ => Direction::Unchanged,
        };
        let travel = Travel {
            direction,
            before: before.filter(|_| direction != Direction::New),
            progress_updated: change.kind == ChangeKind::Changed
                && change.text(Field::Progress).is_some(),
            due_was: change
                .due
                .as_ref()
                .map(|d| words::due_or_empty(d.from.as_ref())),
            ref_was: change.renumbered_from.clone(),
        };
        actions.insert(item.reference.clone(), travel);
    }
    Since {
        label: label.to_string(),
        actions,
        closed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Due, Theme};

    fn action(reference: &str, rag: Option<Rag>, progress: &str) -> Action {
        Action {
            reference: reference.into(),
            action: format!("Action {reference} about something quite specific"),
            rag,
            progress: Some(progress.into()),
            ..Action::default()
        }
    }

    fn plan(actions: Vec<Action>) -> Plan {
        Plan {
            themes: vec![Theme {
                reference: "1".into(),
                title: "Theme".into(),
                actions,
                ..Theme::default()
            }],
            ..Plan::default()
        }
    }

    #[test]
    fn every_direction() {
        let old = plan(vec![
            action("1.1", Some(Rag::Amber), "a"),
            action("1.2", Some(Rag::Green), "b"),
            action("1.3", Some(Rag::Green), "c"),
            action("1.4", Some(Rag::Amber), "d"),
            action("1.5", Some(Rag::Green), "e"),
        ]);
        let mut due_moved = action("1.5", Some(Rag::Green), "e");
        due_moved.due = Some(Due::Ongoing);
        let new = plan(vec![
            action("1.1", Some(Rag::Green), "a"),
            action("1.2", Some(Rag::Red), "b"),
            action("1.3", Some(Rag::Blue), "c"),
            action("1.4", Some(Rag::Amber), "d, and more since"),
            due_moved,
            Action {
                reference: "1.6".into(),
                action: "Entirely different wording here".into(),
                ..Action::default()
            },
        ]);
        let since = since("june", &old, &new);
        let direction = |r: &str, now| since.of(r, now).direction;
        assert_eq!(direction("1.1", Some(Rag::Green)), Direction::Improved);
        assert_eq!(direction("1.2", Some(Rag::Red)), Direction::Worsened);
        assert_eq!(direction("1.3", Some(Rag::Blue)), Direction::Completed);
        let updated = since.of("1.4", Some(Rag::Amber));
        assert_eq!(updated.direction, Direction::Unchanged);
        assert_eq!(updated.before, Some(Rag::Amber));
        assert_eq!(updated.notes(), ["new progress"]);
        let moved = since.of("1.5", Some(Rag::Green));
        assert_eq!(moved.notes(), ["deadline moved from none"]);
        assert_eq!(direction("1.6", None), Direction::New);
        assert!(since.closed.is_empty());
    }

    #[test]
    fn reopened_is_worse_and_first_rated_blue_is_completed() {
        let old = plan(vec![
            action("1.1", Some(Rag::Blue), "a"),
            action("1.2", None, "b"),
        ]);
        let new = plan(vec![
            action("1.1", Some(Rag::Amber), "a"),
            action("1.2", Some(Rag::Blue), "b"),
        ]);
        let since = since("v1", &old, &new);
        let reopened = since.of("1.1", Some(Rag::Amber));
        assert_eq!(
            (reopened.direction, reopened.before),
            (Direction::Worsened, Some(Rag::Blue))
        );
        assert_eq!(
            since.of("1.2", Some(Rag::Blue)).direction,
            Direction::Completed
        );
    }

    #[test]
    fn closed_actions_are_listed() {
        let old = plan(vec![action("1.1", None, "a"), action("1.2", None, "b")]);
        let new = plan(vec![action("1.1", None, "a")]);
        let since = since("v1", &old, &new);
        assert_eq!(since.closed.len(), 1);
        assert_eq!(since.closed[0].reference, "1.2");
        assert_eq!(since.of("1.1", None).direction, Direction::Unchanged);
    }
}
