//! Plan-level values that changed: the plan's own fields, the owners glossary, and `custom:`
//! fields anywhere, each with its old and new value.

use super::{Field, FieldChange};
use crate::model::{CustomValue, Due, FieldSpec, GlossaryEntry, Plan, PlanOwnField, Slot};
use serde::Serialize;

/// The plan's own fields a comparison reports (its author is not reported).
const REPORTED: [PlanOwnField; 6] = [
    PlanOwnField::Board,
    PlanOwnField::Period,
    PlanOwnField::Title,
    PlanOwnField::Vision,
    PlanOwnField::Version,
    PlanOwnField::Date,
];

/// Plan-level fields that changed.
pub(super) fn plan_fields(old: &Plan, new: &Plan) -> Vec<FieldChange> {
    let mut out = Vec::new();
    for reported in REPORTED {
        let spec = reported.spec();
        field(
            &mut out,
            Field::of(spec.key),
            shown(spec, old),
            shown(spec, new),
        );
    }
    out
}

/// A plan field's value as the comparison shows it. A required field left empty (a plan
/// compared with `Plan::default()`) reads as absent.
fn shown(spec: &FieldSpec<Plan>, plan: &Plan) -> Option<String> {
    match &spec.slot {
        Slot::Required(get, _) | Slot::Plain(get, _) => {
            Some(get(plan).clone()).filter(|s| !s.is_empty())
        }
        Slot::Text(get, _) => get(plan).clone(),
        Slot::Due(get, _) => get(plan).as_ref().map(Due::to_string),
        Slot::Rag(get, _) => get(plan).map(|r| r.to_string()),
        Slot::Owners(get, _) => Some(get(plan).join(", ")).filter(|s| !s.is_empty()),
    }
}

/// Adds a field change when the values differ.
pub(super) fn field(
    out: &mut Vec<FieldChange>,
    field: Field,
    from: Option<String>,
    to: Option<String>,
) {
    if from != to {
        out.push(FieldChange { field, from, to });
    }
}

/// What happened to one entry of the owners glossary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GlossaryChangeKind {
    /// A new short name.
    Added,
    /// A short name gone.
    Removed,
    /// The same full name under another short name.
    Renamed,
    /// The same short name now stands for something else.
    Changed,
}

/// One entry of the owners glossary before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GlossaryChange {
    /// What happened.
    pub kind: GlossaryChangeKind,
    /// The short name now (as it was, when removed).
    pub short: String,
    /// The full name now (as it was, when removed).
    pub full: String,
    /// The old short name, when renamed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_short: Option<String>,
    /// The old full name, when it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_full: Option<String>,
}

/// Glossary entries added, removed, renamed (same full name, new short name) or changed
/// (same short name, new full name), in the new glossary's order, then those removed.
pub(super) fn glossary(old: &[GlossaryEntry], new: &[GlossaryEntry]) -> Vec<GlossaryChange> {
    let by_short = |list: &[GlossaryEntry], short: &str| list.iter().position(|e| e.short == short);
    let mut old_used = vec![false; old.len()];
    let mut out = Vec::new();
    let mut unmatched = Vec::new();
    for entry in new {
        match by_short(old, &entry.short) {
            Some(i) => {
                old_used[i] = true;
                if old[i].full != entry.full {
                    out.push(change(
                        GlossaryChangeKind::Changed,
                        entry,
                        None,
                        Some(&old[i].full),
                    ));
                }
            }
            None => unmatched.push(entry),
        }
    }
    for entry in unmatched {
        let renamed = (0..old.len()).find(|&i| !old_used[i] && old[i].full == entry.full);
        match renamed {
            Some(i) => {
                old_used[i] = true;
                out.push(change(
                    GlossaryChangeKind::Renamed,
                    entry,
                    Some(&old[i].short),
                    None,
                ));
            }
            None => out.push(change(GlossaryChangeKind::Added, entry, None, None)),
        }
    }
    for (i, entry) in old.iter().enumerate() {
        if !old_used[i] {
            out.push(change(GlossaryChangeKind::Removed, entry, None, None));
        }
    }
    out
}

fn change(
    kind: GlossaryChangeKind,
    entry: &GlossaryEntry,
    old_short: Option<&String>,
    old_full: Option<&String>,
) -> GlossaryChange {
    GlossaryChange {
        kind,
        short: entry.short.clone(),
        full: entry.full.clone(),
        old_short: old_short.cloned(),
        old_full: old_full.cloned(),
    }
}

/// One `custom:` value before and after, by its path of keys (`funding.source`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CustomChange {
    /// The keys leading to the value, joined by dots.
    pub key: String,
    /// The old value as written (lists as `[a, b]`); `None` when the key is new.
    pub from: Option<String>,
    /// The new value as written; `None` when the key is gone.
    pub to: Option<String>,
}

/// The `custom:` values that changed, key by key, in the new version's order, then the keys
/// that are gone. A mapping is followed key by key; lists and scalars are compared whole.
pub(super) fn custom(old: Option<&CustomValue>, new: Option<&CustomValue>) -> Vec<CustomChange> {
    let mut out = Vec::new();
    walk("", old, new, &mut out);
    out
}

fn walk(
    key: &str,
    old: Option<&CustomValue>,
    new: Option<&CustomValue>,
    out: &mut Vec<CustomChange>,
) {
    if old == new {
        return;
    }
    let join = |k: &str| {
        if key.is_empty() {
            k.to_string()
        } else {
            format!("{key}.{k}")
        }
    };
    match (old, new) {
        (Some(CustomValue::Map(a)), Some(CustomValue::Map(b))) => {
            for (k, v) in b {
                walk(&join(k), find(a, k), Some(v), out);
            }
            for (k, v) in a.iter().filter(|(k, _)| find(b, k).is_none()) {
                walk(&join(k), Some(v), None, out);
            }
        }
        (None, Some(CustomValue::Map(b))) if !b.is_empty() => {
            b.iter()
                .for_each(|(k, v)| walk(&join(k), None, Some(v), out));
        }
        (Some(CustomValue::Map(a)), None) if !a.is_empty() => {
            a.iter()
                .for_each(|(k, v)| walk(&join(k), Some(v), None, out));
        }
        _ => out.push(CustomChange {
            key: if key.is_empty() {
                "custom".into()
            } else {
                key.to_string()
            },
            from: old.map(show),
            to: new.map(show),
        }),
    }
}

fn find<'a>(list: &'a [(String, CustomValue)], key: &str) -> Option<&'a CustomValue> {
    list.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// A custom value as one line: scalars as written, lists `[a, b]`, mappings `{k: v}`.
pub(super) fn show(value: &CustomValue) -> String {
    match value {
        CustomValue::Scalar { text, .. } => text.clone(),
        CustomValue::List(items) => {
            format!(
                "[{}]",
                items.iter().map(show).collect::<Vec<_>>().join(", ")
            )
        }
        CustomValue::Map(entries) => {
            let inner: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{k}: {}", show(v)))
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(text: &str) -> CustomValue {
        CustomValue::Scalar {
            text: text.into(),
            typed: false,
        }
    }

    fn map(entries: &[(&str, CustomValue)]) -> CustomValue {
        CustomValue::Map(
            entries
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        )
    }

    fn entry(short: &str, full: &str) -> GlossaryEntry {
        GlossaryEntry {
            short: short.into(),
            full: full.into(),
        }
    }

    #[test]
    fn custom_values_key_by_key() {
        let old = map(&[
            (
                "funding",
                map(&[("source", scalar("LSCB")), ("amount", scalar("5000"))]),
            ),
            ("lead_officer", scalar("JC")),
        ]);
        let new = map(&[
            (
                "funding",
                map(&[("source", scalar("Council")), ("amount", scalar("5000"))]),
            ),
            ("tags", CustomValue::List(vec![scalar("a"), scalar("b")])),
        ]);
        let got: Vec<(String, Option<String>, Option<String>)> = custom(Some(&old), Some(&new))
            .into_iter()
            .map(|c| (c.key, c.from, c.to))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "funding.source".into(),
                    Some("LSCB".into()),
                    Some("Council".into())
                ),
                ("tags".into(), None, Some("[a, b]".into())),
                ("lead_officer".into(), Some("JC".into()), None),
            ]
        );
        assert!(custom(Some(&old), Some(&old.clone())).is_empty());
        assert_eq!(custom(None, Some(&new)).len(), 3);
    }

    #[test]
    fn glossary_added_renamed_changed_removed() {
        let old = vec![
            entry("QEG", "Quality & Effectiveness Group"),
            entry("SLDG", "Strategic Learning and Development Group"),
            entry("JC", "Jo Cox"),
        ];
        let new = vec![
            entry("QAEG", "Quality & Effectiveness Group"),
            entry("SLDG", "Learning and Development Group"),
            entry("HW", "Health and Wellbeing Board"),
        ];
        let got: Vec<(GlossaryChangeKind, &str, Option<&str>, Option<&str>)> = Vec::new();
        let changes = glossary(&old, &new);
        let mut got = got;
        for c in &changes {
            got.push((
                c.kind,
                c.short.as_str(),
                c.old_short.as_deref(),
                c.old_full.as_deref(),
            ));
        }
        use GlossaryChangeKind::*;
        assert_eq!(
            got,
            vec![
                (
                    Changed,
                    "SLDG",
                    None,
                    Some("Strategic Learning and Development Group")
                ),
                (Renamed, "QAEG", Some("QEG"), None),
                (Added, "HW", None, None),
                (Removed, "JC", None, None),
            ]
        );
    }
}
