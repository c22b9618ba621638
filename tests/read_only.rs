//! Reading a library never writes into it: every command but `tag --write` leaves every byte,
//! name and time stamp under the library's folder as it was, and adds nothing there.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use common::moodwire_with_env;

/// Everything a write could change about an entry: its kind, bytes and modification time.
#[derive(Debug, PartialEq, Eq)]
struct Entry {
    kind: &'static str,
    bytes: Vec<u8>,
    modified: Option<SystemTime>,
}

/// Every entry under `root`, hidden ones too, by path.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Entry> {
    let mut entries = BTreeMap::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let (kind, bytes) = if meta.is_dir() {
                pending.push(path.clone());
                ("folder", Vec::new())
            } else if meta.file_type().is_symlink() {
                let target = std::fs::read_link(&path).unwrap();
                ("link", target.to_string_lossy().into_owned().into_bytes())
            } else {
                ("file", std::fs::read(&path).unwrap())
            };
            entries.insert(
                path,
                Entry {
                    kind,
                    bytes,
                    modified: meta.modified().ok(),
                },
            );
        }
    }
    entries
}

/// A copy of the sample library with a broken file and a link beside the articles.
fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-articles");
    let library = dir.path().join("library");
    std::fs::create_dir(&library).unwrap();
    for entry in std::fs::read_dir(samples).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, library.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        library.join("broken.md"),
        "---\ntitle: [never closed\n---\n",
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("broken.md", library.join("link.md")).unwrap();
    dir
}

#[test]
fn list_show_check_and_stats_leave_the_library_as_it_was() {
    let dir = library();
    let cache = tempfile::tempdir().unwrap();
    let env = [("MOODWIRE_CACHE_DIR", cache.path().to_str().unwrap())];
    let before = snapshot(dir.path());
    let runs: [&[&str]; 9] = [
        &["list", "library"],
        &["list", "library", "--format", "json", "--query", "oil"],
        &["list", "library", "--no-cache", "--sort", "score"],
        &[
            "show",
            "-l",
            "library",
            "2026-01-27-refinery-outage-triggers-diesel-shortage.md",
        ],
        &["show", "library/broken.md"],
        &["check", "library"],
        &["stats", "library"],
        &["stats", "library", "--format", "json"],
        &["tag", "library"],
    ];
    for args in runs {
        let run = moodwire_with_env(args, dir.path(), &env);
        assert!(run.code <= 2, "{args:?}: {}", run.stderr);
    }
    assert_eq!(
        snapshot(dir.path()),
        before,
        "something under the library changed"
    );
    assert!(
        std::fs::read_dir(cache.path()).unwrap().count() > 0,
        "the cache went to its own folder"
    );
}
