//! The articles of a library being opened, as they arrive from its files: in the order they
//! were read, bodies dropped, no index yet. A selection is answered by scanning, which sees
//! titles, TL;DRs, categories and tags but not bodies.

use std::cmp::Ordering;

use crate::article::Article;
use crate::query::SortOrder;

use super::selection::Selection;

/// The articles read so far, by document number (the order they arrived in).
#[derive(Debug, Default)]
pub struct Arriving {
    articles: Vec<Article>,
}

impl Arriving {
    /// Adds articles that arrived; returns the document number of the first of them.
    pub fn extend(&mut self, articles: Vec<Article>) -> usize {
        let from = self.articles.len();
        self.articles.extend(articles);
        from
    }

    /// How many articles have arrived.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// True before the first article arrives.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Article `doc`.
    pub fn article(&self, doc: u32) -> Option<&Article> {
        self.articles.get(doc as usize)
    }

    /// Every article so far.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The document numbers of the articles `selection` admits, in its order.
    pub fn select(&self, selection: &Selection) -> Vec<u32> {
        let mut docs = self.scan(0, selection);
        self.sort(&mut docs, selection.order);
        docs
    }

    /// The articles from document `from` on that `selection` admits, merged into `visible`,
    /// which is already in the selection's order. Only the new ones are sorted; merging them
    /// in is linear, so a batch costs little more at 100,000 rows.
    pub fn admit_new(&self, from: usize, selection: &Selection, visible: &mut Vec<u32>) {
        let mut new = self.scan(from, selection);
        self.sort(&mut new, selection.order);
        let articles = &self.articles;
        let order = |a: u32, b: u32| {
            selection
                .order
                .compare(&articles[a as usize], &articles[b as usize])
        };
        *visible = merge(std::mem::take(visible), new, order);
    }

    fn scan(&self, from: usize, selection: &Selection) -> Vec<u32> {
        self.articles
            .iter()
            .enumerate()
            .skip(from)
            .filter(|(_, a)| {
                selection.admits(a) && selection.query.matches_marked(a, selection.marks)
            })
            .map(|(doc, _)| doc as u32)
            .collect()
    }

    fn sort(&self, docs: &mut [u32], order: SortOrder) {
        let articles = &self.articles;
        docs.sort_by(|&a, &b| order.compare(&articles[a as usize], &articles[b as usize]));
    }
}

/// Merges two sorted lists; on ties the one already shown comes first.
fn merge(old: Vec<u32>, new: Vec<u32>, order: impl Fn(u32, u32) -> Ordering) -> Vec<u32> {
    if new.is_empty() {
        return old;
    }
    let mut out = Vec::with_capacity(old.len() + new.len());
    let (mut old, mut new) = (old.into_iter().peekable(), new.into_iter().peekable());
    while let (Some(&a), Some(&b)) = (old.peek(), new.peek()) {
        if order(b, a) == Ordering::Less {
            out.push(b);
            new.next();
        } else {
            out.push(a);
            old.next();
        }
    }
    out.extend(old);
    out.extend(new);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_keeps_the_order() {
        let merged = merge(vec![1, 4, 6], vec![2, 3, 7], |a, b| a.cmp(&b));
        assert_eq!(merged, [1, 2, 3, 4, 6, 7]);
        assert_eq!(merge(vec![], vec![5], |a, b| a.cmp(&b)), [5]);
    }
}
