//! The article model: what a loaded file means, with no I/O.

use std::fmt;
use std::path::PathBuf;

use crate::date::ArticleDate;

/// One loaded article. All text in it has been sanitised for display.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The path relative to the folder it was found under (`/`-separated), or the file name of a
    /// file given directly. Stable across runs, so it can name the article on the command line.
    pub id: String,
    /// Where the file was read from.
    pub path: PathBuf,
    /// The front matter's title, else the first heading or line of the body, else the file
    /// name.
    pub title: String,
    /// The front matter's date, else one at the start of the file name.
    pub date: Option<ArticleDate>,
    /// The front matter's `category`, else the first of its `categories`.
    pub category: Option<String>,
    /// The front matter's `tags`, else its one `tag`.
    pub tags: Vec<String>,
    /// Where the article was published, as the front matter gives it.
    pub source_url: Option<String>,
    /// The sentiment the file gives, or an estimate when it gives none.
    pub sentiment: Sentiment,
    /// The points of the summary, one line each: the file's, or an estimate (see
    /// `tldr_origin`).
    pub tldr: Vec<String>,
    /// Where the TL;DR came from: the file, an estimate from the body (when the file gives
    /// none), or nowhere (`None`: the body has too little text to take one from).
    pub tldr_origin: Option<Origin>,
    /// The body without front matter: the Markdown of a Markdown file, the article's own lines
    /// of a plain-text scrape (its page furniture left out), the article of a saved web page
    /// as Markdown.
    pub body: String,
    /// How many lines of page furniture were left out of the body (a scrape's or a saved
    /// page's); the file still holds them.
    pub left_out: usize,
    /// Words in the body, counted once at load.
    pub words: usize,
    /// Front matter keys that moodwire does not interpret, as display text, in file order.
    pub extra: Vec<(String, String)>,
    /// Problems that did not stop the file from loading.
    pub warnings: Vec<String>,
}

impl Article {
    /// The body with a leading heading removed when it only repeats the title, as article
    /// files often start with `# Title` right below a `title:` key.
    pub fn body_without_title(&self) -> &str {
        let trimmed = self.body.trim_start();
        let Some(first_line) = trimmed.lines().next() else {
            return &self.body;
        };
        match crate::title::atx_heading_text(first_line) {
            Some(heading) if crate::words::same_words(heading, &self.title) => {
                trimmed[first_line.len()..].trim_start_matches(['\n', '\r'])
            }
            _ => &self.body,
        }
    }
}

/// The sentiment of an article on the house scale of 1 (most negative) to 10 (most positive).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentiment {
    /// The score on the house scale, as written in the file or estimated.
    pub score: Option<f64>,
    /// The label as written in the file.
    pub label: Option<String>,
    /// The bucket, from the label when it names one, else from the score.
    pub bucket: Option<Bucket>,
    /// Where the sentiment came from; `None` when the article has none.
    pub origin: Option<Origin>,
}

impl Sentiment {
    /// Combines a file's score and label: the bucket comes from the label when it is recognised,
    /// else from the score, cut into buckets by `scale`.
    pub fn from_file(score: Option<f64>, label: Option<String>, scale: Scale) -> Sentiment {
        let from_label = label.as_deref().and_then(Bucket::from_label);
        let bucket = from_label.or_else(|| score.map(|score| scale.bucket(score)));
        let origin = (score.is_some() || label.is_some()).then_some(Origin::File);
        Sentiment {
            score,
            label,
            bucket,
            origin,
        }
    }

    /// An estimate for an article whose file carries no sentiment: the bucket follows the
    /// score (cut into buckets by `scale`) and the label is the bucket's canonical one.
    pub fn estimated(score: f64, scale: Scale) -> Sentiment {
        let bucket = scale.bucket(score);
        Sentiment {
            score: Some(score),
            label: Some(bucket.canonical_label().to_owned()),
            bucket: Some(bucket),
            origin: Some(Origin::Estimated),
        }
    }

    /// True when the file carries neither a score nor a label, whether or not the sentiment
    /// was estimated since.
    pub fn is_untagged(&self) -> bool {
        self.origin != Some(Origin::File)
    }

    /// True when the sentiment is an estimate rather than what the file says.
    pub fn is_estimated(&self) -> bool {
        self.origin == Some(Origin::Estimated)
    }
}

/// Where a sentiment or a TL;DR came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Written in the article's front matter.
    File,
    /// Estimated from the article's text, because its file carries none.
    Estimated,
}

impl Origin {
    /// The name the JSON output gives the origin: `file` or `estimated`.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::File => "file",
            Origin::Estimated => "estimated",
        }
    }
}

/// Where the house scale of 1 to 10 is cut into buckets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// Scores below this are negative.
    pub neutral_from: f64,
    /// Scores from this up are positive.
    pub positive_from: f64,
}

impl Default for Scale {
    fn default() -> Scale {
        Scale {
            neutral_from: 4.5,
            positive_from: 6.5,
        }
    }
}

impl Scale {
    /// The bucket of `score`.
    pub fn bucket(self, score: f64) -> Bucket {
        if score < self.neutral_from {
            Bucket::Negative
        } else if score < self.positive_from {
            Bucket::Neutral
        } else {
            Bucket::Positive
        }
    }
}

/// The three sentiment buckets of the house scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bucket {
    /// Good news: bullish, positive.
    Positive,
    /// Neither good nor bad, or mixed.
    Neutral,
    /// Bad news: bearish, negative.
    Negative,
}

impl Bucket {
    /// Every bucket, from positive to negative.
    pub const ALL: [Bucket; 3] = [Bucket::Positive, Bucket::Neutral, Bucket::Negative];

    /// Reads a label case-insensitively by the words in it ("Bullish/Positive", "bearish",
    /// "Mixed"). A label that names no bucket, or more than one, is not recognised.
    pub fn from_label(label: &str) -> Option<Bucket> {
        let label = label.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| label.contains(w));
        let found: Vec<Bucket> = [
            (Bucket::Positive, has(&["bull", "positive"])),
            (Bucket::Negative, has(&["bear", "negative"])),
            (Bucket::Neutral, has(&["neutral", "mixed"])),
        ]
        .into_iter()
        .filter_map(|(bucket, named)| named.then_some(bucket))
        .collect();
        match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// Reads a bucket name as typed by a person: `positive` or `bullish`, `neutral`,
    /// `negative` or `bearish`, in any case.
    pub fn from_name(name: &str) -> Option<Bucket> {
        match name.to_lowercase().as_str() {
            "positive" | "bullish" => Some(Bucket::Positive),
            "neutral" => Some(Bucket::Neutral),
            "negative" | "bearish" => Some(Bucket::Negative),
            _ => None,
        }
    }

    /// The bucket's name in lower case, as the output writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Bucket::Positive => "positive",
            Bucket::Neutral => "neutral",
            Bucket::Negative => "negative",
        }
    }

    /// The canonical label written for this bucket.
    pub fn canonical_label(self) -> &'static str {
        match self {
            Bucket::Positive => "Bullish/Positive",
            Bucket::Neutral => "Neutral",
            Bucket::Negative => "Bearish/Negative",
        }
    }
}

impl fmt::Display for Bucket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_from_score_use_the_house_cut_points() {
        let scale = Scale::default();
        assert_eq!(scale.bucket(1.0), Bucket::Negative);
        assert_eq!(scale.bucket(4.49), Bucket::Negative);
        assert_eq!(scale.bucket(4.5), Bucket::Neutral);
        assert_eq!(scale.bucket(6.49), Bucket::Neutral);
        assert_eq!(scale.bucket(6.5), Bucket::Positive);
        assert_eq!(scale.bucket(10.0), Bucket::Positive);
    }

    #[test]
    fn labels_are_read_case_insensitively_by_their_words() {
        assert_eq!(
            Bucket::from_label("Bullish/Positive"),
            Some(Bucket::Positive)
        );
        assert_eq!(Bucket::from_label("BULLISH"), Some(Bucket::Positive));
        assert_eq!(Bucket::from_label("positive"), Some(Bucket::Positive));
        assert_eq!(
            Bucket::from_label("Bearish/Negative"),
            Some(Bucket::Negative)
        );
        assert_eq!(Bucket::from_label("bear market"), Some(Bucket::Negative));
        assert_eq!(Bucket::from_label("Neutral"), Some(Bucket::Neutral));
        assert_eq!(Bucket::from_label("Mixed"), Some(Bucket::Neutral));
    }

    #[test]
    fn unknown_or_ambiguous_labels_are_not_recognised() {
        assert_eq!(Bucket::from_label("Hopeful"), None);
        assert_eq!(Bucket::from_label(""), None);
        assert_eq!(Bucket::from_label("positive/negative"), None);
    }

    #[test]
    fn label_wins_over_score_and_score_fills_in() {
        let s = Sentiment::from_file(Some(9.0), Some("Bearish/Negative".into()), Scale::default());
        assert_eq!(s.bucket, Some(Bucket::Negative));
        let s = Sentiment::from_file(Some(9.0), Some("Hopeful".into()), Scale::default());
        assert_eq!(s.bucket, Some(Bucket::Positive));
        let s = Sentiment::from_file(None, None, Scale::default());
        assert_eq!((s.bucket, s.origin), (None, None));
        assert!(s.is_untagged());
    }

    #[test]
    fn an_estimate_is_still_untagged_and_carries_the_canonical_label() {
        let s = Sentiment::estimated(3.0, Scale::default());
        assert_eq!(s.bucket, Some(Bucket::Negative));
        assert_eq!(s.label.as_deref(), Some("Bearish/Negative"));
        assert!(s.is_untagged() && s.is_estimated());
        assert!(!Sentiment::from_file(Some(3.0), None, Scale::default()).is_untagged());
    }

    #[test]
    fn duplicate_title_heading_is_hidden_from_the_body() {
        let mut article = Article {
            id: "a.md".into(),
            path: "a.md".into(),
            title: "Russia struggles to shake reliance".into(),
            date: None,
            category: None,
            tags: vec![],
            source_url: None,
            sentiment: Sentiment::default(),
            tldr: vec![],
            tldr_origin: None,
            body: "\n# Russia Struggles to Shake Reliance\nText.\n".into(),
            left_out: 0,
            words: 0,
            extra: vec![],
            warnings: vec![],
        };
        assert_eq!(article.body_without_title(), "Text.\n");
        article.body = "# Something else\nText.\n".into();
        assert_eq!(article.body_without_title(), article.body);
    }
}
