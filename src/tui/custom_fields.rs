//! A board's own fields (`custom:`) in the UI: which element's fields the selection shows, the
//! picker among them (`F`), and the edit of one text field as text. Lists and mappings are shown
//! but left to a text editor.

use super::app::{App, Focus};
use super::fields::open_form;
use super::forms::{Outcome, Picker, Popup, Target};
use super::keymap::KeyHelp;
use crate::model::{ActionPos, CustomValue, Edit, Plan};
use ratatui::crossterm::event::KeyEvent;

/// Whose `custom:` mapping: the plan's, a theme's or an action's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomOwner {
    /// The plan itself.
    Plan,
    /// A theme, by index.
    Theme(usize),
    /// An action.
    Action(ActionPos),
}

/// Keys of the custom-field picker, for its hints and the help.
pub const CUSTOM_KEYS: &[KeyHelp] = &[
    KeyHelp::new("type", "narrow", "type to narrow the list"),
    KeyHelp::new("↑↓", "choose", "choose a field"),
    KeyHelp::new(
        "Enter",
        "edit",
        "edit it as text (lists and mappings are read-only here)",
    ),
    KeyHelp::new("Esc", "cancel", "close"),
];

/// The mapping of `owner`, if it has one.
pub fn custom_of(plan: &Plan, owner: CustomOwner) -> Option<&CustomValue> {
    match owner {
        CustomOwner::Plan => plan.custom.as_ref(),
        CustomOwner::Theme(index) => plan.themes.get(index)?.custom.as_ref(),
        CustomOwner::Action(pos) => plan.action(pos)?.custom.as_ref(),
    }
}

/// A field's key as a label: `lead_officer` -> `Lead officer`.
pub use crate::model::field_label as label;

/// What a non-text value is, for the read-only hint; `None` for text.
pub fn kind(value: &CustomValue) -> Option<&'static str> {
    match value {
        CustomValue::Scalar { .. } => None,
        CustomValue::List(_) => Some("a list"),
        CustomValue::Map(_) => Some("a mapping"),
    }
}

/// The key and value of field `index` of `owner`'s mapping.
fn entry(plan: &Plan, owner: CustomOwner, index: usize) -> Option<(&String, &CustomValue)> {
    match custom_of(plan, owner)? {
        CustomValue::Map(entries) => entries.get(index).map(|(k, v)| (k, v)),
        _ => None,
    }
}

/// The text of a text field; `None` when it is not one.
pub fn current_text(plan: &Plan, owner: CustomOwner, index: usize) -> Option<String> {
    match entry(plan, owner, index)? {
        (_, CustomValue::Scalar { text, .. }) => Some(text.clone()),
        _ => None,
    }
}

/// What the form's title calls the field: `Lead officer (custom) of action 1.2`.
pub fn describe(plan: &Plan, owner: CustomOwner, index: usize) -> String {
    let key = entry(plan, owner, index).map_or("?", |(k, _)| k.as_str());
    format!("{} (custom) of {}", label(key), owner_name(plan, owner))
}

fn owner_name(plan: &Plan, owner: CustomOwner) -> String {
    match owner {
        CustomOwner::Plan => "the plan".into(),
        CustomOwner::Theme(index) => plan
            .themes
            .get(index)
            .map_or_else(|| "a theme".into(), |t| format!("theme {}", t.reference)),
        CustomOwner::Action(pos) => plan
            .action(pos)
            .map_or_else(|| "an action".into(), |a| format!("action {}", a.reference)),
    }
}

/// The element whose fields the selection shows: the action, the theme (themes pane), or the
/// plan ("All themes").
fn selected_owner(app: &App) -> Option<CustomOwner> {
    match (app.ui.focus, app.selected_theme(), app.selected_action()) {
        (Focus::Themes, Some(theme), _) => Some(CustomOwner::Theme(theme)),
        (Focus::Themes, None, _) => Some(CustomOwner::Plan),
        (_, _, Some(pos)) => Some(CustomOwner::Action(pos)),
        (_, Some(theme), None) => Some(CustomOwner::Theme(theme)),
        _ => None,
    }
}

/// `F`: edits the selection's one text field, or offers its fields to choose from.
pub fn open(app: &mut App) {
    let Some(plan) = app.plan() else { return };
    let Some(owner) = selected_owner(app) else {
        app.warn("nothing selected");
        return;
    };
    let fields = match custom_of(plan, owner) {
        Some(CustomValue::Map(entries)) if !entries.is_empty() => entries,
        _ => {
            let name = owner_name(plan, owner);
            app.warn(format!(
                "{name} has no custom fields; add them under custom: in a text editor"
            ));
            return;
        }
    };
    if let [(_, value)] = fields.as_slice()
        && value.is_scalar()
    {
        open_form(app, Target::Custom(owner, 0), false);
        return;
    }
    let items = fields
        .iter()
        .map(|(key, value)| {
            let note = match kind(value) {
                Some(kind) => format!("{kind}: read-only here"),
                None => crate::text::first_line(&value.as_text()).to_string(),
            };
            (key.clone(), note)
        })
        .collect();
    let title = format!("Custom fields of {}", owner_name(plan, owner));
    app.ui.popup = Some(Popup::Custom(Box::new(Picker::new(title, items)), owner));
}

/// A key in the field picker.
pub fn pick_key(app: &mut App, mut picker: Box<Picker>, owner: CustomOwner, key: KeyEvent) {
    match picker.handle(key) {
        Outcome::Continue => app.ui.popup = Some(Popup::Custom(picker, owner)),
        Outcome::Cancel => {}
        Outcome::Submit(key) => {
            let Some(plan) = app.plan() else { return };
            let Some(CustomValue::Map(entries)) = custom_of(plan, owner) else {
                return;
            };
            let Some(index) = entries.iter().position(|(k, _)| *k == key) else {
                return;
            };
            match kind(&entries[index].1) {
                None => open_form(app, Target::Custom(owner, index), false),
                Some(kind) => app.warn(format!(
                    "{} is {kind}: edit it in a text editor (only text fields are edited here)",
                    label(&key)
                )),
            }
        }
    }
}

/// The edit that gives field `index` of `owner` the text `text` (the plan with that value
/// changed, undoable as one step); the save then changes only that value's lines.
pub fn set(plan: &Plan, owner: CustomOwner, index: usize, text: &str) -> Result<Edit, String> {
    let (key, _) = entry(plan, owner, index).ok_or("that custom field is gone")?;
    let custom = custom_of(plan, owner)
        .and_then(|c| c.with_text(key, text))
        .ok_or_else(|| format!("{} is not text: edit it in a text editor", label(key)))?;
    let mut new = plan.clone();
    let slot = match owner {
        CustomOwner::Plan => Some(&mut new.custom),
        CustomOwner::Theme(index) => new.themes.get_mut(index).map(|t| &mut t.custom),
        CustomOwner::Action(pos) => new.action_mut(pos).map(|a| &mut a.custom),
    };
    *slot.ok_or("that element is gone")? = Some(custom);
    Ok(Edit::ReplacePlan(Box::new(new)))
}

/// Applies a new text to a custom field; returns false (with a message) when refused.
pub fn set_field(app: &mut App, owner: CustomOwner, index: usize, text: &str) -> bool {
    let Some(plan) = app.plan() else { return false };
    let label = describe(plan, owner, index);
    let edit = set(plan, owner, index, text);
    super::fields::apply_named(app, edit, label)
}
