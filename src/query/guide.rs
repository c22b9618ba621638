//! The query language in words, for people: the README's table of terms and the manual page
//! are made from this one text (a test keeps the README the same).

/// How terms combine.
pub const COMBINING: &str = "Terms side by side must all hold; `OR` (in capitals) between \
    them needs one side to, and binds looser than terms side by side, so `a b OR c` is \
    `(a b) OR c`; parentheses group, and `-` before a group excludes it. A lower-case `or` is \
    an ordinary word. An empty query matches everything.";

/// Each kind of term: how it is written, and what it matches.
pub const TERMS: &[(&[&str], &str)] = &[
    (
        &["sanction"],
        "a word starting with \"sanction\" in the title, a TL;DR item, the body, the category \
         or a tag (`port` does not match \"import\")",
    ),
    (
        &["supply-chain", "u.s", "\"oil pri\""],
        "words in a row within one field (the title, one TL;DR item, the body, the category or \
         one tag), each equal but the last, which is a prefix: `\"oil pri\"` matches \"oil \
         prices\"",
    ),
    (
        &["-term"],
        "excludes what `term` matches (any of the terms below too)",
    ),
    (
        &["title:oil", "category:tech", "tag:\"trade war\""],
        "the word or phrase in that field only (`category:tech` matches \"Technology\")",
    ),
    (&["source:reuters"], "part of the source URL, in any case"),
    (
        &["label:positive"],
        "positive (or bullish), neutral, negative (or bearish), untagged (no sentiment in the \
         file), or else part of the label as written",
    ),
    (
        &["score:>=7", "score:3..5", "score:<4.5"],
        "the score compared with `>=`, `<=`, `>`, `<`, `=` or an inclusive range; articles \
         without a score never match",
    ),
    (
        &[
            "date:2026",
            "date:2026-02",
            "date:>=2026-01-15",
            "date:2025-12-01..2026-01-15",
        ],
        "the date as written, by year, month or day; articles without a date never match",
    ),
    (
        &["date:today", "date:>=7d", "date:<2w", "date:3m..1m"],
        "a day counted back from today by the local calendar: days (`d`), weeks (`w`) or \
         months (`m`); `date:>=7d` is the last week, `date:<2w` anything older than two weeks",
    ),
    (
        &["oil OR gas", "(label:negative OR score:<3) -category:sport"],
        "either side; a group; a group excluded with `-( )`",
    ),
    (
        &["@energy"],
        "the saved search called `energy` (the configuration's `queries:`); an unknown name is \
         an error naming it",
    ),
    (
        &["is:read", "is:unread", "is:starred", "is:unstarred"],
        "the read and starred marks the reader keeps",
    ),
];

/// What a word is, and what is an error.
pub const WORDS: &str = "Words are runs of letters and digits, compared without case: \
    `Russia's` is the two words `russia` and `s`. A `field:` that is not one of these is plain \
    text. A malformed value (`score:>=abc`, `date:2026-13`), an unknown `@name` or unbalanced \
    parentheses are an error that says what was expected, with exit code 2.";

/// The terms as the README's Markdown table.
pub fn markdown_table() -> String {
    let mut out = String::from("| Term | Matches |\n|---|---|\n");
    for (written, meaning) in TERMS {
        let written: Vec<String> = written.iter().map(|w| format!("`{w}`")).collect();
        out += &format!("| {} | {meaning} |\n", written.join(", "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Query;

    /// Every example in the guide reads as a query (`-term` and `@energy` aside, which need
    /// a term and a saved search).
    #[test]
    fn every_example_reads() {
        for (written, _) in TERMS {
            for example in written.iter().filter(|w| !w.starts_with('@')) {
                assert!(Query::parse(example).is_ok(), "{example}");
            }
        }
    }

    #[test]
    fn the_readme_shows_the_guide() {
        let readme = include_str!("../../README.md");
        assert!(
            readme.contains(&markdown_table()),
            "README.md should show the query terms as the guide has them:\n{}",
            markdown_table()
        );
        for text in [COMBINING, WORDS] {
            let joined: String = readme.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(joined.contains(text), "README.md should say: {text}");
        }
    }
}
