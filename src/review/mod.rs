//! Review between meetings: what changed between two versions of a plan, and merging them.
//!
//! `diff` compares two plans action by action (pure); `report` writes a comparison as text,
//! Markdown or JSON (pure); `merge` merges two plans edited from a common ancestor at field
//! level (pure). Never imports terminal crates.

pub mod diff;
pub mod merge;
pub mod report;
