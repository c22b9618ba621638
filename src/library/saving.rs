//! A cache to be written for a library just opened, which can wait until the library has
//! been handed on: the reader shows a library as soon as it is loaded, and writes its cache
//! after.

use std::path::PathBuf;
use std::sync::Arc;

use super::{Articles, Library};
use crate::cache::{CacheStore, ShardSections};
use crate::index::Index;
use crate::loader::FileStamp;
use crate::reading::Reading;

/// What writing the cache of a library needs, shared with the library rather than copied.
pub struct CacheToWrite {
    store: CacheStore,
    paths: Vec<PathBuf>,
    reading: Reading,
    articles: Arc<Articles>,
    stamps: Arc<Vec<FileStamp>>,
    index: Arc<Index>,
    /// Where the kept shards lie in the cache file they were read from.
    copied: Option<ShardSections>,
}

impl CacheToWrite {
    /// The cache of `library`, opened from `paths` with `reading`, to be written to `store`;
    /// `copied` tells where the shards kept from the cache it was opened through lie.
    pub(super) fn of(
        library: &Library,
        store: &CacheStore,
        paths: &[PathBuf],
        reading: &Reading,
        copied: Option<ShardSections>,
    ) -> CacheToWrite {
        CacheToWrite {
            store: store.clone(),
            paths: paths.to_vec(),
            reading: *reading,
            articles: Arc::clone(&library.articles),
            stamps: Arc::clone(&library.stamps),
            index: Arc::clone(&library.index),
            copied,
        }
    }

    /// Writes the cache. Failing to is not an error: the next start is only slower.
    pub fn write(self) {
        self.store.save(
            &self.paths,
            &self.reading,
            self.articles.as_slice(),
            &self.stamps,
            &self.index,
            self.copied.as_ref(),
        );
    }
}
