//! Replacing one file's contents atomically and durably, and only if they are what the caller
//! expects.

use std::path::{Path, PathBuf};

use super::durable;
use super::staged::Staged;
use super::temporary::{self, io};
use super::{Options, TagError};
use crate::loader::FileStamp;

/// Writes `new` over the file at `path` if it still holds `expected`: into a temporary file in
/// the same folder, with the file's permissions, synced, renamed over it, and the rename
/// synced, if `options` allow writing it. Returns the path written, symbolic links resolved, so
/// that a link stays a link.
///
/// `read_stamp`, when the caller has it, is the file's stamp taken before `expected` was read.
/// One file's syncs take milliseconds; for many files at once, see [`super::commit`].
pub fn replace_file(
    path: &Path,
    expected: &[u8],
    read_stamp: Option<FileStamp>,
    new: &[u8],
    options: &Options,
) -> Result<PathBuf, TagError> {
    let resolved = temporary::resolve(path, options)?;
    let staged = Staged::write(resolved, expected, read_stamp, new)?;
    durable::sync_file(staged.temporary()).map_err(io(staged.temporary()))?;
    staged.rename()?;
    durable::sync_folder(staged.folder()).map_err(io(staged.folder()))?;
    Ok(staged.target().to_owned())
}
