//! What a writer reads back to check its work: the title and the sentiment a file loads
//! with, read without the body's own work.

use std::path::Path;

use super::*;

/// [`parse_title_and_sentiment`] skips the body's own work and nothing else: on every shape
/// of file it gives the title and file sentiment that [`parse_article`] gives, or its error.
#[test]
fn reading_back_gives_what_loading_gives() {
    let files: [&[u8]; 16] = [
        b"---\ntitle: Front\nsentiment_score: 7\nsentiment_label: positive\n---\n# Heading\nBody",
        b"---\nsentiment_label: bearish\n---\n\n# Heading below\n\nBody",
        b"---\nsentiment_score: 2\nsentiment_label: positive\n---\nDisagreeing label",
        b"---\ndate: 2026-01-01\n---\nFirst line is the title\n\nBody",
        b"---\n---\n",
        b"+++\r\ntitle = \"Toml\"\r\nsentiment_score = 4.5\r\n+++\r\nBody\r\n",
        b"\xef\xbb\xbf---\ntitle: With BOM\n---\nBody",
        b"Plain first line\nand a body",
        b"#\n## Second heading\nbody",
        b"---\ntitle: \xff broken\n---\nBody",
        b"",
        b"  \n\t\n",
        b"bin\0ary",
        b"---\ntitle: never closed\n",
        b"---\ntitle:\n\t- tab\n---\n",
        b"---\ntitle: [unclosed\n---\n",
    ];
    let limits = Reading::default();
    let path = Path::new("2026-02-01-post.md");
    for bytes in files {
        let loaded = parse_article(bytes, String::new(), path.to_owned(), &limits);
        let read_back = parse_title_and_sentiment(bytes, path, &limits);
        let shown = String::from_utf8_lossy(bytes);
        match (loaded, read_back) {
            (Ok(article), Ok((title, sentiment))) => {
                assert_eq!(title, article.title, "{shown:?}");
                let from_file = if article.sentiment.is_estimated() {
                    Sentiment::default()
                } else {
                    article.sentiment
                };
                assert_eq!(sentiment, from_file, "{shown:?}");
            }
            (Err(loaded), Err(read_back)) => assert_eq!(read_back, loaded, "{shown:?}"),
            (loaded, read_back) => panic!("{shown:?}: {loaded:?} against {read_back:?}"),
        }
    }
}

/// Reading back a new version of a file after an earlier one gives what reading it afresh
/// gives, for every pair of versions: a scrape's headline is taken from before only when it
/// must be the same.
#[test]
fn reading_back_after_an_earlier_version_gives_what_reading_afresh_gives() {
    let scrape = "Menu Home News\n\nWorkers Strike at the Port\n\nThe port's workers walked out \
                  on Monday over pay, and the unions said the strike would last a week.\n\n\
                  Ships waited offshore as talks stalled.\n\nShare this:\n";
    let other_scrape = scrape.replace("Workers Strike at the Port", "Port Talks Resume");
    let markdown_body = "# A heading\n\n- a list\n";
    let versions: Vec<String> = vec![
        scrape.to_owned(),
        other_scrape.clone(),
        format!("---\nsentiment_score: 3\nsentiment_label: negative\n---\n{scrape}"),
        format!("---\nsentiment_score: 3\nsentiment_label: negative\n---\n{other_scrape}"),
        format!("---\ntitle: Named\nsentiment_score: 3\n---\n{scrape}"),
        format!("---\nsentiment_score: 8\nsentiment_label: positive\n---\n{markdown_body}"),
        markdown_body.to_owned(),
        "\u{feff}".to_owned() + scrape,
        format!("+++\nsentiment_score = 5\n+++\n{scrape}"),
    ];
    let reading = Reading::default();
    for path in [Path::new("scrape.txt"), Path::new("post.md")] {
        for before in &versions {
            let Ok(loaded) =
                parse_article(before.as_bytes(), String::new(), path.to_owned(), &reading)
            else {
                continue;
            };
            for after in &versions {
                let afresh = parse_title_and_sentiment(after.as_bytes(), path, &reading);
                let after_before = parse_title_and_sentiment_after(
                    before.as_bytes(),
                    &loaded.title,
                    after.as_bytes(),
                    path,
                    &reading,
                );
                assert_eq!(
                    after_before, afresh,
                    "{path:?}: {after:?} read after {before:?}"
                );
            }
        }
    }
}
