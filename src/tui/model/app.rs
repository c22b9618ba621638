//! The reader's model: everything the screen shows is read from an [`App`], and only
//! `update` changes one.

use ratatui::layout::Size;

use crate::article::Bucket;
use crate::marks::Marks;
use crate::query::Query;
use crate::query::SortOrder;
use crate::reading::Reading;
use crate::render::Look;

use crate::library::{Catalog, Selection};
use crate::tui::keys::Keymap;
use crate::tui::model::picker::Picker;
use crate::tui::model::reader::Reader;
use crate::tui::model::stats::Stats;
use crate::tui::model::tagging::{TagPicker, Undo};

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
    pub undo: Vec<Undo>,
    /// Read and starred marks, kept in the user's data folder.
    pub marks: Marks,
    /// The keys in use.
    pub keys: Keymap,
    /// How the library's files are read: its limits (the reader cuts lines at
    /// `max_line_chars`) and the scale that buckets scores.
    pub reading: Reading,
    /// The colours and date format to draw with.
    pub look: Look,
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

/// The query as typed, which may not parse yet.
#[derive(Debug, Default, Clone)]
pub struct SearchBar {
    pub text: String,
    pub editing: bool,
    /// The text of the query the list shows: `text` when it parses.
    pub applied: String,
    /// Why `text` does not parse; the list keeps the last query that did.
    pub error: Option<String>,
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
}

/// Which keymap applies now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    List,
    Search,
    Reader,
    Dashboard,
    Categories,
    /// The tag picker.
    Tag,
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
            category: None,
            order: SortOrder::Date,
            list: ListState::default(),
            screen: Screen::List,
            help: false,
            help_scroll: 0,
            tagging: None,
            undo: Vec::new(),
            marks: Marks::default(),
            keys: Keymap::default(),
            reading: Reading::default(),
            look: Look::default(),
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
        if self.tagging.is_some() {
            return Mode::Tag;
        }
        match &self.screen {
            Screen::List if self.search.editing => Mode::Search,
            Screen::List => Mode::List,
            Screen::Reader(_) => Mode::Reader,
            Screen::Dashboard(_) => Mode::Dashboard,
            Screen::Categories(_) => Mode::Categories,
        }
    }

    pub fn selection(&self) -> Selection<'_> {
        Selection {
            query: &self.query,
            bucket: self.bucket,
            category: self.category.as_deref(),
            order: self.order,
            marks: &self.marks,
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
