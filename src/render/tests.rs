//! Behaviour of the whole renderer, element by element, through the public API.

use ratatui::style::{Color, Modifier, Style};

use super::{Lines, Palette, holds_address, layout, render_markdown, to_ansi, to_plain};

fn plain(md: &str, width: usize) -> Vec<String> {
    render_markdown(md, width, &Palette::default())
        .lines
        .iter()
        .map(|l| l.to_string().trim_end().to_string())
        .collect()
}

/// The style of the first span containing `needle`.
fn style_of(lines: &Lines, needle: &str) -> Option<Style> {
    lines
        .iter()
        .flat_map(|l| l.spans)
        .find(|s| s.content.contains(needle))
        .map(|s| s.style)
}

fn has(style: Option<Style>, modifier: Modifier) -> bool {
    style.is_some_and(|s| s.add_modifier.contains(modifier))
}

/// A document exercising every element, for the invariants below.
const MIXED: &str = "# Headline with *emphasis* and a rather long title that wraps\n\n\
Para with **bold**, `code span`, ~~gone~~, a [link](https://example.com/a/very/long/path/that/goes/on/and/on/forever) \
and <https://x.test>. Supercalifragilisticexpialidociousnessesandthensomemoretext here. \
日本語の文章と한국어 텍스트와 emoji 🎉🎉 mixed.  \nHard break.\n\n\
> Quote with enough words to need wrapping in narrow terminals.\n>\n> > Nested quote, also long enough to wrap around.\n\n\
- one\n- two with a long item that wraps onto the next line\n  - nested\n    1. deep ordered\n- [x] done\n\n\
10. ten\n11. eleven\n\n\
```\nfn main() {\n\tlet x = \"a very long line of code that must be broken somewhere\";\n}\n```\n\n\
| Name | Value | Notes |\n|:--|--:|:-:|\n| alpha | 1 | a cell with several words to wrap |\n| βeta 日本 | 22222 | x |\n\n\
***\n\n<div>\n  raw html block with long content that goes past the edge of narrow terminals\n</div>\n\n\
Footnote ref[^n] and ![alt text](img.png).\n\n[^n]: The note body, long enough to wrap in narrow widths.\n";

#[test]
fn headings_are_bold_coloured_marked_and_h1_underlined() {
    let r = render_markdown("# Top\n\n## Second\n\ntext", 40, &Palette::default());
    let h1 = style_of(&r.lines, "Top");
    let h2 = style_of(&r.lines, "Second");
    assert!(has(h1, Modifier::BOLD) && has(h1, Modifier::UNDERLINED));
    assert!(has(h2, Modifier::BOLD) && !has(h2, Modifier::UNDERLINED));
    assert!(h1.and_then(|s| s.fg).is_some() && h2.and_then(|s| s.fg).is_some());
    assert_eq!(
        plain("# Top\n\n## Second\n\ntext", 40),
        ["# Top", "", "## Second", "", "text"]
    );
}

#[test]
fn paragraphs_wrap_by_words_with_soft_and_hard_breaks() {
    let md = "alpha beta\ngamma delta epsilon zeta eta theta  \niota";
    assert_eq!(
        plain(md, 20),
        [
            "alpha beta gamma",
            "delta epsilon zeta",
            "eta theta",
            "iota"
        ]
    );
}

#[test]
fn inline_styles_keep_their_text() {
    let r = render_markdown("*it* **bo** ~~st~~ `co de`", 40, &Palette::default());
    assert_eq!(to_plain(&r.lines), "it bo st co de\n");
    assert!(has(style_of(&r.lines, "it"), Modifier::ITALIC));
    assert!(has(style_of(&r.lines, "bo"), Modifier::BOLD));
    assert!(has(style_of(&r.lines, "st"), Modifier::CROSSED_OUT));
    assert_eq!(
        style_of(&r.lines, "co de").and_then(|s| s.fg),
        Some(Color::Yellow)
    );
}

#[test]
fn links_get_numbered_markers_and_a_links_section() {
    let md = "[one](https://a.test) [two](https://b.test) [again](https://a.test) <https://c.test>";
    let r = render_markdown(md, 80, &Palette::default());
    assert_eq!(
        r.links,
        ["https://a.test", "https://b.test", "https://c.test"]
    );
    let text = plain(md, 80);
    assert_eq!(
        text,
        [
            "one[1] two[2] again[1] https://c.test[3]",
            "",
            "Links",
            "[1] https://a.test",
            "[2] https://b.test",
            "[3] https://c.test",
        ]
    );
    assert!(has(style_of(&r.lines, "one"), Modifier::UNDERLINED));
    assert!(!has(style_of(&r.lines, "[1]"), Modifier::UNDERLINED));
    assert!(has(style_of(&r.lines, "Links"), Modifier::DIM));
}

#[test]
fn images_show_alt_text_and_a_marker() {
    assert_eq!(
        plain("![a chart](c.png) ![](d.png)", 40),
        [
            "[image: a chart][1] [image][2]",
            "",
            "Links",
            "[1] c.png",
            "[2] d.png"
        ]
    );
}

#[test]
fn block_quotes_prefix_and_nest() {
    let md = "> one two three four five six seven\n>\n> > inner";
    let r = render_markdown(md, 20, &Palette::default());
    assert_eq!(
        plain(md, 20),
        ["│ one two three four", "│ five six seven", "│", "│ │ inner"]
    );
    assert!(has(style_of(&r.lines, "│"), Modifier::DIM));
}

#[test]
fn nested_lists_indent_and_hang() {
    let md = "- a\n  - b is long enough to wrap here\n    - c\n      - d\n- e";
    assert_eq!(
        plain(md, 24),
        [
            "• a",
            "  ◦ b is long enough to",
            "    wrap here",
            "    ▪ c",
            "      • d",
            "• e"
        ]
    );
}

#[test]
fn ordered_lists_number_from_start_and_align() {
    let md = "9. nine\n10. ten\n11. eleven";
    assert_eq!(plain(md, 40), [" 9. nine", "10. ten", "11. eleven"]);
}

#[test]
fn loose_lists_are_spaced_and_tight_ones_are_not() {
    assert_eq!(plain("- a\n\n- b", 40), ["• a", "", "• b"]);
    assert_eq!(plain("- a\n- b\n\npara", 40), ["• a", "• b", "", "para"]);
    assert_eq!(
        plain("1. a\n\n   more\n2. b", 40),
        ["1. a", "", "   more", "", "2. b"]
    );
}

#[test]
fn task_items_show_checkboxes() {
    let md = "- [x] done\n- [ ] open";
    assert_eq!(plain(md, 40), ["• [x] done", "• [ ] open"]);
}

#[test]
fn code_blocks_are_indented_coloured_and_hard_broken() {
    let md = "```\n\tif x {\n        a_long_identifier_name = 1234567890;\n}\n```";
    let r = render_markdown(md, 20, &Palette::default());
    assert_eq!(
        plain(md, 20),
        [
            "      if x {",
            "          a_long_ide",
            "  ntifier_name = 123",
            "  4567890;",
            "  }"
        ]
    );
    assert_eq!(
        style_of(&r.lines, "if x").and_then(|s| s.fg),
        Some(Color::Green)
    );
    assert_eq!(
        plain("    indented\n    code", 40),
        ["  indented", "  code"]
    );
}

#[test]
fn tables_align_columns_by_display_width() {
    let md = "| a | 数字 | c |\n|:--|--:|:-:|\n| long cell | 1 | x |\n| b | 12345 | yy |";
    let r = render_markdown(md, 40, &Palette::default());
    assert_eq!(
        plain(md, 40),
        [
            "a         │  数字 │ c",
            "──────────┼───────┼───",
            "long cell │     1 │ x",
            "b         │ 12345 │ yy"
        ]
    );
    assert!(has(style_of(&r.lines, "数字"), Modifier::BOLD));
}

#[test]
fn wide_tables_wrap_inside_cells() {
    let md = "| k | text |\n|---|---|\n| a | many words that cannot fit on one line |";
    let lines = plain(md, 20);
    assert_eq!(lines.first().map(String::as_str), Some("k │ text"));
    assert!(lines.len() > 3);
    assert!(
        lines
            .iter()
            .skip(2)
            .all(|l| l.starts_with("a │ ") || l.starts_with("  │ "))
    );
}

#[test]
fn thematic_break_is_a_capped_rule() {
    let lines = plain("a\n\n---\n\nb", 100);
    assert_eq!(
        lines.get(2).map(String::as_str),
        Some("─".repeat(40).as_str())
    );
    assert_eq!(plain("***", 20), ["─".repeat(20)]);
}

#[test]
fn html_is_shown_dimmed_not_dropped() {
    let md = "<div>\n  <b>hi</b>\n</div>\n\nan <span>inline</span> tag";
    let r = render_markdown(md, 40, &Palette::default());
    assert_eq!(
        plain(md, 40),
        [
            "<div>",
            "  <b>hi</b>",
            "</div>",
            "",
            "an <span>inline</span> tag"
        ]
    );
    assert!(has(style_of(&r.lines, "<div>"), Modifier::DIM));
    assert!(has(style_of(&r.lines, "<span>"), Modifier::DIM));
    assert!(!has(style_of(&r.lines, "inline"), Modifier::DIM));
}

#[test]
fn footnotes_keep_their_labels() {
    let md = "Claim[^1].\n\n[^1]: Source with enough words to wrap.";
    assert_eq!(
        plain(md, 24),
        [
            "Claim[^1].",
            "",
            "[^1]: Source with enough",
            "      words to wrap."
        ]
    );
}

#[test]
fn words_longer_than_the_width_are_broken() {
    let word = "x".repeat(50);
    assert_eq!(
        plain(&word, 20),
        ["x".repeat(20), "x".repeat(20), "x".repeat(10)]
    );
}

#[test]
fn cjk_wraps_by_display_width() {
    let md = "東京株式市場では日経平均株価が大幅に上昇し、投資家の間で楽観的な見方が広がった。";
    let lines = plain(md, 20);
    assert!(
        lines
            .iter()
            .all(|l| unicode_width::UnicodeWidthStr::width(l.as_str()) <= 20)
    );
    assert!(lines.len() >= 4);
    assert_eq!(lines.concat(), md);
}

#[test]
fn no_line_is_ever_wider_than_the_width() {
    for width in 20..=120 {
        // The final guard is never needed: layout itself must respect the width.
        let laid = layout(MIXED, width, &Palette::default(), usize::MAX);
        assert_eq!(laid.overwide, 0, "width {width}");
        for line in &laid.lines {
            assert!(
                line.width() <= width || holds_address(&line),
                "width {width}: {line:?}"
            );
        }
    }
    for width in [0, 1, 5, 19] {
        assert!(
            render_markdown(MIXED, width, &Palette::default())
                .lines
                .iter()
                .all(|l| l.width() <= 20 || holds_address(&l))
        );
    }
}

/// A link's address is never broken, in the text or in the links section: each is whole on
/// one line, however narrow the width.
#[test]
fn addresses_stay_whole_on_one_line() {
    let url = "https://example.com/a/very/long/path/that/goes/on/and/on/forever?page=2";
    let md = format!("Read [the report]({url}) or see <{url}> and also {url} itself.");
    for width in [20, 40, 80] {
        let rendered = render_markdown(&md, width, &Palette::default());
        let lines: Vec<String> = rendered.lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(
            lines.iter().filter(|l| l.contains(url)).count(),
            3,
            "at {width}: {lines:#?}"
        );
        assert!(
            lines.iter().any(|l| *l == format!("[1] {url}")),
            "{lines:#?}"
        );
        for line in &rendered.lines {
            assert!(line.width() <= width || holds_address(&line), "{line:?}");
        }
    }
}

#[test]
fn no_double_leading_or_trailing_blank_lines() {
    for width in [20, 33, 80] {
        let lines = plain(MIXED, width);
        assert!(lines.first().is_some_and(|l| !l.is_empty()));
        assert!(lines.last().is_some_and(|l| !l.is_empty()));
        for pair in lines.windows(2) {
            assert!(!(pair.iter().all(|l| l.trim().is_empty())), "{lines:#?}");
        }
    }
    assert!(
        render_markdown("", 80, &Palette::default())
            .lines
            .is_empty()
    );
    assert!(
        !render_markdown(MIXED, usize::MAX, &Palette::default())
            .lines
            .is_empty()
    );
    assert!(
        render_markdown("\n\n   \n", 80, &Palette::default())
            .lines
            .is_empty()
    );
}

#[test]
fn ansi_and_plain_output() {
    let r = render_markdown(MIXED, 60, &Palette::default());
    let ansi = to_ansi(&r.lines);
    assert!(
        ansi.contains("\x1b[1;4;35m"),
        "h1 is bold, underlined, magenta"
    );
    assert!(ansi.lines().all(|l| l.ends_with("\x1b[0m")));
    assert_eq!(ansi.lines().count(), r.lines.len());
    let text = to_plain(&r.lines);
    assert!(!text.contains('\x1b'));
    assert!(text.lines().all(|l| !l.ends_with(' ')));
    assert!(text.contains("[1]") && text.contains("\nLinks\n"));
}
