//! Git for people who do not use git: commit one plan file, tag a meeting, and sync with the
//! remote (fetch, merge through the plan merge driver, push). Nothing here can lose work: no
//! reset, no checkout of files, no force push; a conflicted merge is left in git's normal merge
//! state, and `merge --abort` (back to how things were before the merge) runs only on request.
//! Errors are sentences an officer can act on.

use super::git::Git;
use std::path::Path;
use std::process::{Command, Output};

/// Why a git operation from the UI did not happen, in plain language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    /// The plan folder is not in a git repository.
    #[error(
        "this folder is not kept in git, so there is nothing to commit or sync (ask whoever set up the plans folder)"
    )]
    NotARepository,
    /// No remote repository is configured.
    #[error(
        "this repository has no shared copy (no git remote) to sync with; ask whoever set it up to add one"
    )]
    NoRemote,
    /// Several remotes and none chosen for this branch.
    #[error(
        "branch {0} does not say which shared copy it syncs with; run `git push -u REMOTE {0}` once"
    )]
    NoUpstream(String),
    /// Not on a branch.
    #[error("the repository is not on a branch (detached HEAD); ask for help before syncing")]
    Detached,
    /// The remote could not be reached or refused the login.
    #[error(
        "could not reach the shared copy (network or login problem); nothing was changed. git said: {0}"
    )]
    Network(String),
    /// Someone pushed first.
    #[error(
        "someone else sent changes first; sync again to merge them in, then it will send yours"
    )]
    Rejected,
    /// The merge met changes it could not combine.
    #[error("the merge stopped: {} changed on both sides", list(.0))]
    Conflict(Vec<Conflicted>),
    /// A merge is already under way.
    #[error("a merge is not finished yet: fix the conflicts and commit (W), or abandon the merge")]
    Merging,
    /// Uncommitted changes would be overwritten by the merge.
    #[error("commit your changes first (W): the merge would overwrite uncommitted edits")]
    Uncommitted,
    /// The plan file has saved changes not committed, which a sync would not send.
    #[error("{0} has saved changes not committed yet: W commits them, then P syncs")]
    NotCommitted(String),
    /// The commit would be empty.
    #[error("nothing to commit: {0} has no changes since the last commit")]
    NothingToCommit(String),
    /// git has no name and email for the author.
    #[error(
        "git does not know your name and email yet; run `git config --global user.name \"Your Name\"` and `git config --global user.email you@example.org` once"
    )]
    NoIdentity,
    /// The tag exists already (it is never moved).
    #[error("the tag {0} already exists; meeting tags are never moved (choose another date)")]
    TagExists(String),
    /// The tag name git would not take.
    #[error("{0} is not a valid meeting tag name; use a date such as meeting/2014-03-12")]
    BadTag(String),
    /// Anything else git refused, with what it said.
    #[error("git {0} failed: {1}")]
    Other(String, String),
}

/// A conflicted file and the actions in its conflicting regions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflicted {
    /// The path, relative to the repository.
    pub path: String,
    /// Refs of the actions (or themes) around each conflict, in file order.
    pub refs: Vec<String>,
}

impl std::fmt::Display for Conflicted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.refs.is_empty() {
            write!(f, "{}", self.path)
        } else {
            write!(f, "{} (actions {})", self.path, self.refs.join(", "))
        }
    }
}

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synced {
    /// The remote and branch synced with (`origin/main`).
    pub upstream: String,
    /// Commits taken in from the remote.
    pub received: usize,
    /// Commits sent to the remote.
    pub sent: usize,
}

/// One step of a sync, for progress messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Fetching from the remote.
    Fetch,
    /// Merging what came in.
    Merge,
    /// Pushing.
    Push,
}

impl Step {
    /// What the step is doing, in words.
    pub fn describe(self) -> &'static str {
        match self {
            Step::Fetch => "fetching others' changes…",
            Step::Merge => "merging them with yours…",
            Step::Push => "sending your changes…",
        }
    }
}

impl Git {
    /// Runs git without ever prompting (the UI owns the terminal): a login that needs typing
    /// fails instead of hanging.
    fn quiet(&self, args: &[&str]) -> Result<Output, SyncError> {
        let mut command = Command::new("git");
        command
            .arg("-C")
            .arg(self.root())
            .args(args)
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_MERGE_AUTOEDIT", "no")
            .stdin(std::process::Stdio::null());
        if std::env::var_os("GIT_SSH_COMMAND").is_none() {
            command.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        }
        command
            .output()
            .map_err(|e| SyncError::Other(args.join(" "), format!("cannot run git: {e}")))
    }

    /// Runs git; its standard output, or `Other` with what it said.
    fn ok(&self, args: &[&str]) -> Result<String, SyncError> {
        let output = self.quiet(args)?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
        } else {
            Err(SyncError::Other(args.join(" "), said(&output)))
        }
    }

    /// True when `path` differs from the last commit (or is not committed at all).
    pub fn has_changes(&self, path: &Path) -> Result<bool, SyncError> {
        let relative = self.relative(path);
        let out = self.ok(&["status", "--porcelain", "--", &relative])?;
        Ok(!out.is_empty())
    }

    /// The plan files (`.yaml`/`.yml`) under `folder` with uncommitted changes.
    pub fn uncommitted_plans(&self, folder: &Path) -> Result<Vec<String>, SyncError> {
        let relative = self.relative(folder);
        let scope = if relative.is_empty() { "." } else { &relative };
        let args = ["status", "--porcelain", "-z", "--", scope];
        let output = self.quiet(&args)?;
        if !output.status.success() {
            return Err(SyncError::Other(args.join(" "), said(&output)));
        }
        Ok(String::from_utf8_lossy(&output.stdout)
            .split('\0')
            .filter_map(|l| l.get(3..))
            .filter(|p| p.ends_with(".yaml") || p.ends_with(".yml"))
            .map(String::from)
            .collect())
    }

    /// True while a merge is under way (stopped on conflicts).
    pub fn merging(&self) -> bool {
        self.ok(&["rev-parse", "-q", "--verify", "MERGE_HEAD"])
            .is_ok()
    }

    /// Commits `path` alone with `message` (other changes, staged or not, stay as they are);
    /// during a merge, finishes it with `path` resolved. The new commit's short id.
    pub fn commit_file(&self, path: &Path, message: &str) -> Result<String, SyncError> {
        let relative = self.relative(path);
        let merging = self.merging();
        if !merging && !self.has_changes(path)? {
            return Err(SyncError::NothingToCommit(relative));
        }
        self.ok(&["add", "--", &relative])?;
        let output = if merging {
            if !self.conflicted()?.is_empty() {
                return Err(SyncError::Merging);
            }
            self.quiet(&["commit", "-q", "-m", message])?
        } else {
            self.quiet(&["commit", "-q", "-m", message, "--only", "--", &relative])?
        };
        if !output.status.success() {
            let text = said(&output);
            return Err(
                if text.contains("tell me who you are") || text.contains("user.email") {
                    SyncError::NoIdentity
                } else {
                    SyncError::Other("commit".into(), text)
                },
            );
        }
        self.ok(&["rev-parse", "--short", "HEAD"])
    }

    /// Tags the current commit `tag` (annotated, with `message`): the one way meetings are
    /// tagged, by `boardplan meeting` (`meeting/DATE`) and by the UI (a name the officer may
    /// have edited). An existing tag is never moved.
    pub fn tag_named(&self, tag: &str, message: &str) -> Result<(), SyncError> {
        let full = format!("refs/tags/{tag}");
        if self.ok(&["check-ref-format", &full]).is_err() {
            return Err(SyncError::BadTag(tag.into()));
        }
        if self.ok(&["rev-parse", "-q", "--verify", &full]).is_ok() {
            return Err(SyncError::TagExists(tag.into()));
        }
        let output = self.quiet(&["tag", "-a", tag, "-m", message])?;
        if output.status.success() {
            Ok(())
        } else if said(&output).contains("tell me who you are") {
            Err(SyncError::NoIdentity)
        } else {
            Err(SyncError::Other("tag".into(), said(&output)))
        }
    }

    /// The files left conflicted by a merge, with the actions in their conflicts.
    pub fn conflicted(&self) -> Result<Vec<Conflicted>, SyncError> {
        let out = self.ok(&["diff", "--name-only", "--diff-filter=U"])?;
        Ok(out
            .lines()
            .map(|path| Conflicted {
                path: path.to_string(),
                refs: std::fs::read_to_string(self.root().join(path))
                    .map(|text| conflict_refs(&text))
                    .unwrap_or_default(),
            })
            .collect())
    }

    /// Abandons a stopped merge: back to exactly how things were before it.
    pub fn abort_merge(&self) -> Result<(), SyncError> {
        self.ok(&["merge", "--abort"]).map(|_| ())
    }

    /// Fetches, merges the upstream branch, and pushes (never forced), calling `progress`
    /// before each step.
    pub fn sync(&self, progress: &mut dyn FnMut(Step)) -> Result<Synced, SyncError> {
        if self.merging() {
            return Err(SyncError::Merging);
        }
        let (remote, branch, tracked) = self.upstream()?;
        let remote_ref = format!("refs/remotes/{remote}/{branch}");
        progress(Step::Fetch);
        let fetch = self.quiet(&["fetch", "--quiet", &remote])?;
        if !fetch.status.success() {
            return Err(SyncError::Network(said(&fetch)));
        }
        let remote_exists = self
            .ok(&["rev-parse", "-q", "--verify", &remote_ref])
            .is_ok();
        let mut received = 0;
        if remote_exists {
            received = self.count(&format!("HEAD..{remote_ref}"));
            if received > 0 {
                progress(Step::Merge);
                self.merge(&remote_ref)?;
            }
        }
        let sent = if remote_exists {
            self.count(&format!("{remote_ref}..HEAD"))
        } else {
            self.count("HEAD")
        };
        progress(Step::Push);
        self.push(&remote, &branch, tracked)?;
        Ok(Synced {
            upstream: format!("{remote}/{branch}"),
            received,
            sent,
        })
    }

    /// Pushes HEAD to `remote`'s `branch` with the annotated tags it reaches; never forced.
    fn push(&self, remote: &str, branch: &str, tracked: bool) -> Result<(), SyncError> {
        let target = format!("HEAD:refs/heads/{branch}");
        let mut args = vec!["push", "--quiet", "--follow-tags"];
        if !tracked {
            args.push("--set-upstream");
        }
        args.extend([remote, target.as_str()]);
        let push = self.quiet(&args)?;
        if push.status.success() {
            return Ok(());
        }
        let text = said(&push);
        Err(
            if text.contains("rejected") || text.contains("fetch first") {
                SyncError::Rejected
            } else {
                SyncError::Network(text)
            },
        )
    }

    /// The remote and branch to sync with, and whether the branch already tracks it.
    fn upstream(&self) -> Result<(String, String, bool), SyncError> {
        let branch = self
            .ok(&["symbolic-ref", "--short", "-q", "HEAD"])
            .map_err(|_| SyncError::Detached)?;
        let remote_key = format!("branch.{branch}.remote");
        let merge_key = format!("branch.{branch}.merge");
        if let (Ok(remote), Ok(merge)) = (
            self.ok(&["config", "--get", &remote_key]),
            self.ok(&["config", "--get", &merge_key]),
        ) && remote != "."
        {
            let upstream_branch = merge.trim_start_matches("refs/heads/").to_string();
            return Ok((remote, upstream_branch, true));
        }
        let remotes = self.ok(&["remote"])?;
        let remotes: Vec<&str> = remotes.lines().collect();
        match remotes.as_slice() {
            [] => Err(SyncError::NoRemote),
            [only] => Ok((only.to_string(), branch, false)),
            _ => Err(SyncError::NoUpstream(branch)),
        }
    }

    fn merge(&self, remote_ref: &str) -> Result<(), SyncError> {
        let output = self.quiet(&["merge", "--no-edit", "--quiet", remote_ref])?;
        if output.status.success() {
            return Ok(());
        }
        let conflicted = self.conflicted()?;
        if !conflicted.is_empty() {
            return Err(SyncError::Conflict(conflicted));
        }
        let text = said(&output);
        Err(
            if text.contains("would be overwritten") || text.contains("uncommitted") {
                SyncError::Uncommitted
            } else if text.contains("tell me who you are") {
                SyncError::NoIdentity
            } else {
                SyncError::Other("merge".into(), text)
            },
        )
    }

    fn count(&self, range: &str) -> usize {
        self.ok(&["rev-list", "--count", range])
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    }
}

/// The conflicted files, joined for a sentence.
fn list(files: &[Conflicted]) -> String {
    let names: Vec<String> = files.iter().map(ToString::to_string).collect();
    names.join(", ")
}

/// What git said on standard error (else standard output), trimmed.
fn said(output: &Output) -> String {
    let err = String::from_utf8_lossy(&output.stderr).trim().to_string();
    if err.is_empty() {
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    } else {
        err
    }
}

/// The refs nearest above each `<<<<<<<` conflict marker in a plan file, each once.
pub fn conflict_refs(text: &str) -> Vec<String> {
    let mut last_ref = None;
    let mut refs: Vec<String> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start().trim_start_matches("- ");
        if let Some(value) = trimmed.strip_prefix("ref:") {
            last_ref = Some(value.trim().trim_matches(['\'', '"']).to_string());
        }
        if line.starts_with("<<<<<<<")
            && let Some(reference) = &last_ref
            && !refs.contains(reference)
        {
            refs.push(reference.clone());
        }
    }
    refs
}

#[cfg(test)]
#[path = "git_sync_tests.rs"]
mod tests;
