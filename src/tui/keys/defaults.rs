//! The keys out of the box, screen by screen, in the order the help screen lists them.

use crate::article::Bucket;

use super::key::*;
use crate::tui::keys::{Binding, Section, bind};
use crate::tui::model::action::Action;
use crate::tui::model::app::Mode;
use crate::tui::model::search::Edit;

/// The keys that open the article's links by number, the n-th opening link n.
pub(super) const DIGITS: &[Key] = &[
    key('1'),
    key('2'),
    key('3'),
    key('4'),
    key('5'),
    key('6'),
    key('7'),
    key('8'),
    key('9'),
];

/// Link n for the n-th key of `open-link`.
fn open_link() -> Binding {
    Binding {
        name: "open-link",
        keys: DIGITS,
        action: |at| Action::OpenLink(at + 1),
        desc: "open the link of that number",
    }
}

/// How a screen that scrolls names the moves of [`navigation`].
struct Moves {
    down: &'static str,
    up: &'static str,
    top: &'static str,
    bottom: &'static str,
    /// Space pages down too, as in a pager, where it does not toggle anything.
    space_pages: bool,
}

/// Moving through a list or a text: the same keys on every screen that scrolls, described in
/// that screen's words.
fn navigation(moves: Moves) -> Vec<Binding> {
    const PAGES: &[Key] = &[PAGE_DOWN, ctrl('d'), key(' ')];
    let page_down = match moves.space_pages {
        true => PAGES,
        false => &PAGES[..2],
    };
    vec![
        bind!("down", [key('j'), DOWN], Action::Down, moves.down),
        bind!("up", [key('k'), UP], Action::Up, moves.up),
        bind!("top", [key('g'), HOME], Action::Top, moves.top),
        bind!("bottom", [key('G'), END], Action::Bottom, moves.bottom),
        Binding {
            name: "page-down",
            keys: page_down,
            action: |_| Action::PageDown,
            desc: "page down",
        },
        bind!("page-up", [PAGE_UP, ctrl('u')], Action::PageUp, "page up"),
    ]
}

/// Every screen's keys as they are out of the box, in the order the help screen lists them.
pub fn defaults() -> Vec<Section> {
    vec![
        Section {
            mode: Mode::List,
            title: "List",
            bindings: [navigation(LIST_MOVES), list_keys()].concat(),
        },
        Section {
            mode: Mode::Search,
            title: "Search bar",
            bindings: search_keys(),
        },
        Section {
            mode: Mode::Reader,
            title: "Reader",
            bindings: [navigation(READER_MOVES), reader_keys()].concat(),
        },
        Section {
            mode: Mode::Categories,
            title: "Category picker",
            bindings: [navigation(CATEGORY_MOVES), category_keys()].concat(),
        },
        Section {
            mode: Mode::Saved,
            title: "Saved searches",
            bindings: [navigation(SAVED_MOVES), saved_keys()].concat(),
        },
        Section {
            mode: Mode::Links,
            title: "Links",
            bindings: [navigation(LINK_MOVES), link_keys()].concat(),
        },
        Section {
            mode: Mode::Tag,
            title: "Tag picker",
            bindings: tag_keys(),
        },
        Section {
            mode: Mode::Confirm,
            title: "Question",
            bindings: confirm_keys(),
        },
        Section {
            mode: Mode::Dashboard,
            title: "Dashboard",
            bindings: vec![
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
            bindings: [
                navigation(TEXT_MOVES),
                vec![bind!(
                    "back",
                    [key('q'), ESC, key('?')],
                    Action::Back,
                    "close the help"
                )],
            ]
            .concat(),
        },
    ]
}

const LIST_MOVES: Moves = Moves {
    down: "next article",
    up: "previous article",
    top: "first article",
    bottom: "last article",
    space_pages: false,
};

const LINK_MOVES: Moves = Moves {
    down: "next link",
    up: "previous link",
    top: "first",
    bottom: "last",
    space_pages: false,
};

const TEXT_MOVES: Moves = Moves {
    down: "scroll down",
    up: "scroll up",
    top: "top",
    bottom: "end",
    space_pages: true,
};

/// The reader's moves: Space does more there (see [`reader_keys`]).
const READER_MOVES: Moves = Moves {
    space_pages: false,
    ..TEXT_MOVES
};

const SAVED_MOVES: Moves = Moves {
    down: "next search",
    up: "previous search",
    top: "first",
    bottom: "last",
    space_pages: false,
};

const CATEGORY_MOVES: Moves = Moves {
    down: "next category",
    up: "previous category",
    top: "first",
    bottom: "last",
    space_pages: false,
};

fn list_keys() -> Vec<Binding> {
    vec![
        bind!(
            "open",
            [ENTER, key('l')],
            Action::Open,
            "read the selected article"
        ),
        bind!("search", [key('/')], Action::StartSearch, "edit the query"),
        bind!(
            "unread-only",
            [key('a')],
            Action::ToggleUnreadOnly,
            "unread articles only, or all"
        ),
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
            "saved-searches",
            [key('@')],
            Action::OpenSaved,
            "saved searches, with their counts"
        ),
        bind!(
            "sort",
            [key('s')],
            Action::CycleSort,
            "sort by date, score or title"
        ),
        bind!("reload", [key('r')], Action::Reload, "reload the library"),
        bind!(
            "fetch",
            [key('F')],
            Action::Fetch,
            "fetch the subscribed feeds"
        ),
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
            "undo the last tag or mark-all"
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
    ]
}

fn search_keys() -> Vec<Binding> {
    vec![
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
            "delete-forward",
            [DELETE],
            Action::SearchEdit(Edit::Delete),
            "delete the character under the cursor"
        ),
        bind!(
            "delete-word",
            [ctrl('w')],
            Action::SearchEdit(Edit::DeleteWord),
            "delete the word before the cursor"
        ),
        bind!(
            "delete-to-start",
            [ctrl('u')],
            Action::SearchEdit(Edit::DeleteToStart),
            "delete to the start"
        ),
        bind!(
            "left",
            [LEFT],
            Action::SearchEdit(Edit::Left),
            "cursor left"
        ),
        bind!(
            "right",
            [RIGHT],
            Action::SearchEdit(Edit::Right),
            "cursor right"
        ),
        bind!(
            "start",
            [HOME, ctrl('a')],
            Action::SearchEdit(Edit::Home),
            "cursor to the start"
        ),
        bind!(
            "end",
            [END, ctrl('e')],
            Action::SearchEdit(Edit::End),
            "cursor to the end"
        ),
        bind!(
            "older",
            [UP],
            Action::SearchEdit(Edit::Older),
            "an earlier query (kept across runs)"
        ),
        bind!(
            "newer",
            [DOWN],
            Action::SearchEdit(Edit::Newer),
            "a later query"
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
    ]
}

fn reader_keys() -> Vec<Binding> {
    vec![
        bind!(
            "page-or-next",
            [key(' ')],
            Action::PageOrNextUnread,
            "page down; at the end, the next unread article"
        ),
        bind!(
            "next-article",
            [key('J')],
            Action::NextArticle,
            "the next article of the list"
        ),
        bind!(
            "previous-article",
            [key('K')],
            Action::PreviousArticle,
            "the previous article of the list"
        ),
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
        open_link(),
        bind!(
            "links",
            [key('L')],
            Action::ShowLinks,
            "the links, to open or copy"
        ),
        bind!(
            "whole-text",
            [key('a')],
            Action::ToggleWholeText,
            "the whole text, or the article alone"
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
            "undo the last tag or mark-all"
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
    ]
}

fn category_keys() -> Vec<Binding> {
    vec![
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
    ]
}

fn saved_keys() -> Vec<Binding> {
    vec![
        bind!(
            "open",
            [ENTER, key('l')],
            Action::Open,
            "search with this one"
        ),
        bind!("help", [key('?')], Action::ShowHelp, "this help"),
        bind!(
            "back",
            [key('q'), ESC, key('@')],
            Action::Back,
            "back, unchanged"
        ),
    ]
}

fn link_keys() -> Vec<Binding> {
    vec![
        bind!(
            "open",
            [ENTER, key('l'), key('o')],
            Action::Open,
            "open the link in a browser"
        ),
        open_link(),
        bind!(
            "copy-link",
            [key('y'), key('c')],
            Action::CopyLink,
            "copy the address (through the terminal)"
        ),
        bind!("help", [key('?')], Action::ShowHelp, "this help"),
        bind!(
            "back",
            [key('q'), ESC, key('L')],
            Action::Back,
            "back to the article"
        ),
    ]
}

fn tag_keys() -> Vec<Binding> {
    vec![
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
            [ESC, key('q')],
            Action::Back,
            "cancel; nothing is written"
        ),
    ]
}

fn confirm_keys() -> Vec<Binding> {
    vec![
        bind!("yes", [key('y'), ENTER], Action::Confirm, "yes, do it"),
        bind!(
            "no",
            [key('n'), ESC, key('q')],
            Action::Refuse,
            "no, change nothing"
        ),
        bind!("help", [key('?')], Action::ShowHelp, "this help"),
    ]
}
