//! The 655 examples of the CommonMark spec (`$MOODWIRE_CORPORA/commonmark`), through the
//! renderer at two widths and through `moodwire show` as a user runs it: nothing panics, no
//! control character comes out, and no text is lost — every word of the expected HTML's
//! visible text appears, in order, for at least 99% of the examples; the exceptions are listed
//! with the reason for each.

mod common;

use std::path::{Path, PathBuf};

use common::{assert_terminal_safe, moodwire};
use moodwire::render::{Palette, render_markdown, runs_whole, to_plain};

/// Examples whose words are expected to be missing from the output, and why. Empty: every
/// example keeps every word.
const EXCEPTIONS: [(usize, &str); 0] = [];

struct Example {
    number: usize,
    markdown: String,
    html: String,
}

fn examples() -> Option<Vec<Example>> {
    let Some(root) = std::env::var_os("MOODWIRE_CORPORA") else {
        eprintln!("skipped: MOODWIRE_CORPORA is not set");
        return None;
    };
    let dir = Path::new(&root).join("commonmark").join("examples");
    let mut examples = Vec::new();
    for number in 1.. {
        let Ok(markdown) = std::fs::read_to_string(dir.join(format!("{number:03}.md"))) else {
            break;
        };
        let html = std::fs::read_to_string(dir.join(format!("{number:03}.html"))).unwrap();
        examples.push(Example {
            number,
            markdown,
            html,
        });
    }
    assert_eq!(
        examples.len(),
        655,
        "the spec's examples in {}",
        dir.display()
    );
    Some(examples)
}

/// Checks that at most 1% of the examples lose words, all of them listed in [`EXCEPTIONS`], and
/// prints what each lost.
fn assert_words_kept(what: &str, losses: &[(usize, Vec<String>)], examples: usize) {
    println!("{what}: {} of {examples} examples lose words", losses.len());
    for (number, words) in losses {
        let reason = EXCEPTIONS
            .iter()
            .find(|(n, _)| n == number)
            .map(|(_, reason)| *reason);
        println!(
            "  example {number} loses {words:?}: {}",
            reason.unwrap_or("no reason known")
        );
        assert!(reason.is_some(), "{what}: example {number} loses {words:?}");
    }
    assert!(
        losses.len() * 100 <= examples,
        "{what}: more than 1% lose words"
    );
}

#[test]
fn the_renderer_keeps_every_word_at_two_widths() {
    let Some(examples) = examples() else { return };
    for width in [20, 80] {
        let mut losses = Vec::new();
        for example in &examples {
            let rendered = render_markdown(&example.markdown, width, &Palette::default());
            let text = to_plain(&rendered.lines);
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "example {} at width {width} has a control character: {text:?}",
                example.number
            );
            assert!(
                (rendered.lines.iter())
                    .all(|l| l.width() <= width || runs_whole(&l, &rendered.links)),
                "example {} at width {width} has a line too wide",
                example.number
            );
            let lost = lost_words(&example.html, &text);
            if !lost.is_empty() {
                losses.push((example.number, lost));
            }
        }
        assert_words_kept(&format!("width {width}"), &losses, examples.len());
    }
}

#[test]
fn moodwire_show_keeps_every_word_and_prints_no_control_character() {
    let Some(examples) = examples() else { return };
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = examples
        .iter()
        .map(|example| {
            // A title in front matter, so that the whole example is the body.
            let path = dir.path().join(format!("{:03}.md", example.number));
            let text = format!(
                "---\ntitle: Example {}\n---\n{}",
                example.number, example.markdown
            );
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect();
    let mut losses = Vec::new();
    for (example, file) in examples.iter().zip(&files) {
        let run = moodwire(&["show", file.to_str().unwrap()], dir.path());
        assert_eq!(run.code, 0, "example {}: {}", example.number, run.stderr);
        assert_terminal_safe(&run.stdout, &format!("show of example {}", example.number));
        let lost = lost_words(&example.html, &run.stdout);
        if !lost.is_empty() {
            losses.push((example.number, lost));
        }
    }
    assert_words_kept("moodwire show", &losses, examples.len());
}

/// Box-drawing and bullet characters the renderer adds; ignored when looking for lost words.
const DECORATION: &[char] = &['│', '─', '┼', '•', '◦', '▪'];

fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !DECORATION.contains(c))
        .collect()
}

/// The text a browser would show for `html`: tags removed, the entities CommonMark's HTML
/// writer produces decoded.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    decode_entities(&text)
}

fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or(""));
        let tail = rest.get(at..).unwrap_or("");
        let end = tail.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = tail.get(1..e)?;
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, e + 1))
        });
        let (c, len) = decoded.unwrap_or(('&', 1));
        out.push(c);
        rest = tail.get(len..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Words of the expected HTML's visible text missing from our plain output, looked for in
/// order: each word must appear after the previous one, so text that moved also counts.
fn lost_words(html: &str, ours: &str) -> Vec<String> {
    let ours = normalise(ours);
    let mut from = 0;
    let mut lost = Vec::new();
    for word in visible_text(html).split_whitespace().map(normalise) {
        if word.is_empty() {
            continue;
        }
        match ours.get(from..).and_then(|rest| rest.find(word.as_str())) {
            Some(at) => from += at + word.len(),
            None => lost.push(word),
        }
    }
    lost
}

#[test]
fn visible_text_strips_tags_and_decodes_entities() {
    assert_eq!(
        visible_text("<p>a &amp; b &lt;c&gt; &quot;d&quot; &#65;&#x42;</p>"),
        " a & b <c> \"d\" AB "
    );
    assert_eq!(decode_entities("&copy; & &#xZZ;"), "&copy; & &#xZZ;");
}

#[test]
fn lost_words_notices_missing_and_reordered_text() {
    assert_eq!(
        lost_words("<p>foo bar</p>", "foo\nbar\n"),
        Vec::<String>::new()
    );
    assert_eq!(lost_words("<p>foo bar</p>", "foo\n"), ["bar"]);
    assert_eq!(lost_words("<p>foo bar</p>", "bar foo\n"), ["bar"]);
}
