//! `git diff` of a plan file with hunk headers that name what each change is in: the action
//! (`@@ -40,7 +40,7 @@ 3.2 Develop a framework…`), milestone, measure, theme or the plan itself.
//!
//! git's own `xfuncname` search starts above a hunk's first context line, so it names the
//! previous action for edits in an action's first lines (its ref, its text, a short action).
//! This is the external diff (`diff.boardplan.command`, set by `git-setup`): the lines shown
//! are the file's real lines, and each header is found from the YAML structure of the version
//! holding the hunk's first changed line, in any style the loader reads (any indentation,
//! quoted keys, flow mappings).

use crate::text::{clip, first_line};
use saphyr_parser::{Event, Parser};
use std::fmt::Write as _;

/// The owner of each line of a plan's text: `labels[i]` names what line `i` (0-based) is in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineOwners {
    labels: Vec<String>,
}

impl LineOwners {
    /// Reads the structure of a plan's text; a text that is not YAML owns no lines.
    pub fn of(text: &str) -> LineOwners {
        let Some(root) = parse(text) else {
            return LineOwners::default();
        };
        let mut marks = Vec::new();
        plan_marks(&root, &mut marks);
        marks.sort_by_key(|&(line, order, _)| (line, order));
        let count = text.lines().count();
        let mut labels = Vec::with_capacity(count);
        let mut current = String::new();
        let mut next = marks.into_iter().peekable();
        for line in 0..count {
            while let Some((_, _, label)) = next.next_if(|&(at, _, _)| at <= line) {
                current = label;
            }
            labels.push(current.clone());
        }
        LineOwners { labels }
    }

    /// What line `line` (0-based) is in; empty when unknown.
    pub fn label(&self, line: usize) -> &str {
        self.labels.get(line).map_or("", String::as_str)
    }
}

/// A YAML value with the 0-based line of each mapping key and sequence item.
enum Yaml {
    Map(Vec<(String, usize, Yaml)>),
    Seq(Vec<Yaml>),
    Scalar(String),
}

impl Yaml {
    fn get(&self, key: &str) -> Option<&Yaml> {
        match self {
            Yaml::Map(entries) => entries.iter().find(|e| e.0 == key).map(|e| &e.2),
            _ => None,
        }
    }

    fn text(&self, key: &str) -> String {
        match self.get(key) {
            Some(Yaml::Scalar(text)) => clip(first_line(text), 60),
            _ => String::new(),
        }
    }

    fn items(&self, key: &str) -> &[Yaml] {
        match self.get(key) {
            Some(Yaml::Seq(items)) => items,
            _ => &[],
        }
    }
}

/// Reads the first document of `text` into a [`Yaml`] tree.
fn parse(text: &str) -> Option<Yaml> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<(Yaml, Option<(String, usize)>)> = Vec::new();
    while let Some(Ok((event, span))) = parser.next_event() {
        let line = span.start.line().saturating_sub(1);
        let value = match event {
            Event::MappingStart(..) => {
                stack.push((Yaml::Map(Vec::new()), None));
                continue;
            }
            Event::SequenceStart(..) => {
                stack.push((Yaml::Seq(Vec::new()), None));
                continue;
            }
            Event::MappingEnd | Event::SequenceEnd => stack.pop()?.0,
            Event::Scalar(text, ..) => Yaml::Scalar(text.into_owned()),
            Event::Alias(_) => Yaml::Scalar(String::new()),
            _ => continue,
        };
        let Some((parent, key)) = stack.last_mut() else {
            return Some(value);
        };
        match parent {
            Yaml::Seq(items) => items.push(value),
            Yaml::Map(entries) => match key.take() {
                Some((name, at)) => entries.push((name, at, value)),
                None => match value {
                    Yaml::Scalar(name) => *key = Some((name, line)),
                    _ => *key = Some((String::new(), line)),
                },
            },
            Yaml::Scalar(_) => return None,
        }
    }
    None
}

/// A mark: from this 0-based line on (and in this order among marks on one line), lines are
/// in this element.
type Mark = (usize, usize, String);

fn mark_keys(map: &Yaml, label: &str, marks: &mut Vec<Mark>) {
    if let Yaml::Map(entries) = map {
        for (_, line, _) in entries {
            let order = marks.len();
            marks.push((*line, order, label.to_string()));
        }
    }
}

fn plan_marks(plan: &Yaml, marks: &mut Vec<Mark>) {
    mark_keys(plan, "plan", marks);
    for theme in plan.items("themes") {
        let reference = theme.text("ref");
        mark_keys(
            theme,
            &format!("theme {reference}: {}", theme.text("title")),
            marks,
        );
        for action in theme.items("actions") {
            let action_ref = action.text("ref");
            mark_keys(
                action,
                &format!("{action_ref} {}", action.text("action")),
                marks,
            );
            for milestone in action.items("milestones") {
                let label = format!("{action_ref} milestone: {}", milestone.text("milestone"));
                mark_keys(milestone, &label, marks);
            }
        }
        for measure in theme.items("measures") {
            let label = format!("theme {reference} measure: {}", measure.text("measure"));
            mark_keys(measure, &label, marks);
        }
    }
}

/// The unified diff (3 lines of context) of two versions of a plan file, hunks only, each
/// header naming what its first changed line is in: in the old version for a changed or
/// removed line, in the new one for an added line.
pub fn hunks(old: &str, new: &str) -> String {
    hunks_with(&LineOwners::of(old), old, new)
}

/// [`hunks`], with the owners of `old`'s lines already read (for many diffs of one version).
pub fn hunks_with(old_owners: &LineOwners, old: &str, new: &str) -> String {
    let (a, b) = (lines(old), lines(new));
    let mut new_owners: Option<LineOwners> = None;
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b);
    let mut out = String::new();
    for group in similar::group_diff_ops(ops, 3) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let old_range = first.old_range().start..last.old_range().end;
        let new_range = first.new_range().start..last.new_range().end;
        let label = match group
            .iter()
            .find(|op| !matches!(op, similar::DiffOp::Equal { .. }))
        {
            Some(op) if op.old_range().is_empty() => new_owners
                .get_or_insert_with(|| LineOwners::of(new))
                .label(op.new_range().start)
                .to_string(),
            Some(op) => old_owners.label(op.old_range().start).to_string(),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "@@ -{} +{} @@{}{label}",
            range(&old_range),
            range(&new_range),
            if label.is_empty() { "" } else { " " }
        );
        for op in &group {
            for change in op.iter_changes(&a, &b) {
                let sign = match change.tag() {
                    similar::ChangeTag::Equal => ' ',
                    similar::ChangeTag::Delete => '-',
                    similar::ChangeTag::Insert => '+',
                };
                push_line(&mut out, sign, change.value());
            }
        }
    }
    out
}

/// One diff line; a last line without a line end is marked as git marks it.
fn push_line(out: &mut String, sign: char, line: &str) {
    out.push(sign);
    out.push_str(line);
    if !line.ends_with('\n') {
        out.push_str("\n\\ No newline at end of file\n");
    }
}

/// A hunk range as git writes it: 1-based start, length left out when 1, `n,0` when empty.
fn range(lines: &std::ops::Range<usize>) -> String {
    match lines.len() {
        0 => format!("{},0", lines.start),
        1 => format!("{}", lines.start + 1),
        n => format!("{},{n}", lines.start + 1),
    }
}

fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "\
board: B
period: 2013-14
title: T
themes:
- ref: '1'
  title: Early help
  actions:
  - ref: '1.1'
    action: Monitor the dataset
    rag: green
  - {ref: '1.2', action: Publish the thresholds, rag: amber}
  - \"ref\": '1.3'
    \"action\": Audit the files
    milestones:
    - milestone: Draft
      due: 2013-09
    notes: kept
  measures:
  - measure: NI 59
    latest: 52%
";

    #[test]
    fn every_line_is_owned_by_its_element() {
        let owners = LineOwners::of(PLAN);
        let at = |line: usize| owners.label(line - 1).to_string();
        assert_eq!(at(1), "plan");
        assert_eq!(at(6), "theme 1: Early help");
        assert_eq!(at(8), "1.1 Monitor the dataset");
        assert_eq!(at(10), "1.1 Monitor the dataset");
        assert_eq!(at(11), "1.2 Publish the thresholds");
        assert_eq!(at(12), "1.3 Audit the files");
        assert_eq!(at(16), "1.3 milestone: Draft");
        assert_eq!(at(17), "1.3 Audit the files");
        assert_eq!(at(18), "theme 1: Early help");
        assert_eq!(at(20), "theme 1 measure: NI 59");
    }

    #[test]
    fn a_ref_edit_is_named_after_the_action_it_is_in() {
        let new = PLAN.replace("  - ref: '1.1'", "  - ref: '1.9'");
        let diff = hunks(PLAN, &new);
        assert!(
            diff.starts_with("@@ -5,7 +5,7 @@ 1.1 Monitor the dataset\n"),
            "{diff}"
        );
        assert!(
            diff.contains("\n-  - ref: '1.1'\n+  - ref: '1.9'\n"),
            "{diff}"
        );
    }

    #[test]
    fn an_added_line_is_named_after_the_new_version() {
        let new = PLAN.replace("    notes: kept\n", "    notes: kept\n    rag: red\n");
        let diff = hunks(PLAN, &new);
        assert!(
            diff.starts_with("@@ -15,6 +15,7 @@ 1.3 Audit the files\n"),
            "{diff}"
        );
    }
}
