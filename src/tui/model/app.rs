//! The reader's model: everything the screen shows is read from an [`App`], and only
//! `update` changes one.

use std::path::PathBuf;

use ratatui::layout::Size;

use crate::article::Bucket;
use crate::history::SearchHistory;
use crate::marks::Marks;
use crate::query::Query;
use crate::query::SavedQueries;
use crate::query::SortOrder;
use crate::reading::Reading;
use crate::render::Look;

use crate::library::{Catalog, Selection};
use crate::tui::keys::Keymap;
use crate::tui::model::picker::Picker;
use crate::tui::model::preview::PreviewText;
use crate::tui::model::reader::Reader;
use crate::tui::model::search::SearchBar;
use crate::tui::model::stats::Stats;
use crate::tui::model::tagging::{Step, TagPicker};

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    /// What the header calls the library: its folder, or "built-in samples".
    pub source: String,
    pub catalog: Catalog,
    /// Bumped whenever a load starts, so that messages from an abandoned load are ignored.
    pub generation: u64,
    pub load: LoadState,
    pub search: SearchBar,
    /// The last query that parsed; the list shows its matches.
    pub query: Query,
    pub bucket: Option<Bucket>,
    /// Only articles not yet read are shown.
    pub unread_only: bool,
    pub category: Option<String>,
    pub order: SortOrder,
    pub list: ListState,
    pub screen: Screen,
    /// The help screen, drawn over whichever screen is open.
    pub help: bool,
    /// Lines the help is scrolled down, on a terminal too small for all of it.
    pub help_scroll: usize,
    /// The tag picker, drawn over the list or the reader.
    pub tagging: Option<TagPicker>,
    /// Tag writes of this session that `u` can take back, the latest last.
    pub undo: Vec<Step>,
    /// A question the reader waits for an answer to before it acts.
    pub confirm: Option<Confirm>,
    /// The selected article's text, as far as the preview shows it.
    pub preview: Option<PreviewText>,
    /// The library's folders (and files named on their own): a tag is written only into a
    /// file that lies inside them, every link followed.
    pub roots: Vec<PathBuf>,
    /// Read and starred marks, kept in the user's data folder.
    pub marks: Marks,
    /// The keys in use.
    pub keys: Keymap,
    /// How the library's files are read: its limits (the reader cuts lines at
    /// `max_line_chars`) and the scale that buckets scores.
    pub reading: Reading,
    /// The colours and date format to draw with.
    pub look: Look,
    /// Saved searches, which `@name` in the query stands for.
    pub saved: SavedQueries,
    /// Today, by the local calendar, from which `date:7d` counts back.
    pub today: jiff::civil::Date,
    /// The queries kept from the search bar, across runs.
    pub history: SearchHistory,
    /// A one-line message for the status bar, cleared by the next key.
    pub notice: Option<String>,
    /// True while the subscribed feeds are being fetched.
    pub fetching: bool,
    pub viewport: Size,
    /// False under `NO_COLOR`: the screen keeps its symbols and modifiers but drops colours.
    pub color: bool,
    pub quit: bool,
}

/// How far loading has got.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LoadState {
    /// Files the walk found; `None` until the walk is done.
    pub files: Option<usize>,
    /// Articles taken from the cache at once.
    pub cached: usize,
    /// Files read so far, including those that failed.
    pub read: usize,
    /// True until the library is complete.
    pub active: bool,
    /// True when the user asked for a reload: the old list stays until the new one is ready.
    pub reloading: bool,
    /// The folders changed while loading: load again once this load is done.
    pub stale: bool,
}

/// The visible rows and where the user is in them.
#[derive(Debug, Default, Clone)]
pub struct ListState {
    /// Document numbers of the rows, in display order.
    pub visible: Vec<u32>,
    pub selected: usize,
    /// The first row on screen.
    pub offset: usize,
}

/// What fills the screen below the header.
#[derive(Debug)]
pub enum Screen {
    List,
    Reader(Box<Reader>),
    Dashboard(Box<Stats>),
    Categories(Picker),
    /// The saved searches, each with how many articles it finds.
    Saved(Picker),
}

/// What the reader asks before it acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// Mark this many shown articles read, more than a screenful.
    MarkShownRead(usize),
}

/// Which keymap applies now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    List,
    Search,
    Reader,
    Dashboard,
    Categories,
    /// The saved searches picker.
    Saved,
    /// The links view over the reader.
    Links,
    /// The tag picker.
    Tag,
    /// A question waiting for yes or no.
    Confirm,
    Help,
}

impl App {
    pub fn new(source: String, viewport: Size, color: bool) -> App {
        App {
            source,
            catalog: Catalog::default(),
            generation: 0,
            load: LoadState {
                active: true,
                ..LoadState::default()
            },
            search: SearchBar::default(),
            query: Query::default(),
            bucket: None,
            unread_only: false,
            category: None,
            order: SortOrder::Date,
            list: ListState::default(),
            screen: Screen::List,
            help: false,
            help_scroll: 0,
            tagging: None,
            undo: Vec::new(),
            confirm: None,
            preview: None,
            roots: Vec::new(),
            marks: Marks::default(),
            keys: Keymap::default(),
            reading: Reading::default(),
            look: Look::default(),
            saved: SavedQueries::default(),
            today: jiff::civil::Date::default(),
            history: SearchHistory::default(),
            notice: None,
            fetching: false,
            viewport,
            color,
            quit: false,
        }
    }

    pub fn mode(&self) -> Mode {
        match self.help {
            true => Mode::Help,
            false => self.screen_mode(),
        }
    }

    /// The mode of the screen under the help, if it is open.
    pub fn screen_mode(&self) -> Mode {
        if self.confirm.is_some() {
            return Mode::Confirm;
        }
        if self.tagging.is_some() {
            return Mode::Tag;
        }
        match &self.screen {
            Screen::List if self.search.editing => Mode::Search,
            Screen::List => Mode::List,
            Screen::Reader(reader) if reader.link_list.is_some() => Mode::Links,
            Screen::Reader(_) => Mode::Reader,
            Screen::Dashboard(_) => Mode::Dashboard,
            Screen::Categories(_) => Mode::Categories,
            Screen::Saved(_) => Mode::Saved,
        }
    }

    pub fn selection(&self) -> Selection<'_> {
        Selection {
            query: &self.query,
            bucket: self.bucket,
            category: self.category.as_deref(),
            order: self.order,
            marks: &self.marks,
            unread_only: self.unread_only,
        }
    }

    /// The document number of the selected row.
    pub fn selected_doc(&self) -> Option<u32> {
        self.list.visible.get(self.list.selected).copied()
    }

    pub fn total(&self) -> usize {
        self.catalog.len()
    }

    pub fn shown(&self) -> usize {
        self.list.visible.len()
    }
}

impl LoadState {
    /// Files dealt with so far, from the cache or read.
    pub fn done(&self) -> usize {
        self.cached + self.read
    }
}
