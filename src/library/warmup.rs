//! Work on a library that a front end can do on another thread once it shows it: the library
//! appears at once, and searching and sorting are quick by the time the user asks.

use std::sync::Arc;

use super::Articles;
use super::orders::{Orders, SortKeys};
use crate::index::Index;

/// A library's articles and index, shared with it.
pub struct Warmup {
    pub(super) articles: Arc<Articles>,
    pub(super) index: Arc<Index>,
}

impl Warmup {
    /// Reads the index's postings from the cache file they were left in, so that a search as
    /// the user types never waits on the file.
    pub fn read_postings(&self) {
        self.index.read_postings();
    }

    /// Works out the score and title orders (decoding every article taken from the cache),
    /// for [`super::Library::set_orders`].
    pub fn orders(&self) -> Orders {
        Orders::of(SortKeys::of(self.articles.as_slice().iter()))
    }
}
