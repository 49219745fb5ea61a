//! Keys while a popup is open: help, the changes report and its revision field, search, the
//! filter menu, the owner picker and questions. The editing forms are in `edits`.

use super::app::{App, Focus, Screen};
use super::edits;
use super::effect::Effect;
use super::forms::{Choice, Outcome, Popup, Report, RevisionPicker, TextForm};
use super::item_edits;
use super::views::help_height;
use crate::model::{ActionPos, Edit, Filter, ItemEdit, Rag, RagFilter};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// A key while a popup is open.
pub fn popup_key(app: &mut App, key: KeyEvent) -> Option<Effect> {
    let popup = app.ui.popup.take()?;
    match popup {
        Popup::Help { scroll } => {
            let last = help_height(app);
            let page = usize::from(app.ui.areas.get().help.height).saturating_sub(1);
            if let Some(scroll) = scrolled(key, scroll, last, page.max(1)) {
                app.ui.popup = Some(Popup::Help { scroll });
            }
        }
        Popup::Report(report) => return report_key(app, report, key),
        Popup::Revision(mut picker) => match picker.handle(key) {
            Outcome::Continue => app.ui.popup = Some(Popup::Revision(picker)),
            Outcome::Cancel => app.ui.popup = Some(Popup::Report(picker.back)),
            Outcome::Submit(revision) => {
                // The report stays up; a bad revision leaves it as it was.
                app.ui.popup = Some(Popup::Report(picker.back));
                return Some(Effect::Changes(Some(revision)));
            }
        },
        Popup::Search {
            form,
            previous,
            theme_row,
        } => search_key(app, form, key, previous, theme_row),
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
        Popup::Git(dialog) => return super::git_ui::key(app, *dialog, key),
        Popup::Round(round) => return super::round::key(app, round, key),
        Popup::NewYear(form) => super::new_year::key(app, form, key),
        Popup::Custom(picker, owner) => super::custom_fields::pick_key(app, picker, owner, key),
        Popup::Export(dialog) => return super::export_run::key(app, dialog, key),
        other => return edits::popup_key(app, other, key),
    }
    app.clamp_cursor();
    app.scroll_into_view();
    None
}

fn search_key(
    app: &mut App,
    mut form: Box<TextForm>,
    key: KeyEvent,
    previous: String,
    theme_row: usize,
) {
    match form.handle(key) {
        Outcome::Continue => {
            app.ui.filter.search = form.text();
            app.year_mut().cursor.row = 0;
            app.year_mut().cursor.offset = 0;
            app.ui.popup = Some(Popup::Search {
                form,
                previous,
                theme_row,
            });
        }
        Outcome::Cancel => {
            app.ui.filter.search = previous;
            app.year_mut().cursor.theme_row = theme_row;
        }
        Outcome::Submit(text) => {
            app.ui.filter.search = text;
            let matches = app.rows().len();
            app.ui.focus = Focus::Actions;
            app.say(format!("{matches} matching in all themes"));
        }
    }
}

/// Keys of the changes report: a cursor over its lines, Enter opens the action under it.
fn report_key(app: &mut App, mut report: Box<Report>, key: KeyEvent) -> Option<Effect> {
    let last = report.lines.len().saturating_sub(1);
    match key.code {
        KeyCode::Char('v') => {
            app.ui.popup = Some(Popup::Revision(Box::new(RevisionPicker::new(report))));
            return Some(Effect::ListRevisions);
        }
        KeyCode::Enter => {
            match report_action(app, &report) {
                Some(pos) => open_action(app, pos),
                None => {
                    app.warn("no action on this line; move to an action's line (its ref first)");
                    app.ui.popup = Some(Popup::Report(report));
                }
            }
            return None;
        }
        _ => {}
    }
    if let Some(cursor) = scrolled(key, report.cursor, last, 10) {
        report.cursor = cursor;
        app.ui.popup = Some(Popup::Report(report));
    }
    None
}

/// The action the report's cursor is in: the nearest line at or above it that starts with an
/// action's ref.
fn report_action(app: &App, report: &Report) -> Option<ActionPos> {
    let plan = app.plan()?;
    report.lines[..=report.cursor.min(report.lines.len().checked_sub(1)?)]
        .iter()
        .rev()
        .find_map(|line| {
            let word = line.strip_prefix("  ")?.split_whitespace().next()?;
            plan.find_action(word)
        })
}

/// Shows `pos` on the main screen: every theme, no filter hiding it, the row selected.
pub fn open_action(app: &mut App, pos: ActionPos) {
    app.ui.screen = Screen::Main;
    app.ui.focus = Focus::Actions;
    app.ui.popup = None;
    app.year_mut().cursor.theme_row = 0;
    if !app.rows().contains(&pos) {
        app.ui.filter = Filter::default();
    }
    app.select_action(pos);
    app.scroll_into_view();
    if let Some(action) = app.plan().and_then(|p| p.action(pos)) {
        let reference = action.reference.clone();
        app.say(format!("action {reference}"));
    }
}

/// Scrolling keys of a read-only popup; `None` when the key closes it.
/// The new first row (or cursor) after `key`, `page` rows to a page; `None` closes.
fn scrolled(key: KeyEvent, scroll: usize, last: usize, page: usize) -> Option<usize> {
    let scroll = match key.code {
        KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') | KeyCode::Char('C') => return None,
        KeyCode::Down | KeyCode::Char('j') => scroll + 1,
        KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
        KeyCode::PageDown | KeyCode::Char(' ') => scroll + page,
        KeyCode::PageUp => scroll.saturating_sub(page),
        KeyCode::Home | KeyCode::Char('g') => 0,
        KeyCode::End | KeyCode::Char('G') => last,
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
