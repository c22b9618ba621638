use super::*;
use std::fs;

fn tag() -> Tag {
    Tag::new(8.0, "Bullish/Positive").unwrap()
}

/// Writing inside `dir`, as the command does for the folder named.
fn within(dir: &Path) -> Options {
    Options::within(&[dir.to_owned()])
}

fn parse(path: &Path) -> crate::article::Article {
    let bytes = fs::read(path).unwrap();
    parse_article(&bytes, "x".into(), path.to_owned(), &Reading::default()).unwrap()
}

#[test]
fn a_text_file_keeps_its_first_line_as_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scraped.txt");
    fs::write(&path, "Putin and Xi at Beijing\n\nUS has failed.\n").unwrap();
    tag_file(
        &path,
        &tag(),
        None,
        &within(dir.path()),
        &Reading::default(),
    )
    .unwrap();
    let article = parse(&path);
    assert_eq!(article.title, "Putin and Xi at Beijing");
    assert_eq!(article.sentiment.score, Some(8.0));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "---\nsentiment_score: 8\nsentiment_label: \"Bullish/Positive\"\n---\nPutin and Xi at Beijing\n\nUS has failed.\n"
    );
}

#[test]
fn a_heading_further_down_does_not_become_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    fs::write(&path, "Plain first line\n\n## Background\nText\n").unwrap();
    tag_file(
        &path,
        &tag(),
        None,
        &within(dir.path()),
        &Reading::default(),
    )
    .unwrap();
    assert_eq!(parse(&path).title, "Plain first line");
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .starts_with("---\ntitle: \"Plain first line\"\n")
    );
}

#[test]
fn a_second_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    fs::write(&path, "---\ntitle: A\n---\nBody\n").unwrap();
    tag_file(
        &path,
        &tag(),
        None,
        &within(dir.path()),
        &Reading::default(),
    )
    .unwrap();
    let once = fs::read(&path).unwrap();
    let again = tag_file(
        &path,
        &tag(),
        None,
        &within(dir.path()),
        &Reading::default(),
    );
    assert!(matches!(again, Err(TagError::AlreadyTagged)), "{again:?}");
    assert_eq!(fs::read(&path).unwrap(), once);
}

#[test]
fn a_file_changed_since_it_was_read_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    fs::write(&path, "---\ntitle: A\n---\nBody\n").unwrap();
    let read = fs::read(&path).unwrap();
    fs::write(&path, "---\ntitle: A\n---\nBody, edited meanwhile\n").unwrap();
    let result = tag_bytes(
        &path,
        &read,
        &tag(),
        &within(dir.path()),
        &Reading::default(),
    );
    assert!(matches!(result, Err(TagError::Changed)), "{result:?}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "---\ntitle: A\n---\nBody, edited meanwhile\n"
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

#[test]
fn a_same_size_change_with_its_modification_time_put_back_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    fs::write(&path, "---\ntitle: A\n---\nBody one\n").unwrap();
    let meta = fs::metadata(&path).unwrap();
    let stamp = FileStamp::of(&meta);
    let read = fs::read(&path).unwrap();
    let before =
        crate::parse::parse_article(&read, "a".into(), path.clone(), &Reading::default()).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&path, "---\ntitle: A\n---\nBody two\n").unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(meta.modified().unwrap())
        .unwrap();
    let result = tag_parsed(
        &path,
        &read,
        Some(stamp),
        &before,
        &tag(),
        &within(dir.path()),
        &Reading::default(),
    );
    assert!(matches!(result, Err(TagError::Changed)), "{result:?}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "---\ntitle: A\n---\nBody two\n"
    );
}

#[test]
fn a_stale_stamp_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    fs::write(&path, "---\ntitle: A\n---\n").unwrap();
    let stamp = FileStamp::of(&fs::metadata(&path).unwrap());
    fs::write(&path, "---\ntitle: B, longer\n---\n").unwrap();
    assert!(matches!(
        tag_file(
            &path,
            &tag(),
            Some(stamp),
            &within(dir.path()),
            &Reading::default()
        ),
        Err(TagError::Changed)
    ));
}

#[cfg(unix)]
#[test]
fn permissions_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    fs::write(&path, "---\ntitle: A\n---\n").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    tag_file(
        &path,
        &tag(),
        None,
        &within(dir.path()),
        &Reading::default(),
    )
    .unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_stays_a_link_to_the_tagged_file() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.md");
    let link = dir.path().join("link.md");
    fs::write(&real, "---\ntitle: A\n---\n").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    tag_file(
        &link,
        &tag(),
        None,
        &within(dir.path()),
        &Reading::default(),
    )
    .unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(parse(&real).sentiment.score, Some(8.0));
}

#[test]
fn undo_restores_the_previous_bytes_unless_the_file_changed_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    let original = "---\r\ntitle: A\r\nsentiment_score: 2\r\n---\r\n";
    fs::write(&path, original).unwrap();
    let options = Options {
        replace: true,
        ..within(dir.path())
    };
    let written = tag_file(&path, &tag(), None, &options, &Reading::default()).unwrap();
    assert_eq!(written.previous, original.as_bytes());
    assert_ne!(fs::read(&path).unwrap(), original.as_bytes());
    undo(&written).unwrap();
    assert_eq!(fs::read(&path).unwrap(), original.as_bytes());
    // The undo already happened: the file no longer holds what was written.
    assert!(matches!(undo(&written), Err(TagError::Changed)));
}

#[test]
fn tags_off_the_scale_or_with_control_characters_are_invalid() {
    assert!(Tag::new(0.0, "Neutral").is_err());
    assert!(Tag::new(f64::NAN, "Neutral").is_err());
    assert!(Tag::new(5.0, "two\nlines").is_err());
    assert_eq!(Tag::new(7.5, "x").unwrap().score_text(), "7.5");
}

#[test]
fn front_matter_that_would_not_read_back_is_refused() {
    // A YAML list at the top is not a mapping: new keys would not be read.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    fs::write(&path, "---\n- a\n- b\n---\nBody\n").unwrap();
    let error = tag_file(
        &path,
        &tag(),
        None,
        &within(dir.path()),
        &Reading::default(),
    )
    .unwrap_err();
    assert!(error.to_string().contains("read back"), "{error}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "---\n- a\n- b\n---\nBody\n"
    );
}

/// The writer's own check, whoever calls it: a path that leads outside the roots, through a
/// link to a file or through a linked folder, is refused and the file left as it was.
#[cfg(unix)]
#[test]
fn a_file_that_resolves_outside_the_roots_is_refused() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let outside = dir.path().join("outside");
    fs::create_dir_all(&lib).unwrap();
    fs::create_dir_all(&outside).unwrap();
    let bashrc = outside.join("bashrc");
    fs::write(&bashrc, "export PATH=/bin\n").unwrap();
    symlink(&bashrc, lib.join("note.md")).unwrap();
    symlink(&outside, lib.join("archive")).unwrap();
    for path in [lib.join("note.md"), lib.join("archive/bashrc")] {
        let error = tag_file(&path, &tag(), None, &within(&lib), &Reading::default()).unwrap_err();
        assert!(matches!(error, TagError::Outside { .. }), "{error:?}");
        let text = error.to_string();
        assert!(text.contains("outside the library's folders"), "{text}");
        assert!(text.starts_with(&path.display().to_string()), "{text}");
    }
    assert_eq!(fs::read_to_string(&bashrc).unwrap(), "export PATH=/bin\n");
    // No roots at all: nothing is written.
    let inside = lib.join("a.md");
    fs::write(&inside, "---\ntitle: A\n---\n").unwrap();
    let nowhere = Options::default();
    let error = tag_file(&inside, &tag(), None, &nowhere, &Reading::default()).unwrap_err();
    assert!(matches!(error, TagError::Outside { .. }), "{error:?}");
}
