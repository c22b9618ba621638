//! The keys out of the box, screen by screen, in the order the help screen lists them.

use crate::article::Bucket;

use super::action::Action;
use super::app::Mode;
use super::keymap::{Binding, Section, bind};
use super::keys::*;

/// Every screen's keys as they are out of the box, in the order the help screen lists them.
pub static DEFAULTS: &[Section] = &[
    Section {
        mode: Mode::List,
        title: "List",
        bindings: &[
            bind!("down", [key('j'), DOWN], Action::Down, "next article"),
            bind!("up", [key('k'), UP], Action::Up, "previous article"),
            bind!("top", [key('g'), HOME], Action::Top, "first article"),
            bind!("bottom", [key('G'), END], Action::Bottom, "last article"),
            bind!(
                "page-down",
                [PAGE_DOWN, ctrl('d')],
                Action::PageDown,
                "page down"
            ),
            bind!("page-up", [PAGE_UP, ctrl('u')], Action::PageUp, "page up"),
            bind!(
                "open",
                [ENTER, key('l')],
                Action::Open,
                "read the selected article"
            ),
            bind!("search", [key('/')], Action::StartSearch, "edit the query"),
            bind!(
                "filter-all",
                [key('1')],
                Action::SetFilter(None),
                "all sentiments"
            ),
            bind!(
                "filter-positive",
                [key('2')],
                Action::SetFilter(Some(Bucket::Positive)),
                "positive only"
            ),
            bind!(
                "filter-neutral",
                [key('3')],
                Action::SetFilter(Some(Bucket::Neutral)),
                "neutral only"
            ),
            bind!(
                "filter-negative",
                [key('4')],
                Action::SetFilter(Some(Bucket::Negative)),
                "negative only"
            ),
            bind!(
                "cycle-filter",
                [key('f')],
                Action::CycleFilter,
                "cycle the sentiment filter"
            ),
            bind!(
                "categories",
                [key('c')],
                Action::OpenCategories,
                "choose a category"
            ),
            bind!(
                "sort",
                [key('s')],
                Action::CycleSort,
                "sort by date, score or title"
            ),
            bind!("reload", [key('r')], Action::Reload, "reload the library"),
            bind!(
                "dashboard",
                [key('d')],
                Action::ShowDashboard,
                "dashboard of the shown articles"
            ),
            bind!(
                "tag",
                [key('t')],
                Action::TagByHand,
                "tag the selected article by hand"
            ),
            bind!(
                "undo-tag",
                [key('U')],
                Action::UndoTag,
                "undo the last tag written"
            ),
            bind!(
                "toggle-read",
                [key('u')],
                Action::ToggleRead,
                "mark read or unread"
            ),
            bind!("star", [key('m')], Action::ToggleStar, "star or unstar"),
            bind!(
                "mark-all-read",
                [key('M')],
                Action::MarkShownRead,
                "mark every shown article read"
            ),
            bind!("help", [key('?')], Action::ShowHelp, "this help"),
            bind!(
                "clear",
                [ESC],
                Action::ClearAll,
                "clear query, filter and category"
            ),
            bind!("quit", [key('q')], Action::Quit, "quit"),
        ],
    },
    Section {
        mode: Mode::Search,
        title: "Search bar",
        bindings: &[
            bind!(
                "type",
                [Key::Typed],
                Action::SearchInput(' '),
                "edit the query; the list follows"
            ),
            bind!(
                "delete-char",
                [BACKSPACE],
                Action::SearchBackspace,
                "delete a character"
            ),
            bind!(
                "keep-query",
                [ENTER],
                Action::SearchKeep,
                "keep the query, back to the list"
            ),
            bind!(
                "clear-query",
                [ESC],
                Action::SearchClear,
                "clear the query, back to the list"
            ),
        ],
    },
    Section {
        mode: Mode::Reader,
        title: "Reader",
        bindings: &[
            bind!("down", [key('j'), DOWN], Action::Down, "scroll down"),
            bind!("up", [key('k'), UP], Action::Up, "scroll up"),
            bind!("top", [key('g'), HOME], Action::Top, "top"),
            bind!("bottom", [key('G'), END], Action::Bottom, "end"),
            bind!(
                "page-down",
                [PAGE_DOWN, ctrl('d'), key(' ')],
                Action::PageDown,
                "page down"
            ),
            bind!("page-up", [PAGE_UP, ctrl('u')], Action::PageUp, "page up"),
            bind!(
                "next-match",
                [key('n')],
                Action::NextMatch,
                "next match of the query"
            ),
            bind!(
                "prev-match",
                [key('N')],
                Action::PrevMatch,
                "previous match"
            ),
            bind!(
                "open-source",
                [key('o')],
                Action::OpenSource,
                "open the source in a browser"
            ),
            bind!(
                "tag",
                [key('t')],
                Action::TagByHand,
                "tag this article by hand"
            ),
            bind!(
                "undo-tag",
                [key('U')],
                Action::UndoTag,
                "undo the last tag written"
            ),
            bind!(
                "toggle-read",
                [key('u')],
                Action::ToggleRead,
                "mark unread (or read again)"
            ),
            bind!("star", [key('m')], Action::ToggleStar, "star or unstar"),
            bind!("help", [key('?')], Action::ShowHelp, "this help"),
            bind!(
                "back",
                [key('q'), ESC, key('h')],
                Action::Back,
                "back to the list"
            ),
        ],
    },
    Section {
        mode: Mode::Categories,
        title: "Category picker",
        bindings: &[
            bind!("down", [key('j'), DOWN], Action::Down, "next category"),
            bind!("up", [key('k'), UP], Action::Up, "previous category"),
            bind!("top", [key('g'), HOME], Action::Top, "first"),
            bind!("bottom", [key('G'), END], Action::Bottom, "last"),
            bind!(
                "open",
                [ENTER, key('l')],
                Action::Open,
                "show this category"
            ),
            bind!("help", [key('?')], Action::ShowHelp, "this help"),
            bind!(
                "back",
                [key('q'), ESC, key('c')],
                Action::Back,
                "back, unchanged"
            ),
        ],
    },
    Section {
        mode: Mode::Tag,
        title: "Tag picker",
        bindings: &[
            bind!("up", [key('k'), UP], Action::Up, "a more positive label"),
            bind!(
                "down",
                [key('j'), DOWN],
                Action::Down,
                "a more negative label"
            ),
            bind!(
                "score-up",
                [key('l'), RIGHT, key('+')],
                Action::ScoreUp,
                "raise the score"
            ),
            bind!(
                "score-down",
                [key('h'), LEFT, key('-')],
                Action::ScoreDown,
                "lower the score"
            ),
            bind!(
                "write-tag",
                [ENTER],
                Action::WriteTag,
                "write the tag into the file"
            ),
            bind!("help", [key('?')], Action::ShowHelp, "this help"),
            bind!(
                "back",
                [key('q'), ESC],
                Action::Back,
                "cancel; nothing is written"
            ),
        ],
    },
    Section {
        mode: Mode::Dashboard,
        title: "Dashboard",
        bindings: &[
            bind!("help", [key('?')], Action::ShowHelp, "this help"),
            bind!(
                "back",
                [key('q'), ESC, key('d')],
                Action::Back,
                "back to the list"
            ),
        ],
    },
    Section {
        mode: Mode::Help,
        title: "Help",
        bindings: &[
            bind!("down", [key('j'), DOWN], Action::Down, "scroll down"),
            bind!("up", [key('k'), UP], Action::Up, "scroll up"),
            bind!(
                "page-down",
                [PAGE_DOWN, ctrl('d'), key(' ')],
                Action::PageDown,
                "page down"
            ),
            bind!("page-up", [PAGE_UP, ctrl('u')], Action::PageUp, "page up"),
            bind!("top", [key('g'), HOME], Action::Top, "top"),
            bind!("bottom", [key('G'), END], Action::Bottom, "end"),
            bind!(
                "back",
                [key('q'), ESC, key('?')],
                Action::Back,
                "close the help"
            ),
        ],
    },
];
