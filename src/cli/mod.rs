//! The command line: clap definitions and one small module per subcommand.
//! Exit codes: 0 fine, 1 validation errors (or `fmt --check` found work), 2 usage or I/O errors.

mod check;
mod diff;
mod diff_driver;
mod export;
mod fmt;
mod git_setup;
mod import;
mod meeting;
mod merge_driver;
mod new_plan;
mod new_year;
mod request;
mod set;
mod summary;

use crate::model::YearEndOptions;
use crate::store::{LoadError, OpenError, PlanFile, plan_files_deep};
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
        /// 31/07/13, "March 2014", "Q3 2014", "end of June 2014", "next month", ongoing, empty
        /// clears; read as the UI reads it), owners (comma-separated, or `;`-separated when a
        /// name holds a comma), action, outcome, notes, ref.
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
        /// Exit with status 1 when there are changes, 0 when there are none (for scripts).
        #[arg(long)]
        exit_code: bool,
    },
    /// Make a git repository plan-aware: .gitattributes, hunk headers naming actions, the merge driver.
    GitSetup {
        /// The plan store folder inside the repository (default: ./plans, this folder when it
        /// holds plan files, or plans at the repository's top).
        #[arg(long)]
        store: Option<PathBuf>,
    },
    /// Tag the current commit as a board meeting (meeting/YYYY-MM-DD); `last-meeting` names it.
    /// With --list: the plan's version history from its meeting tags (date, version, tagger, note).
    Meeting {
        /// List the meetings, newest first, with the plan's version at each, instead of tagging.
        #[arg(long, conflicts_with_all = ["date", "message"])]
        list: bool,
        /// With --list: the plan file whose version is shown (default: the last year file in ./plans).
        #[arg(requires = "list", value_name = "FILE")]
        file: Option<PathBuf>,
        /// The meeting's date (YYYY-MM-DD; default today).
        #[arg(long, value_name = "DATE")]
        date: Option<chrono::NaiveDate>,
        /// The tag's message (default: "Board meeting of 17 September 2013").
        #[arg(short, long, value_name = "TEXT")]
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
    /// Next year's plan from this one: unfinished actions carried forward, completed ones listed.
    NewYear {
        /// This year's plan file.
        from: PathBuf,
        /// The new board year, e.g. 2014-15; the file is NEW_PERIOD.yaml beside FROM.
        new_period: String,
        /// Write the new plan here instead (never over an existing file).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Keep carried actions' ratings (default: cleared, every action starts unrated).
        #[arg(long)]
        keep_ratings: bool,
        /// Number each theme's carried actions afresh: 1.1, 1.2, ... (default: refs kept).
        #[arg(long)]
        renumber: bool,
    },
    /// Start a board's first plan: PERIOD.yaml in the store, with no themes yet.
    New {
        /// The board year, e.g. 2014-15.
        period: String,
        /// The board's name.
        #[arg(long)]
        board: String,
        /// The plan's title (default: "Business Plan 2014-2015").
        #[arg(long)]
        title: Option<String>,
        /// The store folder (default: ./plans, created if missing).
        #[arg(long, default_value = "plans")]
        store: PathBuf,
    },
    /// Publish a plan: the board paper (md, html), a spreadsheet (csv, xlsx) or json; an
    /// owner's pack, one theme, some ratings; direction of travel since a revision or date.
    Export(export::Args),
    /// Update packs for leads: one file per owner with their actions and columns to fill in.
    Request {
        /// The plan file.
        file: PathBuf,
        /// Only this owner (glossary short or full name); repeat for several. Default: every
        /// owner with an action.
        #[arg(long = "owner", value_name = "NAME")]
        owners: Vec<String>,
        /// The packs' format.
        #[arg(long, value_enum)]
        format: request::Format,
        /// The folder to write the packs into (created if missing; packs there are replaced).
        #[arg(short, long = "output", value_name = "DIR")]
        output: PathBuf,
    },
    /// Fold returned update packs into the plan: shows what would change; --apply writes it.
    Import {
        /// The plan file.
        file: PathBuf,
        /// Returned packs (.csv or .xlsx).
        #[arg(value_name = "PACK", required = true)]
        packs: Vec<PathBuf>,
        /// Write the changes (only those fields' lines change); without it nothing is written.
        #[arg(long)]
        apply: bool,
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
        Some(Command::Export(args)) => export::run(&args),
        Some(Command::Request {
            file,
            owners,
            format,
            output,
        }) => request::run(&file, &owners, format, &output),
        Some(Command::Import { file, packs, apply }) => import::run(&file, &packs, apply),
        Some(Command::NewYear {
            from,
            new_period,
            output,
            keep_ratings,
            renumber,
        }) => new_year::run(
            &from,
            &new_period,
            output.as_deref(),
            YearEndOptions {
                keep_ratings,
                renumber,
            },
        ),
        Some(Command::New {
            period,
            board,
            title,
            store,
        }) => new_plan::run(&period, &board, title.as_deref(), &store),
        Some(Command::GitSetup { store }) => git_setup::run(store.as_deref()),
        Some(Command::Diff {
            args,
            since,
            format,
            exit_code,
        }) => diff::run(&diff::Request {
            args,
            since: since.map(|d| d.to_string()),
            format,
            exit_code,
        }),
        Some(Command::GitDiffDriver { args }) => diff_driver::run(&args),
        Some(Command::Meeting {
            list: true, file, ..
        }) => meeting::list(file.as_deref()),
        Some(Command::Meeting { date, message, .. }) => meeting::run(date, message.as_deref()),
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

/// Every plan file under the given paths (folders of folders too), in order.
fn files_of(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let found =
            plan_files_deep(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
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
        let line = diagnostic.in_file(&error.path).to_string();
        eprintln!("{}", crate::text::terminal_safe(&line));
    }
}
