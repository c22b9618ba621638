//! Figures for the dashboard, worked out once when it opens (or the rows change), never while
//! drawing.

use std::collections::{BTreeMap, HashMap};

use crate::article::{Bucket, Scale};
use crate::library::Catalog;

/// How many categories the dashboard lists.
pub const TOP_CATEGORIES: usize = 8;

/// The dashboard's figures for a set of articles.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub articles: usize,
    /// Articles per bucket, in [`Bucket::ALL`] order, estimates included.
    pub buckets: [usize; 3],
    /// How many of each bucket's articles are there by an estimate, not by their file.
    pub estimated: [usize; 3],
    /// Articles in no bucket: their file's label names none and gives no score. (Untagged
    /// articles are estimated, so they are in a bucket.)
    pub none: usize,
    /// Mean score per ISO week, oldest first, for the weeks with scored, dated articles.
    pub weeks: Vec<Week>,
    /// The most common categories, most common first.
    pub categories: Vec<(String, usize)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Week {
    /// `2026-W05`.
    pub label: String,
    pub mean: f64,
    /// The bucket the mean falls in.
    pub bucket: Bucket,
    pub articles: usize,
}

impl Stats {
    /// The figures for documents `docs` of `catalog`, weekly means put in buckets by `scale`.
    pub fn of(catalog: &Catalog, docs: &[u32], scale: Scale) -> Stats {
        let mut stats = Stats {
            articles: docs.len(),
            ..Stats::default()
        };
        let mut weeks: BTreeMap<(i16, i8), (f64, usize)> = BTreeMap::new();
        let mut categories: HashMap<&str, usize> = HashMap::new();
        for article in docs.iter().filter_map(|&d| catalog.article(d)) {
            let sentiment = &article.sentiment;
            match sentiment.bucket {
                Some(bucket) => {
                    stats.buckets[bucket_slot(bucket)] += 1;
                    if sentiment.is_estimated() {
                        stats.estimated[bucket_slot(bucket)] += 1;
                    }
                }
                None => stats.none += 1,
            }
            if let (Some(date), Some(score)) = (article.date, sentiment.score) {
                let week = date.date().iso_week_date();
                let entry = weeks.entry((week.year(), week.week())).or_default();
                entry.0 += score;
                entry.1 += 1;
            }
            if let Some(category) = article.category.as_deref() {
                *categories.entry(category).or_default() += 1;
            }
        }
        stats.weeks = weeks
            .into_iter()
            .map(|((year, week), (sum, n))| Week {
                label: format!("{year}-W{week:02}"),
                mean: sum / n as f64,
                bucket: scale.bucket(sum / n as f64),
                articles: n,
            })
            .collect();
        let mut categories: Vec<(String, usize)> = categories
            .into_iter()
            .map(|(name, n)| (name.to_owned(), n))
            .collect();
        categories.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        categories.truncate(TOP_CATEGORIES);
        stats.categories = categories;
        stats
    }
}

fn bucket_slot(bucket: Bucket) -> usize {
    match bucket {
        Bucket::Positive => 0,
        Bucket::Neutral => 1,
        Bucket::Negative => 2,
    }
}
