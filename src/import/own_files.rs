//! The files moodwire keeps for itself about imports (the record of imported items, the state
//! of each subscription) and the subscriptions: private (0600, in folders made 0700) from
//! their first byte, replaced atomically, read within a bound.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::loader::{OpenError, open_regular_file};

/// The mode of these files.
const PRIVATE_FILE: u32 = 0o600;
/// The mode of the folders made for them.
const PRIVATE_FOLDER: u32 = 0o700;
/// None of these files comes near this; a larger one is not what moodwire wrote.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Reads the file at `path`, refusing one larger than any moodwire writes, or that is not a
/// regular file: opened as the loader opens articles, without waiting, so that a named pipe
/// put in its place, even between a look at it and the open, hangs nothing.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    let (file, meta) = open_regular_file(path, MAX_BYTES).map_err(|error| match error {
        OpenError::Io(error) => error,
        OpenError::NotRegular => io::Error::other("not a regular file"),
        OpenError::TooLarge { .. } => io::Error::other("larger than any file moodwire keeps"),
    })?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_BYTES).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Opens the file at `path` to append to it, making it (and its folder) private if it is new.
pub fn append(path: &Path) -> io::Result<File> {
    create_private_folder(folder_of(path))?;
    let mut options = OpenOptions::new();
    options.append(true).create(true);
    private(&mut options);
    options.open(path)
}

/// Writes `path` whole through `write`: into a private temporary file beside it, synced, then
/// renamed over it.
pub fn replace(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> io::Result<()>,
) -> io::Result<()> {
    let folder = folder_of(path);
    create_private_folder(folder)?;
    let temporary = folder.join(temporary_name());
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    private(&mut options);
    let result = options.open(&temporary).and_then(|file| {
        let mut out = BufWriter::new(file);
        write(&mut out)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        fs::rename(&temporary, path)
    });
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result
}

/// Makes `folder` and those above it that are missing, each private.
pub fn create_private_folder(folder: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, PRIVATE_FOLDER);
    builder.create(folder)
}

fn private(options: &mut OpenOptions) {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(options, PRIVATE_FILE);
    #[cfg(not(unix))]
    let _ = options;
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// A hidden name in the shape of every temporary file of moodwire's.
fn temporary_name() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!(".mw-{:x}-s{n:x}.tmp", std::process::id())
}

/// Held while an import reads and writes the record and the state, so that two imports at
/// once (a `fetch` from cron and the reader's) cannot both write the same item. Released when
/// dropped.
#[derive(Debug)]
pub struct Lock {
    _file: File,
    /// Where the lock file is, for messages.
    pub path: PathBuf,
}

/// Takes the lock at `path`, waiting for another import to finish if one holds it;
/// `on_wait` is called once before waiting. Where the system has no such lock (outside
/// Linux), nothing is locked.
pub fn lock(path: &Path, on_wait: impl FnOnce()) -> io::Result<Lock> {
    let file = append(path)?;
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{FlockOperation, flock};
        if flock(&file, FlockOperation::NonBlockingLockExclusive).is_err() {
            on_wait();
            flock(&file, FlockOperation::LockExclusive)?;
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = on_wait;
    Ok(Lock {
        _file: file,
        path: path.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn files_and_their_folders_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/state.json");
        replace(&path, |out| std::io::Write::write_all(out, b"{}")).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        assert_eq!(mode(&dir.path().join("a/b")), 0o700);
        assert_eq!(read(&path).unwrap(), b"{}");
        let names: Vec<_> = fs::read_dir(dir.path().join("a/b")).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left");
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_in_place_of_a_file_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("imported-items");
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        if !made.is_ok_and(|status| status.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let error = read(&path).expect_err("a pipe is no file of ours");
        assert_eq!(error.to_string(), "not a regular file");
        assert_eq!(
            read(&dir.path().join("none")).unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_lock_waits_for_its_holder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("import.lock");
        let held = lock(&path, || panic!("nobody holds it yet")).unwrap();
        let (sender, receiver) = std::sync::mpsc::channel();
        let waiter = std::thread::spawn({
            let path = path.clone();
            move || {
                let _second = lock(&path, || sender.send("waiting").unwrap()).unwrap();
            }
        });
        assert_eq!(receiver.recv().unwrap(), "waiting");
        drop(held);
        waiter.join().unwrap();
    }
}
