//! Making the learned table (`weights.tsv`) from labelled headlines, and measuring an
//! estimator against labelled text.
//!
//! The corpus is the train split of the Twitter Financial News sentiment data set (MIT):
//! finance headlines as tweets, each labelled bearish, bullish or neutral by people. A fifth
//! of it, chosen by a hash of the text, is held out and never trained or tuned on
//! ([`is_held_out`]); a further fifth of the rest is where the training options were chosen
//! ([`is_tuning`]). Training is a multinomial logistic regression with an L2 penalty, fitted
//! by full-batch Adam for a fixed number of steps from zero weights: no randomness, the same
//! table every time (`examples/train_sentiment.rs` writes it; a test checks it is up to date).

use rustc_hash::FxHashMap;

use super::model::{CLASSES, DENSE, Dense, Model, NEGATIVE, NEUTRAL, POSITIVE, Weights, softmax};
use super::scorer::Reading;
use super::tokens::{lowered_prefix, tokens};
use crate::article::Bucket;

/// A labelled piece of text.
#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub bucket: Bucket,
}

/// Reads the corpus: CSV with a header, `text,label`, fields in double quotes where they hold
/// commas, quotes or line breaks; labels `0` bearish, `1` bullish, `2` neutral.
pub fn read_corpus(csv: &str) -> Result<Vec<Example>, String> {
    let records = read_csv(csv)?;
    let mut examples = Vec::new();
    for (number, record) in records.iter().enumerate().skip(1) {
        let [text, label] = &record[..] else {
            return Err(format!("record {}: not two fields", number + 1));
        };
        let bucket = match label.trim() {
            "0" => Bucket::Negative,
            "1" => Bucket::Positive,
            "2" => Bucket::Neutral,
            other => return Err(format!("record {}: label {other:?}", number + 1)),
        };
        examples.push(Example {
            text: text.clone(),
            bucket,
        });
    }
    Ok(examples)
}

/// The records of CSV text (RFC 4180).
fn read_csv(csv: &str) -> Result<Vec<Vec<String>>, String> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    let mut fresh = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if fresh => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            _ => field.push(c),
        }
        fresh = matches!(c, ',' | '\n');
    }
    if quoted {
        return Err("a quoted field is not closed".into());
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    Ok(records)
}

/// FNV-1a of the text: a split that does not depend on the order of the corpus.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// True for the fifth of the corpus held out: never trained or tuned on, only measured.
pub fn is_held_out(text: &str) -> bool {
    hash(text).is_multiple_of(5)
}

/// True for the fifth of the corpus on which the training options were chosen (models
/// trained on the other three fifths).
pub fn is_tuning(text: &str) -> bool {
    hash(text) % 5 == 1
}

/// How training goes.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Steps of full-batch Adam.
    pub steps: usize,
    /// Adam's step size.
    pub rate: f64,
    /// The L2 penalty on the weights of words and pairs.
    pub l2_words: f64,
    /// The L2 penalty on the weights of the lexicon's numbers.
    pub l2_dense: f64,
    /// A word or pair must be in at least this many training texts to get a weight.
    pub min_count: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            steps: 200,
            rate: 0.05,
            l2_words: 2e-3,
            l2_dense: 1e-4,
            min_count: 3,
        }
    }
}

/// What one text gives the model.
struct Row {
    features: Vec<u32>,
    dense: [f64; DENSE],
    class: usize,
}

/// The class of a bucket, as the table's columns order them.
pub fn class(bucket: Bucket) -> usize {
    match bucket {
        Bucket::Negative => NEGATIVE,
        Bucket::Neutral => NEUTRAL,
        Bucket::Positive => POSITIVE,
    }
}

/// A feature as the vocabulary keys it: a word, or two words with a space between.
fn features_of(text: &str, lexicon: &Model) -> (Vec<String>, [f64; DENSE]) {
    let lowered = lowered_prefix(text, usize::MAX);
    let tokens = tokens(&lowered);
    let mut looked = Vec::new();
    lexicon.look(&tokens, &mut looked);
    let reading = Reading::read(&tokens, &looked);
    let mut keys = Vec::new();
    super::model::for_each_feature(&tokens, |first, second| match second {
        Some(second) => keys.push(format!("{first} {second}")),
        None => keys.push(first.to_owned()),
    });
    (keys, Dense::ALL.map(|d| d.value(&reading)))
}

/// Trains a table on the examples; `header` opens it, as comment lines.
pub fn train(examples: &[Example], options: &Options, header: &str) -> String {
    let lexicon = Model::from_table("").expect("an empty table");
    let read: Vec<(Vec<String>, [f64; DENSE], usize)> = examples
        .iter()
        .map(|e| {
            let (keys, dense) = features_of(&e.text, &lexicon);
            (keys, dense, class(e.bucket))
        })
        .collect();
    // The vocabulary: keys in enough texts, numbered in order of text.
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for (keys, _, _) in &read {
        let mut seen: Vec<&str> = keys.iter().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for key in seen {
            *counts.entry(key).or_default() += 1;
        }
    }
    let mut vocabulary: Vec<&str> = counts
        .iter()
        .filter(|&(_, &count)| count >= options.min_count)
        .map(|(&key, _)| key)
        .collect();
    vocabulary.sort_unstable();
    let ids: FxHashMap<&str, u32> = vocabulary
        .iter()
        .enumerate()
        .map(|(id, &key)| (key, id as u32))
        .collect();
    let rows: Vec<Row> = read
        .iter()
        .map(|(keys, dense, class)| Row {
            features: keys
                .iter()
                .filter_map(|k| ids.get(k.as_str()).copied())
                .collect(),
            dense: *dense,
            class: *class,
        })
        .collect();
    let fitted = fit(&rows, vocabulary.len(), options);
    let mut words = Vec::new();
    let mut pairs = Vec::new();
    for (key, weights) in vocabulary.iter().zip(&fitted.words) {
        match key.split_once(' ') {
            Some((a, b)) => pairs.push(((a.to_owned(), b.to_owned()), *weights)),
            None => words.push((key.to_string(), *weights)),
        }
    }
    let mut prior = [0.0; CLASSES];
    for row in &rows {
        prior[row.class] += 1.0 / rows.len() as f64;
    }
    Model::to_table(header, prior, fitted.bias, &fitted.dense, &words, &pairs)
}

/// Fitted weights.
struct Fitted {
    bias: Weights,
    dense: [Weights; DENSE],
    words: Vec<Weights>,
}

/// Adam's moments for a block of weights.
struct Adam {
    m: Vec<f64>,
    v: Vec<f64>,
}

const BETA1: f64 = 0.9;
const BETA2: f64 = 0.999;
const EPSILON: f64 = 1e-8;

impl Adam {
    fn new(len: usize) -> Adam {
        Adam {
            m: vec![0.0; len],
            v: vec![0.0; len],
        }
    }

    fn step(&mut self, weights: &mut [f64], gradient: &[f64], rate: f64, t: i32) {
        let (c1, c2) = (1.0 - BETA1.powi(t), 1.0 - BETA2.powi(t));
        for i in 0..weights.len() {
            self.m[i] = BETA1 * self.m[i] + (1.0 - BETA1) * gradient[i];
            self.v[i] = BETA2 * self.v[i] + (1.0 - BETA2) * gradient[i] * gradient[i];
            weights[i] -= rate * (self.m[i] / c1) / ((self.v[i] / c2).sqrt() + EPSILON);
        }
    }
}

/// Minimises the mean cross-entropy plus the L2 penalties, from zero weights.
fn fit(rows: &[Row], features: usize, options: &Options) -> Fitted {
    let n = rows.len().max(1) as f64;
    // Weights in flat arrays: the bias, the dense features, then the words, three a feature.
    let mut bias = vec![0.0; CLASSES];
    let mut dense = vec![0.0; DENSE * CLASSES];
    let mut words = vec![0.0; features * CLASSES];
    let (mut adam_bias, mut adam_dense, mut adam_words) = (
        Adam::new(CLASSES),
        Adam::new(DENSE * CLASSES),
        Adam::new(features * CLASSES),
    );
    let mut g_bias = vec![0.0; CLASSES];
    let mut g_dense = vec![0.0; DENSE * CLASSES];
    let mut g_words = vec![0.0; features * CLASSES];
    for t in 1..=options.steps as i32 {
        g_bias.fill(0.0);
        g_dense.fill(0.0);
        g_words.fill(0.0);
        for row in rows {
            let mut logits = [0.0; CLASSES];
            for (c, logit) in logits.iter_mut().enumerate() {
                *logit = bias[c];
                for (d, value) in row.dense.iter().enumerate() {
                    *logit += value * dense[d * CLASSES + c];
                }
                for &f in &row.features {
                    *logit += words[f as usize * CLASSES + c];
                }
            }
            let p = softmax(&logits);
            for c in 0..CLASSES {
                let g = (p[c] - f64::from(u8::from(c == row.class))) / n;
                g_bias[c] += g;
                for (d, value) in row.dense.iter().enumerate() {
                    g_dense[d * CLASSES + c] += value * g;
                }
                for &f in &row.features {
                    g_words[f as usize * CLASSES + c] += g;
                }
            }
        }
        for (g, w) in g_dense.iter_mut().zip(&dense) {
            *g += options.l2_dense * w;
        }
        for (g, w) in g_words.iter_mut().zip(&words) {
            *g += options.l2_words * w;
        }
        adam_bias.step(&mut bias, &g_bias, options.rate, t);
        adam_dense.step(&mut dense, &g_dense, options.rate, t);
        adam_words.step(&mut words, &g_words, options.rate, t);
    }
    let three = |s: &[f64]| -> Weights { [s[0], s[1], s[2]] };
    Fitted {
        bias: three(&bias),
        dense: std::array::from_fn(|d| three(&dense[d * CLASSES..])),
        words: words.chunks(CLASSES).map(three).collect(),
    }
}

/// How well estimates agree with labels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub count: usize,
    pub accuracy: f64,
    /// The mean of the three buckets' F1.
    pub macro_f1: f64,
    /// Each bucket's recall, in the order of [`Bucket::ALL`].
    pub recall: [f64; 3],
}

impl Scores {
    /// Scores over (wanted, estimated) pairs.
    pub fn of(pairs: &[(Bucket, Bucket)]) -> Scores {
        let count = pairs.len();
        let right = pairs.iter().filter(|(want, got)| want == got).count();
        let mut recall = [0.0; 3];
        let mut f1 = 0.0;
        for (i, &bucket) in Bucket::ALL.iter().enumerate() {
            let wanted = pairs.iter().filter(|(want, _)| *want == bucket).count();
            let given = pairs.iter().filter(|(_, got)| *got == bucket).count();
            let both = pairs
                .iter()
                .filter(|(want, got)| *want == bucket && *got == bucket)
                .count();
            recall[i] = both as f64 / wanted.max(1) as f64;
            let precision = both as f64 / given.max(1) as f64;
            if recall[i] + precision > 0.0 {
                f1 += 2.0 * recall[i] * precision / (recall[i] + precision);
            }
        }
        Scores {
            count,
            accuracy: right as f64 / count.max(1) as f64,
            macro_f1: f1 / 3.0,
            recall,
        }
    }
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} texts: accuracy {:.3}, macro-F1 {:.3}, recall",
            self.count, self.accuracy, self.macro_f1
        )?;
        for (bucket, recall) in Bucket::ALL.iter().zip(self.recall) {
            write!(f, " {bucket} {recall:.3}")?;
        }
        Ok(())
    }
}

/// What opens the shipped table.
const HEADER: &str = "\
The learned weights of moodwire's sentiment estimate (src/sentiment/model.rs): one row a
feature, its weights towards negative, neutral and positive. Made from the Twitter Financial
News sentiment data set (train split, MIT licence), all but its held-out fifth, by
  cargo run --release --example train_sentiment -- CORPUS.csv --write src/sentiment/weights.tsv
Do not edit by hand: a test makes it again and compares.";

/// The shipped table, made from the corpus as [`read_corpus`] reads it: trained with the
/// default [`Options`] on everything but the held-out fifth.
pub fn table_from_corpus(csv: &str) -> Result<String, String> {
    let examples: Vec<Example> = read_corpus(csv)?
        .into_iter()
        .filter(|e| !is_held_out(&e.text))
        .collect();
    Ok(train(&examples, &Options::default(), HEADER))
}
