//! One part of the index, built by one thread over the documents it was given.
//!
//! A shard keeps, for its documents, every word once (in order, so that a prefix is a range), the
//! documents each word occurs in, and each document's words in order with the field each run
//! came from (its [`Streams`]). Postings answer single words at once; phrases and field terms
//! are then verified on the word streams of the candidate documents only.

use std::io::{Read, Write};
use std::ops::Range;

use super::DocText;
use super::docset::DocSet;
use super::lazy::Lazy;
use super::postings::{FIRST_STEP, PostingSource, Postings, PostingsToWrite, TableAsRead};
use super::streams::{LazyStreams, StreamSource, Streams, place_code};
use crate::codec::{Damaged, Decoder, Encoder};
use crate::query::{Place, TextField, TextTest};

/// The library number of a shard's document that is no longer in the library (its file changed
/// or went away since the shard was built): searches pass it over, and its words stay in the
/// shard until the shard is built again.
pub const NO_DOC: u32 = u32::MAX;

#[derive(Debug, Default)]
pub struct Shard {
    /// The library's document number of each of this shard's documents, or [`NO_DOC`]. A
    /// shard is built before the library's order is known (each file reader builds its own),
    /// so the numbers are set afterwards.
    pub(super) globals: Vec<u32>,
    /// How many documents the shard indexes.
    pub(super) docs: u32,
    /// Every word once, in order: a word's id is its place here, so that the words starting
    /// with a prefix are a range of ids.
    pub(super) words: Vec<Box<str>>,
    pub(super) postings: Postings,
    pub(super) streams: LazyStreams,
}

impl Shard {
    /// Indexes `docs`, whose library numbers are then given by [`Shard::set_globals`].
    pub fn build(docs: &[DocText<'_>]) -> Shard {
        let mut builder = super::ShardBuilder::default();
        // For each shard of an index documents come from, its word ids' ids in the new
        // shard, so that a word is looked up once per shard rather than once per use.
        let mut renumbering: Vec<Vec<u32>> = Vec::new();
        for doc in docs {
            let _ = match doc {
                DocText::Article(article) => builder.add_article(article),
                DocText::Indexed(index, number) => match index.location(*number) {
                    Some((at, shard, local)) => {
                        if renumbering.len() <= at {
                            renumbering.resize_with(at + 1, Vec::new);
                        }
                        builder.add_indexed(shard, local, &mut renumbering[at])
                    }
                    None => {
                        builder.add_words(std::iter::empty::<(Place, std::iter::Empty<&str>)>())
                    }
                },
            };
        }
        builder.finish()
    }

    /// Sets the library's number of each local document, in local order ([`NO_DOC`] for one
    /// no longer in the library).
    pub fn set_globals(&mut self, globals: Vec<u32>) {
        self.globals = globals;
    }

    /// How many of the shard's documents are in the library.
    #[cfg(test)]
    pub fn live_docs(&self) -> usize {
        self.globals
            .iter()
            .filter(|&&global| global != NO_DOC)
            .count()
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
    #[cfg(test)]
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

    /// Reads now the shard's postings, if they were left in the cache file (not the word
    /// streams, which only phrases need); an error if that file can no longer give them.
    pub fn read_postings(&self) -> Result<(), Damaged> {
        self.postings.read_all(self.docs)
    }

    /// Reads now all the shard left in the cache file; an error if that file can no longer
    /// give it.
    pub fn read_all(&self) -> Result<(), Damaged> {
        self.postings.read_all(self.docs)?;
        self.streams().map(drop)
    }

    /// The library numbers, the words and (written by `postings_table`) where each word's
    /// postings lie: all but the postings and word streams.
    fn encode_head<W: Write>(
        &self,
        out: &mut Encoder<W>,
        postings_table: impl FnOnce(&mut Encoder<W>),
    ) {
        out.u32s(&self.globals);
        out.strs(&self.words);
        postings_table(out);
    }

    /// The shard's head as it was read from a cache file, with the library numbers of now;
    /// `None` unless it was read from one.
    pub fn head_as_read(&self) -> Option<HeadAsRead<'_>> {
        Some(HeadAsRead {
            shard: self,
            table: self.postings.table_as_read()?,
        })
    }

    /// The shard ready to be written, with all it left in the cache file read back; an error
    /// if that file can no longer give it.
    pub fn to_write(&self) -> Result<ShardToWrite<'_>, Damaged> {
        Ok(ShardToWrite {
            shard: self,
            postings: self.postings.to_write(self.docs)?,
            streams: self.streams()?,
        })
    }

    /// Reads a shard written by [`ShardToWrite::encode_head`], whose postings and streams
    /// are read from `postings` and `streams` when first needed, checking every offset and
    /// id so that a damaged file cannot make a later lookup go out of bounds.
    pub fn decode<R: Read>(
        input: &mut Decoder<R>,
        postings: PostingSource,
        streams: StreamSource,
    ) -> Result<Shard, Damaged> {
        let globals = input.u32s()?;
        let words: Vec<Box<str>> = input
            .strings()?
            .into_iter()
            .map(String::into_boxed_str)
            .collect();
        let postings = Postings::decode_table(input, words.len(), postings)?;
        let shard = Shard {
            docs: u32::try_from(globals.len()).map_err(|_| Damaged)?,
            globals,
            words,
            postings,
            streams: Lazy::later(streams),
        };
        let in_order = shard.words.windows(2).all(|pair| pair[0] < pair[1]);
        in_order.then_some(shard).ok_or(Damaged)
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
        let field = field_bits(test.field);
        let with_prefixed = self.docs_with_any(prefixed.clone(), field)?;
        if exact_ids.is_empty() {
            // A single word: the postings, filtered by field, are the answer.
            for doc in with_prefixed.iter() {
                self.insert_global(doc, out);
            }
            return Ok(());
        }
        let mut candidates = self.docs_with_all(&exact_ids, field)?;
        candidates.retain(|&(doc, _)| with_prefixed.contains(doc));
        if candidates.is_empty() {
            return Ok(());
        }
        let streams = self.streams()?;
        for batch in candidates.chunks(Streams::PREFETCH_BATCH) {
            streams.prefetch(batch);
            for &(doc, from) in batch {
                if verify(streams, doc, from, test.field, &exact_ids, &prefixed) {
                    self.insert_global(doc, out);
                }
            }
        }
        Ok(())
    }

    fn insert_global(&self, local: u32, out: &mut DocSet) {
        if let Some(&global) = self.globals.get(local as usize)
            && global != NO_DOC
        {
            out.insert(global);
        }
    }

    /// The local documents in which any of `ids` occurs in one of the `field` places.
    fn docs_with_any(&self, ids: Range<u32>, field: u32) -> Result<DocSet, Damaged> {
        let mut docs = DocSet::empty(self.docs as usize);
        for id in ids {
            for &posting in self.postings.of(id, self.docs)?.postings {
                if posting & field != 0 {
                    docs.insert(posting >> PLACE_BITS);
                }
            }
        }
        Ok(docs)
    }

    /// The local documents in which every one of `ids` occurs in one of the `field` places,
    /// each with the position among its words before which the phrase of `ids` cannot start:
    /// the phrase's `i`th word cannot occur before its first occurrence, so the phrase cannot
    /// start `i` words before that.
    fn docs_with_all(&self, ids: &[u32], field: u32) -> Result<Vec<(u32, u32)>, Damaged> {
        let mut lists = Vec::with_capacity(ids.len());
        for (i, &id) in ids.iter().enumerate() {
            lists.push((i as u32, self.postings.of(id, self.docs)?));
        }
        lists.sort_by_key(|(_, list)| list.postings.len());
        let not_before = |i: u32, step: u8| (u32::from(step) * FIRST_STEP).saturating_sub(i);
        let Some(((i, first), rest)) = lists.split_first() else {
            return Ok(Vec::new());
        };
        let mut docs: Vec<(u32, u32)> = (first.postings.iter().zip(first.firsts))
            .filter(|&(&posting, _)| posting & field != 0)
            .map(|(&posting, &step)| (posting >> PLACE_BITS, not_before(*i, step)))
            .collect();
        for (i, list) in rest {
            docs.retain_mut(|(doc, from)| {
                let found = list
                    .postings
                    .binary_search_by_key(doc, |&posting| posting >> PLACE_BITS);
                match found {
                    Ok(at) if list.postings[at] & field != 0 => {
                        *from = (*from).max(not_before(*i, list.firsts[at]));
                        true
                    }
                    _ => false,
                }
            });
        }
        Ok(docs)
    }

    fn lookup(&self, word: &str) -> Option<u32> {
        let at = self
            .words
            .binary_search_by(|known| (**known).cmp(word))
            .ok()?;
        Some(at as u32)
    }

    /// The ids of the words that start with `prefix`.
    fn prefix_range(&self, prefix: &str) -> Range<u32> {
        let start = self.words.partition_point(|word| **word < *prefix);
        let len = self.words[start..].partition_point(|word| word.starts_with(prefix));
        start as u32..(start + len) as u32
    }
}

/// The head of a shard read from a cache file, for a new cache file to which its postings
/// and word streams sections are copied from that one as they are.
pub struct HeadAsRead<'a> {
    shard: &'a Shard,
    table: TableAsRead<'a>,
}

impl HeadAsRead<'_> {
    /// What [`ShardToWrite::encode_head`] writes, with the library numbers of now.
    pub fn encode<W: Write>(&self, out: &mut Encoder<W>) {
        self.shard.encode_head(out, |out| self.table.encode(out));
    }
}

/// A shard ready to be written: three sections, so that a reader can leave the postings and
/// the streams in the file until they are needed.
pub struct ShardToWrite<'a> {
    shard: &'a Shard,
    postings: PostingsToWrite<'a>,
    streams: &'a Streams,
}

impl ShardToWrite<'_> {
    /// All but the postings and streams, with what tells where each word's postings lie.
    pub fn encode_head<W: Write>(&self, out: &mut Encoder<W>) {
        self.shard
            .encode_head(out, |out| self.postings.encode_table(out));
    }

    pub fn encode_postings<W: Write>(&self, out: &mut Encoder<W>) {
        self.postings.encode_lists(out);
    }

    pub fn encode_streams<W: Write>(&self, out: &mut Encoder<W>) {
        self.streams.encode(out);
    }
}

/// True when a span of `doc` searched by `field` holds the exact words in a row followed by a
/// prefixed one, starting at or after position `from` among the document's words.
fn verify(
    streams: &Streams,
    doc: u32,
    from: u32,
    field: TextField,
    exact_ids: &[u32],
    prefixed: &Range<u32>,
) -> bool {
    let spans = streams.doc_spans(doc);
    let Some(from) = spans.first().map(|span| span.start.saturating_add(from)) else {
        return false;
    };
    spans
        .iter()
        .filter(|span| span.end > from && span.place.searched_by(field))
        .any(|span| {
            let tokens = streams.span_tokens(span);
            let skip = from.saturating_sub(span.start) as usize;
            holds_phrase(&tokens[skip..], exact_ids, prefixed)
        })
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
fn holds_phrase(tokens: &[u32], exact: &[u32], prefixed: &Range<u32>) -> bool {
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
            if tokens[at + 1..at + n - 1] == exact[1..] && prefixed.contains(&tokens[at + n - 1]) {
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

/// A shard written and read back as the cache does, its postings and streams in sections of
/// their own.
#[cfg(test)]
pub(super) fn through_encoding(shard: &Shard) -> Result<Shard, Damaged> {
    fn encoded(write: impl FnOnce(&mut Encoder<Vec<u8>>)) -> Result<Vec<u8>, Damaged> {
        let mut encoder = Encoder::new(Vec::new());
        write(&mut encoder);
        Ok(encoder.finish()?)
    }
    let written = shard.to_write()?;
    let head = encoded(|out| written.encode_head(out))?;
    let postings = encoded(|out| written.encode_postings(out))?;
    let streams = encoded(|out| written.encode_streams(out))?;
    let read_postings: PostingSource = std::sync::Arc::new(move |range, sum| {
        let at = |offset: u64| usize::try_from(super::postings::LISTS_AT + offset);
        let (Ok(start), Ok(end)) = (at(range.start), at(range.end)) else {
            return Err(Damaged);
        };
        let bytes = postings.get(start..end).ok_or(Damaged)?;
        let sound = crate::codec::checksum::checksum(bytes) == sum;
        sound.then(|| bytes.to_vec()).ok_or(Damaged)
    });
    let read_streams: StreamSource = Box::new(move || {
        let mut decoder = Decoder::new(streams.as_slice(), streams.len() as u64)?;
        let decoded = Streams::decode(&mut decoder)?;
        decoder.finish()?;
        Ok(decoded)
    });
    let mut decoder = Decoder::new(head.as_slice(), head.len() as u64)?;
    let decoded = Shard::decode(&mut decoder, read_postings, read_streams)?;
    decoder.finish()?;
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_article;
    use crate::reading::Reading;

    fn shard() -> Shard {
        let text = b"---\ntitle: Oil prices\ntags: [energy]\n---\nOil prices rose again.\n";
        let article =
            parse_article(text, "a.md".into(), "a.md".into(), &Reading::default()).unwrap();
        let mut shard = Shard::build(&[DocText::Article(&article)]);
        shard.set_globals(vec![0]);
        shard
    }

    #[test]
    fn a_consistent_shard_round_trips() {
        let decoded = through_encoding(&shard()).unwrap();
        assert_eq!(decoded.words, shard().words);
        assert_eq!(decoded.streams(), shard().streams());
        for word in 0..shard().words.len() as u32 {
            assert_eq!(decoded.postings.of(word, 1), shard().postings.of(word, 1));
        }
    }

    /// A cache file can pass its checksum and still lie (it is a file anyone can write); every
    /// id and offset is checked so that searching it later cannot go out of bounds. Postings
    /// and word streams are checked when they are read, the first time they are needed.
    #[test]
    fn forged_ids_and_offsets_are_refused() {
        let forgeries: [fn(&mut Shard); 7] = [
            |s| s.streams.get_mut().tokens[0] = 999,
            |s| s.postings.forge().1.postings[0] = 5 << PLACE_BITS | 1,
            |s| s.postings.forge().1.firsts.truncate(0),
            |s| s.words[0] = "zzz".into(),
            |s| s.streams.get_mut().spans[0].end = 999,
            |s| s.postings.forge().0[1] = 999,
            |s| s.streams.get_mut().span_starts.push(0),
        ];
        for (n, forge) in forgeries.iter().enumerate() {
            let mut shard = shard();
            forge(&mut shard);
            let decoded = through_encoding(&shard);
            let read = decoded.and_then(|shard| shard.to_write().map(drop));
            assert_eq!(read, Err(Damaged), "forgery {n}");
        }
    }

    #[test]
    fn streams_that_cannot_be_read_fail_phrases_alone() {
        let unreadable: StreamSource = Box::new(|| Err(Damaged));
        let mut shard = through_encoding(&shard()).unwrap();
        shard.streams = Lazy::later(unreadable);
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
