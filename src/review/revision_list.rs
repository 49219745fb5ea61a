//! Revisions worth comparing a plan with, for a picker: meeting tags (newest first), other tags,
//! local and remote-tracking branches, then the file's recent commits. Read through [`Git`];
//! the sorting and parsing are pure so they can be tested without a repository.

use super::git::{Git, GitError, Repository};
use std::path::Path;

/// What an offered revision is; the order is the order offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RevisionKind {
    /// A `meeting/YYYY-MM-DD` tag.
    Meeting,
    /// Any other tag.
    Tag,
    /// A local branch.
    Branch,
    /// A remote-tracking branch (`origin/main`).
    Remote,
    /// A commit that touched the file.
    Commit,
}

impl RevisionKind {
    /// A short word for a list.
    pub fn label(self) -> &'static str {
        match self {
            RevisionKind::Meeting => "meeting",
            RevisionKind::Tag => "tag",
            RevisionKind::Branch => "branch",
            RevisionKind::Remote => "remote",
            RevisionKind::Commit => "commit",
        }
    }
}

/// One revision offered to compare with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferedRevision {
    /// What it is.
    pub kind: RevisionKind,
    /// What to give git: a full ref (`refs/tags/v1`) or a commit id, never ambiguous.
    pub revision: String,
    /// How people name it: `meeting/2013-09-17`, `origin/main`, a short commit id.
    pub name: String,
    /// `YYYY-MM-DD`: a meeting's day (from its name), else the tag's or the tip commit's date.
    pub date: String,
    /// The tag message's or the commit's first line (and author, for commits).
    pub subject: String,
}

/// The `for-each-ref` fields asked for, separated by the unit separator.
const REF_FORMAT: &str = "--format=%(refname)%1f%(symref)%1f%(creatordate:short)%1f%(subject)";

impl Git {
    /// Tags and branches, then the last `commits` commits that touched `path`, in the order
    /// a picker offers them (see [`sort_refs`]).
    pub fn offered_revisions(
        &self,
        path: &Path,
        commits: usize,
    ) -> Result<Vec<OfferedRevision>, GitError> {
        let out = self.run(&[
            "for-each-ref",
            REF_FORMAT,
            "refs/tags",
            "refs/heads",
            "refs/remotes",
        ])?;
        let mut offered = sort_refs(parse_refs(&String::from_utf8_lossy(&out)));
        offered.extend(
            self.log(path, commits)?
                .into_iter()
                .map(|c| OfferedRevision {
                    kind: RevisionKind::Commit,
                    name: c.id.chars().take(7).collect(),
                    revision: c.id,
                    date: c.date,
                    subject: format!("{} — {}", c.subject, c.author),
                }),
        );
        Ok(offered)
    }
}

/// Reads `for-each-ref` lines in [`REF_FORMAT`]; symbolic refs (`origin/HEAD`) are left out.
fn parse_refs(text: &str) -> Vec<OfferedRevision> {
    text.lines()
        .filter_map(|line| {
            let mut fields = line.split('\u{1f}');
            let (full, symref) = (fields.next()?, fields.next()?);
            let (date, subject) = (fields.next().unwrap_or(""), fields.next().unwrap_or(""));
            if !symref.is_empty() {
                return None;
            }
            let (kind, name) = if let Some(tag) = full.strip_prefix("refs/tags/") {
                let meeting = tag.strip_prefix("meeting/").is_some_and(is_iso_date);
                let kind = if meeting {
                    RevisionKind::Meeting
                } else {
                    RevisionKind::Tag
                };
                (kind, tag)
            } else if let Some(branch) = full.strip_prefix("refs/heads/") {
                (RevisionKind::Branch, branch)
            } else {
                (RevisionKind::Remote, full.strip_prefix("refs/remotes/")?)
            };
            // A meeting's date is the day in its name, whenever it was tagged.
            let date = match kind {
                RevisionKind::Meeting => name.trim_start_matches("meeting/"),
                _ => date,
            };
            Some(OfferedRevision {
                kind,
                revision: full.to_string(),
                name: name.to_string(),
                date: date.to_string(),
                subject: subject.to_string(),
            })
        })
        .collect()
}

/// `YYYY-MM-DD` in shape.
fn is_iso_date(text: &str) -> bool {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
}

/// Meeting tags newest first by the date in their name; then other tags, local branches and
/// remote-tracking branches, each newest first by date, then by name.
fn sort_refs(mut refs: Vec<OfferedRevision>) -> Vec<OfferedRevision> {
    refs.sort_by(|a, b| {
        a.kind.cmp(&b.kind).then_with(|| match a.kind {
            RevisionKind::Meeting => b.name.cmp(&a.name),
            _ => b.date.cmp(&a.date).then_with(|| a.name.cmp(&b.name)),
        })
    });
    refs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meetings_come_first_newest_first_then_tags_branches_and_remotes() {
        let text = [
            "refs/heads/main\u{1f}\u{1f}2013-10-01\u{1f}Update",
            "refs/remotes/origin/HEAD\u{1f}refs/remotes/origin/main\u{1f}2013-10-01\u{1f}Update",
            "refs/remotes/origin/main\u{1f}\u{1f}2013-09-01\u{1f}Old",
            "refs/tags/meeting/2013-07-16\u{1f}\u{1f}2013-07-20\u{1f}Board",
            "refs/tags/meeting/2013-09-17\u{1f}\u{1f}2013-09-17\u{1f}Board",
            "refs/tags/meeting/notes\u{1f}\u{1f}2013-09-18\u{1f}Not a meeting date",
            "refs/tags/v1.2\u{1f}\u{1f}2013-08-20\u{1f}Published",
            "refs/heads/draft\u{1f}\u{1f}2013-10-02\u{1f}Draft",
        ]
        .join("\n");
        let names: Vec<(RevisionKind, String)> = sort_refs(parse_refs(&text))
            .into_iter()
            .map(|r| (r.kind, r.name))
            .collect();
        use RevisionKind::*;
        let expected = [
            (Meeting, "meeting/2013-09-17"),
            (Meeting, "meeting/2013-07-16"),
            (Tag, "meeting/notes"),
            (Tag, "v1.2"),
            (Branch, "draft"),
            (Branch, "main"),
            (Remote, "origin/main"),
        ];
        let expected: Vec<(RevisionKind, String)> =
            expected.iter().map(|(k, n)| (*k, n.to_string())).collect();
        assert_eq!(names, expected);
        let july = &sort_refs(parse_refs(&text))[1];
        assert_eq!(
            july.date, "2013-07-16",
            "the meeting's day, not the day it was tagged"
        );
    }

    #[test]
    fn the_revision_given_to_git_is_the_full_ref() {
        let refs = parse_refs("refs/heads/é\u{1f}\u{1f}2013-10-01\u{1f}x");
        assert_eq!(refs[0].revision, "refs/heads/é");
        assert_eq!(refs[0].name, "é");
    }
}
