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

/// The sentences of `paragraph`, each trimmed.
pub fn sentences(paragraph: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut start = 0;
    let bytes = paragraph.as_bytes();
    // ASCII bytes never occur inside another character's bytes, so each is a place to cut.
    let marks = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, b'.' | b'!' | b'?'));
    for (at, &mark) in marks {
        let c = char::from(mark);
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
            n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '(')
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

/// True when `before` (the text before a full stop) ends with an abbreviation or an initial.
fn ends_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_letter || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

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
