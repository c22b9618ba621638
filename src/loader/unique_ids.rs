//! One id for one article.
//!
//! Read marks, stars, `show ID` and the reader's preview all find an article by its id, so two
//! articles that shared one would share their marks and could show each other's text. Ids
//! meet when two folders named hold the same path below them (`a/news/x.md` and
//! `b/news/x.md` are both `news/x.md`), when two files named directly have one name, or when
//! two names differ only in characters an id cannot show (each is shown as `?`).

use rustc_hash::{FxHashMap, FxHashSet};

use super::problem::{Problem, display_path};
use super::walk::Source;

/// Gives each source an id no earlier one has. The first keeps its id, so that a library of
/// one folder, and the first folder of several, keep theirs whatever else is named; a later
/// one is known by its path in full, which stays the same from run to run as long as the file
/// does.
pub fn make_ids_unique(sources: &mut [Source], problems: &mut Vec<Problem>) {
    // Nearly always every id is unique already: find out without copying any.
    let mut first_with: FxHashMap<&str, usize> = FxHashMap::default();
    let mut repeated = Vec::new();
    for (at, source) in sources.iter().enumerate() {
        if let Some(&first) = first_with.get(source.id.as_str()) {
            repeated.push((at, first));
        } else {
            first_with.insert(source.id.as_str(), at);
        }
    }
    if repeated.is_empty() {
        return;
    }
    let mut taken: FxHashSet<String> = first_with.into_keys().map(str::to_owned).collect();
    for (at, first) in repeated {
        let full =
            std::path::absolute(&sources[at].path).unwrap_or_else(|_| sources[at].path.clone());
        let id = first_free(&display_path(&full), &taken);
        taken.insert(id.clone());
        let message = format!(
            "the id `{}` is also the id of {}; this one's id is its path, `{id}`",
            sources[at].id,
            display_path(&sources[first].path)
        );
        problems.push(Problem::warning(&sources[at].path, message));
        sources[at].id = id;
    }
}

/// `wanted`, or `wanted (2)`, `wanted (3)`… whichever is first not `taken`.
fn first_free(wanted: &str, taken: &FxHashSet<String>) -> String {
    if !taken.contains(wanted) {
        return wanted.to_owned();
    }
    let mut n = 2;
    loop {
        let id = format!("{wanted} ({n})");
        if !taken.contains(&id) {
            return id;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn source(path: &str, id: &str) -> Source {
        Source {
            path: PathBuf::from(path),
            id: id.to_owned(),
            stamp: None,
            regular: true,
        }
    }

    fn ids(sources: &[Source]) -> Vec<&str> {
        sources.iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn unique_ids_are_kept() {
        let mut sources = vec![source("/a/x.md", "x.md"), source("/a/y.md", "y.md")];
        make_ids_unique(&mut sources, &mut Vec::new());
        assert_eq!(ids(&sources), ["x.md", "y.md"]);
    }

    #[test]
    fn a_repeated_id_becomes_the_later_files_path() {
        let mut sources = vec![
            source("/a/news/x.md", "news/x.md"),
            source("/b/news/x.md", "news/x.md"),
            source("/c/news/x.md", "news/x.md"),
        ];
        make_ids_unique(&mut sources, &mut Vec::new());
        assert_eq!(ids(&sources), ["news/x.md", "/b/news/x.md", "/c/news/x.md"]);
    }

    #[test]
    fn a_path_that_is_an_id_already_is_numbered() {
        // Two names shown alike (`?` for a character an id cannot show) in one folder.
        let mut sources = vec![
            source("/a/b?.md", "/a/b?.md"),
            source("/a/b\u{7}.md", "/a/b?.md"),
            source("/a/b\u{8}.md", "/a/b?.md"),
        ];
        make_ids_unique(&mut sources, &mut Vec::new());
        assert_eq!(ids(&sources), ["/a/b?.md", "/a/b?.md (2)", "/a/b?.md (3)"]);
    }
}
