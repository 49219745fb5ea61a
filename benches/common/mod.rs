//! Generated plan files of a given number of actions, shaped like the bundled real plans.

use std::fmt::Write;

/// A canonical plan file with `actions` actions in themes of ten, with owners, timescales,
/// progress (some multi-line), ratings and a milestone on every fifth action.
pub fn plan_text(actions: usize) -> String {
    let mut out = String::from(
        "board: Generated Safeguarding Children Board\nperiod: 2013-14\ntitle: Business Plan 2013-2014\nvision: Our vision is to safeguard and protect all the children\nversion: '1.2'\ndate: 2013-08-20\nowners:\n  QEG: Quality & Effectiveness Group\n  SLDG: Strategic Learning and Development Group\nthemes:\n",
    );
    let rags = ["red", "amber", "green", "blue"];
    for n in 0..actions {
        let (theme, action) = (n / 10 + 1, n % 10 + 1);
        if action == 1 {
            let _ = writeln!(
                out,
                "- ref: '{theme}'\n  title: Ensure that early help and preventative measures are effective ({theme})\n  actions:"
            );
        }
        let _ = writeln!(
            out,
            "  - ref: '{theme}.{action}'\n    action: Review and publish a threshold document that includes early help (item {n})"
        );
        let _ = writeln!(
            out,
            "    owners:\n    - QEG\n    - PSCB Business Unit\n    due: 2013-{:02}-{:02}",
            n % 12 + 1,
            n % 28 + 1
        );
        if n % 3 == 0 {
            let _ = writeln!(
                out,
                "    progress: |-\n      Threshold document completed and published on the website.\n      Launch events held with partner agencies; feedback positive ({n})."
            );
        } else {
            let _ = writeln!(
                out,
                "    progress: Dataset now in place and includes measures on Early Intervention for the board to monitor ({n})"
            );
        }
        let _ = writeln!(out, "    rag: {}", rags[n % 4]);
        if n % 5 == 0 {
            let _ = writeln!(
                out,
                "    milestones:\n    - milestone: Consult partner agencies\n      due: 2013-06\n      rag: green"
            );
        }
    }
    out
}
