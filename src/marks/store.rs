//! The marks file: `state.json` in the user's data folder (on Linux
//! `$XDG_DATA_HOME/moodwire/state.json`), or in `MOODWIRE_DATA_DIR`.
//!
//! It is replaced whole and atomically (a temporary file in the same folder, flushed, then
//! renamed over the old one), so that a crash or a full disk leaves the previous marks rather
//! than half a file.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::{Mark, Marks};
use crate::loader::{describe_io_error, display_path, read_regular};

/// Bumped if the layout changes; a file of another version is treated as unreadable.
const FORMAT: u32 = 1;

/// A marks file larger than this is not read: a million marks take about 60 MB.
const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// A file that keeps the marks between runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarksFile {
    path: PathBuf,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct OnDisk<S> {
    format: u32,
    read: Vec<S>,
    starred: Vec<S>,
}

/// Marks read from disk, and what the user should hear about it.
#[derive(Debug)]
pub struct Opened {
    /// The marks, none when the file is missing or could not be read.
    pub marks: Marks,
    /// Why the file could not be read and what became of it, on one line.
    pub warning: Option<String>,
}

impl MarksFile {
    /// The marks file at `path`, whether or not it exists yet.
    pub fn new(path: PathBuf) -> MarksFile {
        MarksFile { path }
    }

    /// The user's marks file, or `None` when no home folder can be found.
    pub fn user() -> Option<MarksFile> {
        if let Some(dir) = std::env::var_os("MOODWIRE_DATA_DIR").filter(|d| !d.is_empty()) {
            return Some(MarksFile::new(PathBuf::from(dir).join("state.json")));
        }
        let dirs = directories::ProjectDirs::from("", "", "moodwire")?;
        Some(MarksFile::new(dirs.data_dir().join("state.json")))
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the marks. A missing file is no marks. A file that cannot be understood is moved
    /// aside as `state.json.corrupt-<seconds since 1970>` when `repair` is set (the reader, which
    /// will write a fresh one), and left alone otherwise (commands that only read); either way
    /// the marks start empty and the warning says so.
    pub fn open(&self, repair: bool) -> Opened {
        // Opened as articles are: a named pipe or a link to `/dev/zero` in its place must not
        // hang or fill memory.
        let bytes = match read_regular(&self.path, MAX_BYTES) {
            Ok((bytes, _)) => bytes,
            Err(error) if error.is_not_found() => {
                return Opened {
                    marks: Marks::default(),
                    warning: None,
                };
            }
            Err(error) => {
                return Opened {
                    marks: Marks::default(),
                    warning: Some(format!(
                        "{}: {error}; read and starred marks are not shown",
                        display_path(&self.path),
                    )),
                };
            }
        };
        match parse(&bytes) {
            Ok(marks) => Opened {
                marks,
                warning: None,
            },
            Err(reason) => Opened {
                marks: Marks::default(),
                warning: Some(self.set_aside(&reason, repair)),
            },
        }
    }

    fn set_aside(&self, reason: &str, repair: bool) -> String {
        let shown = display_path(&self.path);
        if !repair {
            return format!("{shown}: {reason}; read and starred marks are not shown");
        }
        let seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let mut aside = self.path.clone().into_os_string();
        aside.push(format!(".corrupt-{seconds}"));
        let aside = PathBuf::from(aside);
        match fs::rename(&self.path, &aside) {
            Ok(()) => format!(
                "{shown}: {reason}; moved to {} and starting with no marks",
                display_path(&aside)
            ),
            Err(error) => format!(
                "{shown}: {reason}, and it could not be moved aside ({}); starting with no marks",
                describe_io_error(&error)
            ),
        }
    }

    /// Replaces the file with `marks`, atomically.
    pub fn save(&self, marks: &Marks) -> io::Result<()> {
        let on_disk = OnDisk {
            format: FORMAT,
            read: marks.sorted(Mark::Read),
            starred: marks.sorted(Mark::Starred),
        };
        crate::replace_file::replace(&self.path, true, |out| {
            serde_json::to_writer(out, &on_disk).map_err(io::Error::other)
        })
    }
}

fn parse(bytes: &[u8]) -> Result<Marks, String> {
    let on_disk: OnDisk<String> =
        serde_json::from_slice(bytes).map_err(|e| format!("not a marks file ({e})"))?;
    if on_disk.format != FORMAT {
        return Err(format!("marks of an unknown format {}", on_disk.format));
    }
    Ok(Marks::from_ids(on_disk.read, on_disk.starred))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_survive_a_save_and_an_open() {
        let dir = tempfile::tempdir().unwrap();
        let file = MarksFile::new(dir.path().join("deep/state.json"));
        let mut marks = Marks::default();
        marks.put(Mark::Read, "world/a.md", true);
        marks.put(Mark::Starred, "b.md", true);
        file.save(&marks).unwrap();
        let opened = file.open(true);
        assert_eq!(opened.marks, marks);
        assert_eq!(opened.warning, None);
        let leftovers: Vec<_> = fs::read_dir(dir.path().join("deep"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, ["state.json"], "no temporary file is left");
    }

    #[test]
    fn a_missing_file_is_no_marks() {
        let dir = tempfile::tempdir().unwrap();
        let opened = MarksFile::new(dir.path().join("state.json")).open(true);
        assert_eq!(opened.marks, Marks::default());
        assert_eq!(opened.warning, None);
    }

    #[test]
    fn a_corrupt_file_is_moved_aside_by_the_reader_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::write(&path, b"{\"format\": 1, \"read\": [\"a.md\"").unwrap();
        let file = MarksFile::new(path.clone());

        let read_only = file.open(false);
        assert_eq!(read_only.marks, Marks::default());
        let warning = read_only.warning.unwrap();
        assert!(warning.contains("not a marks file"), "{warning}");
        assert!(path.exists(), "a command that only reads leaves the file");

        let repaired = file.open(true);
        let warning = repaired.warning.unwrap();
        assert!(warning.contains("moved to"), "{warning}");
        assert!(!path.exists());
        let aside: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(aside.len(), 1);
        assert!(aside[0].starts_with("state.json.corrupt-"), "{aside:?}");
    }

    #[test]
    fn another_format_is_not_read_as_marks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::write(&path, br#"{"format": 99, "read": [], "starred": []}"#).unwrap();
        let opened = MarksFile::new(path).open(false);
        assert!(opened.warning.unwrap().contains("unknown format 99"));
    }
}
