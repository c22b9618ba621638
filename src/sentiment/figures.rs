//! Which way a thing went, shown by figures rather than said: two amounts compared ("EUR 150
//! mn, compared with EUR 101 mn"), or a profit against a loss a year before.

use super::scorer::{Hit, Thing};
use super::tokens::Token;

/// How strong a change shown only by two numbers is: "EUR 150 mn, compared with EUR 101 mn".
const NUMBERS_VALENCE: f64 = 1.5;
/// How much figures add when they agree with the word that said which way a thing went.
const NUMBERS_AGREE: f64 = 0.75;
/// How strong a profit against a loss a year before is, or the other way round.
const PROFIT_AGAINST_LOSS: f64 = 2.2;

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
pub(super) fn compare_numbers(
    tokens: &[Token<'_>],
    things: &mut [Thing<'_>],
    hits: &mut Vec<Hit<'_>>,
) {
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
                hit.text = format!("{} {figures}", hit.text).into();
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
            text: format!("{} {way} {figures}", thing.word).into(),
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
pub(super) fn profit_against_loss(
    tokens: &[Token<'_>],
    things: &mut [Thing<'_>],
    hits: &mut Vec<Hit<'_>>,
) {
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
        text: text.into(),
        valence,
        rule: true,
    });
}
