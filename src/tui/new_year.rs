//! The new year from the UI (`N`): asks for the new period (the next one suggested), writes
//! `PERIOD.yaml` beside the year shown through the year end (`start_next_year`), never over an
//! existing file, shows what was carried, completed and needs its dates reviewed, and switches to
//! the new year.

use super::app::App;
use super::forms::{Lines, Outcome, Popup, Report, TextForm};
use super::year::Year;
use crate::model::{BoardYear, YearEnd, YearEndOptions, start_next_year};
use crate::store::{canonical, create_new};
use ratatui::crossterm::event::KeyEvent;

/// The period after `period`, written the same way: `2013-14` → `2014-15`, `2015-17` → `2017-19`.
pub fn next_period(period: &str) -> Option<String> {
    let year = BoardYear::parse(period)?;
    let span = year.last - year.first;
    let (first, last) = (year.first + span, year.last + span);
    let short = period.trim().len() == 7;
    let separator = if period.contains('/') { '/' } else { '-' };
    Some(if short {
        format!("{first}{separator}{:02}", last % 100)
    } else {
        format!("{first}{separator}{last}")
    })
}

/// `N`: opens the period field, unless the year has unsaved edits or errors.
pub fn open(app: &mut App) {
    if app.year().history.dirty() {
        return app.warn("save first (Ctrl-s): the new year starts from the saved plan");
    }
    let Some(plan) = app.plan() else {
        return app.warn("this file has errors; fix them before starting the next year");
    };
    let suggested = next_period(&plan.period).unwrap_or_default();
    let title = format!("Start the year after {}: new period", plan.period);
    let form = TextForm::new(title, &suggested, Lines::One).quick_cancel();
    app.ui.popup = Some(Popup::NewYear(Box::new(form)));
}

/// A key in the period field.
pub fn key(app: &mut App, mut form: Box<TextForm>, key: KeyEvent) {
    match form.handle(key) {
        Outcome::Continue => app.ui.popup = Some(Popup::NewYear(form)),
        Outcome::Cancel => {}
        Outcome::Submit(period) => {
            if let Err(error) = start(app, period.trim()) {
                form.error = Some(error);
                app.ui.popup = Some(Popup::NewYear(form));
            }
        }
    }
}

/// Writes the new year's file and switches to it, or says why not.
fn start(app: &mut App, period: &str) -> Result<(), String> {
    let plan = app.plan().ok_or("this file has errors")?;
    let old_period = plan.period.clone();
    let year =
        start_next_year(plan, period, YearEndOptions::default()).map_err(|e| e.to_string())?;
    let target = app
        .year()
        .path
        .with_file_name(format!("{}.yaml", year.plan.period));
    if target.exists() || app.years.iter().any(|y| y.path == target) {
        return Err(format!(
            "{} already exists; nothing was written (choose another period)",
            target.display()
        ));
    }
    create_new(&target, canonical(&year.plan).as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    let mut new = Year::new(target.clone());
    new.ensure_loaded();
    app.years.push(new);
    app.current = app.years.len() - 1;
    app.clamp_cursor();
    let name = app.year().name();
    app.ui.popup = Some(Popup::Report(Box::new(Report {
        title: format!("New year {name} started from {old_period}"),
        lines: summary(&year, &old_period, &name),
        cursor: 0,
        reading: false,
    })));
    app.say(format!(
        "showing {name}, the new year ([ goes back to {old_period})"
    ));
    Ok(())
}

/// What was carried, which dates to review, what was completed.
fn summary(year: &YearEnd, old_period: &str, name: &str) -> Vec<String> {
    let mut lines = vec![format!(
        "Wrote {name}: {} actions carried forward from {old_period}, ratings cleared.",
        year.carried.len()
    )];
    if !year.title_updated {
        lines.push(format!(
            "The title \"{}\" names no board year to update: edit it if it should.",
            year.plan.title
        ));
    }
    let review: Vec<String> = year
        .carried
        .iter()
        .filter_map(|c| {
            Some(format!(
                "  {}  was due {}",
                c.new_ref,
                c.passed_due.as_ref()?
            ))
        })
        .collect();
    if !review.is_empty() {
        lines.push(String::new());
        lines.push(format!(
            "Due before {} began (dates kept; review them):",
            year.plan.period
        ));
        lines.extend(review);
    }
    lines.push(String::new());
    lines.push(format!(
        "Completed in {old_period} ({} actions, not carried):",
        year.completed.len()
    ));
    if year.completed.is_empty() {
        lines.push("  none rated blue".to_string());
    }
    lines.extend(
        year.completed
            .iter()
            .map(|done| format!("  {}  {}", done.reference, done.action)),
    );
    lines
}

#[cfg(test)]
#[path = "new_year_tests.rs"]
mod tests;
