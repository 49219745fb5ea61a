//! Settling a stopped merge of a plan file one conflict at a time (pure): the conflict blocks
//! git or the plan merge driver left in the file, what each one is about in words (the action,
//! the field, our value and theirs, from the field-level merge of the three versions), and the
//! file with a side chosen for each block.

use super::merge::{Conflict, Side, merge};
use crate::model::Plan;

/// One conflict block of a file: both sides' lines, and what they are about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The ref of the action or theme the block is in (the nearest `ref:` above it).
    pub reference: Option<String>,
    /// Our lines, as in the file.
    pub ours: String,
    /// Their lines, as in the file.
    pub theirs: String,
    /// The field-level conflicts in the block, in words, when the three versions are plans.
    pub fields: Vec<Conflict>,
}

impl Block {
    /// What the block is about, in words, three lines per field: `action 3.2: rag`, then
    /// `yours:  "green"` and `theirs: "red"`; the changed lines themselves when the fields are
    /// not known.
    pub fn describe(&self) -> Vec<String> {
        let sides =
            |ours: String, theirs: String| [format!("yours:  {ours}"), format!("theirs: {theirs}")];
        if self.fields.is_empty() {
            let place = match &self.reference {
                Some(reference) => format!("near {reference}: these lines"),
                None => "the plan: these lines".to_string(),
            };
            let [ours, theirs] = sides(shown_lines(&self.ours), shown_lines(&self.theirs));
            return vec![place, ours, theirs];
        }
        let mut lines = Vec::new();
        for c in &self.fields {
            let whose = match (&c.action, &c.theme) {
                (Some(action), _) => format!("action {action}"),
                (None, Some(theme)) => format!("theme {theme}"),
                (None, None) => "the plan".to_string(),
            };
            lines.push(format!("{whose}: {}", c.field));
            lines.extend(sides(shown(&c.ours), shown(&c.theirs)));
        }
        lines
    }
}

/// A value on one line, quoted, cut at 300 characters.
fn shown(value: &str) -> String {
    let line = value.lines().collect::<Vec<_>>().join(" / ");
    format!("\"{}\"", crate::text::clip(line.trim(), 300))
}

/// Lines of YAML on one line: trimmed, joined by ` / `, quoted.
fn shown_lines(lines: &str) -> String {
    let joined: Vec<&str> = lines
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if joined.is_empty() {
        return "(nothing)".into();
    }
    shown(&joined.join(" / "))
}

/// Where a line is, while reading a file with conflict markers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Outside,
    Ours,
    Base,
    Theirs,
}

/// A marker line: at least seven of `c`, then a space or the line's end.
fn is_marker(line: &str, c: char) -> bool {
    let body = line.trim_end_matches(['\n', '\r']);
    let run = body.chars().take_while(|&x| x == c).count();
    run >= 7 && body[run..].chars().next().is_none_or(|x| x == ' ')
}

fn marker(line: &str) -> Option<Part> {
    [
        ('<', Part::Ours),
        ('|', Part::Base),
        ('=', Part::Theirs),
        ('>', Part::Outside),
    ]
    .into_iter()
    .find(|(c, _)| is_marker(line, *c))
    .map(|(_, part)| part)
}

/// The file cut into pieces: text outside conflicts, and blocks (ours, theirs); `None` when
/// its markers do not pair up.
fn pieces(text: &str) -> Option<Vec<Result<String, (String, String)>>> {
    let mut out = Vec::new();
    let mut part = Part::Outside;
    let (mut plain, mut ours, mut theirs) = (String::new(), String::new(), String::new());
    for line in text.split_inclusive('\n') {
        match (part, marker(line)) {
            (Part::Outside, Some(Part::Ours)) => {
                out.push(Ok(std::mem::take(&mut plain)));
                part = Part::Ours;
            }
            (Part::Ours, Some(Part::Base)) => part = Part::Base,
            (Part::Ours | Part::Base, Some(Part::Theirs)) => part = Part::Theirs,
            (Part::Theirs, Some(Part::Outside)) => {
                out.push(Err((
                    std::mem::take(&mut ours),
                    std::mem::take(&mut theirs),
                )));
                part = Part::Outside;
            }
            (_, Some(_)) => return None,
            (Part::Outside, None) => plain.push_str(line),
            (Part::Ours, None) => ours.push_str(line),
            (Part::Base, None) => {}
            (Part::Theirs, None) => theirs.push_str(line),
        }
    }
    if part != Part::Outside {
        return None;
    }
    out.push(Ok(plain));
    Some(out)
}

/// The ref on a `ref:` line (`- ref: '3.2'`), if it is one.
fn ref_on(line: &str) -> Option<String> {
    let trimmed = line.trim_start().trim_start_matches("- ");
    let value = trimmed.strip_prefix("ref:")?;
    Some(value.trim().trim_matches(['\'', '"']).to_string())
}

/// The conflict blocks of a file, each with the nearest ref above it; `None` when the file
/// has no conflict markers or they do not pair up. `three` (base, ours, theirs), when all are
/// plans, names the fields in conflict.
pub fn blocks(text: &str, three: Option<[&Plan; 3]>) -> Option<Vec<Block>> {
    let conflicts = three.map_or_else(Vec::new, |[base, ours, theirs]| {
        merge(base, ours, theirs).conflicts
    });
    let mut last_ref = None;
    let mut found = Vec::new();
    for piece in pieces(text)? {
        match piece {
            Ok(plain) => {
                if let Some(r) = plain.lines().rev().find_map(ref_on) {
                    last_ref = Some(r);
                }
            }
            Err((ours, theirs)) => {
                let fields = conflicts
                    .iter()
                    .filter(|c| c.action.as_ref().or(c.theme.as_ref()) == last_ref.as_ref())
                    .cloned()
                    .collect();
                found.push(Block {
                    reference: last_ref.clone(),
                    ours,
                    theirs,
                    fields,
                });
            }
        }
    }
    (!found.is_empty()).then_some(found)
}

/// The file with each block replaced by the side chosen for it; `None` when the markers do
/// not pair up or there is not one choice per block.
pub fn resolve(text: &str, choices: &[Side]) -> Option<String> {
    let pieces = pieces(text)?;
    let count = pieces.iter().filter(|p| p.is_err()).count();
    if count != choices.len() {
        return None;
    }
    let mut choices = choices.iter();
    let mut out = String::with_capacity(text.len());
    for piece in pieces {
        match piece {
            Ok(plain) => out.push_str(&plain),
            Err((ours, theirs)) => match choices.next()? {
                Side::Ours => out.push_str(&ours),
                Side::Theirs => out.push_str(&theirs),
            },
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MARKED: &str = "\
board: B
themes:
- ref: '1'
  actions:
  - ref: '1.1'
<<<<<<< plans/p.yaml (ours)
    progress: Mine
=======
    progress: Theirs
>>>>>>> plans/p.yaml (theirs)
  - ref: '1.2'
    action: x
<<<<<<< ours
    rag: green
||||||| base
    rag: amber
=======
    rag: red
>>>>>>> theirs
";

    #[test]
    fn blocks_are_found_with_the_ref_above_them() {
        let found = blocks(MARKED, None).expect("blocks");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].reference.as_deref(), Some("1.1"));
        assert_eq!(found[0].ours, "    progress: Mine\n");
        assert_eq!(found[1].reference.as_deref(), Some("1.2"));
        assert_eq!(found[1].theirs, "    rag: red\n");
        assert_eq!(
            found[1].describe(),
            [
                "near 1.2: these lines",
                "yours:  \"rag: green\"",
                "theirs: \"rag: red\""
            ]
        );
    }

    #[test]
    fn each_block_takes_the_side_chosen_for_it() {
        let resolved = resolve(MARKED, &[Side::Theirs, Side::Ours]).expect("resolved");
        assert!(resolved.contains("    progress: Theirs\n  - ref: '1.2'"));
        assert!(resolved.contains("    action: x\n    rag: green\n"));
        assert!(!resolved.contains("<<<<<<<") && !resolved.contains("amber"));
        assert_eq!(resolve(MARKED, &[Side::Ours]), None, "one choice per block");
    }

    #[test]
    fn unpaired_markers_are_refused() {
        let broken = MARKED.replace(">>>>>>> theirs\n", "");
        assert_eq!(blocks(&broken, None), None);
        assert_eq!(resolve(&broken, &[Side::Ours, Side::Ours]), None);
        assert_eq!(blocks("board: B\n", None), None, "no conflict");
    }

    #[test]
    fn the_fields_in_conflict_are_named_from_the_three_versions() {
        let plan = |rag: &str| {
            let text = format!(
                "board: B\nperiod: 2013-14\ntitle: T\nthemes:\n- ref: '1'\n  title: Help\n  actions:\n  - ref: '1.2'\n    action: x\n    rag: {rag}\n"
            );
            crate::store::load(text.as_bytes()).expect("plan").plan
        };
        let (base, ours, theirs) = (plan("amber"), plan("green"), plan("red"));
        let found = blocks(MARKED, Some([&base, &ours, &theirs])).expect("blocks");
        assert!(
            found[0].fields.is_empty(),
            "no conflict of 1.1 in these plans"
        );
        assert_eq!(
            found[1].describe(),
            ["action 1.2: rag", "yours:  \"green\"", "theirs: \"red\""]
        );
    }
}
