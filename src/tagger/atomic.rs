//! Replacing a file's contents atomically, and only if they are what the caller expects.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::TagError;
use crate::loader::FileStamp;

/// Writes `new` over the file at `path` if it still holds `expected`: into a temporary file in
/// the same folder, with the file's permissions, renamed over it. Returns the path written,
/// symbolic links resolved, so that a link stays a link.
///
/// `read_stamp`, when the caller has it, is the file's stamp taken before `expected` was read.
/// The file is checked just before the rename, after the slow part, so that the window in
/// which another writer's change could be lost is as short as the file system allows.
pub fn replace_file(
    path: &Path,
    expected: &[u8],
    read_stamp: Option<FileStamp>,
    new: &[u8],
) -> Result<PathBuf, TagError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| TagError::Io { path, source }
    };
    let link = fs::symlink_metadata(path).map_err(io(path))?;
    let (target, meta) = if link.file_type().is_symlink() {
        let target = fs::canonicalize(path).map_err(io(path))?;
        let meta = fs::metadata(&target).map_err(io(&target))?;
        (target, meta)
    } else {
        (path.to_owned(), link)
    };
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
        if !still_holds(&target, expected, read_stamp).map_err(io(&target))? {
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

/// Whether the file at `path` still holds `expected`. An unchanged stamp is proof enough,
/// and spares reading the file again, unless the file changed so recently that a second
/// change could share its time stamps (file systems keep time in coarse ticks).
fn still_holds(path: &Path, expected: &[u8], read_stamp: Option<FileStamp>) -> io::Result<bool> {
    if let Some(stamp) = read_stamp {
        if FileStamp::of(&fs::metadata(path)?) != stamp {
            return Ok(false);
        }
        if !changed_recently(&stamp) {
            return Ok(true);
        }
    }
    Ok(fs::read(path)? == expected)
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
}
