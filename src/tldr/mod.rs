//! A TL;DR for an article whose file gives none: two or three of its own sentences, verbatim,
//! chosen for what the article says. Cheap enough to run for every such article as it loads.
//!
//! Each sentence of prose (`tldr/prose.rs`) is scored by how much of the article's vocabulary it
//! carries: the mean weight of its content words, a word weighing as often as the article
//! uses it. The lead sentence, which news writes as a summary, gets a little more. Sentences
//! are then taken best first, each passing over those that repeat one already taken, and given
//! in the article's order. Headings, captions, credits, furniture, questions, fragments and
//! run-on sentences are never taken.

mod prose;
mod sentences;

use std::borrow::Cow;

use rustc_hash::FxHashMap;

pub use prose::plain_line;

/// Sentences shorter or longer than these (in words) are not taken.
const MIN_WORDS: usize = 8;
const MAX_WORDS: usize = 60;
/// Articles with at least this many candidate sentences get three, others two.
const THREE_FROM: usize = 8;
/// A sentence sharing more than this share of its content words with one already taken
/// repeats it.
const MAX_OVERLAP: f64 = 0.5;
/// The bonus of the first candidate sentence, as a share of its score.
const LEAD_BONUS: f64 = 0.25;
/// Sentences looked at: what a TL;DR needs is said well within an article's first hundred.
const MAX_CANDIDATES: usize = 100;
/// Bodies are read for sentences up to this many bytes: enough for any article, and a bound
/// on the work for a huge file.
const MAX_BYTES: usize = 200_000;

/// Two or three sentences of `body` (Markdown or plain text) that say what it says, in the
/// body's order; none when it has fewer than two sentences worth taking.
pub fn estimate(body: &str) -> Vec<String> {
    // A body of at most MAX_BYTES bytes has no more characters than that, and is not counted.
    let body = match body.len() > MAX_BYTES {
        true => body
            .char_indices()
            .nth(MAX_BYTES)
            .map_or(body, |(cut, _)| &body[..cut]),
        false => body,
    };
    let paragraphs = prose::paragraphs(body);
    // About as many words as an article of that size has different content words, so that
    // the table is seldom grown.
    let mut ids = Interner {
        ids: FxHashMap::with_capacity_and_hasher((body.len() / 24).min(4096), Default::default()),
    };
    let mut buffer = String::new();
    let candidates: Vec<Candidate> = paragraphs
        .iter()
        .flat_map(|p| sentences::sentences(p))
        .filter_map(|text| Candidate::new(text, &mut ids, &mut buffer))
        .take(MAX_CANDIDATES)
        .collect();
    if candidates.len() < 2 {
        return Vec::new();
    }
    let mut counts = vec![0u32; ids.len()];
    for candidate in &candidates {
        for &word in &candidate.words {
            counts[word as usize] += 1;
        }
    }
    let scores: Vec<f64> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let sum: f64 = c
                .words
                .iter()
                .map(|&w| f64::from(counts[w as usize]).sqrt())
                .sum();
            let mean = sum / (c.words.len().max(1) as f64).sqrt();
            if i == 0 {
                mean * (1.0 + LEAD_BONUS)
            } else {
                mean
            }
        })
        .collect();
    let wanted = if candidates.len() >= THREE_FROM { 3 } else { 2 };
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut chosen: Vec<usize> = Vec::new();
    for i in order {
        if chosen.len() == wanted {
            break;
        }
        if chosen
            .iter()
            .all(|&c| overlap(&candidates[i], &candidates[c]) <= MAX_OVERLAP)
        {
            chosen.push(i);
        }
    }
    // Not the opening alone: when every sentence taken is among the first three, the last
    // taken gives way to the best sentence after them.
    if chosen.len() == wanted && chosen.iter().all(|&i| i < 3) && candidates.len() > 3 {
        let later = (3..candidates.len()).max_by(|&a, &b| scores[a].total_cmp(&scores[b]));
        if let (Some(later), Some(last)) = (later, chosen.last_mut()) {
            *last = later;
        }
    }
    if chosen.len() < 2 {
        return Vec::new();
    }
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|i| candidates[i].text.to_owned())
        .collect()
}

/// Numbers for words. A word already in lower case, as most are, is kept as the slice of the
/// article it is; only the others are copied, once per article.
#[derive(Default)]
struct Interner<'t> {
    ids: FxHashMap<Cow<'t, str>, u32>,
}

impl<'t> Interner<'t> {
    /// The number of `word`, which is `lower` in lower case (`lower` is `word` itself, or a
    /// buffer of the caller's).
    fn id(&mut self, word: &'t str, lower: &str) -> u32 {
        if let Some(&id) = self.ids.get(lower) {
            return id;
        }
        let id = self.ids.len() as u32;
        let key = match std::ptr::eq(word, lower) {
            true => Cow::Borrowed(word),
            false => Cow::Owned(lower.to_owned()),
        };
        self.ids.insert(key, id);
        id
    }

    fn len(&self) -> usize {
        self.ids.len()
    }
}

/// A sentence that may be taken, with its content words (lowercased, stop words left out).
struct Candidate<'t> {
    text: &'t str,
    words: Vec<u32>,
}

impl<'t> Candidate<'t> {
    fn new(text: &'t str, ids: &mut Interner<'t>, buffer: &mut String) -> Option<Candidate<'t>> {
        let ends = text
            .trim_end_matches(['"', '\''])
            .trim_end_matches(sentences::FULL_WIDTH_CLOSERS);
        let starts_well = text.chars().next().is_some_and(|c| {
            c.is_uppercase()
                || sentences::is_caseless_letter(c)
                || c.is_ascii_digit()
                || matches!(c, '"' | '“' | '「' | '『')
        });
        // The checks that read a character or two first, those that read the whole sentence
        // after.
        if !ends.ends_with(['.', '!', '。', '！'])
            || !starts_well
            || !(MIN_WORDS..=MAX_WORDS).contains(&count_words(text))
            || text.contains("://")
            || text.contains("www.")
        {
            return None;
        }
        let mut words = Vec::with_capacity(MAX_WORDS);
        // Where the character before ends, when it is one written without spaces.
        let mut unspaced_before: Option<(usize, usize)> = None;
        for (at, word) in crate::words::word_spans(text) {
            if !word.is_ascii() && word.chars().all(crate::words::is_unspaced) {
                // A word of Chinese or Japanese is each character alone: read in pairs.
                if let Some((start, end)) = unspaced_before
                    && end == at
                {
                    let pair = &text[start..at + word.len()];
                    words.push(ids.id(pair, pair));
                }
                unspaced_before = Some((at, at + word.len()));
                continue;
            }
            unspaced_before = None;
            let lower = crate::words::normalize_into(word, buffer);
            if lower.len() >= 3 && !crate::scrape::is_stop_word(lower) {
                words.push(ids.id(word, lower));
            }
        }
        Some(Candidate { text, words })
    }
}

/// How many words `text` has, as `split_whitespace` gives them, a run of Chinese or Japanese
/// counting a word for every two of its characters (its words' usual length). ASCII text,
/// nearly all, is counted byte by byte, as the bytes that start a word.
fn count_words(text: &str) -> usize {
    if !text.is_ascii() {
        return (text.split_whitespace())
            .map(|word| {
                match word
                    .chars()
                    .filter(|&c| crate::words::is_unspaced(c))
                    .count()
                {
                    0 => 1,
                    unspaced => unspaced.div_ceil(2),
                }
            })
            .sum();
    }
    // The ASCII characters that `char::is_whitespace` holds to be white space.
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
    let bytes = text.as_bytes();
    let first = bytes.first().is_some_and(|&b| !space(b));
    let starts = bytes
        .windows(2)
        .filter(|pair| space(pair[0]) && !space(pair[1]))
        .count();
    usize::from(first) + starts
}

/// The share of `a`'s content words that `b` has too.
fn overlap(a: &Candidate, b: &Candidate) -> f64 {
    if a.words.is_empty() {
        return 0.0;
    }
    let shared = a.words.iter().filter(|w| b.words.contains(w)).count();
    shared as f64 / a.words.len() as f64
}

#[cfg(test)]
mod tests;
