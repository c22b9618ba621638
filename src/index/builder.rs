//! Building a shard one document at a time.

use rustc_hash::FxHashMap;

use super::shard::{PLACE_BITS, Shard, Span, place_bit};
use crate::article::Article;
use crate::query::{Place, searchable_texts};
use crate::words::{normalize_into, word_spans};

/// Builds a shard one document at a time; each file-reading thread owns one.
#[derive(Default)]
pub struct ShardBuilder {
    ids: FxHashMap<Box<str>, u32>,
    /// Where a word is lowercased before it is looked up, so that a capitalised word costs no
    /// allocation.
    lowercase: String,
    words: Vec<Box<str>>,
    /// By word id: its postings, packed as in [`Shard`].
    postings: Vec<Vec<u32>>,
    tokens: Vec<u32>,
    span_starts: Vec<u32>,
    spans: Vec<Span>,
}

impl ShardBuilder {
    /// Adds an article's searchable text and returns its local document number.
    pub fn add_article(&mut self, article: &Article) -> u32 {
        let doc = self.span_starts.len() as u32;
        self.span_starts.push(self.spans.len() as u32);
        for (place, text) in searchable_texts(article) {
            let start = self.tokens.len() as u32;
            for (_, word) in word_spans(text) {
                let mut lowercase = std::mem::take(&mut self.lowercase);
                let id = self.intern(normalize_into(word, &mut lowercase));
                self.lowercase = lowercase;
                self.push_token(doc, id, place);
            }
            self.close_span(place, start);
        }
        doc
    }

    fn push_token(&mut self, doc: u32, id: u32, place: Place) {
        self.tokens.push(id);
        let docs = &mut self.postings[id as usize];
        match docs.last_mut() {
            Some(last) if *last >> PLACE_BITS == doc => *last |= place_bit(place),
            _ => docs.push(doc << PLACE_BITS | place_bit(place)),
        }
    }

    fn close_span(&mut self, place: Place, start: u32) {
        let end = self.tokens.len() as u32;
        if end > start {
            self.spans.push(Span { place, start, end });
        }
    }

    /// Adds one document, given as the words of each of its field items.
    pub fn add_words<W: AsRef<str>>(
        &mut self,
        fields: impl Iterator<Item = (Place, impl Iterator<Item = W>)>,
    ) -> u32 {
        let doc = self.span_starts.len() as u32;
        self.span_starts.push(self.spans.len() as u32);
        for (place, field_words) in fields {
            let start = self.tokens.len() as u32;
            for word in field_words {
                let id = self.intern(word.as_ref());
                self.push_token(doc, id, place);
            }
            self.close_span(place, start);
        }
        doc
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

    /// The shard, with its documents not yet given library numbers.
    pub fn finish(mut self) -> Shard {
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
            globals: Vec::new(),
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
