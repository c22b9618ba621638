//! Opening a library through the cache: files whose stamp is unchanged are not read again.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::{Library, SortOrder};
use crate::article::Article;
use crate::cache::{CacheStore, Cached};
use crate::index::{DocText, Index};
use crate::limits::Limits;
use crate::loader::{self, FileStamp, LoadEvent, Source};
use crate::parallel;

/// An article of the library being opened, with where its words come from.
struct Entry {
    article: Article,
    stamp: FileStamp,
    /// Its document number in the cached index, when it was taken from the cache.
    cached_doc: Option<u32>,
}

impl Library {
    /// Loads the articles under `paths`, taking from `cache` every article whose file has the
    /// same size and modification time as when it was cached, and saves the cache again when
    /// anything changed. Without a cache this is [`Library::load`]. The answers are the same
    /// either way.
    pub fn open(paths: &[PathBuf], limits: &Limits, cache: Option<&CacheStore>) -> Library {
        let Some(store) = cache else {
            return Library::load(paths, limits);
        };
        let walk = loader::walk(paths);
        let mut problems = walk.problems;
        let cached = store.load(paths, limits);
        let (mut entries, to_read) = match &cached {
            Some(cached) => reuse_unchanged(walk.sources, cached),
            None => (Vec::new(), walk.sources),
        };
        if let Some(cached) = cached {
            if to_read.is_empty() && entries.len() == cached.articles.len() {
                // Nothing changed: the cached index is the library's, as it is.
                return Library::from_parts(cached.articles, problems, cached.index);
            }
            entries = take_articles(entries, cached.articles);
            let (fresh, fresh_problems) = read(&to_read, limits);
            problems.extend(fresh_problems);
            entries.extend(fresh);
            return index_and_save(entries, problems, Some(&cached.index), store, paths, limits);
        }
        let (fresh, fresh_problems) = read(&to_read, limits);
        problems.extend(fresh_problems);
        index_and_save(fresh, problems, None, store, paths, limits)
    }
}

/// Splits the files into those the cache holds unchanged (as entries still missing their
/// article) and those to read. Files are looked at, not read, on all cores.
fn reuse_unchanged(sources: Vec<Source>, cached: &Cached) -> (Vec<Entry>, Vec<Source>) {
    let cached_doc: HashMap<&Path, u32> = cached
        .articles
        .iter()
        .enumerate()
        .map(|(doc, article)| (article.path.as_path(), doc as u32))
        .collect();
    let mut stamps = vec![None; sources.len()];
    parallel::for_each(
        &sources,
        |source| fs::metadata(&source.path).ok().map(|m| FileStamp::of(&m)),
        |at, stamp| stamps[at] = stamp,
    );
    let mut reused = Vec::new();
    let mut to_read = Vec::new();
    for (source, stamp) in sources.into_iter().zip(stamps) {
        let doc = cached_doc.get(source.path.as_path()).copied();
        match (doc, stamp) {
            (Some(doc), Some(stamp)) if cached.stamps[doc as usize] == stamp => {
                let placeholder = Article::placeholder(source.id, source.path);
                reused.push(Entry {
                    article: placeholder,
                    stamp,
                    cached_doc: Some(doc),
                });
            }
            _ => to_read.push(source),
        }
    }
    (reused, to_read)
}

/// Fills the reused entries with their cached articles, keeping each entry's current id.
fn take_articles(entries: Vec<Entry>, articles: Vec<Article>) -> Vec<Entry> {
    let mut articles: Vec<Option<Article>> = articles.into_iter().map(Some).collect();
    entries
        .into_iter()
        .filter_map(|entry| {
            let doc = entry.cached_doc? as usize;
            let mut article = articles.get_mut(doc)?.take()?;
            article.id = entry.article.id;
            Some(Entry { article, ..entry })
        })
        .collect()
}

fn read(sources: &[Source], limits: &Limits) -> (Vec<Entry>, Vec<loader::Problem>) {
    let mut entries = Vec::with_capacity(sources.len());
    let mut problems = Vec::new();
    loader::read_each(sources, limits, |event| match event {
        LoadEvent::Article(article, stamp) => entries.push(Entry {
            article: *article,
            stamp,
            cached_doc: None,
        }),
        LoadEvent::Problem(problem) => problems.push(problem),
        LoadEvent::Found(_) => {}
    });
    (entries, problems)
}

/// Indexes the entries in date order (fresh articles from their text, cached ones from the
/// cached index's words), saves the cache and makes the library.
fn index_and_save(
    mut entries: Vec<Entry>,
    problems: Vec<loader::Problem>,
    cached_index: Option<&Index>,
    store: &CacheStore,
    paths: &[PathBuf],
    limits: &Limits,
) -> Library {
    entries.sort_by(|a, b| SortOrder::Date.compare(&a.article, &b.article));
    let docs: Vec<DocText> = entries
        .iter()
        .map(|entry| match (entry.cached_doc, cached_index) {
            (Some(doc), Some(index)) => DocText::Indexed(index, doc),
            _ => DocText::Article(&entry.article),
        })
        .collect();
    let index = Index::build_from(&docs);
    let (articles, stamps): (Vec<Article>, Vec<FileStamp>) =
        entries.into_iter().map(|e| (e.article, e.stamp)).unzip();
    store.save(paths, limits, &articles, &stamps, &index);
    Library::from_parts(articles, problems, index)
}
