//! `boardplan set FILE REF FIELD=VALUE...`: a scriptable edit of one action.

use super::{Status, report};
use crate::model::{ActionField, Due, Edit, FieldValue, Severity, parse_due_input, validate};
use crate::store::{LoadError, OpenError, Overwrite, PlanFile, SaveError, Saved};
use anyhow::{Context, bail};
use std::path::Path;

/// Applies the assignments in order; writes only if all apply and the plan stays valid.
pub fn run(
    path: &Path,
    reference: &str,
    assignments: &[String],
    force: bool,
) -> anyhow::Result<Status> {
    // Loaded under the folder's write lock, held until the save: a concurrent writer's edit
    // is in the bytes this edit applies to, never overwritten by them.
    let mut file = match PlanFile::open_for_update(path) {
        Ok(file) => file,
        Err(OpenError::Invalid(error)) => {
            report(&error);
            return Ok(Status::Invalid);
        }
        Err(error) => return Err(error.into()),
    };
    let Some(at) = file.plan.find_action(reference) else {
        bail!("{}: no action with ref '{reference}'", path.display());
    };
    for assignment in assignments {
        let Some((key, text)) = assignment.split_once('=') else {
            bail!("'{assignment}' is not FIELD=VALUE (for example rag=green)");
        };
        let field = ActionField::parse(key.trim())?;
        let value = match field {
            // Due dates are read as the UI reads them: "Q3 2014", "end of June 2014", "next
            // month", 31/07/13; what they resolve to is said.
            ActionField::Due => due_value(text)?,
            _ => field.parse_value(text)?,
        };
        Edit::SetAction { at, field, value }
            .apply(&mut file.plan)
            .with_context(|| format!("cannot set {key}"))?;
    }
    if validate(&file.plan)
        .iter()
        .any(|p| p.severity == Severity::Error)
    {
        bail!("the change would make the plan invalid; nothing was written");
    }
    let overwrite = if force {
        Overwrite::Always
    } else {
        Overwrite::IfUnchanged
    };
    match file.save(overwrite) {
        Ok(Saved::Unchanged) => {
            eprintln!("{}: {reference} already had those values", path.display())
        }
        Ok(Saved::Patched) => eprintln!("{}: updated {reference}", path.display()),
        Ok(Saved::RewroteWholeFile) => eprintln!(
            "{}: updated {reference}; the file's layout could not take the change in place, so it was rewritten in canonical form",
            path.display()
        ),
        Err(SaveError::Invalid(LoadError { path, diagnostics })) => {
            report(&LoadError { path, diagnostics });
            return Ok(Status::Invalid);
        }
        Err(error) => return Err(error.into()),
    }
    Ok(Status::Ok)
}

/// A typed due date as the UI's due field reads it (quarters counted as the config says),
/// saying what it was read as when that is not what was typed.
fn due_value(text: &str) -> anyhow::Result<FieldValue> {
    if text.trim().is_empty() {
        return Ok(FieldValue::Due(None));
    }
    let today = chrono::Local::now().date_naive();
    let due = parse_due_input(text, today, crate::config::quarter_year()?)
        .with_context(|| format!("due '{text}': that day does not exist"))?;
    let shown = due.to_string();
    match (&due, due.deadline()) {
        (Due::Text(_), _) => eprintln!("due '{}' kept as text (not a date)", text.trim()),
        (_, Some(end)) if shown != text.trim() => eprintln!(
            "due '{}' read as {shown} (by {})",
            text.trim(),
            end.format("%-d %B %Y")
        ),
        _ => {}
    }
    Ok(FieldValue::Due(Some(due)))
}
