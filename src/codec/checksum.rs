//! A fast 64-bit checksum for cache files.
//!
//! The cache can be hundreds of megabytes and is read on every start, so the checksum must run
//! near memory speed: it mixes four independent lanes of eight bytes each, which lets the
//! processor overlap the multiplications instead of waiting on one long chain.

/// Bytes taken per round: one word for each lane.
const ROUND: usize = 32;
const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

/// A checksum taken as bytes stream past; the result does not depend on how they are split.
#[derive(Default)]
pub struct Checksum {
    lanes: [u64; 4],
    len: u64,
    /// Bytes waiting for a whole round.
    pending: Vec<u8>,
}

fn mix(hash: u64, word: u64) -> u64 {
    (hash ^ word).wrapping_mul(MULTIPLIER).rotate_left(29)
}

fn word(bytes: &[u8]) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[..8]);
    u64::from_le_bytes(word)
}

impl Checksum {
    pub fn update(&mut self, mut bytes: &[u8]) {
        self.len += bytes.len() as u64;
        if !self.pending.is_empty() {
            let need = ROUND - self.pending.len();
            let (head, rest) = bytes.split_at(need.min(bytes.len()));
            self.pending.extend_from_slice(head);
            bytes = rest;
            if self.pending.len() < ROUND {
                return;
            }
            let round = std::mem::take(&mut self.pending);
            self.round(&round);
            self.pending = round;
            self.pending.clear();
        }
        let mut rounds = bytes.chunks_exact(ROUND);
        for round in &mut rounds {
            self.round(round);
        }
        self.pending.extend_from_slice(rounds.remainder());
    }

    fn round(&mut self, round: &[u8]) {
        for (lane, bytes) in self.lanes.iter_mut().zip(round.chunks_exact(8)) {
            *lane = mix(*lane, word(bytes));
        }
    }

    pub fn finish(&self) -> u64 {
        let mut hash = self.len;
        for (at, lane) in self.lanes.iter().enumerate() {
            hash = mix(hash, lane.rotate_left(at as u32 * 16));
        }
        for &byte in &self.pending {
            hash = mix(hash, u64::from(byte));
        }
        hash = mix(hash, self.len);
        hash ^ (hash >> 32)
    }
}

/// The checksum of `bytes`, as the encoder computes it.
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut checksum = Checksum::default();
    checksum.update(bytes);
    checksum.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checksum_does_not_depend_on_how_bytes_arrive() {
        let bytes: Vec<u8> = (0..1000u32).map(|n| (n * 7 % 251) as u8).collect();
        for piece in [1, 3, 8, 13, 31, 32, 33, 999] {
            let mut checksum = Checksum::default();
            for chunk in bytes.chunks(piece) {
                checksum.update(chunk);
            }
            assert_eq!(
                checksum.finish(),
                super::checksum(&bytes),
                "pieces of {piece}"
            );
        }
    }

    #[test]
    fn every_byte_counts_wherever_it_is() {
        let bytes: Vec<u8> = (0..100u32).map(|n| (n * 13 % 256) as u8).collect();
        let original = checksum(&bytes);
        for at in 0..bytes.len() {
            let mut changed = bytes.clone();
            changed[at] ^= 1;
            assert_ne!(checksum(&changed), original, "byte {at}");
        }
        for len in 0..bytes.len() {
            assert_ne!(checksum(&bytes[..len]), original, "first {len} bytes");
        }
        // Lanes are not interchangeable: swapping two words changes the sum.
        let mut swapped = bytes.clone();
        swapped[..8].copy_from_slice(&bytes[8..16]);
        swapped[8..16].copy_from_slice(&bytes[..8]);
        assert_ne!(checksum(&swapped), original);
    }
}
