//! A small binary encoding for the files moodwire keeps for itself (the cache and the index it
//! holds): little-endian integers, length-prefixed bytes, and a checksum over the whole file.
//!
//! Both directions stream: the encoder writes as it goes and the decoder reads as it goes, so
//! neither holds the whole file in memory beside what it describes. Decoding never trusts the
//! file: every length is checked against the bytes that remain before anything is allocated,
//! and the checksum is verified at the end ([`Decoder::finish`]), so a truncated or damaged
//! cache is an error, never a panic or a huge allocation.

use std::io::{self, Read, Write};

pub mod checksum;

use checksum::Checksum;

/// Why a cache file could not be decoded. The cache is then ignored and rebuilt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the cache file is damaged or from another version")]
pub struct Damaged;

impl From<io::Error> for Damaged {
    fn from(_: io::Error) -> Damaged {
        Damaged
    }
}

/// Bytes are handed to the writer in pieces of about this size.
const FLUSH_AT: usize = 1 << 20;

pub struct Encoder<W: Write> {
    out: W,
    buffer: Vec<u8>,
    checksum: Checksum,
    /// The first write error; later writes are skipped and [`Encoder::finish`] returns it.
    failed: Option<io::Error>,
    /// Set while a value whose length is written before it ([`Encoder::sized`]) is being
    /// written: its length is filled in in the buffer afterwards, so the buffer is not handed
    /// on meanwhile.
    sizing: bool,
}

impl<W: Write> Encoder<W> {
    pub fn new(out: W) -> Encoder<W> {
        Encoder {
            out,
            buffer: Vec::with_capacity(FLUSH_AT + 64),
            checksum: Checksum::default(),
            failed: None,
            sizing: false,
        }
    }

    fn put(&mut self, bytes: &[u8]) {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= FLUSH_AT && !self.sizing {
            self.flush();
        }
    }

    /// Writes what `write` writes as one value of [`Encoder::bytes`], its length before it,
    /// without writing it anywhere else first: it reads back with [`Decoder::bytes_into`].
    /// Values so written do not nest.
    pub fn sized(&mut self, write: impl FnOnce(&mut Self)) {
        debug_assert!(!self.sizing, "sized values do not nest");
        let at = self.buffer.len();
        self.buffer.extend_from_slice(&[0; 8]);
        self.sizing = true;
        write(self);
        self.sizing = false;
        let len = (self.buffer.len() - at - 8) as u64;
        self.buffer[at..at + 8].copy_from_slice(&len.to_le_bytes());
        if self.buffer.len() >= FLUSH_AT {
            self.flush();
        }
    }

    fn flush(&mut self) {
        self.checksum.update(&self.buffer);
        if self.failed.is_none()
            && let Err(error) = self.out.write_all(&self.buffer)
        {
            self.failed = Some(error);
        }
        self.buffer.clear();
    }

    pub fn u8(&mut self, value: u8) {
        self.put(&[value]);
    }

    pub fn u32(&mut self, value: u32) {
        self.put(&value.to_le_bytes());
    }

    pub fn u64(&mut self, value: u64) {
        self.put(&value.to_le_bytes());
    }

    pub fn i128(&mut self, value: i128) {
        self.put(&value.to_le_bytes());
    }

    pub fn f64(&mut self, value: f64) {
        self.u64(value.to_bits());
    }

    pub fn len(&mut self, len: usize) {
        self.u64(len as u64);
    }

    pub fn bytes(&mut self, bytes: &[u8]) {
        self.len(bytes.len());
        self.raw(bytes);
    }

    /// Bytes as they are, without their length: for a value whose length was written before
    /// it, such as one written in pieces.
    pub fn raw(&mut self, bytes: &[u8]) {
        self.put(bytes);
    }

    pub fn str(&mut self, text: &str) {
        self.bytes(text.as_bytes());
    }

    pub fn option_str(&mut self, text: Option<&str>) {
        match text {
            Some(text) => {
                self.u8(1);
                self.str(text);
            }
            None => self.u8(0),
        }
    }

    pub fn strs<S: AsRef<str>>(&mut self, items: &[S]) {
        self.len(items.len());
        for item in items {
            self.str(item.as_ref());
        }
    }

    pub fn u32s(&mut self, values: &[u32]) {
        self.len(values.len());
        for chunk in values.chunks(4096) {
            for value in chunk {
                self.buffer.extend_from_slice(&value.to_le_bytes());
            }
            if self.buffer.len() >= FLUSH_AT && !self.sizing {
                self.flush();
            }
        }
    }

    /// Writes what is left and the checksum, and hands back the writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.flush();
        let sum = self.checksum.finish();
        match self.failed.take() {
            Some(error) => Err(error),
            None => {
                self.out.write_all(&sum.to_le_bytes())?;
                self.out.flush()?;
                Ok(self.out)
            }
        }
    }
}

pub struct Decoder<R: Read> {
    input: R,
    /// Content read from `input` and checksummed, not yet decoded from `buffer[at..]`.
    /// Reading in large pieces lets the checksum run over whole pieces, at memory speed,
    /// instead of over every small value as it is decoded.
    buffer: Vec<u8>,
    at: usize,
    /// Bytes of content not yet read from `input` (the checksum after them is not counted).
    unread: u64,
    checksum: Checksum,
}

impl<'a> Decoder<&'a [u8]> {
    /// A decoder over a value read and checked by another decoder ([`Decoder::bytes_into`]),
    /// which has no checksum of its own; [`Decoder::finish_checked`] ends it.
    pub fn of_checked(value: &'a [u8]) -> Decoder<&'a [u8]> {
        Decoder {
            input: value,
            buffer: Vec::new(),
            at: 0,
            unread: value.len() as u64,
            checksum: Checksum::default(),
        }
    }
}

/// Content is read from the input in pieces of at most this many bytes.
const READ_PIECE: u64 = 1 << 18;

impl<R: Read> Decoder<R> {
    /// A decoder over a file of `file_len` bytes, the last eight of which are the checksum.
    pub fn new(input: R, file_len: u64) -> Result<Decoder<R>, Damaged> {
        let unread = file_len.checked_sub(8).ok_or(Damaged)?;
        Ok(Decoder {
            input,
            buffer: Vec::new(),
            at: 0,
            unread,
            checksum: Checksum::default(),
        })
    }

    /// Checks that all the content was read, for a decoder over a value that another one read
    /// and checked ([`Decoder::of_checked`]).
    pub fn finish_checked(self) -> Result<(), Damaged> {
        (self.remaining() == 0).then_some(()).ok_or(Damaged)
    }

    /// Bytes of content not yet decoded.
    fn remaining(&self) -> u64 {
        self.unread + (self.buffer.len() - self.at) as u64
    }

    /// Reads the next piece of content into the buffer, once the buffer is used up.
    fn refill(&mut self) -> Result<(), Damaged> {
        let piece = self.unread.min(READ_PIECE) as usize;
        if piece == 0 {
            return Err(Damaged);
        }
        self.buffer.clear();
        self.buffer.resize(piece, 0);
        self.input.read_exact(&mut self.buffer)?;
        self.checksum.update(&self.buffer);
        self.unread -= piece as u64;
        self.at = 0;
        Ok(())
    }

    /// The next `len` bytes of content, handed to `take` in the pieces they lie in.
    fn pieces(&mut self, mut len: usize, mut take: impl FnMut(&[u8])) -> Result<(), Damaged> {
        if len as u64 > self.remaining() {
            return Err(Damaged);
        }
        while len > 0 {
            if self.at == self.buffer.len() {
                self.refill()?;
            }
            let end = self.buffer.len().min(self.at + len);
            take(&self.buffer[self.at..end]);
            len -= end - self.at;
            self.at = end;
        }
        Ok(())
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Damaged> {
        let mut bytes = [0; N];
        if let Some(here) = self.buffer.get(self.at..self.at + N) {
            bytes.copy_from_slice(here);
            self.at += N;
            return Ok(bytes);
        }
        let mut filled = 0;
        self.pieces(N, |piece| {
            bytes[filled..filled + piece.len()].copy_from_slice(piece);
            filled += piece.len();
        })?;
        Ok(bytes)
    }

    pub fn u8(&mut self) -> Result<u8, Damaged> {
        Ok(self.array::<1>()?[0])
    }

    pub fn u32(&mut self) -> Result<u32, Damaged> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    pub fn u64(&mut self) -> Result<u64, Damaged> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    pub fn i128(&mut self) -> Result<i128, Damaged> {
        Ok(i128::from_le_bytes(self.array()?))
    }

    pub fn f64(&mut self) -> Result<f64, Damaged> {
        Ok(f64::from_bits(self.u64()?))
    }

    /// A length, refused when `item_size` bytes per item could not fit in what remains.
    pub fn len(&mut self, item_size: usize) -> Result<usize, Damaged> {
        let len = usize::try_from(self.u64()?).map_err(|_| Damaged)?;
        let bytes = len.checked_mul(item_size.max(1)).ok_or(Damaged)?;
        if bytes as u64 > self.remaining() {
            return Err(Damaged);
        }
        Ok(len)
    }

    pub fn bytes(&mut self) -> Result<Vec<u8>, Damaged> {
        let len = self.len(1)?;
        let mut bytes = Vec::with_capacity(len);
        self.pieces(len, |piece| bytes.extend_from_slice(piece))?;
        Ok(bytes)
    }

    /// Bytes written by [`Encoder::bytes`], added to `into`.
    pub fn bytes_into(&mut self, into: &mut Vec<u8>) -> Result<(), Damaged> {
        let len = self.len(1)?;
        self.pieces(len, |piece| into.extend_from_slice(piece))
    }

    pub fn string(&mut self) -> Result<String, Damaged> {
        String::from_utf8(self.bytes()?).map_err(|_| Damaged)
    }

    pub fn option_string(&mut self) -> Result<Option<String>, Damaged> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.string().map(Some),
            _ => Err(Damaged),
        }
    }

    pub fn strings(&mut self) -> Result<Vec<String>, Damaged> {
        let len = self.len(8)?;
        (0..len).map(|_| self.string()).collect()
    }

    /// Four bytes per value are checked to remain before the values are reserved, so the
    /// reservation is never larger than the file.
    pub fn u32s(&mut self) -> Result<Vec<u32>, Damaged> {
        let len = self.len(4)?;
        let mut values = Vec::with_capacity(len);
        // A value may straddle two pieces: its first bytes wait here for the rest.
        let mut split = [0u8; 4];
        let mut split_len = 0;
        self.pieces(len * 4, |mut piece| {
            if split_len > 0 {
                let need = (4 - split_len).min(piece.len());
                split[split_len..split_len + need].copy_from_slice(&piece[..need]);
                split_len += need;
                piece = &piece[need..];
                if split_len < 4 {
                    return;
                }
                values.push(u32::from_le_bytes(split));
                split_len = 0;
            }
            let whole = piece.chunks_exact(4);
            let rest = whole.remainder();
            values.extend(whole.map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])));
            split[..rest.len()].copy_from_slice(rest);
            split_len = rest.len();
        })?;
        Ok(values)
    }

    /// Checks that all the content was read and that its checksum matches.
    pub fn finish(mut self) -> Result<(), Damaged> {
        if self.remaining() != 0 {
            return Err(Damaged);
        }
        let mut sum = [0; 8];
        self.input.read_exact(&mut sum)?;
        let mut beyond = [0; 1];
        let at_end = matches!(self.input.read(&mut beyond), Ok(0));
        (at_end && u64::from_le_bytes(sum) == self.checksum.finish())
            .then_some(())
            .ok_or(Damaged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let mut encoder = Encoder::new(Vec::new());
        encoder.u8(7);
        encoder.u32(70_000);
        encoder.f64(4.5);
        encoder.i128(-1_700_000_000_123_456_789);
        encoder.str("héllo");
        encoder.option_str(None);
        encoder.option_str(Some("x"));
        encoder.strs(&["a", "b"]);
        encoder.u32s(&[1, 2, u32::MAX]);
        encoder.finish().unwrap()
    }

    /// Decodes the sample, failing on any value that differs.
    fn decode(bytes: &[u8]) -> Result<(), Damaged> {
        let mut decoder = Decoder::new(bytes, bytes.len() as u64)?;
        let same = decoder.u8()? == 7
            && decoder.u32()? == 70_000
            && decoder.f64()? == 4.5
            && decoder.i128()? == -1_700_000_000_123_456_789
            && decoder.string()? == "héllo"
            && decoder.option_string()?.is_none()
            && decoder.option_string()?.as_deref() == Some("x")
            && decoder.strings()? == ["a", "b"]
            && decoder.u32s()? == [1, 2, u32::MAX];
        if !same {
            return Err(Damaged);
        }
        decoder.finish()
    }

    #[test]
    fn round_trips() {
        assert_eq!(decode(&sample()), Ok(()));
    }

    #[test]
    fn any_truncation_or_flipped_byte_is_detected() {
        let bytes = sample();
        for len in 0..bytes.len() {
            assert_eq!(decode(&bytes[..len]), Err(Damaged), "truncated to {len}");
        }
        for at in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x10;
            assert_eq!(decode(&damaged), Err(Damaged), "byte {at} flipped");
        }
    }

    /// Content is read in pieces; values that straddle two of them decode whole.
    #[test]
    fn values_across_pieces_round_trip() {
        let values: Vec<u32> = (0..100_000u32)
            .map(|n| n.wrapping_mul(2_654_435_761))
            .collect();
        let mut encoder = Encoder::new(Vec::new());
        for odd in ["a", "abc", "abcde"] {
            encoder.str(odd);
            encoder.u32s(&values);
            encoder.u64(u64::MAX - 1);
        }
        let bytes = encoder.finish().unwrap();
        let mut decoder = Decoder::new(bytes.as_slice(), bytes.len() as u64).unwrap();
        for odd in ["a", "abc", "abcde"] {
            assert_eq!(decoder.string().unwrap(), odd);
            assert_eq!(decoder.u32s().unwrap(), values);
            assert_eq!(decoder.u64().unwrap(), u64::MAX - 1);
        }
        assert_eq!(decoder.finish(), Ok(()));
    }

    /// A sized value reads back as bytes, and those bytes as the values written into it, even
    /// when it is larger than a piece handed to the writer and has values written around it.
    #[test]
    fn sized_values_read_back_whole() {
        let long = "x".repeat(FLUSH_AT + 10);
        let mut encoder = Encoder::new(Vec::new());
        encoder.str(&long);
        for text in ["short", long.as_str()] {
            encoder.sized(|inner| {
                inner.str(text);
                inner.u64(42);
            });
        }
        encoder.u8(9);
        let bytes = encoder.finish().unwrap();
        let mut decoder = Decoder::new(bytes.as_slice(), bytes.len() as u64).unwrap();
        assert_eq!(decoder.string().unwrap(), long);
        for text in ["short", long.as_str()] {
            let mut value = Vec::new();
            decoder.bytes_into(&mut value).unwrap();
            let mut inner = Decoder::of_checked(&value);
            assert_eq!(inner.string().unwrap(), text);
            assert_eq!(inner.u64().unwrap(), 42);
            assert_eq!(inner.finish_checked(), Ok(()));
        }
        assert_eq!(decoder.u8().unwrap(), 9);
        assert_eq!(decoder.finish(), Ok(()));
    }

    #[test]
    fn a_checked_value_not_read_to_its_end_is_refused() {
        let mut inner = Decoder::of_checked(&[1, 2, 3]);
        assert_eq!(inner.u8(), Ok(1));
        assert_eq!(inner.finish_checked(), Err(Damaged));
        assert_eq!(Decoder::of_checked(&[1]).u64(), Err(Damaged));
    }

    #[test]
    fn lengths_beyond_the_file_are_refused_before_allocating() {
        let mut encoder = Encoder::new(Vec::new());
        encoder.u64(u64::MAX / 2);
        let bytes = encoder.finish().unwrap();
        let mut decoder = Decoder::new(bytes.as_slice(), bytes.len() as u64).unwrap();
        assert_eq!(decoder.u32s(), Err(Damaged));
    }
}
