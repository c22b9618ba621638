//! What opening a library reports as it goes, so that a front end can show articles before the
//! whole library is read.

use crate::article::Article;

/// One step of opening a library.
#[derive(Debug)]
pub enum Progress<'a> {
    /// The folders have been walked: this many files will be looked at.
    Found {
        /// How many files were found.
        files: usize,
        /// True when the walk stopped at `limits.max_files`: the rest is not read.
        cut_short: bool,
    },
    /// This many articles were taken unchanged from the cache, all at once.
    Cached {
        /// How many articles the cache gave.
        articles: usize,
    },
    /// A file has been read and parsed into `article` (its body already dropped); `done` files
    /// have been read so far, including those that failed.
    Read {
        /// The article, without its body.
        article: &'a Article,
        /// Files read so far, failed ones included.
        done: usize,
    },
    /// A file has failed to load; `done` files have been read so far.
    Failed {
        /// Files read so far, this one included.
        done: usize,
    },
}
