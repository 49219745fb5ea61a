//! Change reports: a [`Comparison`] as terminal text (plain or coloured), Markdown for a board
//! paper, or JSON for other tools (pure).
//!
//! Text and Markdown share one layout, built first as styled lines: the summary line, plan-level
//! changes, then a section per theme (new plan order, removed themes last) with the theme's own
//! changes, one entry per action starting with its ref, and the measures.

use super::diff::{
    ActionChange, ChangeKind, Comparison, DueChange, DueShift, Field, FieldChange, MatchedBy,
    MeasureChange, MilestoneChange, OwnersChange, RagChange, RagTrend, SegmentKind, Summary,
    TextChange, ThemeChange,
};
use crate::model::Rag;

/// How a run of report text is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Good,
    Bad,
    Removed,
    Added,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Span {
    style: Style,
    text: String,
}

/// One entry of a report: its depth (0 = under the theme heading), an optional ref, its text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Line {
    depth: usize,
    label: Option<String>,
    spans: Vec<Span>,
}

impl Line {
    fn new(depth: usize) -> Line {
        Line {
            depth,
            label: None,
            spans: Vec::new(),
        }
    }

    fn add(mut self, style: Style, text: impl Into<String>) -> Line {
        self.spans.push(Span {
            style,
            text: text.into(),
        });
        self
    }

    fn plain(self, text: impl Into<String>) -> Line {
        self.add(Style::Plain, text)
    }
}

/// A theme's part of a report.
struct Section {
    heading: String,
    lines: Vec<Line>,
}

/// The summary line: `3 improved, 1 worsened, 2 new, 1 closed`, then whichever other counts
/// are not zero (moved or renumbered, progress updates, first ratings, themes added...).
pub fn summary_line(s: &Summary) -> String {
    let mut parts = vec![
        format!("{} improved", s.improved),
        format!("{} worsened", s.worsened),
        format!("{} new", s.new),
        format!("{} closed", s.closed),
    ];
    let extras = [
        (s.moved, "moved or renumbered", "moved or renumbered"),
        (s.progress_updated, "progress update", "progress updates"),
        (
            s.first_rated,
            "rated for the first time",
            "rated for the first time",
        ),
        (s.rating_removed, "rating removed", "ratings removed"),
        (s.themes_added, "theme added", "themes added"),
        (s.themes_removed, "theme removed", "themes removed"),
    ];
    for (count, one, many) in extras {
        if count > 0 {
            parts.push(format!("{count} {}", if count == 1 { one } else { many }));
        }
    }
    parts.join(", ")
}

/// The report for a terminal: themes, then each action as `3.2  amber → green (improved)`
/// with indented details. With `color`, ANSI colours mark improved (green) and worsened (red)
/// and the word diffs; without, removed words read `[-so-]` and added words `{+so+}`.
pub fn text(c: &Comparison, color: bool) -> String {
    if c.plan.is_empty() && c.themes.is_empty() {
        return "No changes.\n".to_string();
    }
    let mut out = format!("{}\n", summary_line(&c.summary));
    for line in plan_lines(c) {
        out.push_str(&text_line(&line, color));
    }
    for section in c.themes.iter().map(section) {
        out.push('\n');
        out.push_str(&bold(&section.heading, color));
        out.push('\n');
        for line in &section.lines {
            out.push_str(&text_line(line, color));
        }
    }
    out
}

/// The report as Markdown for a board paper: `title` as the heading, the summary line, then a
/// `##` heading per theme with a bullet per action (ref in bold) and nested bullets of detail.
/// Removed words are struck through (`~~so~~`) and added words bold (`**so**`).
pub fn markdown(c: &Comparison, title: &str) -> String {
    let mut out = format!("# {}\n\n", escape(title));
    if c.plan.is_empty() && c.themes.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    out.push_str(&format!("{}\n", summary_line(&c.summary)));
    let plan = plan_lines(c);
    if !plan.is_empty() {
        out.push('\n');
        plan.iter().for_each(|l| out.push_str(&markdown_line(l)));
    }
    for section in c.themes.iter().map(section) {
        out.push_str(&format!("\n## {}\n\n", escape(&section.heading)));
        section
            .lines
            .iter()
            .for_each(|l| out.push_str(&markdown_line(l)));
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

fn plan_lines(c: &Comparison) -> Vec<Line> {
    c.plan.iter().map(|f| field_line(0, f)).collect()
}

fn section(t: &ThemeChange) -> Section {
    let note = match (t.kind, &t.renumbered_from) {
        (ChangeKind::Added, _) => " (new theme)".to_string(),
        (ChangeKind::Removed, _) => " (theme removed)".to_string(),
        (ChangeKind::Changed, Some(old)) => format!(" (was theme {old})"),
        (ChangeKind::Changed, None) => String::new(),
    };
    // Titles are shown whole: a heading has the width of the page to itself.
    let title = t
        .theme
        .title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let heading = format!("Theme {}: {title}{note}", t.theme.reference);
    let mut lines = Vec::new();
    if let Some(rag) = &t.rag {
        lines.push(rag_line(Line::new(0).plain("rating: "), rag));
    }
    lines.extend(t.texts.iter().map(|x| text_change_line(0, x)));
    lines.extend(t.fields.iter().map(|f| field_line(0, f)));
    if t.custom_changed {
        lines.push(Line::new(0).plain("custom fields changed"));
    }
    t.actions.iter().for_each(|a| action_lines(a, &mut lines));
    t.measures.iter().for_each(|m| measure_lines(m, &mut lines));
    Section { heading, lines }
}

fn action_lines(a: &ActionChange, out: &mut Vec<Line>) {
    let mut head = Line::new(0);
    head.label = Some(a.item.reference.clone());
    let rated = |rag: Option<Rag>| rag.map_or("not yet rated", Rag::as_str);
    out.push(match (a.kind, &a.rag) {
        (ChangeKind::Changed, Some(rag)) => rag_line(head, rag),
        (ChangeKind::Changed, None) => head.plain("changed"),
        (ChangeKind::Added, _) => head
            .add(Style::Good, "new")
            .plain(format!(" ({})", rated(a.item.rag))),
        (ChangeKind::Removed, _) => head.plain(format!("closed (was {})", rated(a.item.rag))),
    });
    if a.text(Field::Action).is_none() {
        out.push(Line::new(1).plain(first_line(&a.item.action)));
    }
    if a.kind == ChangeKind::Added {
        out.extend(added_action_line(a));
    }
    if let Some(old) = &a.renumbered_from {
        let how = match a.matched_by {
            Some(MatchedBy::Similarity { percent: 100 }) => " (same text)".to_string(),
            Some(MatchedBy::Similarity { percent }) => format!(" (text {percent}% similar)"),
            _ => String::new(),
        };
        out.push(Line::new(1).plain(format!("renumbered from {old}{how}")));
    }
    if let Some(theme) = &a.moved_from {
        let title = first_line(&theme.title);
        let moved = format!("moved from theme {}: {title}", theme.reference);
        out.push(Line::new(1).plain(moved));
    }
    action_details(a, out);
}

fn added_action_line(a: &ActionChange) -> Option<Line> {
    let mut parts = Vec::new();
    if !a.item.owners.is_empty() {
        parts.push(format!("owners: {}", a.item.owners.join(", ")));
    }
    if let Some(due) = &a.item.due {
        parts.push(format!("due: {due}"));
    }
    (!parts.is_empty()).then(|| Line::new(1).plain(parts.join("; ")))
}

fn action_details(a: &ActionChange, out: &mut Vec<Line>) {
    out.extend(a.texts.iter().map(|t| text_change_line(1, t)));
    out.extend(a.owners.as_ref().map(|o| owners_line(1, o)));
    out.extend(a.due.as_ref().map(|d| due_line(1, d)));
    a.milestones.iter().for_each(|m| milestone_lines(m, out));
    if a.custom_changed {
        out.push(Line::new(1).plain("custom fields changed"));
    }
}

fn milestone_lines(m: &MilestoneChange, out: &mut Vec<Line>) {
    let what = match m.kind {
        ChangeKind::Added => "milestone added",
        ChangeKind::Removed => "milestone removed",
        ChangeKind::Changed => "milestone",
    };
    let head = format!("{what} {}: {}", m.position, first_line(&m.milestone));
    out.push(Line::new(1).plain(head));
    if let Some(rag) = &m.rag {
        out.push(rag_line(Line::new(2).plain("rating: "), rag));
    }
    out.extend(m.texts.iter().map(|t| text_change_line(2, t)));
    out.extend(m.owners.as_ref().map(|o| owners_line(2, o)));
    out.extend(m.due.as_ref().map(|d| due_line(2, d)));
}

fn measure_lines(m: &MeasureChange, out: &mut Vec<Line>) {
    let what = match m.kind {
        ChangeKind::Added => "new measure",
        ChangeKind::Removed => "measure removed",
        ChangeKind::Changed => "measure",
    };
    out.push(Line::new(0).plain(format!("{what}: {}", first_line(&m.measure))));
    for f in &m.fields {
        out.push(match (m.kind, &f.to) {
            (ChangeKind::Added, Some(to)) => {
                Line::new(1).plain(format!("{}: {to}", f.field.label()))
            }
            _ => field_line(1, f),
        });
    }
    if let Some(rag) = &m.rag {
        out.push(rag_line(Line::new(1).plain("rating: "), rag));
    }
}

/// `amber → green (improved)`, `amber (unchanged)`, `unrated → red (rated for the first time)`.
fn rag_line(line: Line, r: &RagChange) -> Line {
    let name = |rag: Option<Rag>| rag.map_or("unrated", Rag::as_str);
    let (style, note) = match r.trend {
        RagTrend::Improved => (Style::Good, "improved"),
        RagTrend::Worsened => (Style::Bad, "worsened"),
        RagTrend::Unchanged => {
            return line.plain(format!("{} (unchanged)", name(r.to)));
        }
        RagTrend::FirstRated => (Style::Plain, "rated for the first time"),
        RagTrend::RatingRemoved => (Style::Plain, "rating removed"),
    };
    line.add(style, format!("{} → {} ({note})", name(r.from), name(r.to)))
}

fn text_change_line(depth: usize, t: &TextChange) -> Line {
    let mut line = Line::new(depth).plain(format!("{}: ", t.field.label()));
    for segment in &t.words {
        let style = match segment.kind {
            SegmentKind::Same => Style::Plain,
            SegmentKind::Removed => Style::Removed,
            SegmentKind::Added => Style::Added,
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

fn owners_line(depth: usize, o: &OwnersChange) -> Line {
    let mut parts = Vec::new();
    if !o.added.is_empty() {
        parts.push(format!("added {}", o.added.join(", ")));
    }
    if !o.removed.is_empty() {
        parts.push(format!("removed {}", o.removed.join(", ")));
    }
    Line::new(depth).plain(format!("owners: {}", parts.join("; ")))
}

fn due_line(depth: usize, d: &DueChange) -> Line {
    let show = |v: &Option<crate::model::Due>| v.as_ref().map_or("none".into(), |d| d.to_string());
    let line = Line::new(depth).plain(format!("due: {} → {}", show(&d.from), show(&d.to)));
    match d.shift {
        Some(DueShift::Later) => line.plain(" ").add(Style::Bad, "(later)"),
        Some(DueShift::Earlier) => line.plain(" (earlier)"),
        Some(DueShift::SameDeadline) => line.plain(" (same deadline)"),
        None => line,
    }
}

/// The first non-blank line of a text, cut (at a space where it can) to 72 characters; " …"
/// marks more lines.
fn first_line(text: &str) -> String {
    const MAX: usize = 72;
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let more = text.trim().lines().count() > 1;
    if line.chars().count() > MAX {
        let mut cut: String = line.chars().take(MAX - 1).collect();
        let mid_word = line[cut.len()..].starts_with(|c: char| !c.is_whitespace());
        match cut.rfind(char::is_whitespace) {
            Some(space) if mid_word && space > MAX / 2 => cut.truncate(space),
            _ => {}
        }
        format!("{}…", cut.trim_end())
    } else if more {
        format!("{line} …")
    } else {
        line.to_string()
    }
}

/// Bold, for headings and refs in colour mode.
fn bold(text: &str, color: bool) -> String {
    if color {
        format!("\x1b[1m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// A line for the terminal: depth 0 at two spaces, then four more per level; continuation
/// lines of multi-line text two further in.
fn text_line(line: &Line, color: bool) -> String {
    let indent = " ".repeat(2 + 4 * line.depth);
    let mut out = indent.clone();
    if let Some(label) = &line.label {
        out.push_str(&bold(label, color));
        out.push_str("  ");
    }
    for span in &line.spans {
        let (open, close) = match (span.style, color) {
            (Style::Plain, _) => ("", ""),
            (Style::Good | Style::Added, true) => ("\x1b[32m", "\x1b[0m"),
            (Style::Bad, true) => ("\x1b[31m", "\x1b[0m"),
            (Style::Removed, true) => ("\x1b[31;9m", "\x1b[0m"),
            (Style::Good | Style::Bad, false) => ("", ""),
            (Style::Removed, false) => ("[-", "-]"),
            (Style::Added, false) => ("{+", "+}"),
        };
        out.push_str(&format!("{open}{}{close}", span.text));
    }
    out.replace('\n', &format!("\n{indent}  ")) + "\n"
}

/// A bullet: two spaces of nesting per depth; multi-line text continues after hard breaks.
fn markdown_line(line: &Line) -> String {
    let indent = "  ".repeat(line.depth);
    let mut out = String::new();
    if let Some(label) = &line.label {
        out.push_str(&format!("**{}** ", escape(label)));
    }
    for span in &line.spans {
        let mark = match span.style {
            Style::Plain | Style::Good | Style::Bad => "",
            Style::Removed => "~~",
            Style::Added => "**",
        };
        out.push_str(&marked(&span.text, mark));
    }
    let rows: Vec<&str> = out.split('\n').filter(|r| !r.trim().is_empty()).collect();
    format!("{indent}- {}\n", rows.join(&format!("\\\n{indent}  ")))
}

/// Escaped text wrapped in `mark` line by line, with surrounding spaces left outside the marks
/// (Markdown ignores `** so**`).
fn marked(text: &str, mark: &str) -> String {
    let wrap = |piece: &str| {
        let core = piece.trim();
        if mark.is_empty() || core.is_empty() {
            return escape(piece);
        }
        let start = piece.len() - piece.trim_start().len();
        let end = piece.trim_end().len();
        let (lead, tail) = (&piece[..start], &piece[end..]);
        format!("{lead}{mark}{}{mark}{tail}", escape(core))
    };
    text.split('\n').map(wrap).collect::<Vec<_>>().join("\n")
}

/// Backslash before every character Markdown could read as markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_~[]<>|#".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
