//! Reading sentences against the lexicon: negation, scaling, contrast, and which way good and
//! bad things went, said by a word ("profit fell", "losses narrowed") or shown by two figures
//! ("EUR 150 mn, up from EUR 101 mn").

use std::borrow::Cow;

use super::figures::{compare_numbers, profit_against_loss};
use super::lexicon::{Entry, Lexicon, MAX_PHRASE_BYTES, MAX_PHRASE_WORDS};
use super::model::Known;
use super::tokens::Token;

/// What is known of each token of a text, looked up once for the lexicon and the model.
pub type Looked<'m> = [Option<&'m Known>];

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
/// How many words may stand between a good or bad thing and the word saying which way it
/// went: "operating profit for the quarter fell".
const DIRECTION_WORDS: usize = 4;
/// A bad thing going the good way (or the other way) is news of at least this strength,
/// however mild the word: "inflation cools" is good news.
const MIN_DIRECTION_VALENCE: f64 = 1.0;

/// A word or phrase with the valence it carries in its sentence.
#[derive(Debug)]
pub struct Hit<'a> {
    /// Borrowed from the text for a single word, as most are: an estimate made while loading
    /// shows no reasons, and allocating each word's text would cost more than reading it.
    pub text: Cow<'a, str>,
    pub valence: f64,
    /// Read by a rule or a phrase ("profit fell", "sales up from 101 to 150", "beat
    /// estimates") rather than from one word alone: stronger evidence.
    pub rule: bool,
}

/// What the lexicon and the rules read in a piece of text.
#[derive(Debug, Default)]
pub struct Reading<'a> {
    /// What carried valence, in the order read.
    pub hits: Vec<Hit<'a>>,
    /// The neutral markers read ("unchanged", "according to").
    pub markers: Vec<Cow<'a, str>>,
}

impl<'a> Reading<'a> {
    /// Reads every sentence of `tokens`, with what is known of each.
    pub fn read(tokens: &[Token<'a>], looked: &Looked<'_>) -> Reading<'a> {
        let mut reading = Reading::default();
        reading.read_into(tokens, looked);
        reading
    }

    /// [`Reading::read`] into this reading, emptied first, whose allocations are reused: an
    /// estimate reads each sentence of an article in turn.
    pub fn read_into(&mut self, tokens: &[Token<'a>], looked: &Looked<'_>) {
        self.hits.clear();
        self.markers.clear();
        let mut start = 0;
        for end in 0..=tokens.len() {
            if end < tokens.len() && tokens[end] != Token::Sentence {
                continue;
            }
            read_sentence(&tokens[start..end], &looked[start..end], self);
            start = end + 1;
        }
        // Hits that a rule took over (the "profit" of "profit fell") weigh nothing.
        self.hits.retain(|hit| hit.valence != 0.0);
    }

    /// This reading emptied, its allocations kept for a reading of another text.
    pub fn recycle<'b>(mut self) -> Reading<'b> {
        self.hits.clear();
        self.markers.clear();
        // Collecting an emptied vector's own iterator keeps its buffer; nothing is mapped.
        Reading {
            hits: self.hits.into_iter().map(|_| unreachable!()).collect(),
            markers: self.markers.into_iter().map(|_| unreachable!()).collect(),
        }
    }

    /// The sum of the positive valences of words (`rule` false) or of rules (`rule` true).
    pub fn positive(&self, rule: bool) -> f64 {
        self.hits
            .iter()
            .filter(|hit| hit.rule == rule)
            .map(|hit| hit.valence.max(0.0))
            .sum()
    }

    /// The sum of the negative valences of words or of rules, as a positive number.
    pub fn negative(&self, rule: bool) -> f64 {
        self.hits
            .iter()
            .filter(|hit| hit.rule == rule)
            .map(|hit| (-hit.valence).max(0.0))
            .sum()
    }
}

/// A good or bad thing met in a sentence: its hit, where it is, and whether a word saying
/// which way it went has been counted with it.
#[derive(Debug)]
pub(super) struct Thing<'a> {
    pub(super) hit: usize,
    pub(super) at: usize,
    pub(super) word: &'a str,
    pub(super) good: bool,
    pub(super) paired: bool,
    /// Whether the word it was counted with said it went up, and that word's hit.
    pub(super) went_up: Option<(bool, usize)>,
}

/// The modifiers in force at a point of a sentence.
#[derive(Debug, Default)]
struct State<'a> {
    /// The negating word and how many words it still reaches.
    negation: Option<(&'a str, usize)>,
    /// The factor and how many words it still reaches.
    scale: Option<(f64, usize)>,
    concession: bool,
}

/// Words that negation reaches across without using up its reach: "not expected to face any
/// losses".
const FILLERS: [&str; 22] = [
    "a", "an", "the", "any", "to", "be", "been", "being", "have", "has", "had", "is", "are", "was",
    "were", "will", "would", "expected", "expect", "likely", "its", "their",
];

/// Forms of "to be" before a comparative that makes a negation a superlative: "have never
/// been more bullish", "could not be better".
const BE: [&str; 5] = ["be", "been", "was", "is", "looked"];

/// Comparatives that, after a negation and a form of "to be", say "as much as ever".
const COMPARATIVES: [&str; 6] = ["more", "better", "greater", "stronger", "happier", "higher"];

impl<'a> State<'a> {
    /// The valence `v` with the modifiers in force applied, and the text to show for it.
    fn apply(&self, valence: f64, text: Cow<'a, str>) -> Hit<'a> {
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
                Cow::Owned(format!("{negator} {text}"))
            }
            None => text,
        };
        Hit {
            text,
            valence,
            rule: false,
        }
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

    /// Moves past a word that carries nothing; fillers keep a negation's reach.
    fn step_word(&mut self, word: &str) {
        if self.negation.is_some() && FILLERS.contains(&word) {
            self.scale = self.scale.and_then(|(factor, left)| {
                left.checked_sub(1).filter(|&l| l > 0).map(|l| (factor, l))
            });
        } else {
            self.step(1);
        }
    }

    /// After "never been", a comparative ends the negation: "never been better".
    fn comparative_ends_negation(&mut self, tokens: &[Token<'_>], at: usize, word: &str) -> bool {
        let after_be = at
            .checked_sub(1)
            .is_some_and(|before| matches!(tokens[before], Token::Word(w) if BE.contains(&w)));
        if self.negation.is_some() && after_be && COMPARATIVES.contains(&word) {
            self.negation = None;
            return true;
        }
        false
    }

    fn end_clause(&mut self) {
        self.negation = None;
        self.scale = None;
        self.concession = false;
    }
}

/// Reads one sentence into `reading`, after the sentences before it.
fn read_sentence<'a>(tokens: &[Token<'a>], looked: &Looked<'_>, reading: &mut Reading<'a>) {
    let lexicon = Lexicon::get();
    // Where this sentence's hits start.
    let first = reading.hits.len();
    let mut state = State::default();
    let mut contrast_at = None;
    let mut things: Vec<Thing<'_>> = Vec::new();
    // Things already counted with the word before them that says which way they went.
    let mut consumed: Vec<usize> = Vec::new();
    let mut at = 0;
    // Where the last word that carried valence ended.
    let mut last_hit_end = None;
    while at < tokens.len() {
        let Token::Word(word) = tokens[at] else {
            state.end_clause();
            at += 1;
            continue;
        };
        let (entry, len) = lookup(lexicon, &tokens[at..], looked[at]);
        let start = at;
        at += len;
        if consumed.contains(&start) {
            continue;
        }
        let entry = match entry {
            Some(Entry::Up(_) | Entry::Down(_))
                if len == 1
                    && (word == "up" || word == "down")
                    && !says_direction(tokens, start, &things) =>
            {
                None
            }
            entry => entry,
        };
        let Some(entry) = entry else {
            state.step_word(word);
            continue;
        };
        // Joined only for what shows it: most entries that modify others have no text.
        let span = &tokens[start..at];
        let text = || join_words(span);
        let hits_before = reading.hits.len();
        match entry {
            Entry::Negator => state.negation = Some((word, NEGATION_WORDS)),
            // An adverb right after the word it qualifies: "exports fell sharply".
            Entry::Scale(factor) if word.ends_with("ly") && last_hit_end == Some(start) => {
                if let Some(hit) = reading.hits.last_mut() {
                    hit.valence *= factor;
                }
            }
            Entry::Scale(_) if state.comparative_ends_negation(tokens, start, word) => {
                state.scale = Some((SUPERLATIVE, SCALE_WORDS));
            }
            Entry::Scale(factor) => state.scale = Some((factor, SCALE_WORDS)),
            Entry::Contrast => contrast_at = Some(reading.hits.len()),
            Entry::Concession => state.concession = true,
            Entry::Neutral => {
                if state.negation.is_none() {
                    reading.markers.push(text());
                }
                state.step(len);
            }
            Entry::Nothing => state.step(len),
            Entry::NegativeNegator(valence) => {
                reading.hits.push(state.apply(valence, text()));
                state.negation = Some((word, NEGATION_WORDS));
            }
            Entry::Valence(valence) => {
                state.comparative_ends_negation(tokens, start, word);
                let mut hit = state.apply(valence, text());
                hit.rule = len > 1;
                reading.hits.push(hit);
                state.step(len);
            }
            Entry::Bad(valence) | Entry::Good(valence) => {
                things.push(Thing {
                    hit: reading.hits.len(),
                    at: start,
                    word,
                    good: matches!(entry, Entry::Good(_)),
                    paired: false,
                    went_up: None,
                });
                reading.hits.push(state.apply(valence, text()));
                state.step(len);
            }
            Entry::Up(valence) | Entry::Down(valence) => {
                let going_up = matches!(entry, Entry::Up(_));
                state.comparative_ends_negation(tokens, start, word);
                // "up" and "down" reach back across the sentence: "revenue was EUR 150 mn,
                // up from EUR 101 mn".
                let reach = match word {
                    "up" | "down" => usize::MAX,
                    _ => DIRECTION_WORDS + 1,
                };
                let before = things
                    .iter_mut()
                    .rev()
                    .find(|thing| !thing.paired)
                    .filter(|thing| start - thing.at <= reach);
                let mut paired = true;
                let mut hit = match before {
                    Some(thing) => {
                        // "profit fell": the thing is counted with its verb.
                        reading.hits[thing.hit].valence = 0.0;
                        thing.paired = true;
                        thing.went_up = Some((going_up, reading.hits.len()));
                        let text = Cow::Owned(format!("{} {}", thing.word, text()));
                        state.apply(turned(valence, going_up, thing.good), text)
                    }
                    None => match thing_ahead(tokens, looked, at) {
                        Some((thing_at, thing, good)) => {
                            // "a rise in unemployment", "lower sales"
                            consumed.push(thing_at);
                            let text = match tokens[at..thing_at].contains(&Token::Word("in")) {
                                true => format!("{} in {thing}", text()),
                                false => format!("{} {thing}", text()),
                            };
                            let text = Cow::Owned(text);
                            things.push(Thing {
                                hit: reading.hits.len(),
                                at: thing_at,
                                word: thing,
                                good,
                                paired: true,
                                went_up: Some((going_up, reading.hits.len())),
                            });
                            state.apply(turned(valence, going_up, good), text)
                        }
                        None => {
                            paired = false;
                            state.apply(valence, text())
                        }
                    },
                };
                hit.rule = paired || len > 1;
                reading.hits.push(hit);
                state.step(len);
            }
        }
        if reading.hits.len() > hits_before {
            last_hit_end = Some(at);
        }
    }
    compare_numbers(tokens, &mut things, &mut reading.hits);
    profit_against_loss(tokens, &mut things, &mut reading.hits);
    if let Some(split) = contrast_at {
        for (i, hit) in reading.hits.iter_mut().enumerate().skip(first) {
            hit.valence *= if i < split {
                BEFORE_CONTRAST
            } else {
                AFTER_CONTRAST
            };
        }
    }
}

/// What "more" becomes after "never been": "have never been more bullish".
const SUPERLATIVE: f64 = 1.5;

/// Whether `up` or `down` at `at` says which way something went: before a number, "from",
/// "by" or the end of a clause ("shares were down."), or right after a good or bad thing.
fn says_direction(tokens: &[Token<'_>], at: usize, things: &[Thing<'_>]) -> bool {
    let next_says = match tokens.get(at + 1) {
        Some(Token::Word(next)) => {
            matches!(*next, "from" | "by") || next.starts_with(|c: char| c.is_ascii_digit())
        }
        _ => true,
    };
    next_says || things.last().is_some_and(|thing| at - thing.at <= 3)
}

/// The valence of a direction word applied to a thing: a good thing rising is good news, a
/// bad thing rising bad news.
fn turned(valence: f64, going_up: bool, good: bool) -> f64 {
    let strength = valence.abs().max(MIN_DIRECTION_VALENCE);
    if going_up == good {
        strength
    } else {
        -strength
    }
}

/// A good or bad thing within a few words after a direction word, across "in", "of" and the
/// like but not across a clause break: "a sharp rise in jobless claims", "lower net sales".
fn thing_ahead<'a>(
    tokens: &[Token<'a>],
    looked: &Looked<'_>,
    from: usize,
) -> Option<(usize, &'a str, bool)> {
    for (offset, token) in tokens[from..].iter().enumerate().take(DIRECTION_WORDS) {
        let Token::Word(word) = *token else {
            return None;
        };
        match looked[from + offset].and_then(|known| known.entry) {
            Some(Entry::Bad(_)) => return Some((from + offset, word, false)),
            Some(Entry::Good(_)) => return Some((from + offset, word, true)),
            _ => {}
        }
    }
    None
}

/// The entry of the longest phrase starting the tokens, else of the first word, and how many
/// words it spans.
fn lookup(
    lexicon: &Lexicon,
    tokens: &[Token<'_>],
    known: Option<&Known>,
) -> (Option<Entry>, usize) {
    let Some(known) = known else {
        return (None, 1);
    };
    if known.phrase {
        // The longest phrase that could start here, written once; shorter ones are its
        // prefixes. Words that would make it longer than any phrase of the lexicon are not
        // added: no phrase could match.
        let mut phrase = [0u8; MAX_PHRASE_BYTES];
        let mut ends = [0; MAX_PHRASE_WORDS + 1];
        let mut words = 0;
        for token in tokens.iter().take(MAX_PHRASE_WORDS) {
            let Token::Word(word) = token else {
                break;
            };
            let at = ends[words] + usize::from(words > 0);
            let Some(slot) = phrase.get_mut(at..at + word.len()) else {
                break;
            };
            slot.copy_from_slice(word.as_bytes());
            if words > 0 {
                phrase[at - 1] = b' ';
            }
            words += 1;
            ends[words] = at + word.len();
        }
        // Whole words joined by spaces: always text.
        if words >= 2
            && let Ok(phrase) = std::str::from_utf8(&phrase[..ends[words]])
        {
            for len in (2..=words).rev() {
                if let Some(entry) = lexicon.exact(&phrase[..ends[len]]) {
                    return (Some(entry), len);
                }
            }
        }
    }
    (known.entry, 1)
}

/// The words of `tokens` joined by spaces, borrowed when there is one.
fn join_words<'a>(tokens: &[Token<'a>]) -> Cow<'a, str> {
    let mut words = tokens.iter().filter_map(|token| match token {
        Token::Word(word) => Some(*word),
        _ => None,
    });
    if let (Some(word), None) = (words.next(), words.next()) {
        return Cow::Borrowed(word);
    }
    let mut out = String::new();
    for token in tokens {
        if let Token::Word(word) = token {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    Cow::Owned(out)
}
