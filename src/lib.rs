//! boardplan: a safeguarding board's business plan as YAML files in git.
//!
//! Modules, and who may use whom:
//! - [`model`]: the plan and its rules. Pure: no I/O, no terminal, depends on nothing here.
//! - [`store`]: YAML files <-> model: parsing with positions, validation diagnostics, lossless
//!   minimal-diff saves, the canonical emitter, atomic writes, folders of year files. Uses `model`.
//! - [`export`]: plan -> the board paper (Markdown, HTML, CSV, Excel, JSON). Uses `model`, `text`,
//!   and `review` for the direction of travel.
//! - [`review`]: comparing and merging plans (change reports, the git merge driver). Uses `model`.
//! - [`cli`]: the subcommands. Uses `model`, `store`, `export`; never `tui`.
//! - [`tui`]: the terminal UI (ratatui). Uses `model`, `store` and `review`.
//! - [`text`]: helpers for narrow columns, for `cli` and `tui`.
//!
//! `model`, `store`, `export` and `review` never import terminal crates.
#![forbid(unsafe_code)]

pub mod cli;
pub mod export;
pub mod model;
pub mod review;
pub mod store;
pub mod text;
pub mod tui;
