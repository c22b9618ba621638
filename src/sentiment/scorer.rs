//! Scoring sentences against the lexicon: negation, scaling, contrast and the direction of
//! bad things.

use super::lexicon::{Entry, Lexicon, MAX_PHRASE_WORDS};
use super::tokens::{Token, lowered_prefix, tokens};

/// How far negation reaches, in words, as in VADER.
const NEGATION_WORDS: usize = 3;
/// A negated word keeps this much of its valence, turned around, as in VADER.
const NEGATION_FACTOR: f64 = -0.74;
/// How far a scaling word reaches, in words.
const SCALE_WORDS: usize = 2;
/// What a concession ("despite the strike, ...") leaves of the rest of its clause.
const CONCESSION_FACTOR: f64 = 0.4;
/// Before and after a contrast ("but", "however"), as in VADER.
const BEFORE_CONTRAST: f64 = 0.5;
const AFTER_CONTRAST: f64 = 1.5;
/// How far apart a bad thing and the word saying which way it went may be.
const DIRECTION_WORDS: usize = 3;
/// A bad thing going the good way (or the other way) is news of at least this strength,
/// however mild the word: "inflation cools" is good news.
const MIN_DIRECTION_VALENCE: f64 = 1.0;

/// A word or phrase that moved the estimate, with its signed share of the weighted sum.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    /// As read, lowercased: `layoffs`, `record profit`, `not agree`, `unemployment falls`.
    pub text: String,
    /// Above zero for good news, below for bad.
    pub weight: f64,
}

/// The weighted sum of valences over the texts of one article.
#[derive(Debug, Default)]
pub struct Tally {
    total: f64,
    neutral: f64,
    hits: Vec<(String, f64)>,
}

impl Tally {
    /// Scores the first `max_words` words of `text`, each valence counted `weight` times.
    pub fn add_text(&mut self, text: &str, weight: f64, max_words: usize) {
        let lowered = lowered_prefix(text, max_words);
        let tokens = tokens(&lowered);
        for sentence in tokens.split(|token| *token == Token::Sentence) {
            let read = Sentence::read(sentence);
            self.neutral += weight * read.neutral;
            for hit in read.hits {
                let value = weight * hit.valence;
                self.total += value;
                if value != 0.0 {
                    self.hits.push((hit.text, value));
                }
            }
        }
    }

    pub fn total(&self) -> f64 {
        self.total
    }

    /// How many neutral markers were read, weighted like valences.
    pub fn neutral(&self) -> f64 {
        self.neutral
    }

    /// The `n` words or phrases that weighed most, each counted once with its summed weight;
    /// the strongest first, ties in order of text.
    pub fn reasons(&self, n: usize) -> Vec<Reason> {
        let mut merged: Vec<Reason> = Vec::new();
        for (text, weight) in &self.hits {
            match merged.iter_mut().find(|r| r.text == *text) {
                Some(reason) => reason.weight += weight,
                None => merged.push(Reason {
                    text: text.clone(),
                    weight: *weight,
                }),
            }
        }
        merged.retain(|r| r.weight.abs() > 1e-9);
        merged.sort_by(|a, b| {
            b.weight
                .abs()
                .total_cmp(&a.weight.abs())
                .then_with(|| a.text.cmp(&b.text))
        });
        merged.truncate(n);
        merged
    }
}

/// A word or phrase with the valence it carries in its sentence.
#[derive(Debug)]
struct Hit {
    text: String,
    valence: f64,
}

/// What one sentence holds.
#[derive(Debug, Default)]
struct Sentence {
    hits: Vec<Hit>,
    neutral: f64,
}

/// The modifiers in force at a point of a sentence.
#[derive(Debug, Default)]
struct State<'a> {
    /// The negating word and how many words it still reaches.
    negation: Option<(&'a str, usize)>,
    /// The factor and how many words it still reaches.
    scale: Option<(f64, usize)>,
    concession: bool,
    /// The hit of the last bad thing and the word position it was at.
    last_bad: Option<(usize, usize, &'a str)>,
}

impl<'a> State<'a> {
    /// The valence `v` with the modifiers in force applied, and the text to show for it.
    fn apply(&self, valence: f64, text: String) -> Hit {
        let mut valence = valence;
        if let Some((factor, _)) = self.scale {
            valence *= factor;
        }
        if self.concession {
            valence *= CONCESSION_FACTOR;
        }
        let text = match self.negation {
            Some((negator, _)) => {
                valence *= NEGATION_FACTOR;
                format!("{negator} {text}")
            }
            None => text,
        };
        Hit { text, valence }
    }

    /// Moves past one word that was not itself a modifier.
    fn step(&mut self, words: usize) {
        self.negation = self.negation.and_then(|(word, left)| {
            left.checked_sub(words)
                .filter(|&l| l > 0)
                .map(|l| (word, l))
        });
        self.scale = self.scale.and_then(|(factor, left)| {
            left.checked_sub(words)
                .filter(|&l| l > 0)
                .map(|l| (factor, l))
        });
    }

    fn end_clause(&mut self) {
        self.negation = None;
        self.scale = None;
        self.concession = false;
    }
}

impl Sentence {
    fn read(tokens: &[Token<'_>]) -> Sentence {
        let lexicon = Lexicon::get();
        let mut sentence = Sentence::default();
        let mut state = State::default();
        let mut contrast_at = None;
        // Bad things already counted with the word that says which way they went.
        let mut consumed = vec![false; tokens.len()];
        let mut at = 0;
        let mut position = 0;
        // The word position of the last word that carried valence.
        let mut last_hit_at = None;
        while at < tokens.len() {
            let Token::Word(word) = tokens[at] else {
                state.end_clause();
                at += 1;
                continue;
            };
            let (entry, len) = lookup(lexicon, &tokens[at..]);
            let skip = consumed[at];
            let words = &tokens[at..at + len];
            at += len;
            position += len;
            if skip {
                continue;
            }
            let Some(entry) = entry else {
                state.step(len);
                continue;
            };
            let text = join_words(words);
            let hits_before = sentence.hits.len();
            match entry {
                Entry::Negator => state.negation = Some((word, NEGATION_WORDS)),
                // An adverb right after the word it qualifies: "exports fell sharply".
                Entry::Scale(factor)
                    if word.ends_with("ly") && last_hit_at == Some(position - len) =>
                {
                    if let Some(hit) = sentence.hits.last_mut() {
                        hit.valence *= factor;
                    }
                }
                Entry::Scale(factor) => state.scale = Some((factor, SCALE_WORDS)),
                Entry::Contrast => contrast_at = Some(sentence.hits.len()),
                Entry::Concession => state.concession = true,
                Entry::Neutral => {
                    if state.negation.is_none() {
                        sentence.neutral += 1.0;
                    }
                    state.step(len);
                }
                Entry::NegativeNegator(valence) => {
                    sentence.hits.push(state.apply(valence, text));
                    state.negation = Some((word, NEGATION_WORDS));
                }
                Entry::Valence(valence) => {
                    sentence.hits.push(state.apply(valence, text));
                    state.step(len);
                }
                Entry::Bad(valence) => {
                    state.last_bad = Some((sentence.hits.len(), position, word));
                    sentence.hits.push(state.apply(valence, text));
                    state.step(len);
                }
                Entry::Up(valence) | Entry::Down(valence) => {
                    let going_up = matches!(entry, Entry::Up(_));
                    let hit = match state.last_bad {
                        Some((hit, bad_at, bad)) if position - bad_at <= DIRECTION_WORDS + len => {
                            // "unemployment falls": the bad thing is counted with its verb.
                            sentence.hits[hit].valence = 0.0;
                            state.last_bad = None;
                            let text = format!("{bad} {text}");
                            state.apply(turned(valence, going_up), text)
                        }
                        _ => match bad_thing_ahead(lexicon, tokens, at) {
                            Some((bad_at, bad)) => {
                                // "a rise in unemployment"
                                consumed[bad_at] = true;
                                let text = format!("{text} in {bad}");
                                state.apply(turned(valence, going_up), text)
                            }
                            None => state.apply(valence, text),
                        },
                    };
                    sentence.hits.push(hit);
                    state.step(len);
                }
            }
            if sentence.hits.len() > hits_before {
                last_hit_at = Some(position);
            }
        }
        if let Some(split) = contrast_at {
            for (i, hit) in sentence.hits.iter_mut().enumerate() {
                hit.valence *= if i < split {
                    BEFORE_CONTRAST
                } else {
                    AFTER_CONTRAST
                };
            }
        }
        sentence
    }
}

/// The valence of a direction word applied to a bad thing: rising is bad, falling good.
fn turned(valence: f64, going_up: bool) -> f64 {
    let strength = valence.abs().max(MIN_DIRECTION_VALENCE);
    if going_up { -strength } else { strength }
}

/// A bad thing within a few words after a direction word, across "in", "of" and the like
/// but not across a clause break: "a sharp rise in jobless claims".
fn bad_thing_ahead<'a>(
    lexicon: &Lexicon,
    tokens: &[Token<'a>],
    from: usize,
) -> Option<(usize, &'a str)> {
    let mut words = 0;
    for (offset, token) in tokens[from..].iter().enumerate() {
        let Token::Word(word) = *token else {
            return None;
        };
        if let Some(Entry::Bad(_)) = lexicon.word(word) {
            return Some((from + offset, word));
        }
        words += 1;
        if words >= DIRECTION_WORDS {
            return None;
        }
    }
    None
}

/// The entry of the longest phrase starting the tokens, else of the first word, and how many
/// words it spans.
fn lookup(lexicon: &Lexicon, tokens: &[Token<'_>]) -> (Option<Entry>, usize) {
    let Some(Token::Word(first)) = tokens.first() else {
        return (None, 1);
    };
    if lexicon.starts_phrase(first) {
        let words = tokens
            .iter()
            .take(MAX_PHRASE_WORDS)
            .take_while(|t| matches!(t, Token::Word(_)))
            .count();
        for len in (2..=words).rev() {
            let phrase = join_words(&tokens[..len]);
            if let Some(entry) = lexicon.exact(&phrase) {
                return (Some(entry), len);
            }
        }
    }
    (lexicon.word(first), 1)
}

fn join_words(tokens: &[Token<'_>]) -> String {
    let mut out = String::new();
    for token in tokens {
        if let Token::Word(word) = token {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}
