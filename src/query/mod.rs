//! The query language, shared by `list --query`, `stats --query` and the reader's search bar.
//!
//! A query is terms that must all hold, or alternatives joined by `OR`:
//!
//! - `sanction` matches an article with a word starting with "sanction" in its title, a TL;DR
//!   item, its body, its category or a tag;
//! - `supply-chain` and `"oil pri"` match words in a row within one field, each equal but the
//!   last, which is a prefix;
//! - `title:`, `category:` and `tag:` restrict a term or phrase to that field; `source:` is part
//!   of the source URL; `label:` is a sentiment (positive, neutral, negative, untagged, or part
//!   of the label as written);
//! - `score:` and `date:` compare: `score:>=7`, `score:3..5`, `date:2026-02`, `date:<2026`,
//!   and dates before today: `date:today`, `date:>=7d`, `date:<2w`, `date:3m..1m`;
//! - `is:read`, `is:unread`, `is:starred` and `is:unstarred` follow the reader's marks;
//! - `-` before any term, or before a group in parentheses, excludes what it matches;
//! - `oil OR gas` matches either; terms side by side bind tighter than `OR` (`a b OR c` is
//!   `(a b) OR c`), parentheses group; a lower-case `or` is a word;
//! - `@name` stands for the saved search of that name.
//!
//! The query is parsed once and then matched many times, by the index or, as here, by a plain
//! scan of an article's text that serves as the reference.

mod expr;
pub mod guide;
mod highlight;
mod label;
mod order;
mod parse;
mod range;
mod saved;

use jiff::civil::Date;

pub(crate) use expr::Expr;
pub use highlight::Place;
pub use label::LabelFilter;
pub use order::SortOrder;
pub(crate) use range::Interval;
pub use saved::{QueryContext, SavedQueries};

use crate::article::Article;
use crate::marks::{Mark, Marks};
use crate::words::words;

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    expr: Expr,
}

/// One term, possibly negated.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Clause {
    /// True for `-term`: the clause holds when the test does not.
    pub negated: bool,
    pub test: Test,
}

/// What one term asks of an article.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Test {
    /// Words in a row within one field, each equal but the last, which is a prefix.
    Text(TextTest),
    /// Part of the source URL, lowercased.
    Source(String),
    Label(LabelFilter),
    Score(Interval<f64>),
    /// Compared with the date part of the article's date, as written.
    Date(Interval<Date>),
    /// `is:read` and the like: the article carries the mark (`on`) or does not.
    Marked {
        mark: Mark,
        on: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextTest {
    pub field: TextField,
    /// Normalised words; never empty.
    pub words: Vec<String>,
}

/// Which text a term searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum TextField {
    /// Title, each TL;DR item, body, category and each tag.
    Any,
    Title,
    Category,
    /// Each tag.
    Tag,
}

/// A query that cannot be read, with a message fit to show as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct QueryError(pub String);

impl Query {
    /// Parses query text, with today's date from the system's clock and no saved searches.
    /// Words without letters or digits (`-`, `"..."`) are ignored; an unknown `field:` is
    /// plain text; a malformed `score:` or `date:` value, an unknown `@name` or unbalanced
    /// parentheses are errors.
    pub fn parse(text: &str) -> Result<Query, QueryError> {
        Query::parse_in(text, &QueryContext::now(&SavedQueries::default()))
    }

    /// Parses query text, `@name` and relative dates read in `context`.
    pub fn parse_in(text: &str, context: &QueryContext) -> Result<Query, QueryError> {
        parse::parse(text, context).map(|expr| Query { expr })
    }

    /// True when the query has no terms and so matches everything.
    pub fn is_empty(&self) -> bool {
        self.expr.is_empty()
    }

    /// Every term, wherever it stands in the tree.
    #[cfg(test)]
    pub(crate) fn clauses(&self) -> Vec<&Clause> {
        self.expr.clauses().collect()
    }

    /// The query's terms, as a tree of `AND`, `OR` and exclusions.
    pub(crate) fn expr(&self) -> &Expr {
        &self.expr
    }

    /// True when an `is:` term asks for the reader's marks.
    pub fn has_marks(&self) -> bool {
        (self.expr.clauses()).any(|clause| matches!(clause.test, Test::Marked { .. }))
    }

    /// Matches by scanning the article's text, every article unread and unstarred: the
    /// reference the index must agree with.
    pub fn matches(&self, article: &Article) -> bool {
        self.matches_marked(article, &Marks::default())
    }

    /// Matches by scanning the article's text, with `marks` answering `is:` terms.
    pub fn matches_marked(&self, article: &Article, marks: &Marks) -> bool {
        self.expr.holds_for(article, marks)
    }

    /// This query, further restricted to a sentiment.
    pub fn with_label(self, label: LabelFilter) -> Query {
        let term = Expr::Term(Clause {
            negated: false,
            test: Test::Label(label),
        });
        let expr = match self.expr {
            Expr::All(mut terms) => {
                terms.push(term);
                Expr::All(terms)
            }
            other => Expr::All(vec![other, term]),
        };
        Query { expr }
    }
}

impl Clause {
    /// True when the article satisfies the clause, negation included, by a plain scan.
    pub fn holds_for(&self, article: &Article, marks: &Marks) -> bool {
        self.test.holds_for(article, marks) != self.negated
    }
}

impl Test {
    /// True when the article satisfies the test (negation aside), by a plain scan.
    pub(crate) fn holds_for(&self, article: &Article, marks: &Marks) -> bool {
        match self {
            Test::Marked { mark, on } => marks.has(*mark, &article.id) == *on,
            Test::Text(text) => text
                .field_items(article)
                .any(|item| text.matches_text(item)),
            Test::Source(part) => article
                .source_url
                .as_deref()
                .is_some_and(|url| contains_ignoring_case(url, part)),
            Test::Label(filter) => filter.matches(article),
            Test::Score(interval) => article
                .sentiment
                .score
                .is_some_and(|score| interval.contains(&score)),
            Test::Date(interval) => article
                .date
                .is_some_and(|date| interval.contains(&date.date())),
        }
    }
}

/// The texts search looks in, field item by field item: the title, each TL;DR item, the body,
/// the category and each tag. The index and the plain scan both take them from here.
pub fn searchable_texts(article: &Article) -> impl Iterator<Item = (Place, &str)> {
    std::iter::once((Place::Title, article.title.as_str()))
        .chain(article.tldr.iter().map(|item| (Place::Tldr, item.as_str())))
        .chain(std::iter::once((Place::Body, article.body.as_str())))
        .chain(
            article
                .category
                .iter()
                .map(|c| (Place::Category, c.as_str())),
        )
        .chain(article.tags.iter().map(|tag| (Place::Tag, tag.as_str())))
}

/// True when `text` contains `lowercase_part` once both are lowercased. The library answers
/// `source:` from URLs lowercased once at load; this is the definition it must agree with.
fn contains_ignoring_case(text: &str, lowercase_part: &str) -> bool {
    text.to_lowercase().contains(lowercase_part)
}

impl TextTest {
    /// The texts this test searches, each of which must hold a match on its own.
    pub fn field_items<'a>(&self, article: &'a Article) -> impl Iterator<Item = &'a str> {
        let field = self.field;
        searchable_texts(article)
            .filter(move |(place, _)| place.searched_by(field))
            .map(|(_, text)| text)
    }

    /// True when `text` holds the words in a row, the last as a prefix.
    pub fn matches_text(&self, text: &str) -> bool {
        let found: Vec<_> = words(text).collect();
        found
            .windows(self.words.len())
            .any(|window| self.matches_window(window))
    }

    /// True when `window` (as many words as the test has) matches.
    pub fn matches_window<S: AsRef<str>>(&self, window: &[S]) -> bool {
        let Some((last, exact)) = self.words.split_last() else {
            return false;
        };
        window.len() == self.words.len()
            && exact
                .iter()
                .zip(window)
                .all(|(wanted, found)| found.as_ref() == wanted)
            && window
                .last()
                .is_some_and(|found| found.as_ref().starts_with(last.as_str()))
    }
}

#[cfg(test)]
mod tests;
