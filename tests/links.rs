//! What a library's symbolic links mean, and how much one walk reads: a link is followed
//! only while it leads inside the library's folders, and a walk stops at `limits.max_files`
//! files, saying so.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{moodwire, moodwire_with_env};

const ARTICLE: &str = "---\ntitle: Story\n---\nBody\n";

fn ids(run: &common::Run) -> Vec<String> {
    let items: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", run.stdout, run.stderr));
    let mut ids: Vec<String> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

fn library() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().canonicalize().unwrap().join("lib");
    fs::create_dir_all(lib.join("world")).unwrap();
    fs::write(lib.join("a.md"), ARTICLE).unwrap();
    fs::write(lib.join("world/b.md"), ARTICLE).unwrap();
    (dir, lib)
}

#[cfg(unix)]
#[test]
fn links_are_followed_inside_the_library_and_not_out_of_it() {
    use std::os::unix::fs::symlink;
    let (dir, lib) = library();
    let outside = dir.path().join("outside");
    fs::create_dir(&outside).unwrap();
    fs::write(outside.join("secret.md"), ARTICLE).unwrap();
    symlink(&outside, lib.join("archive")).unwrap();
    symlink(outside.join("secret.md"), lib.join("note.md")).unwrap();
    // A link to a file the library holds under its own name is that one article, once; a
    // link to a file read by no other way (in a hidden folder) is an article, once however
    // many links lead to it.
    symlink("world/b.md", lib.join("alias.md")).unwrap();
    fs::create_dir(lib.join(".drafts")).unwrap();
    fs::write(lib.join(".drafts/c.md"), ARTICLE).unwrap();
    symlink(".drafts/c.md", lib.join("draft.md")).unwrap();
    symlink(".drafts/c.md", lib.join("draft-again.md")).unwrap();
    // A link to a folder inside the library is followed (and the folder read once).
    symlink(lib.join("world"), lib.join("again")).unwrap();
    let run = moodwire(&["list", "lib", "--no-cache", "-f", "json"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let listed = ids(&run);
    assert_eq!(listed.len(), 3, "{listed:?}");
    assert!(listed.starts_with(&["a.md".to_owned()]), "{listed:?}");
    assert!(listed[1].starts_with("draft"), "{listed:?}");
    assert_eq!(listed[2], "world/b.md");
    // So a batch writes each file once, and finds none changed under it.
    let tag = moodwire(&["tag", "lib", "--write"], dir.path());
    assert!(tag.stdout.contains("3 tagged"), "{}", tag.stdout);
    assert!(!tag.stdout.contains("changed since"), "{}", tag.stdout);
    let check = moodwire(&["check", "lib"], dir.path());
    for link in ["archive", "note.md"] {
        assert!(
            check.stdout.contains(&format!(
                "lib/{link}: warning: symbolic link to a {} outside the library",
                if link == "archive" { "folder" } else { "file" }
            )),
            "{}",
            check.stdout
        );
    }
}

/// A link to `/` once made `list` read the whole system (60,000 files or more).
#[cfg(unix)]
#[test]
fn a_link_to_the_root_of_the_system_is_not_followed() {
    let (dir, lib) = library();
    std::os::unix::fs::symlink("/", lib.join("everything")).unwrap();
    let run = moodwire(&["list", "lib", "--no-cache", "-f", "json"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(ids(&run), ["a.md", "world/b.md"]);
}

fn with_max_files(dir: &Path, max_files: usize, args: &[&str]) -> common::Run {
    let config = dir.join("config.yaml");
    fs::write(&config, format!("limits:\n  max_files: {max_files}\n")).unwrap();
    moodwire_with_env(args, dir, &[("MOODWIRE_CONFIG", config.to_str().unwrap())])
}

#[test]
fn a_walk_stops_at_max_files_and_says_so() {
    let (dir, lib) = library();
    for n in 0..8 {
        fs::write(lib.join(format!("story-{n}.md")), ARTICLE).unwrap();
    }
    let run = with_max_files(dir.path(), 4, &["list", "lib", "-f", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(ids(&run).len(), 4, "{}", run.stdout);
    assert!(
        run.stderr.contains(
            "moodwire: stopped at 4 files, the limit `limits.max_files` sets in the configuration"
        ),
        "{}",
        run.stderr
    );
    let check = with_max_files(dir.path(), 4, &["check", "lib"]);
    assert!(
        check.stdout.contains("lib: warning: stopped at 4 files"),
        "{}",
        check.stdout
    );
    let tag = with_max_files(dir.path(), 4, &["tag", "lib"]);
    assert!(tag.stderr.contains("stopped at 4 files"), "{}", tag.stderr);
    let all = with_max_files(dir.path(), 10, &["list", "lib", "-f", "json"]);
    assert_eq!(ids(&all).len(), 10);
    assert!(!all.stderr.contains("stopped"), "{}", all.stderr);
}
