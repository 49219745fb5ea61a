//! What changed between two versions of a plan, theme by theme and action by action (pure).
//!
//! Themes and actions are matched by ref, milestones by position and measures by their
//! `measure` text (ignoring case, spacing and punctuation). An action or theme whose ref changed
//! is still recognised by its text (`diff_match.rs`: the same words, or a word-level Jaccard
//! index of at least 0.6 over action + outcome, or a theme's title), so an action renumbered
//! 3.2 -> 3.3 or moved to another theme is reported as such, not as one closed and one new;
//! likewise a milestone that moved up the list.
//!
//! Ratings order red < amber < green < blue. A rating given to an unrated item is "rated for the
//! first time" and a rating taken away is "rating removed": neither counts as improved or
//! worsened, because "not yet rated" says nothing about how the work is going.
//!
//! Order alone is not a change: actions reordered without renumbering, or owners listed in
//! another order, are not reported. The building (`diff_build.rs`) and the matching and word
//! diffs (`diff_match.rs`) live in their own files, as private submodules of this one.

#[path = "diff_build.rs"]
mod build;
#[path = "diff_match.rs"]
mod matching;

use crate::model::{Due, Plan, Rag};
use serde::Serialize;

/// Everything that changed from one version of a plan to the next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Plan-level fields that changed: board, period, title, vision, version, date.
    pub plan: Vec<FieldChange>,
    /// Counts for the headline.
    pub summary: Summary,
    /// Themes with something to report: the new plan's themes in order, then removed themes.
    pub themes: Vec<ThemeChange>,
}

/// Headline counts of a comparison (actions unless named otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    /// Rating went up (red < amber < green < blue).
    pub improved: usize,
    /// Rating went down.
    pub worsened: usize,
    /// Rated for the first time.
    pub first_rated: usize,
    /// Rating taken away.
    pub rating_removed: usize,
    /// Actions added.
    pub new: usize,
    /// Actions removed from the plan ("closed").
    pub closed: usize,
    /// Actions renumbered or moved to another theme.
    pub moved: usize,
    /// Actions whose progress text changed.
    pub progress_updated: usize,
    /// Actions kept but changed in any way (including the counts above).
    pub changed: usize,
    /// Themes added.
    pub themes_added: usize,
    /// Themes removed.
    pub themes_removed: usize,
}

/// Whether an element is new, gone, or kept with changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, with differences.
    Changed,
}

/// Which way a rating moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RagTrend {
    /// Up the scale red < amber < green < blue.
    Improved,
    /// Down the scale.
    Worsened,
    /// The same rating (or unrated both times).
    Unchanged,
    /// Unrated before, rated now.
    FirstRated,
    /// Rated before, unrated now.
    RatingRemoved,
}

/// A rating before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RagChange {
    /// Old rating; `None` when unrated.
    pub from: Option<Rag>,
    /// New rating; `None` when unrated.
    pub to: Option<Rag>,
    /// Which way it moved.
    pub trend: RagTrend,
}

impl RagChange {
    /// The change from one rating to another, with its trend.
    pub fn between(from: Option<Rag>, to: Option<Rag>) -> RagChange {
        let trend = match (from, to) {
            (None, None) => RagTrend::Unchanged,
            (None, Some(_)) => RagTrend::FirstRated,
            (Some(_), None) => RagTrend::RatingRemoved,
            (Some(a), Some(b)) if a < b => RagTrend::Improved,
            (Some(a), Some(b)) if a > b => RagTrend::Worsened,
            (Some(_), Some(_)) => RagTrend::Unchanged,
        };
        RagChange { from, to, trend }
    }
}

/// A field of a plan element, named as in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Plan: the board's name.
    Board,
    /// Plan: the board year.
    Period,
    /// Plan or theme: the title.
    Title,
    /// Plan: the vision statement.
    Vision,
    /// Plan: the published version.
    Version,
    /// Plan: the date of that version.
    Date,
    /// Theme: the longer explanation.
    Description,
    /// Theme: the strategic lead.
    Lead,
    /// Theme: the accountable member.
    Accountable,
    /// Action: what will be done.
    Action,
    /// Action: the desired outcome.
    Outcome,
    /// Action or milestone: the progress commentary.
    Progress,
    /// Action: notes.
    Notes,
    /// Milestone: what the step is.
    Milestone,
    /// Measure: the starting value.
    Baseline,
    /// Measure: the value aimed for.
    Target,
    /// Measure: the latest value.
    Latest,
    /// Measure: when the latest value was taken.
    AsOf,
}

impl Field {
    /// The field's name as written in plan files.
    pub fn label(self) -> &'static str {
        match self {
            Field::Board => "board",
            Field::Period => "period",
            Field::Title => "title",
            Field::Vision => "vision",
            Field::Version => "version",
            Field::Date => "date",
            Field::Description => "description",
            Field::Lead => "lead",
            Field::Accountable => "accountable",
            Field::Action => "action",
            Field::Outcome => "outcome",
            Field::Progress => "progress",
            Field::Notes => "notes",
            Field::Milestone => "milestone",
            Field::Baseline => "baseline",
            Field::Target => "target",
            Field::Latest => "latest",
            Field::AsOf => "as_of",
        }
    }
}

/// A short value before and after (`None` when absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// Which field.
    pub field: Field,
    /// Old value.
    pub from: Option<String>,
    /// New value.
    pub to: Option<String>,
}

/// A piece of prose before and after, with a word diff between them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextChange {
    /// Which field.
    pub field: Field,
    /// Old text.
    pub from: Option<String>,
    /// New text.
    pub to: Option<String>,
    /// The word diff: same + removed segments spell the old text, same + added the new.
    pub words: Vec<Segment>,
}

/// A run of text in a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Kept, removed or added.
    pub kind: SegmentKind,
    /// The text, whitespace included.
    pub text: String,
}

/// What a word-diff segment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    /// In both texts.
    Same,
    /// Only in the old text.
    Removed,
    /// Only in the new text.
    Added,
}

/// Owners gained and lost (a change of order alone is not reported).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OwnersChange {
    /// New owners, in the new list's order.
    pub added: Vec<String>,
    /// Former owners, in the old list's order.
    pub removed: Vec<String>,
}

/// A timescale before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueChange {
    /// Old timescale.
    pub from: Option<Due>,
    /// New timescale.
    pub to: Option<Due>,
    /// Which way the deadline moved, when both are dates or months.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shift: Option<DueShift>,
}

/// Which way a deadline moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DueShift {
    /// A later deadline (slipped).
    Later,
    /// An earlier deadline.
    Earlier,
    /// Written differently, same last day (`2014-03` and `2014-03-31`).
    SameDeadline,
}

/// How a kept element was recognised in the new version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum MatchedBy {
    /// Same ref.
    Ref,
    /// Same or similar text under another ref.
    Similarity {
        /// How similar, 60 to 100.
        percent: u32,
    },
}

/// A theme, by ref and title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThemeRef {
    /// The theme's ref.
    #[serde(rename = "ref")]
    pub reference: String,
    /// The theme's title.
    pub title: String,
}

/// What changed in a theme, and in its actions and measures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeChange {
    /// New, removed or changed.
    pub kind: ChangeKind,
    /// The theme as it is now (as it was, when removed).
    #[serde(flatten)]
    pub theme: ThemeRef,
    /// The old ref, when the theme was renumbered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renumbered_from: Option<String>,
    /// The board's overall rating, when it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rag: Option<RagChange>,
    /// Title and description rewritten.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub texts: Vec<TextChange>,
    /// Lead and accountable member changed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
    /// Actions with something to report: the theme's actions in order, then those removed.
    pub actions: Vec<ActionChange>,
    /// Measures added, removed or changed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<MeasureChange>,
    /// The theme's `custom:` fields changed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub custom_changed: bool,
}

/// An action at a glance: as it is now, or as it was when it was removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionItem {
    /// Its ref.
    #[serde(rename = "ref")]
    pub reference: String,
    /// What will be done.
    pub action: String,
    /// Its rating.
    pub rag: Option<Rag>,
    /// Who is responsible.
    pub owners: Vec<String>,
    /// Its timescale.
    pub due: Option<Due>,
}

/// What changed in one action.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionChange {
    /// New, removed ("closed") or changed.
    pub kind: ChangeKind,
    /// The action now (or as it was, when removed).
    pub item: ActionItem,
    /// How a changed action was recognised.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_by: Option<MatchedBy>,
    /// The old ref, when renumbered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renumbered_from: Option<String>,
    /// The old theme, when the action moved to another theme.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved_from: Option<ThemeRef>,
    /// The rating before and after; always there for a changed action, `None` otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rag: Option<RagChange>,
    /// Action, outcome, progress and notes rewritten, in that order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub texts: Vec<TextChange>,
    /// Owners gained and lost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owners: Option<OwnersChange>,
    /// Timescale changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<DueChange>,
    /// Milestones added, removed or changed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<MilestoneChange>,
    /// The action's `custom:` fields changed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub custom_changed: bool,
}

impl ActionChange {
    /// The change to one text field (action, outcome, progress, notes), if it was rewritten.
    pub fn text(&self, field: Field) -> Option<&TextChange> {
        self.texts.iter().find(|t| t.field == field)
    }
}

/// What changed in one milestone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MilestoneChange {
    /// New, removed or changed.
    pub kind: ChangeKind,
    /// Its place under the action, from 1 (in the old list, when removed).
    pub position: usize,
    /// What the step is (now, or as it was when removed).
    pub milestone: String,
    /// The rating, when it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rag: Option<RagChange>,
    /// Milestone text and progress rewritten.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub texts: Vec<TextChange>,
    /// Owners gained and lost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owners: Option<OwnersChange>,
    /// Timescale changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<DueChange>,
}

/// What changed in one monitoring measure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasureChange {
    /// New, removed or changed.
    pub kind: ChangeKind,
    /// What is measured (the key measures are matched by).
    pub measure: String,
    /// Baseline, target, latest and as_of changed; for a new measure, the values it starts with.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
    /// The rating, when it changed (or a new measure's first rating).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rag: Option<RagChange>,
}

/// Compares two versions of a plan: what a reader of `old` needs to know about `new`.
pub fn compare(old: &Plan, new: &Plan) -> Comparison {
    let themes = build::themes(old, new);
    let summary = Summary::count(&themes);
    Comparison {
        plan: build::plan_fields(old, new),
        summary,
        themes,
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
                ChangeKind::Changed => {}
            }
            theme.actions.iter().for_each(|a| s.add(a));
        }
        s
    }

    fn add(&mut self, action: &ActionChange) {
        match action.kind {
            ChangeKind::Added => self.new += 1,
            ChangeKind::Removed => self.closed += 1,
            ChangeKind::Changed => self.changed += 1,
        }
        match action.rag.map(|r| r.trend) {
            Some(RagTrend::Improved) => self.improved += 1,
            Some(RagTrend::Worsened) => self.worsened += 1,
            Some(RagTrend::FirstRated) => self.first_rated += 1,
            Some(RagTrend::RatingRemoved) => self.rating_removed += 1,
            Some(RagTrend::Unchanged) | None => {}
        }
        if action.renumbered_from.is_some() || action.moved_from.is_some() {
            self.moved += 1;
        }
        if action.text(Field::Progress).is_some() {
            self.progress_updated += 1;
        }
    }

    /// True when nothing at all changed in the actions and themes counted.
    pub fn is_empty(&self) -> bool {
        *self == Summary::default()
    }
}

#[cfg(test)]
#[path = "diff_tests.rs"]
mod tests;
