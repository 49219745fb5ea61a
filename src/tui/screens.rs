//! The dashboard, "not updated since" and history screens as real screens: a visible cursor on
//! their list of actions, Enter opens that action on the main screen, Esc goes back, and only
//! the keys of [`SCREEN_BINDINGS`] act there.

use super::app::{App, Screen};
use super::command::Command;
use super::effect::Effect;
use super::keymap::{SCREEN_BINDINGS, command_in, first_key};
use super::popup_keys::open_action;
use super::stale::stale_rows;
use crate::model::ActionPos;
use ratatui::crossterm::event::KeyEvent;

/// The dashboard's actions, in the order it lists them: overdue, then not yet rated.
pub fn dashboard_entries(app: &App) -> (Vec<ActionPos>, Vec<ActionPos>) {
    let Some(plan) = app.plan() else {
        return (Vec::new(), Vec::new());
    };
    let overdue = plan.overdue_actions(app.today).map(|(p, _)| p).collect();
    let unrated = plan.unrated_actions().map(|(p, _)| p).collect();
    (overdue, unrated)
}

/// The actions of the screen's list, in order.
fn entries(app: &App) -> Vec<ActionPos> {
    match app.ui.screen {
        Screen::Dashboard => {
            let (mut overdue, unrated) = dashboard_entries(app);
            overdue.extend(unrated);
            overdue
        }
        Screen::Stale => stale_rows(app).iter().map(|r| r.pos).collect(),
        Screen::History | Screen::Main => app.rows().to_vec(),
    }
}

/// The action under the screen's cursor.
pub fn selected(app: &App) -> Option<ActionPos> {
    match app.ui.screen {
        Screen::History | Screen::Main => app.selected_action(),
        _ => entries(app).get(app.ui.list.selected).copied(),
    }
}

/// Moves the screen's cursor by `delta` rows.
pub fn move_list(app: &mut App, delta: isize) {
    if matches!(app.ui.screen, Screen::History | Screen::Main) {
        let rows = app.rows().len();
        let cursor = &mut app.year_mut().cursor;
        cursor.row = cursor
            .row
            .saturating_add_signed(delta)
            .min(rows.saturating_sub(1));
        app.scroll_into_view();
        return;
    }
    let len = entries(app).len();
    app.ui.list.step(delta, len);
}

/// A key on a screen other than the main one.
pub fn screen_key(app: &mut App, key: KeyEvent) -> Option<Effect> {
    let Some(command) = command_in(SCREEN_BINDINGS, key) else {
        app.warn(format!(
            "not on this screen: {} opens the selected action, {} goes back",
            first_key(SCREEN_BINDINGS, Command::Open),
            first_key(SCREEN_BINDINGS, Command::Back)
        ));
        return None;
    };
    app.ui.message = None;
    let page = isize::try_from(app.ui.page.max(1)).unwrap_or(1);
    match command {
        Command::Up => move_list(app, -1),
        Command::Down => move_list(app, 1),
        Command::PageUp => move_list(app, -page),
        Command::PageDown => move_list(app, page),
        Command::Home => move_list(app, isize::MIN / 2),
        Command::End => move_list(app, isize::MAX / 2),
        Command::Open => match selected(app) {
            Some(pos) => open_action(app, pos),
            None => app.warn("the list is empty"),
        },
        Command::Back => app.ui.screen = Screen::Main,
        Command::DetailDown => {
            app.ui.detail_scroll = (app.ui.detail_scroll + 5).min(super::history::DEPTH)
        }
        Command::DetailUp => app.ui.detail_scroll = app.ui.detail_scroll.saturating_sub(5),
        other => return super::update::update(app, other),
    }
    None
}
