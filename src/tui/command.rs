//! The UI's vocabulary: every command a key can trigger, with its name and what it does.
//! The keymap, the help overlay and the status-bar hints are all built from this one list.

/// Something the user can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Move the selection up.
    Up,
    /// Move the selection down.
    Down,
    /// Move up a page.
    PageUp,
    /// Move down a page.
    PageDown,
    /// Go to the first row.
    Home,
    /// Go to the last row.
    End,
    /// Switch between the themes and actions panes.
    SwitchPane,
    /// Focus the themes pane.
    FocusThemes,
    /// Focus the actions pane.
    FocusActions,
    /// Show the previous (older) year file.
    PrevYear,
    /// Show the next (newer) year file.
    NextYear,
    /// Search refs and all text.
    Search,
    /// Filter by rating, overdue, unrated.
    FilterMenu,
    /// One owner's actions across all themes.
    OwnerView,
    /// Clear every filter.
    ClearFilters,
    /// Sort the table: plan order, due date, rating, owner.
    Sort,
    /// Leave the milestones or measures list; elsewhere, clear every filter.
    Back,
    /// Edit the selected action's milestones.
    Milestones,
    /// Edit the theme's measures.
    Measures,
    /// Set the RAG rating.
    Rag,
    /// Edit the action text (or theme title).
    EditText,
    /// Edit the progress commentary (or theme description).
    EditProgress,
    /// Edit the outcome (or theme lead).
    EditOutcome,
    /// Edit the notes (or theme accountable member).
    EditNotes,
    /// Edit the owners.
    EditOwners,
    /// Edit the due date.
    EditDue,
    /// Edit the progress in $EDITOR.
    ExternalEditor,
    /// Edit one of the board's own fields (`custom:`) as text.
    EditCustom,
    /// Edit the plan's version history, one row per line.
    EditHistory,
    /// Add an action (or a theme, in the themes pane).
    Add,
    /// Add a theme.
    AddTheme,
    /// Delete the selected action or theme (asks first).
    Delete,
    /// Move the selected action or theme up.
    MoveUp,
    /// Move the selected action or theme down.
    MoveDown,
    /// Renumber the theme's actions (or all themes and actions).
    Renumber,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Save the file.
    Save,
    /// Show or hide the RAG dashboard.
    Dashboard,
    /// Show the file's commits and the selected action's story.
    History,
    /// Show what changed since the last commit (or another revision).
    Changes,
    /// Show the actions whose progress has not changed for longest.
    Stale,
    /// Scroll the detail pane down.
    DetailDown,
    /// Scroll the detail pane up.
    DetailUp,
    /// Open the selected action of a screen's list on the main screen.
    Open,
    /// Commit the saved year file, with a drafted message.
    Commit,
    /// Sync with the shared copy: fetch, merge, push.
    Sync,
    /// Tag the current commit as a meeting.
    TagMeeting,
    /// Walk the actions that need an update since the last meeting.
    UpdateRound,
    /// Start the next year's plan from this one.
    NewYear,
    /// Export the board paper (HTML, Markdown, CSV, Excel, JSON) to a file.
    Export,
    /// Show the keys.
    Help,
    /// Quit (asks when there are unsaved changes).
    Quit,
}

impl Command {
    /// A short name, for hints.
    pub fn name(self) -> &'static str {
        match self {
            Command::Up => "up",
            Command::Down => "down",
            Command::PageUp => "page up",
            Command::PageDown => "page down",
            Command::Home => "first",
            Command::End => "last",
            Command::SwitchPane => "pane",
            Command::FocusThemes => "themes",
            Command::FocusActions => "actions",
            Command::PrevYear => "prev year",
            Command::NextYear => "next year",
            Command::Search => "search",
            Command::FilterMenu => "filter",
            Command::OwnerView => "owner view",
            Command::ClearFilters => "clear filters",
            Command::Sort => "sort",
            Command::Back => "back",
            Command::Milestones => "milestones",
            Command::Measures => "measures",
            Command::Rag => "RAG",
            Command::EditText => "text",
            Command::EditProgress => "progress",
            Command::EditOutcome => "outcome",
            Command::EditNotes => "notes",
            Command::EditOwners => "owners",
            Command::EditDue => "due",
            Command::ExternalEditor => "$EDITOR",
            Command::EditCustom => "custom field",
            Command::EditHistory => "version history",
            Command::Add => "add",
            Command::AddTheme => "add theme",
            Command::Delete => "delete",
            Command::MoveUp => "move up",
            Command::MoveDown => "move down",
            Command::Renumber => "renumber",
            Command::Undo => "undo",
            Command::Redo => "redo",
            Command::Save => "save",
            Command::Dashboard => "dashboard",
            Command::History => "history",
            Command::Changes => "changes",
            Command::Stale => "not updated",
            Command::DetailDown => "detail down",
            Command::DetailUp => "detail up",
            Command::Open => "open",
            Command::Commit => "commit",
            Command::Sync => "sync",
            Command::TagMeeting => "tag meeting",
            Command::UpdateRound => "update round",
            Command::NewYear => "new year",
            Command::Export => "export",
            Command::Help => "help",
            Command::Quit => "quit",
        }
    }

    /// What it does, for the help overlay.
    pub fn description(self) -> &'static str {
        match self {
            Command::Up => "move the selection up",
            Command::Down => "move the selection down",
            Command::PageUp => "move up a page",
            Command::PageDown => "move down a page",
            Command::Home => "go to the first row",
            Command::End => "go to the last row",
            Command::SwitchPane => "switch between the themes and actions panes",
            Command::FocusThemes => "focus the themes pane",
            Command::FocusActions => "focus the actions pane",
            Command::PrevYear => "show the previous year's plan",
            Command::NextYear => "show the next year's plan",
            Command::Search => "search refs and all text (Enter keeps the first match selected)",
            Command::FilterMenu => "filter: rating, unrated, overdue, green but overdue",
            Command::OwnerView => "show one owner's actions across all themes",
            Command::ClearFilters => "clear every filter and the search",
            Command::Sort => "sort the table: plan order, then due date, rating (red first), owner",
            Command::Back => "leave the milestones or measures list; elsewhere clear the filters",
            Command::Milestones => {
                "edit the selected action's milestones (a x J K e p w d r there)"
            }
            Command::Measures => {
                "edit the theme's measures (e text, p latest, O target, n baseline, d as of, r)"
            }
            Command::Rag => "set the RAG rating: r a g b, x clears",
            Command::EditText => {
                "edit the action text (theme pane: the theme title; All themes: the plan's title)"
            }
            Command::EditProgress => {
                "edit the progress (theme pane: the description; All themes: the vision)"
            }
            Command::EditOutcome => {
                "edit the outcome (theme pane: the strategic lead; All themes: the version)"
            }
            Command::EditNotes => {
                "edit the notes (theme pane: the accountable member; All themes: the author)"
            }
            Command::EditOwners => {
                "edit the owners as a list, with completion (All themes: the owners glossary)"
            }
            Command::EditDue => {
                "edit the due date: \"31 July 2013\", \"Q3 2014\", tomorrow, ongoing (All themes: the plan's date)"
            }
            Command::ExternalEditor => "edit the progress in $EDITOR",
            Command::EditCustom => {
                "edit a custom field as text (theme pane: the theme's; All themes: the plan's)"
            }
            Command::EditHistory => {
                "edit the plan's version history, a row a line: version, date, author, note"
            }
            Command::Add => "add an action after the selected one (theme pane: a theme)",
            Command::AddTheme => "add a theme after the selected one",
            Command::Delete => "delete the selected action or theme (asks first)",
            Command::MoveUp => "move the selected action or theme up",
            Command::MoveDown => "move the selected action or theme down",
            Command::Renumber => "renumber the theme's actions (theme pane: everything)",
            Command::Undo => "undo the last edit",
            Command::Redo => "redo the last undone edit",
            Command::Save => "save the file (only changed lines are written)",
            Command::Dashboard => "show or hide the RAG dashboard",
            Command::Changes => {
                "show what changed since the last commit, action by action (v: since another revision or date)"
            }
            Command::History => {
                "show the file's commits and the selected action's RAG and progress at each (↑↓ choose the action)"
            }
            Command::Stale => {
                "show the actions whose progress has not changed for the most commits"
            }
            Command::DetailDown => {
                "scroll the detail pane down half a page (also the mouse wheel over it; history: the commits)"
            }
            Command::DetailUp => "scroll the detail pane up half a page (history: the commits)",
            Command::Open => "open the selected action on the main screen",
            Command::Commit => {
                "commit the saved plan file to git, with a message drafted from its changes"
            }
            Command::Sync => {
                "sync with the shared copy: take in others' changes, merge, send yours (never forced)"
            }
            Command::TagMeeting => {
                "tag the current commit as a meeting: meeting/YYYY-MM-DD (never moves a tag)"
            }
            Command::UpdateRound => {
                "update round: each action not updated since the last meeting, red or overdue (r a g b, p, ←→)"
            }
            Command::NewYear => {
                "start the next year's plan from this one: unfinished actions carried, then shown"
            }
            Command::Export => {
                "export the board paper: HTML, Markdown, CSV, Excel or JSON; whole plan or as shown; since the last meeting"
            }
            Command::Help => "show this help",
            Command::Quit => "quit (asks when there are unsaved changes)",
        }
    }
}
