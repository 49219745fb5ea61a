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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Theme};
    use crate::review::history::staleness;

    fn plan(progress: &[(&str, Option<&str>)]) -> Plan {
        let actions = progress
            .iter()
            .map(|(r, p)| Action {
                reference: r.to_string(),
                action: "x".into(),
                progress: p.map(String::from),
                ..Action::default()
            })
            .collect();
        Plan {
            themes: vec![Theme {
                reference: "1".into(),
                actions,
                ..Theme::default()
            }],
            ..Plan::default()
        }
    }

    fn commit(n: u32) -> Commit {
        Commit {
            id: format!("{n:040}"),
            date: format!("2013-0{n}-01"),
            author: "JC".into(),
            subject: format!("update {n}"),
        }
    }

    #[test]
    fn ranks_as_the_review_module_does() {
        let now = plan(&[("1.1", Some("new")), ("1.2", Some("same")), ("1.3", None)]);
        let versions = Versions {
            path: "plan.yaml".into(),
            versions: vec![
                (
                    commit(3),
                    Some(plan(&[
                        ("1.1", Some("old")),
                        ("1.2", Some("same")),
                        ("1.3", None),
                    ])),
                ),
                (commit(2), None),
                (commit(1), Some(plan(&[("1.2", Some("same"))]))),
            ],
            serial: 1,
        };
        let ours: Vec<_> = rank(&now, &versions)
            .into_iter()
            .map(|r| {
                let reference = now.action(r.pos).map(|a| a.reference.clone());
                (reference, r.unchanged_for, r.since, r.at_least)
            })
            .collect();
        let theirs: Vec<_> = staleness(&now, &versions.versions)
            .into_iter()
            .map(|s| (Some(s.reference), s.unchanged_for, s.since, s.at_least))
            .collect();
        assert_eq!(ours, theirs);
        assert_eq!(ours[0].0.as_deref(), Some("1.2"));
    }
}
