//! The files moodwire keeps for itself: private (0600 in 0700 folders), opened without ever
//! waiting or reading without bound, and the caches kept only while their library exists,
//! under a size.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::moodwire_with_env;

fn library(root: &Path, name: &str) -> PathBuf {
    let lib = root.join(name);
    fs::create_dir_all(&lib).unwrap();
    for n in 0..20 {
        let text = format!("---\ntitle: Story {n} of {name}\n---\nBody {n}\n");
        fs::write(lib.join(format!("{n}.md")), text).unwrap();
    }
    lib
}

/// `list` with its cache and marks under `state`.
fn list(dir: &Path, state: &Path, lib: &str, config: Option<&Path>) -> common::Run {
    let cache = state.join("cache");
    let data = state.join("data");
    let mut env = vec![
        ("MOODWIRE_CACHE_DIR", cache.to_str().unwrap().to_owned()),
        ("MOODWIRE_DATA_DIR", data.to_str().unwrap().to_owned()),
    ];
    if let Some(config) = config {
        env.push(("MOODWIRE_CONFIG", config.to_str().unwrap().to_owned()));
    }
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let run = moodwire_with_env(&["list", lib, "-f", "json"], dir, &env);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run
}

fn caches(state: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(state.join("cache"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "cache"))
        .collect();
    found.sort();
    found
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn the_cache_is_private_and_so_is_the_folder_made_for_it() {
    let dir = tempfile::tempdir().unwrap();
    library(dir.path(), "lib");
    let state = dir.path().join("state");
    list(dir.path(), &state, "lib", None);
    assert_eq!(mode(&state.join("cache")), 0o700);
    let [cache] = caches(&state).try_into().unwrap();
    assert_eq!(mode(&cache), 0o600);
    for entry in fs::read_dir(state.join("cache")).unwrap() {
        assert_eq!(mode(&entry.unwrap().path()), 0o600);
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_or_a_device_in_place_of_the_marks_or_the_cache_hangs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    library(dir.path(), "lib");
    let state = dir.path().join("state");
    list(dir.path(), &state, "lib", None);
    let [cache] = caches(&state).try_into().unwrap();
    fs::remove_file(&cache).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&cache)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    fs::create_dir_all(state.join("data")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", state.join("data/state.json")).unwrap();
    // Each would have waited for a writer, or read without end, before.
    let run = list(dir.path(), &state, "lib", None);
    let items: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(items.as_array().unwrap().len(), 20);
    assert!(
        run.stderr.contains("state.json: not a regular file"),
        "{}",
        run.stderr
    );
    fs::remove_file(state.join("data/state.json")).unwrap();
    std::process::Command::new("mkfifo")
        .arg(state.join("data/state.json"))
        .status()
        .unwrap();
    let run = list(dir.path(), &state, "lib", None);
    assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
}

#[test]
fn caches_of_libraries_that_are_gone_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let gone = library(dir.path(), "gone");
    library(dir.path(), "kept");
    list(dir.path(), &state, "gone", None);
    list(dir.path(), &state, "kept", None);
    assert_eq!(caches(&state).len(), 2);
    fs::remove_dir_all(gone).unwrap();
    list(dir.path(), &state, "kept", None);
    let left = caches(&state);
    assert_eq!(left.len(), 1, "{left:?}");
    let titles = fs::read(&left[0]).unwrap();
    assert!(
        !String::from_utf8_lossy(&titles).contains("of gone"),
        "the cache left is the kept library's"
    );
}

#[test]
fn the_cache_folder_keeps_under_its_size_the_least_recently_used_going_first() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    for name in ["one", "two", "three"] {
        library(dir.path(), name);
    }
    list(dir.path(), &state, "one", None);
    let [first] = caches(&state).try_into().unwrap();
    let size = fs::metadata(&first).unwrap().len();
    // Room for two caches of this size, not three.
    let config = dir.path().join("config.yaml");
    let bound = size * 5 / 2;
    fs::write(&config, format!("limits:\n  max_cache_bytes: {bound}\n")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    list(dir.path(), &state, "two", Some(&config));
    std::thread::sleep(std::time::Duration::from_millis(20));
    // Used again: now the most recent.
    list(dir.path(), &state, "one", Some(&config));
    std::thread::sleep(std::time::Duration::from_millis(20));
    list(dir.path(), &state, "three", Some(&config));
    let left = caches(&state);
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(left.contains(&first), "the one used lately stays");
    let total: u64 = left.iter().map(|p| fs::metadata(p).unwrap().len()).sum();
    assert!(total <= bound);
}
