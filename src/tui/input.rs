//! Input in: a key goes to the popup on top, else to the screen's own keys, else through the
//! main keymap to `update`; pasted text goes into the open field as text; the mouse selects
//! and scrolls what is under it.

use super::app::{App, Focus, Screen};
use super::effect::Effect;
use super::forms::Popup;
use super::keymap::command_for;
use super::popup_keys::popup_key;
use super::screens::{move_list, screen_key};
use super::update::{scroll_detail, update};
use crate::model::ActionPos;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

/// What the detail pane shows; its scroll goes back to the top when this changes.
fn detail_subject(app: &App) -> (Screen, usize, Focus, usize, Option<ActionPos>) {
    (
        app.ui.screen,
        app.current,
        app.ui.focus,
        app.year().cursor.theme_row,
        app.selected_action(),
    )
}

/// Handles one key press.
pub fn handle_key(app: &mut App, key: KeyEvent) -> Option<Effect> {
    let before = detail_subject(app);
    let effect = if app.ui.popup.is_some() {
        popup_key(app, key)
    } else if app.ui.screen != Screen::Main {
        screen_key(app, key)
    } else {
        command_for(key).and_then(|command| update(app, command))
    };
    if detail_subject(app) != before {
        app.ui.detail_scroll = 0;
    }
    effect
}

/// Pasted text (bracketed paste): inserted into the open field as text, never run as keys.
pub fn handle_paste(app: &mut App, text: &str) {
    match &mut app.ui.popup {
        Some(Popup::Text(field)) => field.form.paste(text),
        Some(Popup::Due(field)) => field.form.input.paste(text),
        Some(Popup::Owners(field)) => field.form.paste(text),
        Some(Popup::Revision(picker)) => picker.paste(text),
        Some(Popup::Git(dialog)) => super::git_ui::paste(dialog, text),
        Some(Popup::Round(round)) => super::round::paste(round, text),
        Some(Popup::NewYear(form)) => form.paste(text),
        Some(Popup::Export(dialog)) => super::export_run::paste(dialog, text),
        Some(Popup::Search { form, .. }) => {
            form.paste(text);
            app.ui.filter.search = form.text();
        }
        _ => app.warn("pasted text was ignored: open a field first (e, p, w, d…), then paste"),
    }
}

fn inside(r: Rect, event: &MouseEvent) -> bool {
    event.column >= r.x
        && event.column < r.x + r.width
        && event.row >= r.y
        && event.row < r.y + r.height
}

/// Handles the mouse: a click selects a theme or an action, the wheel scrolls what is under it.
pub fn handle_mouse(app: &mut App, event: MouseEvent) {
    if app.ui.popup.is_some() {
        return;
    }
    let before = detail_subject(app);
    let areas = app.ui.areas.get();
    let wheel = match event.kind {
        MouseEventKind::ScrollDown => 1,
        MouseEventKind::ScrollUp => -1,
        _ => 0,
    };
    if app.ui.screen != Screen::Main {
        if wheel != 0 {
            move_list(app, wheel * 3);
        }
        return;
    }
    match event.kind {
        _ if wheel != 0 && inside(areas.detail, &event) => scroll_detail(app, wheel),
        _ if wheel != 0 => scroll_focused(app, wheel),
        MouseEventKind::Down(MouseButton::Left) if inside(areas.table, &event) => {
            let offset = app.year().cursor.offset;
            let row = offset + usize::from(event.row - areas.table.y);
            if row < app.rows().len() {
                app.ui.focus = Focus::Actions;
                app.year_mut().cursor.row = row;
            }
        }
        MouseEventKind::Down(MouseButton::Left) if inside(areas.themes, &event) => {
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
        _ => return,
    }
    app.clamp_cursor();
    app.scroll_into_view();
    if detail_subject(app) != before {
        app.ui.detail_scroll = 0;
    }
}

/// The wheel over the themes or the table: three rows of the focused pane.
fn scroll_focused(app: &mut App, wheel: isize) {
    let command = if wheel > 0 {
        super::command::Command::Down
    } else {
        super::command::Command::Up
    };
    for _ in 0..3 {
        update(app, command);
    }
}

/// True for Ctrl-c, which always offers to quit.
pub fn is_interrupt(key: KeyEvent) -> bool {
    key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)
}
