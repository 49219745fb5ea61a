//! Building a comparison: the changes of each paired theme and action, with what is new and
//! what was removed. Pairing is `diff_weigh.rs`'s; milestones and measures are `diff_items.rs`'s.

use super::FieldChange;
use super::items::{measures, milestones};
use super::matching::word_diff;
use super::values::{custom, field};
use super::weigh;
use super::{
    ActionChange, ActionItem, ChangeKind, DueChange, DueShift, Field, MatchedBy, Moments,
    OwnersChange, RagChange, RagTrend, TextChange, ThemeChange, ThemeRef,
};
use crate::model::{
    ACTION_FIELDS, Action, ActionPos, Due, FieldSpec, FieldValue, GlossaryEntry, Kind, Plan,
    THEME_FIELDS, Theme,
};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Every theme with something to report (the new plan's in order, then the removed ones), and
/// for each new theme the old theme it continues.
pub(super) fn themes(
    old: &Plan,
    new: &Plan,
    moments: Moments,
) -> (Vec<ThemeChange>, Vec<Option<usize>>) {
    let ctx = Context::new(old, new, moments);
    let mut out = Vec::new();
    for j in 0..new.themes.len() {
        let change = match ctx.theme_from[j] {
            Some(i) => ctx.kept_theme(i, j),
            None => Some(ctx.added_theme(j)),
        };
        out.extend(change);
    }
    let kept: BTreeSet<usize> = ctx.theme_from.iter().flatten().copied().collect();
    for i in (0..old.themes.len()).filter(|i| !kept.contains(i)) {
        out.push(ctx.removed_theme(i));
    }
    (out, ctx.theme_from)
}

/// The two plans and how their themes and actions pair up.
struct Context<'a> {
    old: &'a Plan,
    new: &'a Plan,
    moments: Moments,
    /// For each new theme, the old theme it continues.
    theme_from: Vec<Option<usize>>,
    /// For each kept action's new position: its old position and how it was recognised.
    action_from: BTreeMap<ActionPos, (ActionPos, MatchedBy)>,
    /// Old positions of the kept actions.
    old_kept: BTreeSet<ActionPos>,
}

impl<'a> Context<'a> {
    fn new(old: &'a Plan, new: &'a Plan, moments: Moments) -> Context<'a> {
        let prepared = weigh::prepare(old, new);
        let theme_from = weigh::themes(old, new, &prepared);
        let action_from = weigh::actions(prepared, &theme_from);
        let old_kept = action_from.values().map(|(pos, _)| *pos).collect();
        Context {
            old,
            new,
            moments,
            theme_from,
            action_from,
            old_kept,
        }
    }

    fn kept_theme(&self, i: usize, j: usize) -> Option<ThemeChange> {
        let (o, n) = (&self.old.themes[i], &self.new.themes[j]);
        let (texts, fields) = text_changes(THEME_FIELDS, "ref", true, o, n);
        let mut actions = self.theme_actions(j);
        actions.extend(self.removed_actions(i));
        let change = ThemeChange {
            kind: ChangeKind::Changed,
            theme: theme_ref(n),
            renumbered_from: (o.reference != n.reference).then(|| o.reference.clone()),
            rag: (o.rag != n.rag).then(|| RagChange::between(o.rag, n.rag)),
            texts,
            fields,
            actions,
            measures: measures(&o.measures, &n.measures),
            custom: custom(o.custom.as_ref(), n.custom.as_ref()),
        };
        let quiet = change.renumbered_from.is_none()
            && change.rag.is_none()
            && change.texts.is_empty()
            && change.fields.is_empty()
            && change.actions.is_empty()
            && change.measures.is_empty()
            && change.custom.is_empty();
        (!quiet).then_some(change)
    }

    fn added_theme(&self, j: usize) -> ThemeChange {
        let theme = &self.new.themes[j];
        let mut change = bare_theme(ChangeKind::Added, theme);
        change.actions = self.theme_actions(j);
        change.measures = measures(&[], &theme.measures);
        change.custom = custom(None, theme.custom.as_ref());
        change
    }

    fn removed_theme(&self, i: usize) -> ThemeChange {
        let theme = &self.old.themes[i];
        let mut change = bare_theme(ChangeKind::Removed, theme);
        change.actions = self.removed_actions(i);
        change.measures = measures(&theme.measures, &[]);
        change
    }

    /// The new theme's actions that are new or changed, in order.
    fn theme_actions(&self, j: usize) -> Vec<ActionChange> {
        let theme = &self.new.themes[j];
        let mut out = Vec::new();
        for (k, action) in theme.actions.iter().enumerate() {
            let pos = ActionPos {
                theme: j,
                action: k,
            };
            match self.action_from.get(&pos) {
                Some(&(from, by)) => out.extend(self.kept_action(from, pos, by)),
                None => out.push(self.added_action(action)),
            }
        }
        out
    }

    fn added_action(&self, action: &Action) -> ActionChange {
        let mut change = bare_action(ChangeKind::Added, action, &self.new.owners);
        change.newly_overdue = self.moments.new.is_some_and(|day| action.is_overdue(day));
        change.milestones = milestones(&[], &action.milestones);
        change.custom = custom(None, action.custom.as_ref());
        change
    }

    /// The old theme's actions that are in the new plan nowhere, in order.
    fn removed_actions(&self, i: usize) -> Vec<ActionChange> {
        let theme = &self.old.themes[i];
        (0..theme.actions.len())
            .filter(|&k| {
                !self.old_kept.contains(&ActionPos {
                    theme: i,
                    action: k,
                })
            })
            .map(|k| {
                let action = &theme.actions[k];
                let mut change = bare_action(ChangeKind::Removed, action, &self.old.owners);
                change.milestones = milestones(&action.milestones, &[]);
                change
            })
            .collect()
    }

    fn kept_action(&self, from: ActionPos, to: ActionPos, by: MatchedBy) -> Option<ActionChange> {
        let (o, n) = (self.old.action(from)?, self.new.action(to)?);
        let (texts, _) = text_changes(ACTION_FIELDS, "ref", false, o, n);
        let moved = self.theme_from.get(to.theme) != Some(&Some(from.theme));
        let overdue =
            |a: &Action, day: Option<chrono::NaiveDate>| day.is_some_and(|d| a.is_overdue(d));
        let change = ActionChange {
            kind: ChangeKind::Changed,
            item: item(n, &self.new.owners),
            matched_by: Some(by),
            renumbered_from: (o.reference != n.reference).then(|| o.reference.clone()),
            moved_from: moved.then(|| theme_ref(&self.old.themes[from.theme])),
            rag: Some(RagChange::between(o.rag, n.rag)),
            texts,
            owners: owners_change(&o.owners, &n.owners),
            due: due_change(&o.due, &n.due),
            milestones: milestones(&o.milestones, &n.milestones),
            custom: custom(o.custom.as_ref(), n.custom.as_ref()),
            newly_overdue: overdue(n, self.moments.new) && !overdue(o, self.moments.old),
        };
        (!quiet_action(&change)).then_some(change)
    }
}

fn quiet_action(c: &ActionChange) -> bool {
    c.renumbered_from.is_none()
        && c.moved_from.is_none()
        && c.rag.is_none_or(|r| r.trend == RagTrend::Unchanged)
        && c.texts.is_empty()
        && c.owners.is_none()
        && c.due.is_none()
        && c.milestones.is_empty()
        && c.custom.is_empty()
        && !c.newly_overdue
}

/// The text fields of `table` that differ between `o` and `n`, in table order, leaving out
/// `skip` (a key reported on its own). Each is a word-diffed [`TextChange`], except that with
/// `split` one-line optional text (a lead, a target figure) is a plain [`FieldChange`].
pub(super) fn text_changes<E>(
    table: &[FieldSpec<E>],
    skip: &str,
    split: bool,
    o: &E,
    n: &E,
) -> (Vec<TextChange>, Vec<FieldChange>) {
    let (mut texts, mut fields) = (Vec::new(), Vec::new());
    for spec in table.iter().filter(|s| s.key != skip && !s.same(o, n)) {
        let (FieldValue::Text(a), FieldValue::Text(b)) = (spec.get(o), spec.get(n)) else {
            continue;
        };
        let name = Field::of(spec.key);
        if split && spec.kind() == Kind::Text && !spec.required() {
            field(&mut fields, name, a, b);
        } else {
            text(&mut texts, name, a.as_deref(), b.as_deref());
        }
    }
    (texts, fields)
}

/// Adds a text change, with its word diff, when the texts differ.
pub(super) fn text(out: &mut Vec<TextChange>, field: Field, from: Option<&str>, to: Option<&str>) {
    if from != to {
        out.push(TextChange {
            field,
            from: from.map(str::to_string),
            to: to.map(str::to_string),
            words: word_diff(from.unwrap_or(""), to.unwrap_or("")),
        });
    }
}

/// Owners gained and lost, ignoring order.
pub(super) fn owners_change(old: &[String], new: &[String]) -> Option<OwnersChange> {
    let added: Vec<String> = new.iter().filter(|o| !old.contains(o)).cloned().collect();
    let removed: Vec<String> = old.iter().filter(|o| !new.contains(o)).cloned().collect();
    (!added.is_empty() || !removed.is_empty()).then_some(OwnersChange { added, removed })
}

/// A timescale change and which way its deadline moved.
pub(super) fn due_change(old: &Option<Due>, new: &Option<Due>) -> Option<DueChange> {
    if old == new {
        return None;
    }
    let deadline = |d: &Option<Due>| d.as_ref().and_then(Due::deadline);
    let shift = match (deadline(old), deadline(new)) {
        (Some(a), Some(b)) => Some(match a.cmp(&b) {
            Ordering::Less => DueShift::Later,
            Ordering::Greater => DueShift::Earlier,
            Ordering::Equal => DueShift::SameDeadline,
        }),
        _ => None,
    };
    Some(DueChange {
        from: old.clone(),
        to: new.clone(),
        shift,
    })
}

fn theme_ref(theme: &Theme) -> ThemeRef {
    ThemeRef {
        reference: theme.reference.clone(),
        title: theme.title.clone(),
    }
}

/// An owner as the glossary spells it out: `Quality & Effectiveness Group (QEG)`.
fn owner_name(short: &str, glossary: &[GlossaryEntry]) -> String {
    match glossary.iter().find(|e| e.short == short) {
        Some(entry) if entry.full != short => format!("{} ({short})", entry.full),
        _ => short.to_string(),
    }
}

fn item(action: &Action, glossary: &[GlossaryEntry]) -> ActionItem {
    ActionItem {
        reference: action.reference.clone(),
        action: action.action.clone(),
        rag: action.rag,
        derived_rag: action.rag.is_none().then(|| action.rating()).flatten(),
        owners: action.owners.clone(),
        due: action.due.clone(),
        owner_names: action
            .owners
            .iter()
            .map(|o| owner_name(o, glossary))
            .collect(),
        progress: action.progress.clone(),
    }
}

fn bare_theme(kind: ChangeKind, theme: &Theme) -> ThemeChange {
    ThemeChange {
        kind,
        theme: theme_ref(theme),
        renumbered_from: None,
        rag: None,
        texts: Vec::new(),
        fields: Vec::new(),
        actions: Vec::new(),
        measures: Vec::new(),
        custom: Vec::new(),
    }
}

fn bare_action(kind: ChangeKind, action: &Action, glossary: &[GlossaryEntry]) -> ActionChange {
    ActionChange {
        kind,
        item: item(action, glossary),
        matched_by: None,
        renumbered_from: None,
        moved_from: None,
        rag: None,
        texts: Vec::new(),
        owners: None,
        due: None,
        milestones: Vec::new(),
        custom: Vec::new(),
        newly_overdue: false,
    }
}

#[cfg(test)]
#[path = "diff_build_tests.rs"]
mod tests;
