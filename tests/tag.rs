//! `moodwire tag` from the command line: dry runs, writes, refusals and the summary.

mod common;

use std::fs;
use std::path::Path;

use common::moodwire;

/// Every file's path and bytes, to tell whether anything under `dir` changed.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        files.push((path.display().to_string(), fs::read(&path).unwrap()));
    }
    files.sort();
    files
}

fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| fs::write(dir.path().join(name), text).unwrap();
    write(
        "layoffs.md",
        "---\r\ntitle: \"Carmaker announces 3,000 layoffs\" # from the wire\r\n---\r\nPlants close.\r\n",
    );
    write(
        "profit.txt",
        "Chip designer posts record profit\n\nSales surged on strong demand.\n",
    );
    write(
        "tagged.md",
        "---\ntitle: Markets open\nsentiment_score: 9\nsentiment_label: Bullish/Positive\n---\nText\n",
    );
    dir
}

#[test]
fn a_dry_run_proposes_with_reasons_and_writes_nothing() {
    let dir = library();
    let before = snapshot(dir.path());
    let run = moodwire(&["tag", "."], dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    assert!(lines[0].starts_with("./layoffs.md"), "{}", lines[0]);
    assert!(
        lines[0].contains("Bearish/Negative") && lines[0].contains("layoffs -"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains("Bullish/Positive") && lines[1].contains("record profit +"),
        "{}",
        lines[1]
    );
    assert_eq!(
        lines[2],
        "2 to tag (dry run: nothing written; --write writes), 1 skipped (already tagged), 0 failed"
    );
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn writing_tags_untagged_files_once() {
    let dir = library();
    let run = moodwire(&["tag", ".", "--write"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .ends_with("2 tagged, 1 skipped (already tagged), 0 failed\n"),
        "{}",
        run.stdout
    );
    let layoffs = fs::read_to_string(dir.path().join("layoffs.md")).unwrap();
    assert!(layoffs.starts_with(
        "---\r\ntitle: \"Carmaker announces 3,000 layoffs\" # from the wire\r\nsentiment_score: "
    ));
    assert!(layoffs.ends_with("sentiment_label: \"Bearish/Negative\"\r\n---\r\nPlants close.\r\n"));
    // The files now carry sentiment from the file; the list shows no estimate.
    let list = moodwire(&["list", ".", "--format", "json", "--no-cache"], dir.path());
    let items: serde_json::Value = serde_json::from_str(&list.stdout).unwrap();
    for item in items.as_array().unwrap() {
        assert_eq!(item["sentiment"]["origin"], "file", "{item}");
    }
    let title = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "profit.txt")
        .unwrap()["title"]
        .clone();
    assert_eq!(title, "Chip designer posts record profit");
    let before = snapshot(dir.path());
    let again = moodwire(&["tag", ".", "--write"], dir.path());
    assert!(
        again
            .stdout
            .ends_with("0 tagged, 3 skipped (already tagged), 0 failed\n")
    );
    assert_eq!(snapshot(dir.path()), before, "a second run changes nothing");
}

#[test]
fn force_replaces_only_the_two_lines() {
    let dir = library();
    let run = moodwire(&["tag", "tagged.md", "--write", "--force"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = fs::read_to_string(dir.path().join("tagged.md")).unwrap();
    assert!(
        text.starts_with("---\ntitle: Markets open\nsentiment_score: "),
        "{text}"
    );
    assert!(
        text.ends_with("\nsentiment_label: \"Neutral\"\n---\nText\n"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 6);
}

#[test]
fn json_has_a_summary_and_each_article_with_reasons() {
    let dir = library();
    let run = moodwire(&["tag", ".", "--format", "json"], dir.path());
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        report["summary"],
        serde_json::json!({"written": false, "tagged": 0, "proposed": 2, "skipped": 1, "failed": 0})
    );
    let first = &report["articles"][0];
    assert_eq!(first["path"], "./layoffs.md");
    assert_eq!(first["status"], "proposed");
    assert_eq!(first["label"], "Bearish/Negative");
    assert_eq!(first["reasons"][0]["text"], "layoffs");
    assert!(first["reasons"][0]["weight"].as_f64().unwrap() < 0.0);
}

#[test]
fn files_that_cannot_be_tagged_are_failures_with_a_reason() {
    let dir = library();
    fs::write(dir.path().join("broken.md"), "---\ntitle: [unclosed\n---\n").unwrap();
    fs::write(dir.path().join("list.md"), "---\n- a\n---\nBody\n").unwrap();
    let run = moodwire(&["tag", ".", "--write"], dir.path());
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("./broken.md   failed: invalid YAML front matter"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "./list.md     failed: cannot tag this file: the front matter would not read back"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .ends_with("2 tagged, 1 skipped (already tagged), 2 failed\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_built_in_samples_cannot_be_tagged() {
    let dir = tempfile::tempdir().unwrap();
    let run = moodwire(&["tag", "--write"], dir.path());
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("the built-in samples are not files"),
        "{}",
        run.stderr
    );
}

/// Every `.tmp` file under `dir`, however deep.
fn temporaries(dir: &Path) -> Vec<std::path::PathBuf> {
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

#[test]
fn a_write_leaves_no_temporaries_behind() {
    let dir = library();
    let run = moodwire(&["tag", ".", "--write"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(temporaries(dir.path()), Vec::<std::path::PathBuf>::new());
}

/// A file whose temporary cannot be created, even by root: its path is one byte short of the
/// system's limit, so the longer temporary name beside it is refused.
#[cfg(target_os = "linux")]
#[test]
fn a_file_whose_temporary_cannot_be_written_is_a_named_failure() {
    let dir = library();
    let root = dir.path().canonicalize().unwrap();
    let mut folder = root.clone();
    while folder.as_os_str().len() + 200 < 4090 {
        folder.push("d".repeat(199));
    }
    let fill = 4090 - folder.as_os_str().len() - 1;
    folder.push("e".repeat(fill));
    fs::create_dir_all(&folder).unwrap();
    let deep = folder.join("a.md");
    assert_eq!(deep.as_os_str().len(), 4095);
    fs::write(&deep, "---\ntitle: Deep\n---\nBody\n").unwrap();
    let root_arg = root.to_str().unwrap();
    let run = moodwire(
        &["tag", root_arg, "--write", "--format", "json"],
        dir.path(),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["summary"]["tagged"], 2, "{report}");
    assert_eq!(report["summary"]["failed"], 1, "{report}");
    let failed = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["status"] == "failed")
        .unwrap();
    assert!(
        failed["path"].as_str().unwrap().ends_with("/a.md"),
        "{failed}"
    );
    let error = failed["error"].as_str().unwrap();
    assert!(error.contains("cannot write a temporary file"), "{error}");
    assert_eq!(
        fs::read_to_string(&deep).unwrap(),
        "---\ntitle: Deep\n---\nBody\n"
    );
    assert_eq!(temporaries(dir.path()), Vec::<std::path::PathBuf>::new());
}

/// The writer reads a file within the limits it is given, and says why it will not read one
/// as the loader says it, units and all.
#[test]
fn the_writer_reads_within_the_limits_it_is_given() {
    use moodwire::Reading;
    use moodwire::tagger::{self, Options, Tag};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.md");
    let mut text = String::from("---\ntitle: Long\n---\n");
    while text.len() < 9 * 1024 * 1024 {
        text.push_str("A long line of an article about harbours and tides.\n");
    }
    std::fs::write(&path, &text).unwrap();
    let tag = Tag::new(7.0, "Bullish/Positive").unwrap();
    let options = Options::within(&[dir.path().to_owned()]);
    let refused = tagger::tag_file(&path, &tag, None, &options, &Reading::default());
    let message = refused.unwrap_err().to_string();
    assert!(message.ends_with("over the limit of 8 MiB"), "{message}");
    let mut reading = Reading::default();
    reading.limits.max_file_bytes = 32 * 1024 * 1024;
    tagger::tag_file(&path, &tag, None, &options, &reading).expect("written");
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("sentiment_score: 7")
    );
}
