//! The `boardplan` binary: parses the command line and hands over to the library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = boardplan::cli::Cli::parse();
    match boardplan::cli::run(cli) {
        Ok(status) => status.exit_code(),
        Err(error) => {
            eprintln!("boardplan: {error:#}");
            std::process::ExitCode::from(2)
        }
    }
}
