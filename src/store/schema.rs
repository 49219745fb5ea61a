//! The keys each kind of mapping may hold, in canonical order (the plan's and a history row's
//! here, the elements' from the model's field tables), and the nearest-key suggestion.

/// Keys of the plan (the file's top mapping).
pub const PLAN_KEYS: &[&str] = &[
    "board", "period", "title", "vision", "version", "date", "author", "history", "owners",
    "themes", "custom",
];
/// Keys of a version history row.
pub const HISTORY_KEYS: &[&str] = &["version", "date", "author", "note"];
// The keys of themes, actions, milestones and measures come from the model's field tables.
pub use crate::model::{ACTION_KEYS, MEASURE_KEYS, MILESTONE_KEYS, THEME_KEYS};

/// The valid key nearest to a mistyped one, when it is close enough to be a typo.
pub fn nearest_key(typo: &str, keys: &[&'static str]) -> Option<&'static str> {
    let typo = typo.to_lowercase();
    keys.iter()
        .map(|k| (strsim::damerau_levenshtein(&typo, k), *k))
        .filter(|(distance, k)| *distance <= (k.len() / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        assert_eq!(nearest_key("progess", ACTION_KEYS), Some("progress"));
        assert_eq!(nearest_key("Owner", ACTION_KEYS), Some("owners"));
        assert_eq!(nearest_key("RAG", ACTION_KEYS), Some("rag"));
        assert_eq!(nearest_key("asof", MEASURE_KEYS), Some("as_of"));
        assert_eq!(nearest_key("colour", ACTION_KEYS), None);
    }
}
