//! Git reads off the render path: each job runs on its own thread and its result comes back
//! through a channel the run loop polls, so the screen never waits for git.

use super::app::Screen;
use super::baseline::Baseline;
use super::history::Versions;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

/// What a job is about; one of each runs at a time.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Job {
    /// The file as of `HEAD`, for the change marks of a year (by index and reading).
    Baseline(usize, u64),
    /// Whether `HEAD` moved, for a year.
    Head(usize),
    /// The file's last commits, for a screen.
    History(PathBuf),
    /// Tags, branches and the file's recent commits, for the revision field.
    Revisions(PathBuf),
    /// A commit, tag or sync asked for from the UI.
    Git,
    /// The newest meeting tag, for the export dialog.
    ExportMeeting,
    /// Writing an export.
    Export,
    /// The year file at a revision, for the changes report.
    Changes,
}

/// A finished job.
#[derive(Debug)]
pub enum Done {
    /// The year's `HEAD` and the file as of it (`None`: not in git).
    Baseline(usize, u64, Option<(String, Option<Box<Baseline>>)>),
    /// The commit `HEAD` names now, for a year.
    Head(usize, Option<String>),
    /// The file's history, or why there is none, for the screen that asked.
    History(PathBuf, Screen, Result<Versions, String>),
    /// Tags, branches and the file's recent commits, for the revision field.
    Revisions(Vec<crate::review::revision_list::OfferedRevision>),
    /// What a commit, tag or sync did.
    Git(Box<super::git_ui::GitDone>),
    /// What the export dialog asked the worker.
    Export(Box<super::export_run::ExportDone>),
    /// The year file at a revision, for the changes report.
    Changes(Box<super::changes::ChangesRead>),
}

/// The jobs running and the channel their results come back on.
#[derive(Debug)]
pub struct Worker {
    sender: Sender<(Job, Done)>,
    receiver: Receiver<(Job, Done)>,
    running: BTreeSet<Job>,
}

impl Default for Worker {
    fn default() -> Worker {
        let (sender, receiver) = channel();
        Worker {
            sender,
            receiver,
            running: BTreeSet::new(),
        }
    }
}

impl Worker {
    /// Starts `work` on a thread unless the same job is already running; true when started.
    pub fn start(&mut self, job: Job, work: impl FnOnce() -> Done + Send + 'static) -> bool {
        if !self.running.insert(job.clone()) {
            return false;
        }
        let sender = self.sender.clone();
        std::thread::spawn(move || {
            let _ = sender.send((job, work()));
        });
        true
    }

    /// The results that came back since the last call.
    pub fn finished(&mut self) -> Vec<Done> {
        let mut done = Vec::new();
        while let Ok((job, result)) = self.receiver.try_recv() {
            self.running.remove(&job);
            done.push(result);
        }
        done
    }

    /// True when some job is running.
    pub fn busy(&self) -> bool {
        !self.running.is_empty()
    }
}
