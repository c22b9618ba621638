//! Answering a query's tree of terms with sets of documents: terms side by side intersect,
//! alternatives unite, exclusions subtract. Each term is asked only about the documents still
//! in question, and terms the index answers come first among terms side by side, so that the
//! others (which look at the articles themselves) look at as few as possible.

use crate::query::{Expr, Test};

use super::DocSet;

/// The documents of `within` that `expr` selects, `test` giving, for a term, those of the
/// documents it is shown that the term's test holds for (negation aside).
pub(crate) fn select(
    expr: &Expr,
    mut within: DocSet,
    test: &mut dyn FnMut(&Test, &DocSet) -> DocSet,
) -> DocSet {
    match expr {
        Expr::Term(clause) => {
            let found = test(&clause.test, &within);
            match clause.negated {
                true => within.subtract(&found),
                false => within.intersect(&found),
            }
            within
        }
        Expr::All(terms) => {
            let (indexed, other): (Vec<&Expr>, Vec<&Expr>) = terms.iter().partition(
                |term| matches!(term, Expr::Term(clause) if matches!(clause.test, Test::Text(_))),
            );
            for term in indexed.into_iter().chain(other) {
                if within.count() == 0 {
                    break;
                }
                within = select(term, within, test);
            }
            within
        }
        Expr::Any(terms) => {
            let mut found = within.emptied();
            for term in terms {
                found.union(&select(term, within.clone(), test));
            }
            found
        }
        Expr::Not(inner) => {
            let excluded = select(inner, within.clone(), test);
            within.subtract(&excluded);
            within
        }
    }
}
