//! The keymap: keys to actions per screen, and the README's key table.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::tui::action::Action;
use crate::tui::app::Mode;
use crate::tui::keymap::{action_for, markdown_table};

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

fn action(mode: Mode, code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
    action_for(mode, press(code, modifiers))
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
        (Mode::Reader, KeyCode::Char('u'), none, "Some(UndoTag)"),
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
