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
use std::cell::RefCell;
use std::rc::Rc;

/// The dashboard's lists: the overdue actions, and those not yet rated.
pub type DashboardLists = (Vec<ActionPos>, Vec<ActionPos>);

/// The dashboard's lists, kept until the plan changes.
#[derive(Debug, Default)]
pub struct DashboardCache(RefCell<Option<(PlanVersion, Rc<DashboardLists>)>>);

/// Which year, reading and revision something was computed from.
type PlanVersion = (usize, u64, u64);

/// The dashboard's actions, in the order it lists them: overdue, then not yet rated;
/// computed once per change of the plan.
pub fn dashboard_entries(app: &App) -> Rc<DashboardLists> {
    let year = app.year();
    let key = (app.current, year.generation, year.history.revision());
    if let Some((cached, lists)) = &*app.ui.cache.dashboard.0.borrow()
        && *cached == key
    {
        return Rc::clone(lists);
    }
    let lists = Rc::new(app.plan().map_or_else(Default::default, |plan| {
        let overdue = plan.overdue_actions(app.today).map(|(p, _)| p).collect();
        let unrated = plan.unrated_actions().map(|(p, _)| p).collect();
        (overdue, unrated)
    }));
    *app.ui.cache.dashboard.0.borrow_mut() = Some((key, Rc::clone(&lists)));
    lists
}

/// How many rows the screen's list has.
fn entry_count(app: &App) -> usize {
    match app.ui.screen {
        Screen::Dashboard => {
            let lists = dashboard_entries(app);
            lists.0.len() + lists.1.len()
        }
        Screen::Stale => stale_rows(app).len(),
        Screen::History | Screen::Main => app.rows().len(),
    }
}

/// The action under the screen's cursor.
pub fn selected(app: &App) -> Option<ActionPos> {
    let at = app.ui.list.selected;
    match app.ui.screen {
        Screen::History | Screen::Main => app.selected_action(),
        Screen::Dashboard => {
            let lists = dashboard_entries(app);
            lists.0.iter().chain(&lists.1).nth(at).copied()
        }
        Screen::Stale => stale_rows(app).get(at).map(|r| r.pos),
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
    let len = entry_count(app);
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
            let last = match app.ui.screen {
                Screen::Dashboard => app
                    .plan()
                    .map_or(0, |p| p.themes.iter().map(|t| t.measures.len()).sum()),
                _ => super::history::DEPTH,
            };
            app.ui.detail_scroll = (app.ui.detail_scroll + 5).min(last);
        }
        Command::DetailUp => app.ui.detail_scroll = app.ui.detail_scroll.saturating_sub(5),
        other => return super::update::update(app, other),
    }
    None
}
