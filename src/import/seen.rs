//! The record of what was imported: a key for each item written, kept in the user's data
//! folder, so that an item is never written twice, even after its file was deleted or moved.
//!
//! The file (`imported-items`) holds a line of 16 hexadecimal digits per item, a hash of the
//! item's key ([`key_of`]), oldest first. It only grows by appending, synced before an import
//! says it is done, so a crash loses at most the lines of the feed being written (whose files
//! then come back once, with a suffix). It is bounded: past [`MAX_KEPT`] twice over, it is
//! rewritten with the newest [`MAX_KEPT`] lines, far more than the feeds of anyone carry.
//! A line that does not read (a write cut short) is passed over.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::own_files;

/// How many items the record remembers, the latest kept.
pub const MAX_KEPT: usize = 200_000;

/// What an item is known by: its id within its feed, else its address, else its text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key(u64);

/// The key of an item of the feed at `scope`: its id if it has one (scoped to the feed unless
/// the id is an address or a URN, which stand alone), else its link, else its title and
/// date.
pub fn key_of(scope: &str, id: Option<&str>, link: Option<&str>, fallback: &str) -> Key {
    let text = match (id, link) {
        (Some(id), _) if id.contains(':') => format!("id\0{id}"),
        (Some(id), _) => format!("id\0{scope}\0{id}"),
        (None, Some(link)) => format!("link\0{link}"),
        (None, None) => format!("text\0{scope}\0{fallback}"),
    };
    Key(hash(text.as_bytes()))
}

impl Key {
    /// The key of the `n`th other item of one document that has the same key as an earlier
    /// one but is not the same item (a feed that gives two posts one `guid`).
    pub fn nth(&self, n: usize) -> Key {
        Key(hash(format!("{:016x}#{n}", self.0).as_bytes()))
    }
}

/// The items already imported, and the file that keeps them.
#[derive(Debug)]
pub struct Record {
    path: Option<PathBuf>,
    keys: HashSet<u64>,
    /// Lines in the file: when it holds twice [`MAX_KEPT`], it is rewritten.
    lines: usize,
    order: Vec<u64>,
}

impl Record {
    /// A record kept in memory only (for tests, and when there is no data folder).
    pub fn in_memory() -> Record {
        Record {
            path: None,
            keys: HashSet::new(),
            lines: 0,
            order: Vec::new(),
        }
    }

    /// Reads the record at `path`; a missing file is an empty record. One that cannot be
    /// read is an error: importing without it would write every item again.
    pub fn open(path: &Path) -> io::Result<Record> {
        let text = match own_files::read(path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => Vec::new(),
            Err(error) => return Err(error),
        };
        let mut record = Record {
            path: Some(path.to_owned()),
            ..Record::in_memory()
        };
        for line in text.split(|&b| b == b'\n') {
            record.lines += 1;
            let Some(key) = parse_line(line) else {
                continue;
            };
            if record.keys.insert(key) {
                record.order.push(key);
            }
        }
        Ok(record)
    }

    /// True when the item `key` names was imported.
    pub fn contains(&self, key: &Key) -> bool {
        self.keys.contains(&key.0)
    }

    /// How many items it remembers.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when it remembers nothing.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Remembers `keys` (the items just written), durably.
    pub fn add(&mut self, keys: &[Key]) -> io::Result<()> {
        let new: Vec<u64> = keys
            .iter()
            .map(|key| key.0)
            .filter(|key| self.keys.insert(*key))
            .collect();
        if new.is_empty() {
            return Ok(());
        }
        self.order.extend_from_slice(&new);
        let Some(path) = &self.path else {
            return Ok(());
        };
        if self.lines + new.len() > 2 * MAX_KEPT {
            return self.rewrite();
        }
        let mut text = String::with_capacity(new.len() * 17);
        for key in &new {
            text.push_str(&format!("{key:016x}\n"));
        }
        let mut file: File = own_files::append(path)?;
        file.write_all(text.as_bytes())?;
        file.sync_data()?;
        self.lines += new.len();
        Ok(())
    }

    /// Rewrites the file with the newest [`MAX_KEPT`] keys.
    fn rewrite(&mut self) -> io::Result<()> {
        let start = self.order.len().saturating_sub(MAX_KEPT);
        self.order.drain(..start);
        self.keys = self.order.iter().copied().collect();
        let Some(path) = &self.path else {
            return Ok(());
        };
        own_files::replace(path, |out| {
            for key in &self.order {
                writeln!(out, "{key:016x}")?;
            }
            Ok(())
        })?;
        self.lines = self.order.len();
        Ok(())
    }
}

fn parse_line(line: &[u8]) -> Option<u64> {
    let line = std::str::from_utf8(line).ok()?.trim();
    (line.len() == 16)
        .then(|| u64::from_str_radix(line, 16).ok())
        .flatten()
}

/// FNV-1a over the bytes, then a final mix so that keys differing in a byte differ in every
/// bit. Fixed here, never the standard library's hasher, whose output may change between
/// versions of Rust: the record must read the same with every build.
fn hash(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^ (hash >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_id_else_the_link_else_the_text() {
        let a = key_of("https://e.com/feed", Some("1"), Some("https://e.com/1"), "");
        let b = key_of(
            "https://other.com/feed",
            Some("1"),
            Some("https://e.com/1"),
            "",
        );
        assert_ne!(a, b, "an id like `1` is the feed's own");
        let c = key_of("x", Some("tag:e.com,2020:1"), None, "");
        let d = key_of("y", Some("tag:e.com,2020:1"), Some("https://e.com/1"), "");
        assert_eq!(c, d, "an id that is a URN stands alone");
        let e = key_of("x", None, Some("https://e.com/1"), "");
        let f = key_of("y", None, Some("https://e.com/1"), "t");
        assert_eq!(e, f);
        assert_ne!(key_of("x", None, None, "t1"), key_of("x", None, None, "t2"));
        // The same with every build: a record written by one reads with the next.
        assert_eq!(format!("{:016x}", hash(b"moodwire")), "c0664911ae10dd5b");
    }

    #[test]
    fn the_record_survives_reopening_and_skips_torn_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data/imported-items");
        let keys: Vec<Key> = (0..5)
            .map(|n| key_of("s", Some(&n.to_string()), None, ""))
            .collect();
        let mut record = Record::open(&path).unwrap();
        assert!(record.is_empty());
        record.add(&keys[..3]).unwrap();
        record.add(&keys[..3]).unwrap();
        let mut text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 3);
        text.push_str("0123ab");
        std::fs::write(&path, text).unwrap();
        let reopened = Record::open(&path).unwrap();
        assert_eq!(reopened.len(), 3);
        assert!(reopened.contains(&keys[2]));
        assert!(!reopened.contains(&keys[3]));
    }

    #[test]
    fn the_record_is_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("imported-items");
        let mut record = Record::open(&path).unwrap();
        let keys: Vec<Key> = (0..(2 * MAX_KEPT + 10))
            .map(|n| Key(hash(&(n as u64).to_le_bytes())))
            .collect();
        for chunk in keys.chunks(50_000) {
            record.add(chunk).unwrap();
        }
        let lines = std::fs::read_to_string(&path).unwrap().lines().count();
        assert!(lines <= 2 * MAX_KEPT, "{lines}");
        assert!(record.len() <= 2 * MAX_KEPT);
        assert!(record.contains(keys.last().unwrap()), "the newest are kept");
        assert!(
            !Record::open(&path).unwrap().contains(&keys[0]),
            "the oldest go"
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_record_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new/imported-items");
        let mut record = Record::open(&path).unwrap();
        record.add(&[key_of("s", None, Some("l"), "")]).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir.path().join("new")), 0o700);
    }
}
