//! Reading a library never writes into it: every command but `tag --write` leaves every byte,
//! name and time stamp under the library's folder as it was, and adds nothing there.

mod common;

use common::{copy_samples, moodwire_with_env, snapshot};

/// A copy of the sample library with a broken file and a link beside the articles.
fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library");
    copy_samples(&library);
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
