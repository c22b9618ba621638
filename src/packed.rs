//! Short words as numbers, for tables that compare a word with one number rather than byte
//! by byte.

/// The bytes (at most 16) as a number, the first byte lowest and zeros above the last, or
/// `None` for more. Read as overlapping loads rather than copied a byte at a time: a copy of a
/// length known only at run time is a call, and the tables that use this look up every word
/// of a text.
pub fn little_endian(bytes: &[u8]) -> Option<u128> {
    let len = bytes.len();
    let (low, high) = match len {
        0 => (0, 0),
        1..=3 => {
            let [first, middle, last] = [0, len / 2, len - 1].map(|i| u64::from(bytes[i]));
            (
                first | middle << (8 * (len / 2)) | last << (8 * (len - 1)),
                0,
            )
        }
        4..=7 => (
            u64::from(le_u32(bytes, 0)) | u64::from(le_u32(bytes, len - 4)) << (8 * (len - 4)),
            0,
        ),
        8 => (le_u64(bytes, 0), 0),
        9..=16 => (le_u64(bytes, 0), le_u64(bytes, len - 8) >> (8 * (16 - len))),
        _ => return None,
    };
    Some(u128::from(low) | u128::from(high) << 64)
}

/// The four bytes of `bytes` from `at`, the first lowest.
fn le_u32(bytes: &[u8], at: usize) -> u32 {
    let mut four = [0; 4];
    four.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(four)
}

/// The eight bytes of `bytes` from `at`, the first lowest.
fn le_u64(bytes: &[u8], at: usize) -> u64 {
    let mut eight = [0; 8];
    eight.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(eight)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_is_its_bytes_in_order() {
        let text = "abcdefghijklmnopé’q".as_bytes();
        for len in 0..=text.len() {
            let bytes = &text[..len];
            let expected = (len <= 16).then(|| {
                let mut padded = [0; 16];
                padded[..len].copy_from_slice(bytes);
                u128::from_le_bytes(padded)
            });
            assert_eq!(little_endian(bytes), expected, "{len} bytes");
            // Not only from the start of a text.
            let inner = &text[3..len.max(3)];
            let mut padded = [0; 16];
            if inner.len() <= 16 {
                padded[..inner.len()].copy_from_slice(inner);
                assert_eq!(little_endian(inner), Some(u128::from_le_bytes(padded)));
            }
        }
    }
}
