//! Articles read and indexed, on their way into a library.
//!
//! Articles are most of a library's memory (about 320 bytes each before their text), so they
//! are kept in a list of their own from the start, which becomes the library's: putting them in
//! order moves them within that list, and no second list of them is ever made beside it.

use std::cmp::Ordering;

use crate::article::Article;
use crate::index::{Shard, ShardBuilder};
use crate::loader::{FileStamp, Problem, Source, read_source};
use crate::parallel;
use crate::reading::Reading;

/// An article read by [`read_and_index`], without its body, with where its words went.
#[derive(Debug)]
pub struct Indexed {
    pub article: Article,
    pub stamp: FileStamp,
    /// The shard (the position in the returned list) and the document's number there.
    pub shard: usize,
    pub local: u32,
}

/// Reads and parses `sources` on all cores, each reader adding what it reads to an index shard
/// of its own, so that words are indexed while files are read and every body is freed as soon
/// as its words are in. Results reach `on_result` on the calling thread as they come; the
/// shards are returned at the end, their documents not yet given library numbers.
pub fn read_and_index(
    sources: &[Source],
    reading: &Reading,
    mut on_result: impl FnMut(Result<Indexed, Problem>),
) -> Vec<Shard> {
    let builders = parallel::for_each_with(
        sources,
        ShardBuilder::default,
        |builder, source| {
            read_source(source, reading).map(|(mut article, stamp)| {
                let local = builder.add_article(&article);
                article.body = String::new();
                (article, stamp, local)
            })
        },
        |_, worker, result| {
            on_result(result.map(|(article, stamp, local)| Indexed {
                article,
                stamp,
                shard: worker,
                local,
            }))
        },
    );
    parallel::map_threads(builders, ShardBuilder::finish)
}

/// Where an article's file stood when it was read, and where the index holds its words.
#[derive(Debug, Clone, Copy)]
pub struct IndexedAt {
    pub stamp: FileStamp,
    /// The shard and the document's number there.
    pub shard: usize,
    pub local: u32,
}

/// Articles, and beside each (at the same position) its [`IndexedAt`].
#[derive(Debug, Default)]
pub struct ReadArticles {
    pub articles: Vec<Article>,
    pub places: Vec<IndexedAt>,
}

impl ReadArticles {
    pub fn with_capacity(capacity: usize) -> ReadArticles {
        ReadArticles {
            articles: Vec::with_capacity(capacity),
            places: Vec::with_capacity(capacity),
        }
    }

    pub fn push(&mut self, indexed: Indexed) {
        self.articles.push(indexed.article);
        self.places.push(IndexedAt {
            stamp: indexed.stamp,
            shard: indexed.shard,
            local: indexed.local,
        });
    }

    pub fn append(&mut self, mut other: ReadArticles) {
        self.articles.append(&mut other.articles);
        self.places.append(&mut other.places);
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Counts every article's shard from `first` instead of from zero.
    pub fn shift_shards(&mut self, first: usize) {
        for place in &mut self.places {
            place.shard += first;
        }
    }

    /// Puts the articles, and their places with them, in the order `compare` gives, which
    /// must be total for the result not to depend on the order they were read in.
    pub fn sort_by(&mut self, compare: impl Fn(&Article, &Article) -> Ordering) {
        let articles = &self.articles;
        let mut order: Vec<u32> = (0..articles.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| compare(&articles[a as usize], &articles[b as usize]));
        arrange(&mut self.articles, &order);
        self.places = order.iter().map(|&at| self.places[at as usize]).collect();
    }
}

/// Moves `items[order[i]]` to position `i` for every `i`, where `order` is a permutation of
/// the positions, by swapping items along each cycle of it: no item is copied.
fn arrange<T>(items: &mut [T], order: &[u32]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at] as usize;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arranging_moves_each_item_to_its_place_in_the_order() {
        // Orders made by swapping pairs of positions again and again: cycles of every length.
        let mut orders = vec![vec![0u32, 1, 2, 3, 4]];
        for _ in 0..200 {
            let mut next = orders.last().unwrap().clone();
            let n = orders.len();
            next.swap(n % 5, (n * 7 + 3) % 5);
            orders.push(next);
        }
        for order in orders {
            let mut items = ["a", "b", "c", "d", "e"];
            arrange(&mut items, &order);
            let expected: Vec<&str> = order
                .iter()
                .map(|&i| ["a", "b", "c", "d", "e"][i as usize])
                .collect();
            assert_eq!(items.to_vec(), expected, "order {order:?}");
        }
    }
}
