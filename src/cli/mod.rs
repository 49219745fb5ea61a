//! The command line: clap definitions and one small module per subcommand.
//! Exit codes: 0 fine, 1 validation errors (or `fmt --check` found work), 2 usage or I/O errors.

mod check;
mod diff;
mod diff_driver;
mod export;
mod fmt;
mod git_setup;
mod meeting;
mod merge_driver;
mod set;
mod summary;

use crate::store::{LoadError, OpenError, PlanFile, plan_files};
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};

/// Keep a safeguarding board's business plan as YAML files in git.
#[derive(Debug, Parser)]
#[command(
    name = "boardplan",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; with none, opens the terminal UI (or, when not on a terminal, the summary).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The plan store: a folder of year files, or one file (default: ./plans).
    pub path: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate plan files; prints file:line:col: message for each problem.
    Check {
        /// Files or folders of year files (default: ./plans).
        paths: Vec<PathBuf>,
    },
    /// Rewrite plan files in canonical form.
    Fmt {
        /// Only report files that are not canonical (exit 1 if any); write nothing.
        #[arg(long)]
        check: bool,
        /// Files or folders of year files (default: ./plans).
        paths: Vec<PathBuf>,
    },
    /// Change fields of one action; only those lines of the file change.
    Set {
        /// The plan file.
        file: PathBuf,
        /// The action's ref, e.g. 3.2.
        #[arg(value_name = "REF")]
        reference: String,
        /// FIELD=VALUE pairs: rag (red|amber|green|blue|none), progress, due ("31 July 2013",
        /// "March 2014", ongoing, empty clears), owners (comma-separated), action, outcome, notes, ref.
        #[arg(value_name = "FIELD=VALUE", required = true)]
        assignments: Vec<String>,
        /// Write even if the file changed on disk since it was read.
        #[arg(long)]
        force: bool,
    },
    /// RAG counts per theme, overdue and unrated actions.
    Summary {
        /// A file or folder of year files (default: ./plans).
        path: Option<PathBuf>,
        /// Count overdue as of this date (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE")]
        today: Option<chrono::NaiveDate>,
    },
    /// What changed between two versions, action by action: REV1 [REV2] [PATH...], or two files.
    Diff {
        /// REV1 [REV2] [PATH...]: git revisions (a commit, branch or tag; REV2 defaults to the
        /// working tree) and plan files or folders (default ./plans); or two plan files.
        #[arg(value_name = "REV_OR_PATH")]
        args: Vec<String>,
        /// Compare from the last commit before this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        since: Option<chrono::NaiveDate>,
        /// The report's format.
        #[arg(long, value_enum, default_value = "text")]
        format: diff::Format,
    },
    /// Make a git repository plan-aware: .gitattributes, hunk headers naming actions, the merge driver.
    GitSetup {
        /// The plan store folder inside the repository (default: ./plans, this folder when it
        /// holds plan files, or plans at the repository's top).
        #[arg(long)]
        store: Option<PathBuf>,
    },
    /// Tag the current commit as a board meeting (meeting/YYYY-MM-DD); `last-meeting` names it.
    Meeting {
        /// The meeting's date (YYYY-MM-DD; default today).
        #[arg(long, value_name = "DATE")]
        date: Option<chrono::NaiveDate>,
        /// The tag's message (default: "Board meeting of 17 September 2013").
        #[arg(long, value_name = "TEXT")]
        message: Option<String>,
    },
    /// Git's merge driver for plan files (set up by git-setup): merges at field level.
    MergeDriver {
        /// %O: the common ancestor.
        base: PathBuf,
        /// %A: our version; the result is written here.
        ours: PathBuf,
        /// %B: their version.
        theirs: PathBuf,
        /// %P: the file's name in the repository.
        name: String,
        /// %L: the length of conflict markers.
        #[arg(long, default_value_t = 7)]
        marker_size: usize,
    },
    /// Git's external diff for plan files (set up by git-setup): hunk headers naming actions.
    #[command(hide = true)]
    GitDiffDriver {
        /// PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE, as git gives them.
        #[arg(num_args = 7..=9, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Publish a plan in another format, on standard output.
    Export {
        /// The output format.
        #[arg(long, value_enum)]
        format: export::Format,
        /// The plan file.
        file: PathBuf,
    },
}

/// How a command ended, when it ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything is fine.
    Ok,
    /// Validation found errors (or `fmt --check` found files to format).
    Invalid,
}

impl Status {
    /// The process exit code.
    pub fn exit_code(self) -> std::process::ExitCode {
        match self {
            Status::Ok => std::process::ExitCode::SUCCESS,
            Status::Invalid => std::process::ExitCode::from(1),
        }
    }

    fn and(self, other: Status) -> Status {
        if self == Status::Invalid || other == Status::Invalid {
            Status::Invalid
        } else {
            Status::Ok
        }
    }
}

/// Runs a parsed command line. `Err` is a usage or I/O problem (exit code 2).
pub fn run(cli: Cli) -> anyhow::Result<Status> {
    match cli.command {
        None => summary::run(&default_store(cli.path), None),
        Some(Command::Check { paths }) => check::run(&default_paths(paths)),
        Some(Command::Fmt { check, paths }) => fmt::run(&default_paths(paths), check),
        Some(Command::Set {
            file,
            reference,
            assignments,
            force,
        }) => set::run(&file, &reference, &assignments, force),
        Some(Command::Summary { path, today }) => summary::run(&default_store(path), today),
        Some(Command::Export { format, file }) => export::run(&file, format),
        Some(Command::GitSetup { store }) => git_setup::run(store.as_deref()),
        Some(Command::Diff {
            args,
            since,
            format,
        }) => diff::run(&diff::Request {
            args,
            since: since.map(|d| d.to_string()),
            format,
        }),
        Some(Command::GitDiffDriver { args }) => diff_driver::run(&args),
        Some(Command::Meeting { date, message }) => meeting::run(date, message.as_deref()),
        Some(Command::MergeDriver {
            base,
            ours,
            theirs,
            name,
            marker_size,
        }) => merge_driver::run([&base, &ours, &theirs], &name, marker_size),
    }
}

fn default_store(path: Option<PathBuf>) -> PathBuf {
    path.unwrap_or_else(|| PathBuf::from("plans"))
}

fn default_paths(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("plans")]
    } else {
        paths
    }
}

/// Every plan file under the given paths, in order.
fn files_of(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let found = plan_files(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        if found.is_empty() {
            anyhow::bail!("{}: no .yaml plan files here", path.display());
        }
        files.extend(found);
    }
    Ok(files)
}

/// Opens one file: `Ok(None)` after printing its errors when it is not a valid plan.
fn open_or_report(path: &Path) -> anyhow::Result<Option<PlanFile>> {
    match PlanFile::open(path) {
        Ok(file) => Ok(Some(file)),
        Err(OpenError::Invalid(error)) => {
            report(&error);
            Ok(None)
        }
        Err(error @ OpenError::Io { .. }) => Err(error.into()),
    }
}

fn report(error: &LoadError) {
    for diagnostic in &error.diagnostics {
        eprintln!("{}", diagnostic.in_file(&error.path));
    }
}
