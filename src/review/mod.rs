//! Review between meetings: what changed between two versions of a plan, and merging them.
//!
//! `diff` compares two plans action by action (pure); `report` writes a comparison as text,
//! Markdown or JSON (pure); `merge` merges two plans edited from a common ancestor at field
//! level (pure); `git` reads history through the `git` command, behind the `Repository` trait;
//! `history` follows actions across commits (pure); `revision` resolves, names and reads
//! revisions for the CLI and the UI alike; `revision_list` offers tags, branches and commits
//! to compare with; `resolve` settles a stopped merge's conflict blocks one by one (pure).
//! Never imports terminal crates.

pub mod commit_message;
pub mod diff;
pub mod git;
pub mod git_sync;
pub mod history;
pub mod hunk_headers;
pub mod merge;
pub mod report;
pub mod resolve;
pub mod revision;
pub mod revision_list;
