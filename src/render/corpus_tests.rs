//! Robustness: hostile input, and the corpora under `$MOODWIRE_CORPORA` when that variable is
//! set (CI sets it): no panics, no control characters, nothing past the width. (The CommonMark
//! examples, which also check that no text is lost, are in `tests/commonmark.rs`.)

use std::path::Path;

use super::{Palette, holds_address, layout, render_markdown, runs_whole, to_plain};

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
                let rendered = render_markdown(&markdown, width, &Palette::default());
                let text = to_plain(&rendered.lines);
                assert!(
                    !text.chars().any(|c| c.is_control() && c != '\n'),
                    "{} has a control character",
                    path.display()
                );
                let over = (rendered.lines.iter())
                    .find(|line| line.width() > width && !runs_whole(line, &rendered.links));
                assert!(
                    over.is_none(),
                    "{} at width {width} has a line past it: {:?}",
                    path.display(),
                    over.map(|line| to_plain(std::iter::once(&line)))
                );
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
            let r = render_markdown(md, width, &Palette::default());
            let laid = layout(md, width.max(20), &Palette::default(), usize::MAX);
            assert_eq!(laid.overwide, 0, "{md:?} at {width}");
            assert!(
                (laid.lines.iter()).all(|l| l.width() <= width.max(20) || holds_address(&l)),
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
