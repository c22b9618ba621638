//! An imported article's file: YAML front matter (`title`, `date`, `source_url`, `category`,
//! `tags`, `author`, and with `--tag` the estimated sentiment and TL;DR) and a Markdown body,
//! checked by reading it back as the loader will before it is written.

use std::path::PathBuf;

use crate::article::Origin;
use crate::frontmatter;
use crate::parse::parse_article_with_estimate;
use crate::reading::Reading;
use crate::sanitize::{sanitize, sanitize_line};
use crate::tagger::Tag;

/// What an article file says, before it is written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fields {
    /// Its title; without one, the loader takes the body's first line.
    pub title: Option<String>,
    /// When it was published, in a shape the loader reads (`2010-09-06T00:01:00Z`).
    pub date: Option<String>,
    /// Where it was published.
    pub source_url: Option<String>,
    /// Its category.
    pub category: Option<String>,
    /// Its tags.
    pub tags: Vec<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// Its text, as Markdown.
    pub body: String,
}

impl Fields {
    /// The same fields cleaned as every article's text is (no control characters, no escape
    /// sequences, one line where one line belongs), empty ones left out.
    pub fn cleaned(self) -> Fields {
        let line = |text: Option<String>| {
            text.map(|t| sanitize_line(&t))
                .filter(|t| !t.trim().is_empty())
        };
        let mut tags: Vec<String> = Vec::new();
        for tag in self.tags.iter().map(|t| sanitize_line(t)) {
            if !tag.is_empty() && !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let mut body = sanitize(&self.body).trim().to_owned();
        if !body.is_empty() {
            body.push('\n');
        }
        Fields {
            title: line(self.title),
            date: line(self.date),
            source_url: line(self.source_url),
            category: line(self.category),
            tags,
            author: line(self.author),
            body,
        }
    }
}

/// The bytes of the file for `fields` (already [cleaned](Fields::cleaned)), named `name`;
/// with `tag`, also the sentiment and TL;DR estimated from them, as `tag --write --tldr`
/// writes them. Refused, with the reason, when they would not read back as written.
pub fn compose(
    fields: &Fields,
    name: &str,
    tag: bool,
    reading: &Reading,
) -> Result<Vec<u8>, String> {
    let plain = render(fields, None);
    let path = PathBuf::from(name);
    let bytes = match tag {
        false => plain.into_bytes(),
        true => {
            let (article, estimate) =
                parse_article_with_estimate(plain.as_bytes(), String::new(), path.clone(), reading)
                    .map_err(|error| format!("it would not read back ({error})"))?;
            let estimate =
                estimate.ok_or_else(|| "it would carry a sentiment already".to_owned())?;
            let tldr = match article.tldr_origin {
                Some(Origin::Estimated) => article.tldr.clone(),
                _ => Vec::new(),
            };
            let tag = Tag::new(estimate.score, estimate.label()).map_err(|e| e.to_string())?;
            render(fields, Some((&tag, &tldr))).into_bytes()
        }
    };
    check(&bytes, fields, tag, reading)?;
    Ok(bytes)
}

/// The file's text.
fn render(fields: &Fields, tag: Option<(&Tag, &[String])>) -> String {
    let mut out = String::from("---\n");
    let mut line = |key: &str, value: &str| out.push_str(&format!("{key}: {}\n", quoted(value)));
    if let Some(title) = &fields.title {
        line("title", title);
    }
    if let Some(source_url) = &fields.source_url {
        line("source_url", source_url);
    }
    if let Some(category) = &fields.category {
        line("category", category);
    }
    if let Some(author) = &fields.author {
        line("author", author);
    }
    if let Some(date) = &fields.date {
        out.push_str(&format!("date: {date}\n"));
    }
    if !fields.tags.is_empty() {
        out.push_str("tags:\n");
        for tag in &fields.tags {
            out.push_str(&format!("  - {}\n", quoted(tag)));
        }
    }
    if let Some((tag, tldr)) = tag {
        out.push_str(&format!("sentiment_score: {}\n", tag.score_text()));
        out.push_str(&format!("sentiment_label: {}\n", quoted(&tag.label)));
        if !tldr.is_empty() {
            out.push_str("tldr:\n");
            for item in tldr {
                out.push_str(&format!("  - {}\n", quoted(item)));
            }
        }
    }
    out.push_str("---\n");
    if !fields.body.is_empty() {
        out.push('\n');
        out.push_str(&fields.body);
    }
    out
}

/// A string in double quotes, escaped as JSON escapes it, which YAML reads the same way.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

/// Refuses `bytes` unless the loader reads them back as `fields` say. Only the front matter
/// is read: the body is the loader's to read as any Markdown, and estimating an article's
/// sentiment for each of a feed's thousand items would cost more than the rest of an import.
fn check(bytes: &[u8], fields: &Fields, tag: bool, reading: &Reading) -> Result<(), String> {
    if bytes.len() as u64 > reading.limits.max_file_bytes {
        return Err(format!(
            "the article would be larger than {} (limits.max_file_bytes)",
            crate::web::size_text(reading.limits.max_file_bytes)
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "it would not be UTF-8".to_owned())?;
    let split = frontmatter::split(text).map_err(|error| error.to_string())?;
    let Some((format, block)) = split.front_matter else {
        return Err("it would have no front matter".to_owned());
    };
    let mut warnings = Vec::new();
    let read = frontmatter::parse(
        format,
        block,
        split.first_line,
        &reading.limits,
        &mut warnings,
    )
    .map_err(|error| format!("its front matter would not read back ({error})"))?;
    let same = read.title == fields.title
        && read.source_url == fields.source_url
        && read.category == fields.category
        && read.tags == fields.tags
        && read.date.is_some() == fields.date.is_some()
        && (!tag || (read.sentiment_score.is_some() && read.sentiment_label.is_some()))
        && warnings.is_empty();
    match same {
        true => Ok(()),
        false => Err("its front matter would not read back as written".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_article;

    fn fields() -> Fields {
        Fields {
            title: Some("Oil \"prices\": up \u{1b}[31m\n10%".into()),
            date: Some("2010-09-06T00:01:00Z".into()),
            source_url: Some("https://e.com/a?b=1&c=2".into()),
            category: Some("Markets".into()),
            tags: vec![
                "oil".into(),
                "- not a list".into(),
                "oil".into(),
                "\u{7}".into(),
            ],
            author: Some("Ana # not a comment".into()),
            body:
                "Oil prices rose sharply on Monday as supply fears grew.\n\nTraders said the rally \
                   would last. Analysts expect record profits for producers this year.\n"
                    .into(),
        }
        .cleaned()
    }

    #[test]
    fn the_file_reads_back_as_written() {
        let fields = fields();
        let bytes = compose(&fields, "a.md", false, &Reading::default()).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(
            text.starts_with("---\ntitle: \"Oil \\\"prices\\\": up 10%\"\n"),
            "{text}"
        );
        assert!(text.contains("date: 2010-09-06T00:01:00Z\n"), "{text}");
        assert!(
            text.contains("tags:\n  - \"oil\"\n  - \"- not a list\"\n---\n"),
            "{text}"
        );
        let article =
            parse_article(&bytes, String::new(), "a.md".into(), &Reading::default()).unwrap();
        assert_eq!(article.title, "Oil \"prices\": up 10%");
        assert_eq!(
            article.extra,
            [("author".to_owned(), "Ana # not a comment".to_owned())]
        );
        assert!(article.sentiment.is_estimated(), "estimated when read");
        assert!(article.body.starts_with("Oil prices rose"));
    }

    #[test]
    fn with_tag_the_estimates_are_written() {
        let bytes = compose(&fields(), "a.md", true, &Reading::default()).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.contains("\nsentiment_score: "), "{text}");
        assert!(text.contains("\nsentiment_label: \""), "{text}");
        assert!(text.contains("\ntldr:\n  - \""), "{text}");
        let article =
            parse_article(&bytes, String::new(), "a.md".into(), &Reading::default()).unwrap();
        assert_eq!(article.sentiment.origin, Some(Origin::File));
        assert_eq!(article.tldr_origin, Some(Origin::File));
    }

    #[test]
    fn an_article_without_title_or_body_still_reads() {
        let fields = Fields {
            source_url: Some("https://e.com/1".into()),
            ..Fields::default()
        }
        .cleaned();
        let bytes = compose(&fields, "2020-01-01-article.md", false, &Reading::default()).unwrap();
        let article = parse_article(
            &bytes,
            String::new(),
            "2020-01-01-article.md".into(),
            &Reading::default(),
        )
        .unwrap();
        assert_eq!(article.source_url.as_deref(), Some("https://e.com/1"));
    }

    #[test]
    fn an_article_over_the_size_limit_is_refused() {
        let mut reading = Reading::default();
        reading.limits.max_file_bytes = 100;
        let error = compose(&fields(), "a.md", false, &reading).unwrap_err();
        assert!(error.contains("limits.max_file_bytes"), "{error}");
    }
}
