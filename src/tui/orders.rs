//! The score and title orders of a finished library, as permutations of its document numbers.
//! Sorting the matches is then a filter over a permutation, a fraction of a millisecond at
//! 100,000 articles instead of tens of milliseconds of title comparisons on every keystroke.
//! They are worked out on the loading thread after the library has been handed to the screen,
//! so that the complete list appears without waiting for them.

use std::cmp::Ordering;

use crate::article::Article;

/// What the orders are made from, copied out of the articles so that the library itself can
/// go to the screen first.
#[derive(Debug)]
pub struct SortKeys {
    /// Title, id and score of each document.
    keys: Vec<(String, String, Option<f64>)>,
}

impl SortKeys {
    pub fn of(articles: &[Article]) -> SortKeys {
        let keys = articles
            .iter()
            .map(|a| (a.title.clone(), a.id.clone(), a.sentiment.score))
            .collect();
        SortKeys { keys }
    }
}

/// The documents in `SortOrder::Score` and `SortOrder::Title` order.
#[derive(Debug, Clone, PartialEq)]
pub struct Orders {
    pub by_score: Vec<u32>,
    pub by_title: Vec<u32>,
    /// Each document's place in `by_title`: the tie-break of the score order.
    title_rank: Vec<u32>,
}

impl Orders {
    pub fn of(keys: SortKeys) -> Orders {
        let keys = keys.keys;
        // `SortOrder::Title` compares titles lowercased, then as written, then ids; each title
        // is lowercased once here rather than on every comparison (a string's bytes order as
        // its characters do).
        let mut by_title: Vec<u32> = (0..keys.len() as u32).collect();
        by_title.sort_by_cached_key(|&doc| {
            let (title, id, _) = &keys[doc as usize];
            let lower: String = title.chars().flat_map(char::to_lowercase).collect();
            (lower, title.as_str(), id.as_str())
        });
        let mut title_rank = vec![0u32; keys.len()];
        for (rank, &doc) in by_title.iter().enumerate() {
            title_rank[doc as usize] = rank as u32;
        }
        let mut by_score = by_title.clone();
        by_score.sort_by(|&a, &b| {
            score_then_title(
                (keys[a as usize].2, title_rank[a as usize]),
                (keys[b as usize].2, title_rank[b as usize]),
            )
        });
        Orders {
            by_score,
            by_title,
            title_rank,
        }
    }

    /// Moves document `doc` to its place in the score order now that its score is `score`.
    /// The other documents keep theirs, so this is one removal and one insertion.
    pub fn rescore(&mut self, doc: u32, score: Option<f64>, articles: &[Article]) {
        let Some(at) = self.by_score.iter().position(|&d| d == doc) else {
            return;
        };
        self.by_score.remove(at);
        let key = |d: u32| {
            let score = articles.get(d as usize).and_then(|a| a.sentiment.score);
            (score, self.title_rank[d as usize])
        };
        let moved = (score, self.title_rank[doc as usize]);
        let to = self
            .by_score
            .partition_point(|&d| score_then_title(key(d), moved) == Ordering::Less);
        self.by_score.insert(to, doc);
    }
}

/// `SortOrder::Score`: most positive first, unscored last, ties by title rank.
fn score_then_title(a: (Option<f64>, u32), b: (Option<f64>, u32)) -> Ordering {
    let by_score = match (a.0, b.0) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    by_score.then_with(|| a.1.cmp(&b.1))
}
