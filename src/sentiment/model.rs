//! The learned part of the estimate: a multinomial logistic regression over the words of a
//! piece of text, the pairs of words next to each other, and three numbers the lexicon and
//! its rules read ([`Dense`]). Its weights are a table made by [`super::train`] from labelled
//! finance headlines and shipped as text (`weights.tsv`).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::lexicon::{Entry, Lexicon};
use super::scorer::Reading;
use super::tokens::Token;

/// The three buckets in the order of the table's columns.
pub const CLASSES: usize = 3;
pub const NEGATIVE: usize = 0;
pub const NEUTRAL: usize = 1;
pub const POSITIVE: usize = 2;

/// Weights for the three classes.
pub type Weights = [f64; CLASSES];

/// How many numbers the lexicon and its rules give a piece of text.
pub const DENSE: usize = 5;

/// The numbers the lexicon and its rules give a piece of text, the same for training and
/// estimating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dense {
    /// The sum of the positive valences of single words.
    WordPositive,
    /// The sum of the negative valences of single words, as a positive number.
    WordNegative,
    /// The sum of the positive valences of rules and phrases ("profit rose", "beat
    /// estimates").
    RulePositive,
    /// The sum of the negative valences of rules and phrases, as a positive number.
    RuleNegative,
    /// How many neutral markers were read.
    Neutral,
}

impl Dense {
    pub const ALL: [Dense; DENSE] = [
        Dense::WordPositive,
        Dense::WordNegative,
        Dense::RulePositive,
        Dense::RuleNegative,
        Dense::Neutral,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Dense::WordPositive => "word-positive",
            Dense::WordNegative => "word-negative",
            Dense::RulePositive => "rule-positive",
            Dense::RuleNegative => "rule-negative",
            Dense::Neutral => "neutral",
        }
    }

    /// This feature's value for what the lexicon read.
    pub fn value(self, reading: &Reading) -> f64 {
        match self {
            Dense::WordPositive => reading.positive(false),
            Dense::WordNegative => reading.negative(false),
            Dense::RulePositive => reading.positive(true),
            Dense::RuleNegative => reading.negative(true),
            Dense::Neutral => reading.markers.len() as f64,
        }
    }

    /// The feature a hit adds to.
    pub fn of_hit(rule: bool, valence: f64) -> Dense {
        match (rule, valence > 0.0) {
            (false, true) => Dense::WordPositive,
            (false, false) => Dense::WordNegative,
            (true, true) => Dense::RulePositive,
            (true, false) => Dense::RuleNegative,
        }
    }
}

/// The word a token stands for in the table: every percentage is one word, `<pct>`, and
/// every other number another, `<num>`, so that the model learns nothing from particular
/// figures.
pub fn word_key(word: &str) -> &str {
    match word.starts_with(|c: char| c.is_ascii_digit()) {
        true if word.ends_with('%') => "<pct>",
        true => "<num>",
        false => word,
    }
}

/// Words that say nothing of sentiment by themselves: a pair of two of them is no feature
/// (it would learn only how a source writes), and as a reason they say nothing to a reader.
const QUIET: [&str; 30] = [
    "the", "a", "an", "of", "to", "in", "on", "for", "with", "by", "at", "as", "and", "or", "from",
    "its", "is", "are", "was", "were", "be", "has", "have", "had", "did", "it", "this", "that",
    "<num>", "<pct>",
];

/// Whether a word (as [`word_key`] gives it) is one of [`QUIET`].
pub fn is_quiet(word: &str) -> bool {
    QUIET.contains(&word)
}

/// Calls `feature` for each word of the tokens, `(word, None)`, and for each two words next
/// to each other in one clause, `(first, Some(second))`, with their [`word_key`]s.
pub fn for_each_feature<'a>(
    tokens: &[Token<'a>],
    mut feature: impl FnMut(&'a str, Option<&'a str>),
) {
    let mut previous = None;
    for token in tokens {
        match *token {
            Token::Word(w) => {
                let key = word_key(w);
                feature(key, None);
                if let Some(before) = previous
                    && !(is_quiet(before) && is_quiet(key))
                {
                    feature(before, Some(key));
                }
                previous = Some(key);
            }
            Token::Clause | Token::Sentence => previous = None,
        }
    }
}

/// What is known of a word: its entry in the lexicon, whether a phrase of the lexicon may
/// start with it, and its number in the model. One lookup per word of text answers for the
/// lexicon and the model both. Kept small, as the table of every known word is read for
/// each word of every text: the model keeps its weights by the number, read only for the
/// words it knows.
#[derive(Debug, Clone, Copy)]
pub struct Known {
    pub entry: Option<Entry>,
    pub phrase: bool,
    /// Whether some pair of the model starts with the word.
    starts_pair: bool,
    /// Whether some pair of the model ends with the word: with [`Known::starts_pair`] of
    /// the word before, most pairs of words in a text are known to be no feature without
    /// looking for them.
    ends_pair: bool,
    /// Whether its weights are far enough apart to be worth showing as a reason.
    strong: bool,
    /// The word's number in the model, or [`NO_ID`].
    id: u32,
}

/// The number of a word the model does not know.
const NO_ID: u32 = u32::MAX;

impl Known {
    const NOTHING: Known = Known {
        entry: None,
        phrase: false,
        starts_pair: false,
        ends_pair: false,
        strong: false,
        id: NO_ID,
    };
}

/// What is known of words, by the words. Nearly all words are short enough to be kept as
/// two numbers (their bytes and their length), which a lookup compares without following a
/// pointer to the text; the few longer ones are kept as text. Two numbers rather than one of
/// 128 bits, whose alignment would pad each entry of the table by a quarter.
#[derive(Debug, Default)]
struct Words {
    short: FxHashMap<(u64, u64), Known>,
    long: FxHashMap<Box<str>, Known>,
}

impl Words {
    /// A word of at most 15 bytes as two numbers: its bytes, then its length in the last
    /// byte.
    fn short_key(word: &str) -> Option<(u64, u64)> {
        let bytes = word.as_bytes();
        if bytes.len() > 15 {
            return None;
        }
        let key = crate::packed::little_endian(bytes)? | (bytes.len() as u128) << 120;
        Some((key as u64, (key >> 64) as u64))
    }

    fn get(&self, word: &str) -> Option<&Known> {
        match Words::short_key(word) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        }
    }

    /// What is known of a word, known as nothing until now if it was not known.
    fn slot(&mut self, word: &str) -> &mut Known {
        match Words::short_key(word) {
            Some(key) => self.short.entry(key).or_insert(Known::NOTHING),
            None => self.long.entry(word.into()).or_insert(Known::NOTHING),
        }
    }
}

/// The learned table, with the lexicon's words.
#[derive(Debug)]
pub struct Model {
    bias: Weights,
    /// How common each class was in the training texts.
    prior: Weights,
    dense: [Weights; DENSE],
    known: Words,
    /// Each word of the model by its number, and its weights.
    words: Vec<Box<str>>,
    word_weights: Vec<[f32; CLASSES]>,
    /// Whether each word, by number, is one of [`QUIET`].
    quiet: Vec<bool>,
    /// Pairs of words by their numbers, the first in the high half, with whether they are
    /// worth showing as a reason.
    pairs: FxHashMap<u64, ([f32; CLASSES], bool)>,
}

/// A feature of the table that weighed in an estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Feature {
    Word(u32),
    Pair(u32, u32),
}

impl Model {
    /// The shipped table, read on first use.
    pub fn get() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            Model::from_table(include_str!("weights.tsv"))
                .unwrap_or_else(|error| panic!("src/sentiment/weights.tsv: {error}"))
        })
    }

    /// A model that knows the lexicon's words and weighs nothing.
    fn lexicon_only() -> Model {
        let lexicon = Lexicon::get();
        let mut known = Words::default();
        for (form, entry) in lexicon.forms() {
            known.slot(form).entry = Some(entry);
        }
        for start in lexicon.phrase_starts() {
            known.slot(start).phrase = true;
        }
        Model {
            bias: [0.0; CLASSES],
            prior: [1.0 / CLASSES as f64; CLASSES],
            dense: [[0.0; CLASSES]; DENSE],
            known,
            words: Vec::new(),
            word_weights: Vec::new(),
            quiet: Vec::new(),
            pairs: FxHashMap::default(),
        }
    }

    /// Reads a table as [`Model::to_table`] writes it; an empty table weighs nothing.
    pub fn from_table(table: &str) -> Result<Model, String> {
        let mut model = Model::lexicon_only();
        // Every process that estimates reads the table first: grown once, and read without
        // a copy of its lines or fields.
        let rows = table.lines().count();
        model.known.short.reserve(rows);
        model.words.reserve(rows);
        model.word_weights.reserve(rows);
        model.quiet.reserve(rows);
        model.pairs.reserve(rows);
        for (number, line) in table.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(kind), Some(key), Some(neg), Some(neu), Some(pos), None) = (
                fields.next(),
                fields.next(),
                fields.next(),
                fields.next(),
                fields.next(),
                fields.next(),
            ) else {
                return Err(format!("line {}: not five fields", number + 1));
            };
            let mut weights = [0.0; CLASSES];
            for (slot, text) in weights.iter_mut().zip([neg, neu, pos]) {
                *slot = parse_weight(text)
                    .ok_or_else(|| format!("line {}: {text:?} is not a number", number + 1))?;
            }
            match kind {
                "bias" => model.bias = weights,
                "prior" => model.prior = weights,
                "dense" => {
                    let Some(i) = Dense::ALL.iter().position(|d| d.name() == key) else {
                        return Err(format!("line {}: no dense feature {key:?}", number + 1));
                    };
                    model.dense[i] = weights;
                }
                "word" => {
                    let known = model.numbered(key);
                    known.strong = spread(&weights) >= MIN_SHOWN;
                    let id = known.id as usize;
                    model.word_weights[id] = weights.map(|w| w as f32);
                }
                "pair" => {
                    let Some((first, second)) = key.split_once(' ') else {
                        return Err(format!("line {}: a pair of one word", number + 1));
                    };
                    let first = model.numbered(first);
                    first.starts_pair = true;
                    let first = first.id;
                    let second = model.numbered(second);
                    second.ends_pair = true;
                    let ids = pair_key(first, second.id);
                    let strong = spread(&weights) >= MIN_SHOWN;
                    model.pairs.insert(ids, (weights.map(|w| w as f32), strong));
                }
                _ => return Err(format!("line {}: unknown kind {kind:?}", number + 1)),
            }
        }
        Ok(model)
    }

    /// What is known of a word, given a number if it has none.
    fn numbered(&mut self, word: &str) -> &mut Known {
        let known = self.known.slot(word);
        if known.id == NO_ID {
            known.id = self.words.len() as u32;
            self.words.push(word.into());
            self.word_weights.push([0.0; CLASSES]);
            self.quiet.push(is_quiet(word));
        }
        known
    }

    /// What is known of each token: `None` for breaks and unknown words.
    pub fn look<'m>(&'m self, tokens: &[Token<'_>], looked: &mut Vec<Option<&'m Known>>) {
        looked.clear();
        looked.extend(tokens.iter().map(|token| match *token {
            Token::Word(word) => self.known.get(word_key(word)),
            _ => None,
        }));
    }

    /// A table of the given weights, as text: weights rounded to two decimals, so that float
    /// noise in training cannot change it, and rows that round to nothing left out.
    pub fn to_table(
        header: &str,
        prior: Weights,
        bias: Weights,
        dense: &[Weights; DENSE],
        words: &[(String, Weights)],
        pairs: &[((String, String), Weights)],
    ) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&format!(
            "prior\t-\t{:.3}\t{:.3}\t{:.3}\n",
            prior[0], prior[1], prior[2]
        ));
        let mut row = |kind: &str, key: &str, weights: &Weights| {
            let texts = weights.map(rounded);
            if (kind == "word" || kind == "pair") && texts.iter().all(|t| t == "0.00") {
                return;
            }
            out.push_str(&format!(
                "{kind}\t{key}\t{}\t{}\t{}\n",
                texts[0], texts[1], texts[2]
            ));
        };
        row("bias", "-", &bias);
        for (d, weights) in Dense::ALL.iter().zip(dense) {
            row("dense", d.name(), weights);
        }
        for (word, weights) in words {
            row("word", word, weights);
        }
        for ((first, second), weights) in pairs {
            row("pair", &format!("{first} {second}"), weights);
        }
        out
    }

    /// The logits of one piece of text, with each feature that weighed enough to be shown as
    /// a reason passed to `weighed`.
    pub fn logits(
        &self,
        looked: &[Option<&Known>],
        reading: &Reading,
        mut weighed: impl FnMut(Feature, &Weights),
    ) -> Weights {
        let mut logits = self.bias;
        for (d, weights) in Dense::ALL.iter().zip(&self.dense) {
            let value = d.value(reading);
            for (logit, w) in logits.iter_mut().zip(weights) {
                *logit += value * w;
            }
        }
        // Every token is added, a word the model does not know (or a break, `None`) with
        // weights of nothing rather than passed over: which words the model knows follows no
        // pattern a processor can predict, and a branch on it was often mispredicted. Only
        // words of the model start or end a pair, so a pair is still two of them in a row.
        let mut previous = &Known::NOTHING;
        for &known in looked {
            let word = known.unwrap_or(&Known::NOTHING);
            let weights = self
                .word_weights
                .get(word.id as usize)
                .unwrap_or(&[0.0; CLASSES])
                .map(f64::from);
            add(&mut logits, &weights);
            if word.strong {
                weighed(Feature::Word(word.id), &weights);
            }
            if previous.starts_pair
                && word.ends_pair
                && let Some((weights, strong)) = self.pairs.get(&pair_key(previous.id, word.id))
            {
                let weights = weights.map(f64::from);
                add(&mut logits, &weights);
                if *strong {
                    weighed(Feature::Pair(previous.id, word.id), &weights);
                }
            }
            previous = word;
        }
        logits
    }

    /// The logits of a text with no features.
    pub fn bias(&self) -> &Weights {
        &self.bias
    }

    /// How common each class was in the training texts.
    pub fn prior(&self) -> &Weights {
        &self.prior
    }

    /// The dense feature weights, in the order of `Dense::ALL`.
    pub fn dense(&self) -> &[Weights; DENSE] {
        &self.dense
    }

    /// Whether a word, by its number, is one of `QUIET`.
    pub fn is_quiet(&self, id: u32) -> bool {
        self.quiet[id as usize]
    }

    /// A feature's weights.
    pub fn weights(&self, feature: Feature) -> Weights {
        let weights = match feature {
            Feature::Word(id) => self.word_weights[id as usize],
            Feature::Pair(a, b) => self
                .pairs
                .get(&pair_key(a, b))
                .map_or([0.0; CLASSES], |&(weights, _)| weights),
        };
        weights.map(f64::from)
    }

    /// A feature as text: `beats`, `rated buy`.
    pub fn text(&self, feature: Feature) -> String {
        match feature {
            Feature::Word(id) => self.words[id as usize].to_string(),
            Feature::Pair(a, b) => {
                format!("{} {}", self.words[a as usize], self.words[b as usize])
            }
        }
    }
}

impl Feature {
    /// The feature as one number, ordered as features are.
    pub fn key(self) -> u64 {
        match self {
            Feature::Word(id) => u64::from(id),
            Feature::Pair(a, b) => (1 << 63) | pair_key(a, b),
        }
    }

    /// The feature of a [`Feature::key`].
    pub fn from_key(key: u64) -> Feature {
        match key >> 63 {
            0 => Feature::Word(key as u32),
            _ => Feature::Pair(((key >> 32) as u32) & !(1 << 31), key as u32),
        }
    }
}

/// A feature whose weights spread less than this is not shown as a reason: most words weigh
/// a little, and keeping each as evidence would cost more than the estimate.
const MIN_SHOWN: f64 = 0.2;

/// How far apart the largest and the smallest of three weights are.
pub fn spread(weights: &Weights) -> f64 {
    weights.iter().copied().fold(f64::NEG_INFINITY, f64::max)
        - weights.iter().copied().fold(f64::INFINITY, f64::min)
}

/// The key of a pair of words in [`Model::pairs`].
fn pair_key(first: u32, second: u32) -> u64 {
    (u64::from(first) << 32) | u64::from(second)
}

fn add(logits: &mut Weights, weights: &Weights) {
    for (logit, w) in logits.iter_mut().zip(weights) {
        *logit += w;
    }
}

/// A weight of the table. Nearly all are written with two decimals ([`rounded`]), read as
/// their hundredths divided by 100: a division rounds as parsing does, to the nearest number,
/// so the weight is the same, for a tenth of the work. Any other is parsed.
fn parse_weight(text: &str) -> Option<f64> {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(digits) => (-1.0, digits),
        None => (1.0, text),
    };
    let plain = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let hundredths = digits
        .split_once('.')
        .filter(|(whole, fraction)| {
            (1..=9).contains(&whole.len()) && fraction.len() == 2 && plain(whole) && plain(fraction)
        })
        .and_then(|(whole, fraction)| {
            Some(whole.parse::<u64>().ok()? * 100 + fraction.parse::<u64>().ok()?)
        });
    match hundredths {
        Some(hundredths) => Some(sign * (hundredths as f64 / 100.0)),
        None => text.parse().ok(),
    }
}

/// A weight as the table writes it: two decimals, and no negative zero.
fn rounded(weight: f64) -> String {
    let text = format!("{weight:.2}");
    match text.as_str() {
        "-0.00" => "0.00".to_owned(),
        _ => text,
    }
}

/// The probabilities of the classes for the given logits.
pub fn softmax(logits: &Weights) -> Weights {
    let top = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exp = logits.map(|l| (l - top).exp());
    let sum: f64 = exp.iter().sum();
    exp.map(|e| e / sum)
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
