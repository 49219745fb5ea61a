//! The README lists every key of the terminal UI, exactly as the keymap binds them.

use boardplan::tui::{commands, keys_for};

/// The README's key table rows, generated from the keymap.
fn rows() -> Vec<String> {
    commands()
        .into_iter()
        .map(|c| {
            format!(
                "| `{}` | {} |",
                keys_for(c).replace('|', "\\|"),
                c.description()
            )
        })
        .collect()
}

#[test]
fn readme_lists_every_key() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let missing: Vec<String> = rows()
        .into_iter()
        .filter(|row| !readme.contains(row.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "README.md lacks these key rows (copy them into its key table):\n{}",
        missing.join("\n")
    );
}
