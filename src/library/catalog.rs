//! The articles a front end shows: those arriving while a library is opened, then the library,
//! complete and indexed. Choosing the rows happens here, for both, so that a front end keeps
//! only the answer.

use std::path::Path;

use crate::article::Article;

use super::Library;
use super::arriving::Arriving;
use super::selection::Selection;

/// A library being opened or opened.
#[derive(Debug)]
pub enum Catalog {
    /// Articles as they arrive, searched by scanning.
    Arriving(Arriving),
    /// The library, complete.
    Loaded(Box<Library>),
}

impl Default for Catalog {
    fn default() -> Catalog {
        Catalog::Arriving(Arriving::default())
    }
}

impl Catalog {
    /// How many articles there are.
    pub fn len(&self) -> usize {
        match self {
            Catalog::Arriving(arriving) => arriving.len(),
            Catalog::Loaded(library) => library.len(),
        }
    }

    /// True when there is no article (yet).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Article `doc`, decoded from the cache now if it was not yet.
    pub fn article(&self, doc: u32) -> Option<&Article> {
        match self {
            Catalog::Arriving(arriving) => arriving.article(doc),
            Catalog::Loaded(library) => library.article(doc),
        }
    }

    /// The id of article `doc`, without decoding it.
    pub fn id(&self, doc: u32) -> Option<&str> {
        match self {
            Catalog::Arriving(arriving) => arriving.article(doc).map(|a| a.id.as_str()),
            Catalog::Loaded(library) => library.name(doc).map(|(id, _)| id),
        }
    }

    /// Every article, in document order (those of a library taken from the cache are all
    /// decoded, on all cores, the first time).
    pub fn articles(&self) -> Box<dyn Iterator<Item = &Article> + '_> {
        match self {
            Catalog::Arriving(arriving) => Box::new(arriving.articles().iter()),
            Catalog::Loaded(library) => Box::new(library.articles().iter()),
        }
    }

    /// The documents read from the file at `path`, without decoding any article.
    pub fn docs_with_path<'a>(&'a self, path: &'a Path) -> impl Iterator<Item = u32> + 'a {
        (0..self.len() as u32).filter(move |&doc| self.path(doc) == Some(path))
    }

    fn path(&self, doc: u32) -> Option<&Path> {
        match self {
            Catalog::Arriving(arriving) => arriving.article(doc).map(|a| &*a.path),
            Catalog::Loaded(library) => library.name(doc).map(|(_, path)| path),
        }
    }

    /// The library, once it is complete.
    pub fn library(&self) -> Option<&Library> {
        match self {
            Catalog::Arriving(_) => None,
            Catalog::Loaded(library) => Some(library),
        }
    }

    /// The library, once it is complete, to be changed.
    pub fn library_mut(&mut self) -> Option<&mut Library> {
        match self {
            Catalog::Arriving(_) => None,
            Catalog::Loaded(library) => Some(library),
        }
    }

    /// The document numbers of the articles `selection` admits, in its order.
    pub fn select(&self, selection: &Selection) -> Vec<u32> {
        match self {
            Catalog::Arriving(arriving) => arriving.select(selection),
            Catalog::Loaded(library) => library.select(selection),
        }
    }
}
