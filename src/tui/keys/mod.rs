//! Which key does what on each screen. Every binding carries its description, and the help
//! screen and the README's key table are generated from this one table; the configuration may
//! give any action other keys.

use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

use crate::config::KeyRemap;

use crate::tui::model::action::Action;
use crate::tui::model::app::Mode;

mod defaults;
mod key;

use defaults::{DIGITS, defaults};
pub(crate) use key::{Key, key_name};
use key::{ctrl, matches_key, typed};

/// Keys, what they do, and the words the help screen uses for it.
#[derive(Clone)]
pub(crate) struct Binding {
    /// What the configuration's `keys` calls the action (`page-down`).
    pub name: &'static str,
    pub keys: &'static [Key],
    /// The action of the key at this place in `keys`: most bindings do one thing whichever of
    /// their keys is pressed; `open-link`'s n-th key opens link n.
    pub action: fn(usize) -> Action,
    pub desc: &'static str,
}

/// The bindings of one screen.
pub(crate) struct Section {
    pub mode: Mode,
    pub title: &'static str,
    pub bindings: Vec<Binding>,
}

macro_rules! bind {
    ($name:literal, [$($key:expr),+], $action:expr, $desc:expr) => {
        Binding { name: $name, keys: const { &[$($key),+] }, action: |_| $action, desc: $desc }
    };
}

pub(super) use bind;

/// Ctrl-c quits from anywhere, as a terminal user expects even in raw mode.
const QUIT: Key = ctrl('c');
/// Ctrl-z suspends from anywhere, as in a shell; raw mode makes it a key, not a signal.
const SUSPEND: Key = ctrl('z');

/// The keys in use: the defaults, with the configuration's changes.
#[derive(Debug, Clone)]
pub struct Keymap {
    pub(crate) sections: Vec<ActiveSection>,
}

#[derive(Debug, Clone)]
pub(crate) struct ActiveSection {
    pub mode: Mode,
    pub title: &'static str,
    pub bindings: Vec<ActiveBinding>,
}

#[derive(Debug, Clone)]
pub(crate) struct ActiveBinding {
    pub name: &'static str,
    pub keys: Vec<Key>,
    pub action: fn(usize) -> Action,
    pub desc: &'static str,
}

impl Default for Keymap {
    fn default() -> Keymap {
        let sections = defaults()
            .into_iter()
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
    /// swapped. An action or a key the reader does not know is refused with its line and why.
    pub fn with(remaps: &[KeyRemap]) -> Result<Keymap, (u64, String)> {
        let mut keymap = Keymap::default();
        for remap in remaps {
            if !remappable(&remap.action) {
                let actions: Vec<&str> = action_names().into_iter().map(|(name, _)| name).collect();
                let message = format!(
                    "`{}` is not an action; the actions are {}",
                    remap.action,
                    actions.join(", ")
                );
                return Err((remap.line, message));
            }
            let keys = (remap.keys.iter())
                .map(|(text, line)| Key::parse(text).map_err(|message| (*line, message)))
                .collect::<Result<Vec<Key>, _>>()?;
            let keys = &keys;
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
        Ok(keymap)
    }

    /// Warnings for the actions that the remaps in `remaps` left without a key on a screen
    /// where they had one: `remaps` took them for other actions.
    pub fn unbound(&self, remaps: &[KeyRemap]) -> Vec<(u64, String)> {
        let defaults = Keymap::default();
        let mut warnings: Vec<(u64, String)> = Vec::new();
        for (section, default) in self.sections.iter().zip(&defaults.sections) {
            for (binding, was) in section.bindings.iter().zip(&default.bindings) {
                if !binding.keys.is_empty() || was.keys.is_empty() {
                    continue;
                }
                // The last remap that took one of its keys.
                let taker = remaps.iter().rev().find(|remap| {
                    remap
                        .keys
                        .iter()
                        .any(|(text, _)| Key::parse(text).is_ok_and(|key| was.keys.contains(&key)))
                });
                let (line, by) = taker.map_or((0, String::new()), |remap| {
                    (
                        remap.line,
                        format!(" (its keys went to `{}`)", remap.action),
                    )
                });
                let message = format!(
                    "`{}` has no key left in {}{by}",
                    binding.name,
                    section.title.to_lowercase()
                );
                if !warnings.iter().any(|(_, known)| *known == message) {
                    warnings.push((line, message));
                }
            }
        }
        warnings
    }

    /// The action `event` stands for in `mode`, if any.
    pub(crate) fn action_for(&self, mode: Mode, event: KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        if matches_key(QUIT, event) {
            return Some(Action::Quit);
        }
        if matches_key(SUSPEND, event) {
            return Some(Action::Suspend);
        }
        let section = self.sections.iter().find(|s| s.mode == mode)?;
        for binding in &section.bindings {
            for (at, &key) in binding.keys.iter().enumerate() {
                if key == Key::Typed {
                    if let Some(c) = typed(event) {
                        return Some(Action::SearchInput(c));
                    }
                } else if matches_key(key, event) {
                    return Some((binding.action)(at));
                }
            }
        }
        None
    }
}

impl Keymap {
    /// The keys of `action` in `mode`, by name (`Enter`, `q`), in the order bound; none when
    /// the configuration gave them all to other actions.
    pub fn keys_of(&self, mode: Mode, action: &str) -> Vec<String> {
        let section = self.sections.iter().find(|s| s.mode == mode);
        let binding = section.and_then(|s| s.bindings.iter().find(|b| b.name == action));
        binding.map_or_else(Vec::new, |b| b.keys.iter().map(|&k| key_name(k)).collect())
    }

    /// The first key of `action` in `mode`, as a hint names it.
    pub fn key_of(&self, mode: Mode, action: &str) -> Option<String> {
        self.keys_of(mode, action).into_iter().next()
    }

    /// Every key of `action` in `mode` as a sentence says them: `q, Esc or ?`.
    pub fn keys_said(&self, mode: Mode, action: &str) -> Option<String> {
        let mut keys = self.keys_of(mode, action);
        let last = keys.pop()?;
        Some(match keys.is_empty() {
            true => last,
            false => format!("{} or {last}", keys.join(", ")),
        })
    }

    /// `what` after the first key of `action` in `mode` (`U undoes it`), or nothing when the
    /// action has no key: a hint never names a key that does something else.
    pub fn hint(&self, mode: Mode, action: &str, what: &str) -> Option<String> {
        self.key_of(mode, action).map(|key| format!("{key} {what}"))
    }
}

/// True when the configuration may give `name` other keys (typing into the search bar is
/// not an action one can move).
pub fn remappable(name: &str) -> bool {
    name != "type"
        && defaults()
            .iter()
            .any(|s| s.bindings.iter().any(|b| b.name == name))
}

/// Every action name with what it does, once each, as `config init` lists them.
pub fn action_names() -> Vec<(&'static str, &'static str)> {
    let mut names: Vec<(&str, &str)> = Vec::new();
    for binding in defaults().iter().flat_map(|s| s.bindings.iter()) {
        if binding.name != "type" && !names.iter().any(|(n, _)| *n == binding.name) {
            names.push((binding.name, binding.desc));
        }
    }
    names
}

/// The keys of a binding as one cell: `j, Down`; the nine digits in order as `1`–`9`.
pub(crate) fn keys_text(binding: &ActiveBinding) -> String {
    if binding.keys == DIGITS {
        return "1–9".to_owned();
    }
    let names: Vec<String> = binding.keys.iter().map(|&k| key_name(k)).collect();
    names.join(", ")
}

/// One line of the key table: where it applies, the keys, what they do, and the action's name
/// for the configuration's `keys:` (empty for what cannot be moved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRow {
    /// The screen: `List`, `Reader`, `Anywhere`.
    pub place: &'static str,
    /// The keys, as the help writes them: `j, Down`.
    pub keys: String,
    /// What they do.
    pub what: &'static str,
    /// The action's name in `keys:`, or empty.
    pub action: &'static str,
}

/// Every key out of the box, screen by screen, as the help, the README and the manual page
/// list them.
pub fn key_rows() -> Vec<KeyRow> {
    let mut rows = Vec::new();
    for section in Keymap::default().sections {
        for binding in &section.bindings {
            rows.push(KeyRow {
                place: section.title,
                keys: keys_text(binding),
                what: binding.desc,
                action: if binding.name == "type" {
                    ""
                } else {
                    binding.name
                },
            });
        }
    }
    let fixed = [
        ("Anywhere", "Ctrl-c", "quit"),
        ("Anywhere", "Ctrl-z", "suspend; the shell's `fg` comes back"),
        (
            "List and reader",
            "mouse wheel, click",
            "scroll; a click selects a row",
        ),
    ];
    rows.extend(fixed.map(|(place, keys, what)| KeyRow {
        place,
        keys: keys.to_owned(),
        what,
        action: "",
    }));
    rows
}

/// The key table in Markdown, as the README shows it (a test keeps the two the same).
#[cfg(test)]
pub fn markdown_table() -> String {
    let mut out =
        String::from("| Where | Keys | What they do | Action in `keys:` |\n|---|---|---|---|\n");
    for row in key_rows() {
        let keys = match row.keys.as_str() {
            "mouse wheel, click" => row.keys.clone(),
            keys => format!("`{}`", keys.replace('|', "\\|").replace(", ", "`, `")),
        };
        let name = match row.action {
            "" => String::new(),
            name => format!("`{name}`"),
        };
        out += &format!("| {} | {keys} | {} | {name} |\n", row.place, row.what);
    }
    out
}
