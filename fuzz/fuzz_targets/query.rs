//! Any text as a query: parsing never panics, and a parsed query finds in the index exactly
//! the sample articles a plain scan of their text finds, and highlights without panicking.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use moodwire::{Article, Library, Query, Reading};

/// The sample library, and its articles with their bodies for the plain scan.
fn samples() -> &'static (Library, Vec<Article>) {
    static SAMPLES: OnceLock<(Library, Vec<Article>)> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let library = moodwire::Library::built_in(&Reading::default());
        let articles = library
            .articles()
            .iter()
            .map(|article| {
                let mut article = article.clone();
                article.body = library.body(&article).expect("samples have bodies");
                article
            })
            .collect();
        (library, articles)
    })
}

fuzz_target!(|text: &str| {
    let Ok(query) = Query::parse(text) else {
        return;
    };
    let (library, articles) = samples();
    let found = library.search(&query);
    for (doc, article) in articles.iter().enumerate() {
        assert_eq!(
            found.contains(doc as u32),
            query.matches(article),
            "{text:?} on {}",
            article.id
        );
        for (place, text) in moodwire::query::searchable_texts(article) {
            for range in query.highlights(text, place) {
                assert!(text.get(range).is_some(), "a highlight splits a character");
            }
        }
    }
});
