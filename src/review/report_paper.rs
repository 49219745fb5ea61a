//! What a board paper opens with: a heading naming the board, the plan and the two points in
//! time in words; the counts; action ratings per theme before and after; and the exceptions a
//! chair looks at first (new reds, worsened, reopened, slipped deadlines, newly overdue).

use super::render::{self, Line, Section, Tone, bold, escape};
use super::{due_in_words, plan_lines, sections, summary_line};
use crate::model::{Due, Rag};
use crate::review::diff::{ActionChange, ChangeKind, Comparison, DueShift, RagTally, RagTrend};

/// The heading of one file's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// The file, relative to the repository (`plans/2013-14.yaml`).
    pub path: String,
    /// Its old name, when it was renamed or moved (`git mv`).
    pub renamed_from: Option<String>,
    /// The old point in time in words: `the meeting of 17 September 2013`.
    pub from: String,
    /// The new point in time in words: `the working tree on 29 November 2026`.
    pub to: String,
}

impl Heading {
    fn title(&self, c: &Comparison) -> String {
        let plan = match (c.board.is_empty(), c.title.is_empty()) {
            (false, false) => format!("{}: {}", c.board, c.title),
            (false, true) => c.board.clone(),
            (true, _) => c.title.clone(),
        };
        let file = match &self.renamed_from {
            Some(old) => format!("{} (renamed from {old})", self.path),
            None => self.path.clone(),
        };
        format!("{plan} — {file}")
    }

    fn when(&self) -> String {
        format!("Changes since {}, to {}", self.from, self.to)
    }
}

/// One action the board should look at first, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exception {
    /// The action's ref.
    pub reference: String,
    /// What it is: the first line of its text.
    pub action: String,
    /// Why it is an exception: `worsened amber → red`, `deadline moved later: ...`.
    pub reasons: Vec<String>,
}

/// New reds, worsened or reopened ratings, deadlines moved later, and actions newly overdue,
/// in report order.
pub fn exceptions(c: &Comparison) -> Vec<Exception> {
    let all = c.themes.iter().flat_map(|t| &t.actions);
    all.filter(|a| a.kind != ChangeKind::Removed)
        .filter_map(|a| {
            let reasons = reasons(a);
            (!reasons.is_empty()).then(|| Exception {
                reference: a.item.reference.clone(),
                action: opening(&a.item.action),
                reasons,
            })
        })
        .collect()
}

/// Why an action is an exception, if it is one.
fn reasons(a: &ActionChange) -> Vec<String> {
    let mut reasons = Vec::new();
    let name = |r: Option<Rag>| r.map_or("unrated", Rag::as_str);
    match &a.rag {
        Some(r) if matches!(r.trend, RagTrend::Worsened | RagTrend::Reopened) => {
            let word = if r.trend == RagTrend::Worsened {
                "worsened"
            } else {
                "reopened"
            };
            reasons.push(format!("{word} {} → {}", name(r.from), name(r.to)));
        }
        Some(r) if r.to == Some(Rag::Red) && r.from != Some(Rag::Red) => {
            reasons.push(format!("newly red (was {})", name(r.from)));
        }
        None if a.kind == ChangeKind::Added && a.item.rag == Some(Rag::Red) => {
            reasons.push("new and rated red".into());
        }
        _ => {}
    }
    if let Some(d) = a.due.as_ref().filter(|d| d.shift == Some(DueShift::Later)) {
        let show = |v: &Option<Due>| v.as_ref().map_or("none".into(), due_in_words);
        let (from, to) = (show(&d.from), show(&d.to));
        reasons.push(format!("deadline moved later: {from} → {to}"));
    }
    if a.newly_overdue {
        let due = a.item.due.as_ref().map(due_in_words);
        let due = due.map_or(String::new(), |d| format!(" (due {d})"));
        reasons.push(format!("newly overdue{due}"));
    }
    reasons
}

/// The first line of a text, with ` …` when more lines follow (the full text is further down).
pub(super) fn opening(text: &str) -> String {
    let first = crate::text::first_line(text);
    if text.trim().lines().count() > 1 {
        format!("{first} …")
    } else {
        first.to_string()
    }
}

const RATINGS: [(Option<Rag>, &str); 5] = [
    (Some(Rag::Red), "red"),
    (Some(Rag::Amber), "amber"),
    (Some(Rag::Green), "green"),
    (Some(Rag::Blue), "blue"),
    (None, "not rated"),
];

/// `3` when unchanged, `3 → 4` when not.
fn before_after(before: &RagTally, after: &RagTally, rag: Option<Rag>) -> String {
    let (a, b) = (before.get(rag), after.get(rag));
    if a == b {
        a.to_string()
    } else {
        format!("{a} → {b}")
    }
}

fn theme_label(c: &crate::review::diff::ThemeCounts) -> String {
    let title = c
        .theme
        .title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let note = match c.kind {
        ChangeKind::Added => " (new)",
        ChangeKind::Removed => " (removed)",
        ChangeKind::Changed => "",
    };
    format!("{} {title}{note}", c.theme.reference)
}

fn ratings_section(c: &Comparison) -> Section {
    let lines = c
        .rag_counts
        .iter()
        .map(|t| {
            let counts: Vec<String> = RATINGS
                .iter()
                .map(|(rag, name)| format!("{name} {}", before_after(&t.before, &t.after, *rag)))
                .collect();
            Line::new(0).plain(format!("{}: {}", theme_label(t), counts.join(", ")))
        })
        .collect();
    Section {
        heading: "Action ratings by theme (before → after)".into(),
        lines,
    }
}

fn exceptions_section(c: &Comparison) -> Option<Section> {
    let lines: Vec<Line> = exceptions(c)
        .into_iter()
        .map(|e| {
            let mut line = Line::new(0).add(Tone::Bad, e.reasons.join("; "));
            line.label = Some(e.reference);
            line.plain(format!(": {}", e.action))
        })
        .collect();
    (!lines.is_empty()).then(|| Section {
        heading: "Needs the board's attention".into(),
        lines,
    })
}

/// One file's report for a terminal or a plain-text paper: heading, counts, ratings per
/// theme, exceptions, then the changes theme by theme.
pub fn text_paper(c: &Comparison, heading: &Heading, color: bool) -> String {
    let mut out = format!("{}\n{}\n", bold(&heading.title(c), color), heading.when());
    if c.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    out.push_str(&format!("{}\n", summary_line(&c.summary)));
    let mut parts = vec![ratings_section(c)];
    parts.extend(exceptions_section(c));
    let plan = plan_lines(c);
    if !plan.is_empty() {
        parts.push(Section {
            heading: "The plan".into(),
            lines: plan,
        });
    }
    parts.extend(sections(c));
    for section in parts {
        out.push('\n');
        out.push_str(&render::text_section(&section, color));
    }
    out
}

/// One file's report in Markdown for a board paper: `#` heading, the two points in time, the
/// counts, a table of ratings per theme, the exceptions, then a `##` section per theme.
pub fn markdown_paper(c: &Comparison, heading: &Heading) -> String {
    let mut out = format!(
        "# {}\n\n{}\n\n",
        escape(&heading.title(c)),
        escape(&heading.when())
    );
    if c.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    out.push_str(&format!("{}\n", escape(&summary_line(&c.summary))));
    out.push_str("\n## Action ratings by theme\n\n| Theme | Red | Amber | Green | Blue | Not rated |\n|---|---|---|---|---|---|\n");
    for t in &c.rag_counts {
        let cells: Vec<String> = RATINGS
            .iter()
            .map(|(rag, _)| before_after(&t.before, &t.after, *rag))
            .collect();
        out.push_str(&format!(
            "| {} | {} |\n",
            escape(&theme_label(t)),
            cells.join(" | ")
        ));
    }
    let mut parts: Vec<Section> = exceptions_section(c).into_iter().collect();
    let plan = plan_lines(c);
    if !plan.is_empty() {
        parts.push(Section {
            heading: "The plan".into(),
            lines: plan,
        });
    }
    parts.extend(sections(c));
    for section in parts {
        out.push_str(&render::markdown_section(&section));
    }
    out
}
