//! The library's articles, in document order: those read from their files are held as they
//! are, and those taken from the cache are decoded when first used, so that a search of a
//! large library whose files are all unchanged decodes only the articles it shows.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::article::Article;
use crate::cache::EncodedArticles;
use crate::parallel;

/// Every article of a library, by document number.
#[derive(Debug, Clone)]
pub struct Articles(Held);

#[derive(Debug, Clone)]
enum Held {
    Decoded(Vec<Article>),
    Cached(FromCache),
}

/// Articles from the cache, each decoded on first use with the id and path the walk gave its
/// file; all of them at once when they are wanted as one list.
#[derive(Debug, Clone)]
struct FromCache {
    encoded: Arc<EncodedArticles>,
    names: Vec<(String, PathBuf)>,
    /// Each article decoded on its own, boxed so that a library whose articles are mostly
    /// never decoded spends a pointer on each.
    each: Vec<OnceLock<Box<Article>>>,
    all: OnceLock<Vec<Article>>,
}

impl Default for Articles {
    fn default() -> Articles {
        Articles(Held::Decoded(Vec::new()))
    }
}

impl From<Vec<Article>> for Articles {
    fn from(articles: Vec<Article>) -> Articles {
        Articles(Held::Decoded(articles))
    }
}

impl Articles {
    /// The articles of a cache file, all of them, each with the id and path (`names`, by
    /// document number) that this walk gives its file.
    pub(super) fn cached(encoded: EncodedArticles, names: Vec<(String, PathBuf)>) -> Articles {
        let mut each = Vec::new();
        each.resize_with(encoded.len(), OnceLock::new);
        Articles(Held::Cached(FromCache {
            encoded: Arc::new(encoded),
            names,
            each,
            all: OnceLock::new(),
        }))
    }

    /// How many articles there are.
    pub fn len(&self) -> usize {
        match &self.0 {
            Held::Decoded(articles) => articles.len(),
            Held::Cached(cached) => cached.each.len(),
        }
    }

    /// True when there are no articles.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Article `doc`, decoded now if it has not been yet.
    pub fn get(&self, doc: usize) -> Option<&Article> {
        match &self.0 {
            Held::Decoded(articles) => articles.get(doc),
            Held::Cached(cached) => match cached.all.get() {
                Some(all) => all.get(doc),
                None => {
                    let slot = cached.each.get(doc)?;
                    Some(slot.get_or_init(|| Box::new(cached.decode(doc))))
                }
            },
        }
    }

    /// Every article, as one list: articles from the cache are all decoded (on all cores) the
    /// first time.
    pub fn as_slice(&self) -> &[Article] {
        match &self.0 {
            Held::Decoded(articles) => articles,
            Held::Cached(cached) => cached.all.get_or_init(|| cached.decode_all()),
        }
    }

    /// Every article, as one list that can be changed.
    pub fn as_mut_slice(&mut self) -> &mut [Article] {
        if let Held::Cached(cached) = &mut self.0 {
            let all = cached.all.take().unwrap_or_else(|| cached.decode_all());
            self.0 = Held::Decoded(all);
        }
        match &mut self.0 {
            Held::Decoded(articles) => articles,
            Held::Cached(_) => &mut [],
        }
    }

    /// The id and path of article `doc`, without decoding it.
    pub fn name(&self, doc: usize) -> Option<(&str, &Path)> {
        match &self.0 {
            Held::Decoded(articles) => articles.get(doc).map(|a| (a.id.as_str(), &*a.path)),
            Held::Cached(cached) => {
                (cached.names.get(doc)).map(|(id, path)| (id.as_str(), &**path))
            }
        }
    }

    /// Every article in document order, each decoded as it is reached.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Article> + ExactSizeIterator + Clone {
        (0..self.len()).map(move |doc| &self[doc])
    }

    /// How many articles are decoded.
    #[cfg(test)]
    pub(super) fn decoded(&self) -> usize {
        match &self.0 {
            Held::Decoded(articles) => articles.len(),
            Held::Cached(cached) => match cached.all.get() {
                Some(all) => all.len(),
                None => cached.each.iter().filter(|a| a.get().is_some()).count(),
            },
        }
    }

    /// Drops the bodies of articles read from their files: a library keeps none (see
    /// [`super::Library::read_body`]), and the cache holds none.
    pub(super) fn drop_bodies(&mut self) {
        if let Held::Decoded(articles) = &mut self.0 {
            for article in articles {
                article.body = String::new();
            }
        }
    }
}

impl FromCache {
    fn decode(&self, doc: usize) -> Article {
        let (id, path) = self.names.get(doc).cloned().unwrap_or_default();
        self.encoded.decode(doc, id, path)
    }

    /// Every article, those decoded already copied.
    fn decode_all(&self) -> Vec<Article> {
        let docs: Vec<usize> = (0..self.each.len()).collect();
        let mut all: Vec<Option<Article>> = Vec::new();
        all.resize_with(docs.len(), || None);
        parallel::for_each(
            &docs,
            |&doc| match self.each[doc].get() {
                Some(article) => Article::clone(article),
                None => self.decode(doc),
            },
            |doc, article| all[doc] = Some(article),
        );
        all.into_iter().flatten().collect()
    }
}

impl std::ops::Index<usize> for Articles {
    type Output = Article;

    fn index(&self, doc: usize) -> &Article {
        match self.get(doc) {
            Some(article) => article,
            None => panic!("no article {doc} of {}", self.len()),
        }
    }
}
