//! A library built to break things: malformed, huge, binary, self-referencing and
//! terminal-attacking files. Nothing may panic or hang, `check` must name every bad file, and no
//! byte from a file may reach the output as a control character.

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use common::{assert_terminal_safe, moodwire, moodwire_with_closed_stdout};

/// Every terminal attack in one place: clear screen, OSC 52 clipboard write, OSC 8 hyperlink,
/// 8-bit CSI, a right-to-left override, BEL, a DCS string and a full reset.
const ATTACKS: &str = "\x1b[2J\x1b[H\x1b]52;c;cm0gLXJmIH4K\x07\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\\u{9b}31m\u{202e}\x07\x1bPq#0\x1b\\\x1bc";

fn build_hostile_library(root: &Path) {
    let write = |name: &str, bytes: &[u8]| fs::write(root.join(name), bytes).unwrap();
    write(
        "good.md",
        b"---\ntitle: A fine article\nsentiment_score: 7\n---\nAll is well.\n",
    );
    write(
        "malformed.md",
        b"---\ntitle: [unclosed\nsentiment_score: 4\n---\nBody\n",
    );
    write("unterminated.md", b"---\ntitle: Never closed\nBody text\n");
    write("empty.md", b"");
    write("binary.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0");
    fs::File::create(root.join("huge.md"))
        .unwrap()
        .set_len(20 * 1024 * 1024)
        .unwrap();
    let mut bomb = String::from(
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (name, previous) in "bcdefghi".chars().zip("abcdefgh".chars()) {
        bomb.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{previous}"); 9].join(",")
        ));
    }
    bomb.push_str("---\nBody\n");
    write("bomb.md", bomb.as_bytes());
    write(
        "deep.md",
        format!(
            "---\na: {}{}\n---\n",
            "[".repeat(200_000),
            "]".repeat(200_000)
        )
        .as_bytes(),
    );
    let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    write(
        "deep-anchor.md",
        format!("---\na: &x {deep}\n---\n").as_bytes(),
    );
    write(
        "deep-document.md",
        format!("---\n--- {deep}\n---\n").as_bytes(),
    );
    write("name\x1b[2J.md", b"# Alpha one\n\nText\n");
    write("other\x1b]52;c;aGk=\x07.md", b"# Alpha two\n\nText\n");
    let block: String = (0..3000)
        .map(|i| format!("{}k:\n", " ".repeat(i)))
        .collect();
    write("deep-block.md", format!("---\n{block}---\n").as_bytes());
    let escaped_yaml = "\\e[2J\\e]52;c;cm0gLXJmIH4K\\a\\x9b31m\\u202e";
    let attack = format!(
        "---\ntitle: \"Title{escaped_yaml} raw{ATTACKS}end\"\ncategory: \"Cat{escaped_yaml}\"\ntags: [\"t{escaped_yaml}\"]\n\
         tldr:\n  - \"Item{escaped_yaml}{ATTACKS}\"\nsource_url: \"https://example.com/{escaped_yaml}\"\n\
         sentiment_label: \"Bullish{escaped_yaml}\"\nextra_key: \"x{escaped_yaml}\"\n---\n\
         # Heading {ATTACKS}\n\nBody {ATTACKS} text &#x202e;entity&#x2066; &#27;[2J &#x9b;31m\n\n[click]({ATTACKS}) `code{ATTACKS}`\n\n```\n{ATTACKS}\n```\n"
    );
    write("escapes.md", attack.as_bytes());
    write(
        "escapes-plain.txt",
        format!("Plain {ATTACKS} title\n\nBody {ATTACKS}\r\nmore\rtext\x08\x7f\n").as_bytes(),
    );
    write("latin1.txt", b"Caf\xe9 society\n\nThe menu was \xa35.\n");
    // Untagged, so its sentiment is estimated: `၁` (a Myanmar digit, E1 81 81) ends in two
    // equal bytes, which once passed for a doubled consonant and were cut apart.
    // `❤` with U+FE0F takes two columns drawn whole and one counted by characters: a table
    // column cut by characters once came out wider than the column, and its padding underflowed.
    write(
        "wide-category.md",
        format!(
            "---\ntitle: Hearts\ncategory: \"{}{}\"\n---\nText\n",
            "a".repeat(22),
            "❤\u{fe0f}".repeat(5)
        )
        .as_bytes(),
    );
    // Byte 10 of this name is inside `é`, where a date in the name would end.
    write("123456789é.md", b"# Name with an accent\n\nText\n");
    write(
        "myanmar-digits.md",
        "---\ntitle: Markets x၁ed\n---\nShares x၁ing, x၁s and ၁၁ed.\n".as_bytes(),
    );
    symlink(root.join("missing-target.md"), root.join("dangling.md")).unwrap();
    symlink(root.join("loop-b.md"), root.join("loop-a.md")).unwrap();
    symlink(root.join("loop-a.md"), root.join("loop-b.md")).unwrap();
    fs::create_dir(root.join("sub")).unwrap();
    write("sub/nested.md", b"# Nested\n\nText\n");
    symlink(root, root.join("sub/cycle")).unwrap();
    let fifo_made = std::process::Command::new("mkfifo")
        .arg(root.join("fifo.md"))
        .status()
        .is_ok_and(|s| s.success());
    assert!(fifo_made, "mkfifo is part of coreutils and should exist");
}

const BAD_FILES: [(&str, &str); 13] = [
    ("binary.md", "error: binary file (it contains NUL bytes)"),
    (
        "bomb.md",
        "error: invalid YAML front matter: aliases expand it to too many values",
    ),
    (
        "dangling.md",
        "error: broken symbolic link (its target does not exist)",
    ),
    (
        "deep-block.md",
        "error: YAML front matter nests deeper than 32 levels",
    ),
    (
        "deep.md",
        "error: YAML front matter nests deeper than 32 levels",
    ),
    (
        "deep-anchor.md",
        "error: YAML front matter nests deeper than 32 levels",
    ),
    (
        "deep-document.md",
        "error: YAML front matter nests deeper than 32 levels",
    ),
    ("empty.md", "error: the file is empty"),
    ("fifo.md", "error: not a regular file"),
    (
        "huge.md",
        "error: the file is 20 MiB, over the limit of 8 MiB",
    ),
    (
        "loop-a.md",
        "error: symbolic link cannot be followed: too many levels of symbolic links",
    ),
    (
        "malformed.md",
        "error: invalid YAML front matter at line 3: illegal placement of ':' indicator",
    ),
    (
        "unterminated.md",
        "error: front matter opened by --- on line 1 is never closed",
    ),
];

#[test]
fn check_names_every_bad_file_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    build_hostile_library(dir.path());
    let run = moodwire(&["check", "."], dir.path());
    assert_eq!(run.code, 1, "errors were found:\n{}", run.stdout);
    for (file, reason) in BAD_FILES {
        let line = format!("./{file}: {reason}");
        assert!(
            run.stdout.lines().any(|l| l == line),
            "missing {line:?} in:\n{}",
            run.stdout
        );
    }
    assert!(
        run.stdout
            .contains("./latin1.txt: warning: the file is not valid UTF-8")
    );
    assert!(
        run.stdout.contains(
            "./sub/cycle: warning: symbolic link to a folder that is already read; skipped"
        )
    );
    let summary = run.stdout.lines().last().unwrap();
    assert!(summary.starts_with("10 articles, 14 errors, "), "{summary}");
    assert_terminal_safe(&run.stdout, "check");
}

#[test]
fn list_shows_the_loadable_articles_and_no_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    build_hostile_library(dir.path());
    for format in ["table", "json", "ndjson"] {
        let run = moodwire(&["list", ".", "--format", format], dir.path());
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        assert_terminal_safe(&run.stdout, &format!("list --format {format}"));
        assert!(
            run.stderr
                .contains("14 files could not be loaded; `moodwire check` says why"),
            "{}",
            run.stderr
        );
    }
    let run = moodwire(&["list", ".", "--format", "json"], dir.path());
    let items: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let mut ids: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "123456789é.md",
            "escapes-plain.txt",
            "escapes.md",
            "good.md",
            "latin1.txt",
            "myanmar-digits.md",
            "name?[2J.md",
            "other?]52;c;aGk=?.md",
            "sub/nested.md",
            "wide-category.md"
        ]
    );
    let escapes = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "escapes.md")
        .unwrap();
    assert_eq!(escapes["title"], "Title rawlinkend");
    let strings = escapes.to_string();
    assert!(
        !strings.contains("\\u001b") && !strings.contains("\\u0007"),
        "no escaped control characters either: {strings}"
    );
}

#[test]
fn show_renders_attack_files_harmlessly() {
    let dir = tempfile::tempdir().unwrap();
    build_hostile_library(dir.path());
    for file in ["escapes.md", "escapes-plain.txt", "latin1.txt"] {
        for format in ["text", "json"] {
            let run = moodwire(&["show", file, "--format", format], dir.path());
            assert_eq!(run.code, 0, "{file} {format}: {}", run.stderr);
            assert_terminal_safe(&run.stdout, &format!("show {file} --format {format}"));
        }
    }
    let run = moodwire(&["show", "escapes.md"], dir.path());
    assert!(
        run.stdout.starts_with("Title rawlinkend\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn show_of_a_bad_file_says_why_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    build_hostile_library(dir.path());
    for (file, reason) in BAD_FILES {
        let run = moodwire(&["show", file], dir.path());
        assert_eq!(run.code, 2, "{file}");
        assert_eq!(run.stderr, format!("moodwire: {file}: {reason}\n"));
    }
}

#[test]
fn stats_survives_the_hostile_library() {
    let dir = tempfile::tempdir().unwrap();
    build_hostile_library(dir.path());
    let run = moodwire(&["stats", "."], dir.path());
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("10 articles\n"), "{}", run.stdout);
    assert_terminal_safe(&run.stdout, "stats");
}

#[test]
fn escape_sequences_in_file_names_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    build_hostile_library(dir.path());
    let run = moodwire(&["show", "-l", ".", "alpha"], dir.path());
    assert_eq!(run.code, 2, "two titles start with Alpha");
    assert_terminal_safe(&run.stderr, "show candidates");
    assert!(
        run.stderr.contains("  name?[2J.md  Alpha one"),
        "{}",
        run.stderr
    );
    let run = moodwire(&["check", "."], dir.path());
    assert_terminal_safe(&run.stdout, "check");
}

#[test]
fn check_keeps_its_verdict_when_its_reader_stops_early() {
    let dir = tempfile::tempdir().unwrap();
    build_hostile_library(dir.path());
    let (code, stderr) = moodwire_with_closed_stdout(&["check", "."], dir.path());
    assert_eq!(code, Some(1), "{stderr}");
}

/// An address a browser reads otherwise than it looks is not shown as the site it seems to
/// name: `https://evil.example\@www.reuters.com/` opens evil.example.
#[test]
fn show_names_no_site_a_browser_would_not_open() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("spoof.md");
    fs::write(
        &file,
        "---\ntitle: Markets rally\nsource_url: 'https://evil.example\\@www.reuters.com/'\n---\nText.\n",
    )
    .unwrap();
    let run = moodwire(&["show", file.to_str().unwrap()], dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let meta = run.stdout.lines().nth(1).unwrap_or_default();
    assert!(!meta.contains("reuters.com"), "{meta}");
    fs::write(
        &file,
        "---\ntitle: Markets rally\nsource_url: 'https://www.reuters.com/markets'\n---\nText.\n",
    )
    .unwrap();
    let run = moodwire(&["show", file.to_str().unwrap()], dir.path());
    assert!(
        run.stdout
            .lines()
            .nth(1)
            .unwrap_or_default()
            .contains("reuters.com")
    );
}
