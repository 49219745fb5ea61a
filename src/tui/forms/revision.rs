//! The changes screen's "compare with" field: type a commit, tag, branch or date, or choose from
//! the meeting tags, other tags, branches and recent commits, narrowed by what is typed.

use super::{Lines, Outcome, Report, TextForm};
use crate::review::revision_list::{OfferedRevision, RevisionKind};
use crate::tui::keymap::KeyHelp;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// Keys of the revision field, for its hints and the help.
pub const REVISION_KEYS: &[KeyHelp] = &[
    KeyHelp::new(
        "type",
        "narrow",
        "type a revision or date; the list keeps the lines holding every word typed",
    ),
    KeyHelp::new(
        "↑↓",
        "choose",
        "choose a meeting, tag, branch or commit from the list",
    ),
    KeyHelp::new(
        "Enter",
        "compare",
        "compare with the one chosen, or with what was typed",
    ),
    KeyHelp::new("Esc", "back", "back to the report as it was"),
];

/// An open revision field over the report it was opened from.
#[derive(Debug)]
pub struct RevisionPicker {
    /// The input.
    pub form: TextForm,
    /// The report it was opened from, shown again on Esc or when the revision is bad.
    pub back: Box<Report>,
    /// The revisions to offer (read on the worker; `None` until they arrive).
    pub offered: Option<Vec<OfferedRevision>>,
    /// The row of the narrowed list chosen with ↑↓, if any.
    pub chosen: Option<usize>,
}

impl RevisionPicker {
    /// A field over `back`, its list still being read.
    pub fn new(back: Box<Report>) -> RevisionPicker {
        let form = TextForm::new(
            "Compare with: a commit, tag or branch, or a date (YYYY-MM-DD)",
            "",
            Lines::One,
        )
        .quick_cancel();
        RevisionPicker {
            form,
            back,
            offered: None,
            chosen: None,
        }
    }

    /// The offered revisions whose line holds every word typed (any case).
    pub fn shown(&self) -> Vec<&OfferedRevision> {
        let typed = self.form.text().to_lowercase();
        let words: Vec<&str> = typed.split_whitespace().collect();
        self.offered
            .iter()
            .flatten()
            .filter(|offered| {
                let line = line(offered).to_lowercase();
                words.iter().all(|w| line.contains(w))
            })
            .collect()
    }

    /// Handles a key: ↑↓ choose from the list, typing narrows it, Enter compares with the one
    /// chosen (or with what was typed), Esc goes back to the report.
    pub fn handle(&mut self, key: KeyEvent) -> Outcome<String> {
        let count = self.shown().len();
        match key.code {
            KeyCode::Up => self.chosen = self.chosen.and_then(|c| c.checked_sub(1)),
            KeyCode::Down if count > 0 => {
                self.chosen = Some(self.chosen.map_or(0, |c| (c + 1).min(count - 1)));
            }
            KeyCode::Down => {}
            _ => return self.type_key(key),
        }
        Outcome::Continue
    }

    /// A key for the text field; a change to the text starts the choice afresh.
    fn type_key(&mut self, key: KeyEvent) -> Outcome<String> {
        let before = self.form.text();
        match self.form.handle(key) {
            Outcome::Submit(typed) => {
                let picked = self.chosen.and_then(|c| self.shown().get(c).copied());
                Outcome::Submit(match picked {
                    Some(offered) => offered.revision.clone(),
                    None => typed.trim().to_string(),
                })
            }
            Outcome::Cancel => Outcome::Cancel,
            Outcome::Continue => {
                if self.form.text() != before {
                    self.chosen = None;
                }
                Outcome::Continue
            }
        }
    }

    /// Pasted text goes into the field.
    pub fn paste(&mut self, text: &str) {
        self.form.paste(text);
        self.chosen = None;
    }
}

/// An offered revision as one line of the list: kind, name, date, subject.
pub fn line(offered: &OfferedRevision) -> String {
    let kind = offered.kind.label();
    let subject = match offered.kind {
        RevisionKind::Commit | RevisionKind::Meeting | RevisionKind::Tag => &offered.subject,
        RevisionKind::Branch | RevisionKind::Remote => "",
    };
    format!("{kind:<7} {}  {}  {subject}", offered.name, offered.date)
        .trim_end()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn offered(kind: RevisionKind, name: &str) -> OfferedRevision {
        OfferedRevision {
            kind,
            revision: format!("refs/x/{name}"),
            name: name.into(),
            date: "2013-09-17".into(),
            subject: "Board".into(),
        }
    }

    fn press(picker: &mut RevisionPicker, code: KeyCode) -> Outcome<String> {
        picker.handle(KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn picker() -> RevisionPicker {
        let back = Box::new(Report {
            title: "Changes".into(),
            lines: Vec::new(),
            cursor: 0,
            reading: false,
        });
        let mut picker = RevisionPicker::new(back);
        picker.offered = Some(vec![
            offered(RevisionKind::Meeting, "meeting/2013-09-17"),
            offered(RevisionKind::Tag, "v1.2"),
            offered(RevisionKind::Branch, "draft-été"),
        ]);
        picker
    }

    #[test]
    fn typing_narrows_the_list_and_enter_takes_the_chosen_revision() {
        let mut picker = picker();
        for c in "BRANCH".chars() {
            press(&mut picker, KeyCode::Char(c));
        }
        let names: Vec<&str> = picker.shown().iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["draft-été"]);
        press(&mut picker, KeyCode::Down);
        press(&mut picker, KeyCode::Down);
        assert_eq!(picker.chosen, Some(0), "the cursor stays on the list");
        assert_eq!(
            press(&mut picker, KeyCode::Enter),
            Outcome::Submit("refs/x/draft-été".into())
        );
    }

    #[test]
    fn typed_text_is_compared_with_when_nothing_is_chosen() {
        let mut picker = picker();
        press(&mut picker, KeyCode::Down);
        assert_eq!(picker.chosen, Some(0));
        for c in "HEAD~1".chars() {
            press(&mut picker, KeyCode::Char(c));
        }
        assert_eq!(picker.chosen, None, "typing starts the choice afresh");
        assert!(picker.shown().is_empty());
        assert_eq!(
            press(&mut picker, KeyCode::Enter),
            Outcome::Submit("HEAD~1".into())
        );
    }
}
