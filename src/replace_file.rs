//! Replacing a file atomically: the new bytes go into a temporary file in the same folder, which
//! is then renamed over the old one, so that a reader sees the old file or the new one and
//! never half of either.
//!
//! Every temporary file, moodwire's own (the cache, the marks) and an article's alike, is
//! created here: with a short name no other writer uses, and with its final mode from the
//! start, so that no byte is ever readable by someone the finished file would not let read it.

use std::ffi::OsStr;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// The mode of moodwire's own files: what was read and starred, and the titles and words of a
/// library, are the user's business alone.
pub const PRIVATE_FILE: u32 = 0o600;
/// The mode of the folders moodwire makes for its own files.
pub const PRIVATE_FOLDER: u32 = 0o700;

/// Writes `path`, a file of moodwire's own, through `write`: private (0600) from the start, in
/// a folder made private (0700) if it has to be made. With `durable`, the data is synced before
/// the rename, so that a power cut cannot leave an empty file under the old name.
pub fn replace(
    path: &Path,
    durable: bool,
    write: impl FnOnce(&mut BufWriter<File>) -> io::Result<()>,
) -> io::Result<()> {
    let dir = folder_of(path);
    create_private_folder(dir)?;
    let (temporary, file) = create_temporary(dir, PRIVATE_FILE)?;
    let result = (|| {
        let mut out = BufWriter::with_capacity(1 << 20, file);
        write(&mut out)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        match durable {
            true => file.sync_all(),
            false => Ok(()),
        }
    })();
    match result.and_then(|()| fs::rename(&temporary, path)) {
        Ok(()) => Ok(()),
        Err(error) => {
            let _ = fs::remove_file(&temporary);
            Err(error)
        }
    }
}

/// Makes `dir` and the folders above it that are missing, each private (0700): the umask may
/// only take more away.
pub fn create_private_folder(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, PRIVATE_FOLDER);
    builder.create(dir)
}

/// The folder holding `path`, where its temporary file goes and its rename happens.
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// How many names a creation tries before it gives up: another writer would have to have
/// taken every one of them.
const ATTEMPTS: u32 = 64;

/// Creates a new, empty temporary file in `dir` with `mode` (as far as the umask allows: it
/// can only take permissions away) and returns its path and the open file. Its name is
/// hidden, short (`.mw-<process>-<count>.tmp`, at most 28 bytes, so that a file whose own
/// name is near the system's limit can still be replaced) and ends in an extension the
/// loader does not read; a name taken meanwhile (by another machine sharing the folder) is
/// passed over for the next.
pub fn create_temporary(dir: &Path, mode: u32) -> io::Result<(PathBuf, File)> {
    let mut last = None;
    for _ in 0..ATTEMPTS {
        let path = dir.join(temporary_name());
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode & 0o777);
        #[cfg(not(unix))]
        let _ = mode;
        match options.open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => last = Some(error),
            Err(error) => return Err(error),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

/// What every temporary name starts and ends with, which is how a stale one is known.
const PREFIX: &str = ".mw-";
const SUFFIX: &str = ".tmp";

/// A name no other call in this process returns: the process id and a counter, in hex.
fn temporary_name() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    // Asked once: every call is a system call, and a batch names thousands of files.
    static PROCESS: LazyLock<u32> = LazyLock::new(std::process::id);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{PREFIX}{:x}-{n:x}{SUFFIX}", *PROCESS)
}

/// True for a name [`create_temporary`] gives.
pub fn is_temporary_name(name: &OsStr) -> bool {
    let name = name.as_encoded_bytes();
    name.starts_with(PREFIX.as_bytes()) && name.ends_with(SUFFIX.as_bytes())
}

/// A temporary file this old was left by a run that was killed; no live run takes this long.
const STALE: Duration = Duration::from_secs(3600);

/// Removes the temporary files that killed runs left in `dir`. Best effort: a folder that
/// cannot be read is left as it is.
pub fn remove_stale(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        if !is_temporary_name(&entry.file_name()) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_old_temporaries_of_ours_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let (stale, _) = create_temporary(dir.path(), 0o600).unwrap();
        let (young, _) = create_temporary(dir.path(), 0o600).unwrap();
        let other = dir.path().join(".a.md.other.tmp");
        fs::write(&other, "x").unwrap();
        let long_ago = std::time::SystemTime::now() - STALE * 2;
        for path in [&stale, &other] {
            let file = File::options().write(true).open(path).unwrap();
            file.set_modified(long_ago).unwrap();
        }
        remove_stale(dir.path());
        assert!(!stale.exists());
        assert!(young.exists(), "a live run's temporary stays");
        assert!(other.exists(), "another program's file stays");
    }

    #[test]
    fn temporary_names_are_short_and_never_repeat() {
        let dir = tempfile::tempdir().unwrap();
        let names: std::collections::HashSet<_> = (0..100)
            .map(|_| create_temporary(dir.path(), 0o600).unwrap().0)
            .collect();
        assert_eq!(names.len(), 100);
        for name in &names {
            let name = name.file_name().unwrap();
            assert!(name.len() <= 28, "{name:?}");
            assert!(is_temporary_name(name));
        }
    }

    /// With a umask that would leave them readable by all, a temporary file and a file made by
    /// [`replace`] are private from their first byte, and so is a folder made for them.
    #[cfg(unix)]
    #[test]
    fn own_files_and_their_folders_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        let (temporary, _) = create_temporary(dir.path(), 0o600).unwrap();
        assert_eq!(mode(&temporary), 0o600);
        let path = dir.path().join("deep/er/state.json");
        replace(&path, false, |out| {
            use std::io::Write;
            assert_eq!(mode(&path.with_file_name("")), 0o700);
            out.write_all(b"{}")
        })
        .unwrap();
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir.path().join("deep")), 0o700);
    }
}
