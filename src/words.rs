//! Words, as search sees them: maximal runs of Unicode letters and digits, lowercased.
//! `Russia's` gives `russia` and `s`; `U.S.` gives `u` and `s`. Chinese and Japanese, written
//! without spaces between words, give each character as a word, so that a search for a word in
//! the middle of a sentence finds its characters in a row.

use std::borrow::Cow;

/// The length in bytes of the longest of `list`: a constant for word lists, so that a text
/// longer than any of their entries is not looked up at all.
pub const fn longest_len(list: &[&str]) -> usize {
    let (mut longest, mut i) = (0, 0);
    while i < list.len() {
        if list[i].len() > longest {
            longest = list[i].len();
        }
        i += 1;
    }
    longest
}

/// A character of Chinese or Japanese writing (a Han character or a kana), which is written
/// without spaces between words: counted as a word of its own, and read in pairs where the
/// words of a sentence are wanted.
pub fn is_unspaced(c: char) -> bool {
    // The kana blocks hold marks too (`・`, `゛`), which are no words.
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}')
        && c.is_alphanumeric()
}

/// What a character says, in letters of a Latin script: a character of Chinese or Japanese
/// about as much as three, which is what a length meant for Latin text counts it as.
pub fn letters_worth(c: char) -> usize {
    match is_unspaced(c) {
        true => 3,
        false => 1,
    }
}

/// The words of `text` with their byte offsets, as written (not lowercased).
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = next_boundary(text, at, true)?;
        let end = word_end(text, start);
        at = end;
        Some((start, &text[start..end]))
    })
}

/// The position of the next character at or after `from` that is (`alphanumeric`) or is not
/// a letter or digit. ASCII, nearly all of the text of most articles, is judged byte by byte;
/// other characters are decoded.
fn next_boundary(text: &str, from: usize, alphanumeric: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(&byte) = bytes.get(at) {
        if byte.is_ascii() {
            if byte.is_ascii_alphanumeric() == alphanumeric {
                return Some(at);
            }
            at += 1;
        } else {
            let c = text.get(at..).and_then(|rest| rest.chars().next())?;
            if c.is_alphanumeric() == alphanumeric {
                return Some(at);
            }
            at += c.len_utf8();
        }
    }
    None
}

/// Where the word starting at `start` ends: after its character when that is written without
/// spaces ([`is_unspaced`]), else before the first character that is not a letter or digit or
/// is written without spaces.
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = start;
    while let Some(&byte) = bytes.get(at) {
        if byte.is_ascii() {
            if !byte.is_ascii_alphanumeric() {
                return at;
            }
            at += 1;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            return at;
        };
        if is_unspaced(c) {
            return match at == start {
                true => at + c.len_utf8(),
                false => at,
            };
        }
        if !c.is_alphanumeric() {
            return at;
        }
        at += c.len_utf8();
    }
    text.len()
}

/// A word in the form search compares: lowercased as `str::to_lowercase` does (so that a
/// Greek word-final sigma becomes ς), without allocating when it already is lowercase.
pub fn normalize(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| !b.is_ascii_uppercase() && b.is_ascii())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(lowercase(word))
    }
}

/// `str::to_lowercase`, except that a dotted capital I (`İ`, as in "İstanbul") becomes a plain
/// `i`: Unicode lowercases it to `i` and a combining dot, which is not part of a word, so
/// "İstanbul" would otherwise not be found by "istanbul". Inside a word the dot can only have
/// come from that letter, since a combining mark alone is never part of a word.
fn lowercase(word: &str) -> String {
    let mut lower = word.to_lowercase();
    if lower.contains(COMBINING_DOT_ABOVE) {
        lower.retain(|c| c != COMBINING_DOT_ABOVE);
    }
    lower
}

const COMBINING_DOT_ABOVE: char = '\u{307}';

/// [`normalize`] into a buffer the caller keeps, for the index, which lowercases millions of
/// words: ASCII words are lowercased in place without allocating.
pub fn normalize_into<'a>(word: &'a str, buffer: &'a mut String) -> &'a str {
    if word
        .bytes()
        .all(|b| !b.is_ascii_uppercase() && b.is_ascii())
    {
        return word;
    }
    buffer.clear();
    if word.is_ascii() {
        buffer.push_str(word);
        buffer.make_ascii_lowercase();
    } else {
        buffer.push_str(&lowercase(word));
    }
    buffer
}

/// Whether two texts have the same words, compared as [`words`] gives them: ignoring case
/// and punctuation. Without allocating for words of ASCII, as in most titles.
pub fn same_words(a: &str, b: &str) -> bool {
    let mut a = word_spans(a).map(|(_, word)| word);
    let mut b = word_spans(b).map(|(_, word)| word);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.is_ascii() && y.is_ascii() => {
                if !x.eq_ignore_ascii_case(y) {
                    return false;
                }
            }
            (Some(x), Some(y)) => {
                if normalize(x) != normalize(y) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// The normalised words of `text`.
pub fn words(text: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    word_spans(text).map(|(_, word)| normalize(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        words(text).map(Cow::into_owned).collect()
    }

    #[test]
    fn splits_on_anything_but_letters_and_digits() {
        assert_eq!(
            all("Russia's U.S. supply-chain 5G"),
            ["russia", "s", "u", "s", "supply", "chain", "5g"]
        );
        assert_eq!(all("  ...  "), Vec::<String>::new());
    }

    #[test]
    fn same_words_ignore_case_and_punctuation_in_any_script() {
        assert!(same_words("Fed Holds Rates", "fed holds: rates!"));
        assert!(same_words("ÉCONOMIE d'Été", "économie d’été"));
        assert!(same_words("İstanbul", "istanbul"));
        assert!(!same_words("Fed holds rates", "Fed holds"));
        assert!(!same_words("Fed holds", "Fed holds rates"));
        assert!(!same_words("Straße", "strasse"));
        assert!(same_words("", "  ... "));
    }

    #[test]
    fn lowercases_any_script() {
        assert_eq!(
            all("ÉCONOMIE Straße ΑΘΗΝΑ"),
            ["économie", "straße", "αθηνα"]
        );
    }

    #[test]
    fn agrees_with_a_plain_character_scan() {
        let text = "Ünïcödé café, 東京 x2 — NAÏVE… ﬁne l'été\u{301} 12,5% ß";
        let expected: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .flat_map(|w| match w {
                "東京" => vec!["東", "京"],
                w => vec![w],
            })
            .collect();
        let found: Vec<&str> = word_spans(text).map(|(_, w)| w).collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn chinese_and_japanese_characters_are_words_of_their_own() {
        assert_eq!(
            all("央行下调存款准备金率0.5个百分点，日銀がETF購入"),
            [
                "央", "行", "下", "调", "存", "款", "准", "备", "金", "率", "0", "5", "个", "百",
                "分", "点", "日", "銀", "が", "etf", "購", "入"
            ]
        );
        let spans: Vec<(usize, &str)> = word_spans("Sony（ソニー）").collect();
        assert_eq!(spans, [(0, "Sony"), (7, "ソ"), (10, "ニ"), (13, "ー")]);
        assert_eq!(
            all("ソニー・グループ ・・・ ゠゛"),
            ["ソ", "ニ", "ー", "グ", "ル", "ー", "プ"]
        );
    }

    #[test]
    fn a_dotted_capital_i_lowercases_to_a_plain_i() {
        assert_eq!(all("İSTANBUL İzmir"), ["istanbul", "izmir"]);
        let mut buffer = String::new();
        assert_eq!(normalize_into("İstanbul", &mut buffer), "istanbul");
    }

    #[test]
    fn both_normalisers_agree_with_to_lowercase() {
        let mut buffer = String::new();
        for word in ["oil", "Oil", "ΕΛΛΑΣ", "ΦΩΣ", "Straße", "ǅemal", "東京"] {
            assert_eq!(normalize(word), word.to_lowercase());
            assert_eq!(normalize_into(word, &mut buffer), word.to_lowercase());
        }
    }

    #[test]
    fn reports_byte_offsets_of_words_as_written() {
        let spans: Vec<(usize, &str)> = word_spans("Oil, Ölpreis!").collect();
        assert_eq!(spans, [(0, "Oil"), (5, "Ölpreis")]);
    }
}
