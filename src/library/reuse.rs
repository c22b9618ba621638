//! Reusing the cached index when some files changed: its shards kept as they are (the
//! documents of the changed files passed over), the small ones merged, or all of it indexed
//! again from the words it holds.

use super::open::Unchanged;
use super::read::Indexed;
use super::read::ReadArticles;
use crate::article::Article;
use crate::cache::{Cached, EncodedArticles, ShardSections};
use crate::index::{DocText, Index, Shard};
use crate::loader::FileStamp;
use crate::parallel;

/// Shards per core, from the cache and new, past which the small cached ones are indexed again
/// into one: a library is read into a shard per core, each load that finds a file changed adds
/// one per core at most, and each shard costs a search a lookup of its own.
pub(super) const MAX_KEPT_SHARDS_PER_CORE: usize = 16;

/// Which of the cached index's shards to keep as they are ([`keep_unchanged`]), when
/// `new_shards` more are added for the files read again; `None` to index every unchanged file
/// again ([`rebuild_unchanged`]), once a quarter of the documents in them are of no article
/// (files changed or gone since they were built). Past [`MAX_KEPT_SHARDS_PER_CORE`] shards per
/// core, the largest shard per core is kept (those a whole library was read into) and the
/// others (those loads of a few files added) are indexed again into one; `None` too if their
/// words can no longer be read from the cache file.
pub(super) fn shards_to_keep(
    index: &Index,
    unchanged: usize,
    new_shards: usize,
) -> Option<Vec<bool>> {
    let shards = index.shards();
    let docs: usize = shards.iter().map(|s| s.doc_count() as usize).sum();
    let gone = docs.saturating_sub(unchanged);
    if gone * 4 > docs {
        return None;
    }
    let cores = parallel::cores();
    if shards.len() + new_shards <= MAX_KEPT_SHARDS_PER_CORE * cores {
        return Some(vec![true; shards.len()]);
    }
    let mut largest: Vec<usize> = (0..shards.len()).collect();
    largest.sort_by_key(|&at| std::cmp::Reverse(shards[at].doc_count()));
    let mut keep = vec![false; shards.len()];
    for &at in largest.iter().take(cores) {
        keep[at] = true;
    }
    // The others are indexed again from their words, which must still be readable: if the
    // cache file lost them since it was opened, everything is done again.
    let readable = (shards.iter().zip(&keep)).all(|(shard, &kept)| kept || shard.streams().is_ok());
    readable.then_some(keep)
}

/// Keeps the cached index's shards that `keep` marks as they are, and indexes the unchanged
/// documents of the others again into one shard from their cached words; numbers them all
/// from `first_shard` (the new one first), and hands back the unchanged files' cached
/// articles with their places in them, and where the kept shards lie in the cache file. The
/// documents of files that changed or went away stay in the kept shards as documents of no
/// article ([`crate::index::NO_DOC`]) until they are built again: a change to a few files of
/// a large library costs no more than reading those files.
pub(super) fn keep_unchanged(
    unchanged: Vec<Unchanged>,
    cached: Cached,
    first_shard: usize,
    keep: &[bool],
) -> (ReadArticles, Vec<Shard>, ShardSections) {
    let Cached {
        articles,
        index,
        sections,
        ..
    } = cached;
    let merging = keep.contains(&false);
    let first_kept = first_shard + usize::from(merging);
    let mut next = first_kept;
    let placed: Vec<Option<usize>> = keep
        .iter()
        .map(|&kept| {
            kept.then(|| {
                next += 1;
                next - 1
            })
        })
        .collect();
    let mut articles = CachedArticles::new(articles);
    let mut kept = ReadArticles::with_capacity(unchanged.len());
    let mut merged: Vec<DocText> = Vec::new();
    for file in unchanged {
        let doc = file.doc;
        let Some((shard, _, local)) = index.location(doc) else {
            continue;
        };
        let Some((article, stamp)) = articles.take(file) else {
            continue;
        };
        let (shard, local) = match placed.get(shard).copied().flatten() {
            Some(at) => (at, local),
            None => {
                merged.push(DocText::Indexed(&index, doc));
                (first_shard, merged.len() as u32 - 1)
            }
        };
        kept.push(Indexed {
            article,
            stamp,
            shard,
            local,
        });
    }
    let merged = merging.then(|| Shard::build(&merged));
    let cached_shards = index.into_shards().into_iter().zip(keep);
    let kept_shards = cached_shards.filter_map(|(shard, &kept)| kept.then_some(shard));
    let shards = merged.into_iter().chain(kept_shards).collect();
    (
        kept,
        shards,
        sections.keeping(keep).numbered_from(first_kept),
    )
}

/// Indexes the unchanged files again from the cached index's words (on all cores, one shard
/// each), numbering their shards from `first_shard`, and hands back their cached articles.
pub(super) fn rebuild_unchanged(
    unchanged: Vec<Unchanged>,
    cached: Cached,
    first_shard: usize,
) -> (ReadArticles, Vec<Shard>) {
    let cores = parallel::cores();
    let per_shard = unchanged.len().div_ceil(cores).max(1);
    let index = &cached.index;
    let chunks: Vec<&[Unchanged]> = unchanged.chunks(per_shard).collect();
    let shards: Vec<Shard> = parallel::map_threads(chunks, |chunk| {
        let docs: Vec<DocText> = chunk
            .iter()
            .map(|file| DocText::Indexed(index, file.doc))
            .collect();
        Shard::build(&docs)
    });
    let mut articles = CachedArticles::new(cached.articles);
    let mut kept = ReadArticles::with_capacity(unchanged.len());
    for (at, file) in unchanged.into_iter().enumerate() {
        if let Some((article, stamp)) = articles.take(file) {
            kept.push(Indexed {
                article,
                stamp,
                shard: first_shard + at / per_shard,
                local: (at % per_shard) as u32,
            });
        }
    }
    (kept, shards)
}

/// The cached articles, each to be taken once, by the unchanged file it was read from.
struct CachedArticles {
    encoded: EncodedArticles,
    taken: Vec<bool>,
}

impl CachedArticles {
    fn new(encoded: EncodedArticles) -> CachedArticles {
        let taken = vec![false; encoded.len()];
        CachedArticles { encoded, taken }
    }

    /// The cached article of `file`, with the id and path this walk gives the file (the same
    /// folders named another way name it differently), and the file's stamp.
    fn take(&mut self, file: Unchanged) -> Option<(Article, FileStamp)> {
        let doc = file.doc as usize;
        let taken = self.taken.get_mut(doc).filter(|taken| !**taken)?;
        *taken = true;
        let article = self.encoded.decode(doc, file.source.id, file.source.path);
        Some((article, file.stamp))
    }
}
