//! One article, one id: marks, `show ID` and the reader find an article by its id, so two
//! files must never share one, even where their paths below the folders named are the same.

mod common;

use std::fs;
use std::path::Path;

use common::moodwire_with_env;
use serde_json::Value;

fn write(path: &Path, title: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(
        path,
        format!("---\ntitle: {title}\n---\nThe {title} body.\n"),
    )
    .unwrap();
}

/// `list --format json` over `args`, as `(id, title, read)` in title order.
fn listed(args: &[&str], dir: &Path, data: &Path) -> Vec<(String, String, bool)> {
    let mut all = vec!["list", "--format", "json", "--sort", "title"];
    all.extend_from_slice(args);
    let data = data.to_str().unwrap();
    let run = moodwire_with_env(&all, dir, &[("MOODWIRE_DATA_DIR", data)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let items: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    items
        .iter()
        .map(|item| {
            let text = |key: &str| item[key].as_str().unwrap().to_owned();
            (text("id"), text("title"), item["read"].as_bool().unwrap())
        })
        .collect()
}

#[test]
fn the_same_path_under_two_folders_gives_two_ids_and_two_sets_of_marks() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    write(&root.join("a/news/x.md"), "Alpha");
    write(&root.join("b/news/x.md"), "Beta");
    // Two files named directly, with one name.
    write(&root.join("c/y.md"), "Gamma");
    write(&root.join("d/y.md"), "Delta");
    let data = root.join("data");
    let args = ["a", "b", "c/y.md", "d/y.md"];
    let later = |path: &str| root.join(path).to_str().unwrap().to_owned();
    let expected = |read_alpha: bool| {
        vec![
            ("news/x.md".to_owned(), "Alpha".to_owned(), read_alpha),
            (later("b/news/x.md"), "Beta".to_owned(), false),
            (later("d/y.md"), "Delta".to_owned(), false),
            ("y.md".to_owned(), "Gamma".to_owned(), false),
        ]
    };
    // Read fresh, then again from the cache the first run left.
    assert_eq!(listed(&args, &root, &data), expected(false));
    assert_eq!(listed(&args, &root, &data), expected(false));

    // A read mark on the first folder's article is its own.
    fs::create_dir_all(&data).unwrap();
    let marks = r#"{"format":1,"read":["news/x.md"],"starred":[]}"#;
    fs::write(data.join("state.json"), marks).unwrap();
    assert_eq!(listed(&args, &root, &data), expected(true));

    // And `show` finds each by its id.
    let mut library = Vec::new();
    for path in args {
        library.extend(["-l", path]);
    }
    for (id, title, _) in expected(true) {
        let mut all = vec!["show", id.as_str(), "--format", "json"];
        all.extend_from_slice(&library);
        let run = moodwire_with_env(&all, &root, &[]);
        assert_eq!(run.code, 0, "{id}: {}", run.stderr);
        let shown: Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(shown["title"], title.as_str(), "{id}");
    }
}

#[test]
fn a_folder_named_alone_keeps_its_ids() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("b/news/x.md"), "Beta");
    let data = root.join("data");
    let found = listed(&["b"], root, &data);
    assert_eq!(found[0].0, "news/x.md");
}
