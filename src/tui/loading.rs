//! Loading the library on a thread of its own, so that the first frame never waits for it:
//! articles are sent on in batches as they are read (a message per article would keep the
//! event loop busy redrawing at 100,000 articles), then the finished, indexed library.

use std::path::PathBuf;
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

/// Starts loading on a thread; `send` delivers each message and returns false once nobody
/// listens any more.
pub fn spawn(
    plan: LoadPlan,
    generation: u64,
    send: impl FnMut(Action) -> bool + Send + 'static,
) -> thread::JoinHandle<()> {
    thread::Builder::new()
        .name("moodwire-load".to_owned())
        .spawn(move || load(plan, generation, send))
        .expect("a thread can be started")
}

fn load(plan: LoadPlan, generation: u64, mut send: impl FnMut(Action) -> bool) {
    let mut post = |message| {
        send(Action::Load {
            generation,
            message,
        })
    };
    let library = match &plan.source {
        LibrarySource::BuiltIn => {
            let library = samples::library(&plan.limits);
            post(LoadMessage::Found {
                files: library.articles().len(),
            });
            library
        }
        LibrarySource::Paths(paths) => {
            let mut batch = Batcher::default();
            let library = Library::open_with_progress(
                paths,
                &plan.limits,
                plan.cache.as_ref(),
                &mut |progress| batch.take(progress, &mut post),
            );
            batch.flush(&mut post);
            library
        }
    };
    // A search as the user types must not wait on the cache file, which holds the postings of
    // a library read from it until they are needed.
    library.index().read_postings();
    // The list shows the complete library at once; the sort orders follow.
    let keys = SortKeys::of(library.articles());
    post(LoadMessage::Finished(Box::new(Loaded::new(library))));
    post(LoadMessage::Sorted(Box::new(Orders::of(keys))));
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
