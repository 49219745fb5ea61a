//! `boardplan git-diff-driver PATH OLD OLD-HEX OLD-MODE NEW NEW-HEX NEW-MODE`: git's external
//! diff for plan files (`diff.boardplan.command`, set by `git-setup`). Prints the file's real
//! lines as a unified diff, each hunk header naming the action, milestone, measure or theme
//! the change is in (see [`crate::review::hunk_headers`]).

use super::Status;
use crate::review::hunk_headers::hunks;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// Prints the diff of one file as git hands it over; `args` are git's seven (or nine).
pub fn run(args: &[String]) -> anyhow::Result<Status> {
    let [path, old, old_hex, old_mode, new, new_hex, new_mode, ..] = args else {
        anyhow::bail!("git-diff-driver takes the 7 arguments git gives an external diff");
    };
    let read = |file: &str| -> anyhow::Result<String> {
        if file == "/dev/null" {
            return Ok(String::new());
        }
        let bytes = std::fs::read(Path::new(file))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    };
    let (before, after) = (read(old)?, read(new)?);
    let name = args.get(7).unwrap_or(path);
    let short = |hex: &str| hex.chars().take(7).collect::<String>();
    let mut text = format!("diff --git a/{path} b/{name}\n");
    let (from, to) = match (old.as_str(), new.as_str()) {
        ("/dev/null", _) => {
            text.push_str(&format!("new file mode {new_mode}\n"));
            ("/dev/null".to_string(), format!("b/{name}"))
        }
        (_, "/dev/null") => {
            text.push_str(&format!("deleted file mode {old_mode}\n"));
            (format!("a/{path}"), "/dev/null".to_string())
        }
        _ => (format!("a/{path}"), format!("b/{name}")),
    };
    let mode = if old_mode == new_mode && old != "/dev/null" && new != "/dev/null" {
        format!(" {old_mode}")
    } else {
        String::new()
    };
    text.push_str(&format!(
        "index {}..{}{mode}\n",
        short(old_hex),
        short(new_hex)
    ));
    let body = hunks(&before, &after);
    if !body.is_empty() {
        text.push_str(&format!("--- {from}\n+++ {to}\n{body}"));
    }
    let colour = std::env::var_os("NO_COLOR").is_none()
        && (std::io::stdout().is_terminal() || std::env::var_os("GIT_PAGER_IN_USE").is_some());
    let mut out = std::io::stdout().lock();
    if colour {
        out.write_all(coloured(&text).as_bytes())?;
    } else {
        out.write_all(text.as_bytes())?;
    }
    Ok(Status::Ok)
}

/// git's default diff colours: bold headers, cyan hunk ranges, red and green lines.
fn coloured(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut in_header = true;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let paint = |code: &str, s: &str| format!("\x1b[{code}m{s}\x1b[m\n");
        if let Some(after) = body.strip_prefix("@@ ") {
            in_header = false;
            match after.find(" @@") {
                Some(end) => {
                    let (range, rest) = body.split_at(end + 6);
                    out.push_str(&format!("\x1b[36m{range}\x1b[m{rest}\n"));
                }
                None => out.push_str(&paint("36", body)),
            }
        } else if in_header {
            out.push_str(&paint("1", body));
        } else if body.starts_with('-') {
            out.push_str(&paint("31", body));
        } else if body.starts_with('+') {
            out.push_str(&paint("32", body));
        } else {
            out.push_str(line);
        }
    }
    out
}
