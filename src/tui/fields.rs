//! One field of the plan as the forms see it: its current value, the form that edits it, and
//! the edit that sets it. Covers actions, themes, milestones, measures, the plan's own fields
//! and custom fields.

use super::app::App;
use super::custom_fields;
use super::forms::{DueForm, Field, Lines, OwnersForm, Popup, Target, TextForm};
use super::plan_fields::{self, PlanField};
use crate::model::{Edit, FieldValue, ItemEdit, Kind, OwnerIndex, Plan};

/// A field's value as it stands; `None` when the element does not exist.
pub fn current_value(plan: &Plan, target: Target) -> Option<FieldValue> {
    Some(match target {
        Target::Plan(field) => plan_fields::current_value(plan, field),
        Target::Custom(owner, index) => FieldValue::Text(
            Some(custom_fields::current_text(plan, owner, index)?).filter(|t| !t.is_empty()),
        ),
        Target::Action(pos, field) => field.spec().get(plan.action(pos)?),
        Target::Theme(index, field) => field.spec().get(plan.themes.get(index)?),
        Target::Milestone(pos, index, field) => {
            field.spec().get(plan.action(pos)?.milestones.get(index)?)
        }
        Target::Measure(theme, index, field) => field
            .spec()
            .get(plan.themes.get(theme)?.measures.get(index)?),
    })
}

/// The current text of a text field (empty when unset).
pub fn field_text(app: &App, target: Target) -> Option<String> {
    match current_value(app.plan()?, target)? {
        FieldValue::Text(value) => Some(value.unwrap_or_default()),
        _ => None,
    }
}

/// What a form's title calls the field: `Progress of action 3.2`.
fn describe(plan: &Plan, target: Target) -> String {
    let reference = |pos| {
        plan.action(pos)
            .map(|a| a.reference.clone())
            .unwrap_or_default()
    };
    let theme_ref = |t: usize| {
        plan.themes
            .get(t)
            .map(|t| t.reference.clone())
            .unwrap_or_default()
    };
    let (key, noun, whose) = match target {
        Target::Plan(field) => return format!("The plan's {}", field.name()),
        Target::Custom(owner, index) => return custom_fields::describe(plan, owner, index),
        Target::Action(pos, field) => (field.key(), "action", reference(pos)),
        Target::Theme(t, field) => (field.key(), "theme", theme_ref(t)),
        Target::Milestone(pos, i, field) => (
            field.key(),
            "milestone",
            format!("{} of action {}", i + 1, reference(pos)),
        ),
        Target::Measure(t, i, field) => (
            field.key(),
            "measure",
            format!("{} of theme {}", i + 1, theme_ref(t)),
        ),
    };
    let label = match key {
        // The field named as its element is the element's own text.
        _ if key == noun => "Text".to_string(),
        "as_of" => "Date (as of)".to_string(),
        _ => capitalised(key),
    };
    format!("{label} of {noun} {whose}")
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// Multi-line fields get the multi-line editor; short ones (titles, names, figures) one line.
fn lines(target: Target) -> Lines {
    let kind = match target {
        Target::Plan(field) if field.multi_line() => Kind::Lines,
        Target::Plan(_) => Kind::Text,
        Target::Action(_, field) => field.spec().kind(),
        Target::Theme(_, field) => field.spec().kind(),
        Target::Milestone(_, _, field) => field.spec().kind(),
        Target::Measure(_, _, field) => field.spec().kind(),
        Target::Custom(..) => Kind::Text,
    };
    if kind == Kind::Lines {
        Lines::Many
    } else {
        Lines::One
    }
}

/// Opens the form that edits `target`, filled with its current value; `added` when the
/// element was just added to be filled in (cancelling then removes it).
pub fn open_form(app: &mut App, target: Target, added: bool) {
    let Some(plan) = app.plan() else { return };
    let Some(value) = current_value(plan, target) else {
        return;
    };
    let title = describe(plan, target);
    let popup = match value {
        FieldValue::Rag(_) => Popup::Rag(target),
        FieldValue::Owners(current) => {
            let form = OwnersForm::new(title, &current, known_owners(app));
            Popup::Owners(Box::new(Field {
                form,
                target,
                added,
            }))
        }
        FieldValue::Due(current) => {
            let form =
                DueForm::new(title, current.as_ref(), app.today).counting_quarters(app.quarters);
            Popup::Due(Box::new(Field {
                form,
                target,
                added,
            }))
        }
        FieldValue::Text(current) => {
            let current = current.unwrap_or_default();
            // A custom field written over several lines is edited over several lines.
            let lines = match target {
                Target::Custom(..) if current.contains('\n') => Lines::Many,
                _ => lines(target),
            };
            let form = TextForm::new(title, &current, lines);
            Popup::Text(Box::new(Field {
                form,
                target,
                added,
            }))
        }
    };
    app.ui.popup = Some(popup);
}

/// Owners for completion: the glossary and every owner named in the loaded years.
fn known_owners(app: &mut App) -> Vec<(String, String)> {
    for year in &mut app.years {
        year.ensure_loaded();
    }
    let plans: Vec<&Plan> = app.years.iter().filter_map(|y| y.plan()).collect();
    let index = OwnerIndex::build(plans.iter().copied());
    let full = |name: &str| {
        plans
            .iter()
            .find_map(|p| p.owner_full_name(name))
            .unwrap_or("")
            .to_string()
    };
    index.names().map(|n| (n.to_string(), full(n))).collect()
}

/// Applies a new value to a field; returns false (with a message) when it is refused.
pub fn set_field(app: &mut App, target: Target, value: FieldValue) -> bool {
    if app.plan().and_then(|p| current_value(p, target)).as_ref() == Some(&value) {
        return true;
    }
    let edit = match target {
        Target::Plan(field) => return set_plan_field(app, field, value),
        Target::Custom(owner, index) => {
            let FieldValue::Text(text) = value else {
                return false;
            };
            let text = text.unwrap_or_default();
            return custom_fields::set_field(app, owner, index, &text);
        }
        Target::Action(at, field) => Edit::SetAction { at, field, value },
        Target::Theme(at, field) => Edit::SetTheme { at, field, value },
        Target::Milestone(at, index, field) => {
            Edit::Item(ItemEdit::SetMilestone(at, index, field, value))
        }
        Target::Measure(theme, index, field) => {
            Edit::Item(ItemEdit::SetMeasure(theme, index, field, value))
        }
    };
    let message = app.plan().map(|plan| super::labels::applied(plan, &edit));
    match app.year_mut().apply(edit) {
        Ok(()) => {
            app.say(format!(
                "{} (Ctrl-s saves, u undoes)",
                message.unwrap_or_default()
            ));
            true
        }
        Err(error) => {
            app.warn(error.to_string());
            false
        }
    }
}

/// Sets one of the plan's own fields (as one undoable edit of the whole plan).
fn set_plan_field(app: &mut App, field: PlanField, value: FieldValue) -> bool {
    let Some(plan) = app.plan() else { return false };
    let label = format!("{} of the plan", field.name());
    let edit = plan_fields::set(plan, field, value);
    apply_named(app, edit, label)
}

/// Applies an edit built for a form as one undoable step named `label`, and says so; false,
/// with the reason shown, when it could not be built or applied.
pub fn apply_named(app: &mut App, edit: Result<Edit, String>, label: String) -> bool {
    let result = edit.and_then(|edit| {
        app.year_mut()
            .apply_labelled(edit, label.clone())
            .map_err(|e| e.to_string())
    });
    match result {
        Ok(()) => {
            app.say(format!("{label} changed (Ctrl-s saves, u undoes)"));
            true
        }
        Err(error) => {
            app.warn(error);
            false
        }
    }
}
