//! The terminal UI.
//!
//! `app` holds the state (the store's `year`s, the UI state and its caches); `command` and
//! `keymap` are the vocabulary and its keys (one table per screen, a key table per popup, read
//! by the help and the hints too). Input comes in through `input` (keys, paste, mouse) and goes
//! to `popup_keys` (the popup on top), `screens` (dashboard, not updated, history) or `update`
//! (the main screen), which hands editing to `edits` and `item_edits`; `fields`,
//! `plan_fields` (with `plan_history`) and `custom_fields` read and set one field for the
//! forms, `labels` names edits in words; `export_dialog` and `export_run` are the export
//! dialog (`X`) and its writing. What
//! needs the disk, git or the terminal is an `effect::Effect` (its own module, so no handler
//! imports another), performed by `effects`; git reads run on the `work`er thread. `forms` are
//! the popups; `views` draw from `&App` only; `run` owns the terminal (signals, panic, redraw
//! only on change); `recovery` keeps unsaved edits in drafts; `stale` and `sort` order the
//! lists; `config` finds the store. `git_ui` commits, tags and syncs; `git_resolve` shows a
//! sync's steps and settles a stopped merge conflict by conflict; `import` takes returned update
//! packs in (choose, review each change, apply as one undoable edit).

mod app;
mod baseline;
mod changes;
mod command;
mod custom_fields;
mod edits;
mod effect;
mod effects;
mod export_dialog;
mod export_run;
mod fields;
mod first_plan;
mod forms;
mod git_resolve;
mod git_ui;
mod history;
mod import;
mod input;
mod item_edits;
mod keymap;
mod labels;
mod new_year;
mod palette;
mod plan_fields;
mod plan_history;
mod popup_keys;
mod recovery;
mod round;
mod run;
mod screens;
mod sort;
mod stale;
mod update;
mod views;
mod work;
mod year;

pub use app::{App, Screen};
pub use command::Command;
pub use input::{handle_key, handle_paste};
pub use keymap::{BINDINGS, commands, keys_for};
pub use palette::Palette;
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
    let store = crate::config::store_path(path)?;
    let files = plan_files(&store).map_err(|e| anyhow::anyhow!("{}: {e}", store.display()))?;
    let files = if files.is_empty() {
        vec![offer_first_plan(&store)?]
    } else {
        files
    };
    let mut app = App::new(
        files,
        chrono::Local::now().date_naive(),
        Palette::from_env(),
    );
    app.quarters = crate::config::quarter_year()?;
    run::run_app(app)
}
