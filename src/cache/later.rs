//! Reading, when the index first needs them, the parts of it left in the cache file.
//!
//! They are read from the file the cache opened, which a cache written since (always renamed
//! into place) does not change; but it can have been damaged in place, so each part is
//! checked against its checksum when read, and a damaged file is removed.

use std::fs;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use super::sections;
use crate::codec::Damaged;
use crate::codec::checksum;
use crate::index::{PostingSource, StreamSource, Streams, postings};

/// Reads a shard's word streams from `section` of the open cache file at `path`, checking
/// them against their checksum: the file was not read whole when it was opened, and may
/// have been damaged since. A damaged file is removed, so that the next start writes a new
/// one.
pub fn streams(file: &Arc<fs::File>, path: &Path, section: Range<u64>) -> StreamSource {
    let file = Arc::clone(file);
    let path = path.to_path_buf();
    Box::new(move || {
        let read = sections::open(&file, section.clone()).and_then(|mut input| {
            let streams = Streams::decode(&mut input)?;
            input.finish()?;
            Ok(streams)
        });
        if read.is_err() {
            remove_if_same(&path, &file);
        }
        read
    })
}

/// Reads bytes of a shard's postings from `section` of the open cache file at `path`,
/// checking them against their checksum; removes the file if they cannot be read or are
/// damaged.
pub fn postings(file: &Arc<fs::File>, path: &Path, section: Range<u64>) -> PostingSource {
    let file = Arc::clone(file);
    let path = path.to_path_buf();
    Arc::new(move |bytes: Range<u64>, sum| {
        let read =
            sections::read_within(&file, &section, postings::LISTS_AT, bytes).and_then(|bytes| {
                (checksum::checksum(&bytes) == sum)
                    .then_some(bytes)
                    .ok_or(Damaged)
            });
        if read.is_err() {
            remove_if_same(&path, &file);
        }
        read
    })
}

/// Removes the file at `path` if it is still `file`, not a cache written in its place since.
pub(super) fn remove_if_same(path: &Path, file: &fs::File) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let same = match (fs::metadata(path), file.metadata()) {
            (Ok(named), Ok(open)) => named.dev() == open.dev() && named.ino() == open.ino(),
            _ => false,
        };
        if same {
            let _ = fs::remove_file(path);
        }
    }
    #[cfg(not(unix))]
    let _ = (path, file);
}
