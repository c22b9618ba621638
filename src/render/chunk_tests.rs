//! A document parsed in pieces lays out as it does whole: split between top-level blocks it
//! is the same line for line, and a paragraph, table or code block cut between its lines goes
//! on in the next piece as if nothing had happened.

use std::path::Path;

use super::{Palette, holds_address, layout_in_pieces, to_ansi, to_plain};

fn whole(md: &str, width: usize) -> String {
    in_pieces(md, width, usize::MAX)
}

fn in_pieces(md: &str, width: usize, piece: usize) -> String {
    let laid = layout_in_pieces(md, width, &Palette::default(), usize::MAX, piece);
    to_ansi(&laid.lines)
}

/// The sample articles, one after another, three times over.
fn samples() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let one: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    one.join("\n\n").repeat(3)
}

#[test]
fn pieces_cut_between_blocks_lay_out_as_the_whole() {
    let doc = samples();
    for width in [30, 80] {
        let expected = whole(&doc, width);
        for piece in [2_000, 5_000, 20_000] {
            assert!(
                in_pieces(&doc, width, piece) == expected,
                "pieces of {piece} bytes at {width} columns"
            );
        }
    }
}

#[test]
fn a_block_longer_than_a_piece_goes_on_in_the_next() {
    let words =
        |i: usize| format!("word{i} **strong{i}** and `code{i}` [link](https://x.test/{i})");
    let paragraph: Vec<String> = (0..300).map(words).collect();
    let rows: Vec<String> = (0..300)
        .map(|i| format!("| {i} | {} |", words(i)))
        .collect();
    let fenced: Vec<String> = (0..300)
        .map(|i| {
            if i % 7 == 0 {
                String::new()
            } else {
                format!("let x{i} = {i};")
            }
        })
        .collect();
    let indented: Vec<String> = (0..300).map(|i| format!("    line {i}")).collect();
    let doc = format!(
        "# Long blocks\n\n{}\n\n| n | text |\n|--:|:--|\n{}\n\n```rust\n{}\n```\n\n{}\n\nend\n",
        paragraph.join("\n"),
        rows.join("\n"),
        fenced.join("\n"),
        indented.join("\n"),
    );
    for width in [40, 100] {
        let expected = whole(&doc, width);
        for piece in [300, 1_000, 4_000] {
            assert!(
                in_pieces(&doc, width, piece) == expected,
                "pieces of {piece} bytes at {width} columns"
            );
        }
    }
}

/// A definition in one piece serves a link in another.
#[test]
fn link_references_reach_across_pieces() {
    let doc = format!(
        "[first] and [second][2]\n\n{}[first]: /one\n[2]: /two \"Two\"\n",
        "x\n\n".repeat(100)
    );
    let expected = whole(&doc, 60);
    assert!(expected.contains("/one") && expected.contains("/two"));
    assert_eq!(in_pieces(&doc, 60, 50), expected);
}

/// Every example of the CommonMark spec one after another, in pieces of 4 KiB: the same
/// words in the same order as the whole document. In pieces small enough to cut inside
/// blocks of every kind (a list or a quote cut in two is shown as two), still no panic,
/// nothing past the width, no control character, and next to every word.
#[test]
fn the_commonmark_examples_in_pieces_keep_their_words() {
    let Some(root) = std::env::var_os("MOODWIRE_CORPORA") else {
        println!("skipped: set MOODWIRE_CORPORA to the corpora folder to run the examples");
        return;
    };
    let dir = Path::new(&root).join("commonmark").join("examples");
    let doc: String = (1..=655)
        .filter_map(|n| std::fs::read_to_string(dir.join(format!("{n:03}.md"))).ok())
        .collect::<Vec<_>>()
        .join("\n\n");
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let width = 60;
    let laid = |piece| layout_in_pieces(&doc, width, &Palette::default(), usize::MAX, piece);
    let expected = words(&to_plain(&laid(usize::MAX).lines));
    for piece in [64, 500, 4_096] {
        let out = laid(piece);
        let text = to_plain(&out.lines);
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
        assert!(out.lines.iter().all(|l| l.width() <= width));
        let got = words(&text);
        if piece == 4_096 {
            assert!(got == expected, "pieces of {piece}: the words differ");
            continue;
        }
        let mut missing = std::collections::HashMap::<&str, i64>::new();
        for word in &expected {
            *missing.entry(word).or_default() += 1;
        }
        for word in &got {
            *missing.entry(word).or_default() -= 1;
        }
        let lost: i64 = missing.values().map(|n| n.abs()).sum();
        println!(
            "pieces of {piece}: {lost} of {} words differ",
            expected.len()
        );
        assert!(
            lost * 100 <= expected.len() as i64,
            "pieces of {piece}: {lost} words differ"
        );
    }
}

/// Documents of odd pieces (tables, fences, lists, quotes, raw HTML, references, wide and
/// zero-width characters, controls) in pieces of every size down to one byte, at widths from
/// 20 to 100: no panic, nothing past the width (but an address, never broken), no control
/// character.
#[test]
fn random_documents_in_random_pieces_stay_within_the_rules() {
    const FRAGMENTS: &[&str] = &[
        "| a | b |\n|---|:-:|\n| 1 | two words |\n",
        "| x |\n",
        "```rust\nfn main() {}\n",
        "```\n",
        "~~~~\n\tcode\n",
        "    indented code\n",
        "- item\n",
        "  - nested item\n",
        "1. first\n",
        "> quoted *text*\n",
        "<!-- comment\n",
        "-->\n",
        "<pre>\n",
        "</pre>\n",
        "[ref]: https://example.com/ref \"Title\"\n",
        "a [ref] and [link](https://x.test) and ![img](i.png)\n",
        "plain words that go on and on and on across the line\n",
        "**bold *both* bold** ~~gone~~ `code`\n",
        "日本語の文章 and 🎉 e\u{301}\n",
        "\u{1b}[31m\u{7} controls\r\n",
        "[^1] note\n",
        "[^1]: the note\n",
        "# heading\n",
        "---\n",
        "\n",
        "\n\n",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for _ in 0..1_000 {
        let doc: String = (0..next(60) + 1)
            .map(|_| FRAGMENTS[next(FRAGMENTS.len())])
            .collect();
        let width = 20 + next(81);
        let piece = 1 + next(200);
        let limit = if next(4) == 0 { next(30) } else { usize::MAX };
        let laid = layout_in_pieces(&doc, width, &Palette::default(), limit, piece);
        let text = to_plain(&laid.lines);
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{doc:?} in pieces of {piece}"
        );
        assert!(
            (laid.lines.iter()).all(|l| l.width() <= width || holds_address(&l)),
            "{doc:?} in pieces of {piece} at {width}"
        );
    }
}
