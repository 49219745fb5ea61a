//! The terminal UI.
//!
//! `app` holds the state (the store's `year`s, and the UI state); `command` and `keymap` are the
//! vocabulary and its keys; `update`, `edits` and `item_edits` turn keys into state changes and effects;
//! `fields` reads and sets one field for the forms; `effects` performs them (saving, reloading, `$EDITOR`); `forms` are the popups; `views`
//! draw from `&App` only; `run` owns the terminal; `recovery` keeps unsaved edits across a
//! crash; `config` finds the store.

mod app;
mod baseline;
mod command;
mod config;
mod edits;
mod effect;
mod effects;
mod fields;
mod first_plan;
mod forms;
mod git_ui;
mod history;
mod input;
mod item_edits;
mod keymap;
mod labels;
mod new_year;
mod popup_keys;
mod recovery;
mod round;
mod run;
mod screens;
mod stale;
mod update;
mod views;
mod work;
mod year;

pub use app::{App, Screen};
pub use command::Command;
pub use input::{handle_key, handle_paste};
pub use keymap::{BINDINGS, commands, keys_for};
pub use update::update;
pub use views::render;

/// Performs an effect without a terminal: scripted use and tests (an `$EDITOR` effect fails).
pub fn perform_headless(app: &mut App, effect: effect::Effect) {
    struct NoTerminal;
    impl effects::Suspend for NoTerminal {
        fn suspended(&mut self, _: &mut dyn FnMut()) -> std::io::Result<()> {
            Err(std::io::Error::other("no terminal in tests"))
        }
    }
    effects::perform(app, effect, &mut NoTerminal);
}

/// Waits for the git reads running off the render path and takes in their results (scripted
/// use and tests; the run loop polls instead).
pub fn finish_work(app: &mut App) {
    effects::poll_work(app);
    while app.work.busy() {
        std::thread::sleep(std::time::Duration::from_millis(5));
        effects::poll_work(app);
    }
}

use crate::store::plan_files;
use std::path::PathBuf;

/// On a folder with no plan files, asks (on a terminal) for a first plan and writes it.
fn offer_first_plan(store: &std::path::Path) -> anyhow::Result<PathBuf> {
    use std::io::IsTerminal;
    let none = || anyhow::anyhow!("{}: no .yaml plan files here", store.display());
    if !std::io::stdin().is_terminal() || !store.is_dir() {
        return Err(none());
    }
    let today = chrono::Local::now().date_naive();
    let mut input = std::io::stdin().lock();
    first_plan::ask(&mut input, &mut std::io::stderr(), store, today)?.ok_or_else(none)
}

/// Opens the UI on a store (a folder of year files, or one file).
pub fn run(path: Option<PathBuf>) -> anyhow::Result<()> {
    let store = config::store_path(path)?;
    let files = plan_files(&store).map_err(|e| anyhow::anyhow!("{}: {e}", store.display()))?;
    let files = if files.is_empty() {
        vec![offer_first_plan(&store)?]
    } else {
        files
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let app = App::new(files, chrono::Local::now().date_naive(), no_color);
    run::run_app(app)
}
