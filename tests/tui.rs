//! The interactive reader in a real terminal: tmux runs the binary in a detached session of a
//! fixed size, `send-keys` types and `capture-pane` reads the screen. Every wait polls the
//! screen until the expected text appears, with a deadline, never a fixed sleep.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::tmux::{Tmux, reader_command, shell_quote, skip};
use common::{copy_samples, moodwire_with_env, repository, snapshot};

#[test]
fn sample_library_search_filter_open_back_help_quit() {
    let cache = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start(
        "sample",
        100,
        30,
        repository(),
        &reader_command("", cache.path()),
    ) else {
        return skip();
    };
    let screen = tmux.wait_for("· 33 / 33 ·");
    assert!(screen.contains("moodwire · sample-articles"), "{screen}");
    assert!(screen.contains("j/k move"), "{screen}");

    tmux.type_text("/oil");
    let screen = tmux.wait_for("· 3 / 33 ·");
    assert!(screen.contains("/oil"), "{screen}");
    assert!(screen.contains("Refinery outage"), "{screen}");
    tmux.press(&["Enter"]);
    tmux.wait_for("j/k move");

    // One file labelled negative (the plain-text scrape that mentions oil is estimated
    // neutral).
    tmux.press(&["4"]);
    let screen = tmux.wait_for("· 1 / 33 ·");
    assert!(screen.contains("▼ negative"), "{screen}");

    tmux.press(&["Enter"]);
    let screen = tmux.wait_for("line 1/");
    assert!(
        screen.contains("Refinery outage triggers diesel shortages"),
        "{screen}"
    );
    assert!(screen.contains("Bearish/Negative 3"), "{screen}");

    tmux.press(&["q"]);
    let screen = tmux.wait_for("j/k move");
    assert!(
        screen.contains("· 1 / 33 ·"),
        "back in the list, still filtered:\n{screen}"
    );

    tmux.press(&["?"]);
    let screen = tmux.wait_for("Esc or ? closes");
    assert!(screen.contains("read the selected article"), "{screen}");
    tmux.press(&["q"]);
    tmux.wait_for("j/k move");

    tmux.press(&["Escape"]);
    tmux.wait_for("· 33 / 33 ·");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");
}

/// Tagging by hand on a copy of the samples: `t`, a score of 2, Enter writes the file (as
/// `moodwire list` then reads it), and `u` puts its bytes back.
#[test]
fn tag_by_hand_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("articles");
    copy_samples(&library);
    let id = "regional-banks-report-weaker-earnings.txt";
    let original = std::fs::read(library.join(id)).unwrap();
    let cache = dir.path().join("cache");
    let args = shell_quote(&library.display().to_string());
    let Some(tmux) = Tmux::start("tag", 100, 30, repository(), &reader_command(&args, &cache))
    else {
        return skip();
    };
    tmux.wait_for("· 33 / 33 ·");
    tmux.type_text("/title:regional");
    tmux.wait_for("· 1 / 33 ·");
    tmux.press(&["Enter"]);
    tmux.wait_for("j/k move");
    tmux.press(&["t"]);
    let screen = tmux.wait_for("Tag by hand");
    assert!(
        screen.contains("now ▼ Bearish/Negative ~1 (estimated)"),
        "{screen}"
    );
    tmux.press(&["l", "l"]);
    tmux.wait_for("score ◂  3 ▸");
    tmux.press(&["Enter"]);
    let screen = tmux.wait_for(&format!("tagged {id} Bearish/Negative 3; U undoes it"));
    assert!(
        screen.contains("▼   3 Regional banks"),
        "no longer estimated:\n{screen}"
    );

    let sentiment = || {
        let listed = moodwire_with_env(
            &["list", &library.display().to_string(), "--format", "ndjson"],
            repository(),
            &[("MOODWIRE_CACHE_DIR", &cache.display().to_string())],
        );
        assert_eq!(listed.code, 0, "{}", listed.stderr);
        let line = listed
            .stdout
            .lines()
            .find(|l| l.contains(id))
            .unwrap()
            .to_owned();
        let json: serde_json::Value = serde_json::from_str(&line).unwrap();
        json["sentiment"].clone()
    };
    let written = sentiment();
    assert_eq!(written["score"], 3, "{written}");
    assert_eq!(written["label"], "Bearish/Negative", "{written}");
    assert_eq!(written["origin"], "file", "{written}");

    tmux.press(&["U"]);
    let screen = tmux.wait_for("as it was before the tag");
    assert!(screen.contains("▼  ~1 Regional banks"), "{screen}");
    assert_eq!(std::fs::read(library.join(id)).unwrap(), original);
    assert_eq!(sentiment()["origin"], "estimated");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");
}

/// The generator example, built by `cargo test` with the other targets, or built now when a
/// single test target was asked for.
fn generator() -> PathBuf {
    let binary = Path::new(env!("CARGO_BIN_EXE_moodwire"));
    let example = binary.with_file_name("examples").join("gen_library");
    if !example.exists() {
        let status = Command::new(env!("CARGO"))
            .args(["build", "--example", "gen_library"])
            .current_dir(repository())
            .status()
            .expect("cargo runs");
        assert!(status.success());
    }
    example
}

#[test]
fn twenty_thousand_articles_stream_in_and_search() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library");
    let cache = dir.path().join("cache");
    let made = Command::new(generator())
        .arg(&library)
        .arg("20000")
        .output()
        .expect("the generator runs");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );

    let args = shell_quote(&library.display().to_string());
    let Some(tmux) = Tmux::start(
        "large",
        120,
        30,
        repository(),
        &reader_command(&args, &cache),
    ) else {
        return skip();
    };
    // The first frame comes before the library is read: the progress shows.
    let screen = tmux.wait_for("moodwire ·");
    assert!(
        screen.contains("reading"),
        "first frame while loading:\n{screen}"
    );
    let screen = tmux.wait("the whole library", Duration::from_secs(300), |screen| {
        screen.contains("20000 / 20000") && !screen.contains("reading")
    });
    assert!(screen.contains("j/k move"), "{screen}");

    let word = "sanctions";
    let cache_dir = cache.display().to_string();
    let listed = moodwire_with_env(
        &[
            "list",
            &library.display().to_string(),
            "--query",
            word,
            "--format",
            "ndjson",
        ],
        repository(),
        &[("MOODWIRE_CACHE_DIR", &cache_dir)],
    );
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    let count = listed.stdout.lines().count();
    assert!(count > 0 && count < 20000, "{count}");

    tmux.type_text(&format!("/{word}"));
    let screen = tmux.wait_for(&format!("· {count} / 20000 ·"));
    assert!(screen.contains(&format!("/{word}")), "{screen}");
    tmux.press(&["Escape"]);
    tmux.wait_for("20000 / 20000");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");
}

/// The terminal's state after the reader ended: its exit status, whether the terminal is back
/// in cooked mode with echo (`stty -a`), on the main screen and with the cursor shown.
struct Aftermath {
    exit: String,
    stty: String,
    alternate_screen: bool,
    cursor_visible: bool,
}

/// Starts the reader on the samples, waits for its first full frame, sends it `signal` with
/// `kill`, and reads the terminal once it has ended.
fn after_signal(signal: &str) -> Option<Aftermath> {
    let (tmux, _cache) = reader_ending_with_stty(&format!("signal-{signal}"), "")?;
    let shell = tmux.run(&["display-message", "-p", "-t", "t", "#{pane_pid}"]);
    let shell = String::from_utf8_lossy(&shell.stdout).trim().to_owned();
    let reader = Command::new("pgrep")
        .args(["-P", &shell, "moodwire"])
        .output()
        .expect("pgrep runs");
    let reader = String::from_utf8_lossy(&reader.stdout).trim().to_owned();
    assert!(
        !reader.is_empty(),
        "the reader runs under the pane's shell {shell}"
    );
    let killed = Command::new("kill")
        .args([&format!("-{signal}"), &reader])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    Some(aftermath(&tmux))
}

/// The reader on the samples, started with `env` before it, in a pane that reports its exit
/// status and `stty -a` once it ends.
fn reader_ending_with_stty(name: &str, env: &str) -> Option<(Tmux, tempfile::TempDir)> {
    let cache = tempfile::tempdir().unwrap();
    let command = format!(
        "{env} {}; echo EXIT=$?; echo STTY $(stty -a); echo END",
        reader_command("", cache.path())
    );
    let tmux = Tmux::start(name, 100, 30, repository(), &command)?;
    tmux.wait_for("· 33 / 33 ·");
    Some((tmux, cache))
}

/// What the terminal is like once the reader has ended.
fn aftermath(tmux: &Tmux) -> Aftermath {
    let screen = tmux.wait_for("END");
    let line_with = |prefix: &str| {
        screen
            .lines()
            .find(|line| line.starts_with(prefix))
            .unwrap_or_default()
            .to_owned()
    };
    let flag = |name: &str| {
        let output = tmux.run(&["display-message", "-p", "-t", "t", name]);
        String::from_utf8_lossy(&output.stdout).trim() == "1"
    };
    Aftermath {
        exit: line_with("EXIT="),
        // The pane wraps long lines: the flags are read from the whole screen after STTY.
        stty: screen
            .split_once("STTY")
            .map(|(_, rest)| rest.replace('\n', ""))
            .unwrap_or_default(),
        alternate_screen: flag("#{alternate_on}"),
        cursor_visible: flag("#{cursor_flag}"),
    }
}

#[test]
fn the_terminal_is_restored_after_sigterm_sigint_and_sighup() {
    for (signal, status) in [("TERM", 143), ("INT", 130), ("HUP", 129)] {
        let Some(after) = after_signal(signal) else {
            return skip();
        };
        assert_eq!(after.exit, format!("EXIT={status}"), "SIG{signal}");
        assert_restored(&after, &format!("SIG{signal}"));
    }
}

fn assert_restored(after: &Aftermath, what: &str) {
    let flags: Vec<&str> = after.stty.split_whitespace().collect();
    for cooked in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(
            flags.contains(&cooked),
            "{what}: `{cooked}` is off after the reader ended: {}",
            after.stty
        );
    }
    assert!(
        !after.alternate_screen,
        "{what}: still on the alternate screen"
    );
    assert!(after.cursor_visible, "{what}: the cursor is hidden");
}

#[test]
fn the_terminal_is_restored_after_a_panic_inside_the_interface() {
    let Some((tmux, _cache)) =
        reader_ending_with_stty("panic", "RUST_BACKTRACE=0 MOODWIRE_TEST_PANIC=1")
    else {
        return skip();
    };
    tmux.press(&["F12"]);
    let after = aftermath(&tmux);
    assert_eq!(
        after.exit, "EXIT=101",
        "a panic ends the process with Rust's status"
    );
    assert_restored(&after, "panic");
    let scrollback = tmux.run(&["capture-pane", "-p", "-t", "t", "-S", "-"]);
    let screen = String::from_utf8_lossy(&scrollback.stdout);
    assert!(
        screen.contains("F12 with MOODWIRE_TEST_PANIC set"),
        "the panic message is readable on the main screen:\n{screen}"
    );
}

/// A reading session (search, filters, open, dashboard, help, reload) leaves every byte, name
/// and time stamp under the library as it was.
#[test]
fn a_reading_session_leaves_the_library_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("articles");
    copy_samples(&library);
    let before = snapshot(&library);
    let cache = dir.path().join("cache");
    let args = shell_quote(&library.display().to_string());
    let Some(tmux) = Tmux::start(
        "read-only",
        100,
        30,
        repository(),
        &reader_command(&args, &cache),
    ) else {
        return skip();
    };
    tmux.wait_for("· 33 / 33 ·");
    tmux.type_text("/oil");
    tmux.press(&["Enter"]);
    tmux.wait_for("j/k move");
    for (key, shows) in [
        ("2", "▲ positive"),
        ("4", "▼ negative"),
        ("s", "by score"),
        ("Enter", "line 1/"),
        ("q", "j/k move"),
        ("d", "Sentiment of"),
        ("q", "j/k move"),
        ("?", "Esc or ? closes"),
        ("Escape", "j/k move"),
        // Esc in the list clears the query and the filter.
        ("Escape", "33 / 33"),
    ] {
        tmux.press(&[key]);
        tmux.wait_for(shows);
    }
    tmux.press(&["r"]);
    tmux.wait_for("· 33 / 33 ·");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");
    assert_eq!(snapshot(&library), before, "the reader changed the library");
}

/// Ctrl-z in the reader (and SIGTSTP from `kill`) gives the terminal back to the shell, in
/// cooked mode on the main screen with the cursor shown; `fg` brings the reader back whole, in
/// raw mode, where a key acts at once.
#[test]
fn suspending_gives_the_terminal_back_and_fg_brings_the_reader_back() {
    let state = tempfile::tempdir().unwrap();
    let shell = "env -i PATH=/usr/bin:/bin TERM=xterm-256color PS1='$ ' bash --norc --noprofile -i";
    let Some(tmux) = Tmux::start("suspend", 100, 30, repository(), shell) else {
        return skip();
    };
    tmux.wait_for("$");
    tmux.type_text(&reader_command("", state.path()));
    tmux.press(&["Enter"]);
    tmux.wait_for("· 33 / 33 ·");
    let flag = |name: &str| {
        let output = tmux.run(&["display-message", "-p", "-t", "t", name]);
        String::from_utf8_lossy(&output.stdout).trim() == "1"
    };
    for how in ["Ctrl-z", "SIGTSTP"] {
        match how {
            "Ctrl-z" => tmux.press(&["C-z"]),
            _ => {
                let pane = tmux.run(&["display-message", "-p", "-t", "t", "#{pane_pid}"]);
                let pane = String::from_utf8_lossy(&pane.stdout).trim().to_owned();
                // The pane runs a shell that runs bash, which runs the reader.
                let child_of = |parent: &str, name: &str| {
                    let found = Command::new("pgrep").args(["-P", parent, name]).output();
                    String::from_utf8_lossy(&found.expect("pgrep runs").stdout)
                        .trim()
                        .to_owned()
                };
                let reader = child_of(&child_of(&pane, "bash"), "moodwire");
                let sent = Command::new("kill").args(["-TSTP", &reader]).status();
                assert!(sent.expect("kill runs").success(), "{reader}");
            }
        }
        tmux.wait_for("Stopped");
        assert!(!flag("#{alternate_on}"), "{how}: back on the main screen");
        assert!(flag("#{cursor_flag}"), "{how}: the cursor is shown");
        tmux.run(&[
            "send-keys",
            "-t",
            "t",
            "clear; stty -a | tr -s ' \\n' ' '",
            "Enter",
        ]);
        let screen = tmux.wait_for("icanon");
        let flags: Vec<&str> = screen.split_whitespace().collect();
        for cooked in ["icanon", "echo", "isig"] {
            assert!(flags.contains(&cooked), "{how}: {cooked} in\n{screen}");
        }
        tmux.type_text("fg");
        tmux.press(&["Enter"]);
        tmux.wait_for("· 33 / 33 ·");
        assert!(
            flag("#{alternate_on}"),
            "{how}: the reader has its screen again"
        );
        // Raw mode: one key, no Enter, opens the help.
        tmux.press(&["?"]);
        tmux.wait_for("closes");
        tmux.press(&["Escape"]);
        tmux.wait(
            "the help closed",
            std::time::Duration::from_secs(20),
            |screen| !screen.contains("closes"),
        );
    }
    tmux.press(&["q"]);
    tmux.wait(
        "the shell's prompt",
        std::time::Duration::from_secs(20),
        |screen| screen.trim_end().ends_with('$'),
    );
}

/// A reader started by a script: Ctrl-z stops the script with it, as the terminal would stop
/// the whole job, so the shell gets its prompt back, and `fg` continues both.
#[test]
fn suspending_a_reader_a_script_started_stops_the_script_too() {
    let state = tempfile::tempdir().unwrap();
    let script = state.path().join("read-news");
    let text = format!(
        "#!/bin/sh\n{}\necho script-went-on\n",
        reader_command("", state.path())
    );
    std::fs::write(&script, text).unwrap();
    let made_runnable = Command::new("chmod").arg("+x").arg(&script).status();
    assert!(made_runnable.expect("chmod runs").success());
    let shell = "env -i PATH=/usr/bin:/bin TERM=xterm-256color PS1='$ ' bash --norc --noprofile -i";
    let Some(tmux) = Tmux::start("script", 100, 30, repository(), shell) else {
        return skip();
    };
    tmux.wait_for("$");
    tmux.type_text(&script.display().to_string());
    tmux.press(&["Enter"]);
    tmux.wait_for("· 33 / 33 ·");
    tmux.press(&["C-z"]);
    tmux.wait_for("Stopped");
    tmux.type_text("fg");
    tmux.press(&["Enter"]);
    tmux.wait_for("· 33 / 33 ·");
    tmux.press(&["q"]);
    tmux.wait_for("script-went-on");
}

/// Titles with soft hyphens, bidirectional marks, joined emoji, skin tones, a variation
/// selector and a flag: every row's category starts in the same column, as the terminal draws
/// it, and opening an article and coming back leaves nothing behind.
#[test]
fn odd_characters_keep_the_columns_aligned_and_leave_nothing_behind() {
    use unicode_width::UnicodeWidthStr;
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library");
    std::fs::create_dir(&library).unwrap();
    let titles = [
        "Co\u{ad}op\u{ad}er\u{ad}ative banks merge",
        "\u{200f}Markets\u{200e} open \u{61c}higher",
        "Family \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} firms grow",
        "Thumbs \u{1f44d}\u{1f3fd} for the plan",
        "We \u{2764}\u{fe0f} the new port",
        "Britain \u{1f1ec}\u{1f1e7} signs a deal",
    ];
    for (n, title) in titles.iter().enumerate() {
        let text = format!(
            "---\ntitle: \"{title}\"\ncategory: Zanzibar\ndate: 2026-01-0{}\n---\nBody{}\u{ad}text.\n",
            n + 1,
            "\u{ad}".repeat(200)
        );
        std::fs::write(library.join(format!("{n}.md")), text).unwrap();
    }
    let command = reader_command(&shell_quote(&library.display().to_string()), dir.path());
    // Narrower than 100 columns, the list stands alone, with its category column.
    let Some(tmux) = Tmux::start("odd", 99, 12, dir.path(), &command) else {
        return skip();
    };
    let columns = |screen: &str| -> Vec<usize> {
        screen
            .lines()
            .filter_map(|line| line.find("Zanzibar").map(|at| line[..at].width()))
            .collect()
    };
    let loaded = |screen: &str| screen.contains("· 6 / 6 ·") && !screen.contains("reading");
    // Every row drawn: a capture can catch the terminal halfway through a frame.
    let whole = |screen: &str| loaded(screen) && columns(screen).len() == titles.len();
    let screen = tmux.wait("the library", std::time::Duration::from_secs(20), whole);
    let first = columns(&screen);
    assert_eq!(first.len(), titles.len(), "{screen}");
    assert!(first.iter().all(|&c| c == first[0]), "{first:?}\n{screen}");
    for invisible in [
        '\u{ad}', '\u{200e}', '\u{200f}', '\u{61c}', '\u{200d}', '\u{fe0f}',
    ] {
        assert!(
            !screen.contains(invisible),
            "{invisible:?} drawn:\n{screen}"
        );
    }
    tmux.press(&["Enter"]);
    tmux.wait_for("Bodytext.");
    tmux.press(&["q"]);
    // The list whole again, with its own status line.
    let list_again = |screen: &str| whole(screen) && !screen.contains("q back");
    let back = tmux.wait(
        "the list again",
        std::time::Duration::from_secs(20),
        list_again,
    );
    assert_eq!(columns(&back), first, "{back}");
    assert!(
        !back.contains("Bodytext"),
        "the article left text behind:\n{back}"
    );
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");
}

/// The search bar edits as a readline prompt, a query that does not read keeps the rows the
/// last one showed (never "no articles match"), and the queries kept come back with Up in the
/// next run.
#[test]
fn the_search_bar_edits_keeps_its_rows_and_remembers() {
    let state = tempfile::tempdir().unwrap();
    let command = reader_command("", state.path());
    let Some(tmux) = Tmux::start("searchbar", 100, 30, repository(), &command) else {
        return skip();
    };
    tmux.wait_for("· 33 / 33 ·");
    tmux.press(&["/"]);
    tmux.type_text("record");
    let shown = tmux.wait_for("/ 33 · /record");
    assert!(shown.contains("· 8 / 33 ·"), "{shown}");
    tmux.type_text(" (");
    let screen = tmux.wait_for("never closed");
    assert!(
        screen.contains("· 8 / 33 · /record"),
        "the rows stay:\n{screen}"
    );
    assert!(!screen.contains("no articles match"), "{screen}");
    // Ctrl-w takes the `(` back; Home and a `-` exclude the word; Ctrl-u takes the `-` back.
    tmux.press(&["C-w"]);
    tmux.wait(
        "the error gone",
        std::time::Duration::from_secs(20),
        |screen| !screen.contains("never closed"),
    );
    tmux.press(&["Home"]);
    tmux.type_text("-");
    tmux.wait_for("· 25 / 33 · /-record");
    tmux.press(&["C-u"]);
    tmux.wait_for("· 8 / 33 · /record");
    tmux.press(&["Enter"]);
    tmux.wait_for("j/k move");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");

    let Some(again) = Tmux::start("searchbar2", 100, 30, repository(), &command) else {
        return skip();
    };
    again.wait_for("· 33 / 33 ·");
    again.press(&["/", "Up"]);
    again.wait_for("· 8 / 33 · /record");
    // Escape alone: right before another key, the terminal would read Alt and that key.
    again.press(&["Escape"]);
    again.wait_for("j/k move");
    again.press(&["q"]);
    again.wait_for("EXIT=0");
}

/// J reads the next article of the list and K the previous one; leaving the reader comes back
/// to the article last read.
#[test]
fn j_and_k_read_one_article_after_another_in_a_terminal() {
    let state = tempfile::tempdir().unwrap();
    let command = reader_command("", state.path());
    let Some(tmux) = Tmux::start("jk", 100, 30, repository(), &command) else {
        return skip();
    };
    tmux.wait_for("· 33 / 33 ·");
    tmux.press(&["Enter"]);
    tmux.wait_for("WHO updates guidance on treating high blood pressure");
    tmux.press(&["J"]);
    tmux.wait_for("Drought-tolerant wheat lifts yields");
    tmux.press(&["J"]);
    tmux.wait_for("Floods leave thousands homeless");
    tmux.press(&["K"]);
    let screen = tmux.wait_for("Drought-tolerant wheat lifts yields");
    assert!(
        screen.contains("line 1/"),
        "a reader, at its top:\n{screen}"
    );
    tmux.press(&["q"]);
    // The preview beside the list shows the selected article: the one last read.
    let list = tmux.wait_for("j/k move");
    let preview = list.lines().nth(1).unwrap_or_default();
    assert!(preview.contains("│ Drought-tolerant"), "{list}");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");
}

/// At 80 columns the footer drops other hints first: `? help` and `q quit` always show, in
/// the list and in the reader.
#[test]
fn the_footer_at_80_columns_keeps_help_and_quit() {
    let state = tempfile::tempdir().unwrap();
    let command = reader_command("", state.path());
    let Some(tmux) = Tmux::start("footer", 80, 24, repository(), &command) else {
        return skip();
    };
    let screen = tmux.wait_for("· 33 / 33 ·");
    let footer = screen.lines().last().unwrap_or_default().to_owned();
    assert!(
        footer.contains("? help") && footer.contains("q quit"),
        "{footer}"
    );
    tmux.press(&["Enter"]);
    let screen = tmux.wait_for("line 1/");
    let footer = screen.lines().last().unwrap_or_default().to_owned();
    assert!(
        footer.contains("? help") && footer.contains("back"),
        "{footer}"
    );
    tmux.press(&["q"]);
    tmux.wait_for("j/k move");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");
}

/// `1`-`9` open the article's links with `$BROWSER`, the address one argument that no shell
/// reads (a relative link read against the article's address); the links view copies an
/// address to the clipboard through the terminal (OSC 52, which tmux keeps in its buffer).
#[test]
fn links_open_by_number_with_browser_and_copy_through_the_terminal() {
    let state = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    let odd = "https://example.com/a?x=1&y=$(touch%20pwned);z";
    std::fs::write(
        library.path().join("links.md"),
        format!(
            "---\ntitle: Links under test\nsource_url: https://news.example/world/story.html\n---\n\
             Markets fell ([report](/markets/today.html)) and [odd]({odd}).\n"
        ),
    )
    .unwrap();
    let record = state.path().join("opened.txt");
    let browser = state.path().join("browser.sh");
    std::fs::write(
        &browser,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" >> '{}'\n",
            record.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(
        &browser,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let command = format!(
        "BROWSER={} {}",
        browser.display(),
        reader_command(&library.path().display().to_string(), state.path())
    );
    let Some(tmux) = Tmux::start("links", 100, 30, state.path(), &command) else {
        return skip();
    };
    tmux.run(&["set-option", "-g", "set-clipboard", "on"]);
    tmux.wait_for("· 1 / 1 ·");
    tmux.press(&["Enter"]);
    // The list's preview shows `report[1]` too: the reader is known by its position line, and
    // its links by the list of them at the end of its text, laid out with them.
    tmux.wait(
        "the article open with its links",
        std::time::Duration::from_secs(20),
        |screen| screen.contains("line 1/") && screen.contains(&format!("[2] {odd}")),
    );
    tmux.press(&["2"]);
    tmux.wait_for(&format!("opening {odd}"));
    tmux.press(&["1"]);
    tmux.wait_for("opening https://news.example/markets/today.html");
    let opened = wait_for_file(&record, 4);
    assert_eq!(
        opened,
        format!("1\n{odd}\n1\nhttps://news.example/markets/today.html\n"),
        "each address is the one argument of the browser"
    );
    assert!(!state.path().join("pwned").exists());

    tmux.press(&["L"]);
    tmux.wait_for(" Links ");
    tmux.press(&["G", "y"]);
    tmux.wait_for("(through the terminal)");
    let buffer = tmux.run(&["show-buffer"]);
    assert_eq!(String::from_utf8_lossy(&buffer.stdout), odd);
    tmux.press(&["q"]);
    tmux.wait_for("line 1/");
    tmux.press(&["q"]);
    tmux.wait_for("j/k move");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");
}

/// The scrape among the samples: its estimated TL;DR in the preview, the reader's note of the
/// lines left out, and `a` showing the whole text and then the article alone again.
#[test]
fn a_scrape_shows_what_was_left_out_on_a_key() {
    let cache = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start(
        "whole",
        100,
        40,
        repository(),
        &reader_command("", cache.path()),
    ) else {
        return skip();
    };
    tmux.wait_for("· 33 / 33 ·");
    tmux.type_text("/title:substitution");
    let screen = tmux.wait_for("· 1 / 33 ·");
    assert!(
        screen.contains("TL;DR (estimated)"),
        "the preview:\n{screen}"
    );
    tmux.press(&["Enter"]);
    tmux.wait_for("j/k move");
    tmux.press(&["Enter"]);
    tmux.wait_for("line 1/");
    tmux.press(&["G"]);
    let screen = tmux.wait_for("lines of page furniture left out · a shows the whole text");
    assert!(!screen.contains("Scroll to Top"), "{screen}");
    tmux.press(&["a"]);
    tmux.press(&["G"]);
    let screen = tmux.wait_for("The whole text, with");
    assert!(screen.contains("Scroll to Top"), "{screen}");
    tmux.press(&["a"]);
    tmux.press(&["G"]);
    tmux.wait_for("left out · a shows the whole text");
    tmux.press(&["q"]);
    tmux.wait_for("j/k move");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");
}

/// The file's text once it has `lines` lines: the browser runs apart from the reader.
fn wait_for_file(path: &std::path::Path, lines: usize) -> String {
    let started = std::time::Instant::now();
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if text.lines().count() >= lines || started.elapsed() > std::time::Duration::from_secs(20) {
            return text;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
