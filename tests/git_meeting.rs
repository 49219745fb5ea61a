//! `boardplan meeting` tags board meetings in a real repository, never moving a tag, and
//! `last-meeting` resolves to the newest one.

mod common;

use boardplan::review::git::{Git, Repository};
use common::{git, repo_with};
use std::path::Path;
use std::process::{Command, Output};

fn meeting(repo: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_boardplan"))
        .arg("meeting")
        .args(args)
        .env("GIT_COMMITTER_NAME", "Officer")
        .env("GIT_COMMITTER_EMAIL", "officer@example.org")
        .current_dir(repo)
        .output()
        .expect("boardplan runs")
}

#[test]
fn meetings_are_annotated_tags_never_moved_and_last_meeting_is_the_newest() {
    let repo = repo_with(&[("plans/2013-14.yaml", common::PLAN.as_bytes())]);
    let dir = repo.path();
    let store = Git::discover(dir).expect("a repository");
    let none = store
        .meeting_alias("last-meeting")
        .expect_err("no tags yet");
    assert!(
        none.to_string().contains("boardplan meeting --date"),
        "{none}"
    );
    let first = store.resolve("HEAD").expect("HEAD");

    let tagged = meeting(dir, &["--date", "2013-09-17"]);
    assert_eq!(tagged.status.code(), Some(0), "{}", common::stderr(&tagged));
    assert_eq!(
        git(dir, &["cat-file", "-t", "meeting/2013-09-17"]).trim(),
        "tag"
    );
    let message = git(
        dir,
        &["tag", "-l", "--format=%(contents)", "meeting/2013-09-17"],
    );
    assert_eq!(message.trim(), "Board meeting of 17 September 2013");

    std::fs::write(
        dir.join("plans/2013-14.yaml"),
        common::PLAN.replace("green", "red"),
    )
    .expect("write");
    git(dir, &["commit", "-qam", "re-rated"]);
    let second = store.resolve("HEAD").expect("HEAD");
    let again = meeting(dir, &["--date", "2013-09-17"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        common::stderr(&again).contains("never moved"),
        "{}",
        common::stderr(&again)
    );
    assert_eq!(store.resolve("meeting/2013-09-17").expect("tag"), first);

    let later = meeting(
        dir,
        &["--date", "2013-11-19", "--message", "November board"],
    );
    assert_eq!(later.status.code(), Some(0), "{}", common::stderr(&later));
    let newest = store.meeting_alias("last-meeting").expect("a meeting");
    assert_eq!(newest, "meeting/2013-11-19");
    assert_eq!(store.resolve(&newest).expect("resolves"), second);
    assert_eq!(store.meeting_alias("HEAD~1").expect("as it is"), "HEAD~1");
}

#[test]
fn last_meeting_works_wherever_a_revision_is_accepted() {
    let dir = repo_with(&[("plans/2013-14.yaml", common::PLAN.as_bytes())]);
    let tagged = meeting(dir.path(), &["--date", "2013-09-17"]);
    assert_eq!(tagged.status.code(), Some(0), "{}", common::stderr(&tagged));
    let plan = dir.path().join("plans/2013-14.yaml");
    let text = std::fs::read_to_string(&plan).expect("reads");
    std::fs::write(&plan, text.replacen("rag: green", "rag: red", 1)).expect("writes");
    let diff = common::boardplan(dir.path(), &["diff", "last-meeting"]);
    assert_eq!(diff.status.code(), Some(0), "{}", common::stderr(&diff));
    let report = common::stdout(&diff);
    assert!(
        report.contains("the meeting of 17 September 2013"),
        "{report}"
    );
    assert!(report.contains("green → red"), "{report}");
    let export = common::boardplan(
        dir.path(),
        &[
            "export",
            "--format",
            "csv",
            "--since",
            "last-meeting",
            "plans/2013-14.yaml",
        ],
    );
    assert_eq!(export.status.code(), Some(0), "{}", common::stderr(&export));
    assert!(
        common::stdout(&export).contains("worsened"),
        "{}",
        common::stdout(&export)
    );
}

#[test]
fn meeting_list_gives_the_version_history_from_the_tags_newest_first() {
    let with_version = |v: &str| {
        common::PLAN.replacen(
            "title: Business Plan 2013-2014\n",
            &format!("title: Business Plan 2013-2014\nversion: '{v}'\n"),
            1,
        )
    };
    let repo = repo_with(&[("plans/2013-14.yaml", with_version("1.1").as_bytes())]);
    let dir = repo.path();
    let first = meeting(
        dir,
        &[
            "--date",
            "2013-09-17",
            "--message",
            "September board\n\nminuted",
        ],
    );
    assert!(first.status.success(), "{}", common::stderr(&first));
    std::fs::write(dir.join("plans/2013-14.yaml"), with_version("1.2")).expect("write");
    git(dir, &["commit", "-qam", "version 1.2"]);
    let second = meeting(dir, &["--date", "2013-11-05"]);
    assert!(second.status.success(), "{}", common::stderr(&second));

    let listed = meeting(dir, &["--list", "plans/2013-14.yaml"]);
    assert!(listed.status.success(), "{}", common::stderr(&listed));
    assert_eq!(
        common::stdout(&listed),
        "Version history of plans/2013-14.yaml from its meeting tags, newest first:\n\
         date        version  tagged by  note\n\
         2013-11-05  1.2      Officer    Board meeting of 5 November 2013\n\
         2013-09-17  1.1      Officer    September board\n"
    );

    // A later year file, added after both meetings: not in either, and the default file.
    std::fs::write(
        dir.join("plans/2014-15.yaml"),
        with_version("2.0").replace("2013-14", "2014-15"),
    )
    .expect("write");
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-qm", "next year"]);
    let default = meeting(dir, &["--list"]);
    assert!(default.status.success(), "{}", common::stderr(&default));
    let text = common::stdout(&default);
    assert!(
        text.starts_with("Version history of plans/2014-15.yaml"),
        "{text}"
    );
    assert!(text.contains("2013-11-05  (not in it)  Officer"), "{text}");

    let both = meeting(dir, &["--list", "--date", "2013-12-01"]);
    assert_eq!(both.status.code(), Some(2), "--list does not tag");
    assert_eq!(git(dir, &["tag", "--list", "meeting/*"]).lines().count(), 2);
}

#[test]
fn meeting_list_without_tags_says_how_to_make_one() {
    let repo = repo_with(&[("plans/2013-14.yaml", common::PLAN.as_bytes())]);
    let listed = meeting(repo.path(), &["--list"]);
    assert!(listed.status.success(), "{}", common::stderr(&listed));
    assert_eq!(common::stdout(&listed), "");
    assert!(
        common::stderr(&listed).contains("no meeting tags yet"),
        "{}",
        common::stderr(&listed)
    );
}
