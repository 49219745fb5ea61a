//! The whole UI state: the store's years (domain side) and what the screen shows (UI side).

use super::forms::Popup;
use super::year::{Content, Year};
use crate::model::{ActionPos, Filter, Plan, RagCounts, search_text};
use crate::tui::Palette;
use chrono::NaiveDate;
use ratatui::layout::Rect;
use std::cell::{Cell, RefCell};
use std::path::PathBuf;
use std::rc::Rc;

/// What the actions table's rows depend on.
#[derive(Debug, Clone, PartialEq)]
struct RowsKey {
    year: usize,
    generation: u64,
    revision: u64,
    theme_row: usize,
    filter: Filter,
    sort: super::sort::Sort,
}

impl RowsKey {
    /// True when rows for `self` are a subset of rows for `before`: only the search changed,
    /// and it grew (typing more letters only narrows), so the old rows can be filtered again.
    fn narrows(&self, before: &RowsKey) -> bool {
        let same_but_search = Filter {
            search: before.filter.search.clone(),
            ..self.filter.clone()
        } == before.filter;
        (
            self.year,
            self.generation,
            self.revision,
            self.theme_row,
            self.sort,
        ) == (
            before.year,
            before.generation,
            before.revision,
            before.theme_row,
            before.sort,
        ) && same_but_search
            && self
                .filter
                .search
                .to_lowercase()
                .contains(&before.filter.search.to_lowercase())
    }
}

/// The rows last computed, reused until something they depend on changes, so a key press
/// costs the same whatever the size of the plan.
#[derive(Debug, Default)]
pub struct RowsCache(RefCell<Option<(RowsKey, Rc<Vec<ActionPos>>)>>);

/// Which reading and revision of which year something was computed from.
type Version = (usize, u64, u64);

/// Each action's search text, in plan order, with where each theme's actions start; built on
/// the first search after a change, so each key press only scans prepared text.
#[derive(Debug)]
pub struct SearchIndex {
    texts: Vec<String>,
    theme_starts: Vec<usize>,
}

impl SearchIndex {
    fn text(&self, pos: ActionPos) -> &str {
        self.theme_starts
            .get(pos.theme)
            .and_then(|start| self.texts.get(start + pos.action))
            .map_or("", String::as_str)
    }
}

/// The search index, kept until the plan changes.
#[derive(Debug, Default)]
pub struct SearchCache(RefCell<Option<(Version, Rc<SearchIndex>)>>);

/// The whole plan's RAG counts, kept until the plan changes.
#[derive(Debug, Default)]
pub struct CountsCache(Cell<Option<(Version, RagCounts)>>);

/// Which screen is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Themes, actions table and detail.
    Main,
    /// RAG counts per theme, overdue and unrated lists, measures.
    Dashboard,
    /// The commits that touched the file; the selected action as of each.
    History,
    /// Actions whose progress has not changed for the most commits.
    Stale,
}

/// Which pane of the main screen has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The themes list.
    Themes,
    /// The actions table.
    Actions,
    /// The selected action's milestones, in the detail pane.
    Milestones,
    /// A theme's measures, in the detail pane.
    Measures,
}

/// A line in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// What to say.
    pub text: String,
    /// Said as a problem (shown in the error colour).
    pub error: bool,
}

/// What the screen shows, apart from the plans themselves.
#[derive(Debug)]
pub struct Ui {
    /// The screen.
    pub screen: Screen,
    /// The focused pane.
    pub focus: Focus,
    /// Active filters (shared by every year).
    pub filter: Filter,
    /// The order of the actions table.
    pub sort: super::sort::Sort,
    /// The form or popup on top, if any.
    pub popup: Option<Popup>,
    /// The theme whose measures the measures list shows.
    pub measures_theme: usize,
    /// The year file's history, once read for the history screens.
    pub versions: Option<super::history::Versions>,
    /// The status-bar message.
    pub message: Option<Message>,
    /// Rows of the actions table the last frame had room for (for paging).
    pub page: usize,
    /// Render without colour (`NO_COLOR`): ratings as letters.
    pub palette: Palette,
    /// Set when the app should exit.
    pub quit: bool,
    /// What is computed once per change and kept until the plan changes.
    pub cache: Caches,
    /// Where the last frame drew the panes, for mouse clicks.
    pub areas: Cell<Areas>,
    /// The selected row of a screen's list (dashboard, not updated, history).
    pub list: ListCursor,
    /// The first line of the detail pane shown (Ctrl-d / Ctrl-u scroll it).
    pub detail_scroll: usize,
}

/// Results kept until what they depend on changes, so a frame never recomputes them.
#[derive(Debug, Default)]
pub struct Caches {
    /// The actions table's rows.
    pub rows: RowsCache,
    /// The plan's RAG counts.
    pub counts: CountsCache,
    /// The search texts.
    pub search: SearchCache,
    /// The "not updated since" ranking.
    pub stale: super::stale::StaleCache,
    /// The dashboard's lists.
    pub dashboard: super::screens::DashboardCache,
}

/// The selected row of a screen's list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    /// The row, counted from 0.
    pub selected: usize,
}

impl ListCursor {
    /// Back to the first row.
    pub fn reset(&mut self) {
        self.selected = 0;
    }

    /// Moves by `delta` rows within a list of `len` rows.
    pub fn step(&mut self, delta: isize, len: usize) {
        self.selected = self
            .selected
            .saturating_add_signed(delta)
            .min(len.saturating_sub(1));
    }
}

/// Screen areas of the last frame that the mouse can point at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    /// The themes list's rows.
    pub themes: Rect,
    /// The actions table's rows (below its header).
    pub table: Rect,
    /// The themes row (0 is "all themes") drawn first in the themes pane.
    pub first_theme: usize,
    /// The detail pane, inside its border.
    pub detail: Rect,
    /// How many lines the detail pane's text takes, wrapped to its width.
    pub detail_lines: usize,
    /// The help overlay, inside its border.
    pub help: Rect,
}

/// The application: years of the store, the current one, the UI, and today's date.
#[derive(Debug)]
pub struct App {
    /// The store's year files, oldest first.
    pub years: Vec<Year>,
    /// Index of the year shown.
    pub current: usize,
    /// Screen state.
    pub ui: Ui,
    /// The date overdue is measured against.
    pub today: NaiveDate,
    /// Git reads running off the render path.
    pub work: super::work::Worker,
    /// How a typed "Q3 2014" is counted (the config file's `quarters:`).
    pub quarters: crate::model::QuarterYear,
}

impl App {
    /// An app over these files (ordered by the period they cover), opened on the most recent
    /// year.
    pub fn new(mut files: Vec<PathBuf>, today: NaiveDate, palette: Palette) -> App {
        files.sort_by_cached_key(|f| (period_start(f), f.clone()));
        let mut years: Vec<Year> = files.into_iter().map(Year::new).collect();
        let current = years.len().saturating_sub(1);
        if let Some(year) = years.get_mut(current) {
            year.ensure_loaded();
        }
        let ui = Ui {
            screen: Screen::Main,
            focus: Focus::Actions,
            filter: Filter::default(),
            sort: super::sort::Sort::default(),
            popup: None,
            measures_theme: 0,
            versions: None,
            message: None,
            page: 10,
            palette,
            quit: false,
            cache: Caches::default(),
            areas: Cell::new(Areas::default()),
            list: ListCursor::default(),
            detail_scroll: 0,
        };
        App {
            years,
            current,
            ui,
            today,
            work: super::work::Worker::default(),
            quarters: crate::model::QuarterYear::default(),
        }
    }

    /// The year shown.
    pub fn year(&self) -> &Year {
        &self.years[self.current]
    }

    /// The year shown, to change it.
    pub fn year_mut(&mut self) -> &mut Year {
        &mut self.years[self.current]
    }

    /// The plan shown, when it loaded.
    pub fn plan(&self) -> Option<&Plan> {
        self.year().plan()
    }

    /// The theme selected in the themes pane; `None` for "all themes".
    pub fn selected_theme(&self) -> Option<usize> {
        self.year().cursor.theme_row.checked_sub(1)
    }

    /// The actions the table shows, in order: the selected theme's (or all), filtered.
    pub fn rows(&self) -> Rc<Vec<ActionPos>> {
        let key = RowsKey {
            year: self.current,
            generation: self.year().generation,
            revision: self.year().history.revision(),
            theme_row: self.year().cursor.theme_row,
            filter: self.ui.filter.clone(),
            sort: self.ui.sort,
        };
        let cached = self.ui.cache.rows.0.borrow().clone();
        let rows = match cached {
            Some((before, rows)) if before == key => return rows,
            Some((before, rows)) if key.narrows(&before) => Rc::new(self.narrow_rows(&rows)),
            _ => Rc::new(self.compute_rows()),
        };
        *self.ui.cache.rows.0.borrow_mut() = Some((key, Rc::clone(&rows)));
        rows
    }

    fn narrow_rows(&self, rows: &[ActionPos]) -> Vec<ActionPos> {
        self.filter_rows(rows.iter().copied())
    }

    fn compute_rows(&self) -> Vec<ActionPos> {
        let Some(plan) = self.plan() else {
            return Vec::new();
        };
        let theme = self.selected_theme();
        let mut rows = self.filter_rows(
            plan.actions()
                .map(|(pos, _)| pos)
                .filter(|pos| theme.is_none_or(|t| t == pos.theme)),
        );
        self.ui.sort.apply(plan, &mut rows);
        rows
    }

    /// The positions that pass the filters; the search goes through the prepared index.
    fn filter_rows(&self, positions: impl Iterator<Item = ActionPos>) -> Vec<ActionPos> {
        let Some(plan) = self.plan() else {
            return Vec::new();
        };
        let filter = &self.ui.filter;
        let needle = filter.search.to_lowercase();
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let index = (!needle.is_empty()).then(|| self.search_index());
        positions
            .filter(|pos| {
                plan.action(*pos)
                    .is_some_and(|action| filter.matches_besides_search(plan, action, self.today))
            })
            .filter(|pos| {
                index
                    .as_ref()
                    .is_none_or(|index| finder.find(index.text(*pos).as_bytes()).is_some())
            })
            .collect()
    }

    fn search_index(&self) -> Rc<SearchIndex> {
        let key = (
            self.current,
            self.year().generation,
            self.year().history.revision(),
        );
        if let Some((cached, index)) = &*self.ui.cache.search.0.borrow()
            && *cached == key
        {
            return Rc::clone(index);
        }
        let mut theme_starts = Vec::new();
        let mut texts = Vec::new();
        if let Some(plan) = self.plan() {
            for theme in &plan.themes {
                theme_starts.push(texts.len());
                texts.extend(theme.actions.iter().map(|a| search_text(plan, a)));
            }
        }
        let index = Rc::new(SearchIndex {
            texts,
            theme_starts,
        });
        *self.ui.cache.search.0.borrow_mut() = Some((key, Rc::clone(&index)));
        index
    }

    /// RAG counts of every action in the year shown.
    pub fn total_counts(&self) -> RagCounts {
        let key = (
            self.current,
            self.year().generation,
            self.year().history.revision(),
        );
        if let Some((cached, counts)) = self.ui.cache.counts.0.get()
            && cached == key
        {
            return counts;
        }
        let counts = self.plan().map(Plan::rag_counts).unwrap_or_default();
        self.ui.cache.counts.0.set(Some((key, counts)));
        counts
    }

    /// The selected action, if the table has rows.
    pub fn selected_action(&self) -> Option<ActionPos> {
        self.rows().get(self.year().cursor.row).copied()
    }

    /// Years with unsaved edits.
    pub fn unsaved(&self) -> Vec<usize> {
        (0..self.years.len())
            .filter(|&i| self.years[i].history.dirty())
            .collect()
    }

    /// True when the year shown failed to load (read-only).
    pub fn read_only(&self) -> bool {
        matches!(self.year().content, Content::Broken { .. })
    }

    /// Says something in the status bar.
    pub fn say(&mut self, text: impl Into<String>) {
        self.ui.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    /// Reports a problem in the status bar.
    pub fn warn(&mut self, text: impl Into<String>) {
        self.ui.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// Keeps the table cursor on a row that exists and the theme cursor on a theme that exists.
    pub fn clamp_cursor(&mut self) {
        let themes = self.plan().map_or(0, |p| p.themes.len());
        let rows = self.rows().len();
        let cursor = &mut self.year_mut().cursor;
        cursor.theme_row = cursor.theme_row.min(themes);
        cursor.row = cursor.row.min(rows.saturating_sub(1));
    }

    /// Scrolls the actions table so the selected row is on screen.
    pub fn scroll_into_view(&mut self) {
        let page = self.ui.page.max(1);
        let cursor = &mut self.year_mut().cursor;
        if cursor.row < cursor.offset {
            cursor.offset = cursor.row;
        } else if cursor.row >= cursor.offset + page {
            cursor.offset = cursor.row + 1 - page;
        }
    }

    /// Selects the row showing `pos`, if the table shows it.
    pub fn select_action(&mut self, pos: ActionPos) {
        if let Some(row) = self.rows().iter().position(|p| *p == pos) {
            self.year_mut().cursor.row = row;
        }
    }
}

/// The first year of the period a plan file covers, read from its `period:` line near the top
/// (`2013-14` → 2013); files without one sort first, by name.
fn period_start(file: &std::path::Path) -> Option<u32> {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(file)
        .and_then(|f| f.take(16 * 1024).read_to_end(&mut head))
        .ok()?;
    let text = String::from_utf8_lossy(&head);
    let value = text.lines().find_map(|l| l.strip_prefix("period:"))?;
    let digits: String = value
        .trim()
        .trim_matches(['\'', '"'])
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok().filter(|_| digits.len() == 4)
}
