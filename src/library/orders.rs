//! The score and title orders of a library, as permutations of its document numbers (its own
//! order, by date, is the documents' order). Sorting the matches is then a filter over a
//! permutation, a fraction of a millisecond at 100,000 articles instead of tens of
//! milliseconds of title comparisons on every keystroke. A front end works them out on
//! another thread after it shows the library (see [`super::Warmup`]), so that the complete
//! list appears without waiting for them.

use std::cmp::Ordering;

use crate::article::Article;

/// What the orders are made from: the title, id and score of each document.
#[derive(Debug)]
pub struct SortKeys {
    keys: Vec<(String, String, Option<f64>)>,
}

impl SortKeys {
    /// The keys of `articles`, in document order.
    pub fn of<'a>(articles: impl Iterator<Item = &'a Article>) -> SortKeys {
        let keys = articles
            .map(|a| (a.title.clone(), a.id.clone(), a.sentiment.score))
            .collect();
        SortKeys { keys }
    }
}

/// The documents in `SortOrder::Score` and `SortOrder::Title` order.
#[derive(Debug, Clone, PartialEq)]
pub struct Orders {
    /// Most positive first, unscored last.
    pub by_score: Vec<u32>,
    /// Alphabetical, ignoring case.
    pub by_title: Vec<u32>,
    /// Each document's place in `by_title`: the tie-break of the score order.
    title_rank: Vec<u32>,
}

impl Orders {
    /// The orders of the documents `keys` describe.
    pub fn of(keys: SortKeys) -> Orders {
        let keys = keys.keys;
        // `SortOrder::Title` compares titles lowercased, then as written, then ids; each title
        // is lowercased once here rather than on every comparison (a string's bytes order as
        // its characters do).
        let mut by_title: Vec<u32> = (0..keys.len() as u32).collect();
        by_title.sort_by_cached_key(|&doc| {
            let (title, id, _) = &keys[doc as usize];
            let lower: String = title.chars().flat_map(char::to_lowercase).collect();
            (lower, title.as_str(), id.as_str())
        });
        let mut title_rank = vec![0u32; keys.len()];
        for (rank, &doc) in by_title.iter().enumerate() {
            title_rank[doc as usize] = rank as u32;
        }
        let mut by_score = by_title.clone();
        by_score.sort_by(|&a, &b| {
            score_then_title(
                (keys[a as usize].2, title_rank[a as usize]),
                (keys[b as usize].2, title_rank[b as usize]),
            )
        });
        Orders {
            by_score,
            by_title,
            title_rank,
        }
    }

    /// Moves document `doc` to its place in the score order now that its score is `score`;
    /// `score_of` gives every other document's. The others keep their places, so this is one
    /// removal and one insertion.
    pub fn rescore(&mut self, doc: u32, score: Option<f64>, score_of: impl Fn(u32) -> Option<f64>) {
        let Some(at) = self.by_score.iter().position(|&d| d == doc) else {
            return;
        };
        self.by_score.remove(at);
        let key = |d: u32| (score_of(d), self.title_rank[d as usize]);
        let moved = (score, self.title_rank[doc as usize]);
        let to = self
            .by_score
            .partition_point(|&d| score_then_title(key(d), moved) == Ordering::Less);
        self.by_score.insert(to, doc);
    }
}

/// `SortOrder::Score`: most positive first, unscored last, ties by title rank.
fn score_then_title(a: (Option<f64>, u32), b: (Option<f64>, u32)) -> Ordering {
    let by_score = match (a.0, b.0) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    by_score.then_with(|| a.1.cmp(&b.1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Scale, Sentiment};
    use crate::library::{Library, Selection};
    use crate::marks::Marks;
    use crate::query::{Query, SortOrder};
    use crate::reading::Reading;

    fn sample_library() -> Library {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-articles");
        Library::load(&[folder.into()], &Reading::default())
    }

    fn sort(articles: &[Article], docs: &mut [u32], order: SortOrder) {
        docs.sort_by(|&a, &b| order.compare(&articles[a as usize], &articles[b as usize]));
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
        let orders = library.warmup().orders();
        assert_orders_sort(&orders, library.articles());
    }

    /// A new score moves its article in the score order, whether it comes before or after
    /// the orders do; and without orders the list sorts the same.
    #[test]
    fn a_new_score_keeps_the_score_order_right() {
        let mut loaded = sample_library();
        let keys = loaded.warmup().orders();
        let query = Query::default();
        let marks = Marks::default();
        let selection = |order| Selection {
            query: &query,
            bucket: None,
            category: None,
            order,
            marks: &marks,
            unread_only: false,
        };
        let mut sorted = sample_library();
        sorted.set_orders(sorted.warmup().orders());
        for order in [SortOrder::Score, SortOrder::Title] {
            assert_eq!(
                loaded.select(&selection(order)),
                sorted.select(&selection(order)),
                "{order:?} before and after the orders come"
            );
        }
        let unsorted = loaded.select(&selection(SortOrder::Score));
        let lowest = *unsorted
            .iter()
            .rev()
            .find(|&&d| loaded.articles()[d as usize].sentiment.score.is_some())
            .unwrap();
        loaded.set_sentiment(
            lowest,
            Sentiment::from_file(Some(9.5), None, Scale::default()),
            None,
        );
        loaded.set_orders(keys);
        let orders = loaded.orders.clone().unwrap();
        assert_orders_sort(&orders, loaded.articles());
        assert_eq!(orders.by_score[0], lowest, "9.5 is the highest score");
        let top = orders.by_score[0];
        loaded.set_sentiment(
            top,
            Sentiment::from_file(Some(1.0), None, Scale::default()),
            None,
        );
        assert_orders_sort(loaded.orders.as_ref().unwrap(), loaded.articles());
    }
}
