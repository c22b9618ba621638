//! Which key does what on each screen. Every binding carries its description, and the help
//! screen and the README's key table are generated from this one table.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::article::Bucket;

use super::action::Action;
use super::app::Mode;

/// A key as a binding names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key, with Ctrl held or not. Shift is part of the character (`G`, `?`).
    Press { code: KeyCode, ctrl: bool },
    /// Any printable character: typing in the search bar.
    Typed,
}

const fn key(c: char) -> Key {
    Key::Press {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key::Press {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn special(code: KeyCode) -> Key {
    Key::Press { code, ctrl: false }
}

/// Keys, what they do, and the words the help screen uses for it.
pub struct Binding {
    pub keys: &'static [Key],
    pub action: fn() -> Action,
    pub desc: &'static str,
}

/// The bindings of one screen.
pub struct Section {
    pub mode: Mode,
    pub title: &'static str,
    pub bindings: &'static [Binding],
}

macro_rules! bind {
    ([$($key:expr),+], $action:expr, $desc:literal) => {
        Binding { keys: &[$($key),+], action: || $action, desc: $desc }
    };
}

const DOWN: Key = special(KeyCode::Down);
const UP: Key = special(KeyCode::Up);
const LEFT: Key = special(KeyCode::Left);
const RIGHT: Key = special(KeyCode::Right);
const HOME: Key = special(KeyCode::Home);
const END: Key = special(KeyCode::End);
const PAGE_DOWN: Key = special(KeyCode::PageDown);
const PAGE_UP: Key = special(KeyCode::PageUp);
const ENTER: Key = special(KeyCode::Enter);
const ESC: Key = special(KeyCode::Esc);
const BACKSPACE: Key = special(KeyCode::Backspace);

/// Every screen's keys, in the order the help screen lists them.
pub static SECTIONS: &[Section] = &[
    Section {
        mode: Mode::List,
        title: "List",
        bindings: &[
            bind!([key('j'), DOWN], Action::Down, "next article"),
            bind!([key('k'), UP], Action::Up, "previous article"),
            bind!([key('g'), HOME], Action::Top, "first article"),
            bind!([key('G'), END], Action::Bottom, "last article"),
            bind!([PAGE_DOWN, ctrl('d')], Action::PageDown, "page down"),
            bind!([PAGE_UP, ctrl('u')], Action::PageUp, "page up"),
            bind!([ENTER, key('l')], Action::Open, "read the selected article"),
            bind!([key('/')], Action::StartSearch, "edit the query"),
            bind!([key('1')], Action::SetFilter(None), "all sentiments"),
            bind!(
                [key('2')],
                Action::SetFilter(Some(Bucket::Positive)),
                "positive only"
            ),
            bind!(
                [key('3')],
                Action::SetFilter(Some(Bucket::Neutral)),
                "neutral only"
            ),
            bind!(
                [key('4')],
                Action::SetFilter(Some(Bucket::Negative)),
                "negative only"
            ),
            bind!(
                [key('f')],
                Action::CycleFilter,
                "cycle the sentiment filter"
            ),
            bind!([key('c')], Action::OpenCategories, "choose a category"),
            bind!(
                [key('s')],
                Action::CycleSort,
                "sort by date, score or title"
            ),
            bind!([key('r')], Action::Reload, "reload the library"),
            bind!(
                [key('d')],
                Action::ShowDashboard,
                "dashboard of the shown articles"
            ),
            bind!(
                [key('t')],
                Action::TagByHand,
                "tag the selected article by hand"
            ),
            bind!([key('u')], Action::UndoTag, "undo the last tag written"),
            bind!([key('?')], Action::ShowHelp, "this help"),
            bind!([ESC], Action::ClearAll, "clear query, filter and category"),
            bind!([key('q')], Action::Quit, "quit"),
        ],
    },
    Section {
        mode: Mode::Search,
        title: "Search bar",
        bindings: &[
            bind!(
                [Key::Typed],
                Action::SearchInput(' '),
                "edit the query; the list follows"
            ),
            bind!([BACKSPACE], Action::SearchBackspace, "delete a character"),
            bind!(
                [ENTER],
                Action::SearchKeep,
                "keep the query, back to the list"
            ),
            bind!(
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
            bind!([key('j'), DOWN], Action::Down, "scroll down"),
            bind!([key('k'), UP], Action::Up, "scroll up"),
            bind!([key('g'), HOME], Action::Top, "top"),
            bind!([key('G'), END], Action::Bottom, "end"),
            bind!(
                [PAGE_DOWN, ctrl('d'), key(' ')],
                Action::PageDown,
                "page down"
            ),
            bind!([PAGE_UP, ctrl('u')], Action::PageUp, "page up"),
            bind!([key('n')], Action::NextMatch, "next match of the query"),
            bind!([key('N')], Action::PrevMatch, "previous match"),
            bind!(
                [key('o')],
                Action::OpenSource,
                "open the source in a browser"
            ),
            bind!([key('t')], Action::TagByHand, "tag this article by hand"),
            bind!([key('u')], Action::UndoTag, "undo the last tag written"),
            bind!([key('?')], Action::ShowHelp, "this help"),
            bind!([key('q'), ESC, key('h')], Action::Back, "back to the list"),
        ],
    },
    Section {
        mode: Mode::Categories,
        title: "Category picker",
        bindings: &[
            bind!([key('j'), DOWN], Action::Down, "next category"),
            bind!([key('k'), UP], Action::Up, "previous category"),
            bind!([key('g'), HOME], Action::Top, "first"),
            bind!([key('G'), END], Action::Bottom, "last"),
            bind!([ENTER, key('l')], Action::Open, "show this category"),
            bind!([key('?')], Action::ShowHelp, "this help"),
            bind!([key('q'), ESC, key('c')], Action::Back, "back, unchanged"),
        ],
    },
    Section {
        mode: Mode::Tag,
        title: "Tag picker",
        bindings: &[
            bind!([key('k'), UP], Action::Up, "a more positive label"),
            bind!([key('j'), DOWN], Action::Down, "a more negative label"),
            bind!(
                [key('l'), RIGHT, key('+')],
                Action::ScoreUp,
                "raise the score"
            ),
            bind!(
                [key('h'), LEFT, key('-')],
                Action::ScoreDown,
                "lower the score"
            ),
            bind!([ENTER], Action::WriteTag, "write the tag into the file"),
            bind!([key('?')], Action::ShowHelp, "this help"),
            bind!([key('q'), ESC], Action::Back, "cancel; nothing is written"),
        ],
    },
    Section {
        mode: Mode::Dashboard,
        title: "Dashboard",
        bindings: &[
            bind!([key('?')], Action::ShowHelp, "this help"),
            bind!([key('q'), ESC, key('d')], Action::Back, "back to the list"),
        ],
    },
    Section {
        mode: Mode::Help,
        title: "Help",
        bindings: &[
            bind!([key('j'), DOWN], Action::Down, "scroll down"),
            bind!([key('k'), UP], Action::Up, "scroll up"),
            bind!(
                [PAGE_DOWN, ctrl('d'), key(' ')],
                Action::PageDown,
                "page down"
            ),
            bind!([PAGE_UP, ctrl('u')], Action::PageUp, "page up"),
            bind!([key('g'), HOME], Action::Top, "top"),
            bind!([key('G'), END], Action::Bottom, "end"),
            bind!([key('q'), ESC, key('?')], Action::Back, "close the help"),
        ],
    },
];

/// Ctrl-c quits from anywhere, as a terminal user expects even in raw mode.
const QUIT: Key = ctrl('c');

/// The action `event` stands for in `mode`, if any.
pub fn action_for(mode: Mode, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    if matches_key(QUIT, event) {
        return Some(Action::Quit);
    }
    let section = SECTIONS.iter().find(|s| s.mode == mode)?;
    for binding in section.bindings {
        for &key in binding.keys {
            if key == Key::Typed {
                if let Some(c) = typed(event) {
                    return Some(Action::SearchInput(c));
                }
            } else if matches_key(key, event) {
                return Some((binding.action)());
            }
        }
    }
    None
}

fn matches_key(key: Key, event: KeyEvent) -> bool {
    let Key::Press { code, ctrl } = key else {
        return false;
    };
    let held = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    event.code == code && held == ctrl && !alt
}

/// The character a key types, if it types one.
fn typed(event: KeyEvent) -> Option<char> {
    let plain = !event
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match event.code {
        KeyCode::Char(c) if plain && !c.is_control() => Some(c),
        _ => None,
    }
}

/// How the help screen and the README write a key.
pub fn key_name(key: Key) -> String {
    let Key::Press { code, ctrl } = key else {
        return "typing".to_owned();
    };
    let name = match code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "Down".to_owned(),
        KeyCode::Up => "Up".to_owned(),
        KeyCode::Left => "Left".to_owned(),
        KeyCode::Right => "Right".to_owned(),
        KeyCode::Home => "Home".to_owned(),
        KeyCode::End => "End".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::Enter => "Enter".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        KeyCode::Backspace => "Backspace".to_owned(),
        other => format!("{other:?}"),
    };
    match ctrl {
        true => format!("Ctrl-{name}"),
        false => name,
    }
}

/// The keys of a binding as one cell: `j, Down`.
pub fn keys_text(binding: &Binding) -> String {
    let names: Vec<String> = binding.keys.iter().map(|&k| key_name(k)).collect();
    names.join(", ")
}

/// The key table in Markdown, as the README shows it (a test keeps the two the same).
#[cfg(test)]
pub fn markdown_table() -> String {
    let mut out = String::from("| Where | Keys | What they do |\n|---|---|---|\n");
    for section in SECTIONS {
        for binding in section.bindings {
            let keys = keys_text(binding).replace('|', "\\|");
            out += &format!(
                "| {} | `{}` | {} |\n",
                section.title,
                keys.replace(", ", "`, `"),
                binding.desc
            );
        }
    }
    out += "| Anywhere | `Ctrl-c` | quit |\n";
    out += "| List and reader | mouse wheel, click | scroll; a click selects a row |\n";
    out
}
