//! A file's new bytes waiting in a temporary file beside it, to be renamed over it once they
//! are safely on disk.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use super::TagError;
use super::check::Expected;
use super::temporary::{self, io};
use crate::loader::FileStamp;
use crate::replace_file::folder_of;

/// New bytes written to a temporary file beside the file they replace. Dropping it before
/// [`Staged::rename`] removes the temporary file, so that a failure or a panic anywhere in a
/// batch leaves nothing behind.
#[derive(Debug)]
pub struct Staged {
    target: PathBuf,
    temporary: PathBuf,
    expected: Expected,
    /// The file system the file is on, so that a batch syncs each file system once.
    device: u64,
    /// Atomic so that a batch can rename on several threads through shared references.
    renamed: AtomicBool,
}

impl Staged {
    /// Writes `new` beside `target`, a file resolved and allowed (by [`temporary::resolve`])
    /// with its metadata `meta`, which was read as `bytes` (with the stamp `read_stamp` from
    /// before the read, if the caller took one).
    pub fn write(
        (target, meta): (PathBuf, fs::Metadata),
        bytes: &[u8],
        read_stamp: Option<FileStamp>,
        new: &[u8],
    ) -> Result<Staged, TagError> {
        let temporary = temporary::write_beside(&target, &meta, new)?;
        Ok(Staged {
            device: device(&meta),
            expected: Expected::new(read_stamp, bytes),
            target,
            temporary,
            renamed: AtomicBool::new(false),
        })
    }

    /// The file to be replaced, symbolic links resolved.
    pub fn target(&self) -> &Path {
        &self.target
    }

    pub(crate) fn temporary(&self) -> &Path {
        &self.temporary
    }

    pub(crate) fn device(&self) -> u64 {
        self.device
    }

    /// The folder holding the file, where the rename happens.
    pub fn folder(&self) -> &Path {
        folder_of(&self.target)
    }

    /// Renames the temporary file over the file, unless the file changed since it was read.
    /// The check comes last, just before the rename, so that the window in which another
    /// writer's change could be lost is as short as the file system allows.
    pub fn rename(&self) -> Result<(), TagError> {
        if !self
            .expected
            .holds(&self.target)
            .map_err(io(&self.target))?
        {
            return Err(TagError::Changed);
        }
        fs::rename(&self.temporary, &self.target).map_err(io(&self.target))?;
        self.renamed.store(true, Ordering::Relaxed);
        Ok(())
    }

    pub(crate) fn is_renamed(&self) -> bool {
        self.renamed.load(Ordering::Relaxed)
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.is_renamed() {
            let _ = fs::remove_file(&self.temporary);
        }
    }
}

#[cfg(unix)]
fn device(meta: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.dev()
}

#[cfg(not(unix))]
fn device(_: &fs::Metadata) -> u64 {
    0
}
