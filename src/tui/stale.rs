//! The "not updated since" ranking, computed once per change of the plan or of the history
//! read from git (not once per frame), with each version indexed by ref so the ranking costs
//! one look-up per action per commit.

use super::app::App;
use super::history::Versions;
use crate::model::{ActionPos, Plan};
use crate::review::git::Commit;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// One row of the ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleRow {
    /// Where the action is in the plan shown.
    pub pos: ActionPos,
    /// For how many of the commits read (newest first) in a row its progress is the same.
    pub unchanged_for: usize,
    /// The oldest of those commits.
    pub since: Option<Commit>,
    /// True when it was the same in every commit read (so it may be older still).
    pub at_least: bool,
}

/// What the ranking was computed from: year, reading, revision, and which history.
type Key = (usize, u64, u64, u64);

/// The ranking, kept until the plan or the history changes.
#[derive(Debug, Default)]
pub struct StaleCache(RefCell<Option<(Key, Rc<Vec<StaleRow>>)>>);

/// The ranking for the year shown (empty before its history is read).
pub fn stale_rows(app: &App) -> Rc<Vec<StaleRow>> {
    let (Some(plan), Some(versions)) = (app.plan(), app.ui.versions.as_ref()) else {
        return Rc::default();
    };
    let year = app.year();
    let key = (
        app.current,
        year.generation,
        year.history.revision(),
        versions.serial,
    );
    if let Some((cached, rows)) = &*app.ui.cache.stale.0.borrow()
        && *cached == key
    {
        return Rc::clone(rows);
    }
    let rows = Rc::new(rank(plan, versions));
    *app.ui.cache.stale.0.borrow_mut() = Some((key, Rc::clone(&rows)));
    rows
}

/// Most stale first, then in plan order.
pub fn rank(plan: &Plan, versions: &Versions) -> Vec<StaleRow> {
    let indexes: Vec<Option<HashMap<&str, Option<&str>>>> = versions
        .versions
        .iter()
        .map(|(_, plan)| {
            plan.as_ref().map(|p| {
                p.actions()
                    .map(|(_, a)| (a.reference.as_str(), a.progress.as_deref()))
                    .collect()
            })
        })
        .collect();
    let mut rows: Vec<StaleRow> = plan
        .actions()
        .map(|(pos, action)| {
            let same = indexes
                .iter()
                .take_while(|index| {
                    index
                        .as_ref()
                        .and_then(|i| i.get(action.reference.as_str()))
                        .is_some_and(|progress| *progress == action.progress.as_deref())
                })
                .count();
            StaleRow {
                pos,
                unchanged_for: same,
                since: same
                    .checked_sub(1)
                    .and_then(|i| versions.versions.get(i))
                    .map(|(c, _)| c.clone()),
                at_least: same == versions.versions.len(),
            }
        })
        .collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.unchanged_for));
    rows
}
