use super::*;

fn tag() -> Tag {
    Tag::new(3.0, "Bearish/Negative").unwrap()
}

fn insert(text: &str) -> String {
    String::from_utf8(
        with_tag(text.as_bytes(), &tag(), false, None)
            .unwrap()
            .bytes,
    )
    .unwrap()
}

fn replace(text: &str) -> String {
    String::from_utf8(with_tag(text.as_bytes(), &tag(), true, None).unwrap().bytes).unwrap()
}

#[test]
fn yaml_gets_two_lines_before_the_closing_fence() {
    assert_eq!(
        insert("---\ntitle: A # note\n---\nBody\n"),
        "---\ntitle: A # note\nsentiment_score: 3\nsentiment_label: \"Bearish/Negative\"\n---\nBody\n"
    );
    assert_eq!(
        insert("---\ntitle: A\n...\nBody"),
        "---\ntitle: A\nsentiment_score: 3\nsentiment_label: \"Bearish/Negative\"\n...\nBody"
    );
}

#[test]
fn a_closing_fence_that_ends_the_file_without_a_line_end_stays_so() {
    assert_eq!(
        insert("---\ntitle: A\n---"),
        "---\ntitle: A\nsentiment_score: 3\nsentiment_label: \"Bearish/Negative\"\n---"
    );
    assert_eq!(
        insert("+++\r\ntitle = \"A\"\r\n+++"),
        "+++\r\ntitle = \"A\"\r\nsentiment_score = 3\r\nsentiment_label = \"Bearish/Negative\"\r\n+++"
    );
    assert_eq!(
        replace("---\nsentiment_score: 8\n---"),
        "---\nsentiment_score: 3\nsentiment_label: \"Bearish/Negative\"\n---"
    );
}

#[test]
fn crlf_files_get_crlf_lines() {
    assert_eq!(
        insert("---\r\ntitle: A\r\n---\r\nBody\r\n"),
        "---\r\ntitle: A\r\nsentiment_score: 3\r\nsentiment_label: \"Bearish/Negative\"\r\n---\r\nBody\r\n"
    );
    assert_eq!(
        insert("Title\r\nBody\r\n"),
        "---\r\nsentiment_score: 3\r\nsentiment_label: \"Bearish/Negative\"\r\n---\r\nTitle\r\nBody\r\n"
    );
}

#[test]
fn toml_keys_go_before_the_first_table_so_they_stay_at_the_top_level() {
    assert_eq!(
        insert("+++\ntitle = \"A\"\n+++\nBody"),
        "+++\ntitle = \"A\"\nsentiment_score = 3\nsentiment_label = \"Bearish/Negative\"\n+++\nBody"
    );
    assert_eq!(
        insert("+++\ntitle = \"A\"\n[params]\nx = 1\n+++\n"),
        "+++\ntitle = \"A\"\nsentiment_score = 3\nsentiment_label = \"Bearish/Negative\"\n[params]\nx = 1\n+++\n"
    );
}

#[test]
fn a_file_without_front_matter_gets_a_block_at_the_top_after_its_byte_order_mark() {
    assert_eq!(
        insert("\u{feff}Title\nBody\n"),
        "\u{feff}---\nsentiment_score: 3\nsentiment_label: \"Bearish/Negative\"\n---\nTitle\nBody\n"
    );
}

#[test]
fn sentiment_already_there_is_refused_unless_replacing() {
    let text = "---\ntitle: A\nsentiment_label: Neutral\n---\n";
    assert!(matches!(
        with_tag(text.as_bytes(), &tag(), false, None),
        Err(TagError::AlreadyTagged)
    ));
}

#[test]
fn replacing_touches_only_the_values_of_the_two_keys_in_any_spelling() {
    assert_eq!(
        replace(
            "---\ntitle: A\nsentiment_score: 9 # was\nlayout: post\n'sentiment_label':  \"Up\"\n---\nB\n"
        ),
        "---\ntitle: A\nsentiment_score: 3 # was\nlayout: post\n'sentiment_label':  \"Bearish/Negative\"\n---\nB\n"
    );
    // A key that was missing follows the other.
    assert_eq!(
        replace("+++\n\"sentiment_score\"= 9\ntitle = \"A\"\n[x]\nsentiment_score = 1\n+++\n"),
        "+++\n\"sentiment_score\"= 3\nsentiment_label = \"Bearish/Negative\"\ntitle = \"A\"\n[x]\nsentiment_score = 1\n+++\n"
    );
    // Keys that only begin the same way, and nested keys, are not sentiment.
    assert_eq!(
        replace("---\nsentiment_scores: 1\nx:\n  sentiment_label: y\nsentiment_label: z\n---\n"),
        "---\nsentiment_scores: 1\nx:\n  sentiment_label: y\nsentiment_label: \"Bearish/Negative\"\nsentiment_score: 3\n---\n"
    );
}

#[test]
fn a_replaced_line_keeps_its_comment_and_its_own_line_end() {
    assert_eq!(
        replace(
            "---\ntitle: A\r\nsentiment_score: 7 # checked by Ana\r\nsentiment_label: 'It''s # fine' #x\n---\n"
        ),
        "---\ntitle: A\r\nsentiment_score: 3 # checked by Ana\r\nsentiment_label: \"Bearish/Negative\" #x\n---\n"
    );
    assert_eq!(
        replace("+++\r\nsentiment_label = \"a#b\"# note\r\n+++\r\n"),
        "+++\r\nsentiment_label = \"Bearish/Negative\"# note\r\nsentiment_score = 3\r\n+++\r\n"
    );
    // `#` inside a plain YAML value, not after a space, is part of the value.
    assert_eq!(
        replace("---\nsentiment_label: C#sharp\nsentiment_score:\n---\n"),
        "---\nsentiment_label: \"Bearish/Negative\"\nsentiment_score: 3\n---\n"
    );
}

#[test]
fn a_sentiment_value_over_several_lines_is_refused() {
    let text = "---\nsentiment_label: >\n  Very\n  bad\n---\n";
    let error = with_tag(text.as_bytes(), &tag(), true, None).unwrap_err();
    assert!(error.to_string().contains("several lines"), "{error}");
}

#[test]
fn front_matter_never_closed_is_refused_with_a_reason() {
    let error = with_tag(b"---\ntitle: A\n--", &tag(), false, None).unwrap_err();
    assert!(error.to_string().contains("never closed"), "{error}");
}

/// splitmix64, so that the random files are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// A YAML front matter of odd but valid lines, without sentiment, and a body.
fn random_file(rng: &mut Rng) -> String {
    const LINES: &[&str] = &[
        "title: \"Quoted: with colon\"",
        "title: 'single ''quoted'''",
        "title: plain # trailing comment",
        "# a comment line",
        "#sentiment_score: 9",
        "layout:   post   ",
        "tags: [a, \"b c\", 'd']",
        "tags:\n  - one\n  - \"two\"",
        "tldr: |\n  Line one\n  Line two",
        "date: 2026-02-01 06:48:05",
        "empty:",
        "weird_key_ü: \"ünïcödé ✓\"",
        "note: >-\n  folded\n  text",
        "",
        "   ",
        "source_url: \"https://x.example/a?b=c#d\"",
        "\"quoted key\": value",
    ];
    const FENCES: &[&str] = &["---", "---  ", "--- "];
    const CLOSERS: &[&str] = &["---", "...", "---\t"];
    const BODIES: &[&str] = &[
        "",
        "Body\n",
        "\n# Heading\n\nText with --- inside\n",
        "---\n",
    ];
    let mut text = format!("{}\n", rng.pick(FENCES));
    for _ in 0..rng.next() % 8 {
        text.push_str(rng.pick(LINES));
        text.push('\n');
    }
    text.push_str(rng.pick(CLOSERS));
    text.push('\n');
    text.push_str(rng.pick(BODIES));
    if rng.next().is_multiple_of(3) {
        text = text.replace('\n', "\r\n");
    }
    text
}

#[test]
fn writing_then_removing_the_two_new_lines_gives_back_every_byte() {
    let mut rng = Rng(42);
    for case in 0..2_000 {
        let original = random_file(&mut rng);
        let tagged = insert(&original);
        let eol = if original.contains("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        let added = format!("sentiment_score: 3{eol}sentiment_label: \"Bearish/Negative\"{eol}");
        assert_eq!(tagged.matches(&added).count(), 1, "case {case}: {tagged:?}");
        assert_eq!(tagged.replacen(&added, "", 1), original, "case {case}");
        // And the loader reads the new keys from it.
        let article = crate::parse::parse_article(
            tagged.as_bytes(),
            "a.md".into(),
            "a.md".into(),
            &crate::reading::Reading::default(),
        )
        .unwrap_or_else(|e| panic!("case {case}: {e}\n{tagged}"));
        assert_eq!(article.sentiment.score, Some(3.0), "case {case}");
        assert_eq!(
            article.sentiment.label.as_deref(),
            Some("Bearish/Negative"),
            "case {case}"
        );
    }
}
