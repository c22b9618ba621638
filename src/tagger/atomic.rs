//! Replacing a file's contents atomically, and only if they are what the caller expects.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::TagError;

/// Writes `new` over the file at `path` if it still holds `expected`: into a temporary file in
/// the same folder, with the file's permissions, renamed over it. Returns the path written,
/// symbolic links resolved, so that a link stays a link.
///
/// The file is compared just before the rename, after the slow part, so that the window in
/// which another writer's change could be lost is as short as the file system allows.
pub fn replace_file(path: &Path, expected: &[u8], new: &[u8]) -> Result<PathBuf, TagError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| TagError::Io { path, source }
    };
    let target = fs::canonicalize(path).map_err(io(path))?;
    let meta = fs::metadata(&target).map_err(io(&target))?;
    if !meta.is_file() {
        return Err(TagError::Unsupported("not a regular file".into()));
    }
    let temporary = temporary_name(&target);
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
            .map_err(io(&temporary))?;
        file.write_all(new).map_err(io(&temporary))?;
        file.set_permissions(meta.permissions())
            .map_err(io(&temporary))?;
        // No fsync: one per file made tagging 20,000 files take 40 s instead of seconds.
        // Readers never see half a file (the rename is atomic); after a power loss a file
        // system without rename ordering could leave it empty. See BENCHMARKS.md.
        drop(file);
        if fs::read(&target).map_err(io(&target))? != expected {
            return Err(TagError::Changed);
        }
        fs::rename(&temporary, &target).map_err(io(&target))?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result.map(|()| target)
}

/// A name beside `target` that no other writer uses: hidden, with this process's id and a
/// counter, and an extension the loader does not read.
fn temporary_name(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    target.with_file_name(format!(".{name}.moodwire-{}-{n}.tmp", std::process::id()))
}
