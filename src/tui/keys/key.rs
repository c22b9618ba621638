//! What a key is: as a binding names it, as the configuration writes it (`Ctrl-d`, `PgDn`),
//! as the help shows it, and whether a key event is it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as a binding names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key, with Ctrl held or not. Shift is part of the character (`G`, `?`).
    Press { code: KeyCode, ctrl: bool },
    /// Any printable character: typing in the search bar.
    Typed,
}

pub const fn key(c: char) -> Key {
    Key::Press {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

pub const fn ctrl(c: char) -> Key {
    Key::Press {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

pub const fn special(code: KeyCode) -> Key {
    Key::Press { code, ctrl: false }
}

pub const DOWN: Key = special(KeyCode::Down);
pub const UP: Key = special(KeyCode::Up);
pub const LEFT: Key = special(KeyCode::Left);
pub const RIGHT: Key = special(KeyCode::Right);
pub const HOME: Key = special(KeyCode::Home);
pub const END: Key = special(KeyCode::End);
pub const PAGE_DOWN: Key = special(KeyCode::PageDown);
pub const PAGE_UP: Key = special(KeyCode::PageUp);
pub const ENTER: Key = special(KeyCode::Enter);
pub const ESC: Key = special(KeyCode::Esc);
pub const BACKSPACE: Key = special(KeyCode::Backspace);
pub const DELETE: Key = special(KeyCode::Delete);

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

pub fn matches_key(key: Key, event: KeyEvent) -> bool {
    let Key::Press { code, ctrl } = key else {
        return false;
    };
    let held = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    event.code == code && held == ctrl && !alt
}

/// The character a key types, if it types one.
pub fn typed(event: KeyEvent) -> Option<char> {
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
