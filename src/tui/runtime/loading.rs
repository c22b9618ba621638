//! Loading the library on a thread of its own, so that the first frame never waits for it:
//! the library sends each step of opening it (see [`Library::open_streaming`]) on to the event
//! loop, and its cache is written after it is shown.

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

use crate::cache::CacheStore;
use crate::library::{CacheToWrite, Library, LibrarySource, LoadEvent};
use crate::reading::Reading;

use crate::tui::model::action::Action;

/// What the loading thread needs.
#[derive(Debug, Clone)]
pub struct LoadPlan {
    /// Where the library comes from.
    pub source: LibrarySource,
    /// Where its cache is kept, if anywhere.
    pub cache: Option<CacheStore>,
    /// How its files are read.
    pub reading: Reading,
    /// Follow changes to the library's folders while the reader is open.
    pub watch: bool,
    /// The configuration's `library` folders in order, when the library is theirs: one that
    /// was not there at the start (a drive not mounted) is read from the first load after it
    /// comes.
    pub configured: Vec<PathBuf>,
}

impl LoadPlan {
    /// Takes into the library the configured folders that have come since it was last
    /// loaded, in the configuration's order (which decides whose id a path keeps when two
    /// folders hold it), and returns them.
    pub fn take_arrived(&mut self) -> Vec<PathBuf> {
        let LibrarySource::Paths(paths) = &mut self.source else {
            return Vec::new();
        };
        let arrived: Vec<PathBuf> = (self.configured.iter())
            .filter(|path| !paths.contains(path) && std::fs::metadata(path).is_ok())
            .cloned()
            .collect();
        if !arrived.is_empty() {
            *paths = (self.configured.iter())
                .filter(|path| paths.contains(path) || arrived.contains(path))
                .cloned()
                .collect();
        }
        arrived
    }
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
    // Counted before the library is sent, so that a quit as soon as it shows still waits.
    let mut counted = None;
    let cache =
        Library::open_streaming(&plan.source, &plan.reading, plan.cache.as_ref(), |event| {
            if let LoadEvent::Finished {
                cache_to_write: true,
                ..
            } = event
            {
                counted = Some(writes.begin(generation));
            }
            send(Action::Load { generation, event })
        });
    if let Some(cache) = cache {
        writes.write(cache, generation);
    }
    drop(counted);
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

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
        let cache_files = || {
            let caches = std::fs::read_dir(dir.path().join("cache"))
                .into_iter()
                .flatten();
            let is_cache =
                |e: &std::fs::DirEntry| e.path().extension().is_some_and(|e| e == "cache");
            caches.filter(|e| e.as_ref().is_ok_and(is_cache)).count()
        };
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
