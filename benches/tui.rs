//! Terminal UI speed on generated stores of 1,000 and 10,000 actions. Run with
//! `cargo bench --bench tui`.
//!
//! - first frame: the release binary is started in a pseudo-terminal (120x40) and timed until
//!   the screen shows the actions table (process start, load, validate, first draw);
//! - key press: in process, one key handled and the whole frame redrawn (TestBackend 120x40):
//!   moving down, typing a character into the search, setting a RAG rating;
//! - screens: at 10,000 actions with 30 commits of history, a key moving the cursor on the
//!   dashboard, the "not updated" screen, the history screen and the changes report, redrawn;
//! - idle CPU: the release binary left alone for 5 s on the main screen and on `S`, its CPU
//!   time read from /proc.

mod common;

use boardplan::tui::{App, Palette, finish_work, handle_key, perform_headless, render};
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
    screens(10_000, 30);
}

/// The plan of `size` actions as of commit `k`: every 20th progress line (shifted by `k`) has
/// moved on, as after a round of updates.
fn version(size: usize, k: usize) -> String {
    let mut n = 0;
    common::plan_text(size)
        .lines()
        .map(|line| {
            if line.starts_with("    progress: D") {
                n += 1;
                if n % 20 == k % 20 && k > 0 {
                    return format!("{line} (update {k})");
                }
            }
            line.to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn git(dir: &std::path::Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=Bench",
            "-c",
            "user.email=bench@example.org",
        ])
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("git");
    assert!(status.success(), "git {args:?}");
}

/// Key press and redraw on each screen, and idle CPU, over a store with `commits` commits.
fn screens(size: usize, commits: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let plans = dir.path().join("plans");
    std::fs::create_dir_all(&plans).expect("plans");
    let path = plans.join("2013-14.yaml");
    git(dir.path(), &["init", "-q"]);
    for k in 0..commits {
        std::fs::write(&path, version(size, k)).expect("write");
        git(dir.path(), &["add", "."]);
        git(dir.path(), &["commit", "-qm", &format!("update {k}")]);
    }
    let today = NaiveDate::from_ymd_opt(2013, 10, 1).expect("date");
    let mut app = App::new(vec![path.clone()], today, Palette::Colour);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    println!("\n{size} actions, {commits} commits: key press and redraw on each screen (median)");
    for (name, open) in [
        ("dashboard (D)", "D"),
        ("not updated (S)", "S"),
        ("history (H)", "H"),
        ("changes report (C)", "C"),
    ] {
        for c in open.chars() {
            let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            if let Some(effect) = handle_key(&mut app, key) {
                perform_headless(&mut app, effect);
            }
        }
        finish_work(&mut app);
        terminal.draw(|f| render(f, &app)).expect("draw");
        let samples = (0..40)
            .map(|i| {
                let started = Instant::now();
                let code = if i % 2 == 0 {
                    KeyCode::Down
                } else {
                    KeyCode::Up
                };
                handle_key(&mut app, KeyEvent::new(code, KeyModifiers::NONE));
                terminal.draw(|f| render(f, &app)).expect("draw");
                started.elapsed()
            })
            .collect();
        println!("  {name:<20} {:>12}", ms(median(samples)));
        handle_key(&mut app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    }
    for (name, keys) in [("main screen", ""), ("not updated (S)", "S")] {
        println!("  idle CPU, {name:<16} {}", idle_cpu(&path, keys));
    }
}

/// The CPU time the release binary uses in 5 s left alone after `keys`.
fn idle_cpu(path: &std::path::Path, keys: &str) -> String {
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
    let mut child = pty.slave.spawn_command(command).expect("spawn");
    let mut reader = pty.master.try_clone_reader().expect("reader");
    std::thread::spawn(move || {
        let mut buffer = [0u8; 65536];
        while matches!(reader.read(&mut buffer), Ok(n) if n > 0) {}
    });
    let mut writer = pty.master.take_writer().expect("writer");
    std::thread::sleep(Duration::from_secs(2));
    use std::io::Write;
    writer.write_all(keys.as_bytes()).expect("keys");
    // Let the history be read (30 versions of a 3.4 MB file) before measuring.
    std::thread::sleep(Duration::from_secs(if keys.is_empty() { 3 } else { 25 }));
    let pid = child.process_id().expect("pid");
    let ticks = || -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let fields: Vec<&str> = stat
            .rsplit(')')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        fields
            .get(11)
            .and_then(|u| u.parse::<u64>().ok())
            .unwrap_or(0)
            + fields
                .get(12)
                .and_then(|s| s.parse::<u64>().ok())
                .unwrap_or(0)
    };
    let before = ticks();
    std::thread::sleep(Duration::from_secs(5));
    let used = ticks() - before;
    let _ = child.kill();
    let _ = child.wait();
    // Linux counts CPU time in 1/100 s.
    format!("{} ms of CPU in 5 s ({:.1}%)", used * 10, used as f64 / 5.0)
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
    let mut app = App::new(vec![path.to_path_buf()], today, Palette::Colour);
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
