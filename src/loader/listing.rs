//! What one folder holds, as the walk needs it: a pure function of the folder, so that
//! folders can be listed on other threads ahead of the walk.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use super::problem::{Problem, describe_io_error};
use super::stamp::FileStamp;
use super::walk::{is_article_name, unreachable_entry};

/// A folder's entries that matter, sorted by name, with the problems met listing it.
pub struct Listing {
    /// Entries that could not be read, before any child.
    pub problems: Vec<Problem>,
    pub children: Vec<Child>,
}

pub struct Child {
    pub path: PathBuf,
    pub kind: ChildKind,
}

pub enum ChildKind {
    /// A folder, or a symbolic link to one.
    Folder { link: bool },
    /// An article file (by its name), or a link to one, with its stamp and whether it was a
    /// regular file when looked at.
    Article {
        stamp: FileStamp,
        link: bool,
        regular: bool,
    },
    /// An entry that cannot be looked at, and why.
    Problem(Problem),
}

/// Lists `folder`: hidden entries and files that are not articles are left out. Articles are
/// looked at (`stat`) here, relative to the open folder, which costs the kernel less than
/// looking each up by its whole path; folders are known from the listing alone.
pub fn list(folder: &Path) -> Result<Listing, Problem> {
    let entries = fs::read_dir(folder).map_err(|error| {
        Problem::error(
            folder,
            format!("cannot read folder: {}", describe_io_error(&error)),
        )
    })?;
    let mut problems = Vec::new();
    let mut found = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                if !last_name(&path).as_encoded_bytes().starts_with(b".") {
                    found.push((path, entry));
                }
            }
            Err(error) => problems.push(Problem::error(
                folder,
                format!("cannot read an entry: {}", describe_io_error(&error)),
            )),
        }
    }
    // Sorted by name (the paths differ only in their names, so their bytes order them so),
    // so that ids, problems and the choice between two links to one folder do not depend on
    // the order the file system happens to list entries in.
    found.sort_unstable_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
    let children = found
        .into_iter()
        .filter_map(|(path, entry)| {
            let kind = kind_of(&entry, &path)?;
            Some(Child { path, kind })
        })
        .collect();
    Ok(Listing { problems, children })
}

/// What the walk does with the entry at `path`, or `None` to pass it over.
fn kind_of(entry: &fs::DirEntry, path: &Path) -> Option<ChildKind> {
    let kind = entry.file_type().ok()?;
    let is_article = is_article_name(last_name(path));
    if kind.is_symlink() {
        return match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => Some(ChildKind::Folder { link: true }),
            Ok(meta) => is_article.then(|| ChildKind::Article {
                stamp: FileStamp::of(&meta),
                link: true,
                regular: meta.is_file(),
            }),
            Err(error) => Some(ChildKind::Problem(unreachable_entry(path, &error))),
        };
    }
    if kind.is_dir() {
        return Some(ChildKind::Folder { link: false });
    }
    if !is_article {
        return None;
    }
    Some(match entry.metadata() {
        Ok(meta) => ChildKind::Article {
            stamp: FileStamp::of(&meta),
            link: false,
            regular: meta.is_file(),
        },
        Err(error) => ChildKind::Problem(Problem::error(path, describe_io_error(&error))),
    })
}

/// The last part of a path made by joining a folder and an entry's name, which is that name:
/// found as the bytes after the last separator, which costs less than [`Path::file_name`]
/// (it parses the whole path into components).
#[cfg(unix)]
pub fn last_name(path: &Path) -> &OsStr {
    use std::os::unix::ffi::OsStrExt;
    let bytes = path.as_os_str().as_bytes();
    OsStr::from_bytes(bytes.rsplit(|&b| b == b'/').next().unwrap_or(bytes))
}

#[cfg(not(unix))]
pub fn last_name(path: &Path) -> &OsStr {
    path.file_name().unwrap_or_default()
}
