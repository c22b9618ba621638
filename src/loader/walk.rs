//! Finding article files under the paths a person named.

use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::listing::{self, Child, ChildKind, Listing};
use super::problem::{Problem, describe_io_error, display_path};
use super::stamp::FileStamp;
use crate::parallel;

/// File name endings that mark an article when walking a folder.
pub const ARTICLE_EXTENSIONS: [&str; 7] = ["md", "markdown", "mdx", "txt", "text", "html", "htm"];

/// A file to load and the id it will be known by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Where the file is, as reached from the path it was found under.
    pub path: PathBuf,
    /// The article's id: its path relative to the folder it was found under, or its file
    /// name when it was named directly.
    pub id: String,
    /// The file's stamp as the walk saw it, which is what tells whether a cached copy is
    /// current without looking at the file a second time.
    pub stamp: Option<FileStamp>,
}

/// Everything found under some paths: the article files and the entries that could not be
/// followed.
#[derive(Debug, Default)]
pub struct Walk {
    /// The article files, each once.
    pub sources: Vec<Source>,
    /// The paths and entries that could not be followed.
    pub problems: Vec<Problem>,
}

/// Walks `paths`: a file is taken as it is (whatever its name), a folder is searched
/// recursively for article files, skipping hidden entries. Symbolic links are followed, but a
/// folder is never read twice, so link cycles end.
pub fn walk(paths: &[PathBuf]) -> Walk {
    let mut walk = Walk::default();
    let mut seen_folders = HashSet::new();
    let mut files = Vec::new();
    // Folders first, so that a file also named directly is known to be found already.
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let real = fs::canonicalize(path).ok();
                // A folder named twice, or inside another named one, is read once.
                if real.clone().is_some_and(|real| !seen_folders.insert(real)) {
                    continue;
                }
                walk_folder(path, real, &mut seen_folders, &mut walk);
            }
            Ok(meta) => files.push((path, FileStamp::of(&meta))),
            Err(error) => walk.problems.push(unreachable_entry(path, &error)),
        }
    }
    let mut seen_files = HashSet::new();
    for (path, stamp) in files {
        let real = fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        let found_in_folder = real
            .parent()
            .is_some_and(|folder| seen_folders.contains(folder))
            && is_article_file(&real)
            && !real
                .file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with('.'));
        if seen_files.insert(real) && !found_in_folder {
            let name = path
                .file_name()
                .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy());
            walk.sources.push(Source {
                path: path.clone(),
                id: display_path(Path::new(name.as_ref())),
                stamp: Some(stamp),
            });
        }
    }
    walk
}

/// True when the file name ends in one of the article extensions, in any case.
pub fn is_article_file(path: &Path) -> bool {
    path.file_name().is_some_and(is_article_name)
}

/// [`is_article_file`] for a file name: its extension is what follows its last dot, unless
/// that dot starts the name (as [`Path::extension`] has it).
pub(super) fn is_article_name(name: &OsStr) -> bool {
    let name = name.as_encoded_bytes();
    let Some(dot) = name.iter().rposition(|&b| b == b'.') else {
        return false;
    };
    let extension = &name[dot + 1..];
    dot > 0
        && ARTICLE_EXTENSIONS
            .iter()
            .any(|known| extension.eq_ignore_ascii_case(known.as_bytes()))
}

/// Walks the folder `root` depth first, each folder's entries in name order. The folders
/// below it are listed (and their articles looked at) on all cores first; the walk itself
/// then only decides, in order, what to descend into and what each file is called.
fn walk_folder(
    root: &Path,
    root_real: Option<PathBuf>,
    seen_folders: &mut HashSet<PathBuf>,
    walk: &mut Walk,
) {
    let mut listings = HashMap::new();
    // Each folder with its real path (where known) and the id it gives what it holds: its
    // path below the root, `/`-separated and safe to print (a file name may hold escape
    // sequences).
    let mut pending = vec![(root.to_path_buf(), root_real, String::new())];
    while let Some((folder, folder_real, folder_id)) = pending.pop() {
        if !listings.contains_key(&folder) {
            // The root, or a folder a link leads to: it and the folders below it.
            listings.extend(parallel::explore(
                vec![folder.clone()],
                |folder: &PathBuf| list_and_follow(folder),
            ));
        }
        let listing = match listings
            .remove(&folder)
            .unwrap_or_else(|| listing::list(&folder))
        {
            Ok(listing) => listing,
            Err(problem) => {
                walk.problems.push(problem);
                continue;
            }
        };
        walk.problems.extend(listing.problems);
        // In reverse, so that the first subfolder, pushed last, is walked first.
        for Child { path, kind } in listing.children.into_iter().rev() {
            let name = listing::last_name(&path);
            match kind {
                ChildKind::Folder { link } => {
                    // A folder that is not a link is really where its parent really is: only
                    // links need the file system to say where they lead.
                    let real = match &folder_real {
                        Some(parent) if !link => Some(parent.join(name)),
                        _ => fs::canonicalize(&path).ok(),
                    };
                    let first_visit = real.clone().is_none_or(|real| seen_folders.insert(real));
                    if first_visit {
                        let id = child_id(&folder_id, name);
                        pending.push((path, real, id));
                    } else if link {
                        let message = "symbolic link to a folder that is already read; skipped";
                        walk.problems
                            .push(Problem::warning(&path, message.to_owned()));
                    }
                }
                ChildKind::Article(stamp) => {
                    let id = child_id(&folder_id, name);
                    let stamp = Some(stamp);
                    walk.sources.push(Source { path, id, stamp });
                }
                ChildKind::Problem(problem) => walk.problems.push(problem),
            }
        }
    }
}

/// Lists `folder`, and leads on to its subfolders; not to the folders links lead to, which
/// may already be read by another way.
fn list_and_follow(folder: &Path) -> (Result<Listing, Problem>, Vec<PathBuf>) {
    let listing = listing::list(folder);
    let subfolders = match &listing {
        Ok(listing) => listing
            .children
            .iter()
            .filter(|child| matches!(child.kind, ChildKind::Folder { link: false }))
            .map(|child| child.path.clone())
            .collect(),
        Err(_) => Vec::new(),
    };
    (listing, subfolders)
}

/// The id of an entry named `name` in the folder whose id is `folder_id`.
fn child_id(folder_id: &str, name: &OsStr) -> String {
    // Nearly every name is printable ASCII, which is safe as it is.
    let plain = name
        .to_str()
        .filter(|name| name.bytes().all(|b| (b' '..=b'~').contains(&b)));
    let name = match plain {
        Some(name) => std::borrow::Cow::Borrowed(name),
        None => std::borrow::Cow::Owned(display_path(Path::new(name))),
    };
    if folder_id.is_empty() {
        return name.into_owned();
    }
    let mut id = String::with_capacity(folder_id.len() + 1 + name.len());
    id.push_str(folder_id);
    id.push('/');
    id.push_str(&name);
    id
}

/// A named path or a link that cannot be followed.
pub(super) fn unreachable_entry(path: &Path, error: &io::Error) -> Problem {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let message = match (is_link, error.kind()) {
        (true, io::ErrorKind::NotFound) => {
            "broken symbolic link (its target does not exist)".to_owned()
        }
        (true, _) => format!(
            "symbolic link cannot be followed: {}",
            describe_io_error(error)
        ),
        _ => describe_io_error(error),
    };
    Problem::error(path, message)
}
