//! The run loop: terminal set-up and restore (also on panic), events in, frames out, effects
//! performed; a panic writes recovery files for unsaved edits before the process ends.

use super::app::App;
use super::command::Command;
use super::effects::{Suspend, offer_next_recovery, perform, watch_disk};
use super::recovery;
use super::update::{handle_key, handle_mouse, is_interrupt, update};
use super::views::render;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::time::Duration;

/// How often, when idle, to look for files changed on disk.
const IDLE_CHECK: Duration = Duration::from_secs(1);

struct Screen(DefaultTerminal);

impl Suspend for Screen {
    fn suspended(&mut self, work: &mut dyn FnMut()) -> std::io::Result<()> {
        execute!(std::io::stdout(), DisableMouseCapture, LeaveAlternateScreen)?;
        disable_raw_mode()?;
        work();
        enable_raw_mode()?;
        execute!(std::io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
        self.0.clear()
    }
}

/// Runs the UI until the user quits.
pub fn run_app(mut app: App) -> anyhow::Result<()> {
    offer_next_recovery(&mut app);
    let terminal = ratatui::init();
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let mut screen = Screen(terminal);
    let outcome = catch_unwind(AssertUnwindSafe(|| event_loop(&mut screen, &mut app)));
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    match outcome {
        Ok(result) => result,
        Err(panic) => {
            let kept = recovery::write_all(&app);
            if !kept.is_empty() {
                eprintln!(
                    "boardplan stopped unexpectedly; your unsaved edits were kept and will be offered at the next start:"
                );
                kept.iter().for_each(|p| eprintln!("  {}", p.display()));
            }
            resume_unwind(panic)
        }
    }
}

fn event_loop(screen: &mut Screen, app: &mut App) -> anyhow::Result<()> {
    let crash_test = std::env::var_os("BOARDPLAN_CRASH_TEST").is_some();
    while !app.ui.quit {
        screen.0.draw(|frame| render(frame, app))?;
        app.ui.page = usize::from(app.ui.areas.get().table.height).max(1);
        if app.year_mut().ensure_baseline() {
            continue;
        }
        if !event::poll(IDLE_CHECK)? {
            watch_disk(app);
            continue;
        }
        let effect = match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                if crash_test && key.code == KeyCode::F(12) {
                    panic!("crash test (BOARDPLAN_CRASH_TEST)");
                }
                if is_interrupt(key) {
                    update(app, Command::Quit)
                } else {
                    handle_key(app, key)
                }
            }
            Event::Mouse(mouse) => {
                handle_mouse(app, mouse);
                None
            }
            _ => None,
        };
        if let Some(effect) = effect {
            perform(app, effect, screen);
        }
    }
    Ok(())
}
