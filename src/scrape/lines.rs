//! The lines of a scrape, with what the classifier needs to know of each.

use super::stoplists::StopCounts;

/// One non-empty line of a scrape.
#[derive(Debug, Clone)]
pub struct Line<'t> {
    /// The line as written, trimmed.
    pub text: &'t str,
    /// Where the trimmed line starts and ends in the scrape.
    pub start: usize,
    pub end: usize,
    /// Its length in characters, each CJK character counted as three: a CJK character carries
    /// about as much text as three Latin ones, and is written without spaces.
    pub length: usize,
    /// Its words and stop words, counted once.
    pub counts: StopCounts,
}

/// The non-empty lines of `text`, trimmed, with their places.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let start_of_raw = at;
        at += raw.len();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let start = start_of_raw + (raw.len() - raw.trim_start().len());
        lines.push(Line {
            text: trimmed,
            start,
            end: start + trimmed.len(),
            length: weighted_length(trimmed),
            counts: StopCounts::of(trimmed),
        });
    }
    lines
}

fn weighted_length(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    text.chars().map(|c| if is_cjk(c) { 3 } else { 1 }).sum()
}

/// Han, kana and hangul: scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

/// The words of `text` as the stop-word density counts them: a letter or digit followed by
/// letters, digits, apostrophes and hyphens, lowercased (`don’t` is `don't`).
pub fn stop_words(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = rest.find(char::is_alphanumeric)?;
        let word = &rest[start..];
        let end = word
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
            .unwrap_or(word.len());
        rest = &word[end..];
        Some(word[..end].to_lowercase().replace('’', "'"))
    })
}

/// Calls `each` with every word of `text` as [`stop_words`] gives them, without allocating
/// for words already in lower case (nearly all): this runs over every line of every scrape,
/// so ASCII is read byte by byte. (A word other than ASCII is lowercased a character at a
/// time, so a Greek word's final sigma is `σ` here, `ς` in [`stop_words`].)
pub fn for_each_word(text: &str, buffer: &mut String, each: impl FnMut(&str)) {
    words_folded(text, buffer, false, each);
}

/// Calls `each` with every word of `text` exactly as [`stop_words`] gives them, allocating
/// only for words other than ASCII that are not in lower case.
pub fn for_each_stop_word(text: &str, buffer: &mut String, each: impl FnMut(&str)) {
    words_folded(text, buffer, true, each);
}

/// What an ASCII byte is to a word, one bit each: what [`words_folded`] asks of every byte of
/// every line, answered by one load rather than a chain of comparisons.
const STARTS: u8 = 1;
const CONTINUES: u8 = 2;
const UPPER: u8 = 4;
const BYTE_CLASSES: [u8; 128] = {
    let mut classes = [0; 128];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        if b.is_ascii_alphanumeric() {
            classes[byte] = STARTS | CONTINUES;
        }
        if b == b'\'' || b == b'-' {
            classes[byte] = CONTINUES;
        }
        if b.is_ascii_uppercase() {
            classes[byte] |= UPPER;
        }
        byte += 1;
    }
    classes
};

/// The words of `text`, those not in lower case lowercased into `buffer`: a character at a
/// time, or (`whole`) as `str::to_lowercase` does.
fn words_folded(text: &str, buffer: &mut String, whole: bool, mut each: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // The start of the next word: an ASCII letter or digit, or a character that is one.
        let byte = bytes[at];
        if byte.is_ascii() {
            if BYTE_CLASSES[byte as usize] & STARTS == 0 {
                at += 1;
                continue;
            }
        } else {
            let Some(c) = text[at..].chars().next() else {
                break;
            };
            if !c.is_alphanumeric() {
                at += c.len_utf8();
                continue;
            }
        }
        let start = at;
        let mut upper = 0;
        let mut plain = true;
        while at < bytes.len() {
            let byte = bytes[at];
            if byte.is_ascii() {
                let class = BYTE_CLASSES[byte as usize];
                if class & CONTINUES == 0 {
                    break;
                }
                upper |= class;
                at += 1;
                continue;
            }
            match text[at..].chars().next() {
                Some(c) if c.is_alphanumeric() || c == '’' => {
                    plain = false;
                    at += c.len_utf8();
                }
                _ => break,
            }
        }
        plain &= upper & UPPER == 0;
        let word = &text[start..at];
        buffer.clear();
        if plain {
            each(word);
            continue;
        } else if word.is_ascii() {
            buffer.push_str(word);
            buffer.make_ascii_lowercase();
        } else if whole {
            buffer.push_str(&word.to_lowercase().replace('’', "'"));
        } else {
            for c in word.chars().flat_map(char::to_lowercase) {
                buffer.push(if c == '’' { '\'' } else { c });
            }
        }
        each(buffer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_trimmed_and_placed() {
        let text = "  Title \n\n\tBody text.\r\nEnd";
        let found = lines(text);
        let texts: Vec<&str> = found.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["Title", "Body text.", "End"]);
        for line in &found {
            assert_eq!(&text[line.start..line.end], line.text);
        }
    }

    #[test]
    fn cjk_counts_three() {
        assert_eq!(weighted_length("ab漢字"), 8);
    }

    #[test]
    fn words_without_allocating_are_the_words_with() {
        for text in [
            "Don’t stop, it's the U.S. way-out",
            "ÉTÉ été Straße",
            "",
            "--- 3.5 a",
        ] {
            let mut found = Vec::new();
            for_each_word(text, &mut String::new(), |w| found.push(w.to_owned()));
            assert_eq!(found, stop_words(text).collect::<Vec<_>>(), "{text}");
        }
    }

    #[test]
    fn stop_words_without_allocating_are_the_stop_words() {
        for text in [
            "Don’t stop, it's the U.S. way-out",
            "ÉTÉ été Straße ΟΔΟΣ ΟΔΟΣ-ΟΔΟΣ İstanbul",
            "",
            "--- 3.5 a",
        ] {
            let mut found = Vec::new();
            for_each_stop_word(text, &mut String::new(), |w| found.push(w.to_owned()));
            assert_eq!(found, stop_words(text).collect::<Vec<_>>(), "{text}");
        }
    }

    #[test]
    fn stop_words_keep_apostrophes_and_lowercase() {
        let words: Vec<String> = stop_words("Don’t stop, it's the U.S. way-out").collect();
        assert_eq!(words, ["don't", "stop", "it's", "the", "u", "s", "way-out"]);
    }
}
