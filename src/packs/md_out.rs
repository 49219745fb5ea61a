//! A pack as a Markdown document, for leads who reply by email rather than in a spreadsheet.

use super::{Pack, PackRow};

/// The pack as a readable document: what it is, how to reply, then each action with its
/// current values and blanks for the new ones.
pub fn to_markdown(pack: &Pack) -> String {
    let meta = &pack.meta;
    let mut out = format!("# Update pack: {}\n\n", pack.owner);
    out.push_str(&format!(
        "{}, plan {} ({}, SHA-256 {}), made {}.\n\n",
        meta.board, meta.period, meta.plan, meta.sha256, meta.made
    ));
    out.push_str(
        "Please reply by email. For each action you have news on, give the new progress, \
         a new rating (red, amber, green, or blue when complete) and, if it has moved, the new \
         due date. Leave an action out if nothing has changed.\n",
    );
    for row in &pack.rows {
        out.push('\n');
        out.push_str(&action_section(row));
    }
    out
}

fn action_section(row: &PackRow) -> String {
    let or_none = |text: &str, none: &str| {
        if text.trim().is_empty() {
            none.to_string()
        } else {
            text.to_string()
        }
    };
    let mut out = format!("## {}\n\n", row.reference);
    out.push_str(&format!("{}\n\n", row.action.trim_end()));
    out.push_str(&format!("- Theme: {}\n", row.theme));
    out.push_str(&format!("- Due: {}\n", or_none(&row.due, "not set")));
    out.push_str(&format!("- Rating: {}\n", or_none(&row.rag, "not rated")));
    out.push_str("- Progress so far:\n\n");
    for line in or_none(&row.progress, "(none yet)").lines() {
        out.push_str(&format!("  > {line}\n"));
    }
    out.push_str("\n**New progress:**\n\n**New rating:**\n\n**New due date:**\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packs::PackMeta;

    #[test]
    fn each_action_has_its_values_and_blanks_to_fill() {
        let pack = Pack {
            owner: "QEG".into(),
            file_stem: "QEG".into(),
            meta: PackMeta {
                board: "Board".into(),
                period: "2013-14".into(),
                plan: "plans/2013-14.yaml".into(),
                sha256: "00".into(),
                made: "2026-11-29".into(),
                owner: "QEG".into(),
            },
            rows: vec![PackRow {
                reference: "1.10".into(),
                theme: "Early help".into(),
                action: "Audit".into(),
                due: String::new(),
                progress: "Line one\nLine two".into(),
                rag: "amber".into(),
                check: "c1".into(),
            }],
        };
        let md = to_markdown(&pack);
        assert!(md.starts_with("# Update pack: QEG\n\nBoard, plan 2013-14 (plans/2013-14.yaml, SHA-256 00), made 2026-11-29.\n"));
        assert!(md.contains(
            "## 1.10\n\nAudit\n\n- Theme: Early help\n- Due: not set\n- Rating: amber\n"
        ));
        assert!(md.contains("  > Line one\n  > Line two\n"));
        assert!(md.ends_with("**New due date:**\n"));
    }
}
