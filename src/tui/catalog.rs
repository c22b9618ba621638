//! The articles the reader shows: those streamed in while the library loads, then the finished
//! library with its index. Choosing the visible rows happens here, so that the model only
//! keeps the answer.

use std::cmp::Ordering;

use crate::article::{Article, Bucket, Sentiment};
use crate::library::Library;
use crate::loader::FileStamp;
use crate::marks::Marks;
use crate::query::Query;
use crate::query::{LabelFilter, SortOrder};

use super::orders::Orders;

/// The finished library, and its score and title orders once they have been worked out.
#[derive(Debug)]
pub struct Loaded {
    pub library: Library,
    orders: Option<Orders>,
    /// Documents whose score changed before the orders came, and which they may misplace.
    rescored: Vec<u32>,
}

impl Loaded {
    /// The library, without its orders yet: until they come, the list sorts its matches.
    pub fn new(library: Library) -> Loaded {
        Loaded {
            library,
            orders: None,
            rescored: Vec::new(),
        }
    }

    pub fn set_orders(&mut self, mut orders: Orders) {
        for doc in std::mem::take(&mut self.rescored) {
            let score = self.library.articles()[doc as usize].sentiment.score;
            orders.rescore(doc, score, self.library.articles());
        }
        self.orders = Some(orders);
    }

    #[cfg(test)]
    pub fn has_orders(&self) -> bool {
        self.orders.is_some()
    }

    /// Takes the sentiment written into the file of `doc` (see [`Library::set_sentiment`]),
    /// keeping the score order right.
    pub fn set_sentiment(&mut self, doc: u32, sentiment: Sentiment, stamp: Option<FileStamp>) {
        let score = sentiment.score;
        self.library.set_sentiment(doc, sentiment, stamp);
        match &mut self.orders {
            Some(orders) => orders.rescore(doc, score, self.library.articles()),
            None => self.rescored.push(doc),
        }
    }
}

/// Which articles to show and in what order.
#[derive(Debug, Clone, Copy)]
pub struct Selection<'a> {
    pub query: &'a Query,
    pub bucket: Option<Bucket>,
    pub category: Option<&'a str>,
    pub order: SortOrder,
    /// Read and starred marks, for `is:` terms.
    pub marks: &'a Marks,
}

impl Selection<'_> {
    /// The tests that the index does not answer.
    fn admits(&self, article: &Article) -> bool {
        self.bucket
            .is_none_or(|b| article.sentiment.bucket == Some(b))
            && self
                .category
                .is_none_or(|c| article.category.as_deref() == Some(c))
    }
}

/// The reader's articles.
#[derive(Debug)]
pub enum Catalog {
    /// Articles in the order they were read, bodies dropped and no index yet: searched by
    /// scanning, which sees titles, TL;DRs, categories and tags but not bodies.
    Streaming(Vec<Article>),
    Loaded(Box<Loaded>),
}

impl Default for Catalog {
    fn default() -> Catalog {
        Catalog::Streaming(Vec::new())
    }
}

impl Catalog {
    /// The articles, indexed by document number.
    pub fn articles(&self) -> &[Article] {
        match self {
            Catalog::Streaming(articles) => articles,
            Catalog::Loaded(loaded) => loaded.library.articles(),
        }
    }

    pub fn article(&self, doc: u32) -> Option<&Article> {
        self.articles().get(doc as usize)
    }

    pub fn library(&self) -> Option<&Library> {
        match self {
            Catalog::Streaming(_) => None,
            Catalog::Loaded(loaded) => Some(&loaded.library),
        }
    }

    pub fn loaded_mut(&mut self) -> Option<&mut Loaded> {
        match self {
            Catalog::Streaming(_) => None,
            Catalog::Loaded(loaded) => Some(loaded),
        }
    }

    /// The document numbers of the articles `selection` admits, in its order.
    pub fn select(&self, selection: &Selection) -> Vec<u32> {
        match self {
            Catalog::Streaming(articles) => {
                let mut docs = scan(articles, 0, selection);
                sort(articles, &mut docs, selection.order);
                docs
            }
            Catalog::Loaded(loaded) => select_loaded(loaded, selection),
        }
    }

    /// Streaming only: the articles from document `from` on that `selection` admits, merged
    /// into `visible`, which is already in the selection's order. Only the new batch is
    /// sorted; merging it in is linear, so a batch costs little more at 100,000 rows.
    pub fn admit_new(&self, from: usize, selection: &Selection, visible: &mut Vec<u32>) {
        if let Catalog::Streaming(articles) = self {
            let mut new = scan(articles, from, selection);
            sort(articles, &mut new, selection.order);
            let order = |a: u32, b: u32| {
                selection
                    .order
                    .compare(&articles[a as usize], &articles[b as usize])
            };
            *visible = merge(std::mem::take(visible), new, order);
        }
    }
}

fn scan(articles: &[Article], from: usize, selection: &Selection) -> Vec<u32> {
    articles
        .iter()
        .enumerate()
        .skip(from)
        .filter(|(_, a)| selection.admits(a) && selection.query.matches_marked(a, selection.marks))
        .map(|(doc, _)| doc as u32)
        .collect()
}

fn sort(articles: &[Article], docs: &mut [u32], order: SortOrder) {
    docs.sort_by(|&a, &b| order.compare(&articles[a as usize], &articles[b as usize]));
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

fn select_loaded(loaded: &Loaded, selection: &Selection) -> Vec<u32> {
    let library = &loaded.library;
    let articles = library.articles();
    let query = match selection.bucket {
        Some(bucket) => selection
            .query
            .clone()
            .with_label(LabelFilter::Bucket(bucket)),
        None => selection.query.clone(),
    };
    let found = library.search_marked(&query, selection.marks);
    let in_category = |doc: u32| {
        selection
            .category
            .is_none_or(|c| articles[doc as usize].category.as_deref() == Some(c))
    };
    let in_order = found.iter().filter(|&d| in_category(d));
    let permutation = match (&loaded.orders, selection.order) {
        (_, SortOrder::Date) => return in_order.collect(),
        (Some(orders), SortOrder::Score) => &orders.by_score,
        (Some(orders), SortOrder::Title) => &orders.by_title,
        (None, order) => {
            let mut docs: Vec<u32> = in_order.collect();
            sort(articles, &mut docs, order);
            return docs;
        }
    };
    permutation
        .iter()
        .copied()
        .filter(|&d| found.contains(d) && in_category(d))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Scale;

    use crate::tui::orders::SortKeys;

    fn sample_library() -> Library {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-articles");
        Library::load(&[folder.into()], &crate::reading::Reading::default())
    }

    fn assert_orders_sort(orders: &Orders, articles: &[Article]) {
        for (order, permutation) in [
            (SortOrder::Score, &orders.by_score),
            (SortOrder::Title, &orders.by_title),
        ] {
            let mut expected: Vec<u32> = (0..articles.len() as u32).collect();
            sort(articles, &mut expected, order);
            assert_eq!(permutation, &expected, "{order:?}");
        }
    }

    /// The permutations worked out once agree with sorting by `SortOrder`.
    #[test]
    fn permutations_are_the_sort_orders() {
        let library = sample_library();
        let orders = Orders::of(SortKeys::of(library.articles()));
        assert_orders_sort(&orders, library.articles());
    }

    /// A new score moves its article in the score order, whether it comes before or after
    /// the orders do; and without orders the list sorts the same.
    #[test]
    fn a_new_score_keeps_the_score_order_right() {
        let library = sample_library();
        let keys = SortKeys::of(library.articles());
        let mut loaded = Loaded::new(library);
        let query = Query::default();
        let marks = Marks::default();
        let selection = |order| Selection {
            query: &query,
            bucket: None,
            category: None,
            order,
            marks: &marks,
        };
        let mut sorted = Loaded::new(sample_library());
        sorted.set_orders(Orders::of(SortKeys::of(sorted.library.articles())));
        for order in [SortOrder::Score, SortOrder::Title] {
            assert_eq!(
                select_loaded(&loaded, &selection(order)),
                select_loaded(&sorted, &selection(order)),
                "{order:?} before and after the orders come"
            );
        }
        let unsorted = select_loaded(&loaded, &selection(SortOrder::Score));
        let lowest = *unsorted
            .iter()
            .rev()
            .find(|&&d| {
                loaded.library.articles()[d as usize]
                    .sentiment
                    .score
                    .is_some()
            })
            .unwrap();
        loaded.set_sentiment(
            lowest,
            Sentiment::from_file(Some(9.5), None, Scale::default()),
            None,
        );
        loaded.set_orders(Orders::of(keys));
        let orders = loaded.orders.clone().unwrap();
        assert_orders_sort(&orders, loaded.library.articles());
        assert_eq!(orders.by_score[0], lowest, "9.5 is the highest score");
        let top = orders.by_score[0];
        loaded.set_sentiment(
            top,
            Sentiment::from_file(Some(1.0), None, Scale::default()),
            None,
        );
        assert_orders_sort(loaded.orders.as_ref().unwrap(), loaded.library.articles());
    }

    #[test]
    fn merging_keeps_the_order() {
        let merged = merge(vec![1, 4, 6], vec![2, 3, 7], |a, b| a.cmp(&b));
        assert_eq!(merged, [1, 2, 3, 4, 6, 7]);
        assert_eq!(merge(vec![], vec![5], |a, b| a.cmp(&b)), [5]);
    }
}
