//! `boardplan import FILE PACK... [--apply]`: fold returned update packs into the plan. Shows
//! the change report first and writes nothing; `--apply` writes only the changed fields'
//! lines. Conflicting rows are listed and left out (exit 1); bad input stops everything.

use super::{Status, open_or_report, report};
use crate::model::{Severity, validate};
use crate::packs::{
    PackProblem, Proposal, ReturnedPack, content_hash, propose, read_grid, read_pack,
};
use crate::review::diff::compare;
use crate::review::report;
use crate::store::{LoadError, Overwrite, SaveError, Saved};
use anyhow::{Context, bail};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Previews (or with `apply`, applies) the packs' changes to the plan at `path`.
pub fn run(path: &Path, packs: &[PathBuf], apply: bool) -> anyhow::Result<Status> {
    let Some(mut file) = open_or_report(path)? else {
        return Ok(Status::Invalid);
    };
    let plan_bytes =
        std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let (returned, mut problems) = read_packs(packs)?;
    let mut proposal = propose(&file.plan, &returned);
    problems.append(&mut proposal.problems);
    if !problems.is_empty() {
        for problem in &problems {
            eprintln!("{problem}");
        }
        eprintln!(
            "{}: nothing was changed; correct the packs and import them again",
            path.display()
        );
        return Ok(Status::Invalid);
    }
    note_plan_changes(&returned, &plan_bytes);
    let before = file.plan.clone();
    for change in &proposal.changes {
        change
            .edit()
            .apply(&mut file.plan)
            .with_context(|| format!("cannot set {} of {}", change.field, change.reference))?;
    }
    if validate(&file.plan)
        .iter()
        .any(|p| p.severity == Severity::Error)
    {
        bail!("the changes would make the plan invalid; nothing was written");
    }
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    print!("{}", report::text(&compare(&before, &file.plan), color));
    print_conflicts(&proposal);
    if apply {
        if let Some(status) = save(&mut file, &proposal)? {
            return Ok(status);
        }
    } else if !proposal.changes.is_empty() {
        eprintln!(
            "preview only: nothing was written; run again with --apply to make these changes"
        );
    }
    Ok(if proposal.conflicts.is_empty() {
        Status::Ok
    } else {
        Status::Invalid
    })
}

/// Reads every pack; those that cannot be read become problems.
fn read_packs(packs: &[PathBuf]) -> anyhow::Result<(Vec<ReturnedPack>, Vec<PackProblem>)> {
    let mut returned = Vec::new();
    let mut problems = Vec::new();
    for pack_path in packs {
        let name = pack_path.display().to_string();
        let bytes =
            std::fs::read(pack_path).with_context(|| format!("{name}: cannot read the pack"))?;
        match read_grid(&name, &bytes).and_then(|grid| read_pack(&name, &grid)) {
            Ok(pack) => returned.push(pack),
            Err(problem) => problems.push(problem),
        }
    }
    Ok((returned, problems))
}

/// Says which packs were made from an earlier version of the plan (their rows are then each
/// checked against the action as it is now).
fn note_plan_changes(packs: &[ReturnedPack], plan_bytes: &[u8]) {
    let now = content_hash(plan_bytes);
    for pack in packs {
        if !pack.meta.sha256.is_empty() && pack.meta.sha256 != now {
            eprintln!(
                "{}: made {} from an earlier version of the plan ({}; now {now}); each row is checked against its action as it is now",
                pack.file, pack.meta.made, pack.meta.sha256
            );
        }
    }
}

fn print_conflicts(proposal: &Proposal) {
    if proposal.conflicts.is_empty() {
        return;
    }
    println!(
        "\n{} conflict{} (not applied; settle by hand, e.g. with boardplan set):",
        proposal.conflicts.len(),
        if proposal.conflicts.len() == 1 {
            ""
        } else {
            "s"
        }
    );
    for conflict in &proposal.conflicts {
        println!("  {conflict}");
    }
}

/// Writes the changed fields; `Some(status)` when the save could not happen cleanly.
fn save(file: &mut crate::store::PlanFile, proposal: &Proposal) -> anyhow::Result<Option<Status>> {
    let path = file.path.display().to_string();
    let count = proposal.changes.len();
    match file.save(Overwrite::IfUnchanged) {
        Ok(Saved::Unchanged) => eprintln!("{path}: nothing to change"),
        Ok(Saved::Patched) => eprintln!("{path}: applied {count} field change{}", plural(count)),
        Ok(Saved::RewroteWholeFile) => eprintln!(
            "{path}: applied {count} field change{}; the file's layout could not take them in place, so it was rewritten in canonical form",
            plural(count)
        ),
        Err(SaveError::Invalid(LoadError { path, diagnostics })) => {
            report(&LoadError { path, diagnostics });
            return Ok(Some(Status::Invalid));
        }
        Err(SaveError::ChangedOnDisk(_)) => bail!(
            "{path}: the plan changed on disk while the packs were being read; nothing was written; run the import again"
        ),
        Err(error) => return Err(error.into()),
    }
    Ok(None)
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}
