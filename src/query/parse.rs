//! Reading query text into clauses.

use crate::marks::Mark;

use super::LabelFilter;
use super::range::{parse_dates, parse_scores};
use super::{Clause, QueryError, Test, TextField, TextTest};
use crate::words::words;

pub fn parse(text: &str) -> Result<Vec<Clause>, QueryError> {
    let mut clauses = Vec::new();
    for token in tokens(text) {
        let (negated, token) = match token.strip_prefix('-') {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, token),
        };
        if let Some(test) = test(token)? {
            clauses.push(Clause { negated, test });
        }
    }
    Ok(clauses)
}

/// Splits at white space outside double quotes; an unclosed quote runs to the end.
fn tokens(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut start = None;
    let mut quoted = false;
    for (at, c) in text.char_indices() {
        match c {
            '"' => {
                quoted = !quoted;
                start.get_or_insert(at);
            }
            c if c.is_whitespace() && !quoted => {
                if let Some(from) = start.take() {
                    tokens.push(&text[from..at]);
                }
            }
            _ => {
                start.get_or_insert(at);
            }
        }
    }
    if let Some(from) = start {
        tokens.push(&text[from..]);
    }
    tokens
}

/// The test of one token, or `None` for a token with nothing to search for.
fn test(token: &str) -> Result<Option<Test>, QueryError> {
    if let Some((name, value)) = token.split_once(':') {
        let value = unquote(value);
        let field = |field| {
            text_test(field, value)
                .map(Test::Text)
                .ok_or_else(|| needs(name, "a word or a \"phrase\""))
        };
        match name.to_lowercase().as_str() {
            "title" => return field(TextField::Title).map(Some),
            "category" => return field(TextField::Category).map(Some),
            "tag" => return field(TextField::Tag).map(Some),
            "source" if !value.is_empty() => return Ok(Some(Test::Source(value.to_lowercase()))),
            "source" => return Err(needs(name, "part of a web address")),
            "label" if !value.trim().is_empty() => {
                return Ok(Some(Test::Label(LabelFilter::parse(value.trim()))));
            }
            "label" => {
                return Err(needs(
                    name,
                    "positive, neutral, negative, untagged or part of a label",
                ));
            }
            "score" => {
                let interval = parse_scores(value)
                    .ok_or_else(|| malformed(token, "a score such as 7, >=7, <3 or 3..5"))?;
                return Ok(Some(Test::Score(interval)));
            }
            "is" => {
                let (mark, on) = match value.to_lowercase().as_str() {
                    "read" => (Mark::Read, true),
                    "unread" => (Mark::Read, false),
                    "starred" => (Mark::Starred, true),
                    "unstarred" => (Mark::Starred, false),
                    _ => {
                        return Err(malformed(
                            token,
                            "is:read, is:unread, is:starred or is:unstarred",
                        ));
                    }
                };
                return Ok(Some(Test::Marked { mark, on }));
            }
            "date" => {
                let interval = parse_dates(value).ok_or_else(|| {
                    malformed(
                        token,
                        "a date such as 2026, 2026-02, >=2026-01-15 or 2025-12-01..2026-01-15",
                    )
                })?;
                return Ok(Some(Test::Date(interval)));
            }
            _ => {}
        }
    }
    Ok(text_test(TextField::Any, unquote(token)).map(Test::Text))
}

fn text_test(field: TextField, text: &str) -> Option<TextTest> {
    let words: Vec<String> = words(text).map(|w| w.into_owned()).collect();
    (!words.is_empty()).then_some(TextTest { field, words })
}

/// The text between double quotes, or all of it when it is not quoted.
fn unquote(text: &str) -> &str {
    let inner = text.strip_prefix('"').unwrap_or(text);
    inner.strip_suffix('"').unwrap_or(inner)
}

fn needs(name: &str, what: &str) -> QueryError {
    QueryError(format!("{}: needs {what}", name.to_lowercase()))
}

fn malformed(token: &str, expected: &str) -> QueryError {
    QueryError(format!(
        "\"{}\": expected {expected}",
        crate::sanitize::sanitize_line(token)
    ))
}
