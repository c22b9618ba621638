//! Cutting a paragraph into sentences: after `.`, `!` or `?` (and any closing quote or
//! bracket) followed by a space and what can start a sentence, unless the full stop ends an
//! abbreviation or an initial.

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "no", "vs", "etc", "e.g", "i.e",
    "inc", "ltd", "co", "corp", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "capt", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k",
    "u.n", "a.m", "p.m", "fig", "approx", "dept", "est", "al",
];

/// Marks that end a sentence in Chinese and Japanese, where no space follows them.
const FULL_WIDTH_ENDS: [char; 3] = ['。', '！', '？'];
/// Quotes and brackets that close after such a mark, and belong to the sentence it ends.
pub const FULL_WIDTH_CLOSERS: [char; 7] = ['」', '』', '）', '】', '”', '’', ')'];

/// The sentences of `paragraph`, each trimmed.
pub fn sentences(paragraph: &str) -> Vec<&str> {
    // The full-width marks start with these bytes, which other scripts' text seldom holds: a
    // paragraph without them is not looked through for the marks.
    let may_be_unspaced = paragraph.bytes().any(|b| b == 0xE3 || b == 0xEF);
    if may_be_unspaced && paragraph.contains(FULL_WIDTH_ENDS) {
        return after_full_width_marks(paragraph)
            .flat_map(spaced_sentences)
            .collect();
    }
    spaced_sentences(paragraph)
}

/// `paragraph` cut after each full-width mark that ends a sentence (with the closing quotes
/// after it), each piece trimmed. A mark inside a quote that the sentence goes on after
/// (`「…。」と述べた`, `“…。” on every bulletin`) ends none.
fn after_full_width_marks(paragraph: &str) -> impl Iterator<Item = &str> {
    let mut rest = paragraph;
    std::iter::from_fn(move || {
        let rest_now = rest.trim_start();
        if rest_now.is_empty() {
            return None;
        }
        let mut from = 0;
        let end = loop {
            let Some(at) = rest_now[from..].find(FULL_WIDTH_ENDS).map(|at| from + at) else {
                break rest_now.len();
            };
            let after_mark = rest_now[at..].trim_start_matches(FULL_WIDTH_ENDS);
            let after = after_mark.trim_start_matches(FULL_WIDTH_CLOSERS);
            let end = rest_now.len() - after.len();
            let quoted = after.len() < after_mark.len();
            if !(quoted && goes_on(after)) {
                break end;
            }
            from = end;
        };
        rest = &rest_now[end..];
        Some(rest_now[..end].trim_end())
    })
}

/// Whether a sentence goes on with `after`, what follows a closing quote: a Japanese particle
/// (`と`, `を`), a comma, or a word in lower case.
fn goes_on(after: &str) -> bool {
    let mut chars = after.chars();
    match chars.next() {
        Some('\u{3041}'..='\u{309F}' | '、' | '，' | ',') => true,
        Some(' ') => chars.next().is_some_and(|c| c.is_lowercase()),
        Some(c) => c.is_lowercase(),
        None => false,
    }
}

/// The sentences of `paragraph` as languages that put a space after a sentence end them.
fn spaced_sentences(paragraph: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut start = 0;
    let bytes = paragraph.as_bytes();
    // ASCII bytes never occur inside another character's bytes, so each is a place to cut.
    let mut from = 0;
    while let Some(at) = next_mark(bytes, from) {
        from = at + 1;
        let c = char::from(bytes[at]);
        let mut end = at + 1;
        while let Some(&b) = bytes.get(end) {
            if matches!(b, b'"' | b'\'' | b')' | b']') {
                end += 1;
            } else if paragraph[end..].starts_with(['”', '’']) {
                end += paragraph[end..].chars().next().map_or(1, char::len_utf8);
            } else {
                break;
            }
        }
        let rest = &paragraph[end..];
        let Some(next) = rest.strip_prefix(' ').map(str::trim_start) else {
            continue;
        };
        let starts = next.chars().next().is_some_and(|n| {
            n.is_uppercase()
                || is_caseless_letter(n)
                || n.is_ascii_digit()
                || matches!(n, '"' | '“' | '‘' | '(')
        });
        if !starts || (c == '.' && ends_abbreviation(&paragraph[start..at])) {
            continue;
        }
        let sentence = paragraph[start..end].trim();
        if !sentence.is_empty() {
            found.push(sentence);
        }
        start = end;
    }
    let last = paragraph[start..].trim();
    if !last.is_empty() {
        found.push(last);
    }
    found
}

/// Where the next `.`, `!` or `?` at or after `from` is. Every byte of every article given an
/// estimated TL;DR is looked at here, so eight at a time: a byte equal to a mark is the lowest
/// byte that comes out as zero when the mark is subtracted from each (bytes above it may
/// borrow, bytes below it cannot).
fn next_mark(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let found = zero_bytes(word ^ (ONES * u64::from(b'.')))
            | zero_bytes(word ^ (ONES * u64::from(b'!')))
            | zero_bytes(word ^ (ONES * u64::from(b'?')));
        if found != 0 {
            return Some(at + found.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    let rest = bytes.get(at..)?;
    rest.iter()
        .position(|b| matches!(b, b'.' | b'!' | b'?'))
        .map(|p| at + p)
}

/// A letter of a script without capitals (Arabic, Hebrew, Devanagari, ...), where any letter
/// may start a sentence.
pub fn is_caseless_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

/// True when `before` (the text before a full stop) ends with an abbreviation or an initial.
fn ends_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let mut chars = word.chars();
    let single_letter = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    single_letter
        || word.len() <= LONGEST_ABBREVIATION
            && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Most words before a full stop are longer than any abbreviation, and are not looked up.
const LONGEST_ABBREVIATION: usize = crate::words::longest_len(ABBREVIATIONS);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mark_is_found_in_order() {
        let text = "a.b!c?d........x?é.ü!12345678901234567890.end?";
        let expected: Vec<usize> = text
            .bytes()
            .enumerate()
            .filter(|(_, b)| matches!(b, b'.' | b'!' | b'?'))
            .map(|(at, _)| at)
            .collect();
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = next_mark(text.as_bytes(), from) {
            found.push(at);
            from = at + 1;
        }
        assert_eq!(found, expected);
    }

    #[test]
    fn chinese_and_japanese_sentences_end_at_their_full_width_marks() {
        assert_eq!(
            sentences(
                "央行周五宣布降准。此举将释放资金约一万亿元！市场会怎样？他说：“不会。”Then it rose. It fell."
            ),
            [
                "央行周五宣布降准。",
                "此举将释放资金约一万亿元！",
                "市场会怎样？",
                "他说：“不会。”",
                "Then it rose.",
                "It fell."
            ]
        );
        assert_eq!(
            sentences("日銀は据え置いた。「慎重に見極める」と述べた。"),
            ["日銀は据え置いた。", "「慎重に見極める」と述べた。"]
        );
        assert_eq!(
            sentences("総裁は「方針に変わりはない。」と述べ、けん制した。市場は落ち着いた。"),
            [
                "総裁は「方針に変わりはない。」と述べ、けん制した。",
                "市場は落ち着いた。"
            ]
        );
        assert_eq!(
            sentences(
                "State media ran the slogan “共同富裕是社会主义的本质要求。” on every bulletin. It worked."
            ),
            [
                "State media ran the slogan “共同富裕是社会主义的本质要求。” on every bulletin.",
                "It worked."
            ]
        );
    }

    #[test]
    fn sentences_end_where_a_reader_would_end_them() {
        assert_eq!(
            sentences(
                "Mr. Smith went to the U.S. on Jan. 5. He said “no.” Then he left! Why? 3 more."
            ),
            [
                "Mr. Smith went to the U.S. on Jan. 5.",
                "He said “no.”",
                "Then he left!",
                "Why?",
                "3 more."
            ]
        );
        assert_eq!(
            sentences("J. R. Smith spoke. Prices fell 2.5 per cent."),
            ["J. R. Smith spoke.", "Prices fell 2.5 per cent."]
        );
    }
}
