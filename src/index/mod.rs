//! The word index that answers searches without rescanning articles.
//!
//! It is built in shards, one per core, each over a contiguous run of documents, so that
//! building needs no shared vocabulary and no locks. A search asks every shard and gathers the
//! answers in one [`DocSet`] over the whole library.

mod docset;
mod shard;

use std::num::NonZeroUsize;
use std::thread;

pub use docset::DocSet;
use shard::Shard;

use crate::article::Article;
use crate::query::TextTest;

/// Documents per shard below which splitting the work is not worth a thread.
const MIN_SHARD_DOCS: usize = 2_000;

#[derive(Debug, Default)]
pub struct Index {
    shards: Vec<Shard>,
    docs: usize,
}

impl Index {
    /// Indexes `articles`; document `n` is `articles[n]`.
    pub fn build(articles: &[Article]) -> Index {
        let cores = thread::available_parallelism().map_or(1, NonZeroUsize::get);
        Index::build_sharded(articles, cores.min(articles.len() / MIN_SHARD_DOCS))
    }

    /// Indexes `articles` in `shard_count` shards built in parallel.
    fn build_sharded(articles: &[Article], shard_count: usize) -> Index {
        let per_shard = articles.len().div_ceil(shard_count.max(1)).max(1);
        let shards = thread::scope(|scope| {
            let handles: Vec<_> = articles
                .chunks(per_shard)
                .enumerate()
                .map(|(i, chunk)| scope.spawn(move || Shard::build((i * per_shard) as u32, chunk)))
                .collect();
            let joined = handles.into_iter().map(|handle| handle.join());
            joined
                .map(|result| result.unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
                .collect()
        });
        Index {
            shards,
            docs: articles.len(),
        }
    }

    /// How many documents are indexed.
    pub fn len(&self) -> usize {
        self.docs
    }

    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    /// The documents in which `test` finds its words.
    pub fn find(&self, test: &TextTest) -> DocSet {
        let mut found = DocSet::empty(self.docs);
        for shard in &self.shards {
            shard.find(test, &mut found);
        }
        found
    }
}

#[cfg(test)]
mod tests;
