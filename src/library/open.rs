//! Opening a library through the cache: files whose stamp is unchanged are not read again.

use std::fs;
use std::path::{Path, PathBuf};

use super::reuse::{keep_unchanged, rebuild_unchanged, shards_to_keep};
use super::{Articles, CacheToWrite, Library, Progress, read_and_index};
use crate::cache::{CacheStore, Cached};
use crate::loader::{self, FileStamp, Source};
use crate::parallel;
use crate::reading::Reading;

/// A file the cache holds unchanged.
pub(super) struct Unchanged {
    pub(super) source: Source,
    pub(super) stamp: FileStamp,
    /// Its document number in the cache.
    pub(super) doc: u32,
}

impl Library {
    /// Loads the articles under `paths`, taking from `cache` every article whose file has the
    /// same stamp (size, modification and change time) as when it was cached, and saves the cache again when
    /// anything changed. Without a cache this is [`Library::load`]. The answers are the same
    /// either way.
    pub fn open(paths: &[PathBuf], reading: &Reading, cache: Option<&CacheStore>) -> Library {
        Library::open_with_progress(paths, reading, cache, &mut |_| {})
    }

    /// [`Library::open`], telling `progress` how far it has got: articles read from their
    /// files are reported one by one as they are parsed, those from the cache all at once.
    pub fn open_with_progress(
        paths: &[PathBuf],
        reading: &Reading,
        cache: Option<&CacheStore>,
        progress: &mut dyn FnMut(Progress),
    ) -> Library {
        let (library, cache_to_write) =
            Library::open_leaving_the_cache(paths, reading, cache, progress);
        if let Some(cache) = cache_to_write {
            cache.write();
        }
        library
    }

    /// [`Library::open_with_progress`], leaving the cache to be written (if anything changed)
    /// to the caller, who can hand the library on first.
    pub fn open_leaving_the_cache(
        paths: &[PathBuf],
        reading: &Reading,
        cache: Option<&CacheStore>,
        progress: &mut dyn FnMut(Progress),
    ) -> (Library, Option<CacheToWrite>) {
        let Some(store) = cache else {
            return (Library::load_with_progress(paths, reading, progress), None);
        };
        // The cache is read while the folders are walked: the walk waits on the file system
        // one file at a time, and reading the cache keeps the other cores busy meanwhile.
        let (cached, walk) = parallel::join(
            || store.load(paths, reading),
            || {
                let walk = loader::walk(paths, &reading.limits);
                progress(Progress::Found {
                    files: walk.sources.len(),
                    cut_short: walk.cut_short,
                });
                walk
            },
        );
        let mut problems = walk.problems;
        let Some(cached) = cached else {
            let (read, shards) = read_and_index(&walk.sources, reading, &mut problems, progress);
            let parsed = read.len();
            let library = Library::from_indexed(read, shards, problems, parsed, reading);
            let cache = CacheToWrite::of(&library, store, paths, reading, None);
            return (library, Some(cache));
        };
        let (unchanged, to_read) = split_unchanged(walk.sources, &cached);
        progress(Progress::Cached {
            articles: unchanged.len(),
        });
        let (mut read, mut shards) = read_and_index(&to_read, reading, &mut problems, progress);
        if read.is_empty() && unchanged.len() == cached.articles.len() {
            // Nothing changed but files that still fail to load: the cached index is the
            // library's as it is, with each article's id and path as this walk names them
            // (the same folders named in another order can name a file differently). Every
            // article is given both: the unchanged files are as many as the articles and
            // each is a different one of them.
            let mut names = vec![Default::default(); cached.articles.len()];
            for file in unchanged {
                if let Some(name) = names.get_mut(file.doc as usize) {
                    *name = (file.source.id, file.source.path);
                }
            }
            let articles = Articles::cached(cached.articles, names);
            let library =
                Library::from_parts(articles, cached.stamps, problems, cached.index, 0, reading);
            return (library, None);
        }
        let mut parsed = read.len();
        let mut copied = None;
        let keep = shards_to_keep(&cached.index, unchanged.len(), shards.len());
        let (kept, rebuilt) = if let Some(keep) = keep {
            let (kept, rebuilt, sections) = keep_unchanged(unchanged, cached, shards.len(), &keep);
            copied = Some(sections);
            (kept, rebuilt)
        } else if cached.index.read_all().is_ok() {
            rebuild_unchanged(unchanged, cached, shards.len())
        } else {
            // The cache file lost part of its index since it was opened: the unchanged
            // files are read again too.
            let sources: Vec<Source> = unchanged.into_iter().map(|file| file.source).collect();
            let (mut reread, reread_shards) =
                read_and_index(&sources, reading, &mut problems, progress);
            reread.shift_shards(shards.len());
            parsed += reread.len();
            (reread, reread_shards)
        };
        read.append(kept);
        shards.extend(rebuilt);
        let library = Library::from_indexed(read, shards, problems, parsed, reading);
        let cache = CacheToWrite::of(&library, store, paths, reading, copied);
        (library, Some(cache))
    }
}

/// Splits the files into those the cache holds unchanged and those to read, by the stamps the
/// walk took (files it has no stamp for are looked at again, on all cores).
fn split_unchanged(sources: Vec<Source>, cached: &Cached) -> (Vec<Unchanged>, Vec<Source>) {
    // Each cached article is given to one file at most.
    let mut taken = vec![false; cached.articles.len()];
    let mut stamps: Vec<Option<FileStamp>> = sources.iter().map(|source| source.stamp).collect();
    if stamps.iter().any(Option::is_none) {
        parallel::for_each(
            &sources,
            |source| {
                source
                    .stamp
                    .or_else(|| fs::metadata(&source.path).ok().map(|m| FileStamp::of(&m)))
            },
            |at, stamp| stamps[at] = stamp,
        );
    }
    let mut unchanged = Vec::with_capacity(sources.len());
    let mut to_read = Vec::new();
    for (source, stamp) in sources.into_iter().zip(stamps) {
        // By the paths' bytes: hashing a `Path` walks its components, which costs more than
        // the rest of this function.
        match (cached.paths.find(path_bytes(&source.path)), stamp) {
            (Some(doc), Some(stamp))
                if cached.stamps.get(doc as usize) == Some(&stamp)
                    && taken.get(doc as usize) == Some(&false) =>
            {
                taken[doc as usize] = true;
                unchanged.push(Unchanged { source, stamp, doc });
            }
            _ => to_read.push(source),
        }
    }
    (unchanged, to_read)
}

fn path_bytes(path: &Path) -> &[u8] {
    path.as_os_str().as_encoded_bytes()
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::time::Duration;

    use super::*;
    use crate::index::Shard;
    use crate::library::reuse::MAX_KEPT_SHARDS_PER_CORE;

    fn write(path: &Path, text: &str) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// A library of `stories` articles and one empty file, with a cache of its own.
    fn library_of(stories: usize) -> (tempfile::TempDir, PathBuf, CacheStore) {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("library");
        for n in 0..stories {
            write(
                &library.join(format!("{n}.md")),
                &format!("---\ntitle: Story {n}\n---\nBody {n}\n"),
            );
        }
        write(&library.join("broken.md"), "");
        let store = CacheStore::new(dir.path().join("cache"));
        (dir, library, store)
    }

    #[test]
    fn reopening_an_unchanged_library_parses_nothing() {
        let (_dir, library, store) = library_of(20);
        let paths = [library.clone()];
        let reading = Reading::default();
        assert_eq!(
            Library::open(&paths, &reading, Some(&store)).parsed_files(),
            20,
            "cold: every file"
        );
        assert_eq!(
            Library::open(&paths, &reading, Some(&store)).parsed_files(),
            0,
            "warm: none"
        );
        // Any change to one file, even one that puts its modification time back, parses it alone.
        let story = library.join("7.md");
        let modified = fs::metadata(&story).unwrap().modified().unwrap();
        std::thread::sleep(Duration::from_millis(10));
        fs::write(&story, "---\ntitle: Story X\n---\nBody 7\n").unwrap();
        fs::OpenOptions::new()
            .write(true)
            .open(&story)
            .unwrap()
            .set_modified(modified)
            .unwrap();
        let reopened = Library::open(&paths, &reading, Some(&store));
        assert_eq!(reopened.parsed_files(), 1);
        assert!(reopened.articles().iter().any(|a| a.title == "Story X"));
        assert_eq!(
            Library::open(&paths, &reading, Some(&store)).parsed_files(),
            0
        );
    }

    /// A library whose files are all unchanged decodes only the cached articles it is asked
    /// for, each with the id and path this walk gives its file, and the rest when all are.
    #[test]
    fn an_unchanged_library_decodes_only_the_articles_used() {
        let (_dir, library, store) = stories(10..30);
        let warm = Library::open(
            std::slice::from_ref(&library),
            &Reading::default(),
            Some(&store),
        );
        assert_eq!(warm.parsed_files(), 0);
        assert_eq!(warm.articles.decoded(), 0, "opening decodes none");
        assert_eq!(found(&warm, "story17"), ["17.md"]);
        assert_eq!(warm.articles.decoded(), 1, "a search decodes what it finds");
        let seventeen = warm.find("17.md").expect("found by id");
        assert_eq!(seventeen.title, "Story 17");
        assert_eq!(seventeen.path, library.join("17.md"));
        assert_eq!(
            warm.articles.decoded(),
            1,
            "found by id without decoding the others"
        );
        assert_eq!(found(&warm, "story18 label:untagged"), ["18.md"]);
        assert_eq!(
            warm.articles.decoded(),
            20,
            "a term on the articles themselves has them all decoded at once"
        );
        let cold = Library::load(std::slice::from_ref(&library), &Reading::default());
        assert_eq!(
            warm.articles(),
            cold.articles(),
            "all of them, as read from the files"
        );
        assert_eq!(warm.articles.decoded(), 20);
    }

    /// A library of the stories numbered `numbers`, each with its number in a word of its
    /// own (`story12`) and the word "oil", and a cache of its own, opened through it once.
    fn stories(numbers: std::ops::Range<usize>) -> (tempfile::TempDir, PathBuf, CacheStore) {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("library");
        for n in numbers {
            let text = format!("---\ntitle: Story {n}\n---\nBody of story{n}, and oil.\n");
            write(&library.join(format!("{n}.md")), &text);
        }
        let store = CacheStore::new(dir.path().join("cache"));
        Library::open(
            std::slice::from_ref(&library),
            &Reading::default(),
            Some(&store),
        );
        (dir, library, store)
    }

    /// The ids of the articles `query` finds, in order.
    fn found(library: &Library, query: &str) -> Vec<String> {
        let query = crate::query::Query::parse(query).unwrap();
        let found = library.matching(&query, crate::query::SortOrder::Title);
        found.iter().map(|article| article.id.clone()).collect()
    }

    /// A few files changed, gone or new: the cached shards are kept, the documents of the
    /// changed and gone files in them are passed over by searches, and the answers are those
    /// of a library read from its files, then and after the cache is saved and read again.
    #[test]
    fn a_few_changes_keep_the_cached_shards_and_every_answer() {
        // Two digits each, so that no story's word starts another's.
        let (_dir, library, store) = stories(10..50);
        let paths = [library.clone()];
        let reading = Reading::default();
        let cached_shards = Library::open(&paths, &reading, Some(&store))
            .index()
            .shards()
            .len();
        std::thread::sleep(Duration::from_millis(10));
        write(
            &library.join("13.md"),
            "---\ntitle: Story 13\n---\nNow zinc.\n",
        );
        fs::remove_file(library.join("15.md")).unwrap();
        write(
            &library.join("new.md"),
            "---\ntitle: New\n---\nAlso zinc and oil.\n",
        );
        let queries = [
            "oil",
            "zinc",
            "story13",
            "story15",
            "story17",
            "\"of story\"",
            "-oil",
        ];
        let expected: Vec<Vec<String>> = queries
            .iter()
            .map(|q| found(&Library::load(&paths, &reading), q))
            .collect();
        assert_eq!(expected[1], ["new.md", "13.md"]);
        assert!(expected[2].is_empty() && expected[3].is_empty());
        assert_eq!(expected[4], ["17.md"]);
        let reopened = Library::open(&paths, &reading, Some(&store));
        assert_eq!(reopened.parsed_files(), 2);
        let shards = reopened.index().shards();
        assert!(
            shards.len() > cached_shards,
            "kept, and more for the files read"
        );
        let live: usize = shards.iter().map(Shard::live_docs).sum();
        let docs: usize = shards.iter().map(|s| s.doc_count() as usize).sum();
        assert_eq!(
            (live, docs),
            (40, 42),
            "the old 13.md and 15.md are of no article"
        );
        for (query, expected) in queries.iter().zip(&expected) {
            assert_eq!(&found(&reopened, query), expected, "{query}");
        }
        let warm = Library::open(&paths, &reading, Some(&store));
        assert_eq!(warm.parsed_files(), 0);
        for (query, expected) in queries.iter().zip(&expected) {
            assert_eq!(
                &found(&warm, query),
                expected,
                "{query} from the saved cache"
            );
        }
        // Again, from the cache whose shards were copied: they are copied once more.
        std::thread::sleep(Duration::from_millis(10));
        write(
            &library.join("17.md"),
            "---\ntitle: Story 17\n---\nNow tin.\n",
        );
        let queries = ["oil", "zinc", "tin", "story17", "story19", "\"of story\""];
        let expected: Vec<Vec<String>> = queries
            .iter()
            .map(|q| found(&Library::load(&paths, &reading), q))
            .collect();
        assert_eq!(expected[2], ["17.md"]);
        let reopened = Library::open(&paths, &reading, Some(&store));
        assert_eq!(reopened.parsed_files(), 1);
        let warm = Library::open(&paths, &reading, Some(&store));
        assert_eq!(warm.parsed_files(), 0);
        let live: usize = warm.index().shards().iter().map(Shard::live_docs).sum();
        assert_eq!(live, 40);
        for library in [&reopened, &warm] {
            for (query, expected) in queries.iter().zip(&expected) {
                assert_eq!(
                    &found(library, query),
                    expected,
                    "{query} after a second change"
                );
            }
        }
    }

    /// A file changed again and again adds a small shard each time; past the limit, the
    /// small ones are indexed again into one and the large ones kept, with every answer right.
    #[test]
    fn many_loads_of_a_few_changes_merge_the_small_shards_and_keep_the_large() {
        let (_dir, library, store) = stories(100..400);
        let paths = [library.clone()];
        let reading = Reading::default();
        let most = MAX_KEPT_SHARDS_PER_CORE * parallel::cores();
        let (mut merged, mut previous) = (false, 0);
        for change in 0..most + 4 {
            std::thread::sleep(Duration::from_millis(5));
            let text = format!("---\ntitle: Story 100\n---\nNow zinc{change}.\n");
            write(&library.join("100.md"), &text);
            let reopened = Library::open(&paths, &reading, Some(&store));
            assert_eq!(reopened.parsed_files(), 1, "change {change}");
            let shards = reopened.index().shards();
            assert!(
                shards.len() <= most,
                "change {change}: {} shards",
                shards.len()
            );
            let kept_with_gone = shards
                .iter()
                .any(|s| s.live_docs() < s.doc_count() as usize);
            assert!(
                kept_with_gone,
                "change {change}: the large shards were kept"
            );
            merged |= shards.len() < previous;
            previous = shards.len();
            assert_eq!(found(&reopened, &format!("zinc{change}")), ["100.md"]);
            assert!(found(&reopened, "story100").is_empty());
            assert_eq!(found(&reopened, "oil").len(), 299);
        }
        assert!(merged, "the small shards were merged at least once");
    }

    /// Once a quarter of the cached documents are of no article, the shards are built again
    /// from the unchanged files' words.
    #[test]
    fn many_changes_build_the_shards_again() {
        let (_dir, library, store) = library_of(20);
        let paths = [library.clone()];
        let reading = Reading::default();
        Library::open(&paths, &reading, Some(&store));
        for n in 0..6 {
            fs::remove_file(library.join(format!("{n}.md"))).unwrap();
        }
        let reopened = Library::open(&paths, &reading, Some(&store));
        assert_eq!(reopened.parsed_files(), 0);
        let shards = reopened.index().shards();
        assert!(
            shards
                .iter()
                .all(|s| s.live_docs() == s.doc_count() as usize)
        );
        assert_eq!(reopened.articles().len(), 14);
        assert_eq!(found(&reopened, "story").len(), 14);
    }

    /// A library opened leaving its cache to the caller is complete at once; the cache is
    /// written when the caller asks, and then serves the next start.
    #[test]
    fn a_cache_left_to_the_caller_is_written_when_asked() {
        let (dir, library, store) = library_of(5);
        let paths = [library];
        let reading = Reading::default();
        let cache_files = || {
            let caches = fs::read_dir(dir.path().join("cache")).into_iter().flatten();
            let is_cache = |path: &Path| path.extension().is_some_and(|e| e == "cache");
            caches
                .filter(|e| is_cache(&e.as_ref().unwrap().path()))
                .count()
        };
        let (opened, cache) =
            Library::open_leaving_the_cache(&paths, &reading, Some(&store), &mut |_| {});
        assert_eq!(opened.articles().len(), 5);
        assert_eq!(cache_files(), 0, "nothing written yet");
        cache.expect("a cache to write").write();
        assert_eq!(cache_files(), 1);
        let (warm, cache) =
            Library::open_leaving_the_cache(&paths, &reading, Some(&store), &mut |_| {});
        assert_eq!(warm.parsed_files(), 0);
        assert!(cache.is_none(), "nothing changed, nothing to write");
    }

    /// Whether read now or taken from the cache, each article keeps the stamp its file had, so
    /// that a writer can tell whether the file changed since.
    #[test]
    fn articles_keep_their_files_stamps_cold_and_warm() {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("library");
        for n in 0..3 {
            write(
                &library.join(format!("{n}.md")),
                &format!("---\ntitle: Story {n}\n---\n{}\n", "word ".repeat(n)),
            );
        }
        let store = CacheStore::new(dir.path().join("cache"));
        let paths = [library.clone()];
        for run in ["cold", "warm"] {
            let opened = Library::open(&paths, &Reading::default(), Some(&store));
            assert_eq!(opened.articles().len(), 3);
            let parsed = if run == "cold" { 3 } else { 0 };
            assert_eq!(opened.parsed_files(), parsed, "{run}");
            for (doc, article) in opened.articles().iter().enumerate() {
                let on_disk = FileStamp::of(&fs::metadata(&article.path).unwrap());
                assert_eq!(
                    opened.stamp(doc as u32),
                    Some(on_disk),
                    "{run}: {}",
                    article.id
                );
            }
        }
        assert_eq!(
            crate::library::Library::built_in(&Reading::default()).stamp(0),
            None,
            "built-in samples are not files"
        );
    }

    #[test]
    fn progress_reports_each_article_as_it_is_read_and_cached_ones_at_once() {
        let (_dir, library, store) = library_of(5);
        let paths = [library];
        let reading = Reading::default();
        let mut steps = Vec::new();
        let opened = Library::open_with_progress(&paths, &reading, Some(&store), &mut |step| {
            steps.push(match step {
                Progress::Found { files, .. } => format!("found {files}"),
                Progress::Cached { articles } => format!("cached {articles}"),
                Progress::Read { article, done } => format!("read {done} {}", article.title),
                Progress::Failed { done } => format!("failed {done}"),
            })
        });
        assert_eq!(opened.articles().len(), 5);
        assert_eq!(steps[0], "found 6");
        assert_eq!(steps.len(), 7, "{steps:?}");
        let mut titles: Vec<&str> = steps[1..]
            .iter()
            .filter_map(|s| s.strip_prefix("read "))
            .map(|s| s.split_once(' ').unwrap().1)
            .collect();
        titles.sort();
        assert_eq!(
            titles,
            ["Story 0", "Story 1", "Story 2", "Story 3", "Story 4"]
        );
        let done: Vec<usize> = steps[1..]
            .iter()
            .map(|s| s.split(' ').nth(1).unwrap().parse().unwrap())
            .collect();
        assert_eq!(done, [1, 2, 3, 4, 5, 6], "counts rise by one per file");

        steps.clear();
        Library::open_with_progress(&paths, &reading, Some(&store), &mut |step| {
            steps.push(format!("{step:?}"))
        });
        assert_eq!(steps.len(), 3, "{steps:?}");
        assert_eq!(steps[1], "Cached { articles: 5 }");
        assert_eq!(
            steps[2], "Failed { done: 1 }",
            "the broken file is read again"
        );
    }
}
