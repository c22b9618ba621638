//! Which words of a displayed text a query matched, so that they can be highlighted.

use std::ops::Range;

use super::{Query, Test, TextField};
use crate::words::{normalize, word_spans};

/// Where a displayed text comes from, which decides the terms that apply to it: plain terms
/// apply everywhere, `title:` terms only to the title, and so on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The title.
    Title,
    /// One item of the TL;DR.
    Tldr,
    /// The body.
    Body,
    /// The category.
    Category,
    /// One tag.
    Tag,
}

impl Place {
    /// True when terms restricted to `field` search text from this place.
    pub(crate) fn searched_by(self, field: TextField) -> bool {
        matches!(
            (field, self),
            (TextField::Any, _)
                | (TextField::Title, Place::Title)
                | (TextField::Category, Place::Category)
                | (TextField::Tag, Place::Tag)
        )
    }
}

impl Query {
    /// Byte ranges of the words of `text` that the query's (not negated) text terms match,
    /// sorted and merged. A phrase highlights all of its words, only where they stand in a row.
    pub fn highlights(&self, text: &str, place: Place) -> Vec<Range<usize>> {
        let tests: Vec<_> = self
            .clauses
            .iter()
            .filter(|c| !c.negated)
            .filter_map(|c| match &c.test {
                Test::Text(test) if place.searched_by(test.field) => Some(test),
                _ => None,
            })
            .collect();
        if tests.is_empty() {
            return Vec::new();
        }
        let spans: Vec<(Range<usize>, _)> = word_spans(text)
            .map(|(at, word)| (at..at + word.len(), normalize(word)))
            .collect();
        let mut ranges = Vec::new();
        for test in tests {
            let n = test.words.len();
            for (start, window) in spans.windows(n).enumerate() {
                let found: Vec<&str> = window.iter().map(|(_, w)| w.as_ref()).collect();
                if test.matches_window(&found) {
                    ranges.extend(
                        spans[start..start + n]
                            .iter()
                            .map(|(range, _)| range.clone()),
                    );
                }
            }
        }
        merge(ranges)
    }
}

fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}
