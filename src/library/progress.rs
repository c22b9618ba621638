//! What opening a library reports as it goes, so that a front end can show articles before the
//! whole library is read.

use crate::article::Article;

/// One step of opening a library.
#[derive(Debug)]
pub enum Progress<'a> {
    /// The folders have been walked: this many files will be looked at. `cut_short` when the
    /// walk stopped at `limits.max_files`.
    Found { files: usize, cut_short: bool },
    /// This many articles were taken unchanged from the cache, all at once.
    Cached { articles: usize },
    /// A file has been read and parsed into `article` (its body already dropped); `done` files
    /// have been read so far, including those that failed.
    Read { article: &'a Article, done: usize },
    /// A file has failed to load; `done` files have been read so far.
    Failed { done: usize },
}
