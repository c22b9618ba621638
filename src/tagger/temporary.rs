//! Temporary files beside the files they will replace: naming, writing, and clearing away the
//! ones a killed run left behind.

use std::fs::{self, Metadata, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use super::TagError;

/// The file a write to `path` really replaces, symbolic links resolved so that a link stays a
/// link, with its metadata.
pub fn resolve(path: &Path) -> Result<(PathBuf, Metadata), TagError> {
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
    Ok((target, meta))
}

/// Writes `new` to a fresh temporary file beside `target`, with the permissions in `meta`, and
/// returns its path; nothing is left behind when that fails. Not synced: the caller decides
/// when the data must reach the disk.
pub fn write_beside(target: &Path, meta: &Metadata, new: &[u8]) -> Result<PathBuf, TagError> {
    let temporary = temporary_name(target);
    let written = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        file.write_all(new)?;
        file.set_permissions(meta.permissions())
    })();
    match written {
        Ok(()) => Ok(temporary),
        Err(source) => {
            let _ = fs::remove_file(&temporary);
            Err(TagError::Temporary {
                folder: folder_of(target).to_owned(),
                source,
            })
        }
    }
}

/// The folder holding `path`, where its temporary file goes and its rename happens.
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// The part every temporary name carries, which is how a stale one is known.
const MARK: &str = ".moodwire-";

/// A name beside `target` that no other writer uses: hidden, with this process's id and a
/// counter, and an extension the loader does not read.
pub fn temporary_name(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    // Asked once: every call is a system call, and a batch names thousands of files.
    static PROCESS: LazyLock<u32> = LazyLock::new(std::process::id);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    target.with_file_name(format!(".{name}{MARK}{}-{n}.tmp", *PROCESS))
}

/// A temporary file this old was left by a run that was killed; no live run takes this long.
const STALE: Duration = Duration::from_secs(3600);

/// Removes the temporary files that killed runs left in `folder`. Best effort: a folder that
/// cannot be read is left as it is.
pub fn remove_stale(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with('.') && name.contains(MARK) && name.ends_with(".tmp")) {
            continue;
        }
        let age = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok());
        if age.is_some_and(|age| age > STALE) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

pub fn io(path: &Path) -> impl FnOnce(std::io::Error) -> TagError {
    let path = path.to_owned();
    move |source| TagError::Io { path, source }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_old_temporaries_of_ours_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.md");
        let stale = temporary_name(&target);
        let young = temporary_name(&target);
        let other = dir.path().join(".a.md.other.tmp");
        for path in [&stale, &young, &other] {
            fs::write(path, "x").unwrap();
        }
        let long_ago = std::time::SystemTime::now() - STALE * 2;
        for path in [&stale, &other] {
            let file = fs::File::options().write(true).open(path).unwrap();
            file.set_modified(long_ago).unwrap();
        }
        remove_stale(dir.path());
        assert!(!stale.exists());
        assert!(young.exists(), "a live run's temporary stays");
        assert!(other.exists(), "another program's file stays");
    }
}
