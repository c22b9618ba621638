//! Reading one file, within the size limit, into an article or a problem.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

use super::problem::{Problem, describe_io_error};
use super::stamp::FileStamp;
use super::walk::Source;
use crate::article::Article;
use crate::parse::parse_article;
use crate::reading::Reading;

/// Reads and parses one file, with the stamp it had before it was read: if it changes while
/// being read, the stamp no longer matches and a cache will read it again.
pub fn read_source(source: &Source, reading: &Reading) -> Result<(Article, FileStamp), Problem> {
    let fail = |message: String| Problem::error(&source.path, message);
    let (bytes, stamp) = read_found(source, reading.limits.max_file_bytes).map_err(fail)?;
    let article = parse_article(&bytes, source.id.clone(), source.path.clone(), reading)
        .map_err(|e| fail(e.to_string()))?;
    Ok((article, stamp))
}

/// The bytes of the regular file at `path`, at most `max_bytes` of them, with its stamp from
/// before they were read; otherwise why not, in a few words. Never waits on a named pipe and
/// never reads past the limit, whatever is put in the file's place meanwhile.
pub fn read_regular_file(path: &Path, max_bytes: u64) -> Result<(Vec<u8>, FileStamp), String> {
    read_regular(path, max_bytes).map_err(|e| e.to_string())
}

/// [`read_regular_file`] for a file a walk found: one the walk saw to be a regular file is
/// not looked at by name again before it is opened (a system call a file, thousands in a
/// library), only through the open file, which is what keeps a pipe or a device put in its
/// place from being read.
pub fn read_found(source: &Source, max_bytes: u64) -> Result<(Vec<u8>, FileStamp), String> {
    let looked_at = match source.regular {
        true => LookedAt::ByWalk,
        false => LookedAt::Not,
    };
    read_looked_at(&source.path, max_bytes, looked_at).map_err(|e| e.to_string())
}

/// [`read_regular_file`], telling why not as an [`OpenError`].
pub fn read_regular(path: &Path, max_bytes: u64) -> Result<(Vec<u8>, FileStamp), OpenError> {
    read_looked_at(path, max_bytes, LookedAt::Not)
}

/// Whether a file was looked at by name before it is to be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LookedAt {
    /// Not yet: it is looked at now, so that a device or a pipe is not even opened.
    Not,
    /// By the walk that found it, which saw a regular file.
    ByWalk,
}

fn read_looked_at(
    path: &Path,
    max_bytes: u64,
    looked_at: LookedAt,
) -> Result<(Vec<u8>, FileStamp), OpenError> {
    let (file, meta) = open_looked_at(path, max_bytes, looked_at)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may have grown since it was measured: read no more than the limit allows.
    file.take(max_bytes + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        let size = bytes.len() as u64;
        return Err(OpenError::TooLarge { size, max_bytes });
    }
    Ok((bytes, FileStamp::of(&meta)))
}

/// Why a file was not opened by [`open_regular_file`].
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The system would not let it be looked at or opened.
    #[error("{}", describe_io_error(.0))]
    Io(#[from] io::Error),
    /// A folder, a named pipe, a device.
    #[error("not a regular file")]
    NotRegular,
    /// Larger than the limit.
    #[error("the file is {}, over the limit of {}", size_text(*.size), size_text(*.max_bytes))]
    TooLarge {
        /// Its size, as far as it was read.
        size: u64,
        /// The limit.
        max_bytes: u64,
    },
}

impl OpenError {
    /// True when there is no file at all.
    pub fn is_not_found(&self) -> bool {
        matches!(self, OpenError::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }
}

/// Opens the regular file at `path` for reading, if it is no larger than `max_bytes`, and
/// returns it with its metadata as read through the open file. Never waits: a named pipe, a
/// device (`/dev/zero`) or a folder is refused, before opening and again through the open
/// file, since one may be put in the file's place meanwhile. Every file moodwire reads that
/// someone else may have put there (articles, its marks, its caches) is opened so.
pub fn open_regular_file(path: &Path, max_bytes: u64) -> Result<(File, fs::Metadata), OpenError> {
    open_looked_at(path, max_bytes, LookedAt::Not)
}

fn open_looked_at(
    path: &Path,
    max_bytes: u64,
    looked_at: LookedAt,
) -> Result<(File, fs::Metadata), OpenError> {
    let check = |meta: &fs::Metadata| {
        if !meta.is_file() {
            return Err(OpenError::NotRegular);
        }
        if meta.len() > max_bytes {
            return Err(OpenError::TooLarge {
                size: meta.len(),
                max_bytes,
            });
        }
        Ok(())
    };
    // Checked before opening, so that a device or a pipe is not even opened.
    if looked_at == LookedAt::Not {
        check(&fs::metadata(path)?)?;
    }
    let file = open_without_waiting(path)?;
    // Looked at again through the open file: it may have been replaced since it was looked
    // at by name, and this is the one that will be read.
    let meta = file.metadata()?;
    check(&meta)?;
    Ok((file, meta))
}

/// Opens `path` for reading without ever waiting: opening a named pipe blocks until a writer
/// comes, and one may be put in a file's place after the file was looked at. (For a regular
/// file, not waiting changes nothing.)
fn open_without_waiting(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    options.open(path)
}

/// A byte count for people: `512 bytes`, `20.0 MiB`.
pub fn size_text(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    match bytes {
        b if b >= MIB && b % MIB == 0 => format!("{} MiB", b / MIB),
        b if b >= MIB => format!("{:.1} MiB", b as f64 / MIB as f64),
        b if b >= KIB => format!("{:.1} KiB", b as f64 / KIB as f64),
        b => format!("{b} bytes"),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_named_pipe_opens_without_waiting_and_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("pipe.md");
        if !mkfifo(&pipe) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        // Were the open to wait for a writer, this test would never end.
        let file = open_without_waiting(&pipe).unwrap();
        assert!(!file.metadata().unwrap().is_file());
    }

    fn mkfifo(path: &Path) -> bool {
        std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .is_ok_and(|status| status.success())
    }

    /// A walk that saw a regular file spares the look by name, so what keeps a pipe put in
    /// the file's place since from being read (or waited on) is the look through the open
    /// file; and a pipe the walk saw is not even opened.
    #[test]
    fn a_pipe_in_place_of_a_walked_file_is_refused_whether_the_walk_saw_it_or_not() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        std::fs::write(&file, "# A\n").unwrap();
        let found = crate::loader::walk(&[dir.path().to_owned()], &Default::default());
        let [source] = found.sources.as_slice() else {
            panic!("{:?}", found.sources);
        };
        assert!(source.regular);
        assert_eq!(read_found(source, 1 << 20).unwrap().0, b"# A\n");
        std::fs::remove_file(&file).unwrap();
        if !mkfifo(&file) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        assert_eq!(
            read_found(source, 1 << 20).unwrap_err(),
            "not a regular file"
        );
        let found = crate::loader::walk(&[dir.path().to_owned()], &Default::default());
        let [source] = found.sources.as_slice() else {
            panic!("{:?}", found.sources);
        };
        assert!(!source.regular);
        assert_eq!(
            read_found(source, 1 << 20).unwrap_err(),
            "not a regular file"
        );
    }
}
