//! Saved pages written for these tests: the metadata pages carry, an article among menus,
//! footers, comment forms, ads, scripts and styles, and hostile nesting.

use super::*;

const ARTICLE_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Port strike halts grain exports | Harbour Daily</title>
<link rel="canonical" href="https://harbour.example/news/2024/03/05/port-strike">
<meta property="og:url" content="https://harbour.example/og-address">
<meta property="og:title" content="Port strike halts grain exports">
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Port strike halts grain exports",
 "datePublished":"2024-03-05T09:30:00Z","author":{"@type":"Person","name":"Maria Lopez"}}
</script>
<style>p { color: red } .secret { content: "STYLE-TEXT" }</style>
<script>document.write("SCRIPT-TEXT")</script>
</head>
<body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/markets">Markets</a></li></ul></nav>
<div class="ad-banner advertisement">Advertisement: Buy a boat today</div>
<main>
<article>
<h1>Port strike halts grain exports</h1>
<p class="byline">By Maria Lopez</p>
<p>Dock workers at the country's <strong>largest port</strong> extended their strike on Tuesday,
leaving more than forty grain ships waiting offshore and pushing up the price of wheat in
regional markets for the third week in a row, <a href="https://harbour.example/wheat">traders said</a>.</p>
<p>The union said it would not return to work until the port authority agreed to a new pay
scale, while the authority said it had already offered the largest increase in a decade and
accused the union of <em>holding the harvest hostage</em>.</p>
<h2>What farmers say</h2>
<p>Farmers in the north said their silos were full and that they had started to store grain in
the open, where a week of rain could ruin it. Several cooperatives have asked the government to
step in and order the port reopened.</p>
<ul><li>Forty ships wait offshore.</li><li>Wheat is up for a third week.</li></ul>
<blockquote><p>We cannot wait for another month, one farmer said.</p></blockquote>
<p>The transport minister said on Monday that the government would not intervene for now, but
that it was watching the situation closely and would act if food prices kept rising.</p>
<script>var tracking = "SCRIPT-IN-BODY";</script>
</article>
</main>
<section id="comments" class="comments">
<h3>Leave a Reply</h3>
<form action="/comment" method="post"><p>Your email address will not be published.</p>
<textarea name="comment"></textarea><input type="submit" value="Post Comment"></form>
</section>
<footer class="site-footer"><p>© 2024 Harbour Daily. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> · <a href="/terms">Terms of use</a></p></footer>
</body></html>
"#;

#[test]
fn a_page_gives_its_fields() {
    let page = read(ARTICLE_PAGE);
    assert_eq!(
        page.title.as_deref(),
        Some("Port strike halts grain exports")
    );
    assert_eq!(
        page.source_url.as_deref(),
        Some("https://harbour.example/news/2024/03/05/port-strike")
    );
    assert_eq!(
        page.date.map(|d| d.to_iso()).as_deref(),
        Some("2024-03-05T09:30:00Z")
    );
    assert_eq!(page.author.as_deref(), Some("Maria Lopez"));
}

#[test]
fn a_page_gives_its_article_as_markdown_without_the_rest() {
    let page = read(ARTICLE_PAGE);
    for kept in [
        "Dock workers at the country's **largest port** extended",
        "[traders said](https://harbour.example/wheat)",
        "*holding the harvest hostage*",
        "## What farmers say",
        "- Forty ships wait offshore.\n- Wheat is up for a third week.",
        "> We cannot wait for another month",
        "would act if food prices kept rising.",
    ] {
        assert!(page.body.contains(kept), "{kept:?} not in\n{}", page.body);
    }
    for left_out in [
        "Home",
        "Buy a boat",
        "Leave a Reply",
        "Your email address",
        "All rights reserved",
        "Privacy policy",
        "SCRIPT",
        "STYLE",
        "tracking",
    ] {
        assert!(
            !page.body.contains(left_out),
            "{left_out:?} in\n{}",
            page.body
        );
        assert!(!page.text.contains(left_out), "{left_out:?} in the text");
        assert!(!page.whole.contains("SCRIPT") && !page.whole.contains("STYLE"));
    }
    assert!(page.furniture.iter().any(|l| l == "Leave a Reply"));
    assert!(
        page.furniture
            .iter()
            .any(|l| l.contains("All rights reserved"))
    );
    assert!(!page.furniture.iter().any(|l| l.contains("Dock workers")));
}

#[test]
fn the_text_gives_links_as_their_text_and_their_addresses_apart() {
    let page = read(ARTICLE_PAGE);
    assert!(
        page.text.contains("in a row, traders said."),
        "{}",
        page.text
    );
    assert!(!page.text.contains("https://"));
    assert_eq!(page.links, ["https://harbour.example/wheat"]);
}

/// A page imported by its address keeps working links once it is a file somewhere else.
#[test]
fn a_page_read_at_its_address_has_its_relative_links_made_absolute() {
    let relative = ARTICLE_PAGE.replace("https://harbour.example/wheat", "../wheat?week=3");
    let at = "http://127.0.0.1:8080/news/2024/port-strike";
    assert_eq!(
        read_at(&relative, Some(at)).links,
        ["http://127.0.0.1:8080/news/wheat?week=3"]
    );
    let based = relative.replace("<head>", "<head><base href=\"/archive/\">");
    assert_eq!(
        read_at(&based, Some(at)).links,
        ["http://127.0.0.1:8080/wheat?week=3"],
        "the page's <base>, read against its address"
    );
    assert_eq!(
        read(&relative).links,
        ["../wheat?week=3"],
        "no address: as written"
    );
    assert_eq!(
        read_at(&relative, Some("not an address")).links,
        ["../wheat?week=3"]
    );
}

#[test]
fn og_url_stands_in_for_a_missing_canonical_link() {
    let page = read(&ARTICLE_PAGE.replace("rel=\"canonical\"", "rel=\"alternate\""));
    assert_eq!(
        page.source_url.as_deref(),
        Some("https://harbour.example/og-address")
    );
}

#[test]
fn a_page_nested_too_deeply_is_read_as_plain_text() {
    let deep = format!(
        "<html><body><h1>Deep page headline here</h1>{}<p>{}</p>{}</body></html>",
        "<div>".repeat(50_000),
        "Text at the bottom of a very deep page, long enough to read as the article's text, with the words of a sentence in it.",
        "</div>".repeat(50_000)
    );
    let started = std::time::Instant::now();
    let page = read(&deep);
    assert!(page.body.contains("Text at the bottom"), "{page:?}");
    assert!(started.elapsed().as_secs() < 10);
    let bold = format!("<p>{}deep bold text</p>", "<b>".repeat(50_000));
    assert!(read(&bold).whole.contains("deep bold text"));
}

#[test]
fn a_page_a_little_deep_is_read_on_a_large_stack() {
    let html = format!(
        "<html><body>{}<p>{}</p>{}</body></html>",
        "<div>".repeat(900),
        "A paragraph deep inside the page that is long enough to be taken for the article by the extractor, with more words.",
        "</div>".repeat(900)
    );
    assert!(read(&html).text.contains("A paragraph deep inside"));
}

#[test]
fn a_page_without_an_article_is_read_as_its_lines() {
    let page = read("<html><body><p>Just a line.</p></body></html>");
    assert!(page.body.contains("Just a line."));
    let page = read("no tags at all, only text");
    assert!(page.whole.contains("no tags at all"));
    for odd in ["", "<", "<html>", "\u{0}\u{1}", "<p>&#x1b;[2J</p>"] {
        read(odd);
    }
}

#[test]
fn a_huge_flat_page_is_read_in_reasonable_time() {
    let paragraph =
        "<div><p>A sentence of the article that goes on for a while, and then ends.</p></div>\n";
    let html = format!("<html><body>{}</body></html>", paragraph.repeat(20_000));
    let started = std::time::Instant::now();
    let page = read(&html);
    assert!(!page.body.is_empty());
    assert!(started.elapsed().as_secs() < 60);
}

/// An escape sequence brought back by character references leaves nothing behind: neither
/// the sequence nor its parameters, in the article, its plain text or the whole page, in a
/// paragraph, a heading, a link or preformatted text.
#[test]
fn escape_sequences_from_character_references_leave_no_parameters_behind() {
    let sequences = [
        "&#27;]0;stolen title&#7;",
        "&#x1b;]52;c;cGF5bG9hZA==&#x1b;\\",
        "&#27;[2J",
        // The 8-bit CSI as a character: as a reference, `&#155;` is `›` (HTML reads the
        // references 128 to 159 as windows-1252).
        "\u{9b}31m",
    ];
    for sequence in sequences {
        let html = format!(
            "<html><body><article><h1>Head{sequence}line</h1>\
             <p>A paragraph of the article{sequence} that goes on for a while, long enough to \
             be read as the article's text by any extractor.</p>\
             <p>Another paragraph with <a href=\"https://example.com/a\">a link{sequence}</a> \
             and enough words to be kept as part of the article.</p>\
             <pre>code{sequence}block</pre></article></body></html>"
        );
        let page = read(&html);
        let cleaned = |text: &str| crate::sanitize::sanitize(text);
        for (what, text) in [
            ("body", cleaned(&page.body)),
            ("text", cleaned(&page.text)),
            ("whole", cleaned(&page.whole)),
        ] {
            for left in ["]0;", "]52;", "[2J", "31m", "stolen", "cGF5"] {
                assert!(
                    !text.contains(left),
                    "{sequence}: {what} keeps {left:?}: {text:?}"
                );
            }
            assert!(text.contains("Headline"), "{what}: {text:?}");
            assert!(text.contains("article that goes on"), "{what}: {text:?}");
        }
    }
}

/// A page with no article in it (only a head) keeps what its head says: its title, its
/// address and its date.
#[test]
fn a_page_with_only_a_head_keeps_its_title_address_and_date() {
    let page = read(
        "<html><head><title>Just a plain title</title>\
         <link rel=\"canonical\" href=\"https://example.com/2026/03/story\">\
         <meta property=\"article:published_time\" content=\"2026-03-04T10:00:00Z\">\
         </head><body></body></html>",
    );
    assert_eq!(page.title.as_deref(), Some("Just a plain title"));
    assert_eq!(
        page.source_url.as_deref(),
        Some("https://example.com/2026/03/story")
    );
    assert!(page.date.is_some(), "{:?}", page.date);
    let bare = read("<html><head><title>Only a title</title></head></html>");
    assert_eq!(bare.title.as_deref(), Some("Only a title"));
}

/// A link whose address holds an escape sequence is named the same in the article and in
/// its list of links: the sequence taken out whole from both.
#[test]
fn a_link_address_with_an_escape_sequence_is_the_same_in_the_text_and_the_links() {
    let page = read(
        "<html><body><article><h1>Head</h1><p>A paragraph of the article that goes on for a \
         while, long enough to be read as the article's text, with \
         <a href=\"http://x.example/&#27;]52;c;SGVsbG8=&#7;page\">a link</a> in it.</p>\
         <p>Another paragraph with enough words to be kept as part of the article.</p>\
         </article></body></html>",
    );
    let links: Vec<String> = page
        .links
        .iter()
        .map(|l| crate::sanitize::sanitize_line(l))
        .collect();
    assert_eq!(links, ["http://x.example/page"]);
    let body = crate::sanitize::sanitize(&page.body);
    assert!(body.contains("(http://x.example/page)"), "{body}");
}

#[test]
fn a_code_block_is_shown_as_written_with_no_markup_inside() {
    let html = "<html><body><article><h1>How to loop</h1>\
        <p>A first paragraph that says what the code below does, in enough words to be kept.</p>\
        <pre><code>fn main() {\n  x &lt; <b>3</b>\n}</code></pre>\
        <p>A second paragraph that follows the code and says more about it, also kept whole.</p>\
        <p>Inline <code>let x = 1;</code> code stays inline.</p></article></body></html>";
    let page = read(html);
    assert!(
        page.body.contains("```\nfn main() {\n  x < 3\n}\n```"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("Inline `let x = 1;` code"),
        "{}",
        page.body
    );
}

#[test]
fn the_cells_of_a_table_shown_are_not_furniture() {
    let html = "<html><body><article><h1>Timings of the new build</h1>\
        <p>A first paragraph that says what the table below shows, in enough words to be kept.</p>\
        <table><tr><th>Input</th><th>Time</th></tr><tr><td>Small file</td><td>12 ms</td></tr></table>\
        <p>A second paragraph that follows the table and says more about it, also kept whole.</p>\
        </article><footer>Copyright 2026 Example</footer></body></html>";
    let page = read(html);
    assert!(page.body.contains("Small file | 12 ms"), "{}", page.body);
    assert_eq!(page.furniture, ["Copyright 2026 Example"]);
}

/// A page a React server streamed keeps its article at the end, hidden, for a script to move:
/// it is read where the script would put it, not left out as hidden.
#[test]
fn the_article_of_a_streamed_page_is_read_where_its_script_would_put_it() {
    let streamed = format!(
        r#"<html><head><title>Port strike halts grain exports</title></head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <main><template id="P:1"></template></main>
        <footer>Contact us · Privacy</footer>
        <div hidden id="S:1">{}</div></body></html>"#,
        ARTICLE_PAGE
            .split("<article>")
            .nth(1)
            .and_then(|rest| rest.split("</article>").next())
            .map(|article| format!("<article>{article}</article>"))
            .unwrap()
    );
    let page = read(&streamed);
    assert!(
        page.body
            .contains("Dock workers at the country's **largest port**"),
        "{}",
        page.body
    );
    assert!(page.body.contains("## What farmers say"), "{}", page.body);
    assert!(!page.body.contains("Privacy"), "{}", page.body);
    assert!(
        page.furniture.iter().any(|line| line.contains("Privacy")),
        "{:?}",
        page.furniture
    );
}

/// Names a page gives its streamed parts are names, never selectors: one that would not parse
/// as a selector is no crash.
#[test]
fn a_streamed_part_with_a_name_that_is_no_selector_is_read() {
    let page = read(
        r#"<html><body><template id="P:1&quot;] , *"></template>
        <div hidden id="S:1&quot;] , *"><p>Odd text here, and a sentence more.</p></div></body></html>"#,
    );
    assert!(page.body.contains("Odd text here"), "{page:?}");
}

/// A table of data is written as a Markdown table, its first row the header: a cell is one
/// line (its breaks and paragraphs spaces), a `|` in it escaped, a short row filled out. Its
/// lines are the article's, not furniture.
#[test]
fn a_table_of_data_is_a_markdown_table() {
    let page = read(&ARTICLE_PAGE.replace(
        "<h2>What farmers say</h2>",
        "<table><caption>Grain waiting</caption>\
         <tr><th>Ship</th><th>Tonnes | kind</th><th>Days</th></tr>\
         <tr><td>Aurora</td><td><b>42,000</b><br>(wheat)</td><td><p>12</p></td></tr>\
         <tr><td>Baltic Star</td><td>38,500</td></tr></table><h2>What farmers say</h2>",
    ));
    let table = "Grain waiting\n\n\
                 | Ship | Tonnes \\| kind | Days |\n\
                 | --- | --- | --- |\n\
                 | Aurora | **42,000** (wheat) | 12 |\n\
                 | Baltic Star | 38,500 |  |\n\n## What farmers say";
    assert!(page.body.contains(table), "{}", page.body);
    for line in ["Tonnes | kind", "(wheat)", "Baltic Star", "Grain waiting"] {
        assert!(
            !page.furniture.iter().any(|f| f == line),
            "{line}: {:?}",
            page.furniture
        );
    }
}

/// A table that lays a page out, or whose cells hold lists or prose, is not data: its rows
/// stay paragraphs, as they were.
#[test]
fn a_table_that_is_not_data_keeps_its_rows_as_paragraphs() {
    let page = read(&ARTICLE_PAGE.replace(
        "<h2>What farmers say</h2>",
        "<table><tr><td><ul><li>Forty ships</li></ul></td><td>offshore</td></tr>\
         <tr><td>Wheat</td><td>up</td></tr></table><h2>What farmers say</h2>",
    ));
    assert!(!page.body.contains("| --- |"), "{}", page.body);
    assert!(page.body.contains("Wheat | up"), "{}", page.body);
}

/// A table too wide or too long to read in a terminal stays paragraphs: laid out in columns,
/// it would be held whole at once.
#[test]
fn a_table_too_large_to_read_stays_paragraphs() {
    let row = |cells: usize| format!("<tr>{}</tr>", "<td>x</td>".repeat(cells));
    for (rows, cells, is_table) in [
        (2, 40, true),
        (2, 41, false),
        (2_000, 2, true),
        (2_001, 2, false),
    ] {
        let table = format!("<table>{}</table>", row(cells).repeat(rows));
        let page = read(&ARTICLE_PAGE.replace("<h2>What farmers say</h2>", &table));
        assert_eq!(page.body.contains("| --- |"), is_table, "{rows} x {cells}");
    }
}

/// A page that puts its photo's credit, its dates, a sign-up line and a byline inside the
/// article's element, as many blogs and news sites do.
const CREDITED_PAGE: &str = r#"<!DOCTYPE html><html><head><title>Grain ships wait</title></head>
<body><article>
<h1>Grain ships wait</h1>
<figure><img src="ships.jpg" alt=""><figcaption>JANE DOE/AFP/Getty Images</figcaption></figure>
<p>Last updated March 5, 2024</p>
<p><em>Posted by Maria Lopez, harbour reporter</em></p>
<p>Dock workers at the country's largest port extended their strike on Tuesday, leaving more
than forty grain ships waiting offshore and pushing up the price of wheat for a third week.</p>
<p>The union said it would not return to work until the port authority agreed to a new pay
scale, while the authority said it had already offered the largest increase in a decade.</p>
<p>Farmers in the north said their silos were full and that they had started to store grain in
the open, where a week of rain could ruin it.</p>
<p>SIGN UP FOR OUR NEWSLETTER</p>
</article></body></html>"#;

#[test]
fn credits_dates_and_bylines_around_the_article_are_furniture() {
    let page = read(CREDITED_PAGE);
    let about = [
        "JANE DOE/AFP/Getty Images",
        "Last updated March 5, 2024",
        "Posted by Maria Lopez, harbour reporter",
        "SIGN UP FOR OUR NEWSLETTER",
    ];
    for line in about {
        assert!(
            !page.text.contains(line),
            "{line:?} in the text:\n{}",
            page.text
        );
        assert!(
            !page.body.contains(line),
            "{line:?} in the body:\n{}",
            page.body
        );
        assert!(
            page.furniture.iter().any(|l| l == line),
            "{line:?} not in {:?}",
            page.furniture
        );
        assert!(page.whole.contains(line), "{line:?} not in the whole page");
    }
    for kept in ["Dock workers", "The union said", "Farmers in the north"] {
        assert!(
            page.text.contains(kept) && page.body.contains(kept),
            "{kept:?}"
        );
    }
}

#[test]
fn a_line_key_is_its_letters_and_digits_lowercased_with_one_space_between_runs() {
    // The key as the rule says it, one character at a time through Unicode's tables.
    fn by_the_rule(line: &str) -> String {
        let mut key = String::new();
        for c in line.chars() {
            if c.is_alphanumeric() {
                key.extend(c.to_lowercase());
            } else if !key.ends_with(' ') && !key.is_empty() {
                key.push(' ');
            }
        }
        key.trim_end().to_owned()
    }
    let lines = [
        "",
        "   ",
        "Port strike halts grain exports",
        "  -- Leading and trailing punctuation!! ",
        "Price: $1,250.00 (up 3%)",
        "İSTANBUL — Ünal Öztürk, ΣΟΦΙΑ and Straße",
        "日本語のテキスト、句読点。",
        "tab\there\nnewline\u{a0}nbsp\u{200b}zero-width",
        "a|b | c",
        "Ǆ ǅ ǆ ﬁ ½ ² Ⅻ",
    ];
    let mut buffer = String::from("left over");
    for line in lines {
        assert_eq!(key(line), by_the_rule(line), "{line:?}");
        key_into(line, &mut buffer);
        assert_eq!(buffer, by_the_rule(line), "{line:?}");
    }
}

#[test]
fn white_space_is_collapsed_as_a_split_into_words_would_collapse_it() {
    // The rule as words: each run of white space (as Unicode defines it) is one space, none
    // at the start of a line, none after a space the line already ends with.
    fn by_words(line: &mut String, text: &str) {
        let mut space = text.starts_with(char::is_whitespace);
        for word in text.split_whitespace() {
            if space && !line.is_empty() && !line.ends_with(' ') {
                line.push(' ');
            }
            line.push_str(word);
            space = true;
        }
        if text.ends_with(char::is_whitespace) && !line.is_empty() && !line.ends_with(' ') {
            line.push(' ');
        }
    }
    let texts = [
        "",
        " ",
        "word",
        "  two   words  ",
        "tab\there\nnew\r\nline\u{b}vt\u{c}ff",
        "\u{a0}nbsp\u{85}nel\u{3000}ideographic\u{2028}line\u{2029}para\u{202f}narrow",
        "not space: \u{200b}zero\u{180e}mongolian\u{feff}bom\u{1c}fs",
        "Ünal — Öztürk 日本語 \u{1680}ogham",
        "é\u{a0}",
    ];
    for before in ["", "x", "x ", " "] {
        for text in texts {
            let (mut expected, mut got) = (before.to_owned(), before.to_owned());
            by_words(&mut expected, text);
            visible::push_collapsed(&mut got, text);
            assert_eq!(got, expected, "{before:?} + {text:?}");
        }
    }
}
