//! A commit message drafted from a change report, in the officer's words:
//! "Rate 3.2 green; new progress on 1.3, 4.2". Pure: reads a [`Comparison`] only.

use super::diff::{ActionChange, ChangeKind, Comparison, Field};

/// A one-line message for the changes in `comparison`; a generic line when nothing is named.
pub fn draft(comparison: &Comparison) -> String {
    let actions: Vec<&ActionChange> = comparison
        .themes
        .iter()
        .flat_map(|t| t.actions.iter())
        .collect();
    let mut parts = Vec::new();
    let rated: Vec<String> = actions
        .iter()
        .filter(|a| a.kind == ChangeKind::Changed)
        .filter_map(|a| {
            let rag = a.rag.as_ref().filter(|r| r.from != r.to)?;
            let word = rag.to.map_or("unrated", |r| r.as_str());
            Some(format!("{} {word}", a.item.reference))
        })
        .collect();
    if !rated.is_empty() {
        parts.push(format!("Rate {}", rated.join(", ")));
    }
    let mut list = |label: &str, refs: Vec<&str>| {
        if !refs.is_empty() {
            parts.push(format!("{label} {}", refs.join(", ")));
        }
    };
    list(
        "new progress on",
        refs(&actions, |a| {
            a.kind == ChangeKind::Changed && a.text(Field::Progress).is_some()
        }),
    );
    list("add", refs(&actions, |a| a.kind == ChangeKind::Added));
    list("close", refs(&actions, |a| a.kind == ChangeKind::Removed));
    list(
        "edit",
        refs(&actions, |a| {
            a.kind == ChangeKind::Changed
                && a.text(Field::Progress).is_none()
                && a.rag.as_ref().is_none_or(|r| r.from == r.to)
        }),
    );
    let themes = comparison
        .themes
        .iter()
        .any(|t| t.kind != ChangeKind::Changed || !t.texts.is_empty() || !t.fields.is_empty());
    if themes || !comparison.plan.is_empty() {
        parts.push("update plan details".to_string());
    }
    let mut message = parts.join("; ");
    if let Some(first) = message.get(..1) {
        message = first.to_uppercase() + &message[1..];
    }
    if message.is_empty() {
        "Update the plan".to_string()
    } else {
        message
    }
}

fn refs<'a>(actions: &[&'a ActionChange], keep: impl Fn(&ActionChange) -> bool) -> Vec<&'a str> {
    actions
        .iter()
        .filter(|a| keep(a))
        .map(|a| a.item.reference.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::draft;
    use crate::model::Rag;
    use crate::review::diff::compare;
    use crate::store::load;

    fn bundled() -> crate::model::Plan {
        let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/plans/2013-14.yaml"))
            .expect("bundled plan");
        load(&bytes).expect("loads").plan
    }

    #[test]
    fn names_ratings_then_progress() {
        let old = bundled();
        let mut new = old.clone();
        let rate = new.find_action("3.2").expect("3.2");
        new.action_mut(rate).expect("3.2").rag = Some(Rag::Green);
        for reference in ["1.3", "4.2"] {
            let pos = new.find_action(reference).expect("ref");
            new.action_mut(pos).expect("ref").progress = Some(format!("update on {reference}"));
        }
        assert_eq!(
            draft(&compare(&old, &new)),
            "Rate 3.2 green; new progress on 1.3, 4.2"
        );
    }

    #[test]
    fn no_change_gives_a_plain_line() {
        let plan = bundled();
        assert_eq!(draft(&compare(&plan, &plan)), "Update the plan");
    }
}
