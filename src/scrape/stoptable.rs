//! The table the stop words are looked up in: nearly every word of every scrape and of every
//! article given an estimated TL;DR is looked up, so it is a small open-addressed table of
//! numbers rather than a hash map of strings.

/// No stop word is longer than this many bytes, so longer words need no look-up.
pub const LONGEST: usize = 12;

/// Slots in the table: a power of two, about twice the number of words (under 900), so that
/// most look-ups read one slot or two.
const SLOTS: usize = 2048;

/// Words of at most [`LONGEST`] bytes, each with a byte of bits.
pub struct Table {
    /// For each first byte, a bit for each length (in bytes) of the words that start with it:
    /// many words are told absent by this alone.
    lengths_by_first: [u16; 256],
    /// Each word packed into a number (see [`packed`]) with its bits in the top byte, which
    /// no packed word uses; zero for an empty slot.
    slots: Box<[u128]>,
}

impl Table {
    /// A table of `words`, each with the bits given; a word given twice has both.
    pub fn new<'w>(words: impl Iterator<Item = (&'w str, u8)>) -> Table {
        let mut table = Table {
            lengths_by_first: [0; 256],
            slots: vec![0; SLOTS].into_boxed_slice(),
        };
        for (word, bits) in words {
            let Some(key) = packed(word) else { continue };
            table.lengths_by_first[usize::from(word.as_bytes()[0])] |= 1 << word.len();
            let mut at = slot(key);
            while table.slots[at] != 0 && table.slots[at] & KEY != key {
                at = (at + 1) % SLOTS;
            }
            table.slots[at] |= key | u128::from(bits) << BITS_SHIFT;
        }
        table
    }

    /// The bits of `word`, or 0 when it is not in the table.
    pub fn get(&self, word: &str) -> u8 {
        let first = word.as_bytes().first().map_or(0, |&b| usize::from(b));
        if word.len() > LONGEST || self.lengths_by_first[first] & (1 << word.len()) == 0 {
            return 0;
        }
        let Some(key) = packed(word) else { return 0 };
        let mut at = slot(key);
        loop {
            let entry = self.slots[at];
            if entry & KEY == key {
                return (entry >> BITS_SHIFT) as u8;
            }
            if entry == 0 {
                return 0;
            }
            at = (at + 1) % SLOTS;
        }
    }
}

const BITS_SHIFT: u32 = 120;
/// The bytes of a slot that hold the packed word.
const KEY: u128 = (1 << (8 * LONGEST)) - 1;

fn slot(key: u128) -> usize {
    let mixed = (key as u64) ^ ((key >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (mixed.wrapping_mul(0xff51_afd7_ed55_8ccd) >> (64 - SLOTS.trailing_zeros())) as usize
}

/// The bytes of a word of at most [`LONGEST`] bytes as one number; two words give the same
/// number only when they are the same (no word holds a NUL byte).
fn packed(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let n = bytes.len();
    if n > LONGEST || n == 0 {
        return None;
    }
    crate::packed::little_endian(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_words_are_their_bytes_in_order() {
        for word in [
            "a",
            "an",
            "the",
            "they",
            "über",
            "you're",
            "although",
            "themselves",
        ] {
            let mut bytes = [0u8; 16];
            bytes[..word.len()].copy_from_slice(word.as_bytes());
            assert_eq!(packed(word), Some(u128::from_le_bytes(bytes)), "{word}");
        }
        assert_eq!(packed(""), None);
        assert_eq!(packed("internationally"), None);
    }

    #[test]
    fn words_are_found_with_their_bits_and_others_are_not() {
        let table = Table::new([("a", 1), ("the", 2), ("a", 4), ("themselves", 8)].into_iter());
        assert_eq!(table.get("a"), 5);
        assert_eq!(table.get("the"), 2);
        assert_eq!(table.get("themselves"), 8);
        for absent in ["", "b", "th", "them", "themselve", "internationally"] {
            assert_eq!(table.get(absent), 0, "{absent}");
        }
    }
}
