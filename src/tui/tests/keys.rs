//! The keymap: keys to actions per screen, and the README's key table.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::config::{DEFAULT_FILE, KeyRemap};
use crate::tui::keys::{Key, Keymap, action_names, key_name, keys_text, markdown_table};
use crate::tui::model::action::Action;
use crate::tui::model::app::Mode;

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

fn action(mode: Mode, code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
    Keymap::default().action_for(mode, press(code, modifiers))
}

fn name(action: Option<Action>) -> String {
    format!("{action:?}")
}

#[test]
fn keys_mean_what_the_issue_lists() {
    let none = KeyModifiers::NONE;
    let shift = KeyModifiers::SHIFT;
    let ctrl = KeyModifiers::CONTROL;
    let cases = [
        (Mode::List, KeyCode::Char('j'), none, "Some(Down)"),
        (Mode::List, KeyCode::Up, none, "Some(Up)"),
        (Mode::List, KeyCode::Char('G'), shift, "Some(Bottom)"),
        (Mode::List, KeyCode::Home, none, "Some(Top)"),
        (Mode::List, KeyCode::Char('d'), ctrl, "Some(PageDown)"),
        (Mode::List, KeyCode::Char('u'), ctrl, "Some(PageUp)"),
        (Mode::List, KeyCode::Char('d'), none, "Some(ShowDashboard)"),
        (Mode::List, KeyCode::Char('l'), none, "Some(Open)"),
        (
            Mode::List,
            KeyCode::Char('3'),
            none,
            "Some(SetFilter(Some(Neutral)))",
        ),
        (Mode::List, KeyCode::Char('?'), shift, "Some(ShowHelp)"),
        (Mode::List, KeyCode::Esc, none, "Some(ClearAll)"),
        (Mode::List, KeyCode::Char('q'), none, "Some(Quit)"),
        (Mode::List, KeyCode::Char('x'), none, "None"),
        (
            Mode::Search,
            KeyCode::Char('q'),
            none,
            "Some(SearchInput('q'))",
        ),
        (
            Mode::Search,
            KeyCode::Char('Q'),
            shift,
            "Some(SearchInput('Q'))",
        ),
        (Mode::Search, KeyCode::Esc, none, "Some(SearchClear)"),
        (Mode::Search, KeyCode::Enter, none, "Some(SearchKeep)"),
        (Mode::Search, KeyCode::Char('c'), ctrl, "Some(Quit)"),
        (Mode::Reader, KeyCode::Char('h'), none, "Some(Back)"),
        (Mode::Reader, KeyCode::Char('q'), none, "Some(Back)"),
        (Mode::Reader, KeyCode::Char('N'), shift, "Some(PrevMatch)"),
        (Mode::Reader, KeyCode::Char('o'), none, "Some(OpenSource)"),
        (Mode::Help, KeyCode::Char('q'), none, "Some(Back)"),
        (Mode::Categories, KeyCode::Enter, none, "Some(Open)"),
        (Mode::List, KeyCode::Char('t'), none, "Some(TagByHand)"),
        (Mode::Reader, KeyCode::Char('U'), shift, "Some(UndoTag)"),
        (Mode::List, KeyCode::Char('U'), shift, "Some(UndoTag)"),
        (Mode::List, KeyCode::Char('u'), none, "Some(ToggleRead)"),
        (Mode::Reader, KeyCode::Char('u'), none, "Some(ToggleRead)"),
        (Mode::List, KeyCode::Char('m'), none, "Some(ToggleStar)"),
        (Mode::Reader, KeyCode::Char('m'), none, "Some(ToggleStar)"),
        (Mode::List, KeyCode::Char('M'), shift, "Some(MarkShownRead)"),
        (Mode::Reader, KeyCode::Char('M'), shift, "None"),
        (Mode::Tag, KeyCode::Enter, none, "Some(WriteTag)"),
        (Mode::Tag, KeyCode::Char('+'), shift, "Some(ScoreUp)"),
        (Mode::Tag, KeyCode::Left, none, "Some(ScoreDown)"),
        (Mode::Tag, KeyCode::Char('k'), none, "Some(Up)"),
        (Mode::Tag, KeyCode::Esc, none, "Some(Back)"),
        (Mode::Tag, KeyCode::Char('q'), none, "Some(Back)"),
        (Mode::Help, KeyCode::Char('j'), none, "Some(Down)"),
        (Mode::Help, KeyCode::PageDown, none, "Some(PageDown)"),
    ];
    for (mode, code, modifiers, expected) in cases {
        assert_eq!(
            name(action(mode, code, modifiers)),
            expected,
            "{mode:?} {code:?} {modifiers:?}"
        );
    }
}

fn remapped(remaps: &[(&str, &[&str])]) -> Keymap {
    let remaps: Vec<KeyRemap> = remaps
        .iter()
        .map(|(action, keys)| KeyRemap {
            action: action.to_string(),
            line: 1,
            keys: keys.iter().map(|k| (k.to_string(), 1)).collect(),
        })
        .collect();
    Keymap::with(&remaps).unwrap()
}

#[test]
fn a_remapped_action_answers_to_its_new_keys_on_every_screen() {
    let keys = remapped(&[("down", &["Ctrl-n", "J"]), ("quit", &["x"])]);
    let press = |mode, code, modifiers| name(keys.action_for(mode, KeyEvent::new(code, modifiers)));
    let none = KeyModifiers::NONE;
    assert_eq!(
        press(Mode::List, KeyCode::Char('n'), KeyModifiers::CONTROL),
        "Some(Down)"
    );
    assert_eq!(
        press(Mode::Reader, KeyCode::Char('J'), KeyModifiers::SHIFT),
        "Some(Down)"
    );
    assert_eq!(
        press(Mode::Help, KeyCode::Char('J'), KeyModifiers::SHIFT),
        "Some(Down)"
    );
    assert_eq!(
        press(Mode::List, KeyCode::Char('j'), none),
        "None",
        "j no longer moves"
    );
    assert_eq!(press(Mode::List, KeyCode::Char('x'), none), "Some(Quit)");
    assert_eq!(press(Mode::List, KeyCode::Char('q'), none), "None");
    assert_eq!(
        press(Mode::Reader, KeyCode::Char('q'), none),
        "Some(Back)",
        "back keeps q"
    );
    assert_eq!(
        press(Mode::List, KeyCode::Char('c'), KeyModifiers::CONTROL),
        "Some(Quit)"
    );
}

#[test]
fn keys_can_be_swapped() {
    let keys = remapped(&[("down", &["k"]), ("up", &["j"])]);
    let press = |code| name(keys.action_for(Mode::List, KeyEvent::new(code, KeyModifiers::NONE)));
    assert_eq!(press(KeyCode::Char('k')), "Some(Down)");
    assert_eq!(press(KeyCode::Char('j')), "Some(Up)");
}

#[test]
fn the_help_shows_the_keys_in_use() {
    let keys = remapped(&[("star", &["s"])]);
    let list = keys.sections.iter().find(|s| s.mode == Mode::List).unwrap();
    let star = list.bindings.iter().find(|b| b.name == "star").unwrap();
    assert_eq!(keys_text(star), "s");
    let sort = list.bindings.iter().find(|b| b.name == "sort").unwrap();
    assert!(sort.keys.is_empty(), "s was taken from sort");
}

#[test]
fn keys_are_read_as_the_configuration_writes_them() {
    let cases = [
        ("j", "j"),
        ("G", "G"),
        ("Ctrl-d", "Ctrl-d"),
        ("ctrl+D", "Ctrl-d"),
        ("C-n", "Ctrl-n"),
        ("space", "Space"),
        ("PageDown", "PgDn"),
        ("pgup", "PgUp"),
        ("F5", "F5"),
        ("Tab", "Tab"),
        ("Escape", "Esc"),
    ];
    for (text, shown) in cases {
        assert_eq!(key_name(Key::parse(text).unwrap()), shown, "{text}");
    }
    for bad in ["", "Ctrl-", "F13", "Hyper-x", "jk", "\u{7}"] {
        assert!(Key::parse(bad).is_err(), "{bad:?}");
    }
}

/// The README's table of keys is the keymap's own.
#[test]
fn the_readme_lists_the_keymap() {
    let readme = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));
    let table = markdown_table();
    assert!(
        readme.contains(&table),
        "README.md should contain the key table exactly as the keymap makes it:\n{table}"
    );
}

#[test]
fn the_commented_default_names_every_action() {
    for (name, _) in action_names() {
        assert!(
            DEFAULT_FILE.contains(&format!(" {name},"))
                || DEFAULT_FILE.contains(&format!(" {name}\n")),
            "config init does not list `{name}`"
        );
    }
}

/// The configuration keeps remaps as it reads them; the keymap refuses the actions and keys it
/// does not know, on their line.
#[test]
fn unknown_actions_and_keys_name_their_line() {
    let cases: &[(&str, u64, &str)] = &[
        (
            "keys:\n  fly: x\n",
            2,
            "`fly` is not an action; the actions are down, up, top, bottom,",
        ),
        (
            "keys:\n  quit: [x, Ctrl-Alt-Del]\n",
            2,
            "`Ctrl-Alt-Del` is not a key",
        ),
        ("keys:\n  type: x\n", 2, "`type` is not an action"),
        (
            "keys:\n  quit:\n    - x\n    - Hyper-x\n",
            4,
            "`Hyper-x` is not a key",
        ),
    ];
    for (text, line, message) in cases {
        let config = crate::config::parse(text, "c.yaml".into()).unwrap().config;
        let error = Keymap::with(&config.keys).expect_err(text);
        assert_eq!(error.0, *line, "{text:?}: {error:?}");
        assert!(error.1.starts_with(message), "{text:?}: {error:?}");
        assert!(!error.1.contains('\n'), "one line: {error:?}");
    }
    let config = crate::config::parse("keys:\n  quit: [x, Ctrl-q]\n", "c.yaml".into());
    let keys = Keymap::with(&config.unwrap().config.keys).unwrap();
    let quits = |code, modifiers| {
        name(keys.action_for(Mode::List, press(code, modifiers))) == name(Some(Action::Quit))
    };
    assert!(quits(KeyCode::Char('x'), KeyModifiers::NONE));
    assert!(quits(KeyCode::Char('q'), KeyModifiers::CONTROL));
    assert!(!quits(KeyCode::Char('q'), KeyModifiers::NONE));
}

/// A remap that takes an action's last key away leaves a warning naming that action.
#[test]
fn an_action_left_without_a_key_is_warned_about() {
    let config = crate::config::parse("keys:\n  star: U\n", "c.yaml".into()).unwrap();
    let keys = Keymap::with(&config.config.keys).unwrap();
    let warnings = keys.unbound(&config.config.keys);
    assert_eq!(
        warnings,
        [
            (
                2,
                "`undo-tag` has no key left in list (its keys went to `star`)".to_owned()
            ),
            (
                2,
                "`undo-tag` has no key left in reader (its keys went to `star`)".to_owned()
            ),
        ]
    );
    let config = crate::config::parse("keys:\n  star: [m, s]\n", "c.yaml".into()).unwrap();
    let keys = Keymap::with(&config.config.keys).unwrap();
    assert_eq!(
        keys.unbound(&config.config.keys),
        [(
            2,
            "`sort` has no key left in list (its keys went to `star`)".to_owned()
        )]
    );
    assert_eq!(Keymap::default().unbound(&[]), []);
}
