//! Reading query text into a tree of terms: words and `field:value` terms side by side, `OR`
//! between alternatives, parentheses around groups, `-` before a term or a group, and `@name`
//! for a saved search.

use crate::marks::Mark;

use super::LabelFilter;
use super::range::{parse_dates, parse_scores};
use super::saved::QueryContext;
use super::{Clause, Expr, QueryError, Test, TextField, TextTest};
use crate::words::words;

/// How deeply parentheses and saved searches may nest: enough for any query a person writes,
/// and a bound on the work a hostile one can ask for.
const MAX_DEPTH: usize = 32;

/// The tree of `text`'s terms.
pub fn parse(text: &str, context: &QueryContext) -> Result<Expr, QueryError> {
    let tokens = tokens(text);
    let mut parser = Parser {
        tokens: &tokens,
        at: 0,
        context,
        expanding: Vec::new(),
    };
    let expr = parser.alternatives(0)?;
    match parser.tokens.get(parser.at) {
        None => Ok(expr),
        Some(Token::Close) => Err(QueryError("`)` closes no `(`".to_owned())),
        Some(_) => Err(QueryError(
            "the query could not be read to its end".to_owned(),
        )),
    }
}

/// A piece of query text.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Token<'t> {
    /// A term, `-` and quotes included: `oil`, `-"central bank"`, `title:chip`, `@energy`.
    Word(&'t str),
    /// `-` right before `(`: the group is excluded.
    Exclude,
    Open,
    Close,
    /// `OR`, in capitals.
    Or,
}

/// Splits at white space and around parentheses, outside double quotes; an unclosed quote runs
/// to the end.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut start = None;
    let mut quoted = false;
    fn end_word<'t>(tokens: &mut Vec<Token<'t>>, text: &'t str, from: Option<usize>, to: usize) {
        if let Some(from) = from {
            tokens.push(match &text[from..to] {
                "OR" => Token::Or,
                word => Token::Word(word),
            });
        }
    }
    for (at, c) in text.char_indices() {
        match c {
            '"' => {
                quoted = !quoted;
                start.get_or_insert(at);
            }
            '(' | ')' if !quoted => {
                let word = start.take();
                match (c, word.map(|from| &text[from..at])) {
                    ('(', Some("-")) => tokens.push(Token::Exclude),
                    _ => end_word(&mut tokens, text, word, at),
                }
                tokens.push(if c == '(' { Token::Open } else { Token::Close });
            }
            c if c.is_whitespace() && !quoted => end_word(&mut tokens, text, start.take(), at),
            _ => {
                start.get_or_insert(at);
            }
        }
    }
    end_word(&mut tokens, text, start, text.len());
    tokens
}

struct Parser<'p, 't> {
    tokens: &'p [Token<'t>],
    at: usize,
    context: &'p QueryContext<'p>,
    /// The saved searches being read, innermost last, so that one that refers to itself is
    /// caught.
    expanding: Vec<String>,
}

impl<'t> Parser<'_, 't> {
    fn peek(&self) -> Option<Token<'t>> {
        self.tokens.get(self.at).copied()
    }

    /// Groups of terms joined by `OR`.
    fn alternatives(&mut self, depth: usize) -> Result<Expr, QueryError> {
        let mut choices = vec![self.group(depth)?];
        while self.peek() == Some(Token::Or) {
            self.at += 1;
            let next = self.group(depth)?;
            if next.is_empty() || choices.last().is_some_and(Expr::is_empty) {
                return Err(QueryError("`OR` needs a term on each side".to_owned()));
            }
            choices.push(next);
        }
        if choices.len() > 1 && choices.first().is_some_and(Expr::is_empty) {
            return Err(QueryError("`OR` needs a term on each side".to_owned()));
        }
        Ok(match choices.len() {
            1 => choices.pop().unwrap_or_default(),
            _ => Expr::Any(choices),
        })
    }

    /// Terms side by side, up to `OR`, `)` or the end.
    fn group(&mut self, depth: usize) -> Result<Expr, QueryError> {
        let mut terms = Vec::new();
        while let Some(token) = self.peek() {
            match token {
                Token::Or | Token::Close => break,
                Token::Exclude => {
                    self.at += 1;
                    if self.peek() != Some(Token::Open) {
                        return Err(QueryError("`-(` must open a group".to_owned()));
                    }
                    terms.push(Expr::Not(Box::new(self.parenthesised(depth)?)));
                }
                Token::Open => terms.push(self.parenthesised(depth)?),
                Token::Word(word) => {
                    self.at += 1;
                    if let Some(term) = self.word(word, depth)? {
                        terms.push(term);
                    }
                }
            }
        }
        Ok(match terms.len() {
            1 => terms.pop().unwrap_or_default(),
            _ => Expr::All(terms),
        })
    }

    /// `( ... )`, the parser standing on `(`.
    fn parenthesised(&mut self, depth: usize) -> Result<Expr, QueryError> {
        if depth >= MAX_DEPTH {
            return Err(QueryError(format!(
                "groups nest more than {MAX_DEPTH} deep"
            )));
        }
        self.at += 1;
        let inner = self.alternatives(depth + 1)?;
        if self.peek() != Some(Token::Close) {
            return Err(QueryError("`(` is never closed".to_owned()));
        }
        self.at += 1;
        if inner.is_empty() {
            return Err(QueryError("`( )` holds no term".to_owned()));
        }
        Ok(inner)
    }

    /// One term, or the saved search it names; `None` for a word with nothing to search for.
    fn word(&mut self, word: &str, depth: usize) -> Result<Option<Expr>, QueryError> {
        let (negated, bare) = match word.strip_prefix('-') {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, word),
        };
        if let Some(name) = bare.strip_prefix('@').filter(|name| !name.is_empty()) {
            let saved = self.saved(name, depth)?;
            return Ok(Some(match negated {
                true => Expr::Not(Box::new(saved)),
                false => saved,
            }));
        }
        let test = test(bare, self.context)?;
        Ok(test.map(|test| Expr::Term(Clause { negated, test })))
    }

    /// The saved search `name`, read as a group of its own.
    fn saved(&mut self, name: &str, depth: usize) -> Result<Expr, QueryError> {
        let shown = crate::sanitize::sanitize_line(name);
        let Some(text) = self.context.saved.get(name) else {
            let known = self.context.saved.names();
            return Err(QueryError(match known.is_empty() {
                true => format!(
                    "no saved search is called `{shown}` (the configuration's `queries:` names them)"
                ),
                false => format!(
                    "no saved search is called `{shown}`; saved: {}",
                    known.join(", ")
                ),
            }));
        };
        if self.expanding.iter().any(|open| open == name) || depth >= MAX_DEPTH {
            return Err(QueryError(format!(
                "the saved search `{shown}` refers to itself"
            )));
        }
        let tokens = tokens(text);
        let mut inner = Parser {
            tokens: &tokens,
            at: 0,
            context: self.context,
            expanding: self.expanding.clone(),
        };
        inner.expanding.push(name.to_owned());
        let expr = inner
            .alternatives(depth + 1)
            .map_err(|error| QueryError(format!("in `@{shown}`: {error}")))?;
        if inner.at < tokens.len() {
            return Err(QueryError(format!("in `@{shown}`: `)` closes no `(`")));
        }
        Ok(expr)
    }
}

/// The test of one token, or `None` for a token with nothing to search for.
fn test(token: &str, context: &QueryContext) -> Result<Option<Test>, QueryError> {
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
                let interval = parse_dates(value, context.today).ok_or_else(|| {
                    malformed(
                        token,
                        "a date such as 2026-02, >=2026-01-15, 2025-12..2026-01, today or >=7d",
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
