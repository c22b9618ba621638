//! Which articles a list shows and in what order: the query, a sentiment bucket and a category
//! chosen in the reader, the read and starred marks, and the sort order. A library answers it
//! through its index and orders; a library still being opened, by scanning what has arrived.

use crate::article::{Article, Bucket};
use crate::marks::Marks;
use crate::query::{LabelFilter, Query, SortOrder};

use super::Library;

/// What to show and in what order.
#[derive(Debug, Clone, Copy)]
pub struct Selection<'a> {
    /// The query the articles must match.
    pub query: &'a Query,
    /// Only this bucket, if any.
    pub bucket: Option<Bucket>,
    /// Only articles whose category is exactly this, if any.
    pub category: Option<&'a str>,
    /// The order of the rows.
    pub order: SortOrder,
    /// Read and starred marks, for `is:` terms and `unread_only`.
    pub marks: &'a Marks,
    /// Only articles not marked read.
    pub unread_only: bool,
}

impl Selection<'_> {
    /// True when `article` is in the bucket and the category asked for, and unread if only
    /// those are (the query aside).
    pub(super) fn admits(&self, article: &Article) -> bool {
        self.bucket
            .is_none_or(|bucket| LabelFilter::Bucket(bucket).matches(article))
            && self.in_category(article)
            && self.unread_enough(&article.id)
    }

    /// True unless only unread articles are asked for and `id` is read.
    fn unread_enough(&self, id: &str) -> bool {
        !self.unread_only || !self.marks.is_read(id)
    }

    fn in_category(&self, article: &Article) -> bool {
        self.category
            .is_none_or(|c| article.category.as_deref() == Some(c))
    }

    /// The query with the bucket as one of its terms, for the index to answer.
    fn query_with_bucket(&self) -> Query {
        match self.bucket {
            Some(bucket) => self.query.clone().with_label(LabelFilter::Bucket(bucket)),
            None => self.query.clone(),
        }
    }
}

impl Library {
    /// The document numbers of the articles `selection` admits, in its order. Only the
    /// articles a term needs are decoded: a library taken whole from the cache and shown
    /// unfiltered in date order decodes none.
    pub fn select(&self, selection: &Selection) -> Vec<u32> {
        let found = self.search_marked(&selection.query_with_bucket(), selection.marks);
        let admitted = |doc: u32| {
            let unread = (self.name(doc)).is_some_and(|(id, _)| selection.unread_enough(id));
            unread
                && (selection.category.is_none()
                    || self
                        .article(doc)
                        .is_some_and(|article| selection.in_category(article)))
        };
        let in_order = found.iter().filter(|&d| admitted(d));
        let permutation = match (&self.orders, selection.order) {
            (_, SortOrder::Date) => return in_order.collect(),
            (Some(orders), SortOrder::Score) => &orders.by_score,
            (Some(orders), SortOrder::Title) => &orders.by_title,
            (None, order) => {
                let mut docs: Vec<u32> = in_order.collect();
                docs.sort_by(|&a, &b| {
                    order.compare(&self.articles[a as usize], &self.articles[b as usize])
                });
                return docs;
            }
        };
        permutation
            .iter()
            .copied()
            .filter(|&d| found.contains(d) && admitted(d))
            .collect()
    }
}
