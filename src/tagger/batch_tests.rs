use std::fs;
use std::path::{Path, PathBuf};

use super::commit;
use crate::loader::FileStamp;
use crate::parse::parse_article;
use crate::reading::Reading;
use crate::tagger::{Batch, Options, Staged, Tag, TagError, stage};

fn tag() -> Tag {
    Tag::new(8.0, "Bullish/Positive").unwrap()
}

/// Stages the tag for the file at `path` as the command does: stamp, read, parse, stage.
fn stage_file(path: &Path) -> Result<Staged, TagError> {
    let stamp = FileStamp::of(&fs::metadata(path).unwrap());
    let bytes = fs::read(path).unwrap();
    let before = parse_article(&bytes, "x".into(), path.to_owned(), &Reading::default()).unwrap();
    stage(
        path,
        &bytes,
        Some(stamp),
        &before,
        &tag(),
        // A file named on its own is its own root.
        &Batch::new(Options::within(&[path.to_owned()])),
        &Reading::default(),
    )
}

fn write_articles(dir: &Path, names: &[&str]) -> Vec<PathBuf> {
    let paths: Vec<PathBuf> = names.iter().map(|name| dir.join(name)).collect();
    for path in &paths {
        fs::write(path, "---\ntitle: A\n---\nBody\n").unwrap();
    }
    paths
}

/// Names of the temporary files under `dir`, however deep.
fn temporaries(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(temporaries(&path));
        } else if path.extension().is_some_and(|e| e == "tmp") {
            found.push(path);
        }
    }
    found
}

fn is_tagged(path: &Path) -> bool {
    fs::read_to_string(path)
        .unwrap()
        .contains("sentiment_label: \"Bullish/Positive\"")
}

#[test]
fn a_file_changed_between_staging_and_commit_is_refused_and_the_others_are_tagged() {
    let dir = tempfile::tempdir().unwrap();
    let paths = write_articles(dir.path(), &["a.md", "b.md", "c.md"]);
    let staged: Vec<Staged> = paths.iter().map(|p| stage_file(p).unwrap()).collect();
    let edit = "---\ntitle: A\n---\nBody, edited meanwhile\n";
    fs::write(&paths[1], edit).unwrap();
    let results = commit(staged);
    assert!(results[0].is_ok(), "{:?}", results[0]);
    assert!(
        matches!(results[1], Err(TagError::Changed)),
        "{:?}",
        results[1]
    );
    assert!(results[2].is_ok(), "{:?}", results[2]);
    assert!(is_tagged(&paths[0]) && is_tagged(&paths[2]));
    assert_eq!(fs::read_to_string(&paths[1]).unwrap(), edit);
    assert_eq!(temporaries(dir.path()), Vec::<PathBuf>::new());
}

#[test]
fn a_batch_dropped_before_its_commit_leaves_the_files_and_no_temporaries() {
    let dir = tempfile::tempdir().unwrap();
    let paths = write_articles(dir.path(), &["a.md", "b.md"]);
    let staged: Vec<Staged> = paths.iter().map(|p| stage_file(p).unwrap()).collect();
    assert_eq!(temporaries(dir.path()).len(), 2, "staging writes beside");
    drop(staged);
    assert_eq!(temporaries(dir.path()), Vec::<PathBuf>::new());
    assert!(!is_tagged(&paths[0]) && !is_tagged(&paths[1]));
}

#[cfg(unix)]
#[test]
fn staging_keeps_the_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let paths = write_articles(dir.path(), &["a.md"]);
    fs::set_permissions(&paths[0], fs::Permissions::from_mode(0o604)).unwrap();
    let results = commit(vec![stage_file(&paths[0]).unwrap()]);
    assert!(results[0].is_ok());
    let mode = fs::metadata(&paths[0]).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o604);
}

/// A file whose path is just under the system's limit: its temporary file's longer path
/// cannot be created, whatever the permissions (root included).
#[cfg(target_os = "linux")]
fn file_near_the_path_limit(dir: &Path) -> PathBuf {
    const PATH_MAX: usize = 4096;
    let mut folder = dir.to_owned();
    // The file's path takes all but the byte of the NUL that ends it: 5 for "/a.md".
    while folder.as_os_str().len() + 200 < PATH_MAX - 6 {
        folder.push("d".repeat(199));
    }
    let fill = PATH_MAX - 6 - folder.as_os_str().len() - 1;
    folder.push("e".repeat(fill));
    fs::create_dir_all(&folder).unwrap();
    let path = folder.join("a.md");
    assert_eq!(path.as_os_str().len(), PATH_MAX - 1);
    path
}

#[cfg(target_os = "linux")]
#[test]
fn a_temporary_that_cannot_be_written_fails_that_file_alone_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let deep = file_near_the_path_limit(dir.path());
    fs::write(&deep, "---\ntitle: A\n---\nBody\n").unwrap();
    let paths = write_articles(dir.path(), &["a.md"]);
    let error = stage_file(&deep).unwrap_err();
    assert!(matches!(error, TagError::Temporary { .. }), "{error:?}");
    assert!(error.to_string().contains("cannot write a temporary file"));
    let results = commit(vec![stage_file(&paths[0]).unwrap()]);
    assert!(results[0].is_ok());
    assert!(is_tagged(&paths[0]));
    assert!(!is_tagged(&deep));
    assert_eq!(temporaries(dir.path()), Vec::<PathBuf>::new());
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_fails_with_the_folder_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("read-only");
    fs::create_dir(&folder).unwrap();
    let paths = write_articles(&folder, &["a.md"]);
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();
    // Root (and anyone with CAP_DAC_OVERRIDE) writes there all the same: nothing to test.
    let probe = folder.join("probe");
    if fs::write(&probe, "").is_ok() {
        let _ = fs::remove_file(&probe);
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: this user ignores folder permissions");
        return;
    }
    let error = stage_file(&paths[0]).unwrap_err();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
    let text = error.to_string();
    assert!(
        text.contains("read-only") && text.contains("permission denied"),
        "{text}"
    );
    assert_eq!(temporaries(dir.path()), Vec::<PathBuf>::new());
    assert!(!is_tagged(&paths[0]));
}
