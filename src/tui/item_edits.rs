//! Editing the small lists of the detail pane: the selected action's milestones and a theme's
//! measures. Keys mean the same as for actions: `a` adds, `x` deletes, `J`/`K` move, `e` edits
//! the text, `r` rates, `d` sets the date; `Esc` goes back to the actions or themes.

use super::app::{App, Focus};
use super::command::Command;
use super::effect::Effect;
use super::fields::open_form;
use super::forms::{Choice, Confirm, Popup, Target};
use crate::model::{ActionPos, Edit, ItemEdit, Measure, MeasureField, Milestone, MilestoneField};

/// Moves the keyboard to the selected action's milestones.
pub fn focus_milestones(app: &mut App) {
    if app.selected_action().is_none() {
        return app.warn("select an action first");
    }
    app.ui.focus = Focus::Milestones;
    app.year_mut().cursor.item = 0;
    // The keys are in the hints and the list's title; the message says where the keyboard is.
    app.say("editing the milestones (Esc goes back to the actions)");
}

/// Moves the keyboard to the measures of the selected theme (or of the selected action's).
pub fn focus_measures(app: &mut App) {
    let Some(theme) = app
        .selected_theme()
        .or(app.selected_action().map(|p| p.theme))
    else {
        return app.warn("select a theme first");
    };
    app.ui.measures_theme = theme;
    app.ui.focus = Focus::Measures;
    app.year_mut().cursor.item = 0;
    app.say(format!(
        "editing the measures of theme {} (Esc goes back)",
        app.plan()
            .and_then(|p| p.themes.get(theme))
            .map_or("", |t| t.reference.as_str())
    ));
}

/// How many items the focused list has.
pub fn item_count(app: &App) -> usize {
    let Some(plan) = app.plan() else { return 0 };
    match app.ui.focus {
        Focus::Milestones => app
            .selected_action()
            .and_then(|p| plan.action(p))
            .map_or(0, |a| a.milestones.len()),
        Focus::Measures => plan
            .themes
            .get(app.ui.measures_theme)
            .map_or(0, |t| t.measures.len()),
        Focus::Themes | Focus::Actions => 0,
    }
}

/// Carries out an editing command on the focused list.
pub fn command(app: &mut App, command: Command) -> Option<Effect> {
    let index = app.year().cursor.item;
    let count = item_count(app);
    let exists = index < count;
    match (app.ui.focus, app.selected_action()) {
        (Focus::Milestones, Some(at)) => milestone_command(app, command, at, index, exists),
        (Focus::Measures, _) => measure_command(app, command, app.ui.measures_theme, index, exists),
        _ => {
            app.warn("select an action first");
            None
        }
    }
}

fn milestone_command(
    app: &mut App,
    command: Command,
    at: ActionPos,
    index: usize,
    exists: bool,
) -> Option<Effect> {
    let field = match command {
        Command::Add | Command::AddTheme => {
            let new = if exists { index + 1 } else { 0 };
            let milestone = Milestone {
                milestone: "New milestone".into(),
                ..Milestone::default()
            };
            insert(
                app,
                Edit::Item(ItemEdit::InsertMilestone(at, new, Box::new(milestone))),
                new,
                Target::Milestone(at, new, MilestoneField::Text),
            );
            return None;
        }
        Command::Delete if exists => {
            app.ui.popup = Some(Popup::Confirm(Confirm::delete(
                format!("milestone {}", index + 1),
                Choice::DeleteMilestone(at, index),
            )));
            return None;
        }
        Command::MoveUp | Command::MoveDown if exists => {
            let to = if command == Command::MoveUp {
                index.checked_sub(1)
            } else {
                Some(index + 1)
            };
            return shift(
                app,
                to.map(|to| Edit::Item(ItemEdit::MoveMilestone(at, index, to))),
                to,
            );
        }
        Command::ExternalEditor if exists => {
            return Some(Effect::ExternalEditor(Target::Milestone(
                at,
                index,
                MilestoneField::Progress,
            )));
        }
        _ if !exists => return nothing(app),
        Command::EditText => MilestoneField::Text,
        Command::EditProgress => MilestoneField::Progress,
        Command::EditOwners => MilestoneField::Owners,
        Command::EditDue => MilestoneField::Due,
        Command::Rag => MilestoneField::Rag,
        _ => return unsupported(app, "milestones"),
    };
    open_form(app, Target::Milestone(at, index, field), false);
    None
}

fn measure_command(
    app: &mut App,
    command: Command,
    theme: usize,
    index: usize,
    exists: bool,
) -> Option<Effect> {
    let field = match command {
        Command::Add | Command::AddTheme => {
            let new = if exists { index + 1 } else { 0 };
            let measure = Measure {
                measure: "New measure".into(),
                ..Measure::default()
            };
            insert(
                app,
                Edit::Item(ItemEdit::InsertMeasure(theme, new, Box::new(measure))),
                new,
                Target::Measure(theme, new, MeasureField::Text),
            );
            return None;
        }
        Command::Delete if exists => {
            app.ui.popup = Some(Popup::Confirm(Confirm::delete(
                format!("measure {}", index + 1),
                Choice::DeleteMeasure(theme, index),
            )));
            return None;
        }
        Command::MoveUp | Command::MoveDown if exists => {
            let to = if command == Command::MoveUp {
                index.checked_sub(1)
            } else {
                Some(index + 1)
            };
            return shift(
                app,
                to.map(|to| Edit::Item(ItemEdit::MoveMeasure(theme, index, to))),
                to,
            );
        }
        _ if !exists => return nothing(app),
        Command::EditText => MeasureField::Text,
        Command::EditNotes => MeasureField::Baseline,
        Command::EditOutcome => MeasureField::Target,
        Command::EditProgress => MeasureField::Latest,
        Command::EditDue => MeasureField::AsOf,
        Command::Rag => MeasureField::Rag,
        _ => return unsupported(app, "measures"),
    };
    open_form(app, Target::Measure(theme, index, field), false);
    None
}

fn nothing(app: &mut App) -> Option<Effect> {
    app.warn("the list is empty: a adds one");
    None
}

fn unsupported(app: &mut App, what: &str) -> Option<Effect> {
    app.warn(format!(
        "{what} have no such field (and no refs to renumber)"
    ));
    None
}

fn insert(app: &mut App, edit: Edit, index: usize, target: Target) {
    match app.year_mut().apply(edit) {
        Ok(()) => {
            app.year_mut().cursor.item = index;
            open_form(app, target, true);
        }
        Err(error) => app.warn(error.to_string()),
    }
}

fn shift(app: &mut App, edit: Option<Edit>, to: Option<usize>) -> Option<Effect> {
    let (Some(edit), Some(to)) = (edit, to) else {
        return None;
    };
    match app.year_mut().apply(edit) {
        Ok(()) => app.year_mut().cursor.item = to,
        Err(_) => app.say("already at the end of the list"),
    }
    None
}

/// Deletes a milestone or measure (after the user confirmed).
pub fn delete(app: &mut App, edit: Edit) -> Option<Effect> {
    match app.year_mut().apply(edit) {
        Ok(()) => app.say("deleted (u undoes)"),
        Err(error) => app.warn(error.to_string()),
    }
    let count = item_count(app);
    let cursor = &mut app.year_mut().cursor;
    cursor.item = cursor.item.min(count.saturating_sub(1));
    None
}
