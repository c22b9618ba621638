//! Estimating the sentiment of an article whose file carries none.
//!
//! A lexicon scorer in the manner of VADER (Hutto and Gilbert, 2014): words carry a valence
//! from about -4 to +4, negation flips and weakens what follows it, intensifiers and dampeners
//! scale it, and a contrast ("but", "however") moves the weight to the clause after it. On
//! top of that it knows how news is written: "unemployment falls" and "losses narrow" are good
//! news although "falls" and "narrow" lean negative, "record profit" is stronger than "profit",
//! and words such as "unchanged" or "in line with" mark a report as neutral.
//!
//! Why not a VADER crate: the Rust ports (`vader_sentiment`, `vader-sentimental`,
//! `vader-parity`) take no custom lexicon, so news words (layoffs, sanctions, default,
//! shortage) cannot be added, and they return four numbers without saying which words
//! weighed, which `moodwire tag` must show. The lexicon here is written for this project
//! (`src/sentiment/lexicon.rs`); VADER's published rules and constants are its model.
//!
//! The title weighs most, then the TL;DR, then the opening of the body: the lede carries the
//! news, later paragraphs drift into background, and reading a bounded prefix keeps the cost
//! per article small and even. Everything is deterministic: no randomness, no clock, and
//! ties in the reasons are broken by text.

mod lexicon;
mod scorer;
mod tokens;

use crate::article::{Article, Bucket, Scale};

pub use scorer::Reason;

/// How many times a title word counts against a body word.
const TITLE_WEIGHT: f64 = 3.0;
/// How many times a TL;DR word counts against a body word.
const TLDR_WEIGHT: f64 = 1.5;
/// How much of the body is read, in words.
const BODY_WORDS: usize = 150;
/// How many reasons an estimate keeps.
const MAX_REASONS: usize = 3;
/// The normalisation constant of VADER's compound score: the sum of valences `x` becomes
/// `x / sqrt(x² + ALPHA)`, in -1..1.
const ALPHA: f64 = 15.0;
/// How much each neutral marker ("unchanged", "as expected") adds to the normalisation, so
/// that a report full of them needs stronger words to lean either way.
const NEUTRAL_DAMPING: f64 = 6.0;

/// An estimated sentiment with the words that weighed most.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    /// On the house scale of 1 (most negative) to 10 (most positive), a whole number.
    pub score: f64,
    /// The bucket of the score, on the scale the estimate was made with.
    pub bucket: Bucket,
    /// In -1..1: the weighted sum of valences, normalised.
    pub compound: f64,
    /// The words that weighed most, the strongest first.
    pub reasons: Vec<Reason>,
}

impl Estimate {
    /// The bucket's canonical label, as a tag writes it.
    pub fn label(&self) -> &'static str {
        self.bucket.canonical_label()
    }
}

/// Estimates the sentiment of an article from its title, TL;DR and body; a heading that only
/// repeats the title is not read twice. `scale` puts the score in its bucket.
pub fn estimate_article(article: &Article, scale: Scale) -> Estimate {
    estimate(
        &article.title,
        &article.tldr,
        article.body_without_title(),
        scale,
    )
}

/// Estimates sentiment from an article's title, TL;DR items and body; `scale` puts the score
/// in its bucket.
pub fn estimate(title: &str, tldr: &[String], body: &str, scale: Scale) -> Estimate {
    let mut tally = scorer::Tally::default();
    tally.add_text(title, TITLE_WEIGHT, usize::MAX);
    for item in tldr {
        tally.add_text(item, TLDR_WEIGHT, usize::MAX);
    }
    tally.add_text(body, 1.0, BODY_WORDS);
    let total = tally.total();
    let compound = total / (total * total + ALPHA + NEUTRAL_DAMPING * tally.neutral()).sqrt();
    let score = house_score(compound);
    Estimate {
        score,
        bucket: scale.bucket(score),
        compound,
        reasons: tally.reasons(MAX_REASONS),
    }
}

/// Maps a compound score to a whole number on the 1..10 scale, centred on 5.5 so that the
/// neutral band of [`Bucket`] (4.5 to 6.5) is a compound score within about ±0.22.
fn house_score(compound: f64) -> f64 {
    (5.5 + 4.5 * compound).round().clamp(1.0, 10.0)
}

#[cfg(test)]
mod tests;
