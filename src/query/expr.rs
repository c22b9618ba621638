//! A query as a tree: terms side by side must all hold, alternatives joined by `OR` need one,
//! and `-` before a group in parentheses excludes what the group matches.

use crate::article::Article;
use crate::marks::Marks;

use super::Clause;

/// A query's terms as a tree.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    /// Every one holds; an empty list holds for everything.
    All(Vec<Expr>),
    /// At least one holds.
    Any(Vec<Expr>),
    /// One term, itself maybe excluded (`-term`).
    Term(Clause),
    /// A group excluded: `-(a OR b)`.
    Not(Box<Expr>),
}

impl Default for Expr {
    fn default() -> Expr {
        Expr::All(Vec::new())
    }
}

impl Expr {
    /// True when there is no term at all.
    pub fn is_empty(&self) -> bool {
        match self {
            Expr::All(terms) | Expr::Any(terms) => terms.iter().all(Expr::is_empty),
            Expr::Term(_) => false,
            Expr::Not(inner) => inner.is_empty(),
        }
    }

    /// True when the article satisfies the tree, by a plain scan.
    pub fn holds_for(&self, article: &Article, marks: &Marks) -> bool {
        match self {
            Expr::All(terms) => terms.iter().all(|term| term.holds_for(article, marks)),
            Expr::Any(terms) => terms.iter().any(|term| term.holds_for(article, marks)),
            Expr::Term(clause) => clause.holds_for(article, marks),
            Expr::Not(inner) => !inner.holds_for(article, marks),
        }
    }

    /// Every term, wherever it stands.
    pub fn clauses(&self) -> Box<dyn Iterator<Item = &Clause> + '_> {
        match self {
            Expr::All(terms) | Expr::Any(terms) => {
                Box::new(terms.iter().flat_map(|term| term.clauses()))
            }
            Expr::Term(clause) => Box::new(std::iter::once(clause)),
            Expr::Not(inner) => inner.clauses(),
        }
    }

    /// The terms that select what they match, rather than exclude it: those under an even
    /// number of exclusions, themselves not excluded. A search marks their words.
    pub fn selecting_clauses(&self) -> Vec<&Clause> {
        let mut found = Vec::new();
        let mut stack = vec![(self, false)];
        while let Some((expr, excluded)) = stack.pop() {
            match expr {
                Expr::All(terms) | Expr::Any(terms) => {
                    stack.extend(terms.iter().rev().map(|term| (term, excluded)))
                }
                Expr::Term(clause) if clause.negated == excluded => found.push(clause),
                Expr::Term(_) => {}
                Expr::Not(inner) => stack.push((inner, !excluded)),
            }
        }
        found
    }
}
