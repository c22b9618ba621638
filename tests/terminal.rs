//! The command line on a real terminal (a pseudo-terminal made by util-linux `script`): colour,
//! `NO_COLOR`, and fitting the terminal's width.

mod common;

use std::process::Command;

use common::repository;

/// Runs `moodwire ARGS` on a terminal `columns` wide and returns what the terminal received.
fn on_terminal(args: &str, columns: u16, env: &[(&str, &str)]) -> String {
    let binary = env!("CARGO_BIN_EXE_moodwire");
    let command = format!("stty cols {columns} rows 40; {binary} {args} 2>/dev/null");
    let output = Command::new("script")
        .args(["--quiet", "--return", "--command", &command, "/dev/null"])
        .current_dir(repository())
        .env_remove("NO_COLOR")
        .env(
            "MOODWIRE_CACHE_DIR",
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache"),
        )
        .envs(env.iter().copied())
        .output()
        .expect("util-linux `script` runs (.ci/run installs it)");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).replace("\r\n", "\n")
}

fn visible_width(line: &str) -> usize {
    let mut width = 0;
    let mut in_escape = false;
    for c in line.chars() {
        match c {
            '\x1b' => in_escape = true,
            'm' if in_escape => in_escape = false,
            _ if in_escape => {}
            _ => width += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0),
        }
    }
    width
}

#[test]
fn sentiment_is_coloured_on_a_terminal() {
    let screen = on_terminal("list --label negative --limit 1", 100, &[]);
    assert!(
        screen.contains("\x1b[31m▼ neg 2"),
        "red for negative:\n{screen:?}"
    );
    let screen = on_terminal("list --label positive --limit 1", 100, &[]);
    assert!(
        screen.contains("\x1b[32m▲ pos"),
        "green for positive:\n{screen:?}"
    );
}

#[test]
fn no_color_turns_styling_off() {
    for args in ["list", "show fusion", "stats"] {
        let screen = on_terminal(args, 100, &[("NO_COLOR", "1")]);
        assert!(!screen.contains('\x1b'), "{args}:\n{screen:?}");
        assert!(screen.lines().count() > 5, "{args} printed something");
    }
}

#[test]
fn list_fits_the_terminal_width() {
    for columns in [50, 72, 120] {
        let screen = on_terminal("list", columns, &[]);
        for line in screen.lines() {
            assert!(
                visible_width(line) <= usize::from(columns),
                "{columns}: {line:?}"
            );
        }
        let header = screen.lines().next().unwrap_or_default();
        assert_eq!(
            header.contains("CATEGORY"),
            columns >= 60,
            "{columns}: {header:?}"
        );
    }
}

#[test]
fn show_wraps_to_the_terminal_width() {
    let screen = on_terminal("show fusion", 60, &[]);
    assert!(screen.lines().count() > 20);
    for line in screen.lines() {
        assert!(visible_width(line) <= 60, "{line:?}");
    }
}

#[test]
fn matched_words_are_marked_in_list_titles() {
    let screen = on_terminal("list --query 'russia tech'", 120, &[]);
    assert!(
        screen.contains("\x1b[7mRussia\x1b[0m struggles"),
        "{screen:?}"
    );
    assert!(
        screen.contains("foreign \x1b[7mtechnology\x1b[0m imports"),
        "a prefix marks the whole word: {screen:?}"
    );
    let plain = on_terminal("list --query 'russia tech'", 120, &[("NO_COLOR", "1")]);
    assert!(
        plain.contains("Russia struggles to shake reliance on foreign technology imports"),
        "{plain:?}"
    );
}
