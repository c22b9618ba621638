//! The persistent cache: same answers with and without it, nothing re-read when nothing
//! changed, changes picked up, and a damaged cache silently replaced.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::{Run, moodwire_with_env};

/// A library of varied articles in nested folders.
fn library(root: &Path) {
    let topics = [
        "oil prices",
        "supply chain",
        "central bank",
        "chip factory",
        "trade talks",
        "vaccine trial",
    ];
    let labels = ["Bullish/Positive", "Neutral", "Bearish/Negative"];
    for n in 0..120 {
        let folder = root
            .join(format!("section-{}", n % 4))
            .join(format!("{}", 2024 + n % 3));
        fs::create_dir_all(&folder).unwrap();
        let topic = topics[n % topics.len()];
        let text = format!(
            "---\ntitle: \"Story {n} about {topic}\"\ncategory: {}\ndate: 202{}-0{}-1{} 08:00:00\n\
             sentiment_score: {}\nsentiment_label: {}\ntags: [{}]\ntldr:\n  - \"The {topic} moved.\"\n---\n\
             # Story {n}\n\nBody text on {topic}, with sanctions {n} and growth.\n",
            ["News", "Business", "Technology"][n % 3],
            4 + n % 3,
            1 + n % 9,
            n % 10,
            1 + n % 10,
            labels[n % 3],
            topic.split(' ').next().unwrap_or("x"),
        );
        fs::write(folder.join(format!("story-{n}.md")), text).unwrap();
    }
    fs::write(
        root.join("plain.txt"),
        "A plain headline\n\nAbout oil prices.\n",
    )
    .unwrap();
}

struct Setup {
    _dir: tempfile::TempDir,
    library: PathBuf,
    cache: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let library_dir = dir.path().join("library");
    library(&library_dir);
    Setup {
        library: library_dir,
        cache: dir.path().join("cache"),
        _dir: dir,
    }
}

impl Setup {
    fn list(&self, query: &str, extra: &[&str]) -> Run {
        let library = self.library.to_string_lossy().into_owned();
        let mut args = vec![
            "list",
            library.as_str(),
            "--format",
            "ndjson",
            "--query",
            query,
        ];
        args.extend_from_slice(extra);
        let cache = self.cache.to_string_lossy().into_owned();
        let run = moodwire_with_env(
            &args,
            Path::new("."),
            &[("MOODWIRE_CACHE_DIR", cache.as_str())],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        run
    }

    /// The cache files, without the small files beside them that name their folders.
    fn cache_files(&self) -> Vec<PathBuf> {
        fs::read_dir(&self.cache)
            .map(|e| {
                e.filter_map(Result::ok)
                    .map(|e| e.path())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
            .into_iter()
            .filter(|path| path.extension().is_none_or(|e| e != "roots"))
            .collect()
    }

    fn titles(&self) -> Vec<String> {
        self.list("", &[])
            .stdout
            .lines()
            .map(|line| {
                let value: serde_json::Value = serde_json::from_str(line).unwrap();
                value["title"].as_str().unwrap_or_default().to_owned()
            })
            .collect()
    }
}

const QUERIES: [&str; 9] = [
    "",
    "oil",
    "\"supply cha\"",
    "title:chip -tag:oil",
    "label:negative score:>=3",
    "date:2026 category:tech",
    "sanction growth",
    "tag:vac",
    "-oil -supply",
];

#[test]
fn answers_are_the_same_with_and_without_the_cache() {
    let setup = setup();
    for query in QUERIES {
        let without = setup.list(query, &["--no-cache"]).stdout;
        let cold = setup.list(query, &[]).stdout;
        let warm = setup.list(query, &[]).stdout;
        assert_eq!(cold, without, "cold cache, query {query:?}");
        assert_eq!(warm, without, "warm cache, query {query:?}");
        assert!(!without.is_empty(), "{query:?} matched something");
    }
    assert_eq!(
        setup.cache_files().len(),
        1,
        "one cache file for the library"
    );
}

#[test]
fn no_cache_writes_nothing() {
    let setup = setup();
    setup.list("oil", &["--no-cache"]);
    assert!(setup.cache_files().is_empty());
}

/// Rewrites a file with new text of the same length, keeping or moving its modification time.
fn rewrite(path: &Path, from: &str, to: &str, keep_time: bool) {
    assert_eq!(from.len(), to.len());
    let modified = fs::metadata(path).unwrap().modified().unwrap();
    let text = fs::read_to_string(path).unwrap().replace(from, to);
    fs::write(path, text).unwrap();
    let file = fs::OpenOptions::new().write(true).open(path).unwrap();
    let time = if keep_time {
        modified
    } else {
        modified + Duration::from_secs(2)
    };
    file.set_modified(time).unwrap();
}

#[test]
fn a_rewrite_that_puts_the_modification_time_back_is_noticed() {
    let setup = setup();
    setup.list("", &[]);
    // Same size and the old modification time, as `cp -p` or `rsync -t` leave a file: the
    // change time still tells.
    let story = setup.library.join("section-0/2024/story-0.md");
    rewrite(&story, "Story 0 about", "Story Z about", true);
    let titles = setup.titles();
    assert!(
        titles.contains(&"Story Z about oil prices".to_owned()),
        "{titles:?}"
    );
    assert!(!titles.contains(&"Story 0 about oil prices".to_owned()));
}

#[test]
fn a_changed_file_is_read_again() {
    let setup = setup();
    setup.list("", &[]);
    let story = setup.library.join("section-0/2024/story-0.md");
    rewrite(&story, "Story 0 about", "Story Z about", false);
    let titles = setup.titles();
    assert!(titles.contains(&"Story Z about oil prices".to_owned()));
    assert!(!titles.contains(&"Story 0 about oil prices".to_owned()));
    assert_eq!(
        setup.list("zebra", &[]).stdout,
        "",
        "the old words are gone from the index"
    );
    assert_eq!(
        setup.list("title:z", &[]).stdout.lines().count(),
        1,
        "the new words are in it"
    );
}

#[test]
fn deleted_files_disappear_and_new_ones_appear() {
    let setup = setup();
    let before = setup.titles().len();
    fs::remove_file(setup.library.join("plain.txt")).unwrap();
    fs::write(
        setup.library.join("new.md"),
        "---\ntitle: Brand new xylophone story\n---\nText\n",
    )
    .unwrap();
    let titles = setup.titles();
    assert_eq!(titles.len(), before);
    assert!(!titles.contains(&"A plain headline".to_owned()));
    assert!(titles.contains(&"Brand new xylophone story".to_owned()));
    assert_eq!(setup.list("xylophone", &[]).stdout.lines().count(), 1);
    assert_eq!(
        setup.list("xylophone", &[]).stdout,
        setup.list("xylophone", &["--no-cache"]).stdout
    );
}

#[test]
fn a_damaged_or_foreign_cache_is_replaced_without_a_word() {
    let setup = setup();
    let expected = setup.list("oil", &["--no-cache"]).stdout;
    setup.list("oil", &[]);
    let [cache_file] = setup.cache_files().try_into().expect("one cache file");
    let good = fs::read(&cache_file).unwrap();
    let damages: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("truncated", good[..good.len() / 2].to_vec()),
        ("one byte flipped", {
            let mut bytes = good.clone();
            bytes[good.len() / 3] ^= 0x01;
            bytes
        }),
        ("garbage", b"not a cache at all".repeat(1000)),
        ("older format", {
            let mut bytes = good.clone();
            let version_at = 8 + "moodwire cache\n".len();
            bytes[version_at] = bytes[version_at].wrapping_sub(1);
            bytes
        }),
    ];
    for (damage, bytes) in damages {
        fs::write(&cache_file, &bytes).unwrap();
        let run = setup.list("oil", &[]);
        assert_eq!(run.stdout, expected, "{damage}");
        assert_eq!(run.stderr, "", "{damage}: nothing said");
        let rewritten = fs::read(&cache_file).unwrap();
        assert!(
            rewritten != bytes && rewritten.len() > good.len() / 2,
            "{damage}: replaced"
        );
        assert_eq!(
            setup.list("oil", &[]).stdout,
            expected,
            "{damage}: the new cache answers"
        );
    }
}

#[test]
fn concurrent_runs_agree_and_a_later_change_is_read() {
    let setup = setup();
    let cache = setup.cache.to_string_lossy().into_owned();
    let library = setup.library.to_string_lossy().into_owned();
    let expected = setup.list("oil", &["--no-cache"]).stdout;
    // Several processes open the library at once, each writing the cache; every one of them
    // answers correctly and the cache left behind is sound.
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let (cache, library) = (cache.clone(), library.clone());
            std::thread::spawn(move || {
                let args = [
                    "list",
                    library.as_str(),
                    "--format",
                    "ndjson",
                    "--query",
                    "oil",
                ];
                moodwire_with_env(
                    &args,
                    Path::new("."),
                    &[("MOODWIRE_CACHE_DIR", cache.as_str())],
                )
                .stdout
            })
        })
        .collect();
    for handle in handles {
        assert_eq!(handle.join().unwrap(), expected);
    }
    let leftovers: Vec<_> = setup
        .cache_files()
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(setup.list("oil", &[]).stdout, expected);
    // A file touched after the cache was written is read again on the next run.
    let story = setup.library.join("section-1/2025/story-1.md");
    fs::OpenOptions::new()
        .write(true)
        .open(&story)
        .unwrap()
        .set_modified(SystemTime::now())
        .unwrap();
    rewrite(&story, "Story 1 about", "Story Q about", false);
    assert!(
        setup
            .titles()
            .contains(&"Story Q about supply chain".to_owned())
    );
}

#[test]
fn ids_follow_the_folders_as_named_this_time() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("lib/sub")).unwrap();
    fs::write(dir.path().join("lib/sub/x.md"), "# X\n\nText\n").unwrap();
    let cache = dir.path().join("cache").to_string_lossy().into_owned();
    let env = [("MOODWIRE_CACHE_DIR", cache.as_str())];
    let ids = |args: &[&str]| {
        let mut all = vec!["list", "--format", "ndjson"];
        all.extend_from_slice(args);
        let run = moodwire_with_env(&all, dir.path(), &env);
        run.stdout
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&["lib", "lib/sub"]), ["\"sub/x.md\""]);
    assert_eq!(
        ids(&["lib/sub", "lib"]),
        ids(&["lib/sub", "lib", "--no-cache"])
    );
}

#[test]
fn a_file_that_fails_to_load_does_not_stop_the_cache_being_used() {
    let setup = setup();
    fs::write(setup.library.join("empty.md"), "").unwrap();
    setup.list("oil", &[]);
    let [cache_file] = setup.cache_files().try_into().expect("one cache file");
    // A cache is written whole into a new file renamed over the old one (its modification
    // time is when it was last used, and moves on every run).
    let written = identity(&cache_file);
    std::thread::sleep(Duration::from_millis(20));
    let run = setup.list("oil", &[]);
    assert!(
        run.stderr.contains("1 file could not be loaded"),
        "{}",
        run.stderr
    );
    assert_eq!(
        identity(&cache_file),
        written,
        "nothing changed, nothing rewritten"
    );
}

#[cfg(unix)]
fn identity(path: &Path) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    let meta = fs::metadata(path).unwrap();
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn identity(path: &Path) -> std::time::SystemTime {
    fs::metadata(path).unwrap().created().unwrap()
}
