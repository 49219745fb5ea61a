//! Building a comparison: pairing themes and actions across versions, then the changes of each
//! theme, action, milestone and measure.

use super::matching::{Fingerprint, Score, jaccard, pair_up, word_diff, word_set, words};
use super::{
    ActionChange, ActionItem, ChangeKind, DueChange, DueShift, Field, FieldChange, MatchedBy,
    MeasureChange, MilestoneChange, OwnersChange, RagChange, RagTrend, TextChange, ThemeChange,
    ThemeRef,
};
use crate::model::{Action, ActionPos, Due, Measure, Milestone, Plan, Theme};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Plan-level fields that changed.
pub(super) fn plan_fields(old: &Plan, new: &Plan) -> Vec<FieldChange> {
    let mut out = Vec::new();
    // A required field left empty (a plan compared with `Plan::default()`) reads as absent.
    let some = |s: &String| (!s.is_empty()).then(|| s.clone());
    let due = |d: &Option<Due>| d.as_ref().map(Due::to_string);
    field(&mut out, Field::Board, some(&old.board), some(&new.board));
    field(
        &mut out,
        Field::Period,
        some(&old.period),
        some(&new.period),
    );
    field(&mut out, Field::Title, some(&old.title), some(&new.title));
    field(
        &mut out,
        Field::Vision,
        old.vision.clone(),
        new.vision.clone(),
    );
    field(
        &mut out,
        Field::Version,
        old.version.clone(),
        new.version.clone(),
    );
    field(&mut out, Field::Date, due(&old.date), due(&new.date));
    out
}

/// Every theme with something to report: the new plan's in order, then the removed ones.
pub(super) fn themes(old: &Plan, new: &Plan) -> Vec<ThemeChange> {
    let ctx = Context::new(old, new);
    let mut out = Vec::new();
    for j in 0..new.themes.len() {
        let change = match ctx.theme_from[j] {
            Some(i) => ctx.kept_theme(i, j),
            None => Some(ctx.added_theme(j)),
        };
        out.extend(change);
    }
    for i in 0..old.themes.len() {
        if !ctx.theme_from.contains(&Some(i)) {
            out.push(ctx.removed_theme(i));
        }
    }
    out
}

/// The two plans and how their themes and actions pair up.
struct Context<'a> {
    old: &'a Plan,
    new: &'a Plan,
    /// For each new theme, the old theme it continues.
    theme_from: Vec<Option<usize>>,
    /// For each kept action's new position: its old position and how it was recognised.
    action_from: BTreeMap<ActionPos, (ActionPos, MatchedBy)>,
    /// Old positions of the kept actions.
    old_kept: BTreeSet<ActionPos>,
}

impl<'a> Context<'a> {
    fn new(old: &'a Plan, new: &'a Plan) -> Context<'a> {
        let theme_from = pair_themes(old, new);
        let action_from = pair_actions(old, new, &theme_from);
        let old_kept = action_from.values().map(|(pos, _)| *pos).collect();
        Context {
            old,
            new,
            theme_from,
            action_from,
            old_kept,
        }
    }

    fn kept_theme(&self, i: usize, j: usize) -> Option<ThemeChange> {
        let (o, n) = (&self.old.themes[i], &self.new.themes[j]);
        let mut texts = Vec::new();
        text(&mut texts, Field::Title, Some(&o.title), Some(&n.title));
        let (od, nd) = (o.description.as_deref(), n.description.as_deref());
        text(&mut texts, Field::Description, od, nd);
        let mut fields = Vec::new();
        field(&mut fields, Field::Lead, o.lead.clone(), n.lead.clone());
        let (oa, na) = (o.accountable.clone(), n.accountable.clone());
        field(&mut fields, Field::Accountable, oa, na);
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
            custom_changed: o.custom != n.custom,
        };
        let quiet = change.renumbered_from.is_none()
            && change.rag.is_none()
            && change.texts.is_empty()
            && change.fields.is_empty()
            && change.actions.is_empty()
            && change.measures.is_empty()
            && !change.custom_changed;
        (!quiet).then_some(change)
    }

    fn added_theme(&self, j: usize) -> ThemeChange {
        let theme = &self.new.themes[j];
        let mut change = bare_theme(ChangeKind::Added, theme);
        change.actions = self.theme_actions(j);
        change.measures = measures(&[], &theme.measures);
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
                None => out.push(bare_action(ChangeKind::Added, action)),
            }
        }
        out
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
            .map(|k| bare_action(ChangeKind::Removed, &theme.actions[k]))
            .collect()
    }

    fn kept_action(&self, from: ActionPos, to: ActionPos, by: MatchedBy) -> Option<ActionChange> {
        let (o, n) = (self.old.action(from)?, self.new.action(to)?);
        let mut texts = Vec::new();
        text(&mut texts, Field::Action, Some(&o.action), Some(&n.action));
        let pairs = [
            (Field::Outcome, &o.outcome, &n.outcome),
            (Field::Progress, &o.progress, &n.progress),
            (Field::Notes, &o.notes, &n.notes),
        ];
        for (f, a, b) in pairs {
            text(&mut texts, f, a.as_deref(), b.as_deref());
        }
        let moved = self.theme_from.get(to.theme) != Some(&Some(from.theme));
        let change = ActionChange {
            kind: ChangeKind::Changed,
            item: item(n),
            matched_by: Some(by),
            renumbered_from: (o.reference != n.reference).then(|| o.reference.clone()),
            moved_from: moved.then(|| theme_ref(&self.old.themes[from.theme])),
            rag: Some(RagChange::between(o.rag, n.rag)),
            texts,
            owners: owners_change(&o.owners, &n.owners),
            due: due_change(&o.due, &n.due),
            milestones: milestones(&o.milestones, &n.milestones),
            custom_changed: o.custom != n.custom,
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
        && !c.custom_changed
}

/// For each new theme, the old theme it continues: same ref, or a same or similar title.
fn pair_themes(old: &Plan, new: &Plan) -> Vec<Option<usize>> {
    let keys = |p: &Plan| -> Vec<String> { p.themes.iter().map(|t| t.reference.clone()).collect() };
    let prints = |p: &Plan| -> Vec<Fingerprint> {
        p.themes
            .iter()
            .map(|t| Fingerprint::new(&t.title, ""))
            .collect()
    };
    let (old_prints, new_prints) = (prints(old), prints(new));
    let score = |i: usize, j: usize| Score {
        permille: old_prints[i].similarity(&new_prints[j]),
        tiebreak: 0,
    };
    pair_up(&keys(old), &keys(new), MatchedBy::Ref, score)
        .into_iter()
        .map(|pair| pair.map(|(i, _)| i))
        .collect()
}

/// Kept actions: new position -> old position. Similar text decides a renumbered or moved
/// action; among equally similar candidates, one from the same theme, then one with more
/// similar progress, wins.
fn pair_actions(
    old: &Plan,
    new: &Plan,
    theme_from: &[Option<usize>],
) -> BTreeMap<ActionPos, (ActionPos, MatchedBy)> {
    let (old_list, new_list): (Vec<_>, Vec<_>) = (old.actions().collect(), new.actions().collect());
    let keys = |list: &[(ActionPos, &Action)]| -> Vec<String> {
        list.iter().map(|(_, a)| a.reference.clone()).collect()
    };
    let prints = |list: &[(ActionPos, &Action)]| -> Vec<(Fingerprint, Vec<u64>)> {
        let print = |a: &Action| Fingerprint::new(&a.action, a.outcome.as_deref().unwrap_or(""));
        let progress = |a: &Action| word_set(a.progress.as_deref().unwrap_or(""));
        list.iter().map(|(_, a)| (print(a), progress(a))).collect()
    };
    let (old_prints, new_prints) = (prints(&old_list), prints(&new_list));
    let score = |i: usize, j: usize| {
        let same_theme = theme_from.get(new_list[j].0.theme) == Some(&Some(old_list[i].0.theme));
        Score {
            permille: old_prints[i].0.similarity(&new_prints[j].0),
            tiebreak: u32::from(same_theme) * 1000 + jaccard(&old_prints[i].1, &new_prints[j].1),
        }
    };
    let pairs = pair_up(&keys(&old_list), &keys(&new_list), MatchedBy::Ref, score);
    pairs
        .into_iter()
        .enumerate()
        .filter_map(|(j, pair)| pair.map(|(i, by)| (new_list[j].0, (old_list[i].0, by))))
        .collect()
}

/// Milestones paired by position (or, when moved up or down the list, by similar text).
fn milestones(old: &[Milestone], new: &[Milestone]) -> Vec<MilestoneChange> {
    let keys =
        |list: &[Milestone]| -> Vec<String> { (0..list.len()).map(|i| i.to_string()).collect() };
    let prints = |list: &[Milestone]| -> Vec<Fingerprint> {
        list.iter()
            .map(|m| Fingerprint::new(&m.milestone, ""))
            .collect()
    };
    let (old_prints, new_prints) = (prints(old), prints(new));
    let score = |i: usize, j: usize| Score {
        permille: old_prints[i].similarity(&new_prints[j]),
        tiebreak: 0,
    };
    let pairs = pair_up(&keys(old), &keys(new), MatchedBy::Ref, score);
    let mut out = Vec::new();
    for (j, m) in new.iter().enumerate() {
        match pairs[j] {
            Some((i, _)) => out.extend(milestone_change(&old[i], m, j)),
            None => out.push(bare_milestone(ChangeKind::Added, m, j)),
        }
    }
    for (i, m) in old.iter().enumerate() {
        if !pairs.iter().any(|p| p.is_some_and(|(k, _)| k == i)) {
            out.push(bare_milestone(ChangeKind::Removed, m, i));
        }
    }
    out
}

fn milestone_change(o: &Milestone, n: &Milestone, j: usize) -> Option<MilestoneChange> {
    let mut change = bare_milestone(ChangeKind::Changed, n, j);
    text(
        &mut change.texts,
        Field::Milestone,
        Some(&o.milestone),
        Some(&n.milestone),
    );
    let (op, np) = (o.progress.as_deref(), n.progress.as_deref());
    text(&mut change.texts, Field::Progress, op, np);
    change.rag = (o.rag != n.rag).then(|| RagChange::between(o.rag, n.rag));
    change.owners = owners_change(&o.owners, &n.owners);
    change.due = due_change(&o.due, &n.due);
    let quiet = change.texts.is_empty()
        && change.rag.is_none()
        && change.owners.is_none()
        && change.due.is_none();
    (!quiet).then_some(change)
}

/// Measures paired by their `measure` text (ignoring case, spacing and punctuation).
fn measures(old: &[Measure], new: &[Measure]) -> Vec<MeasureChange> {
    let keys = |list: &[Measure]| -> Vec<String> {
        list.iter().map(|m| words(&m.measure).join(" ")).collect()
    };
    let never_similar = |_: usize, _: usize| Score {
        permille: 0,
        tiebreak: 0,
    };
    let pairs = pair_up(&keys(old), &keys(new), MatchedBy::Ref, never_similar);
    let mut out = Vec::new();
    for (j, m) in new.iter().enumerate() {
        out.extend(measure_change(pairs[j].map(|(i, _)| &old[i]), m));
    }
    for (i, m) in old.iter().enumerate() {
        if !pairs.iter().any(|p| p.is_some_and(|(k, _)| k == i)) {
            out.push(MeasureChange {
                kind: ChangeKind::Removed,
                measure: m.measure.clone(),
                fields: Vec::new(),
                rag: None,
            });
        }
    }
    out
}

/// A kept measure's changes, or a new measure's starting values (`old` is `None`).
fn measure_change(old: Option<&Measure>, n: &Measure) -> Option<MeasureChange> {
    let empty = Measure::default();
    let o = old.unwrap_or(&empty);
    let mut fields = Vec::new();
    field(
        &mut fields,
        Field::Baseline,
        o.baseline.clone(),
        n.baseline.clone(),
    );
    field(
        &mut fields,
        Field::Target,
        o.target.clone(),
        n.target.clone(),
    );
    field(
        &mut fields,
        Field::Latest,
        o.latest.clone(),
        n.latest.clone(),
    );
    let as_of = |m: &Measure| m.as_of.as_ref().map(Due::to_string);
    field(&mut fields, Field::AsOf, as_of(o), as_of(n));
    let rag = (o.rag != n.rag).then(|| RagChange::between(o.rag, n.rag));
    let kind = match old {
        Some(_) if fields.is_empty() && rag.is_none() => return None,
        Some(_) => ChangeKind::Changed,
        None => ChangeKind::Added,
    };
    Some(MeasureChange {
        kind,
        measure: n.measure.clone(),
        fields,
        rag,
    })
}

fn field(out: &mut Vec<FieldChange>, field: Field, from: Option<String>, to: Option<String>) {
    if from != to {
        out.push(FieldChange { field, from, to });
    }
}

fn text(out: &mut Vec<TextChange>, field: Field, from: Option<&str>, to: Option<&str>) {
    if from != to {
        out.push(TextChange {
            field,
            from: from.map(str::to_string),
            to: to.map(str::to_string),
            words: word_diff(from.unwrap_or(""), to.unwrap_or("")),
        });
    }
}

fn owners_change(old: &[String], new: &[String]) -> Option<OwnersChange> {
    let added: Vec<String> = new.iter().filter(|o| !old.contains(o)).cloned().collect();
    let removed: Vec<String> = old.iter().filter(|o| !new.contains(o)).cloned().collect();
    (!added.is_empty() || !removed.is_empty()).then_some(OwnersChange { added, removed })
}

fn due_change(old: &Option<Due>, new: &Option<Due>) -> Option<DueChange> {
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

fn item(action: &Action) -> ActionItem {
    ActionItem {
        reference: action.reference.clone(),
        action: action.action.clone(),
        rag: action.rag,
        owners: action.owners.clone(),
        due: action.due.clone(),
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
        custom_changed: false,
    }
}

fn bare_action(kind: ChangeKind, action: &Action) -> ActionChange {
    ActionChange {
        kind,
        item: item(action),
        matched_by: None,
        renumbered_from: None,
        moved_from: None,
        rag: None,
        texts: Vec::new(),
        owners: None,
        due: None,
        milestones: Vec::new(),
        custom_changed: false,
    }
}

fn bare_milestone(kind: ChangeKind, milestone: &Milestone, index: usize) -> MilestoneChange {
    MilestoneChange {
        kind,
        position: index + 1,
        milestone: milestone.milestone.clone(),
        rag: None,
        texts: Vec::new(),
        owners: None,
        due: None,
    }
}

#[cfg(test)]
#[path = "diff_build_tests.rs"]
mod tests;
