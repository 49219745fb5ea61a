//! The board's own fields (`custom:`) in the published paper: under their labels in the cover
//! (the plan's), a theme's details and an action's cell, in Markdown and HTML, from the real
//! binary; JSON keeps them as written.

mod common;

use common::boardplan;
use std::path::Path;

const PLAN: &str = "\
board: Test Board
period: 2013-14
title: Business Plan
themes:
- ref: '1'
  title: Early help
  custom:
    sponsor: Director of Children's Services
  actions:
  - ref: '1.1'
    action: Build the early help offer
    rag: green
    custom:
      lead_officer: Jo <Bloggs> | QA
      budget: 3
      partners: [Police, Health]
custom:
  approved_by: Board meeting of 1 May 2013
";

fn export(dir: &Path, format: &str) -> String {
    let output = boardplan(
        dir,
        &[
            "export",
            "--format",
            format,
            "plan.yaml",
            "--as-at",
            "2013-10-01",
        ],
    );
    assert!(output.status.success(), "{}", common::stderr(&output));
    common::stdout(&output)
}

#[test]
fn markdown_shows_custom_fields_under_their_labels() {
    let (dir, _) = common::temp_with("plan.yaml", PLAN.as_bytes());
    let md = export(dir.path(), "md");
    assert!(
        md.contains("| Approved by | Board meeting of 1 May 2013 |"),
        "{md}"
    );
    assert!(
        md.contains("**Sponsor:** Director of Children's Services"),
        "{md}"
    );
    let row = md
        .lines()
        .find(|l| l.starts_with("| 1.1 |"))
        .expect("1.1's row");
    assert!(
        row.contains(
            "Build the early help offer<br>**Lead officer:** Jo \\<Bloggs\\> \\| QA<br>**Budget:** 3<br>**Partners:** Police, Health |"
        ),
        "{row}"
    );
}

#[test]
fn html_shows_custom_fields_escaped_and_json_keeps_them() {
    let (dir, _) = common::temp_with("plan.yaml", PLAN.as_bytes());
    let html = export(dir.path(), "html");
    assert!(
        html.contains("<dt>Approved by</dt><dd class=\"t\">Board meeting of 1 May 2013</dd>"),
        "{html}"
    );
    assert!(
        html.contains(
            "<strong>Sponsor:</strong> <span class=\"t\">Director of Children&#39;s Services</span>"
        ),
        "{html}"
    );
    assert!(
        html.contains(
            "<div class=\"note t\"><strong>Lead officer:</strong> Jo &lt;Bloggs&gt; | QA</div>"
        ),
        "{html}"
    );
    assert!(html.contains("<strong>Partners:</strong> Police, Health</div>"));
    let json: serde_json::Value = serde_json::from_str(&export(dir.path(), "json")).expect("json");
    let custom = &json["themes"][0]["actions"][0]["custom"];
    assert_eq!(custom["lead_officer"], "Jo <Bloggs> | QA");
    assert_eq!(custom["budget"], 3);
    assert_eq!(custom["partners"], serde_json::json!(["Police", "Health"]));
}
