//! The year end: next year's plan from this one, carrying forward what is not finished.
//!
//! Pure: the caller reads and writes the files. Board years are taken to start on 1 April
//! (the English financial year safeguarding boards plan by), which is when a carried action's
//! date is judged "already passed, review it".

use super::{Action, Due, Measure, Milestone, Plan, Rag, Theme};
use chrono::NaiveDate;

/// Choices for starting the new year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct YearEndOptions {
    /// Keep the ratings of carried actions, milestones and themes (default: cleared, so every
    /// action starts the year unrated).
    pub keep_ratings: bool,
    /// Number each theme's carried actions `<theme>.1`, `<theme>.2`, … (default: refs kept).
    pub renumber: bool,
}

/// Next year's plan and what the officer should know about how it was made.
#[derive(Debug, Clone, PartialEq)]
pub struct YearEnd {
    /// The new plan.
    pub plan: Plan,
    /// Each carried action: its ref in the old plan and in the new one.
    pub carried: Vec<Carried>,
    /// Actions rated blue (complete) in the old plan, not carried: for the annual report.
    pub completed: Vec<Completed>,
    /// Whether the old period's years were found in the title and replaced.
    pub title_updated: bool,
}

/// One action carried forward.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carried {
    /// Its ref in the old plan.
    pub old_ref: String,
    /// Its ref in the new plan.
    pub new_ref: String,
    /// Its deadline (or a carried milestone's) fell before the new year began: review it.
    pub passed_due: Option<Due>,
}

/// One completed action of the old year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completed {
    /// Theme ref and title.
    pub theme: (String, String),
    /// The action's ref.
    pub reference: String,
    /// What was done.
    pub action: String,
    /// Who did it.
    pub owners: Vec<String>,
}

/// Why a new year cannot be started.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum YearEndError {
    /// The new period is not a board year such as `2014-15` or `2015-17`.
    #[error(
        "'{0}' is not a board year; write it like 2014-15 (or 2014-2015, or 2015-17 for a plan over two years)"
    )]
    BadPeriod(String),
    /// The new period is the same as the old one.
    #[error("the plan is already for {0}; give the next board year")]
    SamePeriod(String),
}

/// A board year: its first and last calendar years (`2013-14` is 2013 to 2014).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BoardYear {
    /// The year it starts in (on 1 April).
    pub first: i32,
    /// The year it ends in (on 31 March).
    pub last: i32,
}

impl BoardYear {
    /// Reads `2013-14`, `2013-2014`, `2013/14` or `2015-17`; the end must follow the start.
    pub fn parse(text: &str) -> Option<BoardYear> {
        let (first, last) = text.trim().split_once(['-', '/'])?;
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if first.len() != 4 || !digits(first) || !digits(last) {
            return None;
        }
        let first: i32 = first.parse().ok()?;
        let last: i32 = match last.len() {
            2 => {
                let century = first - first % 100;
                let short: i32 = last.parse().ok()?;
                let candidate = century + short;
                if candidate > first {
                    candidate
                } else {
                    candidate + 100
                }
            }
            4 => last.parse().ok()?,
            _ => return None,
        };
        (last > first && last - first <= 5).then_some(BoardYear { first, last })
    }

    /// 1 April of the first year.
    pub fn start(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.first, 4, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The ways a title may spell this year: `2013-2014`, `2013/2014`, `2013-14`, `2013/14`.
    fn spellings(self) -> [String; 4] {
        let short = self.last % 100;
        [
            format!("{}-{}", self.first, self.last),
            format!("{}/{}", self.first, self.last),
            format!("{}-{short:02}", self.first),
            format!("{}/{short:02}", self.first),
        ]
    }
}

/// Starts `new_period`'s plan from `plan`: same board, vision, glossary and themes; every
/// action not rated blue carried with its text, outcome, owners, due date and unfinished
/// milestones, progress cleared (it belongs to the old year), a note saying where it came from;
/// measures carried with their latest value as the new baseline.
pub fn start_next_year(
    plan: &Plan,
    new_period: &str,
    options: YearEndOptions,
) -> Result<YearEnd, YearEndError> {
    let new_year =
        BoardYear::parse(new_period).ok_or_else(|| YearEndError::BadPeriod(new_period.into()))?;
    if plan.period.trim() == new_period.trim() {
        return Err(YearEndError::SamePeriod(new_period.into()));
    }
    let (title, title_updated) = next_title(&plan.title, &plan.period, new_year);
    let mut next = Plan {
        board: plan.board.clone(),
        period: new_period.trim().to_string(),
        title,
        vision: plan.vision.clone(),
        owners: plan.owners.clone(),
        custom: plan.custom.clone(),
        ..Plan::default()
    };
    let mut carried = Vec::new();
    let mut completed = Vec::new();
    for theme in &plan.themes {
        let mut new_theme = next_theme(theme, options);
        for action in &theme.actions {
            if action.rag == Some(Rag::Blue) {
                completed.push(completed_entry(theme, action));
                continue;
            }
            let new_ref = if options.renumber {
                format!("{}.{}", theme.reference, new_theme.actions.len() + 1)
            } else {
                action.reference.clone()
            };
            let carried_action = carry_action(action, &new_ref, &plan.period, options);
            carried.push(Carried {
                old_ref: action.reference.clone(),
                new_ref,
                passed_due: passed_due(&carried_action, new_year.start()),
            });
            new_theme.actions.push(carried_action);
        }
        next.themes.push(new_theme);
    }
    Ok(YearEnd {
        plan: next,
        carried,
        completed,
        title_updated,
    })
}

/// The title with the old period's years replaced by the new one's, and whether any were.
fn next_title(title: &str, old_period: &str, new_year: BoardYear) -> (String, bool) {
    let Some(old_year) = BoardYear::parse(old_period) else {
        return (title.to_string(), false);
    };
    let mut next = title.to_string();
    for (old, new) in old_year.spellings().iter().zip(new_year.spellings()) {
        next = next.replace(old.as_str(), &new);
    }
    let updated = next != title;
    (next, updated)
}

fn next_theme(theme: &Theme, options: YearEndOptions) -> Theme {
    Theme {
        reference: theme.reference.clone(),
        title: theme.title.clone(),
        description: theme.description.clone(),
        lead: theme.lead.clone(),
        accountable: theme.accountable.clone(),
        rag: theme.rag.filter(|_| options.keep_ratings),
        actions: Vec::new(),
        measures: theme.measures.iter().map(next_measure).collect(),
        custom: theme.custom.clone(),
        ..Theme::default()
    }
}

/// Last year's latest performance is this year's baseline; the new year has no reading yet.
fn next_measure(measure: &Measure) -> Measure {
    Measure {
        measure: measure.measure.clone(),
        baseline: measure.latest.clone().or_else(|| measure.baseline.clone()),
        target: measure.target.clone(),
        ..Measure::default()
    }
}

fn carry_action(
    action: &Action,
    new_ref: &str,
    old_period: &str,
    options: YearEndOptions,
) -> Action {
    let provenance = format!(
        "Carried forward from {old_period}, action {}.",
        action.reference
    );
    let notes = match &action.notes {
        Some(notes) if !notes.trim().is_empty() => format!("{}\n{provenance}", notes.trim_end()),
        _ => provenance,
    };
    Action {
        reference: new_ref.to_string(),
        action: action.action.clone(),
        outcome: action.outcome.clone(),
        owners: action.owners.clone(),
        due: action.due.clone(),
        progress: None,
        rag: action.rag.filter(|_| options.keep_ratings),
        milestones: action
            .milestones
            .iter()
            .filter(|m| m.rag != Some(Rag::Blue))
            .map(|m| carry_milestone(m, options))
            .collect(),
        notes: Some(notes),
        custom: action.custom.clone(),
        ..Action::default()
    }
}

fn carry_milestone(milestone: &Milestone, options: YearEndOptions) -> Milestone {
    Milestone {
        milestone: milestone.milestone.clone(),
        owners: milestone.owners.clone(),
        due: milestone.due.clone(),
        progress: None,
        rag: milestone.rag.filter(|_| options.keep_ratings),
        ..Milestone::default()
    }
}

/// The first of the action's and its milestones' deadlines that fell before the new year.
fn passed_due(action: &Action, year_start: NaiveDate) -> Option<Due> {
    std::iter::once(&action.due)
        .chain(action.milestones.iter().map(|m| &m.due))
        .flatten()
        .find(|due| due.is_past(year_start))
        .cloned()
}

fn completed_entry(theme: &Theme, action: &Action) -> Completed {
    Completed {
        theme: (theme.reference.clone(), theme.title.clone()),
        reference: action.reference.clone(),
        action: action.action.clone(),
        owners: action.owners.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(reference: &str, rag: Option<Rag>, due: Option<&str>) -> Action {
        Action {
            reference: reference.into(),
            action: format!("do {reference}"),
            owners: vec!["QEG".into()],
            due: due.map(|d| Due::parse(d).expect("due")),
            progress: Some(format!("progress on {reference}")),
            rag,
            ..Action::default()
        }
    }

    fn plan() -> Plan {
        let mut first = action("1.1", Some(Rag::Green), Some("2014-06"));
        first.milestones = vec![
            Milestone {
                milestone: "done step".into(),
                rag: Some(Rag::Blue),
                ..Milestone::default()
            },
            Milestone {
                milestone: "open step".into(),
                due: Some(Due::parse("2013-09-30").expect("due")),
                rag: Some(Rag::Amber),
                ..Milestone::default()
            },
        ];
        Plan {
            board: "LSCB".into(),
            period: "2013-14".into(),
            title: "Business Plan 2013-2014".into(),
            themes: vec![Theme {
                reference: "1".into(),
                title: "Early help".into(),
                rag: Some(Rag::Amber),
                actions: vec![
                    first,
                    action("1.2", Some(Rag::Blue), Some("2013-12")),
                    action("1.3", None, Some("2013-07-31")),
                ],
                measures: vec![Measure {
                    measure: "NI 59".into(),
                    baseline: Some("65%".into()),
                    target: Some("90%".into()),
                    latest: Some("52.5%".into()),
                    rag: Some(Rag::Red),
                    ..Measure::default()
                }],
                ..Theme::default()
            }],
            ..Plan::default()
        }
    }

    #[test]
    fn carries_unfinished_actions_and_lists_completed_ones() {
        let year = start_next_year(&plan(), "2014-15", YearEndOptions::default()).expect("ok");
        let refs: Vec<&str> = year.plan.themes[0]
            .actions
            .iter()
            .map(|a| a.reference.as_str())
            .collect();
        assert_eq!(refs, ["1.1", "1.3"]);
        assert_eq!(year.completed.len(), 1);
        assert_eq!(year.completed[0].reference, "1.2");
        assert_eq!(year.plan.title, "Business Plan 2014-2015");
        assert!(year.title_updated);
        let first = &year.plan.themes[0].actions[0];
        assert_eq!(first.rag, None);
        assert_eq!(first.progress, None);
        assert_eq!(
            first.notes.as_deref(),
            Some("Carried forward from 2013-14, action 1.1.")
        );
        let steps: Vec<&str> = first
            .milestones
            .iter()
            .map(|m| m.milestone.as_str())
            .collect();
        assert_eq!(steps, ["open step"]);
        assert_eq!(year.plan.themes[0].rag, None);
    }

    #[test]
    fn flags_dates_that_passed_before_the_new_year_without_moving_them() {
        let year = start_next_year(&plan(), "2014-15", YearEndOptions::default()).expect("ok");
        let passed: Vec<(&str, Option<String>)> = year
            .carried
            .iter()
            .map(|c| {
                (
                    c.old_ref.as_str(),
                    c.passed_due.as_ref().map(Due::to_string),
                )
            })
            .collect();
        // 1.1 is due June 2014 but its open milestone was due September 2013.
        assert_eq!(
            passed,
            [
                ("1.1", Some("2013-09-30".to_string())),
                ("1.3", Some("2013-07-31".to_string()))
            ]
        );
        assert_eq!(
            year.plan.themes[0].actions[1].due,
            Some(Due::parse("2013-07-31").expect("due"))
        );
    }

    #[test]
    fn keeps_ratings_and_renumbers_when_asked() {
        let options = YearEndOptions {
            keep_ratings: true,
            renumber: true,
        };
        let year = start_next_year(&plan(), "2014-15", options).expect("ok");
        let actions = &year.plan.themes[0].actions;
        assert_eq!(actions[0].rag, Some(Rag::Green));
        assert_eq!(actions[1].reference, "1.2");
        assert_eq!(year.carried[1].old_ref, "1.3");
        assert_eq!(year.carried[1].new_ref, "1.2");
        assert_eq!(
            actions[1].notes.as_deref(),
            Some("Carried forward from 2013-14, action 1.3.")
        );
    }

    #[test]
    fn measures_start_from_last_years_latest() {
        let year = start_next_year(&plan(), "2014-15", YearEndOptions::default()).expect("ok");
        let measure = &year.plan.themes[0].measures[0];
        assert_eq!(measure.baseline.as_deref(), Some("52.5%"));
        assert_eq!(measure.target.as_deref(), Some("90%"));
        assert_eq!((measure.latest.as_ref(), measure.rag), (None, None));
    }

    #[test]
    fn refuses_periods_that_are_not_board_years() {
        for bad in [
            "next",
            "2014",
            "14-15",
            "2015-14",
            "../2014-15",
            "2014-15/x",
        ] {
            assert!(
                matches!(
                    start_next_year(&plan(), bad, YearEndOptions::default()),
                    Err(YearEndError::BadPeriod(_))
                ),
                "{bad}"
            );
        }
        assert_eq!(
            start_next_year(&plan(), "2013-14", YearEndOptions::default()),
            Err(YearEndError::SamePeriod("2013-14".into()))
        );
    }

    #[test]
    fn board_years_in_every_spelling() {
        let year = |first, last| Some(BoardYear { first, last });
        assert_eq!(BoardYear::parse("2013-14"), year(2013, 2014));
        assert_eq!(BoardYear::parse("2015-17"), year(2015, 2017));
        assert_eq!(BoardYear::parse("2013/2014"), year(2013, 2014));
        assert_eq!(BoardYear::parse("1999-00"), year(1999, 2000));
        assert_eq!(BoardYear::parse("2013-13"), None);
    }
}
