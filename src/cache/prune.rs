//! Keeping the cache folder to what is still of use: the caches of libraries whose folders
//! are gone are removed (they hold those libraries' titles and words long after), and the
//! folder is kept under `limits.max_cache_bytes`, the caches used least recently going first.
//!
//! Each cache file has a small file beside it naming the library's folders as they resolved
//! (`library-<key>.roots`), so that telling whether they still exist costs a short read and a
//! look at each folder, not decoding the cache. A cache's modification time is when it was
//! last used: opening it sets it.

use std::ffi::OsString;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::loader::read_regular;
use crate::replace_file;

const CACHE: &str = ".cache";
const ROOTS: &str = ".roots";
/// The roots of a library take far less than this.
const MAX_ROOTS_BYTES: u64 = 1024 * 1024;

/// The file beside the cache file `cache` that names its library's folders.
pub fn roots_file(cache: &Path) -> PathBuf {
    cache.with_extension(&ROOTS[1..])
}

/// Writes the roots file of the cache at `cache`: each folder's bytes, NUL after each. Once:
/// the cache's name is a hash of these roots, so the file never changes.
pub fn write_roots(cache: &Path, roots: &[PathBuf]) {
    let path = roots_file(cache);
    if path.exists() {
        return;
    }
    let _ = replace_file::replace(&path, false, |out| {
        for root in roots {
            out.write_all(root.as_os_str().as_encoded_bytes())?;
            out.write_all(&[0])?;
        }
        Ok(())
    });
}

/// A cache file found in the folder.
struct Found {
    path: PathBuf,
    bytes: u64,
    used: SystemTime,
}

/// Removes from `dir` the caches whose library's folders are gone (and roots files left
/// without their cache), then the least recently used caches until the rest take at most
/// `max_bytes`. Best effort: what cannot be read or removed is left.
pub fn prune(dir: &Path, max_bytes: u64) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut caches = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let path = entry.path();
        let Some(kind) = kind_of(&name) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        match kind {
            Kind::Roots if !path.with_extension(&CACHE[1..]).exists() => remove(&path),
            Kind::Roots => {}
            Kind::Cache if folders_gone(&path) => remove(&path),
            Kind::Cache => caches.push(Found {
                path,
                bytes: meta.len(),
                used: meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
            }),
        }
    }
    // The most recently used first: what is kept.
    caches.sort_by_key(|cache| std::cmp::Reverse(cache.used));
    let mut total = 0u64;
    for cache in caches {
        total = total.saturating_add(cache.bytes);
        if total > max_bytes {
            remove(&cache.path);
        }
    }
}

enum Kind {
    Cache,
    Roots,
}

fn kind_of(name: &OsString) -> Option<Kind> {
    let name = name.as_encoded_bytes();
    if !name.starts_with(b"library-") {
        return None;
    }
    if name.ends_with(CACHE.as_bytes()) {
        Some(Kind::Cache)
    } else if name.ends_with(ROOTS.as_bytes()) {
        Some(Kind::Roots)
    } else {
        None
    }
}

/// True when the roots file beside `cache` names a folder that no longer exists. A cache
/// without one (written by an older version) is left to the bound on size.
fn folders_gone(cache: &Path) -> bool {
    let Ok((bytes, _)) = read_regular(&roots_file(cache), MAX_ROOTS_BYTES) else {
        return false;
    };
    bytes
        .split(|&b| b == 0)
        .filter(|root| !root.is_empty())
        .any(|root| {
            let gone = fs::symlink_metadata(path_of(root));
            gone.is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
        })
}

#[cfg(unix)]
fn path_of(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_of(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

/// Removes a cache and its roots file (or a roots file alone).
fn remove(path: &Path) {
    let _ = fs::remove_file(path);
    let _ = fs::remove_file(roots_file(path));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn cache(dir: &Path, key: &str, roots: &[PathBuf], bytes: usize, age: u64) -> PathBuf {
        let path = dir.join(format!("library-{key}.cache"));
        fs::write(&path, vec![0u8; bytes]).unwrap();
        write_roots(&path, roots);
        let used = SystemTime::now() - Duration::from_secs(age);
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(used)
            .unwrap();
        path
    }

    #[test]
    fn caches_of_folders_that_are_gone_go_and_the_rest_keep_under_the_bound() {
        let dir = tempfile::tempdir().unwrap();
        let here = dir.path().join("here");
        fs::create_dir(&here).unwrap();
        let gone = dir.path().join("gone");
        let store = dir.path().join("cache");
        fs::create_dir(&store).unwrap();
        let stale = cache(&store, "1", &[here.clone(), gone], 10, 0);
        let old = cache(&store, "2", std::slice::from_ref(&here), 600, 300);
        let recent = cache(&store, "3", std::slice::from_ref(&here), 600, 10);
        let orphan = store.join("library-4.roots");
        fs::write(&orphan, b"/x\0").unwrap();
        let other = store.join("notes.txt");
        fs::write(&other, b"x").unwrap();
        prune(&store, 1000);
        assert!(!stale.exists() && !roots_file(&stale).exists());
        assert!(
            !old.exists() && !roots_file(&old).exists(),
            "least recently used"
        );
        assert!(recent.exists() && roots_file(&recent).exists());
        assert!(!orphan.exists());
        assert!(other.exists(), "not ours");
    }
}
