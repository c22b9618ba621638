//! One part of the index, built by one thread over the documents it was given.
//!
//! A shard keeps, for its documents, every word once (sorted, so that a prefix is a range), the
//! documents each word occurs in, and each document's words in order with the field each run
//! came from (its [`Streams`]). Postings answer single words at once; phrases and field terms
//! are then verified on the word streams of the candidate documents only.

use std::io::{Read, Write};
use std::ops::Range;

use super::DocText;
use super::docset::DocSet;
use super::streams::{LazyStreams, StreamSource, Streams, place_code};
use crate::cache::codec::{Damaged, Decoder, Encoder};
use crate::query::{Place, TextField, TextTest};

#[derive(Debug, Default)]
pub struct Shard {
    /// The library's document number of each of this shard's documents. A shard is built
    /// before the library's order is known (each file reader builds its own), so the numbers
    /// are set afterwards.
    pub(super) globals: Vec<u32>,
    /// How many documents the shard indexes.
    pub(super) docs: u32,
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
    pub(super) streams: LazyStreams,
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
        self.docs
    }

    /// Each document's words in order, read now if they were left in the cache file; an
    /// error if that file can no longer give them.
    pub fn streams(&self) -> Result<&Streams, Damaged> {
        self.streams
            .get(|streams| streams.fit(self.words.len(), self.docs))
    }

    /// The words of local document `doc`, field item by field item; none if the shard's
    /// streams cannot be read (see [`Shard::streams`]).
    pub fn doc_words(&self, doc: u32) -> impl Iterator<Item = (Place, impl Iterator<Item = &str>)> {
        let streams = self.streams().ok();
        let spans = streams.map_or(&[][..], |streams| streams.doc_spans(doc));
        spans.iter().map(move |span| {
            let tokens = streams.map_or(&[][..], |streams| streams.span_tokens(span));
            (
                span.place,
                tokens.iter().map(|&id| &*self.words[id as usize]),
            )
        })
    }

    /// Writes all but the streams, which are written apart ([`Streams::encode`]) so that a
    /// reader can leave them in the file until they are needed.
    pub fn encode<W: Write>(&self, out: &mut Encoder<W>) {
        out.u32s(&self.globals);
        out.strs(&self.words);
        out.u32s(&self.sorted);
        out.u32s(&self.posting_starts);
        out.u32s(&self.postings);
    }

    /// Reads a shard written by [`Shard::encode`], whose streams `streams` reads when they
    /// are first needed, checking every offset and id so that a damaged file cannot make a
    /// later lookup go out of bounds.
    pub fn decode<R: Read>(
        input: &mut Decoder<R>,
        streams: StreamSource,
    ) -> Result<Shard, Damaged> {
        let globals = input.u32s()?;
        let words: Vec<Box<str>> = input
            .strings()?
            .into_iter()
            .map(String::into_boxed_str)
            .collect();
        let sorted = input.u32s()?;
        let posting_starts = input.u32s()?;
        let postings = input.u32s()?;
        let shard = Shard {
            docs: u32::try_from(globals.len()).map_err(|_| Damaged)?,
            globals,
            words,
            sorted,
            posting_starts,
            postings,
            streams: LazyStreams::later(streams),
        };
        shard.is_consistent().then_some(shard).ok_or(Damaged)
    }

    fn is_consistent(&self) -> bool {
        let word_count = self.words.len() as u64;
        let docs = self.docs;
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
    }

    /// Adds the documents that satisfy `test` to `out`. A phrase is checked on the word
    /// streams, so it fails if they cannot be read.
    pub fn find(&self, test: &TextTest, out: &mut DocSet) -> Result<(), Damaged> {
        let Some((last, exact)) = test.words.split_last() else {
            return Ok(());
        };
        let mut exact_ids = Vec::with_capacity(exact.len());
        for word in exact {
            match self.lookup(word) {
                Some(id) => exact_ids.push(id),
                None => return Ok(()),
            }
        }
        let prefixed = self.prefix_range(last);
        if prefixed.is_empty() {
            return Ok(());
        }
        let prefixed_ids = &self.sorted[prefixed];
        let field = field_bits(test.field);
        let with_prefixed = self.docs_with_any(prefixed_ids, field);
        if exact_ids.is_empty() {
            // A single word: the postings, filtered by field, are the answer.
            for doc in with_prefixed.iter() {
                self.insert_global(doc, out);
            }
            return Ok(());
        }
        let candidates = self.docs_with_all(&exact_ids, field);
        if candidates.is_empty() {
            return Ok(());
        }
        let streams = self.streams()?;
        let is_prefixed = IdSet::new(prefixed_ids, self.words.len());
        for doc in candidates {
            if with_prefixed.contains(doc)
                && verify(streams, doc, test.field, &exact_ids, &is_prefixed)
            {
                self.insert_global(doc, out);
            }
        }
        Ok(())
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

/// True when a span of `doc` searched by `field` holds the exact words in a row followed by a
/// prefixed one.
fn verify(
    streams: &Streams,
    doc: u32,
    field: TextField,
    exact_ids: &[u32],
    is_prefixed: &IdSet,
) -> bool {
    streams
        .doc_spans(doc)
        .iter()
        .filter(|span| span.place.searched_by(field))
        .any(|span| holds_phrase(streams.span_tokens(span), exact_ids, is_prefixed))
}

/// True when `starts` are offsets into a list of `total` items: from zero to its end, never
/// going back.
pub(super) fn offsets_ok(starts: &[u32], total: usize) -> bool {
    starts.first() == Some(&0)
        && starts.last().is_some_and(|&last| last as usize == total)
        && starts.windows(2).all(|pair| pair[0] <= pair[1])
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

/// A shard written and read back as the cache does, its streams in a section of their own.
#[cfg(test)]
pub(super) fn through_encoding(shard: &Shard) -> Result<Shard, Damaged> {
    let mut encoder = Encoder::new(Vec::new());
    shard.encode(&mut encoder);
    let head = encoder.finish()?;
    let mut encoder = Encoder::new(Vec::new());
    shard.streams()?.encode(&mut encoder);
    let streams = encoder.finish()?;
    let read_streams: StreamSource = Box::new(move || {
        let mut decoder = Decoder::new(streams.as_slice(), streams.len() as u64)?;
        let decoded = Streams::decode(&mut decoder)?;
        decoder.finish()?;
        Ok(decoded)
    });
    let mut decoder = Decoder::new(head.as_slice(), head.len() as u64)?;
    let decoded = Shard::decode(&mut decoder, read_streams)?;
    decoder.finish()?;
    Ok(decoded)
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

    #[test]
    fn a_consistent_shard_round_trips() {
        let decoded = through_encoding(&shard()).unwrap();
        assert_eq!(decoded.words, shard().words);
        assert_eq!(decoded.streams(), shard().streams());
    }

    /// A cache file can pass its checksum and still lie (it is a file anyone can write); every
    /// id and offset is checked so that searching it later cannot go out of bounds. The word
    /// streams are checked when they are read, the first time they are needed.
    #[test]
    fn forged_ids_and_offsets_are_refused() {
        let forgeries: [fn(&mut Shard); 6] = [
            |s| s.streams.get_mut().tokens[0] = 999,
            |s| s.postings[0] = 5 << PLACE_BITS | 1,
            |s| s.sorted[0] = 999,
            |s| s.streams.get_mut().spans[0].end = 999,
            |s| s.posting_starts[1] = 999,
            |s| s.streams.get_mut().span_starts.push(0),
        ];
        for (n, forge) in forgeries.iter().enumerate() {
            let mut shard = shard();
            forge(&mut shard);
            let decoded = through_encoding(&shard);
            let read = decoded.and_then(|shard| shard.streams().map(drop));
            assert_eq!(read, Err(Damaged), "forgery {n}");
        }
    }

    #[test]
    fn streams_that_cannot_be_read_fail_phrases_alone() {
        let unreadable: StreamSource = Box::new(|| Err(Damaged));
        let mut shard = through_encoding(&shard()).unwrap();
        shard.streams = LazyStreams::later(unreadable);
        let mut found = DocSet::empty(1);
        let test = |words: &[&str]| TextTest {
            field: TextField::Any,
            words: words.iter().map(|w| w.to_string()).collect(),
        };
        let word = test(&["prices"]);
        assert_eq!(shard.find(&word, &mut found), Ok(()));
        assert!(found.contains(0), "a single word needs only the postings");
        let phrase = test(&["oil", "prices"]);
        assert_eq!(shard.find(&phrase, &mut found), Err(Damaged));
        assert_eq!(shard.doc_words(0).count(), 0);
    }
}
