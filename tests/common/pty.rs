//! A small harness for end-to-end tests of the terminal UI: the real binary in a pseudo-terminal,
//! its output fed to a `vt100` parser, keys sent as the bytes a terminal would send.
//!
//! ratatui redraws only the cells that changed, so tests always match on the parsed screen,
//! never on the raw bytes.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Rows of the pseudo-terminal.
pub const ROWS: u16 = 30;
/// Columns of the pseudo-terminal.
pub const COLS: u16 = 100;
/// How long `wait_for` and friends wait by default.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// Keys as a terminal sends them.
pub mod keys {
    /// Escape. Ambiguous with Alt-sequences: [`super::Tui::esc`] pauses after it.
    pub const ESC: &str = "\x1b";
    /// Enter.
    pub const ENTER: &str = "\r";
    /// Alt-Enter.
    pub const ALT_ENTER: &str = "\x1b\r";
    /// Backspace.
    pub const BACKSPACE: &str = "\x7f";
    /// Ctrl-s.
    pub const CTRL_S: &str = "\x13";
    /// Ctrl-r.
    pub const CTRL_R: &str = "\x12";
    /// Arrow up.
    pub const UP: &str = "\x1b[A";
    /// Arrow down.
    pub const DOWN: &str = "\x1b[B";
    /// Arrow right.
    pub const RIGHT: &str = "\x1b[C";
    /// Arrow left.
    pub const LEFT: &str = "\x1b[D";
    /// F12.
    pub const F12: &str = "\x1b[24~";
}

/// Where the app keeps its per-user files during a test: `XDG_DATA_HOME`, `XDG_CONFIG_HOME`
/// and `HOME` all point inside this folder. Share one between two runs to keep recovery files.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    /// A fresh, empty sandbox.
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("sandbox dir"),
        }
    }

    /// `XDG_DATA_HOME`.
    pub fn data_home(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// `XDG_CONFIG_HOME`.
    pub fn config_home(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    /// `HOME`.
    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    /// The folder holding boardplan's recovery files.
    pub fn recovery_dir(&self) -> PathBuf {
        self.data_home().join("boardplan").join("recovery")
    }
}

impl Default for Sandbox {
    fn default() -> Sandbox {
        Sandbox::new()
    }
}

/// How to start the app.
pub struct Launch<'a> {
    cwd: &'a Path,
    sandbox: &'a Sandbox,
    args: Vec<String>,
    env: Vec<(String, String)>,
    size: (u16, u16),
    plain: bool,
}

impl<'a> Launch<'a> {
    /// The binary, started in `cwd`, with per-user files in `sandbox`.
    pub fn new(cwd: &'a Path, sandbox: &'a Sandbox) -> Launch<'a> {
        Launch {
            cwd,
            sandbox,
            args: Vec::new(),
            env: Vec::new(),
            size: (ROWS, COLS),
            plain: false,
        }
    }

    /// Does not wait for the UI's first frame (for questions asked before it opens).
    pub fn plain(mut self) -> Self {
        self.plain = true;
        self
    }

    /// Sets the terminal's size (rows, columns); the default is [`ROWS`] x [`COLS`].
    pub fn size(mut self, rows: u16, cols: u16) -> Self {
        self.size = (rows, cols);
        self
    }

    /// Adds a command-line argument.
    pub fn arg(mut self, arg: &str) -> Self {
        self.args.push(arg.to_string());
        self
    }

    /// Sets an environment variable (on top of the clean environment the harness sets).
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_string(), value.to_string()));
        self
    }

    /// Starts the app and waits for its first frame.
    pub fn start(self) -> Tui {
        Tui::spawn(self)
    }
}

/// A running app in a pseudo-terminal.
pub struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    reader: Option<JoinHandle<()>>,
    exited: Option<portable_pty::ExitStatus>,
}

impl Tui {
    fn spawn(launch: Launch<'_>) -> Tui {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: launch.size.0,
                cols: launch.size.1,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let sandbox = launch.sandbox;
        for dir in [sandbox.data_home(), sandbox.config_home(), sandbox.home()] {
            std::fs::create_dir_all(dir).expect("sandbox folders");
        }
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_boardplan"));
        cmd.args(&launch.args);
        cmd.cwd(launch.cwd);
        cmd.env_clear();
        if let Some(path) = std::env::var_os("PATH") {
            cmd.env("PATH", path);
        }
        cmd.env("HOME", sandbox.home());
        cmd.env("XDG_DATA_HOME", sandbox.data_home());
        cmd.env("XDG_CONFIG_HOME", sandbox.config_home());
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env("RUST_BACKTRACE", "0");
        for (key, value) in &launch.env {
            cmd.env(key, value);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn boardplan");
        // The child holds the slave now; dropping ours lets the reader see the end of output.
        drop(pty.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(launch.size.0).expect("rows"),
            NonZeroU16::new(launch.size.1).expect("cols"),
            0,
        )));
        let writer: Arc<Mutex<Box<dyn Write + Send>>> =
            Arc::new(Mutex::new(pty.master.take_writer().expect("pty writer")));
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let reader = {
            let parser = Arc::clone(&parser);
            let writer = Arc::clone(&writer);
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            let bytes = &buf[..n];
                            let mut parser = parser.lock().unwrap();
                            parser.process(bytes);
                            // Answer a cursor-position query, as a real terminal would.
                            if contains(bytes, b"\x1b[6n") {
                                let (row, col) = parser.screen().cursor_position();
                                let reply = format!("\x1b[{};{}R", row + 1, col + 1);
                                drop(parser);
                                let mut w = writer.lock().unwrap();
                                let _ = w.write_all(reply.as_bytes());
                                let _ = w.flush();
                            }
                        }
                    }
                }
            })
        };
        let mut tui = Tui {
            parser,
            writer,
            child,
            master: Some(pty.master),
            reader: Some(reader),
            exited: None,
        };
        // The title bar's year position is on every screen, popups or not.
        if !launch.plain {
            tui.wait_until("the first frame", TIMEOUT, |s, text| {
                s.alternate_screen() && text.contains("([ ])")
            });
        }
        tui
    }

    /// Sends raw bytes (keys, text) to the app.
    pub fn send(&mut self, bytes: &str) -> &mut Self {
        let mut w = self.writer.lock().unwrap();
        w.write_all(bytes.as_bytes()).expect("write to the pty");
        w.flush().expect("flush the pty");
        drop(w);
        self
    }

    /// Pastes text as a terminal with bracketed paste does (the app turns it on).
    pub fn paste(&mut self, text: &str) -> &mut Self {
        self.send(&format!("\x1b[200~{text}\x1b[201~"))
    }

    /// Sends a signal (`HUP`, `TERM`, `KILL`…) to the app's process.
    pub fn signal(&mut self, name: &str) -> &mut Self {
        let pid = self.child.process_id().expect("the app's process id");
        let status = std::process::Command::new("kill")
            .args(["-s", name, &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -s {name} {pid}");
        self
    }

    /// Sends Esc alone, then pauses so the next key is not read as Alt-something.
    pub fn esc(&mut self) -> &mut Self {
        self.send(keys::ESC);
        std::thread::sleep(Duration::from_millis(150));
        self
    }

    /// The screen's text, rows joined by newlines.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Runs `f` on the parsed screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().unwrap().screen())
    }

    /// Waits until the screen satisfies `ready`; panics with the screen after `timeout`.
    pub fn wait_until(
        &mut self,
        what: &str,
        timeout: Duration,
        mut ready: impl FnMut(&vt100::Screen, &str) -> bool,
    ) -> String {
        let start = Instant::now();
        loop {
            {
                let parser = self.parser.lock().unwrap();
                let screen = parser.screen();
                let text = screen.contents();
                if ready(screen, &text) {
                    return text;
                }
            }
            if start.elapsed() > timeout {
                let status = self.child.try_wait().ok().flatten();
                panic!(
                    "timed out after {timeout:?} waiting for {what}; app exit status: {status:?}; screen:\n{}",
                    framed(&self.screen())
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen shows `text`; returns the screen.
    pub fn wait_for(&mut self, text: &str) -> String {
        self.wait_for_within(text, TIMEOUT)
    }

    /// Waits up to `timeout` until the screen shows `text`; returns the screen.
    pub fn wait_for_within(&mut self, text: &str, timeout: Duration) -> String {
        self.wait_until(&format!("{text:?}"), timeout, |_, screen| {
            screen.contains(text)
        })
    }

    /// Waits until one frame shows every one of `texts` (a frame can be caught half drawn,
    /// so waiting for one text and then asserting another races the redraw); returns it.
    pub fn wait_for_all(&mut self, texts: &[&str]) -> String {
        self.wait_until(&format!("{texts:?}"), TIMEOUT, |_, screen| {
            texts.iter().all(|text| screen.contains(text))
        })
    }

    /// Waits until the screen no longer shows `text`; returns the screen.
    pub fn wait_gone(&mut self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to go away"), TIMEOUT, |_, screen| {
            !screen.contains(text)
        })
    }

    /// Waits for the app to end; panics (after killing it) on timeout.
    pub fn wait_exit(&mut self, timeout: Duration) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                self.exited = Some(status.clone());
                // Let the reader drain the last output (terminal restore, messages).
                if let Some(reader) = self.reader.take() {
                    let _ = reader.join();
                }
                return status;
            }
            if start.elapsed() > timeout {
                let screen = self.screen();
                let _ = self.child.kill();
                panic!(
                    "the app did not exit within {timeout:?}; screen:\n{}",
                    framed(&screen)
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The terminal's local mode flags (termios `c_lflag`), as `Debug` text, if available.
    pub fn local_flags(&self) -> Option<String> {
        let termios = self.master.as_ref()?.get_termios()?;
        Some(format!("{:?}", termios.local_flags))
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if self.exited.is_none()
            && let Ok(None) = self.child.try_wait()
        {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // Closing the master ends the reader thread if it is still reading.
        self.master.take();
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The screen with a frame and row numbers, for failure messages.
pub fn framed(screen: &str) -> String {
    let mut out = format!("   +{}+\n", "-".repeat(usize::from(COLS)));
    for (i, line) in screen.split('\n').enumerate() {
        out.push_str(&format!("{i:2} |{line}\n"));
    }
    out.push_str(&format!("   +{}+", "-".repeat(usize::from(COLS))));
    out
}
