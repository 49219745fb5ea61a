//! Commands in, state changes out. Anything that needs the disk, git or the terminal (saving,
//! reloading, $EDITOR) is returned as an [`Effect`] for the run loop.

use super::app::{App, Focus, Screen};
use super::command::Command;
use super::effect::Effect;
use super::forms::{Lines, Picker, Popup, TextForm};
use super::{edits, item_edits};
use crate::model::{Filter, OwnerIndex};

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
            let form = Box::new(TextForm::new("Search", &previous, Lines::One).quick_cancel());
            let theme_row = std::mem::take(&mut app.year_mut().cursor.theme_row);
            app.ui.focus = Focus::Actions;
            app.ui.popup = Some(Popup::Search {
                form,
                previous,
                theme_row,
            });
        }
        Command::FilterMenu => app.ui.popup = Some(Popup::FilterMenu),
        Command::OwnerView => open_owner_view(app),
        Command::ClearFilters => {
            if app.ui.filter.is_active() {
                app.ui.filter = Filter::default();
                app.say("filters cleared");
            }
        }
        Command::Sort => {
            let selected = app.selected_action();
            app.ui.sort = app.ui.sort.next();
            if let Some(pos) = selected {
                app.select_action(pos);
            }
            let order = app.ui.sort.name();
            app.say(format!(
                "table sorted by {order} (s again for the next order)"
            ));
        }
        Command::Dashboard => toggle(app, Screen::Dashboard),
        Command::DetailDown => scroll_detail(app, 1),
        Command::DetailUp => scroll_detail(app, -1),
        Command::Open => {}
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
        Command::Commit | Command::Sync | Command::TagMeeting | Command::UpdateRound => {
            return super::git_ui::command(app, command);
        }
        Command::NewYear => super::new_year::open(app),
        Command::Export => super::export_run::open(app),
        Command::ImportPacks => super::import::open(app),
        Command::Help => app.ui.popup = Some(Popup::Help { scroll: 0 }),
        Command::Save => return Some(Effect::Save { overwrite: false }),
        Command::Quit => quit(app),
        Command::Undo => match app.year_mut().undo() {
            Some(what) => app.say(format!("undid: {what}")),
            None => app.say("nothing to undo"),
        },
        Command::Redo => match app.year_mut().redo() {
            Some(what) => app.say(format!("redid: {what}")),
            None => app.say("nothing to redo"),
        },
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
    app.ui.list.reset();
    app.ui.detail_scroll = 0;
    app.ui.screen = if app.ui.screen == screen {
        Screen::Main
    } else {
        screen
    };
}

/// Scrolls the detail pane half a page down (`1`) or up (`-1`), within its text.
pub fn scroll_detail(app: &mut App, direction: isize) {
    let areas = app.ui.areas.get();
    let height = usize::from(areas.detail.height).max(1);
    let last = areas.detail_lines.saturating_sub(height);
    let step = (height / 2).max(1);
    let scroll = &mut app.ui.detail_scroll;
    *scroll = if direction > 0 {
        (*scroll + step).min(last)
    } else {
        scroll.saturating_sub(step)
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
    let year = app.year_mut();
    year.ensure_loaded();
    if app.read_only() {
        app.year_mut().reload();
    }
    let name = app.year().name();
    if app.read_only() {
        app.warn(format!("showing {name}: it still has errors (read-only)"));
    } else {
        app.say(format!("showing {name}"));
    }
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
