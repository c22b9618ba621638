//! Building a shard one document at a time.

use rustc_hash::FxHashMap;

use super::lazy::Lazy;
use super::postings::{Lists, Postings, first_step};
use super::shard::{PLACE_BITS, Shard, place_bit};
use super::streams::{Span, Streams};
use crate::article::Article;
use crate::query::{Place, searchable_texts};
use crate::words::{normalize_into, word_spans};

/// Builds a shard one document at a time; each file-reading thread owns one.
#[derive(Default)]
pub struct ShardBuilder {
    /// Ids of words of up to 15 bytes (nearly all), by their bytes packed into one number:
    /// comparing two numbers is much cheaper than comparing two strings, and a shard looks up
    /// every word of every article.
    short_ids: FxHashMap<u128, u32>,
    long_ids: FxHashMap<Box<str>, u32>,
    /// Where a word is lowercased before it is looked up, so that a capitalised word costs no
    /// allocation.
    lowercase: String,
    words: Vec<Box<str>>,
    /// Every document's words as ids, one field item after another; the postings are made
    /// from them at the end.
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
                self.tokens.push(id);
            }
            self.close_span(place, start);
        }
        doc
    }

    fn close_span(&mut self, place: Place, start: u32) {
        let end = self.tokens.len() as u32;
        if end > start {
            self.spans.push(Span { place, start, end });
        }
    }

    /// Adds local document `doc` of `shard` (an index read from the cache) by its word ids:
    /// `renumbering` maps the shard's word ids to this builder's, filled as words are met.
    /// Nothing of the document is added if the shard's word streams cannot be read.
    pub fn add_indexed(&mut self, shard: &Shard, doc: u32, renumbering: &mut Vec<u32>) -> u32 {
        let number = self.span_starts.len() as u32;
        self.span_starts.push(self.spans.len() as u32);
        let Ok(streams) = shard.streams() else {
            return number;
        };
        if renumbering.len() < shard.words.len() {
            renumbering.resize(shard.words.len(), u32::MAX);
        }
        for span in streams.doc_spans(doc) {
            let start = self.tokens.len() as u32;
            for &old in streams.span_tokens(span) {
                let id = match renumbering.get(old as usize) {
                    Some(&id) if id != u32::MAX => id,
                    _ => {
                        let id = self.intern(&shard.words[old as usize]);
                        if let Some(slot) = renumbering.get_mut(old as usize) {
                            *slot = id;
                        }
                        id
                    }
                };
                self.tokens.push(id);
            }
            self.close_span(span.place, start);
        }
        number
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
                self.tokens.push(id);
            }
            self.close_span(place, start);
        }
        doc
    }

    fn intern(&mut self, word: &str) -> u32 {
        let next = self.words.len() as u32;
        let id = match short_key(word) {
            Some(key) => *self.short_ids.entry(key).or_insert(next),
            None => match self.long_ids.get(word) {
                Some(&id) => id,
                None => *self.long_ids.entry(word.into()).or_insert(next),
            },
        };
        if id == next {
            self.words.push(word.into());
        }
        id
    }

    /// The shard, with its documents not yet given library numbers. Words are numbered
    /// again in their order, so that the words starting with a prefix are a range of ids.
    pub fn finish(mut self) -> Shard {
        self.span_starts.push(self.spans.len() as u32);
        let mut order: Vec<u32> = (0..self.words.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| self.words[a as usize].cmp(&self.words[b as usize]));
        let mut new_id = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old as usize] = new as u32;
        }
        for token in &mut self.tokens {
            *token = new_id[*token as usize];
        }
        let mut words: Vec<Option<Box<str>>> = self.words.drain(..).map(Some).collect();
        let words: Vec<Box<str>> = order
            .iter()
            .filter_map(|&old| words[old as usize].take())
            .collect();
        let (starts, list) = self.invert(words.len());
        Shard {
            globals: Vec::new(),
            docs: (self.span_starts.len() - 1) as u32,
            words,
            postings: Postings::here(starts, list),
            streams: Lazy::loaded(Streams {
                tokens: self.tokens,
                span_starts: self.span_starts,
                spans: self.spans,
            }),
        }
    }
}

/// A word of up to 15 bytes as one number: its bytes, then its length in the last byte, so
/// that no two words share a key.
fn short_key(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let mut key = [0; 16];
    key.get_mut(..bytes.len())
        .filter(|_| bytes.len() < 16)?
        .copy_from_slice(bytes);
    key[15] = bytes.len() as u8;
    Some(u128::from_le_bytes(key))
}

impl ShardBuilder {
    /// Each word's postings, packed as in [`Postings`], made from the word streams: counted in a
    /// first pass and written in place in a second, so that no list per word is ever grown
    /// (growing millions of small lists cost more time and memory than the whole index).
    fn invert(&self, vocabulary: usize) -> (Vec<u32>, Lists) {
        let mut last_doc = vec![u32::MAX; vocabulary];
        let mut counts = vec![0u32; vocabulary];
        self.for_each_token(|doc, _, _, id| {
            if last_doc[id] != doc {
                last_doc[id] = doc;
                counts[id] += 1;
            }
        });
        let mut posting_starts = Vec::with_capacity(vocabulary + 1);
        let mut total = 0;
        for count in &mut counts {
            posting_starts.push(total);
            let postings_of_word = *count;
            // From here on, where the word's next posting goes.
            *count = total;
            total += postings_of_word;
        }
        posting_starts.push(total);
        let mut next = counts;
        let mut lists = Lists {
            postings: vec![0; total as usize],
            firsts: vec![0; total as usize],
        };
        last_doc.fill(u32::MAX);
        self.for_each_token(|doc, place, position, id| {
            if last_doc[id] != doc {
                last_doc[id] = doc;
                let at = next[id] as usize;
                lists.postings[at] = doc << PLACE_BITS | place_bit(place);
                lists.firsts[at] = first_step(position);
                next[id] += 1;
            } else {
                lists.postings[next[id] as usize - 1] |= place_bit(place);
            }
        });
        (posting_starts, lists)
    }

    /// Calls `visit` with the document, the place, the position among the document's words
    /// and the word id of every word, in document order. Needs the closing entry of
    /// `span_starts` that [`ShardBuilder::finish`] adds.
    fn for_each_token(&self, mut visit: impl FnMut(u32, Place, u32, usize)) {
        for (doc, bounds) in self.span_starts.windows(2).enumerate() {
            let spans = &self.spans[bounds[0] as usize..bounds[1] as usize];
            let doc_start = spans.first().map_or(0, |span| span.start);
            for span in spans {
                for (at, &id) in
                    (span.start..).zip(&self.tokens[span.start as usize..span.end as usize])
                {
                    visit(doc as u32, span.place, at - doc_start, id as usize);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_keys_tell_every_short_word_apart() {
        let words = ["a", "a\0", "\0a", "ab", "ba", "économie", "123456789012345"];
        let keys: Vec<u128> = words.iter().map(|w| short_key(w).unwrap()).collect();
        for (i, a) in keys.iter().enumerate() {
            for b in &keys[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(
            short_key("1234567890123456"),
            None,
            "16 bytes take the long path"
        );
    }

    #[test]
    fn short_and_long_words_each_get_one_id() {
        let mut builder = ShardBuilder::default();
        let long = "supercalifragilisticexpialidocious";
        let ids: Vec<u32> = ["oil", long, "oil", long, "gas"]
            .iter()
            .map(|w| builder.intern(w))
            .collect();
        assert_eq!(ids, [0, 1, 0, 1, 2]);
        assert_eq!(&*builder.words[1], long);
    }
}
