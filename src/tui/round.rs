//! The update round (`R`): walks the actions that need an update before the next meeting (progress
//! not changed since the last meeting tag, or since the last commit when there is none; red;
//! overdue), showing the meeting's rating and progress beside today's, with one key per rating,
//! the progress editor, next and previous, and how many are left.

use super::app::App;
use super::baseline::Baseline;
use super::effect::Effect;
use super::fields::{field_text, set_field};
use super::forms::{Lines, Outcome, Popup, Target, TextForm};
use super::keymap::KeyHelp;
use crate::model::{Action, ActionField, ActionPos, FieldValue, Plan, Rag};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Keys of the update round.
pub const ROUND_KEYS: &[KeyHelp] = &[
    KeyHelp::new("r a g b", "rate", "red, amber, green, blue"),
    KeyHelp::new("p", "progress", "edit the progress (also Enter)"),
    KeyHelp::new("→ n", "next", "next action (also ↓ j)"),
    KeyHelp::new("← N", "previous", "previous action (also ↑ k)"),
    KeyHelp::new("u", "undo", "undo the last edit"),
    KeyHelp::new("Ctrl-s", "save", "save the file"),
    KeyHelp::new("Esc", "end", "end the round on this action"),
];

/// An update round under way.
#[derive(Debug)]
pub struct Round {
    /// What "since" means: `meeting/2014-03-12`, or `the last commit`.
    pub since: String,
    /// The plan as of then (`None` outside git: every open action needs an update).
    pub base: Option<Baseline>,
    /// The actions to visit, each with its rating and progress when the round started.
    pub items: Vec<(ActionPos, Option<Rag>, Option<String>)>,
    /// The one shown.
    pub at: usize,
    /// The progress editor, while open.
    pub form: Option<Box<TextForm>>,
    /// Items confirmed unchanged: rated with the rating they had, or progress applied as it was.
    pub confirmed: std::collections::BTreeSet<usize>,
}

/// Why an action is in the round, in words (empty: it is not).
pub fn reasons(
    action: &Action,
    then: Option<&Action>,
    has_base: bool,
    today: chrono::NaiveDate,
) -> Vec<&'static str> {
    if action.rating() == Some(Rag::Blue) {
        return Vec::new();
    }
    let mut why = Vec::new();
    if action.rating() == Some(Rag::Red) {
        why.push("red");
    }
    if action.is_overdue(today) {
        why.push("overdue");
    }
    let unchanged = then.is_some_and(|t| t.progress == action.progress);
    if unchanged || !has_base {
        why.push("progress not updated");
    }
    why
}

/// The action as of the round's "since", by ref.
pub fn then<'a>(base: Option<&'a Baseline>, action: &Action) -> Option<&'a Action> {
    let base = base?;
    base.plan
        .find_action(&action.reference)
        .and_then(|p| base.plan.action(p))
}

/// Starts a round over the plan shown, against `found` (the meeting or commit, and the plan
/// then).
pub fn open(app: &mut App, found: Option<(String, Box<Baseline>)>) {
    let Some(plan) = app.plan() else {
        return app.warn("this file has errors; fix them before an update round");
    };
    let (since, base) = match found {
        Some((since, base)) => (since, Some(*base)),
        None => ("the start (no git history)".to_string(), None),
    };
    let items = to_visit(plan, base.as_ref(), app.today);
    if items.is_empty() {
        return app.say(format!("every action is up to date since {since}"));
    }
    app.ui.popup = Some(Popup::Round(Box::new(Round {
        since,
        base,
        items,
        at: 0,
        form: None,
        confirmed: std::collections::BTreeSet::new(),
    })));
}

fn to_visit(
    plan: &Plan,
    base: Option<&Baseline>,
    today: chrono::NaiveDate,
) -> Vec<(ActionPos, Option<Rag>, Option<String>)> {
    plan.actions()
        .filter(|(_, a)| !reasons(a, then(base, a), base.is_some(), today).is_empty())
        .map(|(pos, a)| (pos, a.rag, a.progress.clone()))
        .collect()
}

impl Round {
    /// How many of the round's actions have not been dealt with yet: neither rated nor given
    /// progress (a changed value, or the same one confirmed).
    pub fn left(&self, plan: &Plan) -> usize {
        self.items
            .iter()
            .enumerate()
            .filter(|(i, (pos, rag, progress))| {
                !self.confirmed.contains(i)
                    && plan
                        .action(*pos)
                        .is_some_and(|a| a.rag == *rag && a.progress == *progress)
            })
            .count()
    }

    /// Marks the action shown as dealt with when `value` is what `target` holds already.
    fn confirm_if_same(&mut self, app: &App, target: Target, value: &FieldValue) {
        let same = app
            .plan()
            .and_then(|p| super::fields::current_value(p, target))
            .as_ref()
            == Some(value);
        if same {
            self.confirmed.insert(self.at);
        }
    }

    /// The action shown.
    pub fn current(&self) -> Option<ActionPos> {
        self.items.get(self.at).map(|(pos, _, _)| *pos)
    }
}

/// A key during the round.
pub fn key(app: &mut App, mut round: Box<Round>, key: KeyEvent) -> Option<Effect> {
    let pos = round.current()?;
    if let Some(mut form) = round.form.take() {
        match form.handle(key) {
            Outcome::Continue => round.form = Some(form),
            Outcome::Cancel => {}
            Outcome::Submit(text) => {
                let target = Target::Action(pos, ActionField::Progress);
                let value = FieldValue::Text(Some(text).filter(|t| !t.trim().is_empty()));
                round.confirm_if_same(app, target, &value);
                set_field(app, target, value);
            }
        }
        app.ui.popup = Some(Popup::Round(round));
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let last = round.items.len().saturating_sub(1);
    match key.code {
        KeyCode::Char('s') if ctrl => {
            app.ui.popup = Some(Popup::Round(round));
            return Some(Effect::Save { overwrite: false });
        }
        KeyCode::Char('u') => match app.year_mut().undo() {
            Some(what) => app.say(format!("undid: {what}")),
            None => app.say("nothing to undo"),
        },
        KeyCode::Char(c @ ('r' | 'a' | 'g' | 'b')) if !ctrl => {
            let rag = Rag::ALL.into_iter().find(|r| r.as_str().starts_with(c));
            let (target, value) = (Target::Action(pos, ActionField::Rag), FieldValue::Rag(rag));
            round.confirm_if_same(app, target, &value);
            set_field(app, target, value);
        }
        KeyCode::Char('p') | KeyCode::Enter => {
            let text =
                field_text(app, Target::Action(pos, ActionField::Progress)).unwrap_or_default();
            let reference = app
                .plan()
                .and_then(|p| p.action(pos))
                .map(|a| a.reference.clone());
            let title = format!("Progress of action {}", reference.unwrap_or_default());
            round.form = Some(Box::new(TextForm::new(title, &text, Lines::Many)));
        }
        KeyCode::Right | KeyCode::Char('n') | KeyCode::Char('j') | KeyCode::Down => {
            round.at = (round.at + 1).min(last);
        }
        KeyCode::Left | KeyCode::Char('N') | KeyCode::Char('k') | KeyCode::Up => {
            round.at = round.at.saturating_sub(1);
        }
        KeyCode::Esc | KeyCode::Char('q') => {
            let left = app.plan().map_or(0, |p| round.left(p));
            let total = round.items.len();
            super::popup_keys::open_action(app, pos);
            app.say(format!(
                "round ended: {left} of {total} left (Ctrl-s saves)"
            ));
            return None;
        }
        _ => {}
    }
    app.ui.popup = Some(Popup::Round(round));
    None
}

/// Pasted text goes into the progress editor, if open.
pub fn paste(round: &mut Round, text: &str) {
    if let Some(form) = &mut round.form {
        form.paste(text);
    }
}

#[cfg(test)]
#[path = "round_tests.rs"]
mod tests;
