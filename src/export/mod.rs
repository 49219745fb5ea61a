//! Publishing a plan in other formats. Pure: plan in, text out.

/// The whole plan as pretty-printed JSON, keys in file order, empty optional fields left out.
pub fn json(plan: &crate::model::Plan) -> String {
    let mut text = serde_json::to_string_pretty(plan).unwrap_or_default();
    text.push('\n');
    text
}
