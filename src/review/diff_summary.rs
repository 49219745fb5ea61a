//! Counting a comparison for its headline, and action ratings per theme before and after.

use super::{
    ActionChange, ChangeKind, DueShift, Field, MeasureChange, MilestoneChange, RagChange, RagTrend,
    ThemeChange, ThemeRef,
};
use crate::model::{Plan, Rag, Theme};
use serde::Serialize;

/// Headline counts of a comparison: actions, then themes, milestones and measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    /// Actions rated blue (complete).
    pub completed: usize,
    /// Actions whose rating went up (red < amber < green).
    pub improved: usize,
    /// Actions whose rating went down.
    pub worsened: usize,
    /// Actions blue before and red, amber or green now.
    pub reopened: usize,
    /// Actions rated for the first time.
    pub first_rated: usize,
    /// Actions whose rating was taken away.
    pub rating_removed: usize,
    /// Actions added.
    pub new: usize,
    /// Actions taken out of the plan.
    pub removed: usize,
    /// Actions given another ref in the same theme.
    pub renumbered: usize,
    /// Actions moved to another theme.
    pub moved: usize,
    /// Actions whose deadline moved later (slipped).
    pub deadline_later: usize,
    /// Actions whose deadline moved earlier.
    pub deadline_earlier: usize,
    /// Actions overdue now that were not at the old version's date.
    pub newly_overdue: usize,
    /// Actions whose progress text changed.
    pub progress_updated: usize,
    /// Actions kept but changed in any way (including the counts above).
    pub changed: usize,
    /// Themes added.
    pub themes_added: usize,
    /// Themes removed.
    pub themes_removed: usize,
    /// Themes given another ref.
    pub themes_renumbered: usize,
    /// Milestones, counted the same way.
    pub milestones: ItemCounts,
    /// Measures, counted the same way.
    pub measures: ItemCounts,
}

/// Counts of the changes of milestones or measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ItemCounts {
    /// Added.
    pub new: usize,
    /// Removed.
    pub removed: usize,
    /// Kept but changed in any way.
    pub changed: usize,
    /// Rated blue.
    pub completed: usize,
    /// Rating went up.
    pub improved: usize,
    /// Rating went down (or blue taken back).
    pub worsened: usize,
    /// Rated for the first time.
    pub first_rated: usize,
}

impl ItemCounts {
    fn add(&mut self, kind: ChangeKind, rag: Option<&RagChange>) {
        match kind {
            ChangeKind::Added => self.new += 1,
            ChangeKind::Removed => self.removed += 1,
            ChangeKind::Changed => self.changed += 1,
        }
        match rag.map(|r| r.trend) {
            Some(RagTrend::Completed) => self.completed += 1,
            Some(RagTrend::Improved) => self.improved += 1,
            Some(RagTrend::Worsened | RagTrend::Reopened) => self.worsened += 1,
            Some(RagTrend::FirstRated) => self.first_rated += 1,
            _ => {}
        }
    }
}

impl Summary {
    /// Counts the changes listed in `themes`.
    pub fn count(themes: &[ThemeChange]) -> Summary {
        let mut s = Summary::default();
        for theme in themes {
            match theme.kind {
                ChangeKind::Added => s.themes_added += 1,
                ChangeKind::Removed => s.themes_removed += 1,
                ChangeKind::Changed if theme.renumbered_from.is_some() => s.themes_renumbered += 1,
                ChangeKind::Changed => {}
            }
            theme.actions.iter().for_each(|a| s.add(a));
            theme.measures.iter().for_each(|m| s.add_measure(m));
        }
        s
    }

    fn add(&mut self, action: &ActionChange) {
        match action.kind {
            ChangeKind::Added => self.new += 1,
            ChangeKind::Removed => self.removed += 1,
            ChangeKind::Changed => self.changed += 1,
        }
        let counter = match action.rag.map(|r| r.trend) {
            Some(RagTrend::Completed) => Some(&mut self.completed),
            Some(RagTrend::Improved) => Some(&mut self.improved),
            Some(RagTrend::Worsened) => Some(&mut self.worsened),
            Some(RagTrend::Reopened) => Some(&mut self.reopened),
            Some(RagTrend::FirstRated) => Some(&mut self.first_rated),
            Some(RagTrend::RatingRemoved) => Some(&mut self.rating_removed),
            Some(RagTrend::Unchanged) | None => None,
        };
        counter.into_iter().for_each(|c| *c += 1);
        if action.moved_from.is_some() {
            self.moved += 1;
        } else if action.renumbered_from.is_some() {
            self.renumbered += 1;
        }
        match action.due.as_ref().and_then(|d| d.shift) {
            Some(DueShift::Later) => self.deadline_later += 1,
            Some(DueShift::Earlier) => self.deadline_earlier += 1,
            _ => {}
        }
        self.newly_overdue += usize::from(action.newly_overdue);
        if action.text(Field::Progress).is_some() {
            self.progress_updated += 1;
        }
        action.milestones.iter().for_each(|m| self.add_milestone(m));
    }

    fn add_milestone(&mut self, m: &MilestoneChange) {
        self.milestones.add(m.kind, m.rag.as_ref());
    }

    fn add_measure(&mut self, m: &MeasureChange) {
        self.measures.add(m.kind, m.rag.as_ref());
    }

    /// True when nothing at all changed in the actions, themes, milestones and measures.
    pub fn is_empty(&self) -> bool {
        *self == Summary::default()
    }
}

/// How many actions carry each rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct RagTally {
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

impl RagTally {
    /// The ratings of a theme's actions, own or derived from milestones as everywhere else
    /// (none for an absent theme).
    pub fn of(theme: Option<&Theme>) -> RagTally {
        let mut tally = RagTally::default();
        for action in theme.iter().flat_map(|t| &t.actions) {
            match action.rating() {
                Some(Rag::Red) => tally.red += 1,
                Some(Rag::Amber) => tally.amber += 1,
                Some(Rag::Green) => tally.green += 1,
                Some(Rag::Blue) => tally.blue += 1,
                None => tally.unrated += 1,
            }
        }
        tally
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
}

/// A theme's action ratings before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThemeCounts {
    /// The theme as it is now (as it was, when removed).
    pub theme: ThemeRef,
    /// Only in the new version, only in the old, or in both.
    pub kind: ChangeKind,
    /// Ratings in the old version (all zero for a new theme).
    pub before: RagTally,
    /// Ratings in the new version (all zero for a removed theme).
    pub after: RagTally,
}

/// Ratings per theme: the new plan's themes in order, then removed ones. `theme_from[j]` is
/// the old theme that new theme `j` continues.
pub(super) fn theme_counts(
    old: &Plan,
    new: &Plan,
    theme_from: &[Option<usize>],
) -> Vec<ThemeCounts> {
    let reference = |t: &Theme| ThemeRef {
        reference: t.reference.clone(),
        title: t.title.clone(),
    };
    let mut out: Vec<ThemeCounts> = new
        .themes
        .iter()
        .zip(theme_from)
        .map(|(theme, from)| ThemeCounts {
            theme: reference(theme),
            kind: from.map_or(ChangeKind::Added, |_| ChangeKind::Changed),
            before: RagTally::of(from.and_then(|i| old.themes.get(i))),
            after: RagTally::of(Some(theme)),
        })
        .collect();
    for (i, theme) in old.themes.iter().enumerate() {
        if !theme_from.contains(&Some(i)) {
            out.push(ThemeCounts {
                theme: reference(theme),
                kind: ChangeKind::Removed,
                before: RagTally::of(Some(theme)),
                after: RagTally::default(),
            });
        }
    }
    out
}
