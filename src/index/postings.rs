//! Which documents each word occurs in, in which fields, and from about where.
//!
//! A shard's postings are a quarter of the cache file. Read from the cache, they stay in the
//! file in blocks of consecutive words, each checked against its own checksum when it is
//! first needed, so that a search reads only the blocks of its own words.

use std::borrow::Cow;
use std::io::{Read, Write};
use std::ops::Range;
use std::sync::Arc;

use super::lazy::Lazy;
use super::shard::PLACE_BITS;
use crate::codec::checksum::checksum;
use crate::codec::{Damaged, Decoder, Encoder};

/// A block holds at least this many postings (but always whole words), so that a search for
/// one word reads a few tens of kilobytes...
const BLOCK_POSTINGS: usize = 8192;
/// ...and a shard is cut into at most about this many blocks, however large.
const MAX_BLOCKS: usize = 1024;

/// A posting's first occurrence is kept in steps of this many words: a phrase check starts
/// there, in the cache line that holds it, instead of reading the document from its start.
pub const FIRST_STEP: u32 = 16;

/// The step of a first occurrence at `position` (its word's place among its document's
/// words), as far as one byte goes: a later one is said to be at the last step, where a
/// phrase check then starts, which is still before it.
pub fn first_step(position: u32) -> u8 {
    (position / FIRST_STEP).min(u32::from(u8::MAX)) as u8
}

/// Bytes on file per posting: the posting itself, then its first step.
const POSTING_BYTES: u64 = 5;

/// Reads bytes of a shard's postings as written by [`PostingsToWrite::encode_lists`], by
/// their place among those bytes, refused unless their checksum is the one given.
pub type PostingSource = Arc<dyn Fn(Range<u64>, u64) -> Result<Vec<u8>, Damaged> + Send + Sync>;

#[derive(Debug)]
pub struct Postings {
    /// For word `w`, its postings are the `starts[w]`th to the `starts[w + 1]`th, ascending:
    /// each is a shard-local document number shifted left by [`PLACE_BITS`], with the fields
    /// the word occurs in there (as place bits) in the low bits, so that a field term on one
    /// word needs no look at the documents and a posting costs four bytes.
    ///
    /// Beside each posting, in [`Lists::firsts`], the [`first_step`] of the word's first
    /// occurrence in the document, in all its fields.
    starts: Vec<u32>,
    /// Runs of consecutive words' postings, in word order: each word's lie in one block.
    blocks: Vec<Block>,
}

#[derive(Debug)]
struct Block {
    /// The first word whose postings the block holds; the next block's first word ends it.
    first_word: u32,
    /// The checksum of the block's bytes in the cache file it was left in.
    sum_on_file: Option<u64>,
    list: Lazy<Lists>,
}

/// Postings, and beside each the step of its word's first occurrence in the document.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Lists {
    pub postings: Vec<u32>,
    pub firsts: Vec<u8>,
}

impl Lists {
    fn slice(&self, range: Range<usize>) -> WordPostings<'_> {
        WordPostings {
            postings: &self.postings[range.clone()],
            firsts: &self.firsts[range],
        }
    }
}

/// One word's postings, each with the step of the word's first occurrence beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordPostings<'a> {
    pub postings: &'a [u32],
    pub firsts: &'a [u8],
}

impl Default for Postings {
    /// The postings of a shard of no words.
    fn default() -> Postings {
        Postings::here(vec![0], Lists::default())
    }
}

impl Postings {
    /// Postings in memory: `starts` as in [`Postings`], and every word's postings in word
    /// order.
    pub fn here(starts: Vec<u32>, list: Lists) -> Postings {
        let blocks = if starts.len() > 1 {
            vec![Block {
                first_word: 0,
                sum_on_file: None,
                list: Lazy::loaded(list),
            }]
        } else {
            Vec::new()
        };
        Postings { starts, blocks }
    }

    /// The offsets and the postings held in memory, to be forged by a test.
    #[cfg(test)]
    pub fn forge(&mut self) -> (&mut Vec<u32>, &mut Lists) {
        let list = self.blocks[0].list.get_mut();
        (&mut self.starts, list)
    }

    /// How many words have postings.
    fn words(&self) -> u32 {
        self.starts.len().saturating_sub(1) as u32
    }

    /// The postings of `word`, one of a shard of `docs` documents; read now if they were
    /// left in the cache file.
    pub fn of(&self, word: u32, docs: u32) -> Result<WordPostings<'_>, Damaged> {
        let at = self
            .blocks
            .partition_point(|block| block.first_word <= word);
        let at = at.checked_sub(1).ok_or(Damaged)?;
        let list = self.block(at, docs)?;
        let first = self.starts[self.blocks[at].first_word as usize];
        let word = word as usize;
        Ok(list
            .slice((self.starts[word] - first) as usize..(self.starts[word + 1] - first) as usize))
    }

    /// The postings of the words of block `at`, read now if they were left in the cache file
    /// and refused unless they are as many as the offsets say and every one is of a document
    /// of the shard.
    fn block(&self, at: usize, docs: u32) -> Result<&Lists, Damaged> {
        let block = &self.blocks[at];
        let first = self.starts[block.first_word as usize];
        let len = (self.starts[self.block_end(at) as usize] - first) as usize;
        block.list.get(|list| {
            list.postings.len() == len
                && list.firsts.len() == len
                && list
                    .postings
                    .iter()
                    .all(|&posting| posting >> PLACE_BITS < docs)
        })
    }

    /// The word after the last one of block `at`.
    fn block_end(&self, at: usize) -> u32 {
        self.blocks
            .get(at + 1)
            .map_or(self.words(), |next| next.first_word)
    }

    /// Reads every block now, if they were left in the cache file.
    pub fn read_all(&self, docs: u32) -> Result<(), Damaged> {
        (0..self.blocks.len()).try_for_each(|at| self.block(at, docs).map(drop))
    }

    /// Every word's postings in word order, all read.
    fn all(&self, docs: u32) -> Result<Cow<'_, Lists>, Damaged> {
        if self.blocks.len() == 1 {
            return self.block(0, docs).map(Cow::Borrowed);
        }
        let total = self.starts.last().copied().unwrap_or(0) as usize;
        let mut all = Lists {
            postings: Vec::with_capacity(total),
            firsts: Vec::with_capacity(total),
        };
        for at in 0..self.blocks.len() {
            let block = self.block(at, docs)?;
            all.postings.extend_from_slice(&block.postings);
            all.firsts.extend_from_slice(&block.firsts);
        }
        Ok(Cow::Owned(all))
    }

    /// The table [`PostingsToWrite::encode_table`] wrote to the cache file these postings
    /// were read from, for a new cache file to which their section is copied as it is;
    /// `None` unless they were read from one.
    pub fn table_as_read(&self) -> Option<TableAsRead<'_>> {
        let blocks = self
            .blocks
            .iter()
            .map(|block| Some((block.first_word, block.sum_on_file?)))
            .collect::<Option<_>>()?;
        Some(TableAsRead {
            starts: &self.starts,
            blocks,
        })
    }

    /// The postings ready to be written: all of them, cut into blocks.
    pub fn to_write(&self, docs: u32) -> Result<PostingsToWrite<'_>, Damaged> {
        let all = self.all(docs)?;
        if all.firsts.len() != all.postings.len() {
            return Err(Damaged);
        }
        let target = BLOCK_POSTINGS.max(all.postings.len().div_ceil(MAX_BLOCKS));
        let mut blocks = Vec::new();
        let mut first_word = 0;
        for word in 0..self.words() {
            let start = self.starts[first_word as usize] as usize;
            let end = self.starts[word as usize + 1] as usize;
            if end - start >= target || word + 1 == self.words() {
                let bytes = block_bytes(&all, start..end);
                blocks.push((first_word, start..end, checksum(&bytes)));
                first_word = word + 1;
            }
        }
        Ok(PostingsToWrite {
            starts: &self.starts,
            all,
            blocks,
        })
    }

    /// Reads what [`PostingsToWrite::encode_table`] wrote for a shard of `words` words; the
    /// postings themselves are read from `source` block by block, as they are needed.
    pub fn decode_table<R: Read>(
        input: &mut Decoder<R>,
        words: usize,
        source: PostingSource,
    ) -> Result<Postings, Damaged> {
        let starts = input.u32s()?;
        let block_count = input.len(12)?;
        let mut table = Vec::new();
        for _ in 0..block_count {
            table.push((input.u32()?, input.u64()?));
        }
        let consistent = starts.len() == words + 1
            && super::shard::offsets_ok(&starts, starts.last().copied().unwrap_or(0) as usize)
            && table.first().map(|&(first, _)| first) == (words > 0).then_some(0)
            && table.windows(2).all(|pair| pair[0].0 < pair[1].0)
            && table.iter().all(|&(first, _)| (first as usize) < words);
        if !consistent {
            return Err(Damaged);
        }
        let ends = table
            .iter()
            .skip(1)
            .map(|&(first, _)| first)
            .chain([words as u32]);
        let blocks = table
            .iter()
            .zip(ends)
            .map(|(&(first_word, sum), end_word)| {
                let source = Arc::clone(&source);
                let bytes = u64::from(starts[first_word as usize]) * POSTING_BYTES
                    ..u64::from(starts[end_word as usize]) * POSTING_BYTES;
                Block {
                    first_word,
                    sum_on_file: Some(sum),
                    list: Lazy::later(Box::new(move || read_block(&source, bytes.clone(), sum))),
                }
            })
            .collect();
        Ok(Postings { starts, blocks })
    }
}

/// One block's postings, refused unless they match their checksum.
fn read_block(source: &PostingSource, bytes: Range<u64>, sum: u64) -> Result<Lists, Damaged> {
    let bytes = source(bytes, sum)?;
    let count = bytes.len() / POSTING_BYTES as usize;
    let (postings, firsts) = bytes.split_at(count * 4);
    Ok(Lists {
        postings: postings
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect(),
        firsts: firsts.to_vec(),
    })
}

/// The bytes on file of the postings `range` of `all` (a block): every posting, then every
/// first step.
fn block_bytes(all: &Lists, range: Range<usize>) -> Vec<u8> {
    let block = all.slice(range);
    let mut bytes = Vec::with_capacity(block.postings.len() * POSTING_BYTES as usize);
    for posting in block.postings {
        bytes.extend_from_slice(&posting.to_le_bytes());
    }
    bytes.extend_from_slice(block.firsts);
    bytes
}

/// A shard's postings, all read, with how they are cut into blocks for the cache file.
pub struct PostingsToWrite<'a> {
    starts: &'a [u32],
    all: Cow<'a, Lists>,
    /// Each block's first word, postings and checksum.
    blocks: Vec<(u32, Range<usize>, u64)>,
}

impl PostingsToWrite<'_> {
    /// Where each word's postings lie, and the blocks.
    pub fn encode_table<W: Write>(&self, out: &mut Encoder<W>) {
        let blocks = self
            .blocks
            .iter()
            .map(|&(first_word, _, sum)| (first_word, sum));
        encode_table(out, self.starts, blocks);
    }

    /// The postings themselves, every word's in word order, block after block: each block's
    /// postings, four bytes each, then their first steps, a byte each. The first block starts
    /// at [`LISTS_AT`] in the stream written.
    pub fn encode_lists<W: Write>(&self, out: &mut Encoder<W>) {
        out.len(self.all.postings.len() * POSTING_BYTES as usize);
        for (_, postings, _) in &self.blocks {
            out.raw(&block_bytes(&self.all, postings.clone()));
        }
    }
}

/// See [`Postings::table_as_read`].
pub struct TableAsRead<'a> {
    starts: &'a [u32],
    blocks: Vec<(u32, u64)>,
}

impl TableAsRead<'_> {
    pub fn encode<W: Write>(&self, out: &mut Encoder<W>) {
        encode_table(out, self.starts, self.blocks.iter().copied());
    }
}

/// Where each word's postings lie (`starts`), and each block's first word and checksum.
fn encode_table<W: Write>(
    out: &mut Encoder<W>,
    starts: &[u32],
    blocks: impl ExactSizeIterator<Item = (u32, u64)>,
) {
    out.u32s(starts);
    out.len(blocks.len());
    for (first_word, sum) in blocks {
        out.u32(first_word);
        out.u64(sum);
    }
}

/// Where [`PostingsToWrite::encode_lists`] puts the first block: after the length.
pub const LISTS_AT: u64 = 8;

#[cfg(test)]
mod tests {
    use super::*;

    /// 3,000 words occurring in 1 to 20 of 64 documents: enough postings for several blocks.
    fn postings() -> Postings {
        let mut starts = vec![0];
        let mut list = Lists::default();
        for word in 0..3_000u32 {
            for doc in 0..1 + word % 20 {
                list.postings
                    .push((doc * 3 % 64) << PLACE_BITS | 1 << (word % 5));
                list.firsts.push((word % 7 + doc) as u8);
            }
            list.postings[starts[word as usize] as usize..].sort_unstable();
            starts.push(list.postings.len() as u32);
        }
        Postings::here(starts, list)
    }

    /// `postings` written and read back, its lists from `bytes` as `damage` leaves them.
    fn through_file(postings: &Postings, damage: impl FnOnce(&mut Vec<u8>)) -> Postings {
        let written = postings.to_write(64).unwrap();
        let mut table = Encoder::new(Vec::new());
        written.encode_table(&mut table);
        let table = table.finish().unwrap();
        let mut lists = Encoder::new(Vec::new());
        written.encode_lists(&mut lists);
        let mut lists = lists.finish().unwrap();
        damage(&mut lists);
        let source: PostingSource = Arc::new(move |range: Range<u64>, sum| {
            let range = (LISTS_AT + range.start) as usize..(LISTS_AT + range.end) as usize;
            let bytes = lists.get(range).ok_or(Damaged)?;
            (checksum(bytes) == sum)
                .then(|| bytes.to_vec())
                .ok_or(Damaged)
        });
        let mut input = Decoder::new(table.as_slice(), table.len() as u64).unwrap();
        let read = Postings::decode_table(&mut input, 3_000, source).unwrap();
        input.finish().unwrap();
        read
    }

    #[test]
    fn postings_in_blocks_read_back_each_when_needed() {
        let postings = postings();
        let read = through_file(&postings, |_| {});
        assert!(read.blocks.len() > 2, "{} blocks", read.blocks.len());
        for word in 0..3_000 {
            assert_eq!(read.of(word, 64), postings.of(word, 64), "word {word}");
        }
    }

    #[test]
    fn a_damaged_block_fails_its_own_words_alone() {
        let postings = postings();
        let read = through_file(&postings, |lists| lists[LISTS_AT as usize + 5] ^= 1);
        assert_eq!(read.of(0, 64), Err(Damaged));
        assert_eq!(read.of(2_999, 64), postings.of(2_999, 64));
        assert_eq!(read.read_all(64), Err(Damaged));
    }

    #[test]
    fn postings_of_documents_beyond_the_shard_are_refused() {
        let read = through_file(&postings(), |_| {});
        assert_eq!(
            read.of(2_999, 10),
            Err(Damaged),
            "documents up to 63 in a shard of 10"
        );
    }
}
