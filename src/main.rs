//! The `boardplan` binary: parses the command line and hands over to the library: the terminal
//! UI when no subcommand is given (and the output is a terminal), a subcommand otherwise.

use boardplan::cli::{Cli, Status, run};
use clap::Parser;
use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = if cli.command.is_none() && std::io::stdout().is_terminal() {
        boardplan::tui::run(cli.path).map(|()| Status::Ok)
    } else {
        run(cli)
    };
    match result {
        Ok(status) => status.exit_code(),
        Err(error) => {
            eprintln!("boardplan: {error:#}");
            ExitCode::from(2)
        }
    }
}
