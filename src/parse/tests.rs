//! One test per rule of the article format, and one per oddity found in real files.

use super::*;
use crate::article::Origin;

fn parse(text: &str) -> Article {
    parse_named("2026-02-01-post.md", text)
}

fn parse_named(name: &str, text: &str) -> Article {
    match parse_article(
        text.as_bytes(),
        name.into(),
        PathBuf::from(name),
        &Reading::default(),
    ) {
        Ok(article) => article,
        Err(error) => panic!("{name} did not parse: {error}"),
    }
}

fn parse_error(text: &[u8]) -> String {
    match parse_article(text, "x.md".into(), "x.md".into(), &Reading::default()) {
        Ok(article) => panic!("expected an error, got {article:?}"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn seed_article_reads_every_field() {
    let bytes =
        include_bytes!("../../sample-articles/2026-02-01-russia-foreign-technology-imports.md");
    let article = parse_article(
        bytes,
        "seed.md".into(),
        "seed.md".into(),
        &Reading::default(),
    )
    .unwrap();
    assert_eq!(
        article.title,
        "Russia struggles to shake reliance on foreign technology imports"
    );
    assert_eq!(article.category.as_deref(), Some("News"));
    assert_eq!(
        article.date.map(|d| d.to_iso()).as_deref(),
        Some("2026-02-01T06:48:05")
    );
    assert_eq!(
        article.source_url.as_deref(),
        Some("https://www.ft.com/content/80cd2d5a-9aa4-40a4-b0fc-a2d1080622f7")
    );
    assert_eq!(article.sentiment.score, Some(4.0));
    assert_eq!(article.sentiment.label.as_deref(), Some("Bearish/Negative"));
    assert_eq!(article.sentiment.bucket, Some(Bucket::Negative));
    assert_eq!(article.sentiment.origin, Some(Origin::File));
    assert_eq!(article.tldr.len(), 3);
    assert!(article.tldr[1].starts_with("International sanctions have curbed"));
    assert!(article.body.starts_with("# Russia Struggles"));
    assert_eq!(article.extra, [("layout".to_owned(), "post".to_owned())]);
    assert!(article.warnings.is_empty(), "{:?}", article.warnings);
    assert_eq!(article.words, 249);
}

#[test]
fn plain_text_takes_its_first_line_as_title() {
    let article = parse_named(
        "scraped.txt",
        "\n\nPutin and Xi at Beijing\n\nUS has failed.\nMore text.",
    );
    assert_eq!(article.title, "Putin and Xi at Beijing");
    assert_eq!(article.body, "US has failed.\nMore text.");
    assert_eq!(article.sentiment.origin, Some(Origin::Estimated));
    assert_eq!(article.date, None);
}

#[test]
fn plain_markdown_takes_its_leading_heading_as_title() {
    let article = parse_named("note.md", "# Lithium glut\n\nPrices fell.\n");
    assert_eq!(article.title, "Lithium glut");
    assert_eq!(article.body, "Prices fell.\n");
}

#[test]
fn an_empty_heading_is_not_a_title() {
    let article = parse_named("note.txt", "# \n\nReal title\nBody\n");
    assert_eq!(
        (article.title.as_str(), article.body.as_str()),
        ("Real title", "Body\n")
    );
    assert_eq!(
        parse_named("note.txt", "#\n## Second\nBody").title,
        "Second"
    );
}

#[test]
fn a_paragraph_is_too_long_to_be_a_title_and_stays_in_the_body() {
    let paragraph = "This sentence goes on and on ".repeat(20);
    let article = parse_named("long.txt", &paragraph);
    assert!(article.title.ends_with('…'));
    assert_eq!(article.body, paragraph);
}

#[test]
fn title_falls_back_to_heading_then_line_then_file_name() {
    assert_eq!(
        parse("---\ncategory: x\n---\nIntro\n## The Heading\n").title,
        "The Heading"
    );
    assert_eq!(
        parse("---\ncategory: x\n---\n\nFirst line\nsecond\n").title,
        "First line"
    );
    assert_eq!(
        parse_named("my-post.md", "---\ntitle: ''\n---\n").title,
        "my-post"
    );
}

#[test]
fn toml_front_matter_is_read() {
    let text = "+++\ntitle = \"Fusion record\"\ndate = 2026-01-12T09:30:00Z\ncategories = [\"Science\"]\n\
                sentiment_score = 8\nsentiment_label = \"Bullish/Positive\"\ntldr = [\"a\", \"b\"]\n+++\nBody\n";
    let article = parse(text);
    assert_eq!(article.title, "Fusion record");
    assert_eq!(
        article.date.map(|d| d.to_iso()).as_deref(),
        Some("2026-01-12T09:30:00Z")
    );
    assert_eq!(article.category.as_deref(), Some("Science"));
    assert_eq!(article.sentiment.bucket, Some(Bucket::Positive));
    assert_eq!(article.tldr, ["a", "b"]);
}

#[test]
fn date_comes_from_a_jekyll_file_name_when_front_matter_has_none() {
    let article = parse_named(
        "2020-08-05-jekyll-released.markdown",
        "---\ntitle: Released\n---\nText",
    );
    assert_eq!(
        article.date.map(|d| d.to_iso()).as_deref(),
        Some("2020-08-05")
    );
    assert!(article.warnings.is_empty());
}

#[test]
fn an_unreadable_date_warns_and_falls_back_to_the_file_name() {
    let article = parse_named("2023-01-29-post.md", "---\ntitle: T\ndate: soon\n---\n");
    assert_eq!(
        article.date.map(|d| d.to_iso()).as_deref(),
        Some("2023-01-29")
    );
    assert_eq!(article.warnings, ["`date`: unreadable date \"soon\""]);
    let article = parse_named("post.md", "---\ntitle: T\ndate: soon\n---\n");
    assert_eq!(article.date, None);
}

#[test]
fn sentiment_bucket_comes_from_the_label_else_the_score() {
    assert_eq!(
        parse("---\nsentiment_label: bullish\n---\n")
            .sentiment
            .bucket,
        Some(Bucket::Positive)
    );
    assert_eq!(
        parse("---\nsentiment_score: 5\n---\n").sentiment.bucket,
        Some(Bucket::Neutral)
    );
    assert_eq!(
        parse("---\nsentiment_score: '2.5'\n---\n").sentiment.bucket,
        Some(Bucket::Negative)
    );
}

#[test]
fn a_label_that_disagrees_with_the_score_wins_with_a_warning() {
    let article = parse("---\nsentiment_score: 9\nsentiment_label: Bearish/Negative\n---\n");
    assert_eq!(article.sentiment.bucket, Some(Bucket::Negative));
    assert_eq!(
        article.warnings,
        [
            "`sentiment_label` \"Bearish/Negative\" disagrees with `sentiment_score` 9 (positive); the label is used"
        ]
    );
}

#[test]
fn an_unknown_label_warns_and_the_score_decides() {
    let article = parse("---\nsentiment_score: 8\nsentiment_label: Hopeful\n---\n");
    assert_eq!(article.sentiment.bucket, Some(Bucket::Positive));
    assert_eq!(article.sentiment.label.as_deref(), Some("Hopeful"));
    assert_eq!(article.warnings.len(), 1);
    assert!(article.warnings[0].contains("not a known label"));
}

#[test]
fn empty_blank_and_binary_files_are_errors() {
    assert_eq!(parse_error(b""), "the file is empty");
    assert_eq!(parse_error(b" \n\t\r\n"), "the file holds only white space");
    assert_eq!(
        parse_error(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        "binary file (it contains NUL bytes)"
    );
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let article = parse_article(
        b"Caf\xe9 news\nbody",
        "a.txt".into(),
        "a.txt".into(),
        &Reading::default(),
    )
    .unwrap();
    assert_eq!(article.title, "Caf\u{fffd} news");
    assert_eq!(article.warnings.len(), 1);
}

#[test]
fn malformed_and_unterminated_front_matter_are_errors() {
    assert_eq!(
        parse_error(b"---\ntitle: [oops\n---\nbody"),
        "invalid YAML front matter at line 2: unclosed bracket '['"
    );
    assert_eq!(
        parse_error(b"---\ntitle: x\nbody without end\n"),
        "front matter opened by --- on line 1 is never closed"
    );
}

#[test]
fn escape_sequences_never_survive_into_any_field() {
    let text = "---\ntitle: \"Evil\\e]52;c;cm0gLXJmIH4=\\a title\"\ncategory: \"\\e[2JNews\"\ntags: [\"\\x9b31mred\"]\n\
                tldr: [\"\\e]8;;http://x\\e\\\\link\\e]8;;\\e\\\\ text\"]\n\
                source_url: \"https://a.example/\\e[1m\"\n---\nBody \x1b[2J\u{202e}reversed\x07 end\n";
    let article = parse(text);
    assert_eq!(article.title, "Evil title");
    assert_eq!(article.category.as_deref(), Some("News"));
    assert_eq!(article.tags, ["red"]);
    assert_eq!(article.tldr, ["link text"]);
    assert_eq!(article.source_url.as_deref(), Some("https://a.example/"));
    assert_eq!(article.body, "Body reversed end\n");
}

#[test]
fn words_are_counted_like_a_plain_split_with_each_chinese_character_a_word() {
    let text = "  Ünïcödé café,\u{a0}東京 — x2\t\n## - > ... NAÏVE…\u{2003}ok ";
    assert_eq!(count_words(text), split_count(text));
    assert_eq!(count_words("Prices 上涨了1.2% today"), 6);
}

/// Words as a plain split gives them, each character of Chinese or Japanese (written without
/// spaces between words) a word of its own.
fn split_count(text: &str) -> usize {
    let unspaced = crate::words::is_unspaced;
    (text.split_whitespace())
        .map(|word| {
            let characters = word.chars().filter(|&c| unspaced(c)).count();
            let others = (word.split(unspaced))
                .filter(|piece| piece.chars().any(char::is_alphanumeric))
                .count();
            characters + others
        })
        .sum()
}

#[test]
fn words_are_counted_without_markdown_markers() {
    assert_eq!(count_words("## Heading\n- one two\n> three\n\n---\n"), 4);
}

// Oddities found in real posts (../shared/corpora/real).

#[test]
fn oddity_duplicate_keys_keep_the_last_like_jekyll() {
    let article =
        parse("---\ntitle: \"Ruby 1.8.7 is released\"\ntitle: \"Sortie de Ruby 1.8.7\"\n---\n");
    assert_eq!(article.title, "Sortie de Ruby 1.8.7");
    assert_eq!(
        article.warnings,
        ["duplicate key `title`: the last value is used"]
    );
}

#[test]
fn oddity_crlf_line_endings() {
    let article = parse(
        "+++\r\ntitle = \"Logging with dnstap\"\r\ndate = \"2017-08-03T10:25:28+02:00\"\r\n+++\r\n\r\nBody\r\n",
    );
    assert_eq!(article.title, "Logging with dnstap");
    assert_eq!(
        article.date.map(|d| d.to_iso()).as_deref(),
        Some("2017-08-03T10:25:28+02:00")
    );
    assert_eq!(article.body, "Body\n");
}

#[test]
fn oddity_byte_order_mark() {
    let article = parse("\u{feff}---\ntitle: With BOM\n---\nBody");
    assert_eq!(article.title, "With BOM");
}

#[test]
fn oddity_fences_with_trailing_spaces() {
    assert_eq!(parse("---  \ntitle: Spaced\n--- \nBody").title, "Spaced");
    assert_eq!(parse("+++ \ntitle = \"Spaced\"\n+++\nBody").title, "Spaced");
}

#[test]
fn oddity_front_matter_closed_by_dots() {
    let article = parse("---\ntitle: Test Post Where YAML Ends in Dots\n...\n\n# Test\n");
    assert_eq!(article.title, "Test Post Where YAML Ends in Dots");
    assert_eq!(article.body, "# Test\n");
}

#[test]
fn oddity_block_scalar_title() {
    let article = parse("---\ntitle: |-\n  A Linkerd 2.0 Deep Dive\n  on Azure\n---\n");
    assert_eq!(article.title, "A Linkerd 2.0 Deep Dive on Azure");
}

#[test]
fn oddity_comment_inside_an_unquoted_title() {
    assert_eq!(parse("---\ntitle: Hash #1\n---\n").title, "Hash");
}

#[test]
fn oddity_tags_as_string_list_or_null() {
    assert_eq!(
        parse("---\ntags: ay bee cee\n---\n").tags,
        ["ay", "bee", "cee"]
    );
    assert_eq!(
        parse("---\ntags:\n- food\n- cooking\n---\n").tags,
        ["food", "cooking"]
    );
    assert!(parse("---\ntags:\n---\n").tags.is_empty());
}

#[test]
fn oddity_numbers_where_strings_are_expected() {
    let article = parse("---\ncategory: 2013\nversion: 3.0\n---\n");
    assert_eq!(article.category.as_deref(), Some("2013"));
    assert_eq!(article.extra, [("version".to_owned(), "3".to_owned())]);
    assert!(article.warnings.is_empty());
}

#[test]
fn oddity_liquid_and_hugo_shortcodes_stay_as_text() {
    let body = "{% assign release = site.data.releases | first %}\n{{< youtube sq8nsjuJqO4 >}}\n";
    let article = parse(&format!("---\ntitle: T\n---\n{body}"));
    assert_eq!(article.body, body);
}

#[test]
fn oddity_empty_front_matter() {
    let article = parse_named("2009-06-22-empty-yaml.markdown", "---\n---\nEmpty YAML.");
    assert_eq!(article.title, "Empty YAML.");
    assert_eq!(
        article.date.map(|d| d.to_iso()).as_deref(),
        Some("2009-06-22")
    );
}

#[test]
fn oddity_triple_dash_inside_a_value() {
    assert_eq!(parse("---\ntitle: Foo --- Bar\n---\n").title, "Foo --- Bar");
}

#[test]
fn oddity_front_matter_without_a_body() {
    let article = parse("---\ntitle: Blog\n---\n");
    assert_eq!(
        (article.title.as_str(), article.body.as_str(), article.words),
        ("Blog", "", 0)
    );
}

#[test]
fn oddity_dates_in_the_shapes_real_sites_write() {
    let cases = [
        ("2024-03-21 4:00:00 +0000", "2024-03-21T04:00:00+00:00"),
        ("'2019-10-20T12:00:00.000Z'", "2019-10-20T12:00:00.000Z"),
        ("2021-05-27T00:00:00", "2021-05-27T00:00:00"),
        ("\"2013-06-07 21:02:13 +0200\"", "2013-06-07T21:02:13+02:00"),
        (
            "2023-01-29 18:30:22 2023 -0800",
            "2023-01-29T18:30:22-08:00",
        ),
    ];
    for (written, iso) in cases {
        let article = parse(&format!("---\ndate: {written}\n---\n"));
        assert_eq!(
            article.date.map(|d| d.to_iso()).as_deref(),
            Some(iso),
            "{written}"
        );
    }
}

#[test]
fn yaml_indented_with_tabs_is_refused_and_tabs_inside_values_are_not() {
    let error = parse_error(b"---\ntitle: Tabbed\ntags:\n\t- one\n---\nBody\n");
    assert!(
        error.starts_with("invalid YAML front matter at line 4"),
        "{error}"
    );
    let article = parse("---\ntitle: \"Tab\there\"\ntldr:\n  - one\t two\n---\nBody\twith tab\n");
    assert_eq!(article.title, "Tab here");
    assert_eq!(article.tldr, ["one  two"]);
}

#[test]
fn words_are_counted_like_a_plain_split_in_any_mix_of_scripts() {
    let pieces = [
        "a", "Z9", " ", "  ", "\t", "\n", "\r\n", "-", "##", "…", "é", "東京", "\u{a0}",
        "\u{2003}", "’", "—", "5", ".", "Ω",
    ];
    // The first nine pieces are ASCII: texts of those alone, and long ones, go through the
    // 64-byte blocks, which a piece of another script interrupts anywhere.
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    for round in 0..4_000 {
        let (length, kinds) = match round % 4 {
            0 => (24, pieces.len()),
            1 => (400, pieces.len()),
            _ => (400, 9),
        };
        let mut text = String::new();
        for _ in 0..(state % length) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(pieces[(state % kinds as u64) as usize]);
        }
        assert_eq!(count_words(&text), split_count(&text), "{text:?}");
    }
}

/// What is read again when an article is opened is the body the article was loaded with.
#[test]
fn the_body_read_again_is_the_body_loaded() {
    let mut files: Vec<Vec<u8>> = crate::samples::SAMPLES
        .iter()
        .map(|(_, bytes)| bytes.to_vec())
        .collect();
    for text in [
        "Plain title\n\nPlain body.\n".into(),
        "\n\n#\n## Heading title\nBody under it.\n".into(),
        "A line far too long to be a title, ".repeat(8) + "\nand more.\n",
        "\u{feff}---\r\ntitle: CRLF\r\n---\r\n\r\n\r\nBody.\r\n".into(),
        "+++\ntitle = \"TOML\"\n+++\nBody \u{1b}[31mred\u{1b}[0m.\n".into(),
        "---\ntitle: Only front matter\n---\n".into(),
    ] {
        files.push(text.into_bytes());
    }
    for bytes in files {
        let loaded = parse_article(&bytes, "x".into(), "x.md".into(), &Reading::default());
        let body = parse_body(&bytes, Path::new("x.md"), &Reading::default());
        assert_eq!(
            body.ok(),
            loaded.ok().map(|article| article.body),
            "{}",
            String::from_utf8_lossy(&bytes)
        );
    }
}

/// A saved page's character references may spell control characters; what the page gives is
/// cleaned again, in every field.
#[test]
fn a_saved_page_never_brings_back_a_control_character() {
    let html = "<html><head><title>Title &#x1b;[2J here</title>\
        <link rel=\"canonical\" href=\"https://x.example/a&#x1b;b\"></head><body><article>\
        <h1>Headline &#x9b;31m of the page</h1><p>A paragraph of the article &#x1b;]8;;evil&#x7; \
        with enough words in it to be taken for the article's text by the extractor, and a \
        few more words to be sure of it, and then some more words still.</p></article></body></html>";
    let article = parse_named("page.html", html);
    let fields = [
        article.title.clone(),
        article.body.clone(),
        article.source_url.clone().unwrap_or_default(),
        article.tldr.join(" "),
    ];
    for field in fields {
        assert!(
            !field.chars().any(|c| c.is_control() && c != '\n'),
            "{field:?}"
        );
    }
    let body =
        parse_body_parts(html.as_bytes(), Path::new("page.html"), &Reading::default()).unwrap();
    for text in [
        body.whole.unwrap_or_default(),
        body.text.unwrap_or_default(),
    ]
    .into_iter()
    .chain(body.furniture)
    .chain(body.links)
    {
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
    }
}

/// A text file given front matter keeps its Markdown whole; one whose body is a scrape still
/// has its furniture left out, and its headline line out of the body.
#[test]
fn a_text_file_with_front_matter_is_a_scrape_unless_its_body_is_markdown() {
    let finished = parse_named(
        "done.txt",
        "---\ntitle: Done\n---\n\n# Done\n\nText of it.\n\n## Sources\n- one\n- two\n",
    );
    assert!(finished.body.contains("- two"), "{}", finished.body);
    assert_eq!(finished.left_out, 0);
    let scrape = parse_named(
        "tagged.txt",
        "---\ntitle: \"Port Strike Halts Grain Exports\"\nsentiment_score: 3\n---\nMenu\n\n\
         Port Strike Halts Grain Exports\n\n\
         Dock workers at the country's largest port extended their strike on Tuesday, leaving more than forty grain ships waiting offshore and pushing up the price of wheat in regional markets for the third week in a row.\n\n\
         Leave a Comment\n",
    );
    assert_eq!(scrape.title, "Port Strike Halts Grain Exports");
    assert!(scrape.body.starts_with("Dock workers"), "{}", scrape.body);
    assert!(!scrape.body.contains("Leave a Comment"));
    assert_eq!(scrape.left_out, 2);
}
