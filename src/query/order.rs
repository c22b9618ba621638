//! The orders a list of articles can be shown in.

use std::cmp::Ordering;

use crate::article::Article;

/// The orders a list of articles can be shown in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Newest first; undated articles last.
    #[default]
    Date,
    /// Most positive first; articles without a score last.
    Score,
    /// Alphabetical, ignoring case.
    Title,
}

impl SortOrder {
    /// Orders two articles. Ties fall back to title and then id, so the order is total and the
    /// same on every run.
    pub fn compare(self, a: &Article, b: &Article) -> Ordering {
        let primary = match self {
            SortOrder::Date => descending_with_missing_last(a.date, b.date),
            SortOrder::Score => descending_with_missing_last(
                a.sentiment.score.map(OrderedScore),
                b.sentiment.score.map(OrderedScore),
            ),
            SortOrder::Title => Ordering::Equal,
        };
        primary
            .then_with(|| compare_titles(a, b))
            .then_with(|| a.id.cmp(&b.id))
    }
}

fn descending_with_missing_last<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn compare_titles(a: &Article, b: &Article) -> Ordering {
    let a_lower = a.title.chars().flat_map(char::to_lowercase);
    let b_lower = b.title.chars().flat_map(char::to_lowercase);
    a_lower.cmp(b_lower).then_with(|| a.title.cmp(&b.title))
}

/// Scores are finite (the parser rejects NaN and infinities), so they order totally.
struct OrderedScore(f64);

impl PartialEq for OrderedScore {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for OrderedScore {}

impl PartialOrd for OrderedScore {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrderedScore {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}
