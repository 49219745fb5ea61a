//! The `boardplan` binary: parses the command line and hands over to the library: the terminal
//! UI when no subcommand is given (and the output is a terminal), a subcommand otherwise.

use boardplan::cli::{Cli, Status, run};
use clap::Parser;
use std::io::IsTerminal;
use std::process::ExitCode;

/// The exit code of a process ended by SIGPIPE, as a shell reports it.
const BROKEN_PIPE: u8 = 141;

fn main() -> ExitCode {
    quiet_on_broken_pipe();
    let cli = Cli::parse();
    let result = if cli.command.is_none() && std::io::stdout().is_terminal() {
        boardplan::tui::run(cli.path).map(|()| Status::Ok)
    } else {
        run(cli)
    };
    match result {
        Ok(status) => status.exit_code(),
        Err(error) if is_broken_pipe(&error) => ExitCode::from(BROKEN_PIPE),
        Err(error) => {
            eprintln!("boardplan: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// `boardplan summary | head`: when the reader of standard output goes away, stop quietly as
/// other Unix tools do, instead of reporting a panic from `print!`.
fn quiet_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if payload.contains("failed printing to stdout") && payload.contains("Broken pipe") {
            std::process::exit(i32::from(BROKEN_PIPE));
        }
        default(info);
    }));
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
