//! Robustness: hostile input, and the corpora under `$MOODWIRE_CORPORA` when that variable is
//! set (CI sets it): no panics, no control characters, nothing past the width, no lost words.

use std::path::Path;

use super::{layout, render_markdown, to_plain};

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
fn commonmark_spec_examples() {
    let Some(root) = std::env::var_os("MOODWIRE_CORPORA") else {
        println!("skipped: set MOODWIRE_CORPORA to the corpora folder to run the spec examples");
        return;
    };
    let dir = Path::new(&root).join("commonmark").join("examples");
    let mut examples = 0;
    let mut losses: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for n in 1..=9999 {
        let Ok(markdown) = std::fs::read_to_string(dir.join(format!("{n:03}.md"))) else {
            break;
        };
        let html = std::fs::read_to_string(dir.join(format!("{n:03}.html"))).unwrap_or_default();
        examples += 1;
        for width in [20, 80] {
            let rendered = render_markdown(&markdown, width);
            let text = to_plain(&rendered.lines);
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "example {n} at width {width} has a control character: {text:?}"
            );
            assert!(rendered.lines.iter().all(|l| l.width() <= width));
            let lost = lost_words(&html, &text);
            if !lost.is_empty() {
                losses.push((n, width, lost));
            }
        }
    }
    assert!(
        examples > 600,
        "expected the 655 spec examples in {}",
        dir.display()
    );
    for width in [20, 80] {
        let lossy: Vec<_> = losses.iter().filter(|(_, w, _)| *w == width).collect();
        println!(
            "width {width}: {} of {examples} examples lose words",
            lossy.len()
        );
        for (n, _, words) in lossy {
            println!("  example {n}: {words:?}");
        }
    }
    let at_80 = losses.iter().filter(|(_, w, _)| *w == 80).count();
    assert!(
        at_80 * 100 <= examples,
        "more than 1% of examples lose words at width 80"
    );
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

/// Every real post in `$MOODWIRE_CORPORA/real` (front matter and all, as a worst case) renders
/// within the width and without control characters.
#[test]
fn real_posts_render_within_width() {
    let Some(root) = std::env::var_os("MOODWIRE_CORPORA") else {
        println!("skipped: set MOODWIRE_CORPORA to the corpora folder to run the real posts");
        return;
    };
    let mut stack = vec![Path::new(&root).join("real")];
    let mut posts = 0;
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.filter_map(Result::ok).map(|e| e.path()) {
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let is_post = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ["md", "markdown", "mdx", "mkdn", "Rmd"].contains(&e));
            let Ok(markdown) = std::fs::read_to_string(&path) else {
                continue;
            };
            if !is_post {
                continue;
            }
            posts += 1;
            for width in [20, 80] {
                let rendered = render_markdown(&markdown, width);
                let text = to_plain(&rendered.lines);
                assert!(
                    !text.chars().any(|c| c.is_control() && c != '\n'),
                    "{} has a control character",
                    path.display()
                );
                assert!(rendered.lines.iter().all(|l| l.width() <= width));
            }
        }
    }
    println!("rendered {posts} real posts at widths 20 and 80");
    assert!(
        posts > 200,
        "expected the real posts under {}",
        Path::new(&root).display()
    );
}

#[test]
fn hostile_input_stays_within_width_and_clean() {
    let nested_quotes = "> ".repeat(200) + "deep";
    let nested_lists = (0..60)
        .map(|i| format!("{}- level {i}", "  ".repeat(i)))
        .collect::<Vec<_>>()
        .join("\n");
    let many_columns = format!(
        "{}|\n{}|\n{}|",
        "| h ".repeat(40),
        "|---".repeat(40),
        "| v ".repeat(40)
    );
    let inputs = [
        nested_quotes.as_str(),
        nested_lists.as_str(),
        many_columns.as_str(),
        "☺\u{FE0F}☺\u{FE0F}👩\u{200D}👩\u{200D}👧 e\u{301}\u{301}\u{301} \u{301}lone mark",
        "a\u{7}b\u{1b}[31mred\u{0}nul\rcr\u{85}next",
        "**unclosed *emphasis [link(http://x `code\n\n```\nunterminated fence",
        "[^]: x\n[^a]:\n\n[^a]\n\n- [ ]\n- \n1.\n\n<!-- comment",
        "123456789. huge start\n123456790. next",
    ];
    for md in inputs {
        for width in [0, 20, 21, 57, 200] {
            let r = render_markdown(md, width);
            let (lines, _) = layout(md, width.max(20));
            assert!(
                lines.iter().all(|l| l.width() <= width.max(20)),
                "{md:?} at {width}"
            );
            let text = to_plain(&r.lines);
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "{text:?}"
            );
        }
    }
}
