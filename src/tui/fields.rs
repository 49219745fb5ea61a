//! One field of the plan as the forms see it: its current value, the form that edits it, and
//! the edit that sets it. Covers actions, themes, milestones, measures, the plan's own fields
//! and custom fields.

use super::app::App;
use super::custom_fields;
use super::forms::{DueForm, Field, Lines, OwnersForm, Popup, Target, TextForm};
use super::plan_fields::{self, PlanField};
use crate::model::{
    ActionField, Edit, FieldValue, ItemEdit, MeasureField, MilestoneField, OwnerIndex, Plan,
    ThemeField,
};

fn text(value: &Option<String>) -> FieldValue {
    FieldValue::Text(value.clone())
}

fn required(value: &str) -> FieldValue {
    FieldValue::Text(Some(value.to_string()))
}

/// A field's value as it stands; `None` when the element does not exist.
pub fn current_value(plan: &Plan, target: Target) -> Option<FieldValue> {
    Some(match target {
        Target::Plan(field) => plan_fields::current_value(plan, field),
        Target::Custom(owner, index) => FieldValue::Text(
            Some(custom_fields::current_text(plan, owner, index)?).filter(|t| !t.is_empty()),
        ),
        Target::Action(pos, field) => {
            let a = plan.action(pos)?;
            match field {
                ActionField::Ref => required(&a.reference),
                ActionField::Action => required(&a.action),
                ActionField::Outcome => text(&a.outcome),
                ActionField::Progress => text(&a.progress),
                ActionField::Notes => text(&a.notes),
                ActionField::Owners => FieldValue::Owners(a.owners.clone()),
                ActionField::Due => FieldValue::Due(a.due.clone()),
                ActionField::Rag => FieldValue::Rag(a.rag),
            }
        }
        Target::Theme(index, field) => {
            let t = plan.themes.get(index)?;
            match field {
                ThemeField::Ref => required(&t.reference),
                ThemeField::Title => required(&t.title),
                ThemeField::Description => text(&t.description),
                ThemeField::Lead => text(&t.lead),
                ThemeField::Accountable => text(&t.accountable),
                ThemeField::Rag => FieldValue::Rag(t.rag),
            }
        }
        Target::Milestone(pos, index, field) => {
            let m = plan.action(pos)?.milestones.get(index)?;
            match field {
                MilestoneField::Text => required(&m.milestone),
                MilestoneField::Owners => FieldValue::Owners(m.owners.clone()),
                MilestoneField::Due => FieldValue::Due(m.due.clone()),
                MilestoneField::Progress => text(&m.progress),
                MilestoneField::Rag => FieldValue::Rag(m.rag),
            }
        }
        Target::Measure(theme, index, field) => {
            let m = plan.themes.get(theme)?.measures.get(index)?;
            match field {
                MeasureField::Text => required(&m.measure),
                MeasureField::Baseline => text(&m.baseline),
                MeasureField::Target => text(&m.target),
                MeasureField::Latest => text(&m.latest),
                MeasureField::AsOf => FieldValue::Due(m.as_of.clone()),
                MeasureField::Rag => FieldValue::Rag(m.rag),
            }
        }
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
    match target {
        Target::Plan(field) => format!("The plan's {}", field.name()),
        Target::Custom(owner, index) => custom_fields::describe(plan, owner, index),
        Target::Action(pos, ActionField::Action) => format!("Text of action {}", reference(pos)),
        Target::Action(pos, field) => {
            format!("{} of action {}", capitalised(field.key()), reference(pos))
        }
        Target::Theme(t, field) => {
            format!("{} of theme {}", capitalised(field.key()), theme_ref(t))
        }
        Target::Milestone(pos, i, MilestoneField::Text) => {
            format!("Text of milestone {} of action {}", i + 1, reference(pos))
        }
        Target::Milestone(pos, i, field) => format!(
            "{} of milestone {} of action {}",
            capitalised(field.key()),
            i + 1,
            reference(pos)
        ),
        Target::Measure(t, i, MeasureField::AsOf) => {
            format!(
                "Date (as of) of measure {} of theme {}",
                i + 1,
                theme_ref(t)
            )
        }
        Target::Measure(t, i, MeasureField::Text) => {
            format!("Text of measure {} of theme {}", i + 1, theme_ref(t))
        }
        Target::Measure(t, i, field) => format!(
            "{} of measure {} of theme {}",
            capitalised(field.key()),
            i + 1,
            theme_ref(t)
        ),
    }
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
    let many = match target {
        Target::Plan(field) => field.multi_line(),
        Target::Action(..) => true,
        Target::Theme(_, field) => field == ThemeField::Description,
        Target::Milestone(_, _, field) => {
            matches!(field, MilestoneField::Text | MilestoneField::Progress)
        }
        Target::Measure(..) | Target::Custom(..) => false,
    };
    if many { Lines::Many } else { Lines::One }
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
            let form = DueForm::new(title, current.as_ref(), app.today);
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
    let result = plan_fields::set(plan, field, value).and_then(|edit| {
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
