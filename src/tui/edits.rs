//! Editing commands: open the right form for the focused item, and turn a form's result into
//! an edit of the plan (recorded for undo).

use super::app::{App, Focus};
use super::command::Command;
use super::forms::{Choice, Confirm, DueForm, Outcome, OwnersForm, Popup, Target, TextForm};
use super::update::Effect;
use crate::model::{
    Action, ActionField, ActionPos, Edit, FieldValue, OwnerIndex, Rag, Theme, ThemeField,
};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// Carries out an editing command on the focused action or theme.
pub fn command(app: &mut App, command: Command) -> Option<Effect> {
    if app.read_only() || app.plan().is_none() {
        app.warn("read-only: this file has errors; fix them in a text editor, then reload");
        return None;
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
                (true, None, _) => {
                    app.warn("select a theme first (the \"All themes\" row has no fields)");
                    return None;
                }
                (false, _, Some(pos)) => action_target(field_command, pos),
                (false, _, None) => return nothing_selected(app),
            };
            match target {
                Some(target) => open_form(app, target),
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

/// The current text of a text field.
pub fn field_text(app: &App, target: Target) -> Option<String> {
    let plan = app.plan()?;
    Some(match target {
        Target::Action(pos, field) => {
            let a = plan.action(pos)?;
            match field {
                ActionField::Ref => a.reference.clone(),
                ActionField::Action => a.action.clone(),
                ActionField::Outcome => a.outcome.clone().unwrap_or_default(),
                ActionField::Progress => a.progress.clone().unwrap_or_default(),
                ActionField::Notes => a.notes.clone().unwrap_or_default(),
                ActionField::Owners | ActionField::Due | ActionField::Rag => return None,
            }
        }
        Target::Theme(index, field) => {
            let t = plan.themes.get(index)?;
            match field {
                ThemeField::Ref => t.reference.clone(),
                ThemeField::Title => t.title.clone(),
                ThemeField::Description => t.description.clone().unwrap_or_default(),
                ThemeField::Lead => t.lead.clone().unwrap_or_default(),
                ThemeField::Accountable => t.accountable.clone().unwrap_or_default(),
                ThemeField::Rag => return None,
            }
        }
    })
}

fn open_form(app: &mut App, target: Target) {
    let popup = match target {
        Target::Action(_, ActionField::Rag) | Target::Theme(_, ThemeField::Rag) => {
            Popup::Rag(target)
        }
        Target::Action(pos, ActionField::Owners) => {
            let current = app
                .plan()
                .and_then(|p| p.action(pos))
                .map(|a| a.owners.clone())
                .unwrap_or_default();
            Popup::Owners(Box::new(OwnersForm::new(&current, known_owners(app))))
        }
        Target::Action(pos, ActionField::Due) => {
            let current = app
                .plan()
                .and_then(|p| p.action(pos))
                .and_then(|a| a.due.clone());
            Popup::Due(Box::new(DueForm::new(current.as_ref())))
        }
        Target::Action(pos, field) => {
            let text = field_text(app, target).unwrap_or_default();
            let reference = app
                .plan()
                .and_then(|p| p.action(pos))
                .map(|a| a.reference.clone())
                .unwrap_or_default();
            Popup::Text(Box::new(TextForm::new(
                format!("{} of action {reference}", capitalised(field.key())),
                &text,
                true,
            )))
        }
        Target::Theme(index, field) => {
            let text = field_text(app, target).unwrap_or_default();
            let multi_line = field == ThemeField::Description;
            let reference = app
                .plan()
                .and_then(|p| p.themes.get(index))
                .map(|t| t.reference.clone())
                .unwrap_or_default();
            Popup::Text(Box::new(TextForm::new(
                format!("{} of theme {reference}", capitalised(field.key())),
                &text,
                multi_line,
            )))
        }
    };
    let form_target = match &popup {
        Popup::Text(_) | Popup::Owners(_) | Popup::Due(_) => Some(target),
        _ => None,
    };
    app.ui.popup = Some(popup);
    app.ui.pending = form_target;
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// Owners for completion: the glossary and every owner named in the loaded years.
fn known_owners(app: &mut App) -> Vec<(String, String)> {
    for year in &mut app.years {
        year.ensure_loaded();
    }
    let plans: Vec<_> = app.years.iter().filter_map(|y| y.plan()).collect();
    let index = OwnerIndex::build(plans.iter().copied());
    index
        .names()
        .map(|n| {
            (
                n.to_string(),
                plans
                    .iter()
                    .find_map(|p| p.owner_full_name(n))
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect()
}

/// A key while an editing popup is open.
pub fn popup_key(app: &mut App, popup: Popup, key: KeyEvent) -> Option<Effect> {
    let target = app.ui.pending;
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
        Popup::Text(mut form) => match form.handle(key) {
            Outcome::Continue => app.ui.popup = Some(Popup::Text(form)),
            Outcome::Cancel => {}
            Outcome::Submit(text) => {
                let value = Some(text).filter(|t| !t.trim().is_empty());
                if let Some(target) = target {
                    if !set_field(app, target, FieldValue::Text(value)) {
                        app.ui.popup = Some(Popup::Text(form));
                    }
                }
            }
        },
        Popup::Owners(mut form) => match form.handle(key) {
            Outcome::Continue => app.ui.popup = Some(Popup::Owners(form)),
            Outcome::Cancel => {}
            Outcome::Submit(owners) => {
                if let Some(target) = target {
                    set_field(app, target, FieldValue::Owners(owners));
                }
            }
        },
        Popup::Due(mut form) => match form.handle(key) {
            Outcome::Continue => app.ui.popup = Some(Popup::Due(form)),
            Outcome::Cancel => {}
            Outcome::Submit(due) => {
                if let Some(target) = target {
                    set_field(app, target, FieldValue::Due(due));
                }
            }
        },
        other => app.ui.popup = Some(other),
    }
    None
}

/// Applies a new value to a field; returns false (with a message) when it is refused.
pub fn set_field(app: &mut App, target: Target, value: FieldValue) -> bool {
    if current_value(app, target).as_ref() == Some(&value) {
        return true;
    }
    let edit = match target {
        Target::Action(at, field) => Edit::SetAction { at, field, value },
        Target::Theme(at, field) => Edit::SetTheme { at, field, value },
    };
    match app.year_mut().apply(edit) {
        Ok(()) => {
            app.say("changed (Ctrl-s saves, u undoes)");
            true
        }
        Err(error) => {
            app.warn(error.to_string());
            false
        }
    }
}

/// A field's value as it stands, to skip edits that change nothing.
fn current_value(app: &App, target: Target) -> Option<FieldValue> {
    let plan = app.plan()?;
    let text = |t: &Option<String>| FieldValue::Text(t.clone());
    Some(match target {
        Target::Action(pos, field) => {
            let a = plan.action(pos)?;
            match field {
                ActionField::Ref => FieldValue::Text(Some(a.reference.clone())),
                ActionField::Action => FieldValue::Text(Some(a.action.clone())),
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
                ThemeField::Ref => FieldValue::Text(Some(t.reference.clone())),
                ThemeField::Title => FieldValue::Text(Some(t.title.clone())),
                ThemeField::Description => text(&t.description),
                ThemeField::Lead => text(&t.lead),
                ThemeField::Accountable => text(&t.accountable),
                ThemeField::Rag => FieldValue::Rag(t.rag),
            }
        }
    })
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
            open_form(app, Target::Action(at, ActionField::Action));
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
            open_form(app, Target::Theme(index, ThemeField::Title));
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
