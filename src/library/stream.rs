//! Opening a library for a front end that shows it as it comes: every step is sent on as an
//! owned event, the articles read from their files in batches, then the library itself, then
//! its orders.

use std::time::{Duration, Instant};

use crate::article::Article;
use crate::cache::CacheStore;
use crate::reading::Reading;

use super::orders::Orders;
use super::{CacheToWrite, Library, LibrarySource, Progress};

/// How often at most a batch of articles is sent: often enough that a list visibly fills,
/// seldom enough that redrawing it costs little (a message per article would keep a front end
/// busy redrawing at 100,000 articles).
const BATCH_EVERY: Duration = Duration::from_millis(50);

/// One step of opening a library, in the order they come.
#[derive(Debug)]
pub enum LoadEvent {
    /// The folders have been walked: this many files will be looked at.
    Found {
        /// Files found.
        files: usize,
        /// True when the walk stopped at `limits.max_files`: the rest is not read.
        cut_short: bool,
    },
    /// This many articles were taken unchanged from the cache, all at once.
    Cached {
        /// Articles taken from the cache.
        articles: usize,
    },
    /// Articles read from their files since the last batch (bodies dropped).
    Read {
        /// The articles, in the order they were read.
        articles: Vec<Article>,
        /// Files read so far, including those that failed.
        done: usize,
    },
    /// The library, complete and indexed.
    Finished {
        /// The library.
        library: Box<Library>,
        /// True when a cache will be written for it once it has been sent.
        cache_to_write: bool,
    },
    /// The library's score and title orders, worked out after it was sent.
    Sorted(Box<Orders>),
}

impl Library {
    /// Opens the library `source` names as [`Library::open`] does, sending each step to `send`
    /// as it happens, and returns the cache to write (if anything changed) once everything is
    /// sent. Once the library is sent, its postings are read from the cache file and its orders
    /// worked out, so that searching and sorting are quick by the time they are asked for.
    /// `send` returns false once nobody listens; nothing more is sent then.
    pub fn open_streaming(
        source: &LibrarySource,
        reading: &Reading,
        cache: Option<&CacheStore>,
        send: impl FnMut(LoadEvent) -> bool,
    ) -> Option<CacheToWrite> {
        let mut batch = Batcher::new(send);
        let (library, cache) = match source {
            LibrarySource::BuiltIn => {
                let library = Library::built_in(reading);
                batch.send(LoadEvent::Found {
                    files: library.len(),
                    cut_short: false,
                });
                (library, None)
            }
            LibrarySource::Paths(paths) => {
                let opened = Library::open_leaving_the_cache(paths, reading, cache, &mut |step| {
                    batch.take(step)
                });
                batch.flush();
                opened
            }
        };
        let warmup = library.warmup();
        batch.send(LoadEvent::Finished {
            library: Box::new(library),
            cache_to_write: cache.is_some(),
        });
        if !batch.closed {
            warmup.read_postings();
            batch.send(LoadEvent::Sorted(Box::new(warmup.orders())));
        }
        cache
    }
}

/// Gathers read articles until it is time to send them.
struct Batcher<S> {
    send: S,
    articles: Vec<Article>,
    done: usize,
    sent: Instant,
    /// True once the receiver has gone away: nothing more is sent.
    closed: bool,
}

impl<S: FnMut(LoadEvent) -> bool> Batcher<S> {
    fn new(send: S) -> Batcher<S> {
        Batcher {
            send,
            articles: Vec::new(),
            done: 0,
            // The first article goes out at once, so a list fills as soon as it can.
            sent: Instant::now()
                .checked_sub(BATCH_EVERY)
                .unwrap_or_else(Instant::now),
            closed: false,
        }
    }

    fn take(&mut self, step: Progress) {
        match step {
            Progress::Found { files, cut_short } => {
                self.send(LoadEvent::Found { files, cut_short })
            }
            Progress::Cached { articles } => self.send(LoadEvent::Cached { articles }),
            Progress::Read { article, done } => {
                if !self.closed {
                    self.articles.push(article.clone());
                }
                self.done = done;
            }
            Progress::Failed { done } => self.done = done,
        }
        if self.sent.elapsed() >= BATCH_EVERY {
            self.flush();
        }
    }

    fn flush(&mut self) {
        self.sent = Instant::now();
        let articles = std::mem::take(&mut self.articles);
        let done = self.done;
        self.send(LoadEvent::Read { articles, done });
    }

    fn send(&mut self, event: LoadEvent) {
        if !self.closed {
            self.closed = !(self.send)(event);
        }
    }
}
