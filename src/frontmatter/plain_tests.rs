//! The fast path against the YAML parser: whatever it reads, it reads as the parser does.

use super::*;
use crate::frontmatter::{Format, split, yaml};
use crate::limits::Limits;

/// The parser's value of `text`, which the fast path must equal wherever it answers.
fn agrees_with_the_parser(text: &str) -> bool {
    let Some(fast) = parse(text) else {
        return false;
    };
    match yaml::parse(text, &Limits::default()) {
        Ok(parsed) => assert_eq!(fast, parsed, "{text:?}"),
        Err(error) => panic!("the fast path read {text:?} as {fast:?}; the parser: {error}"),
    }
    true
}

#[test]
fn the_usual_front_matter_is_read_here() {
    let usual = "layout: post\ntitle: \"Russia's imports: a 14.7% fall\"\ncategory: News\n\
        date: 2026-02-01 06:48:05\nsource_url: \"https://www.ft.com/content/80cd2d5a\"\n\
        sentiment_score: 4\nsentiment_label: \"Bearish/Negative\"\ntags: [economy, trade]\n\
        tldr:\n  - \"First point.\"\n  - Second point, plainly\n";
    assert!(agrees_with_the_parser(usual));
    for line in [
        "date: 2023-03-16T04:38:23Z",
        "date: 2023-03-16T04:38:23.250+01:00",
        "score: -3",
        "score: 7.25",
        "draft: false",
        "quote: 'single'",
        "empty:",
        "empty: []",
        "list:\n- at the key's own indent",
        "title: C++ and C# compared",
        "",
        "# only a comment\n",
    ] {
        assert!(agrees_with_the_parser(line), "{line:?} is not read here");
    }
}

#[test]
fn what_the_parser_may_read_otherwise_goes_to_it() {
    for text in [
        "title: a # comment",
        "title: \"escaped \\\" quote\"",
        "title: 'it''s'",
        "title: a: b",
        "answer: yes",
        "answer: True",
        "answer: ~",
        "number: 007",
        "number: 1e3",
        "number: 0x1F",
        "number: .5",
        "number: +1",
        "number: 1_000",
        "time: 12:30",
        "nested:\n  key: value",
        "title: first\n  continued",
        "list: [a, [b]]",
        "list: [\"quoted\"]",
        "anchor: &a value",
        "alias: *a",
        "tagged: !tag value",
        "block: |\n  text",
        "- top level list",
        "? complex key",
        "key : spaced",
        "key:value",
        "true: key",
        "tab:\tvalue",
        "crlf: value\r",
        "list:\n  - a\n    - b",
        "list:\n  - a\n - b",
        "title: 3 reasons",
    ] {
        assert_eq!(parse(text), None, "{text:?}");
    }
}

/// Pieces of lines, many of them odd, put together at random: on every document the fast
/// path reads, the parser agrees. Each list starts with pieces the fast path usually reads,
/// which are drawn more often, so that many documents are read here.
#[test]
fn random_documents_are_read_as_the_parser_reads_them() {
    let keys = [
        "title", "tags", "a_b", "x-y", "_k", "k1", "y", "null", "Title", "1k", "", "é",
    ];
    let separators = [": ", ":", ":  ", " : ", ":\t"];
    let values = [
        "plain text",
        "Russia's",
        "C#",
        "x#c",
        "\"quoted\"",
        "'single'",
        "\"\"",
        "''",
        "[a, b]",
        "[]",
        "[ ]",
        "[-1, 2.5]",
        "[a, 7]",
        "7",
        "7.5",
        "-3",
        "0",
        "-0",
        "0.0",
        "2026-01-15",
        "2026-02-01 06:48:05",
        "2023-03-16T04:38:23Z",
        "2023-03-16T04:38:23.5+01:00",
        "true",
        "é",
        "x\u{a0}",
        "14.7% up",
        "a - b",
        "a  b",
        "http://x.y/z?q=1&r=2",
        "a\\b",
        "x'",
        "x\"",
        "a ",
        "",
        // Pieces the fast path should pass on.
        "a: b",
        "x #c",
        "\"a\\\"b\"",
        "'it''s'",
        "[a, [b]]",
        "[a,]",
        "[a: b]",
        "007",
        "1e3",
        "0x1F",
        "1_000",
        ".5",
        "+1",
        "1.",
        "99999999999999999999",
        "2026-13-45",
        "2026-01-15 x",
        "True",
        "yes",
        "No",
        "null",
        "~",
        "&a x",
        "*a",
        "!t x",
        "|",
        ">",
        "%x",
        "@x",
        "`x",
        "\u{a0}x",
        "-",
        "- x",
        "?",
        "a,b",
        "{a: b}",
        "a]",
        "]",
        "a:",
        "a:b",
        "url: http://x",
        "50%",
        "nan",
        "Inf",
        "'a",
        "\"a",
        "[a",
        " a",
        "\"a\u{4}b\"",
        "a\u{0}b",
        "'\u{7f}'",
        "\"\u{85}\"",
        "\"\u{feff}\"",
        "x\u{9b}",
    ];
    let others = [
        "",
        "  ",
        "# comment",
        "  - item",
        "- item",
        "  - \"q\"",
        "  - 7",
        "  # indented comment",
        "---",
        "...",
        "    - deep",
        " - one",
        "  -",
        "  - [a]",
        "  - a: b",
        "  continued",
    ];
    let mut random = Random(0x2545_f491_4f6c_dd1d);
    let mut read_here = 0;
    for _ in 0..20_000 {
        let mut text = String::new();
        for _ in 0..1 + random.below(6) {
            if random.below(3) == 0 {
                text.push_str(random.pick(&others, 7));
            } else {
                text.push_str(random.pick(&keys, 6));
                text.push_str(random.pick(&separators, 1));
                text.push_str(random.pick(&values, 35));
            }
            text.push('\n');
        }
        read_here += usize::from(agrees_with_the_parser(&text));
    }
    assert!(
        read_here > 4_000,
        "only {read_here} documents were read here"
    );
}

/// A xorshift generator: the same documents on every run.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// One of `pieces`, seven times in eight one of the first `usual`.
    fn pick(&mut self, pieces: &[&'static str], usual: usize) -> &'static str {
        let n = if self.below(8) == 0 {
            pieces.len()
        } else {
            usual
        };
        pieces[self.below(n)]
    }
}

/// Every sample article's front matter is read here, as the parser reads it.
#[test]
fn sample_front_matter_is_read_here() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-articles");
    let mut read = 0;
    for entry in std::fs::read_dir(folder).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let split = split(&text).unwrap();
        if let Some((Format::Yaml, block)) = split.front_matter {
            assert!(agrees_with_the_parser(block), "{block}");
            read += 1;
        }
    }
    assert!(read >= 10, "{read}");
}

/// The inputs of the YAML test suite, where the corpora are at hand: none that the fast path
/// reads is read otherwise by the parser, or refused by it.
#[test]
fn yaml_test_suite_inputs_are_read_as_the_parser_reads_them() {
    let Some(corpora) = std::env::var_os("MOODWIRE_CORPORA") else {
        eprintln!("skipped: MOODWIRE_CORPORA is not set");
        return;
    };
    let cases = std::path::Path::new(&corpora).join("yaml-test-suite/cases");
    let mut seen = 0;
    for entry in std::fs::read_dir(cases).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        if let Ok(text) = String::from_utf8(bytes) {
            agrees_with_the_parser(&text);
            seen += 1;
        }
    }
    assert!(seen > 300, "{seen}");
}

/// The front matter of the real posts, where the corpora are at hand: what the fast path
/// reads of it, the parser reads the same.
#[test]
fn real_front_matter_is_read_as_the_parser_reads_it() {
    let Some(corpora) = std::env::var_os("MOODWIRE_CORPORA") else {
        eprintln!("skipped: MOODWIRE_CORPORA is not set");
        return;
    };
    let mut folders = vec![std::path::Path::new(&corpora).join("real")];
    let (mut blocks, mut read_here) = (0, 0);
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            if let Ok(split) = split(&text)
                && let Some((Format::Yaml, block)) = split.front_matter
            {
                blocks += 1;
                read_here += usize::from(agrees_with_the_parser(block));
            }
        }
    }
    assert!(blocks > 200, "{blocks}");
    eprintln!("{read_here} of {blocks} real front matter blocks read by the fast path");
}
