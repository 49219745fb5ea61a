//! boardplan: a safeguarding board's business plan as YAML files in git.
//!
//! Modules, and who may use whom (checked by `tests/architecture.rs`):
//! - [`model`]: the plan and its rules. Pure: no I/O, no terminal, depends on nothing here.
//! - [`text`]: helpers for narrow columns. Depends on nothing here.
//! - [`config`]: the user's settings file (the default store, how a typed quarter counts).
//!   Uses `model`.
//! - [`store`]: YAML files <-> model: parsing with positions, validation diagnostics, lossless
//!   minimal-diff saves, the canonical emitter, atomic writes, folders of year files. Uses `model`.
//! - [`review`]: comparing and merging plans (change reports, the git merge driver) and running
//!   git: resolving revisions and reading plans at them for the CLI and the UI alike. Uses
//!   `model`, `store`, `text`.
//! - [`export`]: plan -> the board paper (Markdown, HTML, CSV, Excel, JSON); the direction of
//!   travel through `review`'s comparison. Uses `model`, `store`, `review`, `text`.
//! - [`packs`]: the update round: packs out to leads, their replies back in as proposed
//!   changes and conflicts. Uses `model`, `store`, `review`, `text`.
//! - [`cli`]: the subcommands. Uses all of the above; never `tui`.
//! - [`tui`]: the terminal UI (ratatui). Uses all of the above except `cli`.
//!
//! Only `tui` names the terminal crates (ratatui, crossterm, ratatui-textarea).
#![forbid(unsafe_code)]

pub mod cli;
pub mod config;
pub mod export;
pub mod model;
pub mod packs;
pub mod review;
pub mod store;
pub mod text;
pub mod tui;
