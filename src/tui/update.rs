//! Key presses and commands in, state changes out. Anything that needs the disk or the
//! terminal (saving, reloading, $EDITOR) is returned as an [`Effect`] for the run loop.

use super::app::{App, Focus, Screen};
use super::command::Command;
use super::forms::{Choice, Outcome, Picker, Popup, TextForm};
use super::keymap::command_for;
use super::views::help_lines;
use super::{edits, item_edits};
use crate::model::{Edit, Filter, ItemEdit, OwnerIndex, Rag, RagFilter};
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// Work for the run loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save the year shown; `overwrite` replaces a file that changed on disk.
    Save {
        /// Replace the file even if it changed on disk.
        overwrite: bool,
    },
    /// Save every year with unsaved edits, then quit if all saved.
    SaveAllAndQuit,
    /// Re-read the year shown from disk.
    Reload,
    /// Edit a field in `$EDITOR`.
    ExternalEditor(super::forms::Target),
    /// Compare the plan with a revision (the last commit when `None`) and show the report.
    Changes(Option<String>),
    /// Read the year file's history from git, then show `screen`.
    ReadHistory(Screen),
    /// Restore a year's unsaved edits from its recovery file.
    Restore(usize),
    /// Delete a year's recovery file.
    DiscardRecovery(usize),
}

/// Handles one key press.
pub fn handle_key(app: &mut App, key: KeyEvent) -> Option<Effect> {
    if app.ui.popup.is_some() {
        return popup_key(app, key);
    }
    let command = command_for(key)?;
    update(app, command)
}

/// Carries out one command.
pub fn update(app: &mut App, command: Command) -> Option<Effect> {
    app.ui.message = None;
    match command {
        Command::Up => move_by(app, -1),
        Command::Down => move_by(app, 1),
        Command::PageUp => move_by(app, -page(app)),
        Command::PageDown => move_by(app, page(app)),
        Command::Home => move_by(app, isize::MIN / 2),
        Command::End => move_by(app, isize::MAX / 2),
        Command::SwitchPane => {
            app.ui.focus = if app.ui.focus == Focus::Actions {
                Focus::Themes
            } else {
                Focus::Actions
            }
        }
        Command::Back => back(app),
        Command::Milestones => item_edits::focus_milestones(app),
        Command::Measures => item_edits::focus_measures(app),
        Command::FocusThemes => app.ui.focus = Focus::Themes,
        Command::FocusActions => app.ui.focus = Focus::Actions,
        Command::PrevYear => switch_year(app, -1),
        Command::NextYear => switch_year(app, 1),
        Command::Search => {
            let previous = app.ui.filter.search.clone();
            let form = Box::new(TextForm::new("Search", &previous, false));
            app.ui.popup = Some(Popup::Search { form, previous });
        }
        Command::FilterMenu => app.ui.popup = Some(Popup::FilterMenu),
        Command::OwnerView => open_owner_view(app),
        Command::ClearFilters => {
            if app.ui.filter.is_active() {
                app.ui.filter = Filter::default();
                app.say("filters cleared");
            }
        }
        Command::Dashboard => toggle(app, Screen::Dashboard),
        Command::Changes => return Some(Effect::Changes(None)),
        Command::History | Command::Stale => {
            let screen = if command == Command::History {
                Screen::History
            } else {
                Screen::Stale
            };
            if app.ui.screen == screen {
                app.ui.screen = Screen::Main;
            } else {
                return Some(Effect::ReadHistory(screen));
            }
        }
        Command::Help => app.ui.popup = Some(Popup::Help { scroll: 0 }),
        Command::Save => return Some(Effect::Save { overwrite: false }),
        Command::Quit => quit(app),
        Command::Undo => {
            let done = app.year_mut().undo();
            if done {
                app.say("undone")
            } else {
                app.say("nothing to undo")
            }
        }
        Command::Redo => {
            let done = app.year_mut().redo();
            if done {
                app.say("redone")
            } else {
                app.say("nothing to redo")
            }
        }
        edit => return edits::command(app, edit),
    }
    app.clamp_cursor();
    app.scroll_into_view();
    None
}

fn page(app: &App) -> isize {
    isize::try_from(app.ui.page.max(1)).unwrap_or(1)
}

fn toggle(app: &mut App, screen: Screen) {
    app.ui.screen = if app.ui.screen == screen {
        Screen::Main
    } else {
        screen
    };
}

/// Esc: back to the main screen, out of the milestones or measures list, else clear the filters.
fn back(app: &mut App) {
    if app.ui.screen != Screen::Main {
        app.ui.screen = Screen::Main;
        return;
    }
    match app.ui.focus {
        Focus::Milestones => app.ui.focus = Focus::Actions,
        Focus::Measures => {
            app.ui.focus = if app.selected_theme().is_some() {
                Focus::Themes
            } else {
                Focus::Actions
            }
        }
        Focus::Themes | Focus::Actions => {
            if app.ui.filter.is_active() {
                app.ui.filter = Filter::default();
                app.say("filters cleared");
            }
        }
    }
}

fn move_by(app: &mut App, delta: isize) {
    let themes = app.plan().map_or(0, |p| p.themes.len());
    let rows = app.rows().len();
    let items = item_edits::item_count(app);
    let focus = app.ui.focus;
    let cursor = &mut app.year_mut().cursor;
    let step = |value: usize, last: usize| value.saturating_add_signed(delta).min(last);
    match focus {
        Focus::Themes => {
            let row = step(cursor.theme_row, themes);
            if row != cursor.theme_row {
                cursor.theme_row = row;
                cursor.row = 0;
                cursor.offset = 0;
            }
        }
        Focus::Actions => cursor.row = step(cursor.row, rows.saturating_sub(1)),
        Focus::Milestones | Focus::Measures => {
            cursor.item = step(cursor.item, items.saturating_sub(1))
        }
    }
}

fn switch_year(app: &mut App, delta: isize) {
    let Some(next) = app
        .current
        .checked_add_signed(delta)
        .filter(|&i| i < app.years.len())
    else {
        app.say(if delta < 0 {
            "this is the oldest year"
        } else {
            "this is the newest year"
        });
        return;
    };
    app.current = next;
    app.year_mut().ensure_loaded();
    let name = app.year().name();
    app.say(format!("showing {name}"));
}

fn quit(app: &mut App) {
    let unsaved: Vec<String> = app
        .unsaved()
        .into_iter()
        .map(|i| app.years[i].name())
        .collect();
    if unsaved.is_empty() {
        app.ui.quit = true;
    } else {
        app.ui.popup = Some(Popup::Confirm(super::forms::Confirm::quit(&unsaved)));
    }
}

fn open_owner_view(app: &mut App) {
    for year in &mut app.years {
        year.ensure_loaded();
    }
    let plans: Vec<_> = app.years.iter().filter_map(|y| y.plan()).collect();
    let index = OwnerIndex::build(plans.iter().copied());
    let current = app.plan();
    let items: Vec<(String, String)> = index
        .names()
        .map(|name| {
            let here = current.map_or(0, |p| {
                p.actions()
                    .filter(|(_, a)| a.owners.iter().any(|o| o == name))
                    .count()
            });
            let full = plans
                .iter()
                .find_map(|p| p.owner_full_name(name))
                .unwrap_or("");
            (name.to_string(), format!("{here} actions here  {full}"))
        })
        .collect();
    app.ui.popup = Some(Popup::OwnerView(Box::new(Picker::new(
        "Owner view: whose actions?",
        items,
    ))));
}

/// A key while a popup is open.
fn popup_key(app: &mut App, key: KeyEvent) -> Option<Effect> {
    let popup = app.ui.popup.take()?;
    match popup {
        Popup::Help { scroll } => {
            let last = help_lines().len();
            if let Some(scroll) = scrolled(key, scroll, last) {
                app.ui.popup = Some(Popup::Help { scroll });
            }
        }
        Popup::Report {
            title,
            lines,
            scroll,
        } => {
            if key.code == KeyCode::Char('v') {
                let form = TextForm::new(
                    "Compare with: a commit, tag or branch, or a date (YYYY-MM-DD)",
                    "",
                    false,
                );
                app.ui.popup = Some(Popup::Revision(Box::new(form)));
            } else if let Some(scroll) = scrolled(key, scroll, lines.len()) {
                app.ui.popup = Some(Popup::Report {
                    title,
                    lines,
                    scroll,
                });
            }
        }
        Popup::Revision(mut form) => match form.handle(key) {
            Outcome::Continue => app.ui.popup = Some(Popup::Revision(form)),
            Outcome::Cancel => {}
            Outcome::Submit(revision) => {
                return Some(Effect::Changes(Some(revision.trim().to_string())));
            }
        },
        Popup::Search { mut form, previous } => match form.handle(key) {
            Outcome::Continue => {
                app.ui.filter.search = form.text();
                app.year_mut().cursor.row = 0;
                app.year_mut().cursor.offset = 0;
                app.ui.popup = Some(Popup::Search { form, previous });
            }
            Outcome::Cancel => app.ui.filter.search = previous,
            Outcome::Submit(text) => {
                app.ui.filter.search = text;
                let matches = app.rows().len();
                app.ui.focus = Focus::Actions;
                app.say(format!("{matches} matching"));
            }
        },
        Popup::FilterMenu => filter_key(app, key),
        Popup::OwnerView(mut picker) => match picker.handle(key) {
            Outcome::Continue => app.ui.popup = Some(Popup::OwnerView(picker)),
            Outcome::Cancel => {}
            Outcome::Submit(owner) => {
                app.ui.filter.owner = Some(owner.clone());
                let cursor = &mut app.year_mut().cursor;
                cursor.theme_row = 0;
                cursor.row = 0;
                cursor.offset = 0;
                app.ui.focus = Focus::Actions;
                app.say(format!("{owner}'s actions across all themes (c clears)"));
            }
        },
        Popup::Confirm(confirm) => match confirm.handle(key) {
            Outcome::Continue => app.ui.popup = Some(Popup::Confirm(confirm)),
            Outcome::Cancel => {}
            Outcome::Submit(choice) => return choose(app, choice),
        },
        other => return edits::popup_key(app, other, key),
    }
    app.clamp_cursor();
    app.scroll_into_view();
    None
}

/// Scrolling keys of a read-only popup; `None` when the key closes it.
fn scrolled(key: KeyEvent, scroll: usize, last: usize) -> Option<usize> {
    let scroll = match key.code {
        KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') | KeyCode::Char('C') => return None,
        KeyCode::Down | KeyCode::Char('j') => scroll + 1,
        KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
        KeyCode::PageDown | KeyCode::Char(' ') => scroll + 10,
        KeyCode::PageUp => scroll.saturating_sub(10),
        KeyCode::Home => 0,
        KeyCode::End => last,
        _ => scroll,
    };
    Some(scroll.min(last))
}

fn filter_key(app: &mut App, key: KeyEvent) {
    let filter = &mut app.ui.filter;
    let toggle_rag = |filter: &mut Filter, wanted: RagFilter| {
        filter.rag = if filter.rag == Some(wanted) {
            None
        } else {
            Some(wanted)
        };
    };
    match key.code {
        KeyCode::Char(c @ ('r' | 'a' | 'g' | 'b')) => {
            let rag = match c {
                'r' => Rag::Red,
                'a' => Rag::Amber,
                'g' => Rag::Green,
                _ => Rag::Blue,
            };
            toggle_rag(filter, RagFilter::Rated(rag));
        }
        KeyCode::Char('u') => toggle_rag(filter, RagFilter::Unrated),
        KeyCode::Char('o') => filter.overdue = !filter.overdue,
        KeyCode::Char('G') => filter.green_but_overdue = !filter.green_but_overdue,
        KeyCode::Char('c') => *filter = Filter::default(),
        _ => return,
    }
    let cursor = &mut app.year_mut().cursor;
    cursor.row = 0;
    cursor.offset = 0;
}

fn choose(app: &mut App, choice: Choice) -> Option<Effect> {
    match choice {
        Choice::Back => None,
        Choice::DeleteAction(pos) => edits::delete_action(app, pos),
        Choice::DeleteTheme(index) => edits::delete_theme(app, index),
        Choice::DeleteMilestone(at, index) => {
            item_edits::delete(app, Edit::Item(ItemEdit::RemoveMilestone(at, index)))
        }
        Choice::DeleteMeasure(theme, index) => {
            item_edits::delete(app, Edit::Item(ItemEdit::RemoveMeasure(theme, index)))
        }
        Choice::SaveAndQuit => Some(Effect::SaveAllAndQuit),
        Choice::DiscardAndQuit => {
            app.ui.quit = true;
            None
        }
        Choice::Reload => Some(Effect::Reload),
        Choice::Overwrite => Some(Effect::Save { overwrite: true }),
        Choice::Restore(year) => Some(Effect::Restore(year)),
        Choice::DiscardRecovery(year) => Some(Effect::DiscardRecovery(year)),
    }
}

/// Handles the mouse: a click selects a theme or an action, the wheel scrolls.
pub fn handle_mouse(app: &mut App, event: MouseEvent) {
    if app.ui.popup.is_some() {
        return;
    }
    let areas = app.ui.areas.get();
    let inside = |r: ratatui::layout::Rect| {
        event.column >= r.x
            && event.column < r.x + r.width
            && event.row >= r.y
            && event.row < r.y + r.height
    };
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) if inside(areas.table) => {
            let offset = app.year().cursor.offset;
            let row = offset + usize::from(event.row - areas.table.y);
            if row < app.rows().len() {
                app.ui.focus = Focus::Actions;
                app.year_mut().cursor.row = row;
            }
        }
        MouseEventKind::Down(MouseButton::Left) if inside(areas.themes) => {
            let themes = app.plan().map_or(0, |p| p.themes.len());
            let row = areas.first_theme + usize::from(event.row - areas.themes.y) / 2;
            let cursor = &mut app.year_mut().cursor;
            if row <= themes && row != cursor.theme_row {
                cursor.theme_row = row;
                cursor.row = 0;
                cursor.offset = 0;
            }
            app.ui.focus = Focus::Themes;
        }
        MouseEventKind::ScrollDown => move_by(app, 3),
        MouseEventKind::ScrollUp => move_by(app, -3),
        _ => return,
    }
    app.clamp_cursor();
    app.scroll_into_view();
}

/// True for Ctrl-c, which always offers to quit.
pub fn is_interrupt(key: KeyEvent) -> bool {
    key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)
}
