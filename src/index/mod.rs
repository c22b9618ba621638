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
use crate::cache::codec::{Damaged, Decoder, Encoder};
use crate::query::{Place, TextTest};

/// Documents per shard below which splitting the work is not worth a thread.
const MIN_SHARD_DOCS: usize = 2_000;

#[derive(Debug, Default)]
pub struct Index {
    shards: Vec<Shard>,
    docs: usize,
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

/// The words of one field item of a document.
pub type FieldWords<'a> = (Place, Box<dyn Iterator<Item = &'a str> + 'a>);

impl Index {
    /// Indexes `articles`; document `n` is `articles[n]`.
    pub fn build(articles: &[Article]) -> Index {
        let docs: Vec<DocText> = articles.iter().map(DocText::Article).collect();
        Index::build_from(&docs)
    }

    /// Indexes `docs`; document `n` is `docs[n]`.
    pub fn build_from(docs: &[DocText<'_>]) -> Index {
        let cores = thread::available_parallelism().map_or(1, NonZeroUsize::get);
        Index::build_sharded(docs, cores.min(docs.len() / MIN_SHARD_DOCS))
    }

    /// Indexes `docs` in `shard_count` shards built in parallel.
    fn build_sharded(docs: &[DocText<'_>], shard_count: usize) -> Index {
        let per_shard = docs.len().div_ceil(shard_count.max(1)).max(1);
        let shards = thread::scope(|scope| {
            let handles: Vec<_> = docs
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
            docs: docs.len(),
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

    /// The words of document `doc`, field item by field item (nothing for an unknown one).
    pub fn doc_words(&self, doc: u32) -> Box<dyn Iterator<Item = FieldWords<'_>> + '_> {
        let at = self
            .shards
            .partition_point(|shard| shard.first_doc <= doc)
            .checked_sub(1);
        let shard = at
            .map(|at| &self.shards[at])
            .filter(|s| doc - s.first_doc < s.doc_count());
        match shard {
            Some(shard) => Box::new(shard.doc_words(doc - shard.first_doc).map(
                |(place, words)| {
                    let words: Box<dyn Iterator<Item = &str>> = Box::new(words);
                    (place, words)
                },
            )),
            None => Box::new(std::iter::empty()),
        }
    }

    pub fn encode(&self, out: &mut Encoder) {
        out.len(self.docs);
        out.len(self.shards.len());
        for shard in &self.shards {
            shard.encode(out);
        }
    }

    /// Reads an index written by [`Index::encode`]; its shards must cover its documents in
    /// order, without gaps.
    pub fn decode(input: &mut Decoder<'_>) -> Result<Index, Damaged> {
        let docs = input.len(0)?;
        let shard_count = input.len(1)?;
        let mut shards = Vec::with_capacity(shard_count);
        let mut next_doc = 0u64;
        for _ in 0..shard_count {
            let shard = Shard::decode(input)?;
            if u64::from(shard.first_doc) != next_doc {
                return Err(Damaged);
            }
            next_doc += u64::from(shard.doc_count());
            shards.push(shard);
        }
        if next_doc != docs as u64 {
            return Err(Damaged);
        }
        Ok(Index { shards, docs })
    }
}

#[cfg(test)]
mod tests;
