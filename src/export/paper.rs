//! The board paper as every format shows it: the plan's selected themes and actions with
//! owners, timescales and ratings already in words, the summary counts, the exceptions and the
//! direction of travel. Built once; the Markdown, HTML, CSV and Excel writers only lay it out.

use super::select::{self, Options, SelectError};
use super::travel::{Direction, Since, Travel};
use super::words;
use crate::model::{Action, Measure, Milestone, Plan, Rag, RagCounts, RagSource, Theme};
use chrono::NaiveDate;

/// The plan, ready to publish.
#[derive(Debug, Clone, PartialEq)]
pub struct Paper {
    /// The board's name.
    pub board: String,
    /// The board year.
    pub period: String,
    /// The plan's title.
    pub title: String,
    /// The board's vision.
    pub vision: Option<String>,
    /// The published version.
    pub version: Option<String>,
    /// The version's date, in words.
    pub date: Option<String>,
    /// Who wrote the published document.
    pub author: Option<String>,
    /// The published document's version history, in file order.
    pub history: Vec<HistoryRow>,
    /// The day overdue is counted on.
    pub as_at: NaiveDate,
    /// The filters applied, in words (empty: the whole plan).
    pub scope: Vec<String>,
    /// Direction of travel, when asked for.
    pub since: Option<Since>,
    /// The themes shown, in plan order.
    pub themes: Vec<ThemeSection>,
    /// Ratings of every action shown (own, or derived from milestones).
    pub totals: RagCounts,
    /// The plan's own fields (`custom:`) as (label, text), in file order.
    pub custom: Vec<(String, String)>,
}

/// One row of the version history, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryRow {
    /// The version (`1.2`).
    pub version: String,
    /// When it was issued, in words (empty when not given).
    pub date: String,
    /// Who issued it (empty when not given).
    pub author: String,
    /// What changed (empty when not given).
    pub note: String,
}

/// One theme and its selected actions.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeSection {
    /// The theme's ref.
    pub reference: String,
    /// Its title.
    pub title: String,
    /// Its description.
    pub description: Option<String>,
    /// The strategic lead.
    pub lead: Option<String>,
    /// The accountable member.
    pub accountable: Option<String>,
    /// The board's overall rating of the theme.
    pub rag: Option<Rag>,
    /// The actions shown.
    pub actions: Vec<ActionRow>,
    /// Its monitoring measures (left out of an owner's or a rating's selection).
    pub measures: Vec<MeasureRow>,
    /// Ratings of the actions shown.
    pub counts: RagCounts,
    /// The board's own fields (`custom:`) as (label, text), in file order.
    pub custom: Vec<(String, String)>,
}

/// One action, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionRow {
    /// Its ref.
    pub reference: String,
    /// What will be done (line breaks kept).
    pub action: String,
    /// The desired outcome.
    pub outcome: Option<String>,
    /// Owners by full name.
    pub owners: Vec<String>,
    /// Timescale in words.
    pub due: String,
    /// Progress (line breaks kept).
    pub progress: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// Its own rating.
    pub rag: Option<Rag>,
    /// For an unrated action, the rating its milestones give it.
    pub derived: Option<Rag>,
    /// Past its deadline and not complete.
    pub overdue: bool,
    /// Its milestones.
    pub milestones: Vec<MilestoneRow>,
    /// The board's own fields (`custom:`) as (label, text), in file order.
    pub custom: Vec<(String, String)>,
    /// Direction of travel, when asked for.
    pub travel: Option<Travel>,
}

impl ActionRow {
    /// The rating to show: its own, or the derived one.
    pub fn shown_rag(&self) -> Option<Rag> {
        self.rag.or(self.derived)
    }
}

/// A milestone, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneRow {
    /// What the step is.
    pub milestone: String,
    /// Owners by full name.
    pub owners: Vec<String>,
    /// Timescale in words.
    pub due: String,
    /// Progress.
    pub progress: Option<String>,
    /// Rating.
    pub rag: Option<Rag>,
}

/// A monitoring measure, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureRow {
    /// What is measured.
    pub measure: String,
    /// Starting value.
    pub baseline: String,
    /// Value aimed for.
    pub target: String,
    /// Latest value.
    pub latest: String,
    /// When it was taken, in words.
    pub as_of: String,
    /// Rating.
    pub rag: Option<Rag>,
}

/// An action the board should look at, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Exception<'a> {
    /// The action.
    pub action: &'a ActionRow,
    /// Why: "red", "overdue", "worsened".
    pub reasons: Vec<&'static str>,
}

impl Paper {
    /// The paper for `plan` with the choices of `options`, and the travel since an earlier
    /// version when given.
    pub fn build(
        plan: &Plan,
        options: &Options,
        since: Option<Since>,
    ) -> Result<Paper, SelectError> {
        select::check(plan, options)?;
        let mut themes = Vec::new();
        let mut totals = RagCounts::default();
        for theme in &plan.themes {
            if options
                .theme
                .as_ref()
                .is_some_and(|r| *r != theme.reference)
            {
                continue;
            }
            let section = section(plan, theme, options, since.as_ref());
            if options.filters_actions() && section.actions.is_empty() && options.theme.is_none() {
                continue;
            }
            section
                .actions
                .iter()
                .for_each(|a| totals.add(a.shown_rag()));
            themes.push(section);
        }
        Ok(Paper {
            board: plan.board.clone(),
            period: plan.period.clone(),
            title: plan.title.clone(),
            vision: plan.vision.clone(),
            version: plan.version.clone(),
            date: plan.date.as_ref().map(words::due),
            author: plan.author.clone(),
            history: plan
                .history
                .iter()
                .map(|h| HistoryRow {
                    version: h.version.clone(),
                    date: words::due_or_empty(h.date.as_ref()),
                    author: h.author.clone().unwrap_or_default(),
                    note: h.note.clone().unwrap_or_default(),
                })
                .collect(),
            as_at: options.as_at,
            scope: options.describe(),
            since,
            themes,
            totals,
            custom: crate::model::labelled_fields(plan.custom.as_ref()),
        })
    }

    /// Every action shown, with its theme.
    pub fn actions(&self) -> impl Iterator<Item = (&ThemeSection, &ActionRow)> {
        self.themes
            .iter()
            .flat_map(|t| t.actions.iter().map(move |a| (t, a)))
    }

    /// Actions shown whose rating is derived from their milestones (none of their own).
    pub fn derived(&self) -> usize {
        self.actions()
            .filter(|(_, a)| a.rag.is_none() && a.derived.is_some())
            .count()
    }

    /// The sentence under the counts saying how many ratings are derived; `None` when none is.
    pub fn derived_note(&self) -> Option<String> {
        match self.derived() {
            0 => None,
            1 => Some(
                "1 of these ratings is derived: the action has no rating of its own, so its worst open milestone's counts (marked \"from milestones\").".into(),
            ),
            n => Some(format!(
                "{n} of these ratings are derived: those actions have no rating of their own, so their worst open milestone's counts (marked \"from milestones\")."
            )),
        }
    }

    /// Actions shown that are overdue.
    pub fn overdue(&self) -> usize {
        self.actions().filter(|(_, a)| a.overdue).count()
    }

    /// The actions to raise at the meeting: rated red, overdue, or worsened since the earlier
    /// version, in plan order.
    pub fn exceptions(&self) -> Vec<Exception<'_>> {
        self.actions()
            .filter_map(|(_, action)| {
                let mut reasons = Vec::new();
                if action.shown_rag() == Some(Rag::Red) {
                    reasons.push("red");
                }
                if action.overdue {
                    reasons.push("overdue");
                }
                if action
                    .travel
                    .as_ref()
                    .is_some_and(|t| t.direction == Direction::Worsened)
                {
                    reasons.push("worsened");
                }
                (!reasons.is_empty()).then_some(Exception { action, reasons })
            })
            .collect()
    }

    /// How many actions went each way since the earlier version, in [`Direction`] order.
    pub fn travel_counts(&self) -> Vec<(Direction, usize)> {
        let mut counts = std::collections::BTreeMap::new();
        for (_, action) in self.actions() {
            if let Some(travel) = &action.travel {
                *counts.entry(travel.direction).or_insert(0) += 1;
            }
        }
        counts.into_iter().collect()
    }

    /// The cover's facts, in order, as (term, value): period, version, date, author, as at,
    /// what is shown, and the changes since.
    pub fn cover_facts(&self) -> Vec<(&'static str, String)> {
        let mut facts = vec![("Period", self.period.clone())];
        let optional = [
            ("Version", self.version.clone()),
            ("Date", self.date.clone()),
            ("Author", self.author.clone()),
        ];
        facts.extend(optional.into_iter().filter_map(|(t, v)| Some((t, v?))));
        facts.push(("As at", words::day(self.as_at)));
        if !self.scope.is_empty() {
            facts.push(("Showing", self.scope.join("; ")));
        }
        if let Some(line) = self.since_line() {
            facts.push(("Changes", line));
        }
        facts
    }

    /// The cover's "changes since" line: "since june-meeting: 2 improved, 1 worsened, ...".
    pub fn since_line(&self) -> Option<String> {
        let since = self.since.as_ref()?;
        let mut parts: Vec<String> = self
            .travel_counts()
            .into_iter()
            .filter(|(d, _)| *d != Direction::Unchanged)
            .map(|(d, n)| format!("{n} {}", d.label()))
            .collect();
        let updated = self
            .actions()
            .filter(|(_, a)| a.travel.as_ref().is_some_and(|t| t.progress_updated))
            .count();
        if updated > 0 {
            parts.push(format!("{updated} with new progress"));
        }
        let moved = self
            .actions()
            .filter(|(_, a)| a.travel.as_ref().is_some_and(|t| t.due_was.is_some()))
            .count();
        if moved > 0 {
            parts.push(format!("{moved} with the deadline moved"));
        }
        if !since.closed.is_empty() {
            parts.push(format!("{} closed", since.closed.len()));
        }
        if parts.is_empty() {
            parts.push("no change in ratings".to_string());
        }
        Some(format!("since {}: {}", since.label, parts.join(", ")))
    }
}

fn section(plan: &Plan, theme: &Theme, options: &Options, since: Option<&Since>) -> ThemeSection {
    let actions: Vec<ActionRow> = theme
        .actions
        .iter()
        .filter(|a| select::keeps(plan, a, options))
        .map(|a| action_row(plan, a, options.as_at, since))
        .collect();
    let mut counts = RagCounts::default();
    actions.iter().for_each(|a| counts.add(a.shown_rag()));
    let measures = if options.filters_actions() {
        Vec::new()
    } else {
        theme.measures.iter().map(measure_row).collect()
    };
    ThemeSection {
        reference: theme.reference.clone(),
        title: theme.title.clone(),
        description: theme.description.clone(),
        lead: theme.lead.clone(),
        accountable: theme.accountable.clone(),
        rag: theme.rag,
        actions,
        measures,
        counts,
        custom: crate::model::labelled_fields(theme.custom.as_ref()),
    }
}

fn action_row(plan: &Plan, action: &Action, as_at: NaiveDate, since: Option<&Since>) -> ActionRow {
    ActionRow {
        reference: action.reference.clone(),
        action: action.action.clone(),
        outcome: action.outcome.clone(),
        owners: words::owners(plan, &action.owners),
        due: words::due_or_empty(action.due.as_ref()),
        progress: action.progress.clone(),
        notes: action.notes.clone(),
        rag: action.rag,
        derived: match action.effective_rag() {
            Some((rag, RagSource::Milestones)) => Some(rag),
            _ => None,
        },
        overdue: action.is_overdue(as_at),
        milestones: action
            .milestones
            .iter()
            .map(|m| milestone_row(plan, m))
            .collect(),
        custom: crate::model::labelled_fields(action.custom.as_ref()),
        travel: since.map(|s| s.of(&action.reference, action.rag)),
    }
}

fn milestone_row(plan: &Plan, milestone: &Milestone) -> MilestoneRow {
    MilestoneRow {
        milestone: milestone.milestone.clone(),
        owners: words::owners(plan, &milestone.owners),
        due: words::due_or_empty(milestone.due.as_ref()),
        progress: milestone.progress.clone(),
        rag: milestone.rag,
    }
}

fn measure_row(measure: &Measure) -> MeasureRow {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    MeasureRow {
        measure: measure.measure.clone(),
        baseline: text(&measure.baseline),
        target: text(&measure.target),
        latest: text(&measure.latest),
        as_of: words::due_or_empty(measure.as_of.as_ref()),
        rag: measure.rag,
    }
}
