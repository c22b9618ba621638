//! What identifies a version of a file without reading it: its size and modification time, and
//! on Unix its change time.

use std::fs::Metadata;
use std::time::UNIX_EPOCH;

/// A file's size, modification time and change time. A file whose stamp is unchanged is taken
/// to be unchanged. The change time (ctime) is what catches a rewrite that keeps the size and
/// puts the modification time back (`cp -p`, `rsync -t`, `tar`): any write or rename sets it,
/// and no ordinary tool can set it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    /// The file's length in bytes.
    pub size: u64,
    /// Nanoseconds since the Unix epoch (negative before it).
    pub modified: i128,
    /// Nanoseconds since the Unix epoch of the last change to the file or its metadata; zero
    /// where the system does not tell.
    pub changed: i128,
}

impl FileStamp {
    /// The stamp of the file whose metadata is `meta`.
    pub fn of(meta: &Metadata) -> FileStamp {
        let modified = match meta.modified().map(|time| time.duration_since(UNIX_EPOCH)) {
            Ok(Ok(after)) => after.as_nanos() as i128,
            Ok(Err(before)) => -(before.duration().as_nanos() as i128),
            Err(_) => 0,
        };
        FileStamp {
            size: meta.len(),
            modified,
            changed: change_time(meta),
        }
    }
}

#[cfg(unix)]
fn change_time(meta: &Metadata) -> i128 {
    use std::os::unix::fs::MetadataExt;
    i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec())
}

#[cfg(not(unix))]
fn change_time(_: &Metadata) -> i128 {
    0
}
