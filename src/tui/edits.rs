//! Editing commands: open the right form for the focused item, and turn a form's result into
//! an edit of the plan (recorded for undo).

use super::app::{App, Focus};
use super::command::Command;
use super::effect::Effect;
use super::fields::{open_form, set_field};
use super::forms::{Choice, Confirm, Outcome, Popup, Target};
use super::plan_fields::PlanField;
use crate::model::{Action, ActionField, ActionPos, Edit, FieldValue, Rag, Theme, ThemeField};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// Carries out an editing command on the focused action or theme.
pub fn command(app: &mut App, command: Command) -> Option<Effect> {
    if app.read_only() || app.plan().is_none() {
        app.warn("read-only: this file has errors; fix them in a text editor, then reload");
        return None;
    }
    if command == Command::EditCustom {
        super::custom_fields::open(app);
        return None;
    }
    if command == Command::EditHistory {
        open_form(app, Target::Plan(PlanField::History), false);
        return None;
    }
    if matches!(app.ui.focus, Focus::Milestones | Focus::Measures) {
        return super::item_edits::command(app, command);
    }
    let theme_focus = app.ui.focus == Focus::Themes;
    let action = app.selected_action();
    let theme = app.selected_theme();
    match command {
        Command::AddTheme => add_theme(app),
        Command::Add if theme_focus => add_theme(app),
        Command::Add => add_action(app),
        Command::Delete => ask_delete(app, theme_focus, theme, action),
        Command::MoveUp => move_selected(app, theme_focus, -1),
        Command::MoveDown => move_selected(app, theme_focus, 1),
        Command::Renumber => renumber(app, theme_focus),
        Command::ExternalEditor => {
            let target = match (theme_focus, theme, action) {
                (true, Some(t), _) => Target::Theme(t, ThemeField::Description),
                (_, _, Some(pos)) => Target::Action(pos, ActionField::Progress),
                _ => return nothing_selected(app),
            };
            return Some(Effect::ExternalEditor(target));
        }
        field_command => {
            let target = match (theme_focus, theme, action) {
                (true, Some(t), _) => theme_target(field_command, t),
                (true, None, _) => plan_target(field_command),
                (false, _, Some(pos)) => action_target(field_command, pos),
                (false, _, None) => return nothing_selected(app),
            };
            match target {
                Some(target) => open_form(app, target, false),
                None if theme_focus && theme.is_none() => app.warn(
                    "the plan has a title (e), vision (p), version (O), date (d), author (n), owners glossary (w) and version history (V)",
                ),
                None => app.warn("themes have no owners or due date; select an action"),
            }
        }
    }
    app.clamp_cursor();
    app.scroll_into_view();
    None
}

fn nothing_selected(app: &mut App) -> Option<Effect> {
    app.warn("no action selected");
    None
}

fn action_target(command: Command, pos: ActionPos) -> Option<Target> {
    let field = match command {
        Command::Rag => ActionField::Rag,
        Command::EditText => ActionField::Action,
        Command::EditProgress => ActionField::Progress,
        Command::EditOutcome => ActionField::Outcome,
        Command::EditNotes => ActionField::Notes,
        Command::EditOwners => ActionField::Owners,
        Command::EditDue => ActionField::Due,
        _ => return None,
    };
    Some(Target::Action(pos, field))
}

/// The plan's own fields, from the "All themes" row.
fn plan_target(command: Command) -> Option<Target> {
    let field = match command {
        Command::EditText => PlanField::Title,
        Command::EditProgress => PlanField::Vision,
        Command::EditOutcome => PlanField::Version,
        Command::EditDue => PlanField::Date,
        Command::EditOwners => PlanField::Glossary,
        Command::EditNotes => PlanField::Author,
        _ => return None,
    };
    Some(Target::Plan(field))
}

fn theme_target(command: Command, theme: usize) -> Option<Target> {
    let field = match command {
        Command::Rag => ThemeField::Rag,
        Command::EditText => ThemeField::Title,
        Command::EditProgress => ThemeField::Description,
        Command::EditOutcome => ThemeField::Lead,
        Command::EditNotes => ThemeField::Accountable,
        _ => return None,
    };
    Some(Target::Theme(theme, field))
}

/// A key while an editing popup is open.
pub fn popup_key(app: &mut App, popup: Popup, key: KeyEvent) -> Option<Effect> {
    match popup {
        Popup::Rag(target) => {
            let rag = match key.code {
                KeyCode::Char('r') => Some(Rag::Red),
                KeyCode::Char('a') => Some(Rag::Amber),
                KeyCode::Char('g') => Some(Rag::Green),
                KeyCode::Char('b') => Some(Rag::Blue),
                KeyCode::Char('x') => None,
                KeyCode::Esc => return None,
                _ => {
                    app.ui.popup = Some(Popup::Rag(target));
                    return None;
                }
            };
            set_field(app, target, FieldValue::Rag(rag));
        }
        Popup::Text(mut field) => match field.form.handle(key) {
            Outcome::Continue => app.ui.popup = Some(Popup::Text(field)),
            Outcome::Cancel => cancelled(app, field.added),
            Outcome::Submit(text) => {
                let value = Some(text).filter(|t| !t.trim().is_empty());
                if !set_field(app, field.target, FieldValue::Text(value)) {
                    app.ui.popup = Some(Popup::Text(field));
                }
            }
        },
        Popup::Owners(mut field) => match field.form.handle(key) {
            Outcome::Continue => app.ui.popup = Some(Popup::Owners(field)),
            Outcome::Cancel => cancelled(app, field.added),
            Outcome::Submit(owners) => {
                set_field(app, field.target, FieldValue::Owners(owners));
            }
        },
        Popup::Due(mut field) => match field.form.handle(key) {
            Outcome::Continue => app.ui.popup = Some(Popup::Due(field)),
            Outcome::Cancel => cancelled(app, field.added),
            Outcome::Submit(due) => {
                set_field(app, field.target, FieldValue::Due(due));
            }
        },
        other => app.ui.popup = Some(other),
    }
    None
}

/// A form closed without a value: an element added just to be filled in goes again.
fn cancelled(app: &mut App, added: bool) {
    if added && app.year_mut().undo().is_some() {
        app.clamp_cursor();
        let count = super::item_edits::item_count(app);
        let cursor = &mut app.year_mut().cursor;
        cursor.item = cursor.item.min(count.saturating_sub(1));
        app.say("cancelled: nothing was added");
    }
}

fn add_action(app: &mut App) {
    let Some(plan) = app.plan() else { return };
    if plan.themes.is_empty() {
        app.warn("add a theme first (A)");
        return;
    }
    let at = match app.selected_action() {
        Some(pos) => ActionPos {
            theme: pos.theme,
            action: pos.action + 1,
        },
        None => {
            let theme = app.selected_theme().unwrap_or(0);
            ActionPos {
                theme,
                action: plan.themes[theme].actions.len(),
            }
        }
    };
    let reference = plan
        .next_action_ref(at.theme)
        .unwrap_or_else(|| "new".into());
    let action = Action {
        reference: reference.clone(),
        action: "New action".into(),
        ..Action::default()
    };
    match app.year_mut().apply(Edit::InsertAction {
        at,
        action: Box::new(action),
    }) {
        Ok(()) => {
            app.ui.focus = Focus::Actions;
            app.select_action(at);
            app.scroll_into_view();
            open_form(app, Target::Action(at, ActionField::Action), true);
            app.say(format!("added action {reference}; type its text"));
        }
        Err(error) => app.warn(error.to_string()),
    }
}

fn add_theme(app: &mut App) {
    let Some(plan) = app.plan() else { return };
    let index = app.selected_theme().map_or(plan.themes.len(), |t| t + 1);
    let highest = plan
        .themes
        .iter()
        .filter_map(|t| t.reference.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    let mut reference = (highest + 1).to_string();
    while plan.theme_index(&reference).is_some() {
        reference.push('+');
    }
    let theme = Theme {
        reference: reference.clone(),
        title: "New theme".into(),
        ..Theme::default()
    };
    match app.year_mut().apply(Edit::InsertTheme {
        at: index,
        theme: Box::new(theme),
    }) {
        Ok(()) => {
            app.ui.focus = Focus::Themes;
            app.year_mut().cursor.theme_row = index + 1;
            open_form(app, Target::Theme(index, ThemeField::Title), true);
            app.say(format!("added theme {reference}; type its title"));
        }
        Err(error) => app.warn(error.to_string()),
    }
}

fn ask_delete(app: &mut App, theme_focus: bool, theme: Option<usize>, action: Option<ActionPos>) {
    let Some(plan) = app.plan() else { return };
    let confirm = match (theme_focus, theme, action) {
        (true, Some(t), _) => {
            let theme = &plan.themes[t];
            Confirm::delete(
                format!(
                    "theme {} \"{}\" and its {} actions",
                    theme.reference,
                    theme.title,
                    theme.actions.len()
                ),
                Choice::DeleteTheme(t),
            )
        }
        (false, _, Some(pos)) => {
            let Some(action) = plan.action(pos) else {
                return;
            };
            Confirm::delete(
                format!("action {}", action.reference),
                Choice::DeleteAction(pos),
            )
        }
        _ => {
            app.warn("nothing selected to delete");
            return;
        }
    };
    app.ui.popup = Some(Popup::Confirm(confirm));
}

/// Deletes an action (after the user confirmed).
pub fn delete_action(app: &mut App, at: ActionPos) -> Option<Effect> {
    match app.year_mut().apply(Edit::RemoveAction { at }) {
        Ok(()) => app.say("deleted (u undoes)"),
        Err(error) => app.warn(error.to_string()),
    }
    app.clamp_cursor();
    None
}

/// Deletes a theme and its actions (after the user confirmed).
pub fn delete_theme(app: &mut App, at: usize) -> Option<Effect> {
    match app.year_mut().apply(Edit::RemoveTheme { at }) {
        Ok(()) => app.say("deleted (u undoes)"),
        Err(error) => app.warn(error.to_string()),
    }
    app.clamp_cursor();
    None
}

fn move_selected(app: &mut App, theme_focus: bool, delta: isize) {
    let Some(plan) = app.plan() else { return };
    if theme_focus {
        let Some(from) = app.selected_theme() else {
            return;
        };
        let Some(to) = from
            .checked_add_signed(delta)
            .filter(|&t| t < plan.themes.len())
        else {
            return;
        };
        if app.year_mut().apply(Edit::MoveTheme { from, to }).is_ok() {
            app.year_mut().cursor.theme_row = to + 1;
        }
        return;
    }
    let Some(from) = app.selected_action() else {
        return;
    };
    let len = plan.themes[from.theme].actions.len();
    let Some(index) = from.action.checked_add_signed(delta).filter(|&a| a < len) else {
        app.say("already at the end of its theme");
        return;
    };
    let to = ActionPos {
        theme: from.theme,
        action: index,
    };
    if app.year_mut().apply(Edit::MoveAction { from, to }).is_ok() {
        app.select_action(to);
        app.say("moved (# renumbers)");
    }
}

fn renumber(app: &mut App, theme_focus: bool) {
    let Some(plan) = app.plan() else { return };
    let edit = if theme_focus {
        Ok(Edit::renumber_all(plan))
    } else {
        match app
            .selected_action()
            .map(|p| p.theme)
            .or(app.selected_theme())
        {
            Some(theme) => Edit::renumber_actions(plan, theme),
            None => return,
        }
    };
    match edit.and_then(|e| app.year_mut().apply(e)) {
        Ok(()) => app.say("renumbered (u undoes)"),
        Err(error) => app.warn(error.to_string()),
    }
}
