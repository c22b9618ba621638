//! Reading sentences against the lexicon: negation, scaling, contrast, and which way good and
//! bad things went, said by a word ("profit fell", "losses narrowed") or shown by two figures
//! ("EUR 150 mn, up from EUR 101 mn").

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
pub struct Hit {
    pub text: String,
    pub valence: f64,
    /// Read by a rule or a phrase ("profit fell", "sales up from 101 to 150", "beat
    /// estimates") rather than from one word alone: stronger evidence.
    pub rule: bool,
}

/// What the lexicon and the rules read in a piece of text.
#[derive(Debug, Default)]
pub struct Reading {
    /// What carried valence, in the order read.
    pub hits: Vec<Hit>,
    /// The neutral markers read ("unchanged", "according to").
    pub markers: Vec<String>,
}

impl Reading {
    /// Reads every sentence of `tokens`, with what is known of each.
    pub fn read(tokens: &[Token<'_>], looked: &Looked<'_>) -> Reading {
        let mut reading = Reading::default();
        let mut start = 0;
        for end in 0..=tokens.len() {
            if end < tokens.len() && tokens[end] != Token::Sentence {
                continue;
            }
            let read = Sentence::read(&tokens[start..end], &looked[start..end]);
            start = end + 1;
            reading.markers.extend(read.markers);
            reading
                .hits
                .extend(read.hits.into_iter().filter(|hit| hit.valence != 0.0));
        }
        reading
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

/// What one sentence holds.
#[derive(Debug, Default)]
struct Sentence {
    hits: Vec<Hit>,
    markers: Vec<String>,
}

/// A good or bad thing met in a sentence: its hit, where it is, and whether a word saying
/// which way it went has been counted with it.
#[derive(Debug)]
struct Thing<'a> {
    hit: usize,
    at: usize,
    word: &'a str,
    good: bool,
    paired: bool,
    /// Whether the word it was counted with said it went up, and that word's hit.
    went_up: Option<(bool, usize)>,
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

impl Sentence {
    fn read(tokens: &[Token<'_>], looked: &Looked<'_>) -> Sentence {
        let lexicon = Lexicon::get();
        let mut sentence = Sentence::default();
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
            let hits_before = sentence.hits.len();
            match entry {
                Entry::Negator => state.negation = Some((word, NEGATION_WORDS)),
                // An adverb right after the word it qualifies: "exports fell sharply".
                Entry::Scale(factor) if word.ends_with("ly") && last_hit_end == Some(start) => {
                    if let Some(hit) = sentence.hits.last_mut() {
                        hit.valence *= factor;
                    }
                }
                Entry::Scale(_) if state.comparative_ends_negation(tokens, start, word) => {
                    state.scale = Some((SUPERLATIVE, SCALE_WORDS));
                }
                Entry::Scale(factor) => state.scale = Some((factor, SCALE_WORDS)),
                Entry::Contrast => contrast_at = Some(sentence.hits.len()),
                Entry::Concession => state.concession = true,
                Entry::Neutral => {
                    if state.negation.is_none() {
                        sentence.markers.push(text());
                    }
                    state.step(len);
                }
                Entry::Nothing => state.step(len),
                Entry::NegativeNegator(valence) => {
                    sentence.hits.push(state.apply(valence, text()));
                    state.negation = Some((word, NEGATION_WORDS));
                }
                Entry::Valence(valence) => {
                    state.comparative_ends_negation(tokens, start, word);
                    let mut hit = state.apply(valence, text());
                    hit.rule = len > 1;
                    sentence.hits.push(hit);
                    state.step(len);
                }
                Entry::Bad(valence) | Entry::Good(valence) => {
                    things.push(Thing {
                        hit: sentence.hits.len(),
                        at: start,
                        word,
                        good: matches!(entry, Entry::Good(_)),
                        paired: false,
                        went_up: None,
                    });
                    sentence.hits.push(state.apply(valence, text()));
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
                            sentence.hits[thing.hit].valence = 0.0;
                            thing.paired = true;
                            thing.went_up = Some((going_up, sentence.hits.len()));
                            let text = format!("{} {}", thing.word, text());
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
                                things.push(Thing {
                                    hit: sentence.hits.len(),
                                    at: thing_at,
                                    word: thing,
                                    good,
                                    paired: true,
                                    went_up: Some((going_up, sentence.hits.len())),
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
                    sentence.hits.push(hit);
                    state.step(len);
                }
            }
            if sentence.hits.len() > hits_before {
                last_hit_end = Some(at);
            }
        }
        compare_numbers(tokens, &mut things, &mut sentence.hits);
        profit_against_loss(tokens, &mut things, &mut sentence.hits);
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

/// What "more" becomes after "never been": "have never been more bullish".
const SUPERLATIVE: f64 = 1.5;
/// How strong a change shown only by two numbers is: "EUR 150 mn, compared with EUR 101 mn".
const NUMBERS_VALENCE: f64 = 1.5;
/// How much figures add when they agree with the word that said which way a thing went.
const NUMBERS_AGREE: f64 = 0.75;
/// How strong a profit against a loss a year before is, or the other way round.
const PROFIT_AGAINST_LOSS: f64 = 2.2;

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

/// A number as written and its value, with what a unit after it ("mn", "bn") multiplies.
#[derive(Debug, Clone, Copy)]
struct Number<'a> {
    text: &'a str,
    value: f64,
    at: usize,
}

/// The number at `at`, if it is an amount: not a percentage and not a year.
fn number_at<'a>(tokens: &[Token<'a>], at: usize) -> Option<Number<'a>> {
    let Some(Token::Word(text)) = tokens.get(at) else {
        return None;
    };
    if !text.starts_with(|c: char| c.is_ascii_digit()) || text.ends_with('%') {
        return None;
    }
    let value: f64 = text.replace(',', "").parse().ok()?;
    let unit = match tokens.get(at + 1) {
        Some(Token::Word("mn" | "m" | "million" | "mln" | "mio")) => 1e6,
        Some(Token::Word("bn" | "b" | "billion" | "bln")) => 1e9,
        Some(Token::Word("k" | "thousand")) => 1e3,
        Some(Token::Word("percent" | "per" | "pct")) => return None,
        _ => 1.0,
    };
    let year = unit == 1.0 && !text.contains('.') && (1900.0..=2100.0).contains(&value);
    (!year).then_some(Number {
        text,
        value: value * unit,
        at,
    })
}

/// The first number among the few words from `from`, within the clause.
fn number_within<'a>(tokens: &[Token<'a>], from: usize, words: usize) -> Option<Number<'a>> {
    for at in from..(from + words).min(tokens.len()) {
        if !matches!(tokens[at], Token::Word(_)) {
            return None;
        }
        if let Some(number) = number_at(tokens, at) {
            return Some(number);
        }
    }
    None
}

/// Words that put an earlier figure after a current one: "EUR 150 mn, compared with EUR 101
/// mn", "to EUR 3 mn from EUR 5 mn".
const EARLIER_FIGURE: [&str; 5] = ["from", "compared", "versus", "vs", "against"];

/// A change shown only by two figures, told to the good or bad thing it is about: "net sales
/// totalled EUR 150 mn, compared with EUR 101 mn" is good news, "operating loss EUR 5 mn
/// (from EUR 2 mn)" bad news. Figures that agree with the word that gave a thing's direction
/// add to it: "rose to EUR 150 mn from EUR 101 mn".
fn compare_numbers(tokens: &[Token<'_>], things: &mut [Thing<'_>], hits: &mut Vec<Hit>) {
    if things.is_empty() {
        return;
    }
    let mut at = 0;
    while at < tokens.len() {
        let found = match tokens[at] {
            // "from EUR 101 mn to EUR 150 mn"
            Token::Word("from") => number_within(tokens, at + 1, 3).and_then(|earlier| {
                let to = (earlier.at + 1..(earlier.at + 4).min(tokens.len()))
                    .find(|&i| tokens[i] == Token::Word("to"))?;
                let now = number_within(tokens, to + 1, 3)?;
                Some((now, earlier))
            }),
            // "EUR 150 mn, compared with EUR 101 mn"
            Token::Word(_) => number_at(tokens, at).and_then(|now| {
                let marker = (now.at + 1..(now.at + 6).min(tokens.len())).find(
                    |&i| matches!(tokens[i], Token::Word(w) if EARLIER_FIGURE.contains(&w)),
                )?;
                let skip = usize::from(matches!(
                    tokens.get(marker + 1),
                    Some(Token::Word("with" | "to"))
                ));
                let earlier = number_within(tokens, marker + 1 + skip, 3)?;
                Some((now, earlier))
            }),
            _ => None,
        };
        let Some((now, earlier)) = found else {
            at += 1;
            continue;
        };
        at = now.at.max(earlier.at) + 1;
        if now.value == earlier.value {
            continue;
        }
        let Some(thing) = things
            .iter_mut()
            .rev()
            .find(|thing| thing.at < now.at.min(earlier.at))
        else {
            continue;
        };
        let rose = now.value > earlier.value;
        let figures = format!("from {} to {}", earlier.text, now.text);
        match (thing.paired, thing.went_up) {
            (false, _) => {}
            // "rose to EUR 150 mn from EUR 101 mn": the figures add to the word.
            (true, Some((went_up, hit))) if went_up == rose => {
                let hit = &mut hits[hit];
                hit.valence += NUMBERS_AGREE * hit.valence.signum();
                hit.text = format!("{} {figures}", hit.text);
                thing.went_up = None;
                continue;
            }
            _ => continue,
        }
        let strength = NUMBERS_VALENCE;
        hits[thing.hit].valence = 0.0;
        thing.paired = true;
        let way = if rose { "up" } else { "down" };
        hits.push(Hit {
            text: format!("{} {way} {figures}", thing.word),
            valence: if rose == thing.good {
                strength
            } else {
                -strength
            },
            rule: true,
        });
    }
}

/// Words for a profit and for a loss.
const PROFIT_WORDS: [&str; 8] = [
    "profit", "profits", "earnings", "income", "ebit", "ebitda", "eps", "surplus",
];
const LOSS_WORDS: [&str; 3] = ["loss", "losses", "deficit"];
/// Words that say a figure is from before: "compared with a profit a year earlier".
const BEFORE_WORDS: [&str; 8] = [
    "from", "compared", "versus", "vs", "against", "earlier", "ago", "previous",
];

/// A loss now against a profit before is bad news, a profit now against a loss before good
/// news, whatever "profit" and "loss" say on their own: "pretax loss of EUR 16 mn compared
/// with a profit of EUR 25 mn a year earlier".
fn profit_against_loss(tokens: &[Token<'_>], things: &mut [Thing<'_>], hits: &mut Vec<Hit>) {
    let unpaired = |words: &[&str], thing: &Thing<'_>| !thing.paired && words.contains(&thing.word);
    let Some(loss) = things.iter().position(|thing| unpaired(&LOSS_WORDS, thing)) else {
        return;
    };
    // The profit nearest the loss: "net income swung from a profit to a loss".
    let Some(profit) = (0..things.len())
        .filter(|&i| unpaired(&PROFIT_WORDS, &things[i]))
        .min_by_key(|&i| things[i].at.abs_diff(things[loss].at))
    else {
        return;
    };
    let before_said = tokens
        .iter()
        .any(|token| matches!(token, Token::Word(w) if BEFORE_WORDS.contains(w)));
    if !before_said {
        return;
    }
    let (first, second) = match things[profit].at < things[loss].at {
        true => (profit, loss),
        false => (loss, profit),
    };
    // "swung from a loss to a profit": the first is the earlier figure.
    let first_is_earlier =
        tokens[things[first].at.saturating_sub(3)..things[first].at].contains(&Token::Word("from"));
    let now = if first_is_earlier { second } else { first };
    for &i in &[profit, loss] {
        hits[things[i].hit].valence = 0.0;
        things[i].paired = true;
    }
    let (text, valence) = match now == profit {
        true => ("profit against a loss before", PROFIT_AGAINST_LOSS),
        false => ("loss against a profit before", -PROFIT_AGAINST_LOSS),
    };
    hits.push(Hit {
        text: text.to_owned(),
        valence,
        rule: true,
    });
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
