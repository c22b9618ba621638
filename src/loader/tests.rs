use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use super::*;

const ARTICLE: &str = "---\ntitle: Fine\n---\nBody\n";

fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn ids(loaded: &Loaded) -> Vec<&str> {
    let mut ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort();
    ids
}

fn problems(loaded: &Loaded, root: &Path) -> Vec<String> {
    let mut lines: Vec<String> = loaded
        .problems
        .iter()
        .map(|p| {
            format!(
                "{}: {}",
                p.path.strip_prefix(root).unwrap_or(&p.path).display(),
                p.message
            )
        })
        .collect();
    lines.sort();
    lines
}

#[test]
fn walks_folders_recursively_for_article_files_only() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "a.md",
        "b.markdown",
        "c.mdx",
        "d.txt",
        "e.text",
        "F.MD",
        "world/g.md",
        "world/deep/h.md",
    ] {
        write(dir.path(), name, ARTICLE);
    }
    write(dir.path(), "image.png", "not an article");
    write(dir.path(), "notes.rst", ARTICLE);
    let loaded = load(&[dir.path().to_path_buf()], &Reading::default());
    assert_eq!(
        ids(&loaded),
        [
            "F.MD",
            "a.md",
            "b.markdown",
            "c.mdx",
            "d.txt",
            "e.text",
            "world/deep/h.md",
            "world/g.md"
        ]
    );
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

#[test]
fn skips_hidden_files_and_folders() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "seen.md", ARTICLE);
    write(dir.path(), ".hidden.md", ARTICLE);
    write(dir.path(), ".git/notes.md", ARTICLE);
    assert_eq!(
        ids(&load(&[dir.path().to_path_buf()], &Reading::default())),
        ["seen.md"]
    );
}

#[test]
fn a_file_named_directly_is_loaded_whatever_its_name_and_known_by_its_file_name() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "sub/notes.rst", ARTICLE);
    let loaded = load(&[dir.path().join("sub/notes.rst")], &Reading::default());
    assert_eq!(ids(&loaded), ["notes.rst"]);
}

#[test]
fn a_folder_named_twice_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "sub/a.md", ARTICLE);
    let paths = [
        dir.path().to_path_buf(),
        dir.path().join("sub"),
        dir.path().to_path_buf(),
    ];
    assert_eq!(ids(&load(&paths, &Reading::default())), ["sub/a.md"]);
}

#[test]
fn symlink_cycles_end_and_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "lib/a.md", ARTICLE);
    symlink(dir.path().join("lib"), dir.path().join("lib/again")).unwrap();
    let loaded = load(&[dir.path().join("lib")], &Reading::default());
    assert_eq!(ids(&loaded), ["a.md"]);
    let root = dir.path().join("lib");
    assert_eq!(
        problems(&loaded, &root),
        ["again: symbolic link to a folder that is already read; skipped"]
    );
    assert_eq!(loaded.problems[0].severity, Severity::Warning);
}

#[test]
fn dangling_and_looping_links_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    symlink(
        dir.path().join("missing.md"),
        dir.path().join("dangling.md"),
    )
    .unwrap();
    symlink(dir.path().join("loop-b.md"), dir.path().join("loop-a.md")).unwrap();
    symlink(dir.path().join("loop-a.md"), dir.path().join("loop-b.md")).unwrap();
    let loaded = load(&[dir.path().to_path_buf()], &Reading::default());
    assert!(loaded.articles.is_empty());
    assert_eq!(
        problems(&loaded, dir.path()),
        [
            "dangling.md: broken symbolic link (its target does not exist)",
            "loop-a.md: symbolic link cannot be followed: too many levels of symbolic links",
            "loop-b.md: symbolic link cannot be followed: too many levels of symbolic links",
        ]
    );
}

#[test]
fn a_missing_path_is_an_error() {
    let loaded = load(&[PathBuf::from("/no/such/place")], &Reading::default());
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(
        loaded.problems[0].to_string(),
        "/no/such/place: error: no such file or folder"
    );
}

#[test]
fn files_over_the_size_limit_are_reported_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = fs::File::create(dir.path().join("huge.md")).unwrap();
    file.set_len(20 * 1024 * 1024).unwrap();
    let loaded = load(&[dir.path().to_path_buf()], &Reading::default());
    assert_eq!(
        problems(&loaded, dir.path()),
        ["huge.md: the file is 20 MiB, over the limit of 8 MiB"]
    );
}

#[test]
fn a_named_pipe_is_reported_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.md");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let loaded = load(&[dir.path().to_path_buf()], &Reading::default());
    assert_eq!(
        problems(&loaded, dir.path()),
        ["pipe.md: not a regular file"]
    );
}

#[test]
fn streams_the_count_first_and_then_every_file() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..50 {
        write(dir.path(), &format!("{i:02}.md"), ARTICLE);
    }
    write(dir.path(), "bad.md", "");
    let mut events = Vec::new();
    load_each(&[dir.path().to_path_buf()], &Reading::default(), |event| {
        events.push(event)
    });
    assert!(matches!(events[0], LoadEvent::Found(51)));
    let articles = events
        .iter()
        .filter(|e| matches!(e, LoadEvent::Article(..)))
        .count();
    let problems = events
        .iter()
        .filter(|e| matches!(e, LoadEvent::Problem(_)))
        .count();
    assert_eq!((articles, problems), (50, 1));
}

#[test]
fn embedded_files_load_with_an_origin_prefix() {
    let loaded = load_embedded(
        &[("a.md", ARTICLE.as_bytes()), ("b.md", b"")],
        "(built-in)",
        &Reading::default(),
    );
    assert_eq!(ids(&loaded), ["a.md"]);
    assert_eq!(loaded.articles[0].path, Path::new("(built-in)/a.md"));
    assert_eq!(
        loaded.problems[0].to_string(),
        "(built-in)/b.md: error: the file is empty"
    );
}

#[test]
fn control_characters_in_file_names_are_shown_as_question_marks() {
    let problem = Problem::error(Path::new("evil\x1b[2J.md"), "the file is empty".into());
    assert_eq!(problem.to_string(), "evil?[2J.md: error: the file is empty");
}

/// The folders are listed on all cores, but what is found, and the name it is found by, is
/// decided in walk order: a folder that is also reached through a link is read once, by one
/// name, and the link is reported.
#[test]
fn a_folder_also_reached_by_a_link_is_read_once_whichever_is_listed_first() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["b-real/x.md", "b-real/deep/y.md", "c/z.md"] {
        write(dir.path(), name, ARTICLE);
    }
    symlink(dir.path().join("b-real"), dir.path().join("a-link")).unwrap();
    symlink(dir.path().join("c"), dir.path().join("d-link")).unwrap();
    let walked = walk(
        &[dir.path().to_path_buf()],
        &crate::limits::Limits::default(),
    );
    let ids: Vec<&str> = walked.sources.iter().map(|s| s.id.as_str()).collect();
    // A folder's entries are decided last to first: `d-link` before `c`, `b-real` before
    // `a-link`.
    assert_eq!(ids, ["b-real/x.md", "b-real/deep/y.md", "d-link/z.md"]);
    let problems: Vec<String> = walked.problems.iter().map(|p| p.to_string()).collect();
    let root = dir.path().display();
    assert_eq!(
        problems,
        [format!(
            "{root}/a-link: warning: symbolic link to a folder that is already read; skipped"
        )]
    );
}

#[test]
fn article_names_are_judged_as_path_extensions_are() {
    use std::ffi::OsStr;
    let by_extension = |name: &str| {
        Path::new(name).extension().is_some_and(|e| {
            ARTICLE_EXTENSIONS
                .iter()
                .any(|known| e.eq_ignore_ascii_case(known))
        })
    };
    for name in [
        "a.md",
        "A.MD",
        ".md",
        "..md",
        "...md",
        "a.",
        "md",
        "a.b.Markdown",
        "x.mdx.bak",
        "é.txt",
        ".hidden.txt",
        "a..text",
        "a.md.",
        "a",
        ".",
        "..",
        "mdx",
        "x.tx",
        "x.texts",
    ] {
        assert_eq!(
            walk::is_article_name(OsStr::new(name)),
            by_extension(name),
            "{name:?}"
        );
    }
}

#[test]
fn links_leading_out_of_the_library_are_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "lib/a.md", ARTICLE);
    write(dir.path(), "lib/in/b.md", ARTICLE);
    write(dir.path(), "outside/c.md", ARTICLE);
    let lib = dir.path().join("lib");
    symlink(dir.path().join("outside"), lib.join("archive")).unwrap();
    symlink(dir.path().join("outside/c.md"), lib.join("note.md")).unwrap();
    // A link to a file read under its own name adds nothing.
    symlink(lib.join("in/b.md"), lib.join("alias.md")).unwrap();
    let loaded = load(std::slice::from_ref(&lib), &Reading::default());
    assert_eq!(ids(&loaded), ["a.md", "in/b.md"]);
    let outside = dir.path().join("outside").canonicalize().unwrap();
    assert_eq!(
        problems(&loaded, &lib),
        [
            format!(
                "archive: symbolic link to a folder outside the library ({}); skipped, as links are followed only within the library's folders",
                outside.display()
            ),
            format!(
                "note.md: symbolic link to a file outside the library ({}); skipped, as links are followed only within the library's folders",
                outside.join("c.md").display()
            ),
        ]
    );
}

#[test]
fn a_walk_stops_at_max_files() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..10 {
        write(dir.path(), &format!("lib/{n}/a.md"), ARTICLE);
    }
    let limits = crate::limits::Limits {
        max_files: 4,
        ..Default::default()
    };
    let walked = walk(
        &[dir.path().join("lib"), dir.path().join("lib/9/a.md")],
        &limits,
    );
    assert_eq!(walked.sources.len(), 4);
    assert!(walked.cut_short);
    let messages: Vec<String> = walked.problems.iter().map(|p| p.message.clone()).collect();
    assert_eq!(messages, [cut_short_message(4)]);
}
