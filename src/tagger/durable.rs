//! Making written data and renames survive a power loss.
//!
//! None of this can be tested without pulling the plug: a test sees the page cache, which
//! holds the new bytes whether or not they reached the disk. What the code relies on is the
//! POSIX contract: data is durable once `fsync` (or, on Linux, `syncfs` on its file system)
//! returns success, and a rename is durable once its folder is synced. Renaming a file's new
//! bytes over it only after they are durable is what keeps a power loss from leaving the file
//! empty or half written: either the old bytes or the new ones survive.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

use super::staged::Staged;

/// Makes the data of every staged temporary file durable. On Linux, one `syncfs` per file
/// system: measured on ext4 over 20,000 files it beats an `fsync` for each (see
/// BENCHMARKS.md), since the file system writes everything in one pass and commits its
/// journal once. Elsewhere each file is synced on its own.
pub fn sync_data(staged: &[Staged]) -> Result<(), (&Path, io::Error)> {
    #[cfg(target_os = "linux")]
    {
        let mut done: Vec<u64> = Vec::new();
        for file in staged {
            if done.contains(&file.device()) {
                continue;
            }
            let opened = File::open(file.temporary());
            opened
                .and_then(|f| rustix::fs::syncfs(&f).map_err(io::Error::from))
                .map_err(|e| (file.temporary(), e))?;
            done.push(file.device());
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        for file in staged {
            sync_file(file.temporary()).map_err(|e| (file.temporary(), e))?;
        }
        Ok(())
    }
}

/// Makes the data of the file at `path` durable.
pub fn sync_file(path: &Path) -> io::Result<()> {
    // Opened for writing: some systems refuse to flush a file opened only for reading.
    OpenOptions::new().write(true).open(path)?.sync_all()
}

/// Makes the renames done in `folder` durable.
pub fn sync_folder(folder: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(folder)?.sync_all()
    }
    // Elsewhere a folder cannot be opened to sync it; the rename is as durable as the file
    // system makes it on its own.
    #[cfg(not(unix))]
    {
        let _ = folder;
        Ok(())
    }
}
