//! The word index that answers searches without rescanning articles.
//!
//! It is built in shards, one per core, each over a contiguous run of documents, so that
//! building needs no shared vocabulary and no locks. A search asks every shard and gathers the
//! answers in one [`DocSet`] over the whole library.

mod builder;
mod docset;
mod lazy;
pub mod postings;
mod shard;
mod streams;

pub use builder::ShardBuilder;
pub use docset::DocSet;
pub use postings::PostingSource;
pub use shard::{HeadAsRead, NO_DOC, Shard, ShardToWrite};
pub use streams::{StreamSource, Streams};

use crate::article::Article;
use crate::codec::Damaged;
use crate::parallel;
use crate::query::TextTest;

/// Documents per shard below which splitting the work is not worth a thread.
const MIN_SHARD_DOCS: usize = 2_000;

#[derive(Debug, Default)]
pub struct Index {
    shards: Vec<Shard>,
    docs: usize,
    /// For each library document, its shard and its number there.
    locations: Vec<(u32, u32)>,
}

/// Where the text of a document to index comes from.
#[derive(Debug, Clone, Copy)]
pub enum DocText<'a> {
    /// A freshly parsed article, with its body.
    Article(&'a Article),
    /// A document of an existing index, such as one read from the cache: its words are taken
    /// from there, so the file need not be read again.
    Indexed(&'a Index, u32),
}

impl Index {
    /// Indexes `articles`; document `n` is `articles[n]`.
    pub fn build(articles: &[Article]) -> Index {
        let docs: Vec<DocText> = articles.iter().map(DocText::Article).collect();
        let cores = parallel::cores();
        Index::build_sharded(&docs, cores.min(docs.len() / MIN_SHARD_DOCS))
    }

    /// Indexes `docs` in `shard_count` shards built in parallel.
    fn build_sharded(docs: &[DocText<'_>], shard_count: usize) -> Index {
        let per_shard = docs.len().div_ceil(shard_count.max(1)).max(1);
        let chunks: Vec<(usize, &[DocText])> = docs.chunks(per_shard).enumerate().collect();
        let shards = parallel::map_threads(chunks, |(i, chunk)| {
            let mut shard = Shard::build(chunk);
            let first = (i * per_shard) as u32;
            shard.set_globals((first..first + chunk.len() as u32).collect());
            shard
        });
        Index::from_shards(shards, docs.len()).unwrap_or_default()
    }

    /// An index of `docs` documents made of `shards`, whose documents must have been given
    /// library numbers that cover `0..docs` exactly once (besides those numbered
    /// [`NO_DOC`]).
    pub fn from_shards(shards: Vec<Shard>, docs: usize) -> Option<Index> {
        let mut locations = vec![(u32::MAX, 0); docs];
        for (at, shard) in shards.iter().enumerate() {
            for (local, &global) in shard.globals().iter().enumerate() {
                if global == NO_DOC {
                    continue;
                }
                let slot = locations.get_mut(global as usize)?;
                if slot.0 != u32::MAX {
                    return None;
                }
                *slot = (at as u32, local as u32);
            }
        }
        if locations.iter().any(|&(shard, _)| shard == u32::MAX) {
            return None;
        }
        Some(Index {
            shards,
            docs,
            locations,
        })
    }

    /// The shards, each indexing some of the documents.
    pub fn shards(&self) -> &[Shard] {
        &self.shards
    }

    /// The shards, to make another index of.
    pub fn into_shards(self) -> Vec<Shard> {
        self.shards
    }

    /// How many documents are indexed.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.docs
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    /// The documents in which `test` finds its words. It fails when what it needs was left
    /// in a cache file that can no longer give it (see [`Index::read_all`]).
    pub fn find(&self, test: &TextTest) -> Result<DocSet, Damaged> {
        // A phrase is checked against the words of every document that holds all of its
        // words, milliseconds on a large library, so shards are then searched on all cores. A
        // single word takes microseconds, less than waking a thread.
        if test.words.len() > 1 && self.shards.len() > 1 && parallel::cores() > 1 {
            let mut failed = None;
            let found_by_worker = parallel::for_each_with(
                &self.shards,
                || DocSet::empty(self.docs),
                |found, shard| shard.find(test, found),
                |_, _, result| failed = failed.or(result.err()),
            );
            if let Some(damaged) = failed {
                return Err(damaged);
            }
            let mut found = DocSet::empty(self.docs);
            for other in &found_by_worker {
                found.union(other);
            }
            return Ok(found);
        }
        let mut found = DocSet::empty(self.docs);
        for shard in &self.shards {
            shard.find(test, &mut found)?;
        }
        Ok(found)
    }

    /// Reads now, on all cores, all the shards left in a cache file (their postings and word
    /// streams); an error if any of it cannot be read. What needs all of them (saving the
    /// index, indexing documents again from their words) asks for them first.
    pub fn read_all(&self) -> Result<(), Damaged> {
        let mut failed = None;
        parallel::for_each(&self.shards, Shard::read_all, |_, result| {
            failed = failed.or(result.err())
        });
        failed.map_or(Ok(()), Err)
    }

    /// Where document `doc` is: its shard's number, the shard, and its number there.
    pub fn location(&self, doc: u32) -> Option<(usize, &Shard, u32)> {
        let &(shard, local) = self.locations.get(doc as usize)?;
        let at = shard as usize;
        Some((at, self.shards.get(at)?, local))
    }

    /// Reads now, on all cores, the postings of every shard left in a cache file, so that no
    /// search waits on the file; a part that cannot be read is left for the search that needs
    /// it to report.
    pub fn read_postings(&self) {
        parallel::for_each(&self.shards, Shard::read_postings, |_, _| {});
    }
}

#[cfg(test)]
mod tests;
