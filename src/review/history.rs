//! An action's story across commits: its rating and progress as of each version, and how long
//! its progress has gone unchanged, for chasing leads before the next meeting.

use super::git::Commit;
use crate::model::{Plan, Rag};

/// One action as of one commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// The commit.
    pub commit: Commit,
    /// Its rating then (`None`: unrated or absent).
    pub rag: Option<Rag>,
    /// Its progress then.
    pub progress: Option<String>,
    /// The action existed in that version.
    pub present: bool,
}

/// How long an action's progress has stood still.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staleness {
    /// The action's ref.
    pub reference: String,
    /// Commits (newest first) in a row whose progress equals today's.
    pub unchanged_for: usize,
    /// The oldest of those commits: progress has been the same since then.
    pub since: Option<Commit>,
    /// The history ran out before the progress changed (it may be older still).
    pub at_least: bool,
}

/// The action `reference` as of each version (newest first), for the history pane.
pub fn action_history(reference: &str, versions: &[(Commit, Option<Plan>)]) -> Vec<Snapshot> {
    versions
        .iter()
        .map(|(commit, plan)| {
            let action = plan
                .as_ref()
                .and_then(|p| p.find_action(reference).and_then(|pos| p.action(pos)));
            Snapshot {
                commit: commit.clone(),
                rag: action.and_then(|a| a.rag),
                progress: action.and_then(|a| a.progress.clone()),
                present: action.is_some(),
            }
        })
        .collect()
}

/// For every action of `current`, how many of the `versions` (newest first) in a row carry the
/// same progress text; most stale first, then in plan order.
pub fn staleness(current: &Plan, versions: &[(Commit, Option<Plan>)]) -> Vec<Staleness> {
    let mut rows: Vec<(usize, Staleness)> = current
        .actions()
        .enumerate()
        .map(|(order, (_, action))| {
            let history = action_history(&action.reference, versions);
            let same = history
                .iter()
                .take_while(|s| s.present && s.progress == action.progress)
                .count();
            let since = same.checked_sub(1).map(|i| history[i].commit.clone());
            let row = Staleness {
                reference: action.reference.clone(),
                unchanged_for: same,
                since,
                at_least: same == versions.len(),
            };
            (order, row)
        })
        .collect();
    rows.sort_by(|(a_order, a), (b_order, b)| {
        b.unchanged_for
            .cmp(&a.unchanged_for)
            .then(a_order.cmp(b_order))
    });
    rows.into_iter().map(|(_, row)| row).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Theme};

    fn commit(n: u32) -> Commit {
        Commit {
            id: format!("{n:040}"),
            date: format!("2013-0{n}-01"),
            author: "JC".into(),
            subject: format!("update {n}"),
        }
    }

    fn plan(progress: &[(&str, &str)]) -> Plan {
        let actions = progress
            .iter()
            .map(|(r, p)| Action {
                reference: r.to_string(),
                action: "x".into(),
                progress: Some(p.to_string()),
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

    #[test]
    fn stale_progress_is_found_and_ranked() {
        let current = plan(&[("1.1", "new words"), ("1.2", "same"), ("1.3", "fresh")]);
        let versions = vec![
            (
                commit(3),
                Some(plan(&[("1.1", "new words"), ("1.2", "same")])),
            ),
            (
                commit(2),
                Some(plan(&[("1.1", "old words"), ("1.2", "same")])),
            ),
            (
                commit(1),
                Some(plan(&[("1.1", "old words"), ("1.2", "same")])),
            ),
        ];
        let rows = staleness(&current, &versions);
        let summary: Vec<(&str, usize, bool)> = rows
            .iter()
            .map(|r| (r.reference.as_str(), r.unchanged_for, r.at_least))
            .collect();
        assert_eq!(
            summary,
            [("1.2", 3, true), ("1.1", 1, false), ("1.3", 0, false)]
        );
        assert_eq!(
            rows[1].since.as_ref().map(|c| c.date.as_str()),
            Some("2013-03-01")
        );
        let story = action_history("1.1", &versions);
        assert_eq!(
            story
                .iter()
                .map(|s| s.progress.as_deref().unwrap_or(""))
                .collect::<Vec<_>>(),
            ["new words", "old words", "old words"]
        );
    }
}
