//! The articles the reader shows: those streamed in while the library loads, then the finished
//! library with its index. Choosing the visible rows happens here, so that the model only
//! keeps the answer.

use std::cmp::Ordering;

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
        // The order `SortOrder::Title` gives, with each title lowercased once rather than on
        // every comparison: a string's bytes order as its characters do.
        let mut by_title: Vec<u32> = (0..articles.len() as u32).collect();
        by_title.sort_by_cached_key(|&doc| {
            let article = &articles[doc as usize];
            let lower: String = article.title.chars().flat_map(char::to_lowercase).collect();
            (lower, article.title.as_str(), article.id.as_str())
        });
        let mut title_rank = vec![0u32; articles.len()];
        for (rank, &doc) in by_title.iter().enumerate() {
            title_rank[doc as usize] = rank as u32;
        }
        // `SortOrder::Score` breaks ties by title and then id, which is the title rank.
        let mut by_score = by_title.clone();
        by_score.sort_by(|&a, &b| {
            let by_score = SortOrder::Score.compare(&articles[a as usize], &articles[b as usize]);
            match (
                articles[a as usize].sentiment.score,
                articles[b as usize].sentiment.score,
            ) {
                (Some(x), Some(y)) if x.total_cmp(&y).is_eq() => Ordering::Equal,
                (None, None) => Ordering::Equal,
                _ => by_score,
            }
            .then_with(|| title_rank[a as usize].cmp(&title_rank[b as usize]))
        });
        Loaded {
            by_score,
            by_title,
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
    /// into `visible`, which is already in the selection's order. Only the new batch is
    /// sorted; merging it in is linear, so a batch costs little more at 100,000 rows.
    pub fn admit_new(&self, from: usize, selection: &Selection, visible: &mut Vec<u32>) {
        if let Catalog::Streaming(articles) = self {
            let mut new = scan(articles, from, selection);
            sort(articles, &mut new, selection.order);
            let order = |a: u32, b: u32| {
                selection
                    .order
                    .compare(&articles[a as usize], &articles[b as usize])
            };
            *visible = merge(std::mem::take(visible), new, order);
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

/// Merges two sorted lists; on ties the one already shown comes first.
fn merge(old: Vec<u32>, new: Vec<u32>, order: impl Fn(u32, u32) -> Ordering) -> Vec<u32> {
    if new.is_empty() {
        return old;
    }
    let mut out = Vec::with_capacity(old.len() + new.len());
    let (mut old, mut new) = (old.into_iter().peekable(), new.into_iter().peekable());
    while let (Some(&a), Some(&b)) = (old.peek(), new.peek()) {
        if order(b, a) == Ordering::Less {
            out.push(b);
            new.next();
        } else {
            out.push(a);
            old.next();
        }
    }
    out.extend(old);
    out.extend(new);
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::Limits;

    /// The permutations worked out once agree with sorting by `SortOrder`.
    #[test]
    fn permutations_are_the_sort_orders() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-articles");
        let loaded = Loaded::new(Library::load(&[folder.into()], &Limits::default()));
        let articles = loaded.library.articles();
        for (order, permutation) in [
            (SortOrder::Score, &loaded.by_score),
            (SortOrder::Title, &loaded.by_title),
        ] {
            let mut expected: Vec<u32> = (0..articles.len() as u32).collect();
            sort(articles, &mut expected, order);
            assert_eq!(permutation, &expected, "{order:?}");
        }
    }

    #[test]
    fn merging_keeps_the_order() {
        let merged = merge(vec![1, 4, 6], vec![2, 3, 7], |a, b| a.cmp(&b));
        assert_eq!(merged, [1, 2, 3, 4, 6, 7]);
        assert_eq!(merge(vec![], vec![5], |a, b| a.cmp(&b)), [5]);
    }
}
