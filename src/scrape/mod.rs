//! Scraped plain text: a page's visible lines as a scraper kept them, headline, article and
//! page furniture together. This finds the headline and the article's own text; the lines
//! around it (menus, captions, credits, bylines, share buttons, comment forms, cookie notices)
//! are page furniture, left out of what is shown, searched, counted and scored, and named so
//! that `show --all` and the reader can still show the whole text. Nothing is changed in the
//! file.
//!
//! The steps (README, "Plain text"): lines are classed as jusText classes paragraphs, with a
//! stop-word list in the page's language (`scrape/stoplists.rs`) and a list of furniture phrases
//! ([`furniture`]); the article is the densest run of good lines (`scrape/region.rs`); the headline
//! is the line above it that reads most like one ([`headline`]).

mod classes;
mod folded;
pub mod furniture;
pub mod headline;
mod lines;
mod region;
mod stoplists;
mod stoptable;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::title::{atx_heading_text, title_from_line};
use classes::Class;
use lines::{Line, lines};
use stoplists::Stoplist;

/// A page whose best stop-word list covers less than this share of its words is in a
/// language none of the lists knows; its lines are then judged by length alone.
const MIN_LANGUAGE_SHARE: f64 = 0.08;
/// Words enough to tell the language of a page.
const LANGUAGE_WORDS: usize = 600;
/// Words of the article enough to tell a headline that speaks of it.
const TEXT_WORDS: usize = 1000;

/// True when `word` (lowercased) is a stop word of any of the languages known.
pub fn is_stop_word(word: &str) -> bool {
    stoplists::languages_of(word) != 0
}

/// What a scrape reads as.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scraped {
    /// The headline, or else the first line (cut when it is a whole paragraph), or none for a
    /// scrape with no text.
    pub title: Option<String>,
    /// The article's own lines, in order, with the blank lines between them as the file has
    /// them (a blank line where furniture was left out between two of them).
    pub body: String,
    /// The lines left out as page furniture, in file order (not the headline).
    pub furniture: Vec<String>,
}

/// Reads the scraped `text` (sanitised, without front matter).
pub fn read(text: &str) -> Scraped {
    let lines = lines(text);
    if lines.is_empty() {
        return Scraped::default();
    }
    let stoplist = Stoplist::choose(
        lines.iter().map(|l| &l.counts),
        LANGUAGE_WORDS,
        MIN_LANGUAGE_SHARE,
    );
    let mut keep: Vec<bool> = classes::classify(&lines, stoplist)
        .into_iter()
        .map(|class| class == Class::Good)
        .collect();
    if keep.iter().any(|&k| k) {
        region::keep_densest(&lines, &mut keep);
        region::cut_at_section(&lines, &mut keep, furniture::opens_section);
        region::keep_closing_sentences(&lines, &mut keep, |line| is_sentence(line, stoplist));
    } else {
        // Nothing reads as an article (a note of a few short lines): keep all but what is
        // furniture by what it says.
        for (keep, line) in keep.iter_mut().zip(&lines) {
            *keep =
                !furniture::is_furniture(line.text) && line.text.chars().any(char::is_alphanumeric);
        }
    }
    // A photo's caption with its credit is where a page puts a picture, above the headline
    // as often as not: it does not start the article.
    while let Some(first) = keep.iter().position(|&k| k)
        && headline::ends_with_credit(lines[first].text)
    {
        keep[first] = false;
    }
    let start = keep.iter().position(|&k| k).unwrap_or(0);
    let text_words = text_words(&lines, &keep, start);
    let (title, title_line) = match headline::find(&lines, start, &text_words) {
        Some(at) => (Some(headline_text(lines[at].text)), Some(at)),
        None => {
            // As for any file without front matter: its first line of text, whole when it is
            // short.
            let (title, whole) = first_line_title(lines[start].text);
            (Some(title), whole.then_some(start))
        }
    };
    if let Some(at) = title_line {
        keep[at] = false;
    }
    Scraped {
        title,
        body: joined(text, &lines, &keep),
        furniture: lines
            .iter()
            .enumerate()
            .filter(|(i, _)| !keep[*i] && Some(*i) != title_line)
            .map(|(_, line)| line.text.to_owned())
            .collect(),
    }
}

/// The words of the headline's candidates (see [`headline::find`]) that the first
/// [`TEXT_WORDS`] words of the kept lines use too: all the headline needs to know of the text,
/// without a set of all its words. Only the candidates' content words are looked for, as only
/// they are asked about ([`headline::is_content_word`]), and the text is read no further once
/// all of them are found.
fn text_words(lines: &[Line], keep: &[bool], start: usize) -> FxHashSet<String> {
    let candidates = &lines[start.saturating_sub(headline::WINDOW)..lines.len().min(start + 1)];
    let mut wanted = Wanted::default();
    let mut buffer = String::new();
    for line in candidates {
        lines::for_each_stop_word(line.text, &mut buffer, |word| {
            if headline::is_content_word(word) {
                wanted.insert(word);
            }
        });
    }
    let (mut found, mut seen) = (0, 0);
    for line in lines.iter().zip(keep).filter(|(_, k)| **k).map(|(l, _)| l) {
        if seen >= TEXT_WORDS || found == wanted.words.len() {
            break;
        }
        lines::for_each_word(line.text, &mut buffer, |word| {
            seen += 1;
            if wanted.may_hold(word)
                && let Some(is_found) = wanted.words.get_mut(word)
                && !*is_found
            {
                *is_found = true;
                found += 1;
            }
        });
    }
    wanted
        .words
        .into_iter()
        .filter_map(|(word, found)| found.then_some(word))
        .collect()
}

/// The words a headline's candidates are looked for by, with a filter of their lengths and
/// first and last bytes that turns away nearly every other word of the text without hashing
/// it (two bits a word, as a Bloom filter sets them).
#[derive(Default)]
struct Wanted {
    /// Each word, and whether the text was found to use it.
    words: FxHashMap<String, bool>,
    filter: [u64; 8],
}

impl Wanted {
    fn insert(&mut self, word: &str) {
        if !self.words.contains_key(word) {
            for bit in Wanted::bits(word) {
                self.filter[bit / 64] |= 1 << (bit % 64);
            }
            self.words.insert(word.to_owned(), false);
        }
    }

    /// False only for a word that is not wanted.
    fn may_hold(&self, word: &str) -> bool {
        Wanted::bits(word)
            .iter()
            .all(|bit| self.filter[bit / 64] >> (bit % 64) & 1 == 1)
    }

    fn bits(word: &str) -> [usize; 2] {
        let bytes = word.as_bytes();
        let (first, last) = (bytes.first(), bytes.last());
        let mixed = (u32::from(*first.unwrap_or(&0)) | u32::from(*last.unwrap_or(&0)) << 8)
            ^ (bytes.len() as u32) << 16;
        let hash = mixed.wrapping_mul(0x9e37_79b1);
        [(hash >> 23) as usize, (hash >> 14) as usize & 511]
    }
}

/// A line that reads as a sentence of prose: a capital to start, a full stop to end, a few
/// words, some of them stop words, and nothing of furniture.
fn is_sentence(line: &Line, stoplist: Stoplist) -> bool {
    let density = stoplist.density(&line.counts);
    let line = line.text;
    let ends = line.trim_end_matches(['"', '\'', ')', '”', '’']);
    let words = line.split_whitespace().count();
    line.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && ends.ends_with(['.', '!', '?'])
        && words >= 4
        && (stoplist.is_none() || density > 0.0)
        && !furniture::is_furniture(line)
}

/// The title a line gives, and whether it took the whole line.
fn first_line_title(line: &str) -> (String, bool) {
    match atx_heading_text(line).filter(|t| !t.is_empty()) {
        Some(heading) => (heading.to_owned(), true),
        None => title_from_line(line),
    }
}

fn headline_text(line: &str) -> String {
    first_line_title(line).0
}

/// A line this long is no line of text wrapped by hand (at 72 or 80 columns).
const UNWRAPPED: usize = 100;

/// Whether the kept lines of `text` are each a paragraph of their own with no blank line
/// between, as a scraper keeps a page's blocks: no two neighbours have a blank line between
/// them, and some line is longer than text wrapped by hand. Markdown would run such lines
/// into one paragraph.
fn each_line_a_paragraph(text: &str, lines: &[Line], keep: &[bool]) -> bool {
    let kept = || lines.iter().enumerate().filter(|(i, _)| keep[*i]);
    let single = kept()
        .zip(kept().skip(1))
        .filter(|((a, _), (b, _))| a + 1 == *b)
        .all(|((_, a), (_, b))| text[a.end..b.start].matches('\n').count() == 1);
    single && kept().any(|(_, line)| line.length > UNWRAPPED)
}

/// The kept lines of `text`, each pair of neighbours separated as in the file (or by a blank
/// line, when [`each_line_a_paragraph`]), or by a blank line where lines were left out between
/// them.
fn joined(text: &str, lines: &[Line], keep: &[bool]) -> String {
    let apart = each_line_a_paragraph(text, lines, keep);
    let mut body = String::new();
    let mut last: Option<usize> = None;
    for (i, line) in lines.iter().enumerate().filter(|(i, _)| keep[*i]) {
        match last {
            Some(previous) if previous + 1 == i => {
                let between = &text[lines[previous].end..line.start];
                body.push_str(between);
                if apart {
                    body.push_str(between);
                }
            }
            Some(_) => body.push_str("\n\n"),
            None => {}
        }
        body.push_str(line.text);
        last = Some(i);
    }
    match last {
        // The end of the file as it is, when the body ends where the file does.
        Some(last) if last + 1 == lines.len() => body.push_str(&text[lines[last].end..]),
        Some(_) => body.push('\n'),
        None => {}
    }
    body
}

#[cfg(test)]
mod tests;
