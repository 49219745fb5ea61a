//! Git access for reviews: the real `git` command behind a small trait, so the comparison and
//! merge logic stay free of processes and the UI can ask for history without knowing git.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Why git could not answer.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// The folder is not inside a git repository.
    #[error("{0} is not inside a git repository")]
    NotARepository(PathBuf),
    /// git ran and refused.
    #[error("git {args}: {message}")]
    Failed {
        /// The arguments given.
        args: String,
        /// What git said.
        message: String,
    },
    /// git could not be run at all.
    #[error("cannot run git: {0}")]
    Unavailable(#[from] std::io::Error),
}

/// One commit that touched a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// Full commit id.
    pub id: String,
    /// Author date, `YYYY-MM-DD`.
    pub date: String,
    /// Author name.
    pub author: String,
    /// First line of the message.
    pub subject: String,
}

/// What reviews need from version control.
pub trait Repository {
    /// The file's bytes at a revision, or `None` when it did not exist there.
    fn show(&self, revision: &str, path: &Path) -> Result<Option<Vec<u8>>, GitError>;
    /// The commit a revision names.
    fn resolve(&self, revision: &str) -> Result<String, GitError>;
    /// The commits that touched a file, newest first, at most `limit`.
    fn log(&self, path: &Path, limit: usize) -> Result<Vec<Commit>, GitError>;
    /// The files under `folder` at a revision.
    fn files(&self, revision: &str, folder: &Path) -> Result<Vec<PathBuf>, GitError>;
}

/// A git repository, driven through the `git` command.
#[derive(Debug, Clone)]
pub struct Git {
    root: PathBuf,
}

impl Git {
    /// The repository holding `path` (a file or folder).
    pub fn discover(path: &Path) -> Result<Git, GitError> {
        let folder = if path.is_dir() {
            path.to_path_buf()
        } else {
            path.parent()
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        };
        let folder = if folder.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            folder
        };
        let output = Command::new("git")
            .arg("-C")
            .arg(&folder)
            .args(["rev-parse", "--show-toplevel"])
            .output()?;
        if !output.status.success() {
            return Err(GitError::NotARepository(folder));
        }
        let root = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
        Ok(Git { root })
    }

    /// The repository's top folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `path` relative to the repository, with `/` separators, as git names files.
    pub fn relative(&self, path: &Path) -> String {
        let absolute = std::path::absolute(path)
            .ok()
            .and_then(|p| p.canonicalize().ok().or(Some(p)));
        let root = self
            .root
            .canonicalize()
            .unwrap_or_else(|_| self.root.clone());
        let relative = absolute
            .as_deref()
            .and_then(|p| p.strip_prefix(&root).ok())
            .unwrap_or(path);
        relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The repository's own (`--local`) value of a config key, if set.
    pub fn config(&self, key: &str) -> Result<Option<String>, GitError> {
        let output = Command::new("git")
            .arg("-C")
            .arg(&self.root)
            .args(["config", "--local", "--get", key])
            .output()?;
        match output.status.code() {
            Some(0) => Ok(Some(
                String::from_utf8_lossy(&output.stdout)
                    .trim_end()
                    .to_string(),
            )),
            Some(1) => Ok(None),
            _ => Err(GitError::Failed {
                args: format!("config --get {key}"),
                message: String::from_utf8_lossy(&output.stderr).trim().to_string(),
            }),
        }
    }

    /// Sets a config key in the repository's own config.
    pub fn set_config(&self, key: &str, value: &str) -> Result<(), GitError> {
        self.run(&["config", "--local", key, value]).map(drop)
    }

    /// Runs git in the repository; its standard output, or what it said when it refused.
    pub(super) fn run(&self, args: &[&str]) -> Result<Vec<u8>, GitError> {
        let output = Command::new("git")
            .arg("-C")
            .arg(&self.root)
            .args(args)
            .output()?;
        if output.status.success() {
            Ok(output.stdout)
        } else {
            let message = String::from_utf8_lossy(&output.stderr).trim().to_string();
            Err(GitError::Failed {
                args: args.join(" "),
                message,
            })
        }
    }
}

impl Repository for Git {
    fn show(&self, revision: &str, path: &Path) -> Result<Option<Vec<u8>>, GitError> {
        let revision = &self.meeting_alias(revision)?;
        let spec = format!("{revision}:{}", self.relative(path));
        let exists = Command::new("git")
            .arg("-C")
            .arg(&self.root)
            .args(["cat-file", "-e", &spec])
            .output()?;
        if !exists.status.success() {
            self.resolve(revision)?;
            return Ok(None);
        }
        self.run(&["cat-file", "blob", &spec]).map(Some)
    }

    fn resolve(&self, revision: &str) -> Result<String, GitError> {
        let revision = &self.meeting_alias(revision)?;
        let commit = format!("{revision}^{{commit}}");
        let out = self
            .run(&["rev-parse", "--verify", "--quiet", &commit])
            .map_err(|_| GitError::Failed {
                args: format!("rev-parse {revision}"),
                message: format!("'{revision}' is not a commit, branch or tag here"),
            })?;
        Ok(String::from_utf8_lossy(&out).trim().to_string())
    }

    fn log(&self, path: &Path, limit: usize) -> Result<Vec<Commit>, GitError> {
        let relative = self.relative(path);
        let count = format!("-{limit}");
        let out = self.run(&[
            "log",
            &count,
            "--date=short",
            "--format=%H%x1f%ad%x1f%an%x1f%s",
            "--",
            &relative,
        ])?;
        let commits = String::from_utf8_lossy(&out)
            .lines()
            .filter_map(|line| {
                let mut fields = line.split('\u{1f}');
                Some(Commit {
                    id: fields.next()?.to_string(),
                    date: fields.next()?.to_string(),
                    author: fields.next()?.to_string(),
                    subject: fields.next().unwrap_or("").to_string(),
                })
            })
            .collect();
        Ok(commits)
    }

    fn files(&self, revision: &str, folder: &Path) -> Result<Vec<PathBuf>, GitError> {
        let relative = self.relative(folder);
        let out = self.run(&["ls-tree", "-r", "--name-only", revision, "--", &relative])?;
        Ok(String::from_utf8_lossy(&out)
            .lines()
            .map(|l| self.root.join(l))
            .collect())
    }
}

/// What change reports need beyond [`Repository`]: when a commit was made and which tags name it.
impl Git {
    /// The commit a revision names, with its date (`YYYY-MM-DD`, author date), author and subject.
    pub fn commit(&self, revision: &str) -> Result<Commit, GitError> {
        let id = self.resolve(revision)?;
        let out = self.run(&[
            "log",
            "-1",
            "--date=short",
            "--format=%H%x1f%ad%x1f%an%x1f%s",
            &id,
        ])?;
        let text = String::from_utf8_lossy(&out);
        let mut fields = text.trim_end_matches('\n').split('\u{1f}');
        let mut next = || fields.next().unwrap_or("").to_string();
        Ok(Commit {
            id: next(),
            date: next(),
            author: next(),
            subject: next(),
        })
    }

    /// The tags that point at a commit, sorted.
    pub fn tags_at(&self, commit: &str) -> Result<Vec<String>, GitError> {
        let out = self.run(&["tag", "--points-at", commit])?;
        let mut tags: Vec<String> = String::from_utf8_lossy(&out)
            .lines()
            .map(str::to_string)
            .collect();
        tags.sort();
        Ok(tags)
    }

    /// The last commit before a date (`YYYY-MM-DD`) on the first-parent line of `HEAD`: the
    /// state of the main line then, never a commit of a side branch merged later.
    pub fn main_line_before(&self, date: &str) -> Result<Option<String>, GitError> {
        let before = format!("--before={date} 00:00");
        let out = self.run(&["rev-list", "-1", "--first-parent", &before, "HEAD"])?;
        let id = String::from_utf8_lossy(&out).trim().to_string();
        Ok(Some(id).filter(|i| !i.is_empty()))
    }
}

/// git's three-way line merge of three files (`git merge-file -p`): the merged text, with
/// conflict markers labelled by `labels` (ours, base, theirs) where both sides changed the
/// same lines. The files are left as they are.
pub fn merge_file(
    [base, ours, theirs]: [&Path; 3],
    labels: [&str; 3],
    marker_size: usize,
) -> Result<crate::review::merge::file::LineMerged, GitError> {
    let output = Command::new("git")
        .args(["merge-file", "-p", &format!("--marker-size={marker_size}")])
        .args(["-L", labels[0], "-L", labels[1], "-L", labels[2]])
        .arg(ours)
        .arg(base)
        .arg(theirs)
        .output()?;
    match output.status.code() {
        Some(code @ 0..=127) => Ok(crate::review::merge::file::LineMerged {
            bytes: output.stdout,
            conflicts: code > 0,
        }),
        _ => Err(GitError::Failed {
            args: "merge-file".into(),
            message: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        }),
    }
}

/// What `last-meeting` names: the newest meeting tag.
pub const LAST_MEETING: &str = "last-meeting";

/// The tag that marks a board meeting on `date` (`YYYY-MM-DD`): `meeting/2013-09-17`.
pub fn meeting_tag(date: &str) -> String {
    format!("meeting/{date}")
}

impl Git {
    /// The newest meeting tag (by the date in its name), if any.
    pub fn last_meeting(&self) -> Result<Option<String>, GitError> {
        let out = self.run(&["tag", "--list", "meeting/*", "--sort=-refname"])?;
        Ok(String::from_utf8_lossy(&out)
            .lines()
            .map(str::trim)
            .find(|t| !t.is_empty())
            .map(String::from))
    }

    /// `revision` as git names it: `last-meeting` becomes the newest meeting tag; anything
    /// else is returned as it is.
    pub fn meeting_alias(&self, revision: &str) -> Result<String, GitError> {
        if revision != LAST_MEETING {
            return Ok(revision.to_string());
        }
        self.last_meeting()?.ok_or_else(|| GitError::Failed {
            args: LAST_MEETING.to_string(),
            message: "there is no meeting tag yet: tag the commit of a board meeting with \
                      `boardplan meeting --date YYYY-MM-DD`"
                .to_string(),
        })
    }
}

/// A board meeting as its tag records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// The tag: `meeting/2013-09-17`.
    pub tag: String,
    /// The meeting's date: the one in the tag's name, else the day it was tagged.
    pub date: String,
    /// Who made the tag (the commit's author for a tag made without `-a`).
    pub tagger: String,
    /// The tag's message (empty for a tag made without one).
    pub note: String,
}

/// The plan file as of a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanAt {
    /// The plan's `version` field (`None`: the plan had none).
    Version(Option<String>),
    /// The file was not in the meeting's commit.
    Missing,
    /// The file was there but is not a valid plan.
    Invalid,
}

impl Git {
    /// Every `meeting/*` tag, newest first (by the date in its name).
    pub fn meetings(&self) -> Result<Vec<Meeting>, GitError> {
        let format = "%(refname:short)%1f%(taggername)%1f%(taggerdate:short)%1f\
                      %(authorname)%1f%(authordate:short)%1f%(contents)%1e";
        let out = self.run(&[
            "for-each-ref",
            "--sort=-refname",
            &format!("--format={format}"),
            "refs/tags/meeting/",
        ])?;
        let text = String::from_utf8_lossy(&out);
        Ok(text
            .split('\u{1e}')
            .filter_map(|record| {
                let fields: Vec<&str> = record.trim_start_matches('\n').split('\u{1f}').collect();
                let [tag, tagger, tagged, author, authored, note] = fields.as_slice() else {
                    return None;
                };
                let named = tag.trim_start_matches("meeting/");
                let is_date = chrono::NaiveDate::parse_from_str(named, "%Y-%m-%d").is_ok();
                let when = if tagged.is_empty() { authored } else { tagged };
                Some(Meeting {
                    tag: tag.to_string(),
                    date: if is_date { named } else { when }.to_string(),
                    tagger: if tagger.is_empty() { author } else { tagger }.to_string(),
                    note: note.trim().to_string(),
                })
            })
            .collect())
    }

    /// The plan file at `path` as of each meeting, newest first: the plan's version history.
    pub fn version_history(&self, path: &Path) -> Result<Vec<(Meeting, PlanAt)>, GitError> {
        let meetings = self.meetings()?;
        let mut history = Vec::with_capacity(meetings.len());
        for meeting in meetings {
            let at = match self.show(&format!("refs/tags/{}", meeting.tag), path)? {
                None => PlanAt::Missing,
                Some(bytes) => match crate::store::load(&bytes) {
                    Ok(loaded) => PlanAt::Version(loaded.plan.version),
                    Err(_) => PlanAt::Invalid,
                },
            };
            history.push((meeting, at));
        }
        Ok(history)
    }
}

impl std::fmt::Display for PlanAt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlanAt::Version(Some(version)) => f.write_str(version),
            PlanAt::Version(None) => f.write_str("(no version)"),
            PlanAt::Missing => f.write_str("(not in it)"),
            PlanAt::Invalid => f.write_str("(not a valid plan)"),
        }
    }
}
