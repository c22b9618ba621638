//! New article files (what `moodwire import` and `fetch` write): each written whole into a
//! temporary file in its folder, made durable, and then given its name only if no file has
//! that name, so that nothing is ever overwritten and nobody ever sees half a file.
//!
//! A name already taken (by a file, a folder, a link, even a dangling one) passes to the next
//! with a suffix: `2026-02-01-story.md`, `2026-02-01-story-2.md`, `-3`... The name is given by
//! an exclusive rename (`renameat2` with `RENAME_NOREPLACE` on Linux) or, where the system or
//! the file system has none, by a hard link, which also fails rather than replace.
//!
//! A batch syncs once: the data of every temporary file, then the folder once the names are
//! given, as [`super::commit`] does for tags.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::TagError;
use super::durable;

/// How many suffixes a name tries before the file is refused.
const MAX_SUFFIX: u32 = 1000;

/// A new file waiting under a temporary name for its own. Dropped before it is named, the
/// temporary file is removed.
#[derive(Debug)]
pub struct NewFile {
    folder: PathBuf,
    stem: String,
    extension: String,
    temporary: PathBuf,
    named: bool,
}

impl NewFile {
    /// Writes `bytes` into a temporary file in `folder`, to be named `stem.extension` (or
    /// `stem-N.extension`) by [`create_all`]. `stem` and `extension` must each be one plain
    /// name: no separator, not hidden, not `.` or `..`.
    pub fn write(
        folder: &Path,
        stem: &str,
        extension: &str,
        bytes: &[u8],
    ) -> Result<NewFile, TagError> {
        let name = format!("{stem}.{extension}");
        if !is_plain_name(&name) || stem.is_empty() || extension.contains('.') {
            return Err(TagError::Invalid(format!(
                "`{}` is not a plain file name",
                crate::sanitize::sanitize_line(&name)
            )));
        }
        let temporary = folder.join(temporary_name());
        let written = (|| {
            let mut file = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temporary)?;
            file.write_all(bytes)
        })();
        if let Err(source) = written {
            let _ = fs::remove_file(&temporary);
            return Err(TagError::Temporary {
                folder: folder.to_owned(),
                source,
            });
        }
        Ok(NewFile {
            folder: folder.to_owned(),
            stem: stem.to_owned(),
            extension: extension.to_owned(),
            temporary,
            named: false,
        })
    }

    /// Gives the file the first free name among `stem.extension`, `stem-2.extension`, ...
    fn name(&mut self) -> Result<PathBuf, TagError> {
        for n in 1..=MAX_SUFFIX {
            let name = match n {
                1 => format!("{}.{}", self.stem, self.extension),
                n => format!("{}-{n}.{}", self.stem, self.extension),
            };
            let target = self.folder.join(name);
            match rename_exclusive(&self.temporary, &target) {
                Ok(()) => {
                    self.named = true;
                    return Ok(target);
                }
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(source) => {
                    return Err(TagError::Io {
                        path: target,
                        source,
                    });
                }
            }
        }
        Err(TagError::Invalid(format!(
            "{} and {MAX_SUFFIX} names after it are all taken",
            crate::loader::display_path(&self.folder.join(&self.stem))
        )))
    }
}

impl Drop for NewFile {
    fn drop(&mut self) {
        if !self.named {
            let _ = fs::remove_file(&self.temporary);
        }
    }
}

/// Names every file written, in order, after making their data durable, and then makes the
/// names durable: the path each got, or why it got none.
pub fn create_all(mut files: Vec<NewFile>) -> Vec<Result<PathBuf, TagError>> {
    if let Err((path, source)) = sync_data(&files) {
        let message = crate::loader::describe_io_error(&source);
        return files
            .iter()
            .map(|_| {
                Err(TagError::Io {
                    path: path.clone(),
                    source: io::Error::new(source.kind(), message.clone()),
                })
            })
            .collect();
    }
    let results: Vec<_> = files.iter_mut().map(NewFile::name).collect();
    let mut folders: Vec<&Path> = files.iter().map(|file| file.folder.as_path()).collect();
    folders.sort();
    folders.dedup();
    for folder in folders {
        // The files are named whatever this says: the rename is done, if not yet durable.
        let _ = durable::sync_folder(folder);
    }
    results
}

/// Makes the data of every temporary file durable: on Linux one `syncfs` per batch (the files
/// of one import share a folder, so one file system), elsewhere an `fsync` each.
fn sync_data(files: &[NewFile]) -> Result<(), (PathBuf, io::Error)> {
    #[cfg(target_os = "linux")]
    if let Some(first) = files.first() {
        let synced =
            File::open(&first.temporary).and_then(|f| rustix::fs::syncfs(&f).map_err(Into::into));
        return synced.map_err(|error| (first.temporary.clone(), error));
    }
    for file in files {
        durable::sync_file(&file.temporary).map_err(|error| (file.temporary.clone(), error))?;
    }
    Ok(())
}

/// Renames `from` to `to` unless `to` exists, in one step where the system allows it.
fn rename_exclusive(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, from, CWD, to, RenameFlags::NOREPLACE) {
            Ok(()) => return Ok(()),
            // A file system without the flag: a hard link is exclusive too.
            Err(rustix::io::Errno::INVAL | rustix::io::Errno::NOSYS) => {}
            Err(errno) => return Err(errno.into()),
        }
    }
    fs::hard_link(from, to)?;
    let _ = fs::remove_file(from);
    Ok(())
}

/// True for one plain, visible name: no separator, not `.` or `..`, not hidden.
fn is_plain_name(name: &str) -> bool {
    let mut parts = Path::new(name).components();
    matches!(parts.next(), Some(Component::Normal(_)))
        && parts.next().is_none()
        && !name.starts_with('.')
        && !name.contains(['/', '\\'])
}

/// A hidden name that no other call returns, in the shape every temporary file of moodwire's
/// has (`.mw-<process>-<count>.tmp`), so that the loader never reads one and a cleanup of
/// stale temporaries knows it.
fn temporary_name() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!(".mw-{:x}-n{n:x}.tmp", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_taken_name_gets_a_suffix_and_nothing_is_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.md"), "mine").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("/nowhere", dir.path().join("a-2.md")).unwrap();
        let files = vec![
            NewFile::write(dir.path(), "a", "md", b"one").unwrap(),
            NewFile::write(dir.path(), "a", "md", b"two").unwrap(),
            NewFile::write(dir.path(), "b", "md", b"three").unwrap(),
        ];
        let written: Vec<PathBuf> = create_all(files).into_iter().map(Result::unwrap).collect();
        assert_eq!(fs::read(dir.path().join("a.md")).unwrap(), b"mine");
        #[cfg(unix)]
        {
            assert_eq!(written[0], dir.path().join("a-3.md"));
            assert_eq!(written[1], dir.path().join("a-4.md"));
            assert_eq!(
                fs::read_link(dir.path().join("a-2.md")).unwrap(),
                Path::new("/nowhere")
            );
        }
        assert_eq!(fs::read(&written[1]).unwrap(), b"two");
        assert_eq!(written[2], dir.path().join("b.md"));
        assert!(names(dir.path()).iter().all(|n| !n.ends_with(".tmp")));
    }

    #[test]
    fn names_that_are_not_plain_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        for (stem, extension) in [
            ("../x", "md"),
            ("a/b", "md"),
            (".hidden", "md"),
            ("..", "md"),
            ("", "md"),
            ("a", "md/../../x"),
        ] {
            assert!(
                NewFile::write(dir.path(), stem, extension, b"x").is_err(),
                "{stem}.{extension}"
            );
        }
        assert_eq!(names(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn a_file_dropped_before_it_is_named_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        drop(NewFile::write(dir.path(), "a", "md", b"x").unwrap());
        assert_eq!(names(dir.path()), Vec::<String>::new());
    }
}
