//! Plan files: YAML text <-> model.
//!
//! `source` decodes bytes (BOM, CRLF, UTF-8 positions); `tree` parses YAML into nodes that
//! remember their byte spans (`split` does it on two cores for large files); `decode` builds the plan from the tree with positioned errors (`syntax` words
//! YAML syntax errors for people);
//! `document` ties text, tree and loaded plan together and renders saves; `view`, `emit` and
//! `scalar` write canonical YAML; `patch` turns plan changes into minimal text patches; `file`
//! does change-aware saves, `atomic` the locked, atomic writes (`ignore` keeps their temp
//! files out of `git status`) and `create` atomic new files; `folder` lists a store's year files.

mod atomic;
mod create;
mod decode;
mod diagnostic;
mod document;
mod emit;
mod file;
mod folder;
mod ignore;
mod patch;
mod scalar;
mod schema;
mod source;
mod split;
mod syntax;
mod tree;
mod view;

pub use atomic::write_atomic;
pub use create::create_new;
pub use diagnostic::{Diagnostic, InFile, LoadError};
pub use document::{Document, Loaded, Rendered, load};
pub use emit::canonical;
pub use file::{OpenError, Overwrite, PlanFile, SaveError, Saved};
pub use folder::{plan_files, plan_files_deep};
