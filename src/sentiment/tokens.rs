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

/// The text up to the end of its `max_words`-th word, lowercased, with typographic
/// apostrophes made plain so that `didn’t` reads as `didn't`.
pub fn lowered_prefix(text: &str, max_words: usize) -> String {
    let end = if max_words == usize::MAX {
        text.len()
    } else {
        crate::words::word_spans(text)
            .nth(max_words.saturating_sub(1))
            .map_or(text.len(), |(start, word)| start + word.len())
    };
    let prefix = &text[..end];
    let mut lowered = if prefix.is_ascii() {
        prefix.to_ascii_lowercase()
    } else {
        prefix.to_lowercase()
    };
    if lowered.contains('’') {
        lowered = lowered.replace('’', "'");
    }
    lowered
}

/// The tokens of lowercased text.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut at = 0;
    while at < text.len() {
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        if c.is_alphanumeric() {
            let end = word_end(text, at);
            let word = &text[at..end];
            out.push(Token::Word(word.strip_suffix("'s").unwrap_or(word)));
            at = end;
            continue;
        }
        let next = bytes.get(at + 1).copied();
        let previous = at.checked_sub(1).and_then(|p| bytes.get(p).copied());
        match c {
            // A point between digits is a decimal point, not the end of a sentence.
            '.' if previous.is_some_and(|b| b.is_ascii_digit())
                && next.is_some_and(|b| b.is_ascii_digit()) => {}
            '.' | '!' | '?' => push_break(&mut out, Token::Sentence),
            '\n' if next == Some(b'\n') => push_break(&mut out, Token::Sentence),
            ',' | ';' | ':' | '(' | ')' | '—' | '–' => push_break(&mut out, Token::Clause),
            _ => {}
        }
        at += c.len_utf8();
    }
    out
}

/// Where the word starting at `start` ends: letters and digits, and apostrophes between them.
fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let inner_apostrophe = c == '\''
            && chars
                .peek()
                .is_some_and(|&(_, next)| next.is_alphanumeric());
        if !(c.is_alphanumeric() || inner_apostrophe) {
            break;
        }
        end = start + offset + c.len_utf8();
    }
    end
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
                Word("3"),
                Word("9"),
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
    fn the_prefix_ends_after_the_last_word_wanted() {
        assert_eq!(lowered_prefix("One Two, three four", 3), "one two, three");
        assert_eq!(lowered_prefix("Didn’t", usize::MAX), "didn't");
        assert_eq!(lowered_prefix("ÉTÉ", 5), "été");
    }
}
