//! Each document's words in order, with the field each run came from: what phrase checks and
//! re-indexing need, and nothing else does.
//!
//! They are most of an index (four bytes for every word of every article), so a shard read
//! from the cache leaves them in the file until the first search that needs them: a search
//! for single words never reads them.

use std::io::{Read, Write};

use super::lazy::{Lazy, Source};
use crate::codec::{Damaged, Decoder, Encoder};
use crate::query::Place;

/// A run of words from one field item (the title, one TL;DR item, one tag...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub place: Place,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Streams {
    /// Every document's words as ids, document after document.
    pub(super) tokens: Vec<u32>,
    /// For local document `d`, its spans are `spans[span_starts[d]..span_starts[d + 1]]`.
    pub(super) span_starts: Vec<u32>,
    pub(super) spans: Vec<Span>,
}

impl Streams {
    /// The spans of local document `doc`, which must be one of the shard's.
    pub(super) fn doc_spans(&self, doc: u32) -> &[Span] {
        let doc = doc as usize;
        &self.spans[self.span_starts[doc] as usize..self.span_starts[doc + 1] as usize]
    }

    /// How many documents [`Streams::prefetch`] takes at a time.
    pub(super) const PREFETCH_BATCH: usize = 32;

    /// Reads the word at position `from` of each local document `doc` of `docs` (at most
    /// [`Streams::PREFETCH_BATCH`] of them), and does nothing with it. A phrase check of a
    /// document starts there, in memory no recent check has touched: done one document at a
    /// time, each check would wait for its own words to arrive from memory (twice: first its
    /// spans, then its words). These reads do not depend on each other, so the processor
    /// waits for all of them at once, and the checks that follow find their words in the
    /// cache. Phrases common to half a large library check that many documents.
    pub(super) fn prefetch(&self, docs: &[(u32, u32)]) {
        let mut word_at = [0usize; Self::PREFETCH_BATCH];
        for (slot, &(doc, from)) in word_at.iter_mut().zip(docs) {
            let first_span = self.span_starts.get(doc as usize).copied().unwrap_or(0);
            let doc_start = self
                .spans
                .get(first_span as usize)
                .map_or(0, |span| span.start);
            *slot = doc_start.saturating_add(from) as usize;
        }
        // A check looks at 32 words at a time: 128 bytes, over two or three cache lines.
        let mut seen = 0;
        for &at in &word_at[..docs.len().min(Self::PREFETCH_BATCH)] {
            for line in [at, at + 16, at + 31] {
                seen ^= self.tokens.get(line).copied().unwrap_or(0);
            }
        }
        std::hint::black_box(seen);
    }

    pub(super) fn span_tokens(&self, span: &Span) -> &[u32] {
        &self.tokens[span.start as usize..span.end as usize]
    }

    pub fn encode<W: Write>(&self, out: &mut Encoder<W>) {
        out.u32s(&self.tokens);
        out.u32s(&self.span_starts);
        out.len(self.spans.len());
        for span in &self.spans {
            out.u8(place_code(span.place));
            out.u32(span.start);
            out.u32(span.end);
        }
    }

    /// Reads streams written by [`Streams::encode`]. Whether they fit their shard is checked
    /// by the shard (`Streams::fit`), which knows its vocabulary and documents.
    pub fn decode<R: Read>(input: &mut Decoder<R>) -> Result<Streams, Damaged> {
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
        Ok(Streams {
            tokens,
            span_starts,
            spans,
        })
    }

    /// True when every id and offset is within a shard of `words` words and `docs` documents,
    /// so that a damaged or forged file cannot make a later lookup go out of bounds.
    pub(super) fn fit(&self, words: usize, docs: u32) -> bool {
        self.span_starts.len() == docs as usize + 1
            && super::shard::offsets_ok(&self.span_starts, self.spans.len())
            && self.tokens.iter().all(|&id| (id as usize) < words)
            && self
                .spans
                .iter()
                .all(|span| span.start <= span.end && span.end as usize <= self.tokens.len())
    }
}

/// Reads a shard's streams from where they were kept.
pub type StreamSource = Source<Streams>;

/// A shard's streams, in memory or read the first time they are asked for.
pub(super) type LazyStreams = Lazy<Streams>;

impl Default for LazyStreams {
    /// The streams of a shard of no documents.
    fn default() -> LazyStreams {
        Lazy::loaded(Streams {
            tokens: Vec::new(),
            span_starts: vec![0],
            spans: Vec::new(),
        })
    }
}

pub(super) fn place_code(place: Place) -> u8 {
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
