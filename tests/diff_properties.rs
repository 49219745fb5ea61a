//! Randomized: whatever actions are deleted, added, moved between themes or reworded, and however
//! the plan is renumbered afterwards, the change report names exactly those deletions,
//! additions, moves and rewordings, and invents no other rewriting and no change of rating.

use boardplan::model::{Action, ActionPos, Edit, Plan, Rag, Theme};
use boardplan::review::diff::{ChangeKind, Field, RagTrend, compare};
use proptest::prelude::*;

/// Words shared by every action, as in a plan written from a template, plus two distinguishing
/// words: texts differ by little.
fn text(n: usize) -> String {
    const WORDS: [&str; 12] = [
        "audit", "neglect", "schools", "health", "police", "training", "housing", "data", "voice",
        "online", "carers", "courts",
    ];
    format!(
        "Review and publish the threshold document on {} and {} ({n})",
        WORDS[n % 12],
        WORDS[(n / 12) % 12]
    )
}

fn plan(themes: usize, per_theme: usize) -> Plan {
    let rags = [Some(Rag::Red), Some(Rag::Amber), Some(Rag::Green), None];
    let themes = (0..themes)
        .map(|t| Theme {
            reference: (t + 1).to_string(),
            title: format!("Keep children safe: priority {}", t + 1),
            actions: (0..per_theme)
                .map(|a| {
                    let n = t * per_theme + a;
                    Action {
                        reference: format!("{}.{}", t + 1, a + 1),
                        action: text(n),
                        progress: Some(format!("Progress on item {n} reported to the board")),
                        rag: rags[n % 4],
                        ..Action::default()
                    }
                })
                .collect(),
            ..Theme::default()
        })
        .collect();
    Plan {
        board: "Board".into(),
        period: "2013-14".into(),
        title: "Plan".into(),
        themes,
        ..Plan::default()
    }
}

/// One random step: delete an action, add one, or move one to another theme (indices are taken
/// modulo what is there).
#[derive(Debug, Clone)]
enum Step {
    Delete(usize),
    Add(usize, usize),
    Move(usize, usize),
    Reword(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        any::<usize>().prop_map(Step::Delete),
        (any::<usize>(), any::<usize>()).prop_map(|(t, a)| Step::Add(t, a)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, t)| Step::Move(a, t)),
        any::<usize>().prop_map(Step::Reword),
    ]
}

/// What the steps did, read from the plan they left: originals gone, new actions there, and
/// originals now in another theme than their own (theme `n / PER_THEME` for item `n`).
#[derive(Debug, Default, PartialEq, Eq)]
struct Counts {
    removed: usize,
    new: usize,
    moved: usize,
    reworded: usize,
}

const THEMES: usize = 4;
const PER_THEME: usize = 6;

fn apply(plan: &mut Plan, steps: &[Step]) {
    for (added, s) in steps.iter().enumerate() {
        let all: Vec<ActionPos> = plan.actions().map(|(p, _)| p).collect();
        match *s {
            Step::Delete(k) if !all.is_empty() => {
                plan.remove_action(all[k % all.len()]).expect("remove");
            }
            Step::Add(t, a) => {
                let theme = t % plan.themes.len();
                let action = a % (plan.themes[theme].actions.len() + 1);
                let new = Action {
                    reference: format!("new-{added}"),
                    action: format!("A new action agreed this year on item {added}"),
                    ..Action::default()
                };
                plan.insert_action(ActionPos { theme, action }, new)
                    .expect("insert");
            }
            Step::Move(k, t) if !all.is_empty() => {
                let theme = t % plan.themes.len();
                let to = ActionPos {
                    theme,
                    action: plan.themes[theme].actions.len(),
                };
                let from = all[k % all.len()];
                if theme != from.theme {
                    plan.move_action(from, to).expect("move");
                }
            }
            Step::Reword(k) if !all.is_empty() => {
                let action = plan.action_mut(all[k % all.len()]).expect("action");
                if !action.action.contains("urgently") {
                    action.action = action.action.replacen("Review", "Review urgently", 1);
                }
            }
            _ => {}
        }
    }
    Edit::renumber_all(plan).apply(plan).expect("renumber");
}

fn expected(plan: &Plan) -> Counts {
    let mut counts = Counts::default();
    let mut originals = 0;
    for (pos, action) in plan.actions() {
        let item = action
            .action
            .rsplit('(')
            .next()
            .and_then(|s| s.trim_end_matches(')').parse::<usize>().ok());
        match item {
            Some(n) if !action.action.starts_with("A new action") => {
                originals += 1;
                counts.moved += usize::from(pos.theme != n / PER_THEME);
                counts.reworded += usize::from(action.action.contains("urgently"));
            }
            _ => counts.new += 1,
        }
    }
    counts.removed = THEMES * PER_THEME - originals;
    counts
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn deletions_additions_moves_and_renumbering_are_reported_as_such(
        steps in proptest::collection::vec(step(), 0..12)
    ) {
        let old = plan(THEMES, PER_THEME);
        let mut new = old.clone();
        apply(&mut new, &steps);
        let expected = expected(&new);
        let c = compare(&old, &new);
        let s = c.summary;
        let reworded = c
            .themes
            .iter()
            .flat_map(|t| &t.actions)
            .filter(|a| a.text(Field::Action).is_some())
            .count();
        prop_assert_eq!(
            Counts { removed: s.removed, new: s.new, moved: s.moved, reworded },
            expected
        );
        prop_assert_eq!((s.improved, s.worsened, s.progress_updated), (0, 0, 0));
        for a in c.themes.iter().flat_map(|t| &t.actions) {
            if a.kind == ChangeKind::Changed {
                let only_the_action = a.texts.iter().all(|t| t.field == Field::Action);
                prop_assert!(only_the_action, "invented rewriting: {:?}", a);
                prop_assert_eq!(a.rag.map(|r| r.trend), Some(RagTrend::Unchanged));
            }
        }
    }
}
