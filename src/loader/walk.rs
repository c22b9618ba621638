//! Finding article files under the paths a person named.

use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::listing::{self, Child, ChildKind, Listing};
use super::problem::{Problem, describe_io_error, display_path};
use super::stamp::FileStamp;
use crate::limits::Limits;
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
    /// Whether the walk saw a regular file there (through the link, for a link), which
    /// spares looking at it by name again before it is opened.
    pub regular: bool,
}

/// Everything found under some paths: the article files and the entries that could not be
/// followed.
#[derive(Debug, Default)]
pub struct Walk {
    /// The article files, each once.
    pub sources: Vec<Source>,
    /// The paths and entries that could not be followed.
    pub problems: Vec<Problem>,
    /// True when the walk stopped at `limits.max_files` files; a problem says so too.
    pub cut_short: bool,
}

/// Walks `paths`: a file is taken as it is (whatever its name), a folder is searched
/// recursively for article files, skipping hidden entries. A symbolic link is followed only
/// when it leads inside one of the folders named (as they resolve), so that a link to `~` or
/// `/` does not bring in other files; and no folder is read twice, so link cycles end. The
/// walk stops at `limits.max_files` files, with a problem that says so.
pub fn walk(paths: &[PathBuf], limits: &Limits) -> Walk {
    let mut walk = Walk::default();
    let mut seen_folders = HashSet::new();
    let mut files = Vec::new();
    let mut folders = Vec::new();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => folders.push((path, fs::canonicalize(path).ok())),
            Ok(meta) => files.push((path, FileStamp::of(&meta), meta.is_file())),
            Err(error) => walk.problems.push(unreachable_entry(path, &error)),
        }
    }
    let mut walker = Walker {
        roots: folders
            .iter()
            .filter_map(|(_, real)| real.clone())
            .collect(),
        max_files: limits.max_files,
        listed: AtomicUsize::new(0),
        seen_folders: &mut seen_folders,
        file_links: Vec::new(),
        walk: &mut walk,
    };
    // Folders first, so that a file also named directly is known to be found already.
    for (path, real) in folders {
        // A folder named twice, or inside another named one, is read once.
        if real
            .clone()
            .is_some_and(|real| !walker.seen_folders.insert(real))
        {
            continue;
        }
        walker.walk_folder(path, real);
    }
    let file_links = std::mem::take(&mut walker.file_links);
    if !walk.cut_short {
        drop_links_read_already(&mut walk.sources, file_links, &seen_folders);
    }
    let mut seen_files = HashSet::new();
    for (path, stamp, regular) in files {
        if walk.cut_short {
            break;
        }
        let real = fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        let found_in_folder = found_in_folders(&real, &seen_folders);
        if seen_files.insert(real) && !found_in_folder {
            if walk.sources.len() >= limits.max_files {
                walk.cut_short = true;
                let message = cut_short_message(limits.max_files);
                walk.problems.push(Problem::warning(path, message));
                break;
            }
            let name = path
                .file_name()
                .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy());
            walk.sources.push(Source {
                path: path.clone(),
                id: display_path(Path::new(name.as_ref())),
                stamp: Some(stamp),
                regular,
            });
        }
    }
    super::unique_ids::make_ids_unique(&mut walk.sources, &mut walk.problems);
    walk
}

/// True when the file at `real` (every link in its path followed) is read by the walk of one
/// of the `folders` read (as they resolve): an article file, not hidden.
fn found_in_folders(real: &Path, folders: &HashSet<PathBuf>) -> bool {
    real.parent().is_some_and(|folder| folders.contains(folder))
        && is_article_file(real)
        && !real
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'))
}

/// Leaves out of `sources` each link to a file (`links`: its place there and where it leads)
/// that the walk read by its own name, or by an earlier link: one file is one article, and a
/// batch that wrote it twice would find it changed under the second write.
fn drop_links_read_already(
    sources: &mut Vec<Source>,
    links: Vec<(usize, PathBuf)>,
    folders: &HashSet<PathBuf>,
) {
    let mut leading = HashSet::new();
    let read_already: HashSet<usize> = links
        .into_iter()
        .filter(|(_, real)| found_in_folders(real, folders) || !leading.insert(real.clone()))
        .map(|(at, _)| at)
        .collect();
    if read_already.is_empty() {
        return;
    }
    let mut at = 0;
    sources.retain(|_| {
        at += 1;
        !read_already.contains(&(at - 1))
    });
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

/// The state of one walk over the folders named.
struct Walker<'a> {
    /// The folders named, as they resolve: a link is followed only to inside one of them.
    roots: Vec<PathBuf>,
    max_files: usize,
    /// Articles and folders listed ahead of the walk so far, so that listing ahead stops once
    /// it has found more than the walk will take.
    listed: AtomicUsize,
    seen_folders: &'a mut HashSet<PathBuf>,
    /// The links to files read so far: each one's place in the sources and where it leads.
    file_links: Vec<(usize, PathBuf)>,
    walk: &'a mut Walk,
}

impl Walker<'_> {
    /// Walks the folder `root` depth first, each folder's entries in name order. The folders
    /// below it are listed (and their articles looked at) on all cores first; the walk itself
    /// then only decides, in order, what to descend into and what each file is called.
    fn walk_folder(&mut self, root: &Path, root_real: Option<PathBuf>) {
        let mut listings = HashMap::new();
        // Each folder with its real path (where known) and the id it gives what it holds: its
        // path below the root, `/`-separated and safe to print (a file name may hold escape
        // sequences).
        let mut pending = vec![(root.to_path_buf(), root_real, String::new())];
        while let Some((folder, folder_real, folder_id)) = pending.pop() {
            if self.walk.cut_short {
                return;
            }
            if !listings.contains_key(&folder) {
                // The root, or a folder a link leads to: it and the folders below it.
                let (listed, max_files) = (&self.listed, self.max_files);
                listings.extend(parallel::explore(
                    vec![folder.clone()],
                    |folder: &PathBuf| list_and_follow(folder, listed, max_files),
                ));
            }
            let listing = match listings
                .remove(&folder)
                .unwrap_or_else(|| listing::list(&folder))
            {
                Ok(listing) => listing,
                Err(problem) => {
                    self.walk.problems.push(problem);
                    continue;
                }
            };
            self.walk.problems.extend(listing.problems);
            // In reverse, so that the first subfolder, pushed last, is walked first.
            for Child { path, kind } in listing.children.into_iter().rev() {
                let name = listing::last_name(&path);
                match kind {
                    ChildKind::Folder { link } => {
                        // A folder that is not a link is really where its parent really is:
                        // only links need the file system to say where they lead.
                        let real = match &folder_real {
                            Some(parent) if !link => Some(parent.join(name)),
                            _ => fs::canonicalize(&path).ok(),
                        };
                        if link && !self.inside(real.as_deref()) {
                            self.outside(&path, real.as_deref(), "a folder");
                            continue;
                        }
                        let first_visit = real
                            .clone()
                            .is_none_or(|real| self.seen_folders.insert(real));
                        if first_visit {
                            let id = child_id(&folder_id, name);
                            pending.push((path, real, id));
                        } else if link {
                            let message = "symbolic link to a folder that is already read; skipped";
                            self.walk
                                .problems
                                .push(Problem::warning(&path, message.to_owned()));
                        }
                    }
                    ChildKind::Article {
                        stamp,
                        link,
                        regular,
                    } => {
                        let mut leads_to = None;
                        if link {
                            let real = fs::canonicalize(&path).ok();
                            if !self.inside(real.as_deref()) {
                                self.outside(&path, real.as_deref(), "a file");
                                continue;
                            }
                            leads_to = real;
                        }
                        if self.walk.sources.len() >= self.max_files {
                            self.stop(root);
                            return;
                        }
                        if let Some(real) = leads_to {
                            self.file_links.push((self.walk.sources.len(), real));
                        }
                        let id = child_id(&folder_id, name);
                        let stamp = Some(stamp);
                        let source = Source {
                            path,
                            id,
                            stamp,
                            regular,
                        };
                        self.walk.sources.push(source);
                    }
                    ChildKind::Problem(problem) => self.walk.problems.push(problem),
                }
            }
        }
    }

    /// True when `real`, where a link leads, is inside one of the folders named.
    fn inside(&self, real: Option<&Path>) -> bool {
        real.is_some_and(|real| self.roots.iter().any(|root| real.starts_with(root)))
    }

    /// Reports the link at `path`, which leads to `real`, outside the folders named.
    fn outside(&mut self, path: &Path, real: Option<&Path>, what: &str) {
        let whither = real.map_or_else(|| "?".to_owned(), display_path);
        let message = format!(
            "symbolic link to {what} outside the library ({whither}); skipped, as links are \
             followed only within the library's folders"
        );
        self.walk.problems.push(Problem::warning(path, message));
    }

    /// Ends the walk at the limit, saying so.
    fn stop(&mut self, root: &Path) {
        self.walk.cut_short = true;
        self.walk
            .problems
            .push(Problem::warning(root, cut_short_message(self.max_files)));
    }
}

/// What the walk says when it stops at `max_files` files.
pub fn cut_short_message(max_files: usize) -> String {
    format!(
        "stopped at {max_files} files, the limit `limits.max_files` sets in the configuration; \
         the rest of the library is not read"
    )
}

/// Lists `folder`, and leads on to its subfolders; not to the folders links lead to, which
/// may already be read by another way, and no further once more articles and folders than
/// the walk will take are listed (`listed` counts them over every thread).
fn list_and_follow(
    folder: &Path,
    listed: &AtomicUsize,
    max_files: usize,
) -> (Result<Listing, Problem>, Vec<PathBuf>) {
    let listing = listing::list(folder);
    let subfolders = match &listing {
        Ok(listing) => {
            let before = listed.fetch_add(listing.children.len(), Ordering::Relaxed);
            match before > max_files {
                true => Vec::new(),
                false => listing
                    .children
                    .iter()
                    .filter(|child| matches!(child.kind, ChildKind::Folder { link: false }))
                    .map(|child| child.path.clone())
                    .collect(),
            }
        }
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
