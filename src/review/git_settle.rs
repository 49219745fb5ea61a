//! A stopped merge settled one conflict at a time: the conflicted files' blocks described
//! (through the field-level merge of the three versions git keeps), and the merge finished
//! with the side the officer chose for each block, never writing a plan that does not load.

use super::{SyncError, said};
use crate::review::git::Git;

/// A file a stopped merge left with conflict blocks, each described, for the officer to settle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictFile {
    /// The path, relative to the repository.
    pub path: String,
    /// Its conflict blocks, in file order.
    pub blocks: Vec<crate::review::resolve::Block>,
}

impl Git {
    /// The conflicted files of a stopped merge with their blocks described; `None` when one of
    /// them has no blocks that can be settled one by one (not a text with paired markers).
    pub fn conflict_details(&self) -> Result<Option<Vec<ConflictFile>>, SyncError> {
        let mut files = Vec::new();
        for conflicted in self.conflicted()? {
            let path = conflicted.path;
            let Ok(text) = std::fs::read_to_string(self.root().join(&path)) else {
                return Ok(None);
            };
            let plans: Vec<_> = (1..=3)
                .filter_map(|stage| self.stage(stage, &path))
                .filter_map(|bytes| crate::store::load(&bytes).ok())
                .map(|loaded| loaded.plan)
                .collect();
            let three = match plans.as_slice() {
                [base, ours, theirs] => Some([base, ours, theirs]),
                _ => None,
            };
            let Some(blocks) = crate::review::resolve::blocks(&text, three) else {
                return Ok(None);
            };
            files.push(ConflictFile { path, blocks });
        }
        Ok(Some(files).filter(|f| !f.is_empty()))
    }

    /// The bytes of a file at a merge stage (1 base, 2 ours, 3 theirs), if it has one.
    fn stage(&self, stage: u8, path: &str) -> Option<Vec<u8>> {
        let output = self.quiet(&["show", &format!(":{stage}:{path}")]).ok()?;
        output.status.success().then_some(output.stdout)
    }

    /// Settles a stopped merge with a side chosen for each block of each file (as listed by
    /// [`Git::conflict_details`]), then commits the merge with git's own message. A file whose
    /// result is not a valid plan is refused and nothing is written or committed.
    pub fn finish_merge(
        &self,
        choices: &[(String, Vec<crate::review::merge::Side>)],
    ) -> Result<String, SyncError> {
        if !self.merging() {
            return Err(SyncError::Other(
                "merge".into(),
                "no merge is under way".into(),
            ));
        }
        let mut resolved = Vec::new();
        for (path, sides) in choices {
            let full = self.root().join(path);
            let text = std::fs::read_to_string(&full).map_err(|e| {
                SyncError::Other("merge".into(), format!("cannot read {path}: {e}"))
            })?;
            let result = crate::review::resolve::resolve(&text, sides).ok_or_else(|| {
                SyncError::Other(
                    "merge".into(),
                    format!("{path} changed since its conflicts were listed; sync again"),
                )
            })?;
            let is_plan = path.ends_with(".yaml") || path.ends_with(".yml");
            if is_plan && let Err(diagnostics) = crate::store::load(result.as_bytes()) {
                let first = diagnostics.first().map_or_else(String::new, |d| {
                    format!(" (line {}: {})", d.line, d.message)
                });
                return Err(SyncError::Other(
                    "merge".into(),
                    format!(
                        "these choices would not give a valid plan in {path}{first}; choose differently or abandon the merge"
                    ),
                ));
            }
            resolved.push((full, path, result));
        }
        for (full, path, result) in &resolved {
            crate::store::write_atomic(full, result.as_bytes()).map_err(|e| {
                SyncError::Other("merge".into(), format!("cannot write {path}: {e}"))
            })?;
            self.ok(&["add", "--", path])?;
        }
        if !self.conflicted()?.is_empty() {
            return Err(SyncError::Merging);
        }
        let output = self.quiet(&["commit", "-q", "--no-edit"])?;
        if !output.status.success() {
            return Err(SyncError::Other("commit".into(), said(&output)));
        }
        self.ok(&["rev-parse", "--short", "HEAD"])
    }
}
