//! Edits named in words for the status bar: "progress of 1.3", "adding action 2.4", so undo
//! and redo say what they did.

use crate::model::{ActionPos, Edit, FieldValue, ItemEdit, Plan, Rag};

fn action_ref(plan: &Plan, pos: ActionPos) -> String {
    plan.action(pos)
        .map_or_else(|| "an action".into(), |a| a.reference.clone())
}

fn theme_ref(plan: &Plan, index: usize) -> String {
    plan.themes
        .get(index)
        .map_or_else(|| "a theme".into(), |t| format!("theme {}", t.reference))
}

/// What a field key is called in messages.
fn field_name(key: &str) -> &str {
    match key {
        "rag" => "rating",
        "as_of" => "as of",
        other => other,
    }
}

/// Names an edit about to be applied to `plan`.
pub fn describe(plan: &Plan, edit: &Edit) -> String {
    match edit {
        Edit::SetAction { at, field, .. } => {
            format!("{} of {}", field_name(field.key()), action_ref(plan, *at))
        }
        Edit::InsertAction { action, .. } => format!("adding action {}", action.reference),
        Edit::RemoveAction { at } => format!("deleting action {}", action_ref(plan, *at)),
        Edit::MoveAction { from, .. } => format!("moving action {}", action_ref(plan, *from)),
        Edit::InsertTheme { theme, .. } => format!("adding theme {}", theme.reference),
        Edit::RemoveTheme { at } => format!("deleting {}", theme_ref(plan, *at)),
        Edit::MoveTheme { from, .. } => format!("moving {}", theme_ref(plan, *from)),
        Edit::SetTheme { at, field, .. } => {
            format!("{} of {}", field_name(field.key()), theme_ref(plan, *at))
        }
        Edit::ReplacePlan(_) => "restoring the recovered edits".into(),
        Edit::Item(item) => describe_item(plan, item),
        Edit::Batch(_) => "renumbering".into(),
    }
}

fn describe_item(plan: &Plan, item: &ItemEdit) -> String {
    match item {
        ItemEdit::InsertMilestone(at, ..) => {
            format!("adding a milestone to {}", action_ref(plan, *at))
        }
        ItemEdit::RemoveMilestone(at, i) => {
            format!("deleting milestone {} of {}", i + 1, action_ref(plan, *at))
        }
        ItemEdit::MoveMilestone(at, i, _) => {
            format!("moving milestone {} of {}", i + 1, action_ref(plan, *at))
        }
        ItemEdit::SetMilestone(at, i, field, _) => format!(
            "{} of milestone {} of {}",
            field_name(field.key()),
            i + 1,
            action_ref(plan, *at)
        ),
        ItemEdit::InsertMeasure(t, ..) => format!("adding a measure to {}", theme_ref(plan, *t)),
        ItemEdit::RemoveMeasure(t, i) => {
            format!("deleting measure {} of {}", i + 1, theme_ref(plan, *t))
        }
        ItemEdit::MoveMeasure(t, i, _) => {
            format!("moving measure {} of {}", i + 1, theme_ref(plan, *t))
        }
        ItemEdit::SetMeasure(t, i, field, _) => format!(
            "{} of measure {} of {}",
            field_name(field.key()),
            i + 1,
            theme_ref(plan, *t)
        ),
    }
}

/// Says what a field edit did: "3.2 rated green", "progress of 1.3 changed".
pub fn applied(plan: &Plan, edit: &Edit) -> String {
    match edit {
        Edit::SetAction {
            at,
            value: FieldValue::Rag(rag),
            ..
        } => format!("{} {}", action_ref(plan, *at), rated(*rag)),
        Edit::SetTheme {
            at,
            value: FieldValue::Rag(rag),
            ..
        } => format!("{} {}", theme_ref(plan, *at), rated(*rag)),
        other => format!("{} changed", describe(plan, other)),
    }
}

fn rated(rag: Option<Rag>) -> String {
    match rag {
        Some(rag) => format!("rated {}", rag.as_str()),
        None => "now not rated".into(),
    }
}
