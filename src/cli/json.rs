//! Articles as JSON, with exactly the keys the README documents.

use serde::Serialize;

use moodwire::article::Article;
use moodwire::marks::Marks;
use moodwire::parse::Body;

#[derive(Serialize)]
pub struct ArticleJson<'a> {
    id: &'a str,
    path: String,
    title: &'a str,
    date: Option<String>,
    category: Option<&'a str>,
    tags: &'a [String],
    source_url: Option<&'a str>,
    author: Option<&'a str>,
    sentiment: SentimentJson<'a>,
    tldr: &'a [String],
    tldr_origin: Option<&'static str>,
    words: usize,
    warnings: &'a [String],
    read: bool,
    starred: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    furniture: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    links: Option<&'a [String]>,
}

#[derive(Serialize)]
struct SentimentJson<'a> {
    score: Option<serde_json::Number>,
    label: Option<&'a str>,
    bucket: Option<&'static str>,
    origin: Option<&'static str>,
}

impl<'a> ArticleJson<'a> {
    /// The listing form, without the body.
    pub fn summary(article: &'a Article, marks: &Marks) -> ArticleJson<'a> {
        let sentiment = &article.sentiment;
        ArticleJson {
            id: &article.id,
            path: article.path.to_string_lossy().into_owned(),
            title: &article.title,
            date: article.date.map(|d| d.to_iso()),
            category: article.category.as_deref(),
            tags: &article.tags,
            source_url: article.source_url.as_deref(),
            author: article
                .extra
                .iter()
                .find(|(key, _)| key == "author")
                .map(|(_, author)| author.as_str()),
            sentiment: SentimentJson {
                score: sentiment.score.and_then(json_number),
                label: sentiment.label.as_deref(),
                bucket: sentiment.bucket.map(|b| b.as_str()),
                origin: sentiment.origin.map(|o| o.as_str()),
            },
            tldr: &article.tldr,
            tldr_origin: article.tldr_origin.map(|o| o.as_str()),
            words: article.words,
            warnings: &article.warnings,
            read: marks.is_read(&article.id),
            starred: marks.is_starred(&article.id),
            body: None,
            furniture: None,
            links: None,
        }
    }

    /// The full form: `body` the article's text (for a saved page, its Markdown with links
    /// given as their text, their addresses in `links`), or with `all` the whole text; and
    /// the lines left out of it as `furniture`.
    pub fn full(article: &'a Article, body: &'a Body, all: bool, marks: &Marks) -> ArticleJson<'a> {
        let text = match (all, &body.whole, &body.text) {
            (true, Some(whole), _) => whole,
            (_, _, Some(text)) => text,
            _ => &body.main,
        };
        ArticleJson {
            body: Some(text),
            furniture: Some(&body.furniture),
            links: Some(&body.links),
            ..ArticleJson::summary(article, marks)
        }
    }
}

/// Whole scores are written as integers (`4`, not `4.0`), as the files write them.
fn json_number(score: f64) -> Option<serde_json::Number> {
    if score.fract() == 0.0 && score.abs() < 1e15 {
        Some(serde_json::Number::from(score as i64))
    } else {
        serde_json::Number::from_f64(score)
    }
}
