//! Packs from a plan: the owners to write for, each owner's actions as rows, and what the
//! packs were made from.

use super::PackMeta;
use crate::model::{Action, Plan};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt;

/// One owner's update pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pack {
    /// The owner, as the plan names them (the glossary's short name when it has one).
    pub owner: String,
    /// A file name for the pack without extension, safe on every file system and unique
    /// (ignoring case) among the packs built together.
    pub file_stem: String,
    /// What the pack was made from.
    pub meta: PackMeta,
    /// The owner's actions, in plan order.
    pub rows: Vec<PackRow>,
}

/// One action in a pack, as the lead sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackRow {
    /// The action's ref.
    pub reference: String,
    /// The theme's title.
    pub theme: String,
    /// The action's text.
    pub action: String,
    /// The timescale, canonical spelling, empty when none.
    pub due: String,
    /// The progress commentary, empty when none.
    pub progress: String,
    /// The rating, lower-case, empty when not rated.
    pub rag: String,
    /// The action's fingerprint, [`row_check`].
    pub check: String,
}

/// An `--owner` that names nobody with an action in the plan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} in this plan; owners: {}", self.what(), valid.join(", "))]
pub struct UnknownOwner {
    /// The name asked for.
    pub name: String,
    /// True when the name is in the glossary (it owns no action).
    pub in_glossary: bool,
    /// The owners with actions.
    pub valid: Vec<String>,
}

impl UnknownOwner {
    fn what(&self) -> String {
        if self.in_glossary {
            format!(
                "'{}' is in the owners glossary but owns no action",
                self.name
            )
        } else {
            format!("no owner '{}'", self.name)
        }
    }
}

/// The first 16 hex digits of the SHA-256 of `bytes`: which version of a plan file a pack was
/// made from.
pub fn content_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))[..16].to_string()
}

/// A fingerprint of the action's ref, text, progress, rating and due: it changes when any of
/// them changes, so a returned row can be checked against the action as it is now even when
/// a spreadsheet has re-spelled the dates or numbers shown beside it.
pub fn row_check(action: &Action) -> String {
    let mut hasher = Sha256::new();
    let rag = action.rag.map(|r| r.as_str()).unwrap_or("");
    let due = action
        .due
        .as_ref()
        .map(|d| d.to_string())
        .unwrap_or_default();
    for part in [
        action.reference.as_str(),
        action.action.as_str(),
        action.progress.as_deref().unwrap_or(""),
        rag,
        due.as_str(),
    ] {
        hasher.update(part.as_bytes());
        hasher.update([0u8]);
    }
    format!("c{}", &hex(&hasher.finalize())[..10])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The packs for `wanted` owners (every owner with an action when empty), made from `plan`
/// read from `bytes` at `plan_label` on the day `made`. An owner is matched by the name in
/// the actions or by the glossary's short or full name, ignoring case; an action with several
/// owners is in each one's pack.
pub fn build_packs(
    plan: &Plan,
    plan_label: &str,
    bytes: &[u8],
    made: &str,
    wanted: &[String],
) -> Result<Vec<Pack>, UnknownOwner> {
    let groups = owner_groups(plan);
    let keys: Vec<String> = if wanted.is_empty() {
        groups.keys().cloned().collect()
    } else {
        let mut keys = Vec::new();
        for name in wanted {
            let key = group_key(plan, name);
            if !groups.contains_key(&key) {
                let folded = name.trim().to_lowercase();
                return Err(UnknownOwner {
                    name: name.clone(),
                    in_glossary: plan.owners.iter().any(|e| {
                        e.short.to_lowercase() == folded || e.full.trim().to_lowercase() == folded
                    }),
                    valid: groups.values().map(|(owner, _)| owner.clone()).collect(),
                });
            }
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys
    };
    let hash = content_hash(bytes);
    let mut stems: Vec<String> = Vec::new();
    let mut packs = Vec::new();
    for key in keys {
        let Some((owner, rows)) = groups.get(&key) else {
            continue;
        };
        let stem = unique_stem(&file_stem(owner), &stems);
        stems.push(stem.clone());
        let meta = PackMeta {
            plan: plan_label.to_string(),
            board: plan.board.clone(),
            period: plan.period.clone(),
            owner: owner.clone(),
            sha256: hash.clone(),
            made: made.to_string(),
        };
        packs.push(Pack {
            owner: owner.clone(),
            file_stem: stem,
            meta,
            rows: rows.clone(),
        });
    }
    Ok(packs)
}

/// Owner key (folded name) -> (owner as shown, their rows in plan order).
fn owner_groups(plan: &Plan) -> BTreeMap<String, (String, Vec<PackRow>)> {
    let mut groups: BTreeMap<String, (String, Vec<PackRow>)> = BTreeMap::new();
    for theme in &plan.themes {
        for action in &theme.actions {
            let row = row_of(&theme.title, action);
            let mut seen: Vec<String> = Vec::new();
            for owner in &action.owners {
                let key = group_key(plan, owner);
                if seen.contains(&key) || key.is_empty() {
                    continue;
                }
                seen.push(key.clone());
                let entry = groups
                    .entry(key)
                    .or_insert_with(|| (shown_name(plan, owner), Vec::new()));
                entry.1.push(row.clone());
            }
        }
    }
    groups
}

fn row_of(theme: &str, action: &Action) -> PackRow {
    PackRow {
        reference: action.reference.clone(),
        theme: theme.to_string(),
        action: action.action.clone(),
        due: action
            .due
            .as_ref()
            .map(|d| d.to_string())
            .unwrap_or_default(),
        progress: action.progress.clone().unwrap_or_default(),
        rag: action
            .rag
            .map(|r| r.as_str().to_string())
            .unwrap_or_default(),
        check: row_check(action),
    }
}

/// The owner's name as shown: the glossary's short name when the name is one of its entries.
fn shown_name(plan: &Plan, name: &str) -> String {
    let name = name.trim();
    plan.owners
        .iter()
        .find(|e| e.short.eq_ignore_ascii_case(name) || e.full.trim().eq_ignore_ascii_case(name))
        .map_or_else(|| name.to_string(), |e| e.short.clone())
}

/// What owner names are grouped by: the shown name, lower-cased, so "PSCB Business Unit" and
/// "PSCB Business unit" get one pack.
fn group_key(plan: &Plan, name: &str) -> String {
    shown_name(plan, name).to_lowercase()
}

/// A file name for an owner: letters, digits, `-`, `_` and `.` kept, runs of anything else
/// (spaces, `/`, `&`) become one `_`; no leading dot.
fn file_stem(owner: &str) -> String {
    let mut stem = String::new();
    for c in owner.chars() {
        if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
            stem.push(c);
        } else if !stem.ends_with('_') {
            stem.push('_');
        }
    }
    let stem = stem.trim_matches(|c| c == '_' || c == '.').to_string();
    if stem.is_empty() {
        "owner".to_string()
    } else {
        stem
    }
}

/// `stem`, or `stem-2`, `stem-3`... when another pack already has that name in any case.
fn unique_stem(stem: &str, taken: &[String]) -> String {
    let free = |s: &str| !taken.iter().any(|t| t.eq_ignore_ascii_case(s));
    if free(stem) {
        return stem.to_string();
    }
    (2..)
        .map(|n| format!("{stem}-{n}"))
        .find(|s| free(s))
        .unwrap_or_else(|| stem.to_string())
}

impl fmt::Display for Pack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.rows.len();
        write!(
            f,
            "{} ({n} action{})",
            self.owner,
            if n == 1 { "" } else { "s" }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{GlossaryEntry, Rag, Theme};

    fn plan() -> Plan {
        let action = |r: &str, owners: &[&str]| Action {
            reference: r.into(),
            action: format!("Action {r}"),
            owners: owners.iter().map(|o| o.to_string()).collect(),
            rag: Some(Rag::Amber),
            ..Action::default()
        };
        Plan {
            board: "Board".into(),
            period: "2013-14".into(),
            owners: vec![GlossaryEntry {
                short: "QEG".into(),
                full: "Quality & Effectiveness Group".into(),
            }],
            themes: vec![Theme {
                reference: "1".into(),
                title: "Early help".into(),
                actions: vec![
                    action("1.1", &["QEG", "Business Unit"]),
                    action("1.2", &["Quality & Effectiveness Group"]),
                    action("1.10", &["Business unit", "A/B & C"]),
                ],
                ..Theme::default()
            }],
            ..Plan::default()
        }
    }

    fn refs(pack: &Pack) -> Vec<&str> {
        pack.rows.iter().map(|r| r.reference.as_str()).collect()
    }

    #[test]
    fn one_pack_per_owner_with_shared_actions_in_each() {
        let packs = build_packs(&plan(), "p.yaml", b"x", "2026-11-29", &[]).expect("builds");
        let owners: Vec<&str> = packs.iter().map(|p| p.owner.as_str()).collect();
        assert_eq!(owners, ["A/B & C", "Business Unit", "QEG"]);
        assert_eq!(refs(&packs[1]), ["1.1", "1.10"]);
        assert_eq!(
            refs(&packs[2]),
            ["1.1", "1.2"],
            "full name joins the short one"
        );
        assert_eq!(packs[0].file_stem, "A_B_C");
        assert_eq!(packs[1].file_stem, "Business_Unit");
        assert_eq!(packs[2].meta.sha256, content_hash(b"x"));
        assert_eq!(packs[2].meta.owner, "QEG");
    }

    #[test]
    fn owners_are_asked_for_by_short_or_full_name_in_any_case() {
        let wanted = vec!["quality & effectiveness group".to_string()];
        let packs = build_packs(&plan(), "p.yaml", b"", "d", &wanted).expect("builds");
        assert_eq!(packs.len(), 1);
        assert_eq!(packs[0].owner, "QEG");
        let error = build_packs(&plan(), "p.yaml", b"", "d", &["QE".to_string()])
            .expect_err("unknown owner");
        assert_eq!(
            error.to_string(),
            "no owner 'QE' in this plan; owners: A/B & C, Business Unit, QEG"
        );
        let mut idle = plan();
        idle.owners.push(GlossaryEntry {
            short: "CDOP".into(),
            full: "Child Death Overview Panel".into(),
        });
        let error = build_packs(&idle, "p.yaml", b"", "d", &["cdop".to_string()])
            .expect_err("owns nothing");
        assert_eq!(
            error.to_string(),
            "'cdop' is in the owners glossary but owns no action in this plan; owners: A/B & C, Business Unit, QEG"
        );
    }

    #[test]
    fn file_names_are_safe_and_unique_ignoring_case() {
        assert_eq!(file_stem("../etc/passwd"), "etc_passwd");
        assert_eq!(file_stem("  "), "owner");
        assert_eq!(file_stem("Chair (Independent)"), "Chair_Independent");
        let taken = vec!["QEG".to_string(), "qeg-2".to_string()];
        assert_eq!(unique_stem("qeg", &taken), "qeg-3");
    }

    #[test]
    fn the_fingerprint_follows_every_checked_field() {
        let base = plan().themes[0].actions[0].clone();
        let check = row_check(&base);
        assert!(check.starts_with('c') && check.len() == 11);
        let mut changed = base.clone();
        changed.progress = Some("new".into());
        assert_ne!(row_check(&changed), check);
        let mut changed = base.clone();
        changed.reference = "1.10".into();
        assert_ne!(row_check(&changed), check);
        let mut changed = base;
        changed.owners.clear();
        assert_eq!(row_check(&changed), check, "owners are not part of it");
    }
}
