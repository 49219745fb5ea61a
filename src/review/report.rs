//! Change reports: a [`Comparison`] as terminal text (plain or coloured), Markdown for a board
//! paper, or JSON for other tools (pure).
//!
//! Text and Markdown share one layout, built first as styled lines: plan-level changes, then a
//! section per theme (new plan order, removed themes last) with the theme's own changes, one
//! entry per action starting with its ref (full texts, owners' full names, dates in words, the
//! new progress in full beside its word diff), and the measures. `report_paper.rs` adds what a
//! board paper opens with (heading, counts, ratings per theme, exceptions); `report_render.rs`
//! turns lines into text or Markdown.

#[path = "report_paper.rs"]
mod paper;
#[path = "report_render.rs"]
mod render;

pub use paper::{Heading, exceptions, markdown_paper, text_paper};

use super::diff::{
    ActionChange, ChangeKind, Comparison, CustomChange, DueChange, DueShift, Field, FieldChange,
    GlossaryChange, GlossaryChangeKind, ItemCounts, MatchedBy, MeasureChange, MilestoneChange,
    OwnersChange, RagChange, RagTrend, SegmentKind, Summary, TextChange, ThemeChange,
};
use crate::model::{Due, Rag};
use render::{Line, Section, Tone};

/// The summary line: `Actions: 2 completed, 3 improved, 1 worsened, 2 new, 1 removed`, then
/// whichever other counts are not zero (renumbered, moved, deadlines, overdue, progress...),
/// then themes, milestones and measures when any of theirs changed.
pub fn summary_line(s: &Summary) -> String {
    let mut parts: Vec<String> = [
        (s.completed, "completed", "completed"),
        (s.improved, "improved", "improved"),
        (s.worsened, "worsened", "worsened"),
        (s.new, "new", "new"),
        (s.removed, "removed", "removed"),
    ]
    .iter()
    .map(|(n, one, _)| format!("{n} {one}"))
    .collect();
    let extras = [
        (s.reopened, "reopened", "reopened"),
        (s.renumbered, "renumbered", "renumbered"),
        (s.moved, "moved to another theme", "moved to another theme"),
        (s.deadline_later, "deadline later", "deadlines later"),
        (s.deadline_earlier, "deadline earlier", "deadlines earlier"),
        (s.newly_overdue, "newly overdue", "newly overdue"),
        (
            s.first_rated,
            "rated for the first time",
            "rated for the first time",
        ),
        (s.rating_removed, "rating removed", "ratings removed"),
        (s.progress_updated, "progress update", "progress updates"),
    ];
    parts.extend(counted(&extras));
    let mut line = format!("Actions: {}", parts.join(", "));
    let themes = [
        (s.themes_added, "added", "added"),
        (s.themes_removed, "removed", "removed"),
        (s.themes_renumbered, "renumbered", "renumbered"),
    ];
    for (name, items) in [
        ("themes", counted(&themes)),
        ("milestones", item_counts(&s.milestones)),
        ("measures", item_counts(&s.measures)),
    ] {
        if !items.is_empty() {
            line.push_str(&format!("; {name}: {}", items.join(", ")));
        }
    }
    line
}

fn counted(items: &[(usize, &str, &str)]) -> Vec<String> {
    items
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect()
}

fn item_counts(c: &ItemCounts) -> Vec<String> {
    counted(&[
        (c.completed, "completed", "completed"),
        (c.improved, "improved", "improved"),
        (c.worsened, "worsened", "worsened"),
        (
            c.first_rated,
            "rated for the first time",
            "rated for the first time",
        ),
        (c.new, "new", "new"),
        (c.removed, "removed", "removed"),
        (c.changed, "changed", "changed"),
    ])
}

/// The report body for a terminal: the summary line, plan-level changes, then each theme with
/// its actions as `3.2  amber → green (improved)` and indented details. With `color`, ANSI
/// colours mark good and bad news and the word diffs; without, removed words read `[-so-]`
/// and added words `{+so+}`.
pub fn text(c: &Comparison, color: bool) -> String {
    if c.is_empty() {
        return "No changes.\n".to_string();
    }
    let mut out = format!("{}\n", summary_line(&c.summary));
    out.push_str(&render::text_lines(&plan_lines(c), color));
    for section in sections(c) {
        out.push('\n');
        out.push_str(&render::text_section(&section, color));
    }
    out
}

/// The comparison as pretty-printed JSON (the fields of [`Comparison`]).
pub fn json(c: &Comparison) -> String {
    match serde_json::to_string_pretty(c) {
        Ok(text) => text + "\n",
        // Only string-keyed maps and plain values are serialized, so this cannot happen.
        Err(e) => format!("{{\"error\": {:?}}}\n", e.to_string()),
    }
}

/// A timescale in words: `31 July 2013`, `September 2013`, `ongoing`, or the text as written.
pub fn due_in_words(due: &Due) -> String {
    match due {
        Due::Date(date) => date.format("%-d %B %Y").to_string(),
        Due::Month { year, month } => chrono::NaiveDate::from_ymd_opt(*year, *month, 1)
            .map_or_else(|| due.to_string(), |d| d.format("%B %Y").to_string()),
        Due::Ongoing => "ongoing".to_string(),
        Due::Text(text) => text.clone(),
    }
}

fn plan_lines(c: &Comparison) -> Vec<Line> {
    let mut lines: Vec<Line> = c.plan.iter().map(|f| field_line(0, f)).collect();
    lines.extend(c.glossary.iter().map(glossary_line));
    lines.extend(c.custom.iter().map(|x| custom_line(0, x)));
    lines
}

fn glossary_line(g: &GlossaryChange) -> Line {
    let text = match g.kind {
        GlossaryChangeKind::Added => format!("owners glossary: added {}: {}", g.short, g.full),
        GlossaryChangeKind::Removed => format!("owners glossary: removed {}: {}", g.short, g.full),
        GlossaryChangeKind::Renamed => format!(
            "owners glossary: {} renamed {} ({})",
            g.old_short.as_deref().unwrap_or(""),
            g.short,
            g.full
        ),
        GlossaryChangeKind::Changed => format!(
            "owners glossary: {} now stands for {} (was {})",
            g.short,
            g.full,
            g.old_full.as_deref().unwrap_or("")
        ),
    };
    Line::new(0).plain(text)
}

fn custom_line(depth: usize, c: &CustomChange) -> Line {
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "none".to_string());
    let text = format!("custom {}: {} → {}", c.key, show(&c.from), show(&c.to));
    Line::new(depth).plain(text)
}

fn sections(c: &Comparison) -> Vec<Section> {
    c.themes.iter().map(section).collect()
}

fn section(t: &ThemeChange) -> Section {
    let note = match (t.kind, &t.renumbered_from) {
        (ChangeKind::Added, _) => " (new theme)".to_string(),
        (ChangeKind::Removed, _) => " (theme removed)".to_string(),
        (ChangeKind::Changed, Some(old)) => format!(" (was theme {old})"),
        (ChangeKind::Changed, None) => String::new(),
    };
    let title = t.theme.title.split_whitespace().collect::<Vec<_>>();
    let heading = format!("Theme {}: {}{note}", t.theme.reference, title.join(" "));
    let mut lines = Vec::new();
    if let Some(rag) = &t.rag {
        lines.push(rag_line(Line::new(0).plain("theme rating: "), rag));
    }
    lines.extend(t.texts.iter().map(|x| text_change_line(0, x)));
    lines.extend(t.fields.iter().map(|f| field_line(0, f)));
    lines.extend(t.custom.iter().map(|x| custom_line(0, x)));
    t.actions.iter().for_each(|a| action_lines(a, &mut lines));
    t.measures.iter().for_each(|m| measure_lines(m, &mut lines));
    Section { heading, lines }
}

fn rated(rag: Option<Rag>) -> &'static str {
    rag.map_or("not yet rated", Rag::as_str)
}

/// Renumbered and nothing else: worth one line, not a block.
fn only_renumbered(a: &ActionChange) -> bool {
    a.kind == ChangeKind::Changed
        && a.moved_from.is_none()
        && a.rag.is_none_or(|r| r.trend == RagTrend::Unchanged)
        && a.texts.is_empty()
        && a.owners.is_none()
        && a.due.is_none()
        && a.milestones.is_empty()
        && a.custom.is_empty()
        && !a.newly_overdue
}

fn action_lines(a: &ActionChange, out: &mut Vec<Line>) {
    let mut head = Line::new(0);
    head.label = Some(a.item.reference.clone());
    if let (true, Some(old)) = (only_renumbered(a), &a.renumbered_from) {
        let first = paper::opening(&a.item.action);
        out.push(head.plain(format!("renumbered from {old}: {first}")));
        return;
    }
    out.push(match (a.kind, &a.rag) {
        (ChangeKind::Changed, Some(rag)) => rag_line(head, rag),
        (ChangeKind::Changed, None) => head.plain("changed"),
        (ChangeKind::Added, _) => head
            .add(Tone::Good, "new")
            .plain(format!(" ({})", rated(a.item.rag))),
        (ChangeKind::Removed, _) => head
            .add(Tone::Bad, "removed")
            .plain(format!(" (was {})", rated(a.item.rag))),
    });
    if let Some(derived) = a.item.derived_rag {
        let when = if a.kind == ChangeKind::Removed {
            "was "
        } else {
            ""
        };
        out.push(Line::new(1).plain(format!(
            "{when}{derived}, derived from its milestones (no rating of its own)"
        )));
    }
    if a.text(Field::Action).is_none() {
        out.push(Line::new(1).plain(a.item.action.trim()));
    }
    out.extend(owners_and_due(a));
    if let Some(old) = &a.renumbered_from {
        let how = match a.matched_by {
            Some(MatchedBy::Similarity { percent: 100 }) => " (same text)".to_string(),
            Some(MatchedBy::Similarity { percent }) => format!(" (text {percent}% the same)"),
            _ => String::new(),
        };
        out.push(Line::new(1).plain(format!("renumbered from {old}{how}")));
    }
    if let Some(theme) = &a.moved_from {
        let title = theme.title.split_whitespace().collect::<Vec<_>>().join(" ");
        let moved = format!("moved from theme {}: {title}", theme.reference);
        out.push(Line::new(1).plain(moved));
    }
    if a.newly_overdue {
        out.push(Line::new(1).add(Tone::Bad, "newly overdue"));
    }
    if a.kind == ChangeKind::Added
        && let Some(progress) = &a.item.progress
    {
        out.push(Line::new(1).plain(format!("progress: {}", progress.trim())));
    }
    action_details(a, out);
}

/// `owners: Quality & Effectiveness Group (QEG); due: 31 July 2013`: who and when, as they
/// stand (those that changed are shown with their change further down).
fn owners_and_due(a: &ActionChange) -> Option<Line> {
    let mut parts = Vec::new();
    if !a.item.owner_names.is_empty() && a.owners.is_none() {
        parts.push(format!("owners: {}", a.item.owner_names.join(", ")));
    }
    if let Some(due) = a.item.due.as_ref().filter(|_| a.due.is_none()) {
        parts.push(format!("due: {}", due_in_words(due)));
    }
    (!parts.is_empty()).then(|| Line::new(1).plain(parts.join("; ")))
}

fn action_details(a: &ActionChange, out: &mut Vec<Line>) {
    for t in &a.texts {
        if t.field == Field::Progress {
            progress_lines(1, t, out);
        } else {
            out.push(text_change_line(1, t));
        }
    }
    if let Some(o) = &a.owners {
        out.push(owners_line(1, o, &a.item.owners, &a.item.owner_names));
    }
    out.extend(a.due.as_ref().map(|d| due_line(1, d)));
    a.milestones.iter().for_each(|m| milestone_lines(m, out));
    out.extend(a.custom.iter().map(|x| custom_line(1, x)));
}

/// Rewritten progress: the new text in full, then (when there was text before) the word diff.
fn progress_lines(depth: usize, t: &TextChange, out: &mut Vec<Line>) {
    let now = t.to.as_deref().map_or("none", str::trim);
    out.push(Line::new(depth).plain(format!("progress now: {now}")));
    if t.from.as_deref().is_some_and(|f| !f.trim().is_empty()) && t.to.is_some() {
        let mut diff = text_change_line(depth, t);
        diff.spans[0].text = "progress changes: ".into();
        out.push(diff);
    } else if t.to.is_none() {
        out.push(Line::new(depth).plain(format!(
            "progress was: {}",
            t.from.as_deref().unwrap_or("").trim()
        )));
    }
}

fn milestone_lines(m: &MilestoneChange, out: &mut Vec<Line>) {
    let what = match m.kind {
        ChangeKind::Added => "milestone added",
        ChangeKind::Removed => "milestone removed",
        ChangeKind::Changed => "milestone",
    };
    let head = format!("{what} {}: {}", m.position, m.milestone.trim());
    out.push(Line::new(1).plain(head));
    if let Some(rag) = &m.rag {
        out.push(rag_line(Line::new(2).plain("rating: "), rag));
    }
    for t in &m.texts {
        if t.field == Field::Progress {
            progress_lines(2, t, out);
        } else {
            out.push(text_change_line(2, t));
        }
    }
    out.extend(m.owners.as_ref().map(|o| owners_line(2, o, &[], &[])));
    out.extend(m.due.as_ref().map(|d| due_line(2, d)));
}

fn measure_lines(m: &MeasureChange, out: &mut Vec<Line>) {
    let what = match m.kind {
        ChangeKind::Added => "new measure",
        ChangeKind::Removed => "measure removed",
        ChangeKind::Changed => "measure",
    };
    out.push(Line::new(0).plain(format!("{what}: {}", m.measure.trim())));
    if let Some(old) = &m.reworded_from {
        out.push(Line::new(1).plain(format!("reworded from: {}", old.trim())));
    }
    for f in &m.fields {
        out.push(match (m.kind, &f.to) {
            (ChangeKind::Added, Some(to)) => {
                Line::new(1).plain(format!("{}: {to}", f.field.label()))
            }
            _ => field_line(1, f),
        });
    }
    let changed_latest = m.fields.iter().any(|f| f.field == Field::Latest);
    if let (Some(latest), Some(target)) = (&m.latest, &m.target)
        && m.kind != ChangeKind::Added
        && (changed_latest || m.rag.is_some())
    {
        out.push(Line::new(1).plain(format!("latest {latest} against a target of {target}")));
    }
    if let Some(rag) = &m.rag {
        out.push(rag_line(Line::new(1).plain("rating: "), rag));
    }
}

/// `amber → green (improved)`, `amber (unchanged)`, `green → blue (completed)`.
fn rag_line(line: Line, r: &RagChange) -> Line {
    let name = |rag: Option<Rag>| rag.map_or("unrated", Rag::as_str);
    let (style, note) = match r.trend {
        RagTrend::Improved => (Tone::Good, "improved"),
        RagTrend::Completed => (Tone::Good, "completed"),
        RagTrend::Worsened => (Tone::Bad, "worsened"),
        RagTrend::Reopened => (Tone::Bad, "reopened"),
        RagTrend::Unchanged => {
            return line.plain(format!("{} (unchanged)", name(r.to)));
        }
        RagTrend::FirstRated => (Tone::Plain, "rated for the first time"),
        RagTrend::RatingRemoved => (Tone::Plain, "rating removed"),
    };
    line.add(style, format!("{} → {} ({note})", name(r.from), name(r.to)))
}

fn text_change_line(depth: usize, t: &TextChange) -> Line {
    let mut line = Line::new(depth).plain(format!("{}: ", t.field.label()));
    for segment in &t.words {
        let style = match segment.kind {
            SegmentKind::Same => Tone::Plain,
            SegmentKind::Removed => Tone::Removed,
            SegmentKind::Added => Tone::Added,
        };
        line = line.add(style, segment.text.clone());
    }
    line
}

fn field_line(depth: usize, f: &FieldChange) -> Line {
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "none".to_string());
    let text = format!("{}: {} → {}", f.field.label(), show(&f.from), show(&f.to));
    Line::new(depth).plain(text)
}

/// `owners: added Quality & Effectiveness Group (QEG); removed SLDG`: names spelled out from
/// `names` (the action's owners in full, parallel to `shorts`) where the glossary knows them.
fn owners_line(depth: usize, o: &OwnersChange, shorts: &[String], names: &[String]) -> Line {
    let full = |short: &String| {
        shorts
            .iter()
            .position(|s| s == short)
            .and_then(|i| names.get(i))
            .unwrap_or(short)
            .clone()
    };
    let mut parts = Vec::new();
    if !o.added.is_empty() {
        let added: Vec<String> = o.added.iter().map(full).collect();
        parts.push(format!("added {}", added.join(", ")));
    }
    if !o.removed.is_empty() {
        parts.push(format!("removed {}", o.removed.join(", ")));
    }
    Line::new(depth).plain(format!("owners: {}", parts.join("; ")))
}

fn due_line(depth: usize, d: &DueChange) -> Line {
    let show = |v: &Option<Due>| v.as_ref().map_or("none".into(), due_in_words);
    let line = Line::new(depth).plain(format!("due: {} → {}", show(&d.from), show(&d.to)));
    match d.shift {
        Some(DueShift::Later) => line.plain(" ").add(Tone::Bad, "(later)"),
        Some(DueShift::Earlier) => line.plain(" (earlier)"),
        Some(DueShift::SameDeadline) => line.plain(" (same deadline)"),
        None => line,
    }
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
