//! The library changing between the walk and the read: files deleted, emptied, replaced by
//! other files, folders or named pipes. Each is reported with a reason or read as it now is;
//! nothing crashes and nothing waits forever.

use std::fs;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use moodwire::Reading;
use moodwire::loader::{self, LoadEvent};

/// Far longer than reading five small files takes; reaching it means a read hangs.
const PATIENCE: Duration = Duration::from_secs(30);

fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap();
}

#[test]
fn files_that_change_after_the_walk_are_read_as_they_are_or_reported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for name in ["deleted", "emptied", "replaced", "piped", "folder"] {
        write(
            &root.join(format!("{name}.md")),
            &format!("# {name}\n\nText.\n"),
        );
    }
    let walk = loader::walk(&[root.to_path_buf()], &moodwire::Limits::default());
    assert_eq!(walk.sources.len(), 5);

    fs::remove_file(root.join("deleted.md")).unwrap();
    fs::File::create(root.join("emptied.md")).unwrap();
    write(&root.join("new.tmp"), "# Replaced\n\nNew text.\n");
    fs::rename(root.join("new.tmp"), root.join("replaced.md")).unwrap();
    fs::remove_file(root.join("piped.md")).unwrap();
    let made_pipe = std::process::Command::new("mkfifo")
        .arg(root.join("piped.md"))
        .status()
        .is_ok_and(|status| status.success());
    fs::remove_file(root.join("folder.md")).unwrap();
    fs::create_dir(root.join("folder.md")).unwrap();

    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut outcomes = Vec::new();
        loader::read_each(&walk.sources, &Reading::default(), |event| {
            outcomes.push(match event {
                LoadEvent::Article(article) => {
                    (article.id.clone(), format!("read: {}", article.title))
                }
                LoadEvent::Problem(problem) => (
                    problem
                        .path
                        .file_name()
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                    problem.message,
                ),
                LoadEvent::Found(_) => unreachable!("read_each does not walk"),
            })
        });
        let _ = sender.send(outcomes);
    });
    let mut outcomes = receiver
        .recv_timeout(PATIENCE)
        .expect("reading files that changed under the walk hangs");
    outcomes.sort();
    let mut expected = vec![
        ("deleted.md", "no such file or folder"),
        ("emptied.md", "the file is empty"),
        ("folder.md", "not a regular file"),
        ("replaced.md", "read: Replaced"),
    ];
    if made_pipe {
        expected.push(("piped.md", "not a regular file"));
    } else {
        expected.push(("piped.md", "no such file or folder"));
    }
    expected.sort();
    let outcomes: Vec<(&str, &str)> = outcomes
        .iter()
        .map(|(name, outcome)| (name.as_str(), outcome.as_str()))
        .collect();
    assert_eq!(outcomes, expected);
}
