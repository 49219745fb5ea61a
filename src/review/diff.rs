//! What changed between two versions of a plan, theme by theme and action by action (pure).
//!
//! Refs are labels; content is identity. Themes, actions, milestones and measures are paired by
//! the best overall pairing of old and new elements (`diff_weigh.rs`, over the near-linear
//! index of `diff_pair.rs`): the same text under a new ref beats "same ref, similar text", the
//! same theme beats another theme, and a ref only tips the balance between equally good
//! candidates. So deleting 3.2 and renumbering the rest reads "3.2 removed, 3.3 renumbered
//! 3.2", never "3.2 rewritten, 3.3 removed"; an action moved to another theme reads as moved.
//!
//! Ratings order red < amber < green. Blue means complete: rating an action blue is
//! "completed", never "improved", and taking blue away is "reopened". A rating given to an
//! unrated item is "rated for the first time" and a rating taken away is "rating removed":
//! "not yet rated" says nothing about how the work is going.
//!
//! Order alone is not a change: actions reordered without renumbering, or owners listed in
//! another order, are not reported. Building (`diff_build.rs`, `diff_items.rs`), plan-level
//! values (`diff_values.rs`), counting (`diff_summary.rs`), pairing and word diffs live in their
//! own files, as submodules of this one.

#[path = "diff_build.rs"]
mod build;
#[path = "diff_field.rs"]
mod field;
#[path = "diff_items.rs"]
mod items;
#[path = "diff_match.rs"]
mod matching;
#[path = "diff_pair.rs"]
mod pairing;
#[path = "diff_summary.rs"]
mod summary;
#[path = "diff_values.rs"]
mod values;
#[path = "diff_weigh.rs"]
mod weigh;

pub use field::Field;
pub use summary::{ItemCounts, RagTally, Summary, ThemeCounts};
pub use values::{CustomChange, GlossaryChange, GlossaryChangeKind};

use crate::model::{Due, Plan, Rag};
use chrono::NaiveDate;
use serde::Serialize;

/// Version of the JSON form of a comparison; raised when a field changes meaning or goes.
pub const SCHEMA_VERSION: u32 = 2;

/// Everything that changed from one version of a plan to the next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The board, as the new version names it (the old one's, when the new is empty).
    pub board: String,
    /// The plan's title, likewise.
    pub title: String,
    /// The board year, likewise.
    pub period: String,
    /// Plan-level fields that changed: board, period, title, vision, version, date.
    pub plan: Vec<FieldChange>,
    /// Owners glossary entries added, renamed, removed or spelled out differently.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<GlossaryChange>,
    /// The plan's own `custom:` fields that changed, with their values.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<CustomChange>,
    /// Counts for the headline.
    pub summary: Summary,
    /// Action ratings per theme, before and after (every theme of either version).
    pub rag_counts: Vec<ThemeCounts>,
    /// Themes with something to report: the new plan's themes in order, then removed themes.
    pub themes: Vec<ThemeChange>,
}

impl Comparison {
    /// True when the two versions say the same thing.
    pub fn is_empty(&self) -> bool {
        self.plan.is_empty()
            && self.glossary.is_empty()
            && self.custom.is_empty()
            && self.themes.is_empty()
    }

    /// The reported change of the action now numbered `reference` (or, when removed, that was
    /// numbered so). `None` means the action is unchanged (or in neither version).
    pub fn action(&self, reference: &str) -> Option<&ActionChange> {
        let all = self.themes.iter().flat_map(|t| &t.actions);
        let mut found = all.filter(|a| a.item.reference == reference);
        let first = found.next()?;
        // A removed action and a new one may share a ref: the one in the new plan wins.
        Some(match first.kind {
            ChangeKind::Removed => found.next().unwrap_or(first),
            _ => first,
        })
    }
}

/// The two points in time a comparison is between, for "newly overdue": an action is overdue
/// at a moment when its deadline is before that day and it is not rated blue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Moments {
    /// The day of the old version (a commit's date); `None`: not known.
    pub old: Option<NaiveDate>,
    /// The day of the new version (today, for the working tree); `None`: not known.
    pub new: Option<NaiveDate>,
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
    /// Up the scale red < amber < green.
    Improved,
    /// Down the scale.
    Worsened,
    /// Rated blue (complete), from any other rating or none.
    Completed,
    /// Blue before, red, amber or green now.
    Reopened,
    /// The same rating (or unrated both times).
    Unchanged,
    /// Unrated before, rated red, amber or green now.
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
            (a, b) if a == b => RagTrend::Unchanged,
            (_, Some(Rag::Blue)) => RagTrend::Completed,
            (Some(Rag::Blue), Some(_)) => RagTrend::Reopened,
            (None, Some(_)) => RagTrend::FirstRated,
            (Some(_), None) => RagTrend::RatingRemoved,
            (Some(a), Some(b)) if a < b => RagTrend::Improved,
            (Some(_), Some(_)) => RagTrend::Worsened,
        };
        RagChange { from, to, trend }
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
        /// How similar the identifying text is, 0 to 100 (low only when other evidence, such
        /// as the same progress under the same ref, made up for it).
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
    /// The theme's `custom:` fields that changed, with their values.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<CustomChange>,
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
    /// With no rating of its own, the one its milestones give it (their worst open one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived_rag: Option<Rag>,
    /// Who is responsible.
    pub owners: Vec<String>,
    /// Its timescale.
    pub due: Option<Due>,
    /// Owners as the glossary spells them out: `Quality & Effectiveness Group (QEG)`, or the
    /// name as written when the glossary does not know it.
    pub owner_names: Vec<String>,
    /// Its progress commentary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<String>,
}

/// What changed in one action.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionChange {
    /// New, removed or changed.
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
    /// The action's `custom:` fields that changed, with their values.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<CustomChange>,
    /// Past its deadline at the new version's date and not complete, but not overdue at the
    /// old version's date (or new since). Only known when the comparison has [`Moments`].
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub newly_overdue: bool,
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
    /// What is measured (now, or as it was when removed).
    pub measure: String,
    /// The measure's text as it was, when it was reworded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reworded_from: Option<String>,
    /// The value aimed for (now, or as it was when removed), to read the latest value against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The latest value (now, or as it was when removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest: Option<String>,
    /// Baseline, target, latest and as_of changed; for a new measure, the values it starts with.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
    /// The rating, when it changed (or a new measure's first rating).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rag: Option<RagChange>,
}

/// Compares two versions of a plan: what a reader of `old` needs to know about `new`.
/// Without the versions' dates, so nothing is reported as newly overdue: see [`compare_at`].
pub fn compare(old: &Plan, new: &Plan) -> Comparison {
    compare_at(old, new, Moments::default())
}

/// Compares two versions of a plan taken at `moments` (which decide "newly overdue").
pub fn compare_at(old: &Plan, new: &Plan, moments: Moments) -> Comparison {
    let (themes, theme_from) = build::themes(old, new, moments);
    let glossary = values::glossary(&old.owners, &new.owners);
    let summary = Summary::count(&themes);
    let pick = |a: &String, b: &String| if b.is_empty() { a.clone() } else { b.clone() };
    Comparison {
        board: pick(&old.board, &new.board),
        title: pick(&old.title, &new.title),
        period: pick(&old.period, &new.period),
        plan: values::plan_fields(old, new),
        glossary,
        custom: values::custom(old.custom.as_ref(), new.custom.as_ref()),
        summary,
        rag_counts: summary::theme_counts(old, new, &theme_from),
        themes,
    }
}

#[cfg(test)]
#[path = "diff_tests.rs"]
mod tests;
