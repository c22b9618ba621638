//! What identifies a version of a file without reading it: its size and modification time.

use std::fs::Metadata;
use std::time::UNIX_EPOCH;

/// A file's size and modification time. A file whose stamp is unchanged is taken to be
/// unchanged, as make and cargo do; nanosecond times make a same-size rewrite that keeps the
/// stamp all but impossible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub size: u64,
    /// Nanoseconds since the Unix epoch (negative before it).
    pub modified: i128,
}

impl FileStamp {
    pub fn of(meta: &Metadata) -> FileStamp {
        let modified = match meta.modified().map(|time| time.duration_since(UNIX_EPOCH)) {
            Ok(Ok(after)) => after.as_nanos() as i128,
            Ok(Err(before)) => -(before.duration().as_nanos() as i128),
            Err(_) => 0,
        };
        FileStamp {
            size: meta.len(),
            modified,
        }
    }
}
