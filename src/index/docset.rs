//! A set of documents as a bitset: unions and intersections over a whole library cost a few
//! microseconds, whatever the number of matches.

/// A set of documents by number, as a search answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSet {
    bits: Vec<u64>,
    len: usize,
}

impl DocSet {
    pub(crate) fn empty(len: usize) -> DocSet {
        DocSet {
            bits: vec![0; len.div_ceil(64)],
            len,
        }
    }

    pub(crate) fn full(len: usize) -> DocSet {
        let mut set = DocSet {
            bits: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        set.clear_tail();
        set
    }

    pub(crate) fn insert(&mut self, doc: u32) {
        let doc = doc as usize;
        if doc < self.len {
            self.bits[doc / 64] |= 1 << (doc % 64);
        }
    }

    pub(crate) fn remove(&mut self, doc: u32) {
        let doc = doc as usize;
        if doc < self.len {
            self.bits[doc / 64] &= !(1 << (doc % 64));
        }
    }

    /// True when document `doc` is in the set.
    pub fn contains(&self, doc: u32) -> bool {
        let doc = doc as usize;
        doc < self.len && self.bits[doc / 64] & (1 << (doc % 64)) != 0
    }

    pub(crate) fn intersect(&mut self, other: &DocSet) {
        for (mine, theirs) in self.bits.iter_mut().zip(&other.bits) {
            *mine &= theirs;
        }
    }

    pub(crate) fn union(&mut self, other: &DocSet) {
        for (mine, theirs) in self.bits.iter_mut().zip(&other.bits) {
            *mine |= theirs;
        }
    }

    pub(crate) fn subtract(&mut self, other: &DocSet) {
        for (mine, theirs) in self.bits.iter_mut().zip(&other.bits) {
            *mine &= !theirs;
        }
    }

    /// How many documents are in the set.
    pub fn count(&self) -> usize {
        self.bits
            .iter()
            .map(|word| word.count_ones() as usize)
            .sum()
    }

    /// The documents in the set, lowest number first.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.bits.iter().enumerate().flat_map(|(i, &word)| {
            let mut word = word;
            std::iter::from_fn(move || {
                (word != 0).then(|| {
                    let bit = word.trailing_zeros();
                    word &= word - 1;
                    (i * 64) as u32 + bit
                })
            })
        })
    }

    fn clear_tail(&mut self) {
        let used = self.len % 64;
        if used != 0
            && let Some(last) = self.bits.last_mut()
        {
            *last &= (1u64 << used) - 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_operations() {
        let mut a = DocSet::empty(130);
        for doc in [0, 63, 64, 129, 500] {
            a.insert(doc);
        }
        assert_eq!(a.iter().collect::<Vec<_>>(), [0, 63, 64, 129]);
        let mut full = DocSet::full(130);
        assert_eq!(full.count(), 130);
        full.subtract(&a);
        assert_eq!(full.count(), 126);
        assert!(!full.contains(63) && full.contains(62));
        full.intersect(&a);
        assert_eq!(full.count(), 0);
        a.remove(63);
        assert!(!a.contains(63));
    }
}
