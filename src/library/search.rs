//! Answering queries: the index for words, the articles for the other terms.

use super::{Library, SortOrder};
use crate::article::Article;
use crate::index::{DocSet, Index};
use crate::marks::Marks;
use crate::parallel;
use crate::query::{Query, Test, TextTest};

impl Library {
    /// The documents matching `query`, every article unread and unstarred.
    pub fn search(&self, query: &Query) -> DocSet {
        self.search_marked(query, &Marks::default())
    }

    /// The documents matching `query`, with `marks` answering `is:` terms: text terms are
    /// answered by the index, and the other terms are checked only on the documents still in
    /// the running.
    pub fn search_marked(&self, query: &Query, marks: &Marks) -> DocSet {
        let mut decoded = false;
        let mut answer = |test: &Test, within: &DocSet| match test {
            Test::Text(text) => self.find_text(text),
            other => {
                if !decoded {
                    // These terms look at the articles themselves, most of them as a rule:
                    // those still to be decoded from the cache are decoded on all cores first,
                    // rather than one by one here.
                    self.articles.as_slice();
                    decoded = true;
                }
                let mut found = within.emptied();
                for doc in within.iter() {
                    if self.holds(other, doc, marks) {
                        found.insert(doc);
                    }
                }
                found
            }
        };
        crate::index::select(query.expr(), DocSet::full(self.articles.len()), &mut answer)
    }

    /// The documents in which `test` finds its words. A phrase needs the word streams an index
    /// read from the cache leaves in the cache file; should that file have been damaged since
    /// it was opened, the articles' files are read again and indexed anew, once.
    fn find_text(&self, test: &TextTest) -> DocSet {
        match self.index.find(test) {
            Ok(found) => found,
            Err(_) => self
                .reread_index()
                .find(test)
                .unwrap_or_else(|_| DocSet::empty(self.articles.len())),
        }
    }

    /// An index of every article with its body read again from its file (an article whose
    /// file cannot be read now is indexed without its body).
    fn reread_index(&self) -> &Index {
        self.reread.get_or_init(|| {
            let mut articles = self.articles.as_slice().to_vec();
            parallel::for_each(
                self.articles.as_slice(),
                |article| self.body(article).unwrap_or_default(),
                |doc, body| articles[doc].body = body,
            );
            Index::build(&articles)
        })
    }

    /// Each article's source URL in lowercase.
    fn lowercase_sources(&self) -> &[Option<Box<str>>] {
        self.sources.get_or_init(|| {
            let articles = self.articles.iter();
            articles
                .map(|a| a.source_url.as_deref().map(|url| url.to_lowercase().into()))
                .collect()
        })
    }

    /// Whether document `doc` satisfies a test that is not a text term.
    fn holds(&self, test: &Test, doc: u32, marks: &Marks) -> bool {
        match test {
            Test::Source(part) => self.lowercase_sources()[doc as usize]
                .as_deref()
                .is_some_and(|url| url.contains(part.as_str())),
            _ => test.holds_for(&self.articles[doc as usize], marks),
        }
    }

    /// The articles matching `query`, in `order`.
    pub fn matching(&self, query: &Query, order: SortOrder) -> Vec<&Article> {
        self.matching_marked(query, order, &Marks::default())
    }

    /// The articles matching `query` with `marks` answering `is:` terms, in `order`.
    pub fn matching_marked(&self, query: &Query, order: SortOrder, marks: &Marks) -> Vec<&Article> {
        let found = self.search_marked(query, marks);
        let mut matching: Vec<&Article> = found
            .iter()
            .map(|doc| &self.articles[doc as usize])
            .collect();
        if order != SortOrder::Date {
            matching.sort_by(|a, b| order.compare(a, b));
        }
        matching
    }
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::cache::CacheStore;
    use crate::reading::Reading;

    /// A library of `stories` files, some of them holding the phrase "central bank", and a
    /// cache of its own that the library has been opened through once.
    fn cached_library(stories: usize) -> (tempfile::TempDir, Vec<PathBuf>, CacheStore) {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("library");
        fs::create_dir_all(&library).unwrap();
        for n in 0..stories {
            let body = match n % 3 {
                0 => "The central bank held rates.",
                1 => "A bank in the central square.",
                _ => "Central heating and bank holidays.",
            };
            let text = format!("---\ntitle: Story {n}\n---\n{body}\n");
            fs::write(library.join(format!("{n}.md")), text).unwrap();
        }
        let store = CacheStore::new(dir.path().join("cache"));
        let paths = vec![library];
        Library::open(&paths, &Reading::default(), Some(&store));
        (dir, paths, store)
    }

    fn ids(library: &Library, query: &str) -> Vec<String> {
        let query = Query::parse(query).unwrap();
        let mut ids: Vec<String> = library
            .matching(&query, SortOrder::Date)
            .iter()
            .map(|article| article.id.clone())
            .collect();
        ids.sort();
        ids
    }

    fn cache_file(store_dir: &Path) -> PathBuf {
        let [file] = fs::read_dir(store_dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "cache"))
            .collect::<Vec<_>>()
            .try_into()
            .unwrap();
        file
    }

    /// The answers to [`QUERIES`] without the cache, and the library opened from it.
    fn expected_and_opened(paths: &[PathBuf], store: &CacheStore) -> (Vec<Vec<String>>, Library) {
        let expected = QUERIES
            .iter()
            .map(|q| ids(&Library::load(paths, &Reading::default()), q))
            .collect();
        let library = Library::open(paths, &Reading::default(), Some(store));
        assert_eq!(library.parsed_files(), 0, "opened from the cache");
        (expected, library)
    }

    const QUERIES: [&str; 4] = [
        "central",
        "\"central bank\"",
        "\"bank in\"",
        "-\"central b\"",
    ];

    /// The cache is written by renaming a new file into place: a library opened before keeps
    /// reading the file it opened.
    #[test]
    fn a_cache_replaced_after_opening_changes_no_answer() {
        let (dir, paths, store) = cached_library(30);
        let (expected, library) = expected_and_opened(&paths, &store);
        let file = cache_file(&dir.path().join("cache"));
        let replacement = file.with_extension("new");
        fs::write(&replacement, b"something else entirely").unwrap();
        fs::rename(&replacement, &file).unwrap();
        for (query, expected) in QUERIES.iter().zip(&expected) {
            assert_eq!(&ids(&library, query), expected, "{query}");
        }
        assert!(library.reread.get().is_none(), "no file was read again");
    }

    /// A cache file cut short in place after it was opened cannot give the word streams:
    /// phrases are then answered from the articles' files, read again.
    #[test]
    fn a_cache_truncated_after_opening_changes_no_answer() {
        let (dir, paths, store) = cached_library(30);
        let (expected, library) = expected_and_opened(&paths, &store);
        let file = cache_file(&dir.path().join("cache"));
        let len = fs::metadata(&file).unwrap().len();
        fs::OpenOptions::new()
            .write(true)
            .open(&file)
            .unwrap()
            .set_len(len / 2)
            .unwrap();
        for (query, expected) in QUERIES.iter().zip(&expected) {
            assert_eq!(&ids(&library, query), expected, "{query}");
        }
        assert!(library.reread.get().is_some(), "the files were read again");
        let reopened = Library::open(&paths, &Reading::default(), Some(&store));
        assert_eq!(
            reopened.parsed_files(),
            30,
            "the damaged cache was not used again"
        );
    }

    /// A cache damaged in place in its last word streams, found when a file has changed: the
    /// cached shards are kept, but the damaged streams are not copied into a new cache; the
    /// damaged cache is removed, the next start reads every file, and every answer stays
    /// right (a search that needs the damaged streams reads the files instead).
    #[test]
    fn a_cache_damaged_in_place_found_on_a_change_is_not_copied_but_removed() {
        let (dir, paths, store) = cached_library(30);
        let file = cache_file(&dir.path().join("cache"));
        let mut bytes = fs::read(&file).unwrap();
        // The file ends with the table of sections, then where the table starts; the last
        // section before the table is the last shard's word streams, ending in its checksum.
        let table_start = u64::from_le_bytes(bytes[bytes.len() - 8..].try_into().unwrap());
        bytes[table_start as usize - 12] ^= 0x40;
        fs::write(&file, &bytes).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(10));
        fs::write(
            paths[0].join("7.md"),
            "---\ntitle: Story 7\n---\nThe central bank again.\n",
        )
        .unwrap();
        let expected: Vec<Vec<String>> = QUERIES
            .iter()
            .map(|q| ids(&Library::load(&paths, &Reading::default()), q))
            .collect();
        let reopened = Library::open(&paths, &Reading::default(), Some(&store));
        assert_eq!(reopened.parsed_files(), 1, "the cache was used");
        assert!(!file.exists(), "the damaged cache is removed");
        for (query, expected) in QUERIES.iter().zip(&expected) {
            assert_eq!(&ids(&reopened, query), expected, "{query}");
        }
        let next = Library::open(&paths, &Reading::default(), Some(&store));
        assert_eq!(next.parsed_files(), 30, "every file read again");
        for (query, expected) in QUERIES.iter().zip(&expected) {
            assert_eq!(&ids(&next, query), expected, "{query}, opened again");
        }
        let warm = Library::open(&paths, &Reading::default(), Some(&store));
        assert_eq!(warm.parsed_files(), 0, "a good cache was written");
    }
}
