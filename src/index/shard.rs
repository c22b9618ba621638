//! One part of the index, built by one thread over a contiguous run of documents.
//!
//! A shard keeps, for its documents, every word once (sorted, so that a prefix is a range), the
//! documents each word occurs in, and each document's words in order with the field each run
//! came from. Postings answer single words at once; phrases and field terms are then verified
//! on the word streams of the candidate documents only.

use std::collections::HashMap;
use std::ops::Range;

use super::docset::DocSet;
use crate::article::Article;
use crate::query::{Place, TextField, TextTest};
use crate::words::words;

/// A run of words from one field item (the title, one TL;DR item, one tag...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub place: Place,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Default)]
pub struct Shard {
    /// The document number of this shard's first document in the whole library.
    pub first_doc: u32,
    /// Words by id.
    words: Vec<Box<str>>,
    /// Word ids in the order of their words, for exact lookups and prefix ranges.
    sorted: Vec<u32>,
    /// For word id `i`, the shard-local documents holding it are
    /// `postings[posting_starts[i]..posting_starts[i + 1]]`, ascending.
    posting_starts: Vec<u32>,
    postings: Vec<u32>,
    /// Every document's words as ids, document after document.
    tokens: Vec<u32>,
    /// For local document `d`, its spans are `spans[span_starts[d]..span_starts[d + 1]]`.
    span_starts: Vec<u32>,
    spans: Vec<Span>,
}

impl Shard {
    /// Indexes `articles`, which are documents `first_doc..` of the library.
    pub fn build(first_doc: u32, articles: &[Article]) -> Shard {
        let mut builder = Builder::default();
        for article in articles {
            builder.add(article);
        }
        builder.finish(first_doc)
    }

    /// Adds the documents that satisfy `test` to `out`.
    pub fn find(&self, test: &TextTest, out: &mut DocSet) {
        let Some((last, exact)) = test.words.split_last() else {
            return;
        };
        let mut exact_ids = Vec::with_capacity(exact.len());
        for word in exact {
            match self.lookup(word) {
                Some(id) => exact_ids.push(id),
                None => return,
            }
        }
        let prefixed = self.prefix_range(last);
        if prefixed.is_empty() {
            return;
        }
        let prefixed_ids = &self.sorted[prefixed];
        if exact_ids.is_empty() && test.field == TextField::Any {
            // A single word anywhere: the postings are the answer.
            for &id in prefixed_ids {
                for &doc in self.postings_of(id) {
                    out.insert(self.first_doc + doc);
                }
            }
            return;
        }
        let is_prefixed = IdSet::new(prefixed_ids, self.words.len());
        for doc in self.candidates(&exact_ids, prefixed_ids) {
            if self.verify(doc, test.field, &exact_ids, &is_prefixed) {
                out.insert(self.first_doc + doc);
            }
        }
    }

    /// Documents holding every exact word, or for a single word any prefixed one.
    fn candidates(&self, exact_ids: &[u32], prefixed_ids: &[u32]) -> Vec<u32> {
        if exact_ids.is_empty() {
            let mut docs: Vec<u32> = prefixed_ids
                .iter()
                .flat_map(|&id| self.postings_of(id).iter().copied())
                .collect();
            docs.sort_unstable();
            docs.dedup();
            return docs;
        }
        let mut lists: Vec<&[u32]> = exact_ids.iter().map(|&id| self.postings_of(id)).collect();
        lists.sort_by_key(|list| list.len());
        let mut docs = lists[0].to_vec();
        for list in &lists[1..] {
            docs.retain(|doc| list.binary_search(doc).is_ok());
        }
        docs
    }

    /// True when a span of `doc` searched by `field` holds the exact words in a row followed by
    /// a prefixed one.
    fn verify(&self, doc: u32, field: TextField, exact_ids: &[u32], is_prefixed: &IdSet) -> bool {
        let n = exact_ids.len() + 1;
        self.doc_spans(doc)
            .iter()
            .filter(|span| span.place.searched_by(field))
            .any(|span| {
                let tokens = &self.tokens[span.start as usize..span.end as usize];
                tokens.windows(n).any(|window| {
                    window[..n - 1] == *exact_ids && is_prefixed.contains(window[n - 1])
                })
            })
    }

    fn doc_spans(&self, doc: u32) -> &[Span] {
        let doc = doc as usize;
        &self.spans[self.span_starts[doc] as usize..self.span_starts[doc + 1] as usize]
    }

    fn postings_of(&self, id: u32) -> &[u32] {
        let id = id as usize;
        &self.postings[self.posting_starts[id] as usize..self.posting_starts[id + 1] as usize]
    }

    fn lookup(&self, word: &str) -> Option<u32> {
        let at = self
            .sorted
            .binary_search_by(|&id| (*self.words[id as usize]).cmp(word))
            .ok()?;
        Some(self.sorted[at])
    }

    /// The positions in `sorted` of the words that start with `prefix`.
    fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let start = self
            .sorted
            .partition_point(|&id| *self.words[id as usize] < *prefix);
        let len =
            self.sorted[start..].partition_point(|&id| self.words[id as usize].starts_with(prefix));
        start..start + len
    }
}

/// Membership of word ids in a prefix range: a bitset when the range is large, a search in
/// the (short, unsorted) id list otherwise.
enum IdSet<'a> {
    Few(&'a [u32]),
    Many(DocSet),
}

impl<'a> IdSet<'a> {
    fn new(ids: &'a [u32], vocabulary: usize) -> IdSet<'a> {
        if ids.len() <= 8 {
            return IdSet::Few(ids);
        }
        let mut set = DocSet::empty(vocabulary);
        for &id in ids {
            set.insert(id);
        }
        IdSet::Many(set)
    }

    fn contains(&self, id: u32) -> bool {
        match self {
            IdSet::Few(ids) => ids.contains(&id),
            IdSet::Many(set) => set.contains(id),
        }
    }
}

#[derive(Default)]
struct Builder {
    ids: HashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
    postings: Vec<Vec<u32>>,
    tokens: Vec<u32>,
    span_starts: Vec<u32>,
    spans: Vec<Span>,
}

impl Builder {
    fn add(&mut self, article: &Article) {
        let doc = self.span_starts.len() as u32;
        self.span_starts.push(self.spans.len() as u32);
        let fields = std::iter::once((Place::Title, article.title.as_str()))
            .chain(article.tldr.iter().map(|item| (Place::Tldr, item.as_str())))
            .chain(std::iter::once((Place::Body, article.body.as_str())))
            .chain(
                article
                    .category
                    .iter()
                    .map(|c| (Place::Category, c.as_str())),
            )
            .chain(article.tags.iter().map(|tag| (Place::Tag, tag.as_str())));
        for (place, text) in fields {
            let start = self.tokens.len() as u32;
            for word in words(text) {
                let id = self.intern(&word);
                self.tokens.push(id);
                let docs = &mut self.postings[id as usize];
                if docs.last() != Some(&doc) {
                    docs.push(doc);
                }
            }
            let end = self.tokens.len() as u32;
            if end > start {
                self.spans.push(Span { place, start, end });
            }
        }
    }

    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        let word: Box<str> = word.into();
        self.ids.insert(word.clone(), id);
        self.words.push(word);
        self.postings.push(Vec::new());
        id
    }

    fn finish(mut self, first_doc: u32) -> Shard {
        self.span_starts.push(self.spans.len() as u32);
        let mut sorted: Vec<u32> = (0..self.words.len() as u32).collect();
        sorted.sort_unstable_by(|&a, &b| self.words[a as usize].cmp(&self.words[b as usize]));
        let mut posting_starts = Vec::with_capacity(self.postings.len() + 1);
        let mut postings = Vec::with_capacity(self.postings.iter().map(Vec::len).sum());
        for docs in &self.postings {
            posting_starts.push(postings.len() as u32);
            postings.extend_from_slice(docs);
        }
        posting_starts.push(postings.len() as u32);
        Shard {
            first_doc,
            words: self.words,
            sorted,
            posting_starts,
            postings,
            tokens: self.tokens,
            span_starts: self.span_starts,
            spans: self.spans,
        }
    }
}
