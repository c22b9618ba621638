//! Filtering by sentiment, as typed on the command line and in `label:` terms.

use crate::article::{Article, Bucket};

/// A filter on sentiment, as typed on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelFilter {
    /// Articles in the bucket, whether their sentiment is written or estimated.
    Bucket(Bucket),
    /// Articles whose file carries no sentiment.
    Untagged,
    /// A case-insensitive part of the label as written in the file.
    Contains(String),
}

impl LabelFilter {
    /// `positive` or `bullish`, `neutral`, `negative` or `bearish`, `untagged`, or else part
    /// of a label as written.
    pub fn parse(text: &str) -> LabelFilter {
        if text.eq_ignore_ascii_case("untagged") {
            return LabelFilter::Untagged;
        }
        match Bucket::from_name(text) {
            Some(bucket) => LabelFilter::Bucket(bucket),
            None => LabelFilter::Contains(text.to_lowercase()),
        }
    }

    /// True when the article's sentiment passes the filter.
    pub fn matches(&self, article: &Article) -> bool {
        match self {
            LabelFilter::Bucket(bucket) => article.sentiment.bucket == Some(*bucket),
            LabelFilter::Untagged => article.sentiment.is_untagged(),
            LabelFilter::Contains(part) => article
                .sentiment
                .label
                .as_ref()
                .is_some_and(|label| label.to_lowercase().contains(part)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Scale;
    use crate::article::Sentiment;

    fn article(score: Option<f64>) -> Article {
        Article {
            id: "a.md".into(),
            path: "a.md".into(),
            title: "A".into(),
            date: None,
            category: None,
            tags: vec![],
            source_url: None,
            sentiment: Sentiment::from_file(score, None, Scale::default()),
            tldr: vec![],
            tldr_origin: None,
            body: String::new(),
            left_out: 0,
            words: 0,
            extra: vec![],
            warnings: vec![],
        }
    }

    #[test]
    fn label_filters() {
        let mut tagged = article(Some(8.0));
        tagged.sentiment =
            Sentiment::from_file(Some(8.0), Some("Bullish/Positive".into()), Scale::default());
        let untagged = article(None);
        assert!(LabelFilter::parse("bullish").matches(&tagged));
        assert!(LabelFilter::parse("POSITIVE").matches(&tagged));
        assert!(!LabelFilter::parse("negative").matches(&tagged));
        assert!(LabelFilter::parse("untagged").matches(&untagged));
        assert!(!LabelFilter::parse("untagged").matches(&tagged));
        assert!(
            LabelFilter::parse("bull").matches(&tagged),
            "substring of the raw label"
        );
        assert!(!LabelFilter::parse("bull").matches(&untagged));
    }
}
