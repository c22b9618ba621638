//! Estimating the sentiment of an article whose file carries none.
//!
//! Two parts. A lexicon scorer in the manner of VADER (Hutto and Gilbert, 2014) reads what
//! the words say: words carry a valence from about -4 to +4, negation flips and weakens what
//! follows it, intensifiers and dampeners scale it, and a contrast ("but", "however") moves
//! the weight to the clause after it. It knows how business news is written: which way a
//! measure went decides, not the measure ("operating profit fell" is bad news, "losses
//! narrowed" good news), two figures can say it alone ("EUR 150 mn, up from EUR 101 mn"), a
//! loss against a profit a year before is bad news, and words such as "unchanged" or
//! "according to" mark a report as neutral. Then a multinomial logistic regression
//! (`model`), trained on labelled finance headlines ([`train`]), weighs the words, pairs of
//! words and what the scorer read into the odds of negative, neutral and positive. Neutral
//! is a class of its own with its own evidence, not what is left when no strong word is read.
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

mod figures;
mod lexicon;
mod model;
mod scorer;
mod tokens;
#[doc(hidden)]
pub mod train;

use std::borrow::Cow;
use std::cell::RefCell;

use crate::article::{Article, Bucket, Scale};

pub use model::Model;
use model::{CLASSES, Dense, Feature, Known, NEGATIVE, NEUTRAL, POSITIVE, Weights};
use scorer::Reading;
use tokens::{Token, lower_prefix_into, recycle, tokens_into};

/// How many times the title counts against one sentence of the body.
const TITLE_WEIGHT: f64 = 3.0;
/// How many times a TL;DR item counts against one sentence of the body.
const TLDR_WEIGHT: f64 = 1.5;
/// How much of the body is read, in words.
const BODY_WORDS: usize = 150;
/// How many reasons an estimate keeps.
const MAX_REASONS: usize = 3;
/// How much of the training texts' leaning to neutral is taken out of an estimate, as a
/// share of the log of each bucket's frequency there. Two thirds of the headlines the model
/// learned from are neutral, so without this it calls neutral whatever does not shout; with
/// all of it taken out (1.0) it would guess as if the buckets were equally common. Chosen on
/// the tuning fifth of the corpus, `labelled.tsv` and `categories.tsv` (see `train`).
const PRIOR_CORRECTION: f64 = 0.6;
/// Evidence that moved the logits less than this is not worth showing.
const MIN_REASON: f64 = 0.1;
/// A rule whose weights spread less than this is not kept as evidence.
const MIN_EVIDENCE: f64 = 0.2;

/// An estimated sentiment with the words and rules that weighed most.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    /// On the house scale of 1 (most negative) to 10 (most positive), a whole number: 5.5
    /// plus 4.5 times [`Estimate::compound`], rounded.
    pub score: f64,
    /// The bucket of the score, on the scale the estimate was made with.
    pub bucket: Bucket,
    /// In -1..1: how much likelier positive is than negative, the probability of one less
    /// the probability of the other.
    pub compound: f64,
    /// The words and rules that weighed most, the strongest first.
    pub reasons: Vec<Reason>,
}

/// A word, a pair of words or a rule that moved the estimate.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    /// As read, lowercased: `layoffs`, `record profit`, `not agree`, `profit fell`,
    /// `sales up from 101 to 150`, `rated buy`; evidence for a neutral estimate is shown as
    /// `neutral: according to`.
    pub text: String,
    /// How far it moved the estimate, in the model's log odds: towards positive (above
    /// zero) or negative (below), or for neutral evidence, towards neutral.
    pub weight: f64,
}

impl Estimate {
    /// The label written for the estimate: its bucket's canonical one.
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
    estimate_with(Model::get(), title, tldr, body, scale)
}

/// [`estimate`] with another table, as training checks one it has just made.
pub fn estimate_with(
    model: &Model,
    title: &str,
    tldr: &[String],
    body: &str,
    scale: Scale,
) -> Estimate {
    let mut tally = Tally::new(model);
    BUFFERS.with_borrow_mut(|buffers| {
        buffers.read(title, usize::MAX, |words| tally.add(words, TITLE_WEIGHT));
        for item in tldr {
            buffers.read(item, usize::MAX, |words| tally.add(words, TLDR_WEIGHT));
        }
        buffers.read(body, BODY_WORDS, |words| {
            for sentence in words.split(|token| *token == Token::Sentence) {
                tally.add(sentence, 1.0);
            }
        });
    });
    tally.estimate(scale)
}

thread_local! {
    /// Each thread's buffers, kept from one estimate to the next: a library is estimated an
    /// article after another on each thread, and growing them anew for each one cost more
    /// than a tenth of an estimate.
    static BUFFERS: RefCell<Buffers> = RefCell::default();
}

/// The lowercased text of a piece of an article and its tokens, kept so that every piece
/// of every estimate on a thread is read into the same two allocations.
#[derive(Default)]
struct Buffers {
    lowered: String,
    tokens: Vec<Token<'static>>,
}

impl Buffers {
    /// Lowercases and splits the text up to about its `max_words`-th word and passes its
    /// tokens to `read`.
    fn read(&mut self, text: &str, max_words: usize, read: impl FnOnce(&[Token<'_>])) {
        lower_prefix_into(text, max_words, &mut self.lowered);
        let tokens = tokens_into(&self.lowered, std::mem::take(&mut self.tokens));
        read(&tokens);
        self.tokens = recycle(tokens);
    }
}

/// What moved an estimate, before it is merged and ranked: a feature of the model, or the
/// number of a rule's or a neutral marker's text in [`Tally::texts`]. Numbers, not text, so
/// that sorting and merging cost little: most estimates are made while loading, where no one
/// reads the reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Evidence {
    Feature(Feature),
    Rule(u32),
    Marker(u32),
}

/// What the pieces of an article read so far moved the logits by, and what moved them.
///
/// Each piece (the title, a TL;DR item, a sentence of the body) moves the logits from the
/// model's bias by its features, times its weight; the sum is divided by the square root of
/// the total weight times the heaviest piece's. One piece alone is read as the model reads a
/// headline, whichever part of an article it is; in a longer article the title counts most,
/// and sentences of the body that say nothing either way do not water down those that do.
struct Tally<'m> {
    model: &'m Model,
    moved: Weights,
    weight: f64,
    heaviest: f64,
    evidence: Found,
    /// The texts of the rules and neutral markers read, each once.
    texts: Vec<String>,
    /// What is known of each token of the piece being read, kept to be reused.
    looked: Vec<Option<&'m Known>>,
    /// What the lexicon and the rules read in the piece being read, kept to be reused.
    reading: Reading<'static>,
}

impl<'m> Tally<'m> {
    fn new(model: &'m Model) -> Tally<'m> {
        Tally {
            model,
            moved: [0.0; CLASSES],
            weight: 0.0,
            heaviest: 0.0,
            // About as many as an article's body has strong words, so that it seldom grows.
            evidence: Found {
                features: Vec::with_capacity(128),
                rules: Vec::new(),
            },
            texts: Vec::new(),
            looked: Vec::with_capacity(64),
            reading: Reading::default(),
        }
    }

    /// Reads one piece of text (the title, a TL;DR item, a sentence of the body) that counts
    /// `weight` times.
    fn add(&mut self, tokens: &[Token<'_>], weight: f64) {
        if !tokens.iter().any(|token| matches!(token, Token::Word(_))) {
            return;
        }
        let mut looked = std::mem::take(&mut self.looked);
        self.model.look(tokens, &mut looked);
        let mut reading = std::mem::take(&mut self.reading).recycle();
        reading.read_into(tokens, &looked);
        let evidence = &mut self.evidence;
        let logits = self.model.logits(&looked, &reading, |feature, _| {
            evidence.add_feature(feature, weight);
        });
        let dense = self.model.dense();
        for hit in reading.hits.drain(..) {
            let per = dense[Dense::of_hit(hit.rule, hit.valence) as usize];
            let value = hit.valence.abs();
            let weights = per.map(|w| w * value);
            // Most words weigh too little to be kept: their text is not looked for either.
            if !Found::kept(&weights) {
                continue;
            }
            let id = text_id(&mut self.texts, hit.text);
            evidence.add_rule(Evidence::Rule(id), &weights, weight);
        }
        for marker in reading.markers.drain(..) {
            let id = text_id(&mut self.texts, marker);
            evidence.add_rule(
                Evidence::Marker(id),
                &dense[Dense::Neutral as usize],
                weight,
            );
        }
        for ((sum, logit), bias) in self.moved.iter_mut().zip(logits).zip(self.model.bias()) {
            *sum += weight * (logit - bias);
        }
        self.weight += weight;
        self.heaviest = self.heaviest.max(weight);
        self.looked = looked;
        self.reading = reading.recycle();
    }

    /// What the sum of the pieces' moves is divided by.
    fn norm(&self) -> f64 {
        (self.weight * self.heaviest).sqrt().max(1e-9)
    }

    fn estimate(mut self, scale: Scale) -> Estimate {
        let norm = self.norm();
        let mut logits = *self.model.bias();
        for ((logit, moved), prior) in logits.iter_mut().zip(self.moved).zip(self.model.prior()) {
            *logit += moved / norm - PRIOR_CORRECTION * prior.max(1e-3).ln();
        }
        let p = model::softmax(&logits);
        let compound = p[POSITIVE] - p[NEGATIVE];
        // A whole number, as people tag: the buckets' cut points (4.5 and 6.5) fall between
        // whole numbers, so rounding moves no estimate into another bucket.
        let score = (5.5 + 4.5 * compound).round().clamp(1.0, 10.0);
        let bucket = scale.bucket(score);
        let reasons = self.reasons(bucket);
        Estimate {
            score,
            bucket,
            compound,
            reasons,
        }
    }

    /// The evidence that weighed most, each piece counted once with its summed weight; the
    /// strongest first, ties in order of text.
    fn reasons(&mut self, bucket: Bucket) -> Vec<Reason> {
        let merged = self.evidence.merged(self.model);
        let total = self.norm();
        // (how much, signed weight, shown as neutral evidence, what)
        let mut ranked: Vec<(f64, f64, bool, Evidence)> = merged
            .into_iter()
            .filter(|(evidence, _)| !self.quiet(*evidence))
            .filter_map(|(evidence, weights)| {
                let lean = (weights[POSITIVE] - weights[NEGATIVE]) / total;
                let calm =
                    (weights[NEUTRAL] - (weights[POSITIVE] + weights[NEGATIVE]) / 2.0) / total;
                if bucket == Bucket::Neutral && calm > lean.abs() {
                    return (calm >= MIN_REASON).then_some((calm, calm, true, evidence));
                }
                (lean.abs() >= MIN_REASON).then_some((lean.abs(), lean, false, evidence))
            })
            .collect();
        // Twice as many as are kept: a word can weigh twice, in the lexicon and in the model,
        // and is shown once.
        let order = |a: &(f64, f64, bool, Evidence), b: &(f64, f64, bool, Evidence)| {
            b.0.total_cmp(&a.0).then_with(|| a.3.cmp(&b.3))
        };
        if ranked.len() > 2 * MAX_REASONS {
            ranked.select_nth_unstable_by(2 * MAX_REASONS, order);
            ranked.truncate(2 * MAX_REASONS);
        }
        ranked.sort_by(order);
        let mut reasons: Vec<Reason> = Vec::with_capacity(ranked.len());
        for (_, weight, neutral, evidence) in ranked {
            let text = self.text(evidence);
            let text = match neutral {
                true => format!("neutral: {text}"),
                false => text,
            };
            match reasons.iter_mut().find(|r| r.text == text) {
                Some(reason) => reason.weight += weight,
                None => reasons.push(Reason { text, weight }),
            }
        }
        reasons.sort_by(|a, b| {
            b.weight
                .abs()
                .total_cmp(&a.weight.abs())
                .then_with(|| a.text.cmp(&b.text))
        });
        reasons.truncate(MAX_REASONS);
        reasons
    }

    /// Whether a piece of evidence is made only of words that say nothing to a reader.
    fn quiet(&self, evidence: Evidence) -> bool {
        match evidence {
            Evidence::Feature(Feature::Word(id)) => self.model.is_quiet(id),
            Evidence::Feature(Feature::Pair(a, b)) => {
                self.model.is_quiet(a) && self.model.is_quiet(b)
            }
            Evidence::Rule(id) | Evidence::Marker(id) => {
                self.texts[id as usize].split(' ').all(model::is_quiet)
            }
        }
    }

    fn text(&self, evidence: Evidence) -> String {
        match evidence {
            Evidence::Feature(feature) => self.model.text(feature),
            Evidence::Rule(id) | Evidence::Marker(id) => self.texts[id as usize].clone(),
        }
    }
}

/// The number of a text in `texts`, added if it is not there.
fn text_id(texts: &mut Vec<String>, text: Cow<'_, str>) -> u32 {
    match texts.iter().position(|t| *t == text) {
        Some(id) => id as u32,
        None => {
            texts.push(text.into_owned());
            (texts.len() - 1) as u32
        }
    }
}

/// The evidence of an estimate as it is read: features of the model by their keys with how
/// many times they counted, rules and markers with their weights. Features are many (most
/// words of an article weigh a little) and are merged only once, at the end, by sorting
/// numbers.
#[derive(Default)]
struct Found {
    features: Vec<(u64, f64)>,
    rules: Vec<(Evidence, Weights)>,
}

impl Found {
    /// Adds a feature, `times` over.
    fn add_feature(&mut self, feature: Feature, times: f64) {
        self.features.push((feature.key(), times));
    }

    /// Whether a rule or a marker with these weights is kept as evidence.
    fn kept(weights: &Weights) -> bool {
        spread(weights) >= MIN_EVIDENCE
    }

    /// Adds a rule or a marker, `times` over, if it is [`Found::kept`].
    fn add_rule(&mut self, what: Evidence, weights: &Weights, times: f64) {
        if !Found::kept(weights) {
            return;
        }
        let weights = weights.map(|w| w * times);
        match self.rules.iter_mut().find(|(found, _)| *found == what) {
            Some((_, sum)) => {
                for (s, w) in sum.iter_mut().zip(weights) {
                    *s += w;
                }
            }
            None => self.rules.push((what, weights)),
        }
    }

    /// Each piece of evidence once, with its weights summed.
    fn merged(&mut self, model: &Model) -> Vec<(Evidence, Weights)> {
        self.features.sort_unstable_by_key(|&(key, _)| key);
        let mut merged: Vec<(Evidence, Weights)> = Vec::with_capacity(self.features.len());
        let mut at = 0;
        while at < self.features.len() {
            let key = self.features[at].0;
            let mut times = 0.0;
            while at < self.features.len() && self.features[at].0 == key {
                times += self.features[at].1;
                at += 1;
            }
            let feature = Feature::from_key(key);
            let weights = model.weights(feature).map(|w| w * times);
            merged.push((Evidence::Feature(feature), weights));
        }
        merged.append(&mut self.rules);
        merged
    }
}

use model::spread;

#[cfg(test)]
mod tests;
