//! Any bytes as an article file: splitting the front matter, parsing YAML or TOML, reading the
//! fields and sanitising them must never panic, and what comes out must be safe to print.

#![no_main]

use libfuzzer_sys::fuzz_target;
use moodwire::Reading;
use moodwire::parse::parse_article;
use moodwire::sanitize::is_unsafe;

fuzz_target!(|bytes: &[u8]| {
    let Ok(article) = parse_article(bytes, "a.md".into(), "a.md".into(), &Reading::default()) else {
        return;
    };
    let fields = [&article.title, &article.body]
        .into_iter()
        .chain(&article.tldr)
        .chain(&article.tags)
        .chain(article.category.as_ref())
        .chain(article.source_url.as_ref())
        .chain(article.sentiment.label.as_ref())
        .chain(&article.warnings);
    for text in fields {
        // A body keeps its line breaks; nothing else that could drive a terminal survives.
        assert!(
            !text.chars().any(|c| is_unsafe(c) && c != '\n'),
            "unsafe character in {text:?}"
        );
    }
});
