//! Telling whether a file still holds what it was read with, without reading it again when its
//! stamp is proof enough.

use std::fs;
use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::loader::FileStamp;

/// What a file must still be for a write over it to go ahead.
#[derive(Debug)]
pub enum Expected {
    /// The stamp taken before the file was read, old enough that any later change shows in it.
    Stamp(FileStamp),
    /// The bytes read, because the stamp (if any) is too recent to prove anything alone.
    Bytes {
        stamp: Option<FileStamp>,
        bytes: Box<[u8]>,
    },
}

impl Expected {
    /// What to check, for a file read as `bytes` whose stamp before reading was `read_stamp`.
    /// The bytes are kept only when the stamp cannot stand in for them, so that a batch of
    /// thousands of files does not hold all their contents while it waits.
    pub fn new(read_stamp: Option<FileStamp>, bytes: &[u8]) -> Expected {
        match read_stamp {
            // Decided now, just after the read: a change after the read falls in a later
            // tick than the stamp's only if the stamp was already a tick old when read.
            Some(stamp) if !changed_recently(&stamp) => Expected::Stamp(stamp),
            stamp => Expected::Bytes {
                stamp,
                bytes: bytes.into(),
            },
        }
    }

    /// Whether the file at `path` is still as expected.
    pub fn holds(&self, path: &Path) -> io::Result<bool> {
        let stamp = match self {
            Expected::Stamp(stamp) => Some(stamp),
            Expected::Bytes { stamp, .. } => stamp.as_ref(),
        };
        if let Some(stamp) = stamp
            && FileStamp::of(&fs::metadata(path)?) != *stamp
        {
            return Ok(false);
        }
        match self {
            Expected::Stamp(_) => Ok(true),
            Expected::Bytes { bytes, .. } => Ok(*fs::read(path)? == **bytes),
        }
    }
}

/// Changes closer together than this may leave a file's time stamps as they were.
const TIME_STAMP_TICK: Duration = Duration::from_secs(3);

fn changed_recently(stamp: &FileStamp) -> bool {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos() as i128);
    let tick = TIME_STAMP_TICK.as_nanos() as i128;
    // A time the system does not tell (zero) proves nothing.
    stamp.changed == 0 || now - stamp.changed.max(stamp.modified) < tick
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp_changed(ago: Duration) -> FileStamp {
        let at = (SystemTime::now() - ago)
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_nanos() as i128;
        FileStamp {
            size: 1,
            modified: at,
            changed: at,
        }
    }

    #[test]
    fn only_an_old_stamp_is_trusted_without_reading_the_file() {
        assert!(changed_recently(&stamp_changed(Duration::ZERO)));
        assert!(changed_recently(&stamp_changed(Duration::from_secs(1))));
        assert!(!changed_recently(&stamp_changed(Duration::from_secs(60))));
        let unknown = FileStamp {
            changed: 0,
            ..stamp_changed(Duration::from_secs(60))
        };
        assert!(changed_recently(&unknown), "no change time: read the file");
    }

    #[test]
    fn the_bytes_are_kept_only_when_the_stamp_is_not_proof() {
        let old = Expected::new(Some(stamp_changed(Duration::from_secs(60))), b"text");
        assert!(matches!(old, Expected::Stamp(_)));
        let recent = Expected::new(Some(stamp_changed(Duration::ZERO)), b"text");
        assert!(matches!(recent, Expected::Bytes { .. }));
        assert!(matches!(
            Expected::new(None, b"text"),
            Expected::Bytes { .. }
        ));
    }
}
