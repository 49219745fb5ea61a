//! Structural operations on a plan: find by ref, add, remove, move and renumber actions and themes.

use super::{Action, Plan, Theme};

/// Where an action sits: theme index and action index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActionPos {
    /// Index into `Plan::themes`.
    pub theme: usize,
    /// Index into that theme's `actions`.
    pub action: usize,
}

/// Why a structural operation could not be done.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpsError {
    /// A position past the end of a list.
    #[error("there is no element at that position")]
    NoSuchPosition,
    /// Renumbering would give two actions or themes the same ref.
    #[error("renumbering would give ref '{0}' twice; rename the clashing item first")]
    RefClash(String),
}

impl Plan {
    /// The theme with this ref.
    pub fn theme_index(&self, reference: &str) -> Option<usize> {
        self.themes.iter().position(|t| t.reference == reference)
    }

    /// Where the action with this ref is.
    pub fn find_action(&self, reference: &str) -> Option<ActionPos> {
        self.themes.iter().enumerate().find_map(|(theme, t)| {
            let action = t.actions.iter().position(|a| a.reference == reference)?;
            Some(ActionPos { theme, action })
        })
    }

    /// The action at `pos`.
    pub fn action(&self, pos: ActionPos) -> Option<&Action> {
        self.themes.get(pos.theme)?.actions.get(pos.action)
    }

    /// The action at `pos`, to change it.
    pub fn action_mut(&mut self, pos: ActionPos) -> Option<&mut Action> {
        self.themes.get_mut(pos.theme)?.actions.get_mut(pos.action)
    }

    /// Every action with its position, in plan order.
    pub fn actions(&self) -> impl Iterator<Item = (ActionPos, &Action)> {
        self.themes.iter().enumerate().flat_map(|(theme, t)| {
            t.actions
                .iter()
                .enumerate()
                .map(move |(action, a)| (ActionPos { theme, action }, a))
        })
    }

    /// Inserts `action` at `pos` (an index equal to the length appends).
    pub fn insert_action(&mut self, pos: ActionPos, action: Action) -> Result<(), OpsError> {
        let actions = &mut self
            .themes
            .get_mut(pos.theme)
            .ok_or(OpsError::NoSuchPosition)?
            .actions;
        if pos.action > actions.len() {
            return Err(OpsError::NoSuchPosition);
        }
        actions.insert(pos.action, action);
        Ok(())
    }

    /// Removes and returns the action at `pos`.
    pub fn remove_action(&mut self, pos: ActionPos) -> Result<Action, OpsError> {
        let actions = &mut self
            .themes
            .get_mut(pos.theme)
            .ok_or(OpsError::NoSuchPosition)?
            .actions;
        if pos.action >= actions.len() {
            return Err(OpsError::NoSuchPosition);
        }
        Ok(actions.remove(pos.action))
    }

    /// Moves the action at `from` so that it ends up at `to` (possibly in another theme).
    pub fn move_action(&mut self, from: ActionPos, to: ActionPos) -> Result<(), OpsError> {
        let target_len = self
            .themes
            .get(to.theme)
            .ok_or(OpsError::NoSuchPosition)?
            .actions
            .len();
        let limit = if from.theme == to.theme {
            target_len.saturating_sub(1)
        } else {
            target_len
        };
        if to.action > limit {
            return Err(OpsError::NoSuchPosition);
        }
        let action = self.remove_action(from)?;
        self.insert_action(to, action)
    }

    /// Inserts a theme at `index`.
    pub fn insert_theme(&mut self, index: usize, theme: Theme) -> Result<(), OpsError> {
        if index > self.themes.len() {
            return Err(OpsError::NoSuchPosition);
        }
        self.themes.insert(index, theme);
        Ok(())
    }

    /// Removes and returns the theme at `index`, with its actions.
    pub fn remove_theme(&mut self, index: usize) -> Result<Theme, OpsError> {
        if index >= self.themes.len() {
            return Err(OpsError::NoSuchPosition);
        }
        Ok(self.themes.remove(index))
    }

    /// Moves the theme at `from` to `to`.
    pub fn move_theme(&mut self, from: usize, to: usize) -> Result<(), OpsError> {
        if to >= self.themes.len() {
            return Err(OpsError::NoSuchPosition);
        }
        let theme = self.remove_theme(from)?;
        self.insert_theme(to, theme)
    }

    /// The refs the theme's actions would get if renumbered `<theme ref>.<n>` in order.
    pub fn renumbered_action_refs(&self, theme: usize) -> Result<Vec<String>, OpsError> {
        let t = self.themes.get(theme).ok_or(OpsError::NoSuchPosition)?;
        let new_refs: Vec<String> = (1..=t.actions.len())
            .map(|n| format!("{}.{n}", t.reference))
            .collect();
        let clash = self
            .actions()
            .filter(|(pos, _)| pos.theme != theme)
            .find(|(_, a)| new_refs.contains(&a.reference));
        match clash {
            Some((_, a)) => Err(OpsError::RefClash(a.reference.clone())),
            None => Ok(new_refs),
        }
    }

    /// Takes the identities of `other`'s elements for the elements of this plan that match them
    /// (themes and actions by ref, milestones and measures by position within a match), so a
    /// plan read from elsewhere (a recovery file) saves as edits of `other`, not as a new plan.
    pub fn adopt_ids(&mut self, other: &Plan) {
        for theme in &mut self.themes {
            if let Some(old) = other.themes.iter().find(|t| t.reference == theme.reference) {
                theme.id = old.id;
                for (measure, old) in theme.measures.iter_mut().zip(&old.measures) {
                    measure.id = old.id;
                }
            }
            for action in &mut theme.actions {
                if let Some(old) = other
                    .find_action(&action.reference)
                    .and_then(|p| other.action(p))
                {
                    action.id = old.id;
                    for (milestone, old) in action.milestones.iter_mut().zip(&old.milestones) {
                        milestone.id = old.id;
                    }
                }
            }
        }
    }

    /// A ref for a new action in `theme`: one past the highest `<theme ref>.<n>` in use.
    pub fn next_action_ref(&self, theme: usize) -> Option<String> {
        let t = self.themes.get(theme)?;
        let prefix = format!("{}.", t.reference);
        let highest = self
            .actions()
            .filter_map(|(_, a)| a.reference.strip_prefix(&prefix)?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        Some(format!("{prefix}{}", highest + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let action = |r: &str| Action {
            reference: r.into(),
            action: format!("do {r}"),
            ..Action::default()
        };
        let theme = |r: &str, actions: Vec<Action>| Theme {
            reference: r.into(),
            title: format!("theme {r}"),
            actions,
            ..Theme::default()
        };
        Plan {
            themes: vec![
                theme("1", vec![action("1.1"), action("1.3")]),
                theme("2", vec![action("2.1")]),
            ],
            ..Plan::default()
        }
    }

    #[test]
    fn finds_and_moves_actions() {
        let mut plan = plan();
        assert_eq!(
            plan.find_action("2.1"),
            Some(ActionPos {
                theme: 1,
                action: 0
            })
        );
        assert_eq!(plan.find_action("9.9"), None);
        plan.move_action(
            ActionPos {
                theme: 1,
                action: 0,
            },
            ActionPos {
                theme: 0,
                action: 1,
            },
        )
        .unwrap();
        let refs: Vec<&str> = plan.themes[0]
            .actions
            .iter()
            .map(|a| a.reference.as_str())
            .collect();
        assert_eq!(refs, ["1.1", "2.1", "1.3"]);
        assert!(plan.themes[1].actions.is_empty());
        assert_eq!(
            plan.move_action(
                ActionPos {
                    theme: 0,
                    action: 0
                },
                ActionPos {
                    theme: 0,
                    action: 3
                }
            ),
            Err(OpsError::NoSuchPosition)
        );
    }

    #[test]
    fn renumbering_and_next_ref() {
        let plan = plan();
        assert_eq!(plan.renumbered_action_refs(0).unwrap(), ["1.1", "1.2"]);
        assert_eq!(plan.next_action_ref(0).as_deref(), Some("1.4"));
        let mut clashing = plan.clone();
        clashing.themes[1].reference = "1".into();
        assert_eq!(
            clashing.renumbered_action_refs(1),
            Err(OpsError::RefClash("1.1".into()))
        );
    }

    #[test]
    fn themes_insert_remove_move() {
        let mut plan = plan();
        plan.move_theme(0, 1).unwrap();
        assert_eq!(plan.themes[0].reference, "2");
        let removed = plan.remove_theme(1).unwrap();
        assert_eq!(removed.actions.len(), 2);
        plan.insert_theme(0, removed).unwrap();
        assert_eq!(plan.themes[0].reference, "1");
        assert_eq!(
            plan.insert_theme(5, Theme::default()),
            Err(OpsError::NoSuchPosition)
        );
    }
}
