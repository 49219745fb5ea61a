//! The keys each kind of mapping may hold, in canonical order (from the model's field tables),
//! and the nearest-key suggestion.

// The keys of the plan, its history rows, themes, actions, milestones and measures come from
// the model's field tables.
pub use crate::model::{
    ACTION_KEYS, HISTORY_KEYS, MEASURE_KEYS, MILESTONE_KEYS, PLAN_KEYS, THEME_KEYS,
};

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
