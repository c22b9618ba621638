//! Splitting lowercased text into words and the breaks between clauses and sentences, which
//! bound negation and contrast.

/// One piece of text as the scorer sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    /// Letters and digits, with inner apostrophes (`didn't`) kept; a trailing `'s` is dropped.
    Word(&'a str),
    /// A comma, semicolon, colon, dash or bracket.
    Clause,
    /// A full stop, question or exclamation mark, or a blank line.
    Sentence,
}

/// The text up to the end of about its `max_words`-th word ([`prefix_end`]), lowercased, with typographic
/// apostrophes made plain so that `didn’t` reads as `didn't`.
pub fn lowered_prefix(text: &str, max_words: usize) -> String {
    let mut lowered = String::new();
    lower_prefix_into(text, max_words, &mut lowered);
    lowered
}

/// [`lowered_prefix`] into `out`, whose allocation is reused: an estimate lowercases each
/// piece of an article in turn.
///
/// One pass: runs of ASCII are copied and lowercased a byte at a time, and only the other
/// characters are decoded. The result is that of [`str::to_lowercase`] then replacing `’`,
/// which is done instead where a capital sigma makes the lowercase depend on the letters
/// around it.
pub fn lower_prefix_into(text: &str, max_words: usize, out: &mut String) {
    let end = match max_words {
        usize::MAX => text.len(),
        words => prefix_end(text, words.max(1)),
    };
    let prefix = &text[..end];
    out.clear();
    out.reserve(prefix.len());
    let mut rest = prefix;
    loop {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        let Some(c) = rest[ascii..].chars().next() else {
            return;
        };
        match c {
            '’' => out.push('\''),
            'Σ' => {
                out.clear();
                out.push_str(&prefix.to_lowercase().replace('’', "'"));
                return;
            }
            c => out.extend(c.to_lowercase()),
        }
        rest = &rest[ascii + c.len_utf8()..];
    }
}

/// The tokens of lowercased text. Links, cashtags (`$aapl`) and handles (`@user`) are
/// passed over: they name things and say nothing of how those things are going. Numbers keep
/// their decimal points and thousands separators (`12.3`, `1,500`), and a compound whose
/// second part only says what something runs on or who owns it (`coal-fired`, `state-owned`)
/// stays one word, so that `fired` in it is not read as a dismissal.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    tokens_into(text, Vec::with_capacity(text.len() / 5))
}

/// [`tokens`] into the allocation of `reused`, whose tokens (of another text) are dropped:
/// an estimate splits each piece of an article in turn.
pub fn tokens_into<'a>(text: &'a str, reused: Vec<Token<'_>>) -> Vec<Token<'a>> {
    let mut out = recycle(reused);
    push_tokens(text, &mut out);
    out
}

/// An emptied vector of tokens that may borrow another text, in the same allocation: a
/// `Vec` collected from its own emptied iterator keeps its buffer.
pub fn recycle<'a>(mut tokens: Vec<Token<'_>>) -> Vec<Token<'a>> {
    tokens.clear();
    tokens.into_iter().map(|_| Token::Clause).collect()
}

fn push_tokens<'a>(text: &'a str, out: &mut Vec<Token<'a>>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let next = bytes.get(at + 1).copied();
        // ASCII other than letters and digits, most of what lies between words, is judged by
        // its byte without decoding it.
        if byte.is_ascii() && !ALNUM[usize::from(byte)] {
            match byte {
                // A cashtag or a handle: the name is skipped, a price (`$162`) is kept.
                b'$' | b'@' if next.is_some_and(|b| b.is_ascii_alphabetic()) => {
                    at = word_end(text, at + 1);
                    continue;
                }
                b'.' if abbreviation(out.last(), next) => {}
                b'.' | b'!' | b'?' => push_break(out, Token::Sentence),
                b'\n' if next == Some(b'\n') => push_break(out, Token::Sentence),
                b',' | b';' | b':' | b'(' | b')' => push_break(out, Token::Clause),
                _ => {}
            }
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        if !c.is_alphanumeric() {
            if matches!(c, '—' | '–') {
                push_break(out, Token::Clause);
            }
            at += c.len_utf8();
            continue;
        }
        if let Some(end) = link_end(text, at) {
            at = end;
            continue;
        }
        let mut end = compound_end(text, word_end(text, at));
        // A percentage keeps its sign, so that it is not taken for an amount.
        if c.is_ascii_digit() && text[end..].starts_with('%') {
            end += 1;
        }
        let word = &text[at..end];
        out.push(Token::Word(word.strip_suffix("'s").unwrap_or(word)));
        at = end;
    }
}

/// Words written with a point after them that seldom end a sentence.
const ABBREVIATIONS: [&str; 16] = [
    "vs", "inc", "corp", "co", "ltd", "plc", "mr", "mrs", "ms", "dr", "st", "no", "adj", "approx",
    "est", "jr",
];

/// Whether a point after `last` marks an abbreviation rather than the end of a sentence: a
/// single letter (`u.s.`, `j.p.`), a word of [`ABBREVIATIONS`], or a point with a letter or
/// digit right after it.
fn abbreviation(last: Option<&Token<'_>>, next: Option<u8>) -> bool {
    let Some(Token::Word(word)) = last else {
        return false;
    };
    word.chars().count() == 1
        || ABBREVIATIONS.contains(word)
        || next.is_some_and(|b| b.is_ascii_alphanumeric())
}

/// Where a link starting at `start` ends, if one starts there.
fn link_end(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    let link = match rest.as_bytes().first() {
        Some(b'h') => rest.starts_with("http://") || rest.starts_with("https://"),
        Some(b'w') => rest.starts_with("www."),
        _ => false,
    };
    link.then(|| {
        rest.find(char::is_whitespace)
            .map_or(text.len(), |end| start + end)
    })
}

/// Second parts of compounds that make the whole a plain description.
const COMPOUND_TAILS: [&str; 12] = [
    "fired", "based", "owned", "listed", "backed", "led", "related", "driven", "focused", "linked",
    "powered", "run",
];

/// Where a word ending at `end` ends when it is the first part of a compound whose second
/// part is one of [`COMPOUND_TAILS`].
fn compound_end(text: &str, end: usize) -> usize {
    let Some(rest) = text[end..].strip_prefix('-') else {
        return end;
    };
    let tail_len = rest.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
    match COMPOUND_TAILS.contains(&&rest[..tail_len]) {
        true => end + 1 + tail_len,
        false => end,
    }
}

/// Where the word starting at `start` ends: letters and digits, apostrophes between them,
/// and in a number, points and commas between digits. ASCII is judged a byte at a time
/// through a table; other characters are decoded.
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    loop {
        while end < bytes.len() && ALNUM[usize::from(bytes[end])] {
            end += 1;
        }
        let Some(&byte) = bytes.get(end) else {
            return end;
        };
        let next = bytes.get(end + 1).copied();
        match byte {
            b'\'' if next.is_some_and(|n| n.is_ascii_alphanumeric() || n >= 0x80) => {
                // An apostrophe inside a word, if a letter or digit follows.
                let after = text[end + 1..].chars().next();
                if !after.is_some_and(char::is_alphanumeric) {
                    return end;
                }
                end += 1;
            }
            b'.' | b','
                if end > start
                    && bytes[end - 1].is_ascii_digit()
                    && next.is_some_and(|n| n.is_ascii_digit()) =>
            {
                end += 1;
            }
            0x80.. => match text[end..].chars().next() {
                Some(c) if c.is_alphanumeric() => end += c.len_utf8(),
                _ => return end,
            },
            _ => return end,
        }
    }
}

/// Which bytes are ASCII letters and digits.
static ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    table
};

/// Where the `words`-th run of text between white space ends, or the end of the text: about
/// as many words, found without reading them (`—` between spaces counts as one), which
/// costs far less than finding each word.
fn prefix_end(text: &str, words: usize) -> usize {
    let mut runs = 0;
    let mut was_space = true;
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        // Without a branch on the byte: most bytes are letters, and a branch on each would
        // be mispredicted at every word.
        let space = byte <= b' ';
        runs += usize::from(space & !was_space);
        if runs == words {
            return at;
        }
        was_space = space;
    }
    text.len()
}

/// Adds a break, the stronger one winning when two meet (", and." is one sentence break).
fn push_break<'a>(out: &mut Vec<Token<'a>>, token: Token<'a>) {
    match out.last_mut() {
        Some(last @ Token::Clause) => *last = token,
        Some(Token::Sentence) => {}
        _ => out.push(token),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Token::{Clause, Sentence, Word};

    #[test]
    fn words_keep_inner_apostrophes_and_drop_possessives() {
        assert_eq!(
            tokens("argentina's crop didn't grow"),
            [
                Word("argentina"),
                Word("crop"),
                Word("didn't"),
                Word("grow")
            ]
        );
    }

    #[test]
    fn punctuation_becomes_clause_and_sentence_breaks() {
        assert_eq!(
            tokens("rates rose 3.9%, but jobs fell. then"),
            [
                Word("rates"),
                Word("rose"),
                Word("3.9%"),
                Clause,
                Word("but"),
                Word("jobs"),
                Word("fell"),
                Sentence,
                Word("then")
            ]
        );
        assert_eq!(tokens("a,.b"), [Word("a"), Sentence, Word("b")]);
    }

    #[test]
    fn hyphens_split_words() {
        assert_eq!(
            tokens("better-than-expected"),
            [Word("better"), Word("than"), Word("expected")]
        );
    }

    #[test]
    fn numbers_keep_their_points_and_links_and_tickers_are_passed_over() {
        assert_eq!(
            tokens("$aapl up 1,500.5 to $162 https://t.co/x @bob."),
            [
                Word("up"),
                Word("1,500.5"),
                Word("to"),
                Word("162"),
                Sentence
            ]
        );
        assert_eq!(
            tokens("ends 2009. next"),
            [Word("ends"), Word("2009"), Sentence, Word("next")]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            tokens("u.s. eps vs. a year ago. next"),
            [
                Word("u"),
                Word("s"),
                Word("eps"),
                Word("vs"),
                Word("a"),
                Word("year"),
                Word("ago"),
                Sentence,
                Word("next")
            ]
        );
    }

    #[test]
    fn descriptive_compounds_stay_one_word() {
        assert_eq!(
            tokens("a biofuel-fired plant, well-run"),
            [
                Word("a"),
                Word("biofuel-fired"),
                Word("plant"),
                Clause,
                Word("well-run")
            ]
        );
        assert_eq!(tokens("low-cost"), [Word("low"), Word("cost")]);
    }

    #[test]
    fn the_prefix_ends_after_the_last_word_wanted() {
        assert_eq!(lowered_prefix("One Two, three four", 3), "one two, three");
        assert_eq!(
            lowered_prefix("It's 1,500.5 — déjà vu", 3),
            "it's 1,500.5 —"
        );
        assert_eq!(lowered_prefix("Didn’t", usize::MAX), "didn't");
        assert_eq!(lowered_prefix("ÉTÉ", 5), "été");
    }

    #[test]
    fn lowercasing_a_run_at_a_time_is_lowercasing_the_text() {
        for text in [
            "Plain ASCII, Only",
            "Didn’t İstanbul’s ÉTÉ — £120 MN",
            "ΟΔΟΣ ΣΑΣ: Σ and ’",
            "",
            "’",
        ] {
            let whole = text.to_lowercase().replace('’', "'");
            assert_eq!(lowered_prefix(text, usize::MAX), whole, "{text:?}");
        }
        let mut reused = String::from("left over");
        lower_prefix_into("New TEXT", usize::MAX, &mut reused);
        assert_eq!(reused, "new text");
    }
}
