//! Terminal UI speed on generated stores of 1,000 and 10,000 actions. Run with
//! `cargo bench --bench tui`.
//!
//! - first frame: the release binary is started in a pseudo-terminal (120x40) and timed until
//!   the screen shows the actions table (process start, load, validate, first draw);
//! - key press: in process, one key handled and the whole frame redrawn (TestBackend 120x40):
//!   moving down, typing a character into the search, setting a RAG rating.

mod common;

use boardplan::tui::{App, handle_key, render};
use chrono::NaiveDate;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::io::Read;
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn main() {
    println!(
        "{:>8}  {:>12}  {:>12}  {:>12}  {:>12}",
        "actions", "first frame", "move down", "search char", "RAG change"
    );
    for size in [1_000, 10_000] {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("2013-14.yaml");
        std::fs::write(&path, common::plan_text(size)).expect("write store");
        let startup = median((0..5).map(|_| first_frame(&path)).collect());
        let (down, search, rag) = key_presses(&path);
        println!(
            "{size:>8}  {:>12}  {:>12}  {:>12}  {:>12}",
            ms(startup),
            ms(down),
            ms(search),
            ms(rag)
        );
    }
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Starts the binary in a pty and waits for the actions table on screen.
fn first_frame(path: &std::path::Path) -> Duration {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_boardplan"));
    command.arg(path);
    command.env("TERM", "xterm-256color");
    let data = tempfile::tempdir().expect("temp dir");
    command.env("XDG_DATA_HOME", data.path());
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        NonZeroU16::new(40).expect("rows"),
        NonZeroU16::new(120).expect("cols"),
        0,
    )));
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let feed = Arc::clone(&parser);
    let started = Instant::now();
    let mut child = pty.slave.spawn_command(command).expect("spawn");
    std::thread::spawn(move || {
        let mut buffer = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 {
                break;
            }
            if let Ok(mut p) = feed.lock() {
                p.process(&buffer[..n]);
            }
        }
    });
    let elapsed = loop {
        let shown = parser
            .lock()
            .map(|p| p.screen().contents().contains(" shown "))
            .unwrap_or(false);
        if shown {
            break started.elapsed();
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no first frame"
        );
        std::thread::sleep(Duration::from_micros(200));
    };
    let _ = child.kill();
    let _ = child.wait();
    elapsed
}

/// Median time to handle one key and redraw, for three kinds of key press.
fn key_presses(path: &std::path::Path) -> (Duration, Duration, Duration) {
    let today = NaiveDate::from_ymd_opt(2013, 10, 1).expect("date");
    let mut app = App::new(vec![path.to_path_buf()], today, false);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal.draw(|f| render(f, &app)).expect("draw");
    let press = |app: &mut App, terminal: &mut Terminal<TestBackend>, code: KeyCode| {
        let started = Instant::now();
        handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
        terminal.draw(|f| render(f, app)).expect("draw");
        started.elapsed()
    };
    let down = median(
        (0..200)
            .map(|_| press(&mut app, &mut terminal, KeyCode::Char('j')))
            .collect(),
    );
    press(&mut app, &mut terminal, KeyCode::Char('/'));
    let search = median(
        (0..20)
            .map(|i| {
                let sample = press(
                    &mut app,
                    &mut terminal,
                    KeyCode::Char(if i % 2 == 0 { 'e' } else { 'x' }),
                );
                press(&mut app, &mut terminal, KeyCode::Backspace);
                sample
            })
            .collect(),
    );
    press(&mut app, &mut terminal, KeyCode::Esc);
    let rag = median(
        (0..50)
            .map(|i| {
                press(&mut app, &mut terminal, KeyCode::Char('r'));
                press(
                    &mut app,
                    &mut terminal,
                    KeyCode::Char(if i % 2 == 0 { 'g' } else { 'a' }),
                )
            })
            .collect(),
    );
    (down, search, rag)
}
