//! The articles the reader shows: those streamed in while the library loads, then the finished
//! library with its index. Choosing the visible rows happens here, so that the model only
//! keeps the answer.

use crate::article::{Article, Bucket};
use crate::library::{LabelFilter, Library, SortOrder};
use crate::query::Query;

/// The finished library, with its articles' positions in the other sort orders worked out once
/// on the loading thread: sorting the matches is then a filter over a permutation, which costs
/// a fraction of a millisecond at 100,000 articles instead of tens of milliseconds of title
/// comparisons on every keystroke.
#[derive(Debug)]
pub struct Loaded {
    pub library: Library,
    by_score: Vec<u32>,
    by_title: Vec<u32>,
}

impl Loaded {
    pub fn new(library: Library) -> Loaded {
        let articles = library.articles();
        let order = |order: SortOrder| {
            let mut docs: Vec<u32> = (0..articles.len() as u32).collect();
            docs.sort_by(|&a, &b| order.compare(&articles[a as usize], &articles[b as usize]));
            docs
        };
        Loaded {
            by_score: order(SortOrder::Score),
            by_title: order(SortOrder::Title),
            library,
        }
    }
}

/// Which articles to show and in what order.
#[derive(Debug, Clone, Copy)]
pub struct Selection<'a> {
    pub query: &'a Query,
    pub bucket: Option<Bucket>,
    pub category: Option<&'a str>,
    pub order: SortOrder,
}

impl Selection<'_> {
    /// The tests that the index does not answer.
    fn admits(&self, article: &Article) -> bool {
        self.bucket
            .is_none_or(|b| article.sentiment.bucket == Some(b))
            && self
                .category
                .is_none_or(|c| article.category.as_deref() == Some(c))
    }
}

/// The reader's articles.
#[derive(Debug)]
pub enum Catalog {
    /// Articles in the order they were read, bodies dropped and no index yet: searched by
    /// scanning, which sees titles, TL;DRs, categories and tags but not bodies.
    Streaming(Vec<Article>),
    Loaded(Box<Loaded>),
}

impl Default for Catalog {
    fn default() -> Catalog {
        Catalog::Streaming(Vec::new())
    }
}

impl Catalog {
    /// The articles, indexed by document number.
    pub fn articles(&self) -> &[Article] {
        match self {
            Catalog::Streaming(articles) => articles,
            Catalog::Loaded(loaded) => loaded.library.articles(),
        }
    }

    pub fn article(&self, doc: u32) -> Option<&Article> {
        self.articles().get(doc as usize)
    }

    pub fn library(&self) -> Option<&Library> {
        match self {
            Catalog::Streaming(_) => None,
            Catalog::Loaded(loaded) => Some(&loaded.library),
        }
    }

    /// The document numbers of the articles `selection` admits, in its order.
    pub fn select(&self, selection: &Selection) -> Vec<u32> {
        match self {
            Catalog::Streaming(articles) => {
                let mut docs = scan(articles, 0, selection);
                sort(articles, &mut docs, selection.order);
                docs
            }
            Catalog::Loaded(loaded) => select_loaded(loaded, selection),
        }
    }

    /// Streaming only: the articles from document `from` on that `selection` admits, merged
    /// into `visible`, which is already in the selection's order.
    pub fn admit_new(&self, from: usize, selection: &Selection, visible: &mut Vec<u32>) {
        if let Catalog::Streaming(articles) = self {
            visible.extend(scan(articles, from, selection));
            // The standard sort finds the sorted run already there, so this costs little
            // more than sorting the new batch.
            sort(articles, visible, selection.order);
        }
    }
}

fn scan(articles: &[Article], from: usize, selection: &Selection) -> Vec<u32> {
    articles
        .iter()
        .enumerate()
        .skip(from)
        .filter(|(_, a)| selection.admits(a) && selection.query.matches(a))
        .map(|(doc, _)| doc as u32)
        .collect()
}

fn sort(articles: &[Article], docs: &mut [u32], order: SortOrder) {
    docs.sort_by(|&a, &b| order.compare(&articles[a as usize], &articles[b as usize]));
}

fn select_loaded(loaded: &Loaded, selection: &Selection) -> Vec<u32> {
    let library = &loaded.library;
    let articles = library.articles();
    let query = match selection.bucket {
        Some(bucket) => selection
            .query
            .clone()
            .with_label(LabelFilter::Bucket(bucket)),
        None => selection.query.clone(),
    };
    let found = library.search(&query);
    let in_category = |doc: u32| {
        selection
            .category
            .is_none_or(|c| articles[doc as usize].category.as_deref() == Some(c))
    };
    let permutation = match selection.order {
        SortOrder::Date => return found.iter().filter(|&d| in_category(d)).collect(),
        SortOrder::Score => &loaded.by_score,
        SortOrder::Title => &loaded.by_title,
    };
    permutation
        .iter()
        .copied()
        .filter(|&d| found.contains(d) && in_category(d))
        .collect()
}
