//! A small binary encoding for the cache: little-endian integers, length-prefixed bytes, and a
//! checksum over the whole file.
//!
//! Decoding never trusts the file: every length is checked against the bytes that remain
//! before anything is allocated, so a truncated or corrupt cache is an error, never a panic or
//! a huge allocation.

/// Why a cache file could not be decoded. The cache is then ignored and rebuilt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the cache file is damaged or from another version")]
pub struct Damaged;

#[derive(Default)]
pub struct Encoder {
    bytes: Vec<u8>,
}

impl Encoder {
    pub fn u8(&mut self, value: u8) {
        self.bytes.push(value);
    }

    pub fn u32(&mut self, value: u32) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub fn u64(&mut self, value: u64) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub fn i128(&mut self, value: i128) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub fn f64(&mut self, value: f64) {
        self.u64(value.to_bits());
    }

    pub fn len(&mut self, len: usize) {
        self.u64(len as u64);
    }

    pub fn bytes(&mut self, bytes: &[u8]) {
        self.len(bytes.len());
        self.bytes.extend_from_slice(bytes);
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
        self.bytes.reserve(values.len() * 4);
        for value in values {
            self.bytes.extend_from_slice(&value.to_le_bytes());
        }
    }

    /// The encoded bytes followed by their checksum.
    pub fn finish(mut self) -> Vec<u8> {
        let sum = checksum(&self.bytes);
        self.u64(sum);
        self.bytes
    }
}

pub struct Decoder<'a> {
    rest: &'a [u8],
}

impl<'a> Decoder<'a> {
    /// A decoder over `file`, once its checksum is verified.
    pub fn new(file: &'a [u8]) -> Result<Decoder<'a>, Damaged> {
        let split = file.len().checked_sub(8).ok_or(Damaged)?;
        let (content, sum) = file.split_at(split);
        let sum = u64::from_le_bytes(sum.try_into().map_err(|_| Damaged)?);
        if checksum(content) != sum {
            return Err(Damaged);
        }
        Ok(Decoder { rest: content })
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], Damaged> {
        if len > self.rest.len() {
            return Err(Damaged);
        }
        let (taken, rest) = self.rest.split_at(len);
        self.rest = rest;
        Ok(taken)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Damaged> {
        self.take(N)?.try_into().map_err(|_| Damaged)
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
        if len
            .checked_mul(item_size.max(1))
            .is_none_or(|bytes| bytes > self.rest.len())
        {
            return Err(Damaged);
        }
        Ok(len)
    }

    pub fn bytes(&mut self) -> Result<&'a [u8], Damaged> {
        let len = self.len(1)?;
        self.take(len)
    }

    pub fn str(&mut self) -> Result<&'a str, Damaged> {
        std::str::from_utf8(self.bytes()?).map_err(|_| Damaged)
    }

    pub fn string(&mut self) -> Result<String, Damaged> {
        self.str().map(str::to_owned)
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

    pub fn u32s(&mut self) -> Result<Vec<u32>, Damaged> {
        let len = self.len(4)?;
        let bytes = self.take(len * 4)?;
        Ok(bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }

    pub fn is_at_end(&self) -> bool {
        self.rest.is_empty()
    }
}

/// A fast 64-bit checksum, eight bytes at a time: the cache can be tens of megabytes and is
/// read on every start, so a byte-at-a-time hash would cost more than the rest of the load.
pub fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut hash = bytes.len() as u64 ^ K;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes([
            chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
        ]);
        hash = (hash ^ word).wrapping_mul(K).rotate_left(29);
    }
    for &byte in chunks.remainder() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(K).rotate_left(29);
    }
    hash ^ (hash >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let mut encoder = Encoder::default();
        encoder.u8(7);
        encoder.u32(70_000);
        encoder.f64(4.5);
        encoder.i128(-1_700_000_000_123_456_789);
        encoder.str("héllo");
        encoder.option_str(None);
        encoder.option_str(Some("x"));
        encoder.strs(&["a", "b"]);
        encoder.u32s(&[1, 2, u32::MAX]);
        encoder.finish()
    }

    #[test]
    fn round_trips() {
        let bytes = sample();
        let mut decoder = Decoder::new(&bytes).unwrap();
        assert_eq!(decoder.u8(), Ok(7));
        assert_eq!(decoder.u32(), Ok(70_000));
        assert_eq!(decoder.f64(), Ok(4.5));
        assert_eq!(decoder.i128(), Ok(-1_700_000_000_123_456_789));
        assert_eq!(decoder.str(), Ok("héllo"));
        assert_eq!(decoder.option_string(), Ok(None));
        assert_eq!(decoder.option_string(), Ok(Some("x".into())));
        assert_eq!(decoder.strings(), Ok(vec!["a".into(), "b".into()]));
        assert_eq!(decoder.u32s(), Ok(vec![1, 2, u32::MAX]));
        assert!(decoder.is_at_end());
    }

    #[test]
    fn any_truncation_or_flipped_byte_is_detected() {
        let bytes = sample();
        for len in 0..bytes.len() {
            assert!(Decoder::new(&bytes[..len]).is_err(), "truncated to {len}");
        }
        for at in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x10;
            assert!(Decoder::new(&damaged).is_err(), "byte {at} flipped");
        }
    }

    #[test]
    fn lengths_beyond_the_file_are_refused_before_allocating() {
        let mut encoder = Encoder::default();
        encoder.u64(u64::MAX / 2);
        let bytes = encoder.finish();
        let mut decoder = Decoder::new(&bytes).unwrap();
        assert_eq!(decoder.u32s(), Err(Damaged));
    }
}
