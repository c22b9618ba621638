//! Files made to be slow: each took time growing with the square of its size before, and
//! minutes at these sizes. Every command must finish within the harness's deadline (a minute)
//! and load or show the file.

mod common;

use std::fs;
use std::path::Path;

use common::moodwire;

fn library_with(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), text).unwrap();
    dir
}

fn lists_one_article(dir: &Path) {
    let run = moodwire(&["list", ".", "--no-cache", "--format", "ndjson"], dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stderr);
}

/// Each empty heading looked at all the white space at the end of the file.
#[test]
fn many_empty_headings_before_trailing_white_space() {
    let n = 200_000;
    let dir = library_with(&format!("{}x{}", "#\n".repeat(n), " ".repeat(2 * n)));
    lists_one_article(dir.path());
}

/// Each key was compared with every key before it, looking for duplicates.
#[test]
fn many_front_matter_keys_in_yaml_and_toml() {
    let yaml: String = (0..200_000).map(|i| format!("k{i:07}: 1\n")).collect();
    lists_one_article(library_with(&format!("---\n{yaml}---\nbody\n")).path());
    let toml: String = (0..100_000).map(|i| format!("k{i:07} = 1\n")).collect();
    lists_one_article(library_with(&format!("+++\n{toml}+++\nbody\n")).path());
}

/// Each piece of text combined every style of the links and images it was nested in.
#[test]
fn deeply_nested_links_and_images_shown() {
    let size = 512 * 1024;
    let nested = format!("{}x{}", "[![".repeat(size / 6), "](u)".repeat(size / 8));
    let lines: Vec<&str> = nested
        .as_bytes()
        .chunks(100)
        .map(|chunk| std::str::from_utf8(chunk).unwrap())
        .collect();
    let dir = library_with(&format!("# T\n\n{}\n", lines.join("\n")));
    let run = moodwire(&["show", "a.md"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("[image: "), "the images are shown");
}
