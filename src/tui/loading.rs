//! Loading the library on a thread of its own, so that the first frame never waits for it:
//! articles are sent on in batches as they are read (a message per article would keep the
//! event loop busy redrawing at 100,000 articles), then the finished, indexed library.

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use crate::article::Article;
use crate::cache::CacheStore;
use crate::library::{CacheToWrite, Library, Progress};
use crate::loader::display_path;
use crate::reading::Reading;

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
    pub reading: Reading,
    /// Follow changes to the library's folders while the reader is open.
    pub watch: bool,
}

/// Caches that loading threads write once they have handed their library on, one at a time.
/// The reader waits for them before it exits, so that a library it has shown is not read from
/// its files again at the next start; a load that has not reached its cache is not waited
/// for, and a cache that a later load will write anyway is not written.
#[derive(Debug, Clone, Default)]
pub struct CacheWrites(Arc<Writes>);

#[derive(Debug, Default)]
struct Writes {
    state: Mutex<WritesState>,
    /// Signalled when a cache is written or passed over.
    done: Condvar,
    /// Held while a cache is written.
    writing: Mutex<()>,
}

#[derive(Debug, Default)]
struct WritesState {
    /// Caches counted and not yet written or passed over.
    pending: usize,
    /// The generation of the latest load counted.
    latest: u64,
}

/// How often a wait for cache writes asks whether to stop waiting.
const WAIT_STEP: Duration = Duration::from_millis(50);

impl CacheWrites {
    /// Counts the cache of the load of `generation` as to be written, until the returned guard
    /// is dropped.
    fn begin(&self, generation: u64) -> CacheWriting {
        let mut state = self.state();
        state.pending += 1;
        state.latest = state.latest.max(generation);
        CacheWriting(self.clone())
    }

    /// Writes `cache`, of the load of `generation`, once no other is being written; not at all
    /// if a later load has counted a cache of its own meanwhile.
    fn write(&self, cache: CacheToWrite, generation: u64) {
        let _one_at_a_time = self
            .0
            .writing
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if self.state().latest > generation {
            return;
        }
        cache.write();
    }

    /// Waits until no cache is left to write, asking `stop` every few tens of milliseconds
    /// whether to give up; true if none is left.
    pub fn wait_unless(&self, mut stop: impl FnMut() -> bool) -> bool {
        let mut state = self.state();
        while state.pending > 0 {
            if stop() {
                return false;
            }
            state = (self.0.done)
                .wait_timeout(state, WAIT_STEP)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        true
    }

    fn state(&self) -> MutexGuard<'_, WritesState> {
        self.0.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// See [`CacheWrites::begin`].
struct CacheWriting(CacheWrites);

impl Drop for CacheWriting {
    fn drop(&mut self) {
        self.0.state().pending -= 1;
        self.0.0.done.notify_all();
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
            let library = Library::built_in(&plan.reading);
            post(LoadMessage::Found {
                files: library.articles().len(),
            });
            (library, None)
        }
        LibrarySource::Paths(paths) => {
            let mut batch = Batcher::default();
            let opened = Library::open_leaving_the_cache(
                paths,
                &plan.reading,
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
    let writing = cache.map(|cache| (writes.begin(generation), cache));
    post(LoadMessage::Finished(Box::new(Loaded::new(library))));
    post(LoadMessage::Sorted(Box::new(Orders::of(keys))));
    if let Some((_counted, cache)) = writing {
        writes.write(cache, generation);
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
    fn waiting_for_cache_writes_ends_when_the_last_one_does_or_when_told() {
        let writes = CacheWrites::default();
        assert!(writes.wait_unless(|| panic!("nothing to wait for")));
        let (first, second) = (writes.begin(1), writes.begin(2));
        let started = Instant::now();
        let ending = thread::spawn(move || {
            thread::sleep(Duration::from_millis(100));
            drop(first);
            thread::sleep(Duration::from_millis(100));
            drop(second);
        });
        assert!(writes.wait_unless(|| false));
        assert!(started.elapsed() >= Duration::from_millis(200));
        ending.join().unwrap();
        let _third = writes.begin(3);
        let mut asked = 0;
        assert!(!writes.wait_unless(|| {
            asked += 1;
            asked == 3
        }));
    }

    /// A cache is written only if no later load has one to write.
    #[test]
    fn a_cache_a_later_load_will_write_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("library");
        std::fs::create_dir_all(&library).unwrap();
        std::fs::write(library.join("a.md"), "---\ntitle: A\n---\nText\n").unwrap();
        let store = CacheStore::new(dir.path().join("cache"));
        let paths = [library];
        let open = || {
            let opened = Library::open_leaving_the_cache(
                &paths,
                &Reading::default(),
                Some(&store),
                &mut |_| {},
            );
            opened.1.expect("a cache to write")
        };
        let cache_files = || std::fs::read_dir(dir.path().join("cache")).map_or(0, |d| d.count());
        let writes = CacheWrites::default();
        let (older, newer) = (open(), open());
        let counted = (writes.begin(1), writes.begin(2));
        writes.write(older, 1);
        assert_eq!(cache_files(), 0, "passed over");
        writes.write(newer, 2);
        assert_eq!(cache_files(), 1);
        drop(counted);
        assert!(writes.wait_unless(|| false));
    }
}
