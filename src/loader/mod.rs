//! Loading a library: walk the named paths, read each file once, parse in parallel, and report
//! every file as either an article or a problem. Nothing is dropped without a word.

mod listing;
mod problem;
mod read;
mod stamp;
mod unique_ids;
mod walk;

use std::path::PathBuf;

pub use problem::{Problem, Severity, describe_io_error, display_path};
pub use read::{
    OpenError, open_regular_file, read_found, read_regular, read_regular_file, read_source,
};
pub use stamp::FileStamp;
pub use walk::{ARTICLE_EXTENSIONS, Source, Walk, cut_short_message, is_article_file, walk};

use crate::article::Article;
use crate::parallel;
use crate::parse::parse_article;
use crate::reading::Reading;

/// Progress of a load, delivered as it happens so that a caller can show articles before the
/// whole library is read.
#[derive(Debug)]
pub enum LoadEvent {
    /// The paths have been walked: this many files will be read.
    Found(usize),
    /// A file was read as an article.
    Article(Box<Article>),
    /// A problem with a file or folder.
    Problem(Problem),
}

/// Everything a load produced, in no particular order.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The articles read.
    pub articles: Vec<Article>,
    /// What went wrong on the way, one problem per file or folder.
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
pub fn load(paths: &[PathBuf], reading: &Reading) -> Loaded {
    let mut loaded = Loaded::default();
    load_each(paths, reading, |event| loaded.take(event));
    loaded
}

/// Loads every article under `paths`, handing each result to `on_event` on the calling thread
/// as soon as it is ready. Files are parsed on all cores.
pub fn load_each(paths: &[PathBuf], reading: &Reading, mut on_event: impl FnMut(LoadEvent)) {
    let walk = walk(paths, &reading.limits);
    on_event(LoadEvent::Found(walk.sources.len()));
    for problem in walk.problems {
        on_event(LoadEvent::Problem(problem));
    }
    read_each(&walk.sources, reading, on_event);
}

/// Reads and parses `sources` on all cores, handing each result to `on_event` as it is ready.
pub fn read_each(sources: &[Source], reading: &Reading, mut on_event: impl FnMut(LoadEvent)) {
    parallel::for_each(
        sources,
        |source| read_source(source, reading),
        |_, result| {
            on_event(match result {
                Ok((article, _)) => LoadEvent::Article(Box::new(article)),
                Err(problem) => LoadEvent::Problem(problem),
            })
        },
    );
}

/// Loads articles held in memory, such as the sample library built into the binary. `origin`
/// names where they came from and prefixes each path.
pub fn load_embedded(files: &[(&str, &[u8])], origin: &str, reading: &Reading) -> Loaded {
    let mut loaded = Loaded::default();
    for (name, bytes) in files {
        let path = PathBuf::from(origin).join(name);
        match parse_article(bytes, (*name).to_owned(), path.clone(), reading) {
            Ok(article) => loaded.articles.push(article),
            Err(error) => loaded
                .problems
                .push(Problem::error(&path, error.to_string())),
        }
    }
    loaded
}

#[cfg(test)]
mod tests;
