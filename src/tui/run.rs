//! The run loop: terminal set-up and restore (on quitting, on a panic, and on SIGHUP, SIGTERM,
//! SIGINT and SIGQUIT), events in, frames out (only when something changed), effects
//! performed; unsaved edits are kept in recovery drafts every few seconds and on every way out.

use super::app::App;
use super::command::Command;
use super::effect::Effect;
use super::effects::{Suspend, check_head, offer_next_recovery, perform, poll_work, watch_disk};
use super::input::{handle_key, handle_mouse, handle_paste, is_interrupt};
use super::recovery;
use super::update::update;
use super::views::render;
use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long the loop sleeps waiting for a key before looking at signals and timers.
const TICK: Duration = Duration::from_millis(200);
/// How often, when idle, to look for files changed on disk.
const DISK_CHECK: Duration = Duration::from_secs(1);
/// How often to look whether `HEAD` moved (a commit in another shell).
const HEAD_CHECK: Duration = Duration::from_secs(3);
/// How often unsaved edits are written to their recovery drafts (when they changed).
const AUTOSAVE: Duration = Duration::from_secs(2);

struct Screen(DefaultTerminal);

impl Suspend for Screen {
    fn suspended(&mut self, work: &mut dyn FnMut()) -> std::io::Result<()> {
        execute!(
            std::io::stdout(),
            DisableBracketedPaste,
            DisableMouseCapture,
            LeaveAlternateScreen
        )?;
        disable_raw_mode()?;
        work();
        enable_raw_mode()?;
        execute!(
            std::io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        )?;
        self.0.clear()
    }
}

/// Gives the terminal back: no mouse tracking, no bracketed paste, normal screen, cooked mode,
/// cursor shown.
fn restore_terminal() {
    let _ = execute!(
        std::io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture
    );
    ratatui::restore();
    let _ = execute!(std::io::stdout(), Show);
}

/// How the event loop ended.
enum Ending {
    /// The user quit.
    Quit,
    /// A signal asked the process to stop.
    Signal(i32),
}

/// Runs the UI until the user quits (or a signal stops it).
pub fn run_app(mut app: App) -> anyhow::Result<()> {
    offer_next_recovery(&mut app);
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [SIGHUP, SIGTERM, SIGINT, SIGQUIT] {
        let value = usize::try_from(sig).unwrap_or(usize::MAX);
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), value)?;
    }
    end_if_stuck(Arc::clone(&signal));
    let terminal = ratatui::init();
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(
            std::io::stdout(),
            DisableBracketedPaste,
            DisableMouseCapture
        );
        previous(info);
    }));
    let mut screen = Screen(terminal);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut screen, &mut app, &signal)
    }));
    let kept = match &outcome {
        Ok(Ok(Ending::Quit)) => Vec::new(),
        _ => recovery::write_all(&app),
    };
    restore_terminal();
    if !kept.is_empty() {
        eprintln!(
            "boardplan stopped; your unsaved edits were kept and will be offered at the next start:"
        );
        kept.iter().for_each(|p| eprintln!("  {}", p.display()));
    }
    match outcome {
        Ok(Ok(Ending::Quit)) => {
            for year in app.years.iter().filter(|y| y.drafted.is_some()) {
                recovery::discard(&year.path);
            }
            Ok(())
        }
        Ok(Ok(Ending::Signal(sig))) => {
            signal_hook::low_level::emulate_default_handler(sig)?;
            anyhow::bail!("stopped by signal {sig}")
        }
        Ok(Err(error)) => Err(error),
        Err(panic) => resume_unwind(panic),
    }
}

/// One terminal event in; the effect it asks for out.
fn handle_event(app: &mut App, event: Event, crash_test: bool) -> Option<Effect> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            if crash_test && key.code == KeyCode::F(12) {
                panic!("crash test (BOARDPLAN_CRASH_TEST)");
            }
            // Ctrl-c offers to quit, except in a form, where it would drop what is typed.
            if is_interrupt(key) && app.ui.popup.is_none() {
                update(app, Command::Quit)
            } else {
                handle_key(app, key)
            }
        }
        Event::Mouse(mouse) => {
            handle_mouse(app, mouse);
            None
        }
        Event::Paste(text) => {
            handle_paste(app, &text);
            None
        }
        _ => None,
    }
}

/// How long a signal may go unanswered by [`event_loop`] before the process ends anyway: a
/// loop that is not stuck answers within a tick and a draw (a save of a 3 MB plan takes about
/// 0.1 s), so after a second it is stuck, spinning a core for as long as it is left.
const STUCK_GRACE: Duration = Duration::from_secs(1);

/// When the terminal hangs up, crossterm's input reader can spin on end-of-file inside `poll`
/// and never return to [`event_loop`], which would then never see the SIGHUP or SIGTERM and
/// keep a core busy for ever. This thread ends the process the way the signal would once it has
/// gone unanswered for [`STUCK_GRACE`]; the autosaved draft (never older than the autosave
/// interval) keeps the unsaved edits for the next start.
fn end_if_stuck(signal: Arc<AtomicUsize>) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(200));
            if let Some(sig) = received(&signal) {
                std::thread::sleep(STUCK_GRACE);
                let _ = signal_hook::low_level::emulate_default_handler(sig);
                return;
            }
        }
    });
}

/// The signal received, if any.
fn received(signal: &AtomicUsize) -> Option<i32> {
    match signal.load(Ordering::SeqCst) {
        0 => None,
        sig => i32::try_from(sig).ok(),
    }
}

fn event_loop(screen: &mut Screen, app: &mut App, signal: &AtomicUsize) -> anyhow::Result<Ending> {
    let crash_test = std::env::var_os("BOARDPLAN_CRASH_TEST").is_some();
    let mut needs_draw = true;
    let mut last_disk_check = Instant::now();
    let mut last_autosave = Instant::now();
    let mut last_head_check = Instant::now();
    while !app.ui.quit {
        if let Some(sig) = received(signal) {
            return Ok(Ending::Signal(sig));
        }
        if needs_draw {
            screen.0.draw(|frame| render(frame, app))?;
            app.ui.page = usize::from(app.ui.areas.get().table.height).max(1);
            needs_draw = false;
        }
        if last_autosave.elapsed() >= AUTOSAVE {
            recovery::autosave(app);
            last_autosave = Instant::now();
        }
        if last_head_check.elapsed() >= HEAD_CHECK {
            check_head(app);
            last_head_check = Instant::now();
        }
        needs_draw |= poll_work(app);
        if !event::poll(TICK)? {
            if last_disk_check.elapsed() >= DISK_CHECK {
                needs_draw |= watch_disk(app);
                last_disk_check = Instant::now();
            }
            continue;
        }
        needs_draw = true;
        if let Some(effect) = handle_event(app, event::read()?, crash_test) {
            perform(app, effect, screen);
        }
    }
    Ok(Ending::Quit)
}
