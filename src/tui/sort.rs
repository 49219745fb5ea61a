//! The order of the actions table: the plan's own order, or by due date, rating or owner
//! (`s` cycles). A sort keeps ties in plan order.

use crate::model::{ActionPos, Plan, Rag};

/// How the table is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// As in the plan.
    #[default]
    Plan,
    /// Soonest due first; ongoing, free text and no date last.
    Due,
    /// Most urgent rating first: red, amber, not rated, green, blue.
    Rag,
    /// By first owner, A to Z; no owner last.
    Owner,
}

impl Sort {
    /// The next order in the cycle.
    pub fn next(self) -> Sort {
        match self {
            Sort::Plan => Sort::Due,
            Sort::Due => Sort::Rag,
            Sort::Rag => Sort::Owner,
            Sort::Owner => Sort::Plan,
        }
    }

    /// What the order is called, for the table's title and the status bar.
    pub fn name(self) -> &'static str {
        match self {
            Sort::Plan => "plan order",
            Sort::Due => "due date",
            Sort::Rag => "rating",
            Sort::Owner => "owner",
        }
    }

    /// Orders `rows` of `plan` (stable: ties stay in plan order).
    pub fn apply(self, plan: &Plan, rows: &mut [ActionPos]) {
        let rag_rank = |rag: Option<Rag>| match rag {
            Some(Rag::Red) => 0,
            Some(Rag::Amber) => 1,
            None => 2,
            Some(Rag::Green) => 3,
            Some(Rag::Blue) => 4,
        };
        match self {
            Sort::Plan => {}
            Sort::Due => rows.sort_by_cached_key(|p| {
                let deadline = plan
                    .action(*p)
                    .and_then(|a| a.due.as_ref())
                    .and_then(|d| d.deadline());
                (deadline.is_none(), deadline)
            }),
            Sort::Rag => rows.sort_by_cached_key(|p| rag_rank(plan.action(*p).and_then(|a| a.rag))),
            Sort::Owner => rows.sort_by_cached_key(|p| {
                let owner = plan
                    .action(*p)
                    .and_then(|a| a.owners.first())
                    .map(|o| o.to_lowercase());
                (owner.is_none(), owner)
            }),
        }
    }
}
