//! Randomized three-way merges of plan files, through the merge driver's own code path
//! (`review::merge::file::merge_files`, with `git merge-file` as its fallback), and a few dozen
//! through real `git merge` with the driver installed by `git-setup`.
//!
//! Each seeded scenario builds a base plan, then edits it on both sides as officers would (field
//! edits, additions, deletions, renumbered themes, reordered and moved actions, title edits)
//! and saves each side as a minimal edit of the base file. An oracle that follows every action
//! by a token at the start of its text (never by ref) says what the merge must hold. Asserted:
//! a clean merge is a valid plan that holds every change of both sides; a conflict holds
//! conflict markers, and taking every ours (or theirs) half gives a valid plan with every
//! change of that side.

mod common;

use boardplan::model::{Action, Due, Plan, Rag, Theme};
use boardplan::review::git::merge_file;
use boardplan::review::merge::file::{FileMerge, Labels, LineMerged, halves, merge_files};
use boardplan::store::{canonical, load};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The plan file's name in the repository (and in conflict markers).
const FILE: &str = "plans/2013-14.yaml";

/// SplitMix64: a small deterministic generator, so every seed is the same scenario forever.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const WORDS: [&str; 12] = [
    "audit",
    "review",
    "train",
    "publish",
    "monitor",
    "agree",
    "report",
    "consult",
    "embed",
    "dataset",
    "threshold",
    "partners",
];
const OWNERS: [&str; 4] = ["QEG", "SLDG", "LA", "Health"];

/// The token that names an action for the oracle: the first word of its text.
fn token(action: &Action) -> String {
    action.action.split(' ').next().unwrap_or("").to_string()
}

fn words(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| WORDS[rng.below(WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

fn new_action(rng: &mut Rng, id: usize, reference: String) -> Action {
    let mut action = Action {
        reference,
        action: format!("a{id} {}", words(rng, 4)),
        ..Action::default()
    };
    for field in 1..FIELDS.len() {
        if rng.chance(60) {
            set_field(rng, &mut action, field, "base");
        }
    }
    action
}

fn base_plan(rng: &mut Rng) -> Plan {
    let mut id = 0;
    let themes = (1..=2 + rng.below(3))
        .map(|t| Theme {
            reference: t.to_string(),
            title: format!("Theme {t}: {}", words(rng, 3)),
            actions: (1..=2 + rng.below(4))
                .map(|n| {
                    id += 1;
                    new_action(rng, id, format!("{t}.{n}"))
                })
                .collect(),
            ..Theme::default()
        })
        .collect();
    Plan {
        board: "Test Safeguarding Children Board".into(),
        period: "2013-14".into(),
        title: "Business Plan 2013-2014".into(),
        themes,
        ..Plan::default()
    }
}

/// The fields an edit may change, by index; 0 is the action's text (its token is kept).
const FIELDS: [&str; 6] = ["action", "outcome", "owners", "due", "progress", "rag"];

fn set_field(rng: &mut Rng, action: &mut Action, field: usize, side: &str) {
    let n = rng.below(1000);
    match field {
        0 => {
            // An officer rewords an action: one or two of its words change, the token stays.
            let mut text: Vec<String> = action.action.split(' ').map(String::from).collect();
            for _ in 0..1 + rng.below(2) {
                let at = 1 + rng.below(text.len().saturating_sub(1).max(1));
                if let Some(word) = text.get_mut(at) {
                    *word = format!("{side}{}", rng.below(100));
                }
            }
            action.action = text.join(" ");
        }
        1 => action.outcome = rng.chance(80).then(|| format!("{side} outcome {n}")),
        2 => {
            action.owners = OWNERS
                .iter()
                .filter(|_| rng.chance(40))
                .map(|o| o.to_string())
                .collect();
        }
        3 => {
            action.due = match rng.below(4) {
                0 => None,
                1 => Some(Due::Ongoing),
                _ => Due::parse(&format!("2014-{:02}-{:02}", 1 + n % 12, 1 + n % 28)).ok(),
            };
        }
        4 => {
            action.progress = match rng.below(4) {
                0 => None,
                1 => Some(format!(
                    "{side} progress {n}\nsecond line {}",
                    words(rng, 2)
                )),
                _ => Some(format!("{side} progress {n}: {}", words(rng, 3))),
            };
        }
        _ => {
            action.rag = [
                None,
                Some(Rag::Red),
                Some(Rag::Amber),
                Some(Rag::Green),
                Some(Rag::Blue),
            ][rng.below(5)];
        }
    }
}

/// The next ref in a theme: one past its highest last number.
fn next_ref(theme: &Theme) -> String {
    let top = theme
        .actions
        .iter()
        .filter_map(|a| a.reference.rsplit('.').next()?.parse::<usize>().ok())
        .max()
        .unwrap_or(0);
    format!("{}.{}", theme.reference, top + 1)
}

/// One side's edits: one to four operations an officer might make.
fn edit(rng: &mut Rng, plan: &mut Plan, side: &str, next_id: &mut usize) {
    for _ in 0..1 + rng.below(4) {
        let t = rng.below(plan.themes.len());
        let len = plan.themes[t].actions.len();
        match rng.below(20) {
            0..=7 if len > 0 => {
                let field = rng.below(FIELDS.len());
                let at = rng.below(len);
                set_field(rng, &mut plan.themes[t].actions[at], field, side);
            }
            8..=10 => {
                *next_id += 1;
                let reference = next_ref(&plan.themes[t]);
                let action = new_action(rng, *next_id, reference);
                let at = rng.below(len + 1);
                plan.themes[t].actions.insert(at, action);
            }
            11 | 12 if len > 1 => {
                plan.themes[t].actions.remove(rng.below(len));
            }
            13 | 14 => {
                let theme = &mut plan.themes[t];
                let stem = theme.reference.clone();
                for (i, action) in theme.actions.iter_mut().enumerate() {
                    action.reference = format!("{stem}.{}", i + 1);
                }
            }
            15 | 16 if len > 1 => {
                let i = rng.below(len - 1);
                plan.themes[t].actions.swap(i, i + 1);
            }
            17 | 18 if len > 1 => {
                let to = (t + 1 + rng.below(plan.themes.len() - 1)) % plan.themes.len();
                let mut action = plan.themes[t].actions.remove(rng.below(len));
                if to != t {
                    action.reference = next_ref(&plan.themes[to]);
                }
                plan.themes[to].actions.push(action);
            }
            _ if rng.chance(50) => plan.title = format!("Business Plan ({side} {})", rng.below(9)),
            _ => plan.themes[t].title = format!("Theme {side} {}", words(rng, 2)),
        }
    }
}

/// One scenario: base, ours and theirs as file bytes (each side a minimal edit of base).
struct Scenario {
    base: Vec<u8>,
    ours: Vec<u8>,
    theirs: Vec<u8>,
}

fn scenario(seed: u64) -> Scenario {
    let mut rng = Rng(seed);
    let base = canonical(&base_plan(&mut rng)).into_bytes();
    let loaded = load(&base).expect("the generated base loads");
    let side = |rng: &mut Rng, name: &str, first_id: usize| {
        let mut plan = loaded.plan.clone();
        let mut next_id = first_id;
        edit(rng, &mut plan, name, &mut next_id);
        let bytes = loaded.document.render(&plan).expect("renders").bytes;
        load(&bytes).unwrap_or_else(|e| panic!("seed {seed}: {name} does not load: {e:?}"));
        bytes
    };
    let ours = side(&mut rng, "ours", 1000);
    let theirs = side(&mut rng, "theirs", 2000);
    Scenario { base, ours, theirs }
}

/// The driver's merge of a scenario, in process: `git merge-file` on temporary copies as the
/// fallback, as the driver runs it.
fn merge(s: &Scenario) -> FileMerge {
    let labels = Labels::for_file(FILE);
    let base_label = format!("{FILE} (base)");
    let line_merge = || {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let write = |name: &str, bytes: &[u8]| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).map(|()| path)
        };
        let paths = [
            write("base", &s.base).map_err(|e| e.to_string())?,
            write("ours", &s.ours).map_err(|e| e.to_string())?,
            write("theirs", &s.theirs).map_err(|e| e.to_string())?,
        ];
        let refs = [paths[0].as_path(), paths[1].as_path(), paths[2].as_path()];
        merge_file(refs, [&labels.ours, &base_label, &labels.theirs], 7).map_err(|e| e.to_string())
    };
    let line_merge: &dyn Fn() -> Result<LineMerged, String> = &line_merge;
    merge_files(&s.base, &s.ours, &s.theirs, &labels, line_merge)
}

/// What the oracle knows of one action in one version: its theme's ref and the action.
type Placed = (String, Action);

fn actions(plan: &Plan) -> BTreeMap<String, Placed> {
    plan.themes
        .iter()
        .flat_map(|t| {
            t.actions
                .iter()
                .map(|a| (token(a), (t.reference.clone(), a.clone())))
        })
        .collect()
}

/// The attributes of an action the oracle compares: ref, theme, then each field.
fn attributes((theme, action): &Placed) -> Vec<String> {
    let fields = [
        format!("{:?}", action.action),
        format!("{:?}", action.outcome),
        format!("{:?}", action.owners),
        format!("{:?}", action.due),
        format!("{:?}", action.progress),
        format!("{:?}", action.rag),
    ];
    let mut all = vec![action.reference.clone(), theme.clone()];
    all.extend(fields);
    all
}

/// Everything one side changed against base, by token: `None` for a deletion, else the
/// attributes (by index) it set, with a flag for a new action (whose ref a merge may change).
struct Changes(BTreeMap<String, Option<Change>>);

/// A change to one action: whether it is new, and the attributes (by index) it set.
type Change = (bool, BTreeMap<usize, String>);

fn changes(base: &Plan, side: &Plan) -> Changes {
    let (base, side) = (actions(base), actions(side));
    let mut changed = BTreeMap::new();
    for (token, b) in &base {
        match side.get(token) {
            None => {
                changed.insert(token.clone(), None);
            }
            Some(s) => {
                let (b, s) = (attributes(b), attributes(s));
                let diff: BTreeMap<usize, String> = (0..b.len())
                    .filter(|&i| b[i] != s[i])
                    .map(|i| (i, s[i].clone()))
                    .collect();
                if !diff.is_empty() {
                    changed.insert(token.clone(), Some((false, diff)));
                }
            }
        }
    }
    for (token, s) in &side {
        if !base.contains_key(token) {
            let all = attributes(s).into_iter().enumerate().collect();
            changed.insert(token.clone(), Some((true, all)));
        }
    }
    Changes(changed)
}

/// The refs the merge says it gave new actions: `'1.6' is now '1.7'`, from its messages.
fn renumbered(messages: &[String]) -> BTreeSet<(String, String)> {
    messages
        .iter()
        .filter_map(|m| {
            let quoted: Vec<&str> = m.split('\'').collect();
            let at = quoted.iter().position(|q| *q == " is now ")?;
            Some((
                quoted.get(at - 1)?.to_string(),
                quoted.get(at + 1)?.to_string(),
            ))
        })
        .collect()
}

/// Does `result` hold every change in `changes`? The first one it lacks, if any. A ref the
/// merge reported giving another (`renamed`) counts as held.
fn lacks(result: &Plan, changes: &Changes, renamed: &BTreeSet<(String, String)>) -> Option<String> {
    let result = actions(result);
    for (token, change) in &changes.0 {
        match (change, result.get(token)) {
            (None, Some(_)) => return Some(format!("{token} deleted, but still there")),
            (None, None) => {}
            (Some(_), None) => return Some(format!("{token} changed or added, but missing")),
            (Some((new, set)), Some(found)) => {
                let found = attributes(found);
                for (&i, value) in set {
                    if i == 0 && *new {
                        continue;
                    }
                    let moved_on = i == 0 && renamed.contains(&(value.clone(), found[0].clone()));
                    if found[i] != *value && !moved_on {
                        return Some(format!(
                            "{token}: attribute {i} is {} not {value}",
                            found[i]
                        ));
                    }
                }
            }
        }
    }
    None
}

/// Whether the oracle says this merge must conflict, and why.
fn must_conflict(base: &Plan, ours: &Plan, theirs: &Plan) -> Option<String> {
    let (o, t) = (changes(base, ours), changes(base, theirs));
    for (token, ours_change) in &o.0 {
        let Some(theirs_change) = t.0.get(token) else {
            continue;
        };
        match (ours_change, theirs_change) {
            (None, None) => {}
            (None, Some(_)) | (Some(_), None) => {
                return Some(format!("{token} deleted and changed"));
            }
            (Some((_, a)), Some((_, b))) => {
                if let Some(i) = a.keys().find(|i| b.get(i).is_some_and(|v| *v != a[i])) {
                    return Some(format!("{token}: attribute {i} changed both ways"));
                }
            }
        }
    }
    if ours.title != base.title && theirs.title != base.title && ours.title != theirs.title {
        return Some("plan title".into());
    }
    for ((b, o), t) in base.themes.iter().zip(&ours.themes).zip(&theirs.themes) {
        if o.title != b.title && t.title != b.title && o.title != t.title {
            return Some(format!("theme {} title", b.reference));
        }
    }
    if let Some(why) = order_conflict(base, ours, theirs) {
        return Some(why);
    }
    duplicate_refs(base, &o, &t)
}

/// Each theme's shared actions (in all three versions, in that theme) in one version's order.
fn shared_order(plan: &Plan, theme: &str, shared: &BTreeSet<String>) -> Vec<String> {
    plan.themes
        .iter()
        .filter(|t| t.reference == theme)
        .flat_map(|t| t.actions.iter().map(token))
        .filter(|k| shared.contains(k))
        .collect()
}

fn shared_in(base: &Plan, sides: [&Plan; 2], theme: &str) -> BTreeSet<String> {
    let all = [actions(base), actions(sides[0]), actions(sides[1])];
    all[0]
        .iter()
        .filter(|(k, (t, _))| {
            t == theme
                && all[1..]
                    .iter()
                    .all(|m| m.get(*k).is_some_and(|(u, _)| u == theme))
        })
        .map(|(k, _)| k.clone())
        .collect()
}

fn order_conflict(base: &Plan, ours: &Plan, theirs: &Plan) -> Option<String> {
    for theme in &base.themes {
        let shared = shared_in(base, [ours, theirs], &theme.reference);
        let [b, o, t] = [base, ours, theirs].map(|p| shared_order(p, &theme.reference, &shared));
        if o != b && t != b && o != t {
            return Some(format!("theme {} reordered both ways", theme.reference));
        }
    }
    None
}

/// Two actions both sides started from, given one ref by the two sides' changes.
fn duplicate_refs(base: &Plan, o: &Changes, t: &Changes) -> Option<String> {
    let mut refs = BTreeMap::new();
    for (token, (_, action)) in actions(base) {
        let ref_in = |c: &Changes| match c.0.get(&token) {
            Some(None) => Some(None),
            Some(Some((_, set))) => set.get(&0).map(|r| Some(r.clone())),
            None => None,
        };
        let reference = match (ref_in(o), ref_in(t)) {
            (Some(None), _) | (_, Some(None)) => continue,
            (Some(Some(r)), _) | (None, Some(Some(r))) => r,
            (None, None) => action.reference.clone(),
        };
        if let Some(other) = refs.insert(reference.clone(), token.clone()) {
            return Some(format!("{other} and {token} both get ref {reference}"));
        }
    }
    None
}

/// Keeps one side of every conflict block.
fn resolve(text: &str, keep_ours: bool) -> String {
    let [ours, theirs] = halves(text.as_bytes(), 7);
    String::from_utf8_lossy(if keep_ours { &ours } else { &theirs }).into_owned()
}

/// The order the merged plan must give each theme's shared actions: the side that reordered.
fn order_problem(base: &Plan, ours: &Plan, theirs: &Plan, merged: &Plan) -> Option<String> {
    for theme in &base.themes {
        let shared = shared_in(base, [ours, theirs], &theme.reference);
        let [b, o, t, m] =
            [base, ours, theirs, merged].map(|p| shared_order(p, &theme.reference, &shared));
        let expected = if o != b { o } else { t };
        if m != expected {
            return Some(format!(
                "theme {}: order {m:?}, expected {expected:?}",
                theme.reference
            ));
        }
    }
    None
}

fn plan_of(bytes: &[u8]) -> Plan {
    load(bytes).expect("a side loads").plan
}

/// Checks one scenario; returns whether the merge was clean.
fn check(seed: u64, s: &Scenario, merged: &FileMerge) -> bool {
    let (base, ours, theirs) = (plan_of(&s.base), plan_of(&s.ours), plan_of(&s.theirs));
    let text = String::from_utf8_lossy(&merged.bytes).into_owned();
    let (o, t) = (changes(&base, &ours), changes(&base, &theirs));
    if merged.clean {
        let result = load(&merged.bytes)
            .unwrap_or_else(|e| panic!("seed {seed}: a clean merge is not valid: {e:?}\n{text}"))
            .plan;
        let renamed = renumbered(&merged.messages);
        if let Some(why) = must_conflict(&base, &ours, &theirs) {
            // Two actions given one ref: the merge may instead renumber one, and say so.
            if !why.contains("both get ref") || renamed.is_empty() {
                panic!("seed {seed}: clean, but {why}: a change was lost\n{text}");
            }
        }
        for (side, changes) in [("ours", &o), ("theirs", &t)] {
            if let Some(lost) = lacks(&result, changes, &renamed) {
                panic!("seed {seed}: the clean merge lost {side}' change: {lost}\n{text}");
            }
        }
        if let Some(why) = order_problem(&base, &ours, &theirs, &result) {
            panic!("seed {seed}: {why}\n{text}");
        }
        return true;
    }
    assert!(
        text.lines().any(|l| l.starts_with("<<<<<<< ")),
        "seed {seed}: a conflict without markers\n{text}"
    );
    for (side, keep_ours, changes) in [("ours", true, &o), ("theirs", false, &t)] {
        let half = resolve(&text, keep_ours);
        let plan = load(half.as_bytes())
            .unwrap_or_else(|e| panic!("seed {seed}: {side}' halves do not load: {e:?}\n{text}"))
            .plan;
        if let Some(lost) = lacks(&plan, changes, &renumbered(&merged.messages)) {
            panic!("seed {seed}: {side}' halves lack {side}' change: {lost}\n{text}");
        }
    }
    false
}

/// `MERGE_SEED=N cargo test --test merge_random show_one -- --nocapture` prints scenario N.
#[test]
fn show_one() {
    let Some(seed) = std::env::var("MERGE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
    else {
        return;
    };
    let s = scenario(seed);
    let merged = merge(&s);
    for (name, bytes) in [("base", &s.base), ("ours", &s.ours), ("theirs", &s.theirs)] {
        println!("===== {name}\n{}", String::from_utf8_lossy(bytes));
    }
    println!(
        "===== merged (clean: {})\n{}",
        merged.clean,
        String::from_utf8_lossy(&merged.bytes)
    );
    println!("{:#?}", merged.messages);
}

#[test]
fn hundreds_of_random_merges_never_lose_a_change() {
    // MERGE_SEEDS=N runs seeds 0..N instead (for a longer search by hand).
    let count = std::env::var("MERGE_SEEDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(600);
    let (mut clean, mut conflicts, mut spurious) = (0, 0, Vec::new());
    for seed in 0..count {
        let s = scenario(seed);
        let merged = merge(&s);
        if check(seed, &s, &merged) {
            clean += 1;
        } else {
            conflicts += 1;
            let (b, o, t) = (plan_of(&s.base), plan_of(&s.ours), plan_of(&s.theirs));
            if must_conflict(&b, &o, &t).is_none() {
                spurious.push(seed);
            }
        }
    }
    eprintln!(
        "{count} merges: {clean} clean, {conflicts} conflicts ({} the oracle did not expect: {spurious:?})",
        spurious.len()
    );
    assert!(
        clean > 300 && conflicts > 30,
        "{clean} clean, {conflicts} conflicts"
    );
}

#[test]
fn random_merges_through_real_git_match_the_driver_in_process() {
    let bin = Path::new(env!("CARGO_BIN_EXE_boardplan"))
        .parent()
        .expect("bin");
    let rest = std::env::var_os("PATH").unwrap_or_default();
    let path = std::env::join_paths(
        std::iter::once(bin.to_path_buf()).chain(std::env::split_paths(&rest)),
    )
    .expect("PATH");
    for seed in 10_000..10_024 {
        let s = scenario(seed);
        let in_process = merge(&s);
        let repo = common::repo_with(&[(FILE, &s.base)]);
        let dir = repo.path();
        let run = |args: &[&str]| {
            std::process::Command::new("git")
                .env("PATH", &path)
                .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
                .args(args)
                .current_dir(dir)
                .output()
                .expect("git runs")
        };
        let setup = std::process::Command::new(env!("CARGO_BIN_EXE_boardplan"))
            .env("PATH", &path)
            .arg("git-setup")
            .current_dir(dir)
            .output()
            .expect("git-setup runs");
        assert!(setup.status.success());
        run(&["branch", "-M", "main"]);
        for (name, bytes) in [("ours", &s.ours), ("theirs", &s.theirs)] {
            run(&["checkout", "-q", "-b", name, "main"]);
            std::fs::write(dir.join(FILE), bytes).expect("write");
            run(&["commit", "-q", "-am", name]);
        }
        run(&["checkout", "-q", "ours"]);
        let merged = run(&["merge", "--no-edit", "theirs"]);
        let file = std::fs::read(dir.join(FILE)).expect("read");
        assert_eq!(
            merged.status.success(),
            in_process.clean,
            "seed {seed}: {}",
            String::from_utf8_lossy(&merged.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&file),
            String::from_utf8_lossy(&in_process.bytes),
            "seed {seed}: git's merge differs from the driver's in process"
        );
        check(seed, &s, &in_process);
    }
}
