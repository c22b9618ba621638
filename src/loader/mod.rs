//! Loading a library: walk the named paths, read each file once, parse in parallel, and report
//! every file as either an article or a problem. Nothing is dropped without a word.

mod problem;
mod read;
mod walk;

use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;

pub use problem::{Problem, Severity, describe_io_error, display_path};
pub use walk::{ARTICLE_EXTENSIONS, Source, is_article_file};

use crate::article::Article;
use crate::limits::Limits;
use crate::parse::parse_article;

/// Progress of a load, delivered as it happens so that a caller can show articles before the
/// whole library is read.
#[derive(Debug)]
pub enum LoadEvent {
    /// The paths have been walked: this many files will be read.
    Found(usize),
    Article(Box<Article>),
    Problem(Problem),
}

/// Everything a load produced, in no particular order.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
}

impl Loaded {
    fn take(&mut self, event: LoadEvent) {
        match event {
            LoadEvent::Found(_) => {}
            LoadEvent::Article(article) => self.articles.push(*article),
            LoadEvent::Problem(problem) => self.problems.push(problem),
        }
    }
}

/// Loads every article under `paths`.
pub fn load(paths: &[PathBuf], limits: &Limits) -> Loaded {
    let mut loaded = Loaded::default();
    load_each(paths, limits, |event| loaded.take(event));
    loaded
}

/// Loads every article under `paths`, handing each result to `on_event` on the calling thread
/// as soon as it is ready. Files are parsed on all cores.
pub fn load_each(paths: &[PathBuf], limits: &Limits, mut on_event: impl FnMut(LoadEvent)) {
    let walk = walk::walk(paths);
    on_event(LoadEvent::Found(walk.sources.len()));
    for problem in walk.problems {
        on_event(LoadEvent::Problem(problem));
    }
    let sources = &walk.sources;
    let workers = thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(sources.len());
    let next = &AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel();
    thread::scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            scope.spawn(move || {
                while let Some(source) = sources.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if sender.send(read::read_source(source, limits)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for result in receiver {
            on_event(match result {
                Ok(article) => LoadEvent::Article(Box::new(article)),
                Err(problem) => LoadEvent::Problem(problem),
            });
        }
    });
}

/// Loads articles held in memory, such as the sample library built into the binary. `origin`
/// names where they came from and prefixes each path.
pub fn load_embedded(files: &[(&str, &[u8])], origin: &str, limits: &Limits) -> Loaded {
    let mut loaded = Loaded::default();
    for (name, bytes) in files {
        let path = PathBuf::from(origin).join(name);
        let event = match parse_article(bytes, (*name).to_owned(), path.clone(), limits) {
            Ok(article) => LoadEvent::Article(Box::new(article)),
            Err(error) => LoadEvent::Problem(Problem::error(&path, error.to_string())),
        };
        loaded.take(event);
    }
    loaded
}

#[cfg(test)]
mod tests;
