//! Loading the library on a thread of its own, so that the first frame never waits for it:
//! articles are sent on in batches as they are read (a message per article would keep the
//! event loop busy redrawing at 100,000 articles), then the finished, indexed library.

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use crate::article::Article;
use crate::cache::CacheStore;
use crate::library::{Library, Progress};
use crate::limits::Limits;
use crate::loader::display_path;
use crate::samples;

use super::action::{Action, LoadMessage};
use super::catalog::Loaded;
use super::orders::{Orders, SortKeys};

/// How often at most a batch of articles is sent: often enough that the list visibly fills,
/// seldom enough that redrawing costs little.
const BATCH_EVERY: Duration = Duration::from_millis(50);

/// Where the library comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibrarySource {
    /// These files and folders.
    Paths(Vec<PathBuf>),
    /// The sample library built into the program.
    BuiltIn,
}

impl LibrarySource {
    /// How the header names the library.
    pub fn label(&self) -> String {
        match self {
            LibrarySource::BuiltIn => "built-in samples".to_owned(),
            LibrarySource::Paths(paths) => {
                let names: Vec<String> = paths.iter().map(|p| display_path(p)).collect();
                names.join(", ")
            }
        }
    }
}

/// What the loading thread needs.
#[derive(Debug, Clone)]
pub struct LoadPlan {
    pub source: LibrarySource,
    pub cache: Option<CacheStore>,
    pub limits: Limits,
    /// Follow changes to the library's folders while the reader is open.
    pub watch: bool,
}

/// Caches that loading threads are writing, once they have handed their library on: the reader
/// waits for them before it exits, so that a library it has shown is not read from its files
/// again at the next start. A load that has not reached its cache is not waited for.
#[derive(Debug, Clone, Default)]
pub struct CacheWrites(Arc<(Mutex<usize>, Condvar)>);

impl CacheWrites {
    /// Counts a cache as being written until the returned guard is dropped.
    fn begin(&self) -> CacheWriting {
        *self.count() += 1;
        CacheWriting(self.clone())
    }

    /// Waits until no cache is being written.
    pub fn wait(&self) {
        let mut count = self.count();
        while *count > 0 {
            count = (self.0)
                .1
                .wait(count)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn count(&self) -> MutexGuard<'_, usize> {
        (self.0).0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// See [`CacheWrites::begin`].
struct CacheWriting(CacheWrites);

impl Drop for CacheWriting {
    fn drop(&mut self) {
        *self.0.count() -= 1;
        (self.0.0).1.notify_all();
    }
}

/// Starts loading on a thread; `send` delivers each message and returns false once nobody
/// listens any more. The library's cache is written after the library is sent, counted in
/// `writes`.
pub fn spawn(
    plan: LoadPlan,
    generation: u64,
    writes: &CacheWrites,
    send: impl FnMut(Action) -> bool + Send + 'static,
) -> thread::JoinHandle<()> {
    let writes = writes.clone();
    thread::Builder::new()
        .name("moodwire-load".to_owned())
        .spawn(move || load(plan, generation, &writes, send))
        .expect("a thread can be started")
}

fn load(
    plan: LoadPlan,
    generation: u64,
    writes: &CacheWrites,
    mut send: impl FnMut(Action) -> bool,
) {
    let mut post = |message| {
        send(Action::Load {
            generation,
            message,
        })
    };
    let (library, cache) = match &plan.source {
        LibrarySource::BuiltIn => {
            let library = samples::library(&plan.limits);
            post(LoadMessage::Found {
                files: library.articles().len(),
            });
            (library, None)
        }
        LibrarySource::Paths(paths) => {
            let mut batch = Batcher::default();
            let opened = Library::open_leaving_the_cache(
                paths,
                &plan.limits,
                plan.cache.as_ref(),
                &mut |progress| batch.take(progress, &mut post),
            );
            batch.flush(&mut post);
            opened
        }
    };
    // A search as the user types must not wait on the cache file, which holds the postings of
    // a library read from it until they are needed.
    library.index().read_postings();
    // The list shows the complete library at once; the sort orders follow.
    let keys = SortKeys::of(library.articles());
    // Counted before the library is sent, so that a quit as soon as it shows still waits.
    let writing = cache.map(|cache| (writes.begin(), cache));
    post(LoadMessage::Finished(Box::new(Loaded::new(library))));
    post(LoadMessage::Sorted(Box::new(Orders::of(keys))));
    if let Some((_counted, cache)) = writing {
        cache.write();
    }
}

/// Gathers read articles until it is time to send them.
struct Batcher {
    articles: Vec<Article>,
    done: usize,
    sent: Instant,
    /// True once the event loop has gone away: nothing more is sent.
    closed: bool,
}

impl Default for Batcher {
    fn default() -> Batcher {
        Batcher {
            articles: Vec::new(),
            done: 0,
            // The first article goes out at once, so the list fills as soon as it can.
            sent: Instant::now()
                .checked_sub(BATCH_EVERY)
                .unwrap_or_else(Instant::now),
            closed: false,
        }
    }
}

impl Batcher {
    fn take(&mut self, progress: Progress, post: &mut impl FnMut(LoadMessage) -> bool) {
        match progress {
            Progress::Found { files } => self.send(post, LoadMessage::Found { files }),
            Progress::Cached { articles } => self.send(post, LoadMessage::Cached { articles }),
            Progress::Read { article, done } => {
                self.articles.push(article.clone());
                self.done = done;
            }
            Progress::Failed { done } => self.done = done,
        }
        if self.sent.elapsed() >= BATCH_EVERY {
            self.flush(post);
        }
    }

    fn flush(&mut self, post: &mut impl FnMut(LoadMessage) -> bool) {
        self.sent = Instant::now();
        let articles = std::mem::take(&mut self.articles);
        let done = self.done;
        self.send(post, LoadMessage::Batch { articles, done });
    }

    fn send(&mut self, post: &mut impl FnMut(LoadMessage) -> bool, message: LoadMessage) {
        if !self.closed {
            self.closed = !post(message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_for_cache_writes_ends_when_the_last_one_does() {
        let writes = CacheWrites::default();
        writes.wait();
        let (first, second) = (writes.begin(), writes.begin());
        let started = Instant::now();
        let ending = thread::spawn(move || {
            thread::sleep(Duration::from_millis(50));
            drop(first);
            thread::sleep(Duration::from_millis(50));
            drop(second);
        });
        writes.wait();
        assert!(started.elapsed() >= Duration::from_millis(100));
        ending.join().unwrap();
    }
}
