//! Which key does what on each screen. Every binding carries its description, and the help
//! screen and the README's key table are generated from this one table.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::article::Bucket;
use crate::config::KeyRemap;

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
    /// What the configuration's `keys` calls the action (`page-down`).
    pub name: &'static str,
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
    ($name:literal, [$($key:expr),+], $action:expr, $desc:literal) => {
        Binding { name: $name, keys: &[$($key),+], action: || $action, desc: $desc }
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

/// Ctrl-c quits from anywhere, as a terminal user expects even in raw mode.
const QUIT: Key = ctrl('c');

/// The keys in use: the defaults, with the configuration's changes.
#[derive(Debug, Clone)]
pub struct Keymap {
    pub sections: Vec<ActiveSection>,
}

#[derive(Debug, Clone)]
pub struct ActiveSection {
    pub mode: Mode,
    pub title: &'static str,
    pub bindings: Vec<ActiveBinding>,
}

#[derive(Debug, Clone)]
pub struct ActiveBinding {
    pub name: &'static str,
    pub keys: Vec<Key>,
    pub action: fn() -> Action,
    pub desc: &'static str,
}

impl Default for Keymap {
    fn default() -> Keymap {
        let sections = DEFAULTS
            .iter()
            .map(|section| ActiveSection {
                mode: section.mode,
                title: section.title,
                bindings: section
                    .bindings
                    .iter()
                    .map(|b| ActiveBinding {
                        name: b.name,
                        keys: b.keys.to_vec(),
                        action: b.action,
                        desc: b.desc,
                    })
                    .collect(),
            })
            .collect();
        Keymap { sections }
    }
}

impl Keymap {
    /// The defaults with each remapped action given its new keys, on every screen that has it.
    /// A key taken this way is taken from the screen's other actions, so that keys can be
    /// swapped. Remaps were checked when the configuration was read; any other is ignored.
    pub fn with(remaps: &[KeyRemap]) -> Keymap {
        let mut keymap = Keymap::default();
        for remap in remaps {
            let Ok(keys) = remap
                .keys
                .iter()
                .map(|k| Key::parse(k))
                .collect::<Result<Vec<Key>, String>>()
            else {
                continue;
            };
            for section in &mut keymap.sections {
                if !section.bindings.iter().any(|b| b.name == remap.action) {
                    continue;
                }
                for binding in &mut section.bindings {
                    if binding.name == remap.action {
                        binding.keys = keys.clone();
                    } else {
                        binding.keys.retain(|k| !keys.contains(k));
                    }
                }
            }
        }
        keymap
    }

    /// The action `event` stands for in `mode`, if any.
    pub fn action_for(&self, mode: Mode, event: KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        if matches_key(QUIT, event) {
            return Some(Action::Quit);
        }
        let section = self.sections.iter().find(|s| s.mode == mode)?;
        for binding in &section.bindings {
            for &key in &binding.keys {
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
}

/// True when the configuration may give `name` other keys (typing into the search bar is
/// not an action one can move).
pub fn remappable(name: &str) -> bool {
    name != "type"
        && DEFAULTS
            .iter()
            .any(|s| s.bindings.iter().any(|b| b.name == name))
}

/// Every action name with what it does, once each, as `config init` lists them.
pub fn action_names() -> Vec<(&'static str, &'static str)> {
    let mut names: Vec<(&str, &str)> = Vec::new();
    for binding in DEFAULTS.iter().flat_map(|s| s.bindings.iter()) {
        if binding.name != "type" && !names.iter().any(|(n, _)| *n == binding.name) {
            names.push((binding.name, binding.desc));
        }
    }
    names
}

impl Key {
    /// A key as the configuration writes it: a character (`j`, `G`, `?`), a name (`Enter`,
    /// `Esc`, `Space`, `Tab`, `Backspace`, `Delete`, `Up`, `Down`, `Left`, `Right`, `Home`,
    /// `End`, `PgUp`, `PgDn`, `F1` to `F12`), or either after `Ctrl-`.
    pub fn parse(text: &str) -> Result<Key, String> {
        let trimmed = text.trim();
        let (ctrl, rest) = match split_ctrl(trimmed) {
            Some(rest) => (true, rest),
            None => (false, trimmed),
        };
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            _ => named_key(rest).ok_or_else(|| format!("`{text}` is not a key (a character, a name such as Enter or PgDn, or Ctrl- before one)"))?,
        };
        Ok(Key::Press { code, ctrl })
    }
}

fn split_ctrl(text: &str) -> Option<&str> {
    let lower = text.to_ascii_lowercase();
    ["ctrl-", "ctrl+", "c-"]
        .iter()
        .find(|prefix| lower.starts_with(*prefix) && text.len() > prefix.len())
        .map(|prefix| &text[prefix.len()..])
}

fn named_key(name: &str) -> Option<KeyCode> {
    let lower = name.to_ascii_lowercase();
    let code = match lower.as_str() {
        "space" => KeyCode::Char(' '),
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" => KeyCode::Insert,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        _ => {
            let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
            return (1..=12).contains(&n).then_some(KeyCode::F(n));
        }
    };
    Some(code)
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
        KeyCode::Tab => "Tab".to_owned(),
        KeyCode::Delete => "Delete".to_owned(),
        KeyCode::Insert => "Insert".to_owned(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    match ctrl {
        true => format!("Ctrl-{name}"),
        false => name,
    }
}

/// The keys of a binding as one cell: `j, Down`.
pub fn keys_text(binding: &ActiveBinding) -> String {
    let names: Vec<String> = binding.keys.iter().map(|&k| key_name(k)).collect();
    names.join(", ")
}

/// The key table in Markdown, as the README shows it (a test keeps the two the same).
#[cfg(test)]
pub fn markdown_table() -> String {
    let mut out =
        String::from("| Where | Keys | What they do | Action in `keys:` |\n|---|---|---|---|\n");
    for section in Keymap::default().sections {
        for binding in &section.bindings {
            let keys = keys_text(binding).replace('|', "\\|");
            let name = match binding.name {
                "type" => String::new(),
                name => format!("`{name}`"),
            };
            out += &format!(
                "| {} | `{}` | {} | {name} |\n",
                section.title,
                keys.replace(", ", "`, `"),
                binding.desc
            );
        }
    }
    out += "| Anywhere | `Ctrl-c` | quit | |\n";
    out += "| List and reader | mouse wheel, click | scroll; a click selects a row | |\n";
    out
}
