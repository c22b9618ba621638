//! The loaded set of articles: ordering, lookups and filters shared by every front end.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::article::{Article, Sentiment};
use crate::index::{Index, NO_DOC, Shard};
use crate::loader::{self, FileStamp, Loaded, Problem, Source};
use crate::parse::{Body, parse_body_parts};
use crate::query::{Query, SortOrder};
use crate::reading::Reading;
use crate::samples;
use read::ReadArticles;

/// The library's own order: by date, then as [`SortOrder::compare`] breaks ties, then by path
/// for two files that give the same id. A total order, so that sorting in place (which needs
/// no copy of the articles, unlike a stable sort) gives the same order on every run.
fn in_library_order(a: &Article, b: &Article) -> Ordering {
    SortOrder::Date
        .compare(a, b)
        .then_with(|| a.path.cmp(&b.path))
}

/// Articles, their index, and the problems met loading them.
#[derive(Debug, Default)]
pub struct Library {
    /// In the default order, newest first; an article's position is its document number in
    /// the index. Shared with a cache being written (see [`CacheToWrite`]), as are the stamps
    /// and the index: a change to an article while it is being written copies the list.
    articles: Arc<Articles>,
    problems: Vec<Problem>,
    index: Arc<Index>,
    /// Each article's source URL in lowercase, so that `source:` terms need not lowercase
    /// every address on every search; made by the first such search.
    sources: OnceLock<Vec<Option<Box<str>>>>,
    /// Each article's file stamp when it was read, by document number; empty for articles
    /// that are not files (the built-in samples) or were loaded without stamps.
    stamps: Arc<Vec<FileStamp>>,
    /// How many files were read and parsed to make this library; the rest came from the cache.
    parsed_files: usize,
    /// The index made again from the articles' files, should the word streams the index left
    /// in its cache file become unreadable (see [`Library::search`]).
    reread: OnceLock<Index>,
    /// How the articles' files were read, and how their bodies are read again.
    reading: Reading,
    /// The score and title orders, once they have been worked out (see [`Warmup`]); until
    /// then a selection in those orders sorts its rows.
    orders: Option<Orders>,
    /// Documents whose score changed before the orders came, which they may misplace.
    rescored: Vec<u32>,
}

impl Library {
    /// Loads the articles under `paths`.
    pub fn load(paths: &[PathBuf], reading: &Reading) -> Library {
        Library::load_with_progress(paths, reading, &mut |_| {})
    }

    /// Loads the articles under `paths`, telling `progress` about each file as it is read.
    pub fn load_with_progress(
        paths: &[PathBuf],
        reading: &Reading,
        progress: &mut dyn FnMut(Progress),
    ) -> Library {
        let walk = loader::walk(paths, &reading.limits);
        progress(Progress::Found {
            files: walk.sources.len(),
            cut_short: walk.cut_short,
        });
        let mut problems = walk.problems;
        let (read, shards) = read_and_index(&walk.sources, reading, &mut problems, progress);
        let parsed = read.len();
        Library::from_indexed(read, shards, problems, parsed, reading)
    }

    /// A library of articles whose words are already in `shards`, `parsed_files` of which were
    /// read from their files just now: puts them in date order, gives each its document
    /// number, and keeps the stamps in that order too. A shard's documents that are not among
    /// the articles are numbered [`NO_DOC`].
    fn from_indexed(
        mut read: ReadArticles,
        mut shards: Vec<Shard>,
        problems: Vec<Problem>,
        parsed_files: usize,
        reading: &Reading,
    ) -> Library {
        read.sort_by(in_library_order);
        let mut globals: Vec<Vec<u32>> = shards
            .iter()
            .map(|shard| vec![NO_DOC; shard.doc_count() as usize])
            .collect();
        for (global, entry) in read.places.iter().enumerate() {
            if let Some(slot) = globals
                .get_mut(entry.shard)
                .and_then(|shard| shard.get_mut(entry.local as usize))
            {
                *slot = global as u32;
            }
        }
        for (shard, globals) in shards.iter_mut().zip(globals) {
            shard.set_globals(globals);
        }
        let index = Index::from_shards(shards, read.len())
            .expect("every indexed document is read exactly once, so the shards cover the library");
        let stamps = read.places.iter().map(|place| place.stamp).collect();
        let articles = read.articles.into();
        Library::from_parts(articles, stamps, problems, index, parsed_files, reading)
    }

    /// The sample library built into the program.
    pub fn built_in(reading: &Reading) -> Library {
        let loaded = loader::load_embedded(samples::SAMPLES, samples::ORIGIN, reading);
        Library::from_loaded(loaded, reading)
    }

    /// A library of the articles of `loaded`, read as `reading` says.
    pub fn from_loaded(loaded: Loaded, reading: &Reading) -> Library {
        let Loaded {
            mut articles,
            problems,
            ..
        } = loaded;
        articles.sort_unstable_by(in_library_order);
        let index = Index::build(&articles);
        let parsed_files = articles.len();
        Library::from_parts(
            articles.into(),
            Vec::new(),
            problems,
            index,
            parsed_files,
            reading,
        )
    }

    /// A library of `articles`, already in date order, indexed by `index`. Bodies are dropped:
    /// the index holds what search needs, and [`Library::read_body`] reads a body when it is
    /// shown, which keeps a library of 100,000 articles within a fraction of their size on disk.
    /// `stamps` are the articles' file stamps in the same order, or empty.
    fn from_parts(
        mut articles: Articles,
        stamps: Vec<FileStamp>,
        mut problems: Vec<Problem>,
        index: Index,
        parsed_files: usize,
        reading: &Reading,
    ) -> Library {
        articles.drop_bodies();
        problems.sort_by(|a, b| a.path.cmp(&b.path).then(a.severity.cmp(&b.severity)));
        Library {
            articles: Arc::new(articles),
            problems,
            index: Arc::new(index),
            sources: OnceLock::new(),
            stamps: Arc::new(stamps),
            parsed_files,
            reread: OnceLock::new(),
            reading: *reading,
            orders: None,
            rescored: Vec::new(),
        }
    }

    /// The body of `article`, read again from its file as this library reads its files.
    pub fn body(&self, article: &Article) -> Result<String, Problem> {
        Library::read_body(article, &self.reading)
    }

    /// The body of `article`, read again from its file (or from the built-in samples) as
    /// `reading` says, so that a body can be read while its library is still loading.
    pub fn read_body(article: &Article, reading: &Reading) -> Result<String, Problem> {
        Library::read_body_parts(article, reading).map(|body| body.main)
    }

    /// [`Library::read_body`] with what was left out of the body: the page furniture and the
    /// whole text of a scrape or a saved page, and a page's text without link addresses.
    pub fn read_body_parts(article: &Article, reading: &Reading) -> Result<Body, Problem> {
        let fail = |reason: String| Problem::error(&article.path, reason);
        let bytes = match article.path.strip_prefix(samples::ORIGIN) {
            Ok(name) => samples::file(&name.to_string_lossy())
                .map(<[u8]>::to_vec)
                .ok_or_else(|| fail("no such built-in sample".to_owned()))?,
            Err(_) => {
                loader::read_regular_file(&article.path, reading.limits.max_file_bytes)
                    .map_err(fail)?
                    .0
            }
        };
        parse_body_parts(&bytes, &article.path, reading).map_err(|error| fail(error.to_string()))
    }

    /// The stamp the file of document `doc` had when it was read, if it is a file whose stamp
    /// was taken: what a writer checks to be sure it changes the version that was read.
    pub fn stamp(&self, doc: u32) -> Option<FileStamp> {
        self.stamps.get(doc as usize).copied()
    }

    /// Records that the file of document `doc` was written and now carries `sentiment`, with
    /// `stamp` if it could be taken. Without one the old stamp stays, so that a later write
    /// checked against it is refused rather than made blind. The score order follows.
    pub fn set_sentiment(&mut self, doc: u32, sentiment: Sentiment, stamp: Option<FileStamp>) {
        let score = sentiment.score;
        if let Some(article) = Arc::make_mut(&mut self.articles)
            .as_mut_slice()
            .get_mut(doc as usize)
        {
            article.sentiment = sentiment;
        }
        let articles = &self.articles;
        let score_of = |d: u32| articles.get(d as usize).and_then(|a| a.sentiment.score);
        match &mut self.orders {
            Some(orders) => orders.rescore(doc, score, score_of),
            None => self.rescored.push(doc),
        }
        if let (Some(slot), Some(stamp)) =
            (Arc::make_mut(&mut self.stamps).get_mut(doc as usize), stamp)
        {
            *slot = stamp;
        }
    }

    /// How many files were read and parsed to open this library (not counting files that
    /// failed to load); the others were taken from the cache.
    pub fn parsed_files(&self) -> usize {
        self.parsed_files
    }

    /// Every article, newest first. Articles taken from the cache are all decoded the first
    /// time; a search decodes only those it finds.
    pub fn articles(&self) -> &[Article] {
        self.articles.as_slice()
    }

    /// How many articles there are.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// True when the library holds no article.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Article `doc`, decoded from the cache now if it was not yet.
    pub fn article(&self, doc: u32) -> Option<&Article> {
        self.articles.get(doc as usize)
    }

    /// The id and path of article `doc`, without decoding it.
    pub fn name(&self, doc: u32) -> Option<(&str, &Path)> {
        self.articles.name(doc as usize)
    }

    /// Takes the score and title orders worked out for this library (see [`Warmup`]), with
    /// the scores changed since put right.
    pub fn set_orders(&mut self, mut orders: Orders) {
        let articles = &self.articles;
        let score_of = |d: u32| articles.get(d as usize).and_then(|a| a.sentiment.score);
        for doc in std::mem::take(&mut self.rescored) {
            orders.rescore(doc, score_of(doc), score_of);
        }
        self.orders = Some(orders);
    }

    /// True once the score and title orders have come.
    pub fn has_orders(&self) -> bool {
        self.orders.is_some()
    }

    /// What a front end can do on another thread once it has this library: see [`Warmup`].
    pub fn warmup(&self) -> Warmup {
        Warmup {
            articles: Arc::clone(&self.articles),
            index: Arc::clone(&self.index),
        }
    }

    /// The word index, in the articles' order.
    #[cfg(test)]
    pub(crate) fn index(&self) -> &Index {
        &self.index
    }

    /// Files and folders that could not be loaded, sorted by path.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The articles in `order`.
    pub fn sorted(&self, order: SortOrder) -> Vec<&Article> {
        self.matching(&Query::default(), order)
    }

    /// Finds an article by its id (which no other article has), or else by the path it was
    /// read from.
    pub fn find(&self, id_or_path: &str) -> Option<&Article> {
        let articles = &self.articles;
        let doc = (0..articles.len())
            .find(|&doc| articles.name(doc).is_some_and(|(id, _)| id == id_or_path))
            .or_else(|| {
                let wanted = std::fs::canonicalize(id_or_path).ok()?;
                (0..articles.len()).find(|&doc| {
                    (articles.name(doc)).is_some_and(|(_, path)| same_file(path, &wanted))
                })
            })?;
        Some(&articles[doc])
    }
}

fn same_file(path: &Path, canonical: &Path) -> bool {
    path == canonical || std::fs::canonicalize(path).is_ok_and(|p| p == canonical)
}

mod arriving;
mod articles;
mod catalog;
mod open;
mod orders;
mod progress;
mod read;
mod reuse;
mod saving;
mod search;
mod selection;
mod source;
mod stream;
mod warmup;

pub use crate::index::DocSet;
pub use arriving::Arriving;
pub use articles::Articles;
pub use catalog::Catalog;
pub use orders::{Orders, SortKeys};
pub use progress::Progress;
pub use saving::CacheToWrite;
pub use selection::Selection;
pub use source::LibrarySource;
pub use stream::LoadEvent;
pub use warmup::Warmup;

/// Reads and indexes `sources`, adding the files that fail to `problems`.
fn read_and_index(
    sources: &[Source],
    reading: &Reading,
    problems: &mut Vec<Problem>,
    progress: &mut dyn FnMut(Progress),
) -> (ReadArticles, Vec<Shard>) {
    let mut read = ReadArticles::with_capacity(sources.len());
    let mut done = 0;
    let shards = read::read_and_index(sources, reading, |result| {
        done += 1;
        match result {
            Ok(indexed) => {
                progress(Progress::Read {
                    article: &indexed.article,
                    done,
                });
                read.push(indexed);
            }
            Err(problem) => {
                progress(Progress::Failed { done });
                problems.push(problem);
            }
        }
    });
    (read, shards)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Scale;
    use crate::article::Sentiment;
    use crate::date::ArticleDate;

    fn article(id: &str, title: &str, date: Option<&str>, score: Option<f64>) -> Article {
        Article {
            id: id.into(),
            path: id.into(),
            title: title.into(),
            date: date.map(|d| ArticleDate::parse(d).unwrap()),
            category: None,
            tags: vec![],
            source_url: None,
            sentiment: Sentiment::from_file(score, None, Scale::default()),
            tldr: vec![],
            tldr_origin: None,
            body: String::new(),
            left_out: 0,
            words: 0,
            extra: vec![],
            warnings: vec![],
        }
    }

    fn library() -> Library {
        Library::from_loaded(
            Loaded {
                articles: vec![
                    article("old", "Old", Some("2025-01-01"), Some(2.0)),
                    article("undated", "Undated", None, None),
                    article("new", "New", Some("2026-01-01"), Some(8.0)),
                    article("tie-b", "beta", Some("2025-06-01"), Some(5.0)),
                    article("tie-a", "Alpha", Some("2025-06-01"), None),
                ],
                ..Loaded::default()
            },
            &Reading::default(),
        )
    }

    fn ids(articles: &[&Article]) -> Vec<String> {
        articles.iter().map(|a| a.id.clone()).collect()
    }

    #[test]
    fn default_order_is_newest_first_undated_last_ties_by_title() {
        let library = library();
        assert_eq!(
            ids(&library.sorted(SortOrder::Date)),
            ["new", "tie-a", "tie-b", "old", "undated"]
        );
    }

    #[test]
    fn score_order_is_most_positive_first_unscored_last() {
        assert_eq!(
            ids(&library().sorted(SortOrder::Score)),
            ["new", "tie-b", "old", "tie-a", "undated"]
        );
    }

    #[test]
    fn title_order_ignores_case() {
        assert_eq!(
            ids(&library().sorted(SortOrder::Title)),
            ["tie-a", "tie-b", "new", "old", "undated"]
        );
    }

    /// The library's search (index for words, metadata checks for the rest) must answer what
    /// a plain scan of the same articles, bodies included, answers.
    #[test]
    fn search_answers_what_a_scan_answers() {
        let loaded =
            crate::loader::load_embedded(samples::SAMPLES, samples::ORIGIN, &Reading::default());
        let reference: Vec<Article> = loaded.articles.clone();
        let library = Library::from_loaded(loaded, &Reading::default());
        let queries = [
            "sanctions",
            "s",
            "\"central bank\"",
            "\"oil pri\"",
            "label:negative",
            "label:untagged",
            "label:bull -score:>=8",
            "score:>=7",
            "score:3..5 date:2025",
            "date:2026-02",
            "date:<2026",
            "source:example",
            "-source:ft.com label:negative",
            "title:chip",
            "category:tech -chip",
            "tag:battery",
            "-tag:markets label:mixed",
            "supply-chain",
            "russia -title:russia",
            "record profit",
            "\"record profit\" -label:positive",
            "date:2025-10..2025-12 -oil",
            "oil OR gas",
            "(label:negative OR score:<3) -category:markets",
            "-(russia OR chip) label:negative",
            "title:oil OR source:example",
            "record (profit OR sales) OR is:unread -\"central bank\"",
        ];
        let mut non_trivial = 0;
        for text in queries {
            let query = Query::parse(text).unwrap();
            let mut found: Vec<&str> = library
                .search(&query)
                .iter()
                .map(|doc| library.articles()[doc as usize].id.as_str())
                .collect();
            let mut scanned: Vec<&str> = reference
                .iter()
                .filter(|a| query.matches(a))
                .map(|a| a.id.as_str())
                .collect();
            found.sort();
            scanned.sort();
            assert_eq!(found, scanned, "{text}");
            non_trivial += usize::from(!scanned.is_empty() && scanned.len() < reference.len());
        }
        assert!(
            non_trivial >= 22,
            "only {non_trivial} queries told articles apart"
        );
    }

    #[test]
    fn every_sample_file_is_built_in_and_loads_cleanly() {
        let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-articles"))
            .unwrap()
            .count();
        assert_eq!(samples::SAMPLES.len(), on_disk);
        let library = Library::built_in(&Reading::default());
        assert_eq!(library.articles().len(), on_disk);
        assert!(library.problems().is_empty(), "{:?}", library.problems());
        for article in library.articles() {
            assert!(
                article.warnings.is_empty(),
                "{}: {:?}",
                article.id,
                article.warnings
            );
        }
    }

    #[test]
    fn finds_by_id() {
        assert_eq!(library().find("old").map(|a| a.title.as_str()), Some("Old"));
        assert!(library().find("nothing").is_none());
    }
}
