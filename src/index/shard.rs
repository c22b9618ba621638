//! One part of the index, built by one thread over the documents it was given.
//!
//! A shard keeps, for its documents, every word once (sorted, so that a prefix is a range), the
//! documents each word occurs in, and each document's words in order with the field each run
//! came from. Postings answer single words at once; phrases and field terms are then verified
//! on the word streams of the candidate documents only.

use std::io::{Read, Write};
use std::ops::Range;

use super::DocText;
use super::docset::DocSet;
use crate::cache::codec::{Damaged, Decoder, Encoder};
use crate::query::{Place, TextField, TextTest};

/// A run of words from one field item (the title, one TL;DR item, one tag...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub place: Place,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Default)]
pub struct Shard {
    /// The library's document number of each of this shard's documents. A shard is built
    /// before the library's order is known (each file reader builds its own), so the numbers
    /// are set afterwards.
    pub(super) globals: Vec<u32>,
    /// Words by id.
    pub(super) words: Vec<Box<str>>,
    /// Word ids in the order of their words, for exact lookups and prefix ranges.
    pub(super) sorted: Vec<u32>,
    /// For word id `i`, its postings are `postings[posting_starts[i]..posting_starts[i + 1]]`,
    /// ascending: each is a shard-local document number shifted left by [`PLACE_BITS`], with
    /// the fields the word occurs in there (as [`place_bit`]s) in the low bits, so that a field
    /// term on one word needs no look at the documents and a posting costs four bytes.
    pub(super) posting_starts: Vec<u32>,
    pub(super) postings: Vec<u32>,
    /// Every document's words as ids, document after document.
    pub(super) tokens: Vec<u32>,
    /// For local document `d`, its spans are `spans[span_starts[d]..span_starts[d + 1]]`.
    pub(super) span_starts: Vec<u32>,
    pub(super) spans: Vec<Span>,
}

impl Shard {
    /// Indexes `docs`, whose library numbers are then given by [`Shard::set_globals`].
    pub fn build(docs: &[DocText<'_>]) -> Shard {
        let mut builder = super::ShardBuilder::default();
        for doc in docs {
            let _ = match doc {
                DocText::Article(article) => builder.add_article(article),
                DocText::Indexed(index, number) => builder.add_words(index.doc_words(*number)),
            };
        }
        builder.finish()
    }

    /// Sets the library's number of each local document, in local order.
    pub fn set_globals(&mut self, globals: Vec<u32>) {
        self.globals = globals;
    }

    pub fn globals(&self) -> &[u32] {
        &self.globals
    }

    pub fn doc_count(&self) -> u32 {
        self.span_starts.len().saturating_sub(1) as u32
    }

    /// The words of local document `doc`, field item by field item.
    pub fn doc_words(&self, doc: u32) -> impl Iterator<Item = (Place, impl Iterator<Item = &str>)> {
        self.doc_spans(doc).iter().map(|span| {
            let tokens = &self.tokens[span.start as usize..span.end as usize];
            (
                span.place,
                tokens.iter().map(|&id| &*self.words[id as usize]),
            )
        })
    }

    pub fn encode<W: Write>(&self, out: &mut Encoder<W>) {
        out.u32s(&self.globals);
        out.strs(&self.words);
        out.u32s(&self.sorted);
        out.u32s(&self.posting_starts);
        out.u32s(&self.postings);
        out.u32s(&self.tokens);
        out.u32s(&self.span_starts);
        out.len(self.spans.len());
        for span in &self.spans {
            out.u8(place_code(span.place));
            out.u32(span.start);
            out.u32(span.end);
        }
    }

    /// Reads a shard written by [`Shard::encode`], checking every offset and id so that a
    /// damaged file cannot make a later lookup go out of bounds.
    pub fn decode<R: Read>(input: &mut Decoder<R>) -> Result<Shard, Damaged> {
        let globals = input.u32s()?;
        let words: Vec<Box<str>> = input
            .strings()?
            .into_iter()
            .map(String::into_boxed_str)
            .collect();
        let sorted = input.u32s()?;
        let posting_starts = input.u32s()?;
        let postings = input.u32s()?;
        let tokens = input.u32s()?;
        let span_starts = input.u32s()?;
        let span_count = input.len(9)?;
        let mut spans = Vec::new();
        for _ in 0..span_count {
            let place = place_from_code(input.u8()?)?;
            spans.push(Span {
                place,
                start: input.u32()?,
                end: input.u32()?,
            });
        }
        let shard = Shard {
            globals,
            words,
            sorted,
            posting_starts,
            postings,
            tokens,
            span_starts,
            spans,
        };
        shard.is_consistent().then_some(shard).ok_or(Damaged)
    }

    fn is_consistent(&self) -> bool {
        let word_count = self.words.len() as u64;
        let offsets_ok = |starts: &[u32], total: usize| {
            starts.first() == Some(&0)
                && starts.last().is_some_and(|&last| last as usize == total)
                && starts.windows(2).all(|pair| pair[0] <= pair[1])
        };
        let docs = self.doc_count();
        self.globals.len() == docs as usize
            && self.sorted.len() == self.words.len()
            && self.sorted.iter().all(|&id| u64::from(id) < word_count)
            && self
                .sorted
                .windows(2)
                .all(|pair| self.words[pair[0] as usize] < self.words[pair[1] as usize])
            && self.posting_starts.len() == self.words.len() + 1
            && offsets_ok(&self.posting_starts, self.postings.len())
            && self
                .postings
                .iter()
                .all(|&posting| posting >> PLACE_BITS < docs)
            && self.tokens.iter().all(|&id| u64::from(id) < word_count)
            && offsets_ok(&self.span_starts, self.spans.len())
            && self
                .spans
                .iter()
                .all(|span| span.start <= span.end && span.end as usize <= self.tokens.len())
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
        let field = field_bits(test.field);
        let with_prefixed = self.docs_with_any(prefixed_ids, field);
        if exact_ids.is_empty() {
            // A single word: the postings, filtered by field, are the answer.
            for doc in with_prefixed.iter() {
                self.insert_global(doc, out);
            }
            return;
        }
        let is_prefixed = IdSet::new(prefixed_ids, self.words.len());
        for doc in self.docs_with_all(&exact_ids, field) {
            if with_prefixed.contains(doc) && self.verify(doc, test.field, &exact_ids, &is_prefixed)
            {
                self.insert_global(doc, out);
            }
        }
    }

    fn insert_global(&self, local: u32, out: &mut DocSet) {
        if let Some(&global) = self.globals.get(local as usize) {
            out.insert(global);
        }
    }

    /// The local documents in which any of `ids` occurs in one of the `field` places.
    fn docs_with_any(&self, ids: &[u32], field: u32) -> DocSet {
        let mut docs = DocSet::empty(self.doc_count() as usize);
        for &id in ids {
            for &posting in &self.postings[self.posting_range(id)] {
                if posting & field != 0 {
                    docs.insert(posting >> PLACE_BITS);
                }
            }
        }
        docs
    }

    /// The local documents in which every one of `ids` occurs in one of the `field` places.
    fn docs_with_all(&self, ids: &[u32], field: u32) -> Vec<u32> {
        let mut lists: Vec<&[u32]> = ids
            .iter()
            .map(|&id| &self.postings[self.posting_range(id)])
            .collect();
        lists.sort_by_key(|list| list.len());
        let Some((first, rest)) = lists.split_first() else {
            return Vec::new();
        };
        let mut docs: Vec<u32> = first
            .iter()
            .filter(|&&posting| posting & field != 0)
            .map(|&posting| posting >> PLACE_BITS)
            .collect();
        for list in rest {
            docs.retain(|&doc| {
                list.binary_search_by_key(&doc, |&posting| posting >> PLACE_BITS)
                    .is_ok_and(|at| list[at] & field != 0)
            });
        }
        docs
    }

    /// True when a span of `doc` searched by `field` holds the exact words in a row followed by
    /// a prefixed one.
    fn verify(&self, doc: u32, field: TextField, exact_ids: &[u32], is_prefixed: &IdSet) -> bool {
        self.doc_spans(doc)
            .iter()
            .filter(|span| span.place.searched_by(field))
            .any(|span| {
                holds_phrase(
                    &self.tokens[span.start as usize..span.end as usize],
                    exact_ids,
                    is_prefixed,
                )
            })
    }

    fn doc_spans(&self, doc: u32) -> &[Span] {
        let doc = doc as usize;
        &self.spans[self.span_starts[doc] as usize..self.span_starts[doc + 1] as usize]
    }

    fn posting_range(&self, id: u32) -> Range<usize> {
        let id = id as usize;
        self.posting_starts[id] as usize..self.posting_starts[id + 1] as usize
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

/// True when `tokens` hold `exact` in a row followed by a prefixed word. Most chunks of a
/// document do not hold the first word at all; a chunk is first tested as a whole with a
/// branch-free comparison (which the compiler turns into vector instructions), and only a
/// chunk that holds it is looked at word by word. A phrase check reads every word of each
/// candidate document, so this is where phrase searches spend their time.
fn holds_phrase(tokens: &[u32], exact: &[u32], is_prefixed: &IdSet) -> bool {
    const CHUNK: usize = 32;
    let (Some(&first), n) = (exact.first(), exact.len() + 1) else {
        return false;
    };
    let Some(last_start) = tokens.len().checked_sub(n) else {
        return false;
    };
    for (chunk_at, chunk) in tokens[..=last_start].chunks(CHUNK).enumerate() {
        if !chunk.iter().fold(false, |seen, &t| seen | (t == first)) {
            continue;
        }
        for (j, _) in chunk.iter().enumerate().filter(|(_, t)| **t == first) {
            let at = chunk_at * CHUNK + j;
            if tokens[at + 1..at + n - 1] == exact[1..] && is_prefixed.contains(tokens[at + n - 1])
            {
                return true;
            }
        }
    }
    false
}

/// Low bits of a posting that hold the places: one per [`Place`].
pub(super) const PLACE_BITS: u32 = 5;

/// The bit of one field in a posting's places.
pub(super) fn place_bit(place: Place) -> u32 {
    1 << place_code(place)
}

/// The places a field term searches, as bits.
fn field_bits(field: TextField) -> u32 {
    match field {
        TextField::Any => (1 << PLACE_BITS) - 1,
        TextField::Title => place_bit(Place::Title),
        TextField::Category => place_bit(Place::Category),
        TextField::Tag => place_bit(Place::Tag),
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

fn place_code(place: Place) -> u8 {
    match place {
        Place::Title => 0,
        Place::Tldr => 1,
        Place::Body => 2,
        Place::Category => 3,
        Place::Tag => 4,
    }
}

fn place_from_code(code: u8) -> Result<Place, Damaged> {
    Ok(match code {
        0 => Place::Title,
        1 => Place::Tldr,
        2 => Place::Body,
        3 => Place::Category,
        4 => Place::Tag,
        _ => return Err(Damaged),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::Limits;
    use crate::parse::parse_article;

    fn shard() -> Shard {
        let text = b"---\ntitle: Oil prices\ntags: [energy]\n---\nOil prices rose again.\n";
        let article =
            parse_article(text, "a.md".into(), "a.md".into(), &Limits::default()).unwrap();
        let mut shard = Shard::build(&[DocText::Article(&article)]);
        shard.set_globals(vec![0]);
        shard
    }

    fn round_trip(shard: &Shard) -> Result<Shard, Damaged> {
        let mut encoder = Encoder::new(Vec::new());
        shard.encode(&mut encoder);
        let bytes = encoder.finish()?;
        let mut decoder = Decoder::new(bytes.as_slice(), bytes.len() as u64)?;
        let decoded = Shard::decode(&mut decoder)?;
        decoder.finish()?;
        Ok(decoded)
    }

    #[test]
    fn a_consistent_shard_round_trips() {
        let decoded = round_trip(&shard()).unwrap();
        assert_eq!(decoded.words, shard().words);
        assert_eq!(decoded.tokens, shard().tokens);
    }

    /// A cache file can pass its checksum and still lie (it is a file anyone can write); every
    /// id and offset is checked so that searching it later cannot go out of bounds.
    #[test]
    fn forged_ids_and_offsets_are_refused() {
        let forgeries: [fn(&mut Shard); 6] = [
            |s| s.tokens[0] = 999,
            |s| s.postings[0] = 5 << PLACE_BITS | 1,
            |s| s.sorted[0] = 999,
            |s| s.spans[0].end = 999,
            |s| s.posting_starts[1] = 999,
            |s| s.span_starts.push(0),
        ];
        for (n, forge) in forgeries.iter().enumerate() {
            let mut shard = shard();
            forge(&mut shard);
            assert_eq!(round_trip(&shard).err(), Some(Damaged), "forgery {n}");
        }
    }
}
