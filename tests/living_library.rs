//! A library that lives, in a real terminal (tmux): marks kept across restarts, a corrupt marks
//! file set aside, and files added, changed and removed while the reader is open.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::tmux::{Tmux, reader_command, shell_quote, skip};
use common::{copy_samples, moodwire_with_env};

/// The newest sample, first in the list by date.
const NEWEST_ID: &str = "2026-03-18-who-updates-hypertension-guidelines.md";
const NEWEST_TITLE: &str = "WHO updates guidance on treating high";

/// `moodwire list` over `library` with the marks kept under `state`, as JSON objects.
fn listed(library: &Path, state: &Path, query: &str) -> Vec<serde_json::Value> {
    let data = state.join("data").display().to_string();
    let run = moodwire_with_env(
        &[
            "list",
            &library.display().to_string(),
            "--query",
            query,
            "--format",
            "json",
        ],
        library,
        &[("MOODWIRE_DATA_DIR", &data)],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

fn ids(items: &[serde_json::Value]) -> Vec<&str> {
    items.iter().map(|i| i["id"].as_str().unwrap()).collect()
}

#[test]
fn an_article_opened_and_starred_keeps_both_marks_after_a_restart() {
    let state = tempfile::tempdir().unwrap();
    let library = state.path().join("library");
    copy_samples(&library);
    assert!(library.join(NEWEST_ID).exists());
    let command = reader_command(&shell_quote(&library.display().to_string()), state.path());
    let Some(tmux) = Tmux::start("marks", 100, 30, state.path(), &command) else {
        return skip();
    };
    let screen = tmux.wait_for(NEWEST_TITLE);
    let first = screen.lines().nth(1).unwrap();
    assert!(
        first.starts_with("•  2026-03-18"),
        "unread, not starred: {first:?}"
    );

    tmux.press(&["Enter"]);
    tmux.wait_for("line 1/");
    tmux.press(&["m"]);
    tmux.wait_for("starred");
    tmux.press(&["q"]);
    tmux.wait_for("j/k move");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");
    drop(tmux);

    let Some(tmux) = Tmux::start("marks-again", 100, 30, state.path(), &command) else {
        return skip();
    };
    let screen = tmux.wait_for(NEWEST_TITLE);
    let first = screen.lines().nth(1).unwrap();
    assert!(
        first.starts_with(" ★ 2026-03-18"),
        "read and starred: {first:?}"
    );
    assert!(first.contains(NEWEST_TITLE), "{first:?}");
    let second = screen.lines().nth(2).unwrap();
    assert!(
        second.starts_with("•  "),
        "the others stay unread: {second:?}"
    );

    // The command line sees the same marks.
    let starred = listed(&library, state.path(), "is:starred");
    assert_eq!(ids(&starred), [NEWEST_ID]);
    assert_eq!(starred[0]["read"], true);
    assert_eq!(starred[0]["starred"], true);
    assert_eq!(ids(&listed(&library, state.path(), "is:read")), [NEWEST_ID]);
    assert_eq!(listed(&library, state.path(), "is:unread").len(), 32);

    // u takes the read mark away again, and M marks every shown article read.
    tmux.press(&["u"]);
    tmux.wait_for("marked unread");
    tmux.type_text("/oil");
    tmux.wait_for("· 3 / 33 ·");
    tmux.press(&["Enter", "M"]);
    tmux.wait_for("3 articles marked read (3 shown); U undoes it");
    // More articles than the screen shows: M asks first, and n changes nothing.
    // Esc on its own: Esc and M sent together would read as Alt-M.
    tmux.press(&["Escape"]);
    tmux.wait_for("· 33 / 33 ·");
    tmux.press(&["M"]);
    tmux.wait_for("mark 30 articles read?  y yes  n no");
    tmux.press(&["n"]);
    tmux.wait_for("nothing changed");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");
    let read = listed(&library, state.path(), "is:read");
    assert_eq!(read.len(), 3, "{:?}", ids(&read));
    assert_eq!(ids(&listed(&library, state.path(), "is:read oil")).len(), 3);
    assert_eq!(
        ids(&listed(&library, state.path(), "is:starred is:unread")),
        [NEWEST_ID]
    );
}

#[test]
fn a_corrupt_marks_file_is_set_aside_and_a_fresh_one_started() {
    let state = tempfile::tempdir().unwrap();
    let library = state.path().join("library");
    copy_samples(&library);
    let data = state.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("state.json"), b"{\"format\": 1, \"read\": [tru").unwrap();

    // A command that only reads says so and leaves the file.
    let listed_before = moodwire_with_env(
        &["list", &library.display().to_string(), "--format", "ndjson"],
        &library,
        &[("MOODWIRE_DATA_DIR", &data.display().to_string())],
    );
    assert_eq!(listed_before.code, 0);
    assert!(
        listed_before
            .stderr
            .contains("state.json: not a marks file"),
        "{}",
        listed_before.stderr
    );
    assert!(data.join("state.json").exists());

    let command = reader_command(&shell_quote(&library.display().to_string()), state.path());
    let Some(tmux) = Tmux::start("corrupt", 160, 30, state.path(), &command) else {
        return skip();
    };
    let screen = tmux.wait_for("· 33 / 33 · by date");
    assert!(screen.contains("state.json: not a marks file"), "{screen}");
    assert!(screen.contains("moved to"), "{screen}");
    tmux.press(&["m"]);
    tmux.wait_for("starred");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");

    let names: Vec<String> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("state.json.corrupt-")),
        "{names:?}"
    );
    let aside = names
        .iter()
        .find(|n| n.starts_with("state.json.corrupt-"))
        .unwrap();
    assert_eq!(
        std::fs::read(data.join(aside)).unwrap(),
        b"{\"format\": 1, \"read\": [tru"
    );
    assert_eq!(
        ids(&listed(&library, state.path(), "is:starred")),
        [NEWEST_ID]
    );
}

const NEW_ARTICLE: &str = "---
title: Lighthouse keepers return to the northern coast
date: 2027-01-05
sentiment_score: 8
sentiment_label: Positive
---
Keepers are back.
";

#[test]
fn files_added_changed_and_removed_while_open_show_at_once() {
    let state = tempfile::tempdir().unwrap();
    let library = state.path().join("library");
    copy_samples(&library);
    let command = reader_command(&shell_quote(&library.display().to_string()), state.path());
    let Some(tmux) = Tmux::start("live", 120, 30, state.path(), &command) else {
        return skip();
    };
    tmux.wait_for("· 33 / 33 · by date");
    // The fourth row selected, which the preview on the right shows.
    tmux.press(&["j", "j", "j"]);
    let screen = tmux.wait_for("│ Sky survey releases");
    let sky_row = |screen: &str| screen.lines().position(|l| l.starts_with("•  2026-02-27"));
    assert_eq!(sky_row(&screen), Some(4), "{screen}");

    let added = Instant::now();
    std::fs::write(library.join("lighthouse.md"), NEW_ARTICLE).unwrap();
    let screen = tmux.wait_for("· 34 / 34 · by date");
    eprintln!("a new file showed after {:?}", added.elapsed());
    assert_eq!(
        screen
            .lines()
            .nth(1)
            .map(|l| l.contains("Lighthouse keepers")),
        Some(true),
        "{screen}"
    );
    assert!(
        screen.contains("│ Sky survey releases"),
        "the selection stays:\n{screen}"
    );
    assert_eq!(
        sky_row(&screen),
        Some(5),
        "the list keeps its scroll: the selected article moved down a row under the new one"
    );

    std::fs::write(
        library.join("lighthouse.md"),
        NEW_ARTICLE.replace("Lighthouse keepers return", "Lighthouse keepers stay"),
    )
    .unwrap();
    tmux.wait_for("Lighthouse keepers stay");

    std::fs::remove_file(library.join("lighthouse.md")).unwrap();
    let screen = tmux.wait_for("· 33 / 33 · by date");
    assert!(!screen.contains("Lighthouse keepers"), "{screen}");
    assert!(
        screen.contains("│ Sky survey releases"),
        "the selection stays:\n{screen}"
    );

    // Deleting the selected article leaves the cursor where it was.
    let sky = std::fs::read_dir(&library)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .contains("Sky survey releases")
        })
        .unwrap();
    std::fs::remove_file(sky).unwrap();
    let screen = tmux.wait_for("· 32 / 32 · by date");
    assert!(!screen.contains("Sky survey releases"), "{screen}");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");

    // The cache the reloads left behind answers as the files do.
    let cache = state.path().display().to_string();
    let listed = moodwire_with_env(
        &["list", &library.display().to_string(), "--format", "ndjson"],
        &library,
        &[("MOODWIRE_CACHE_DIR", &cache)],
    );
    assert_eq!(listed.stdout.lines().count(), 32);
    assert!(!listed.stdout.contains("Sky survey") && !listed.stdout.contains("Lighthouse"));
}

#[test]
fn no_watch_leaves_the_list_until_asked() {
    let state = tempfile::tempdir().unwrap();
    let library = state.path().join("library");
    copy_samples(&library);
    let args = format!("--no-watch {}", shell_quote(&library.display().to_string()));
    let Some(tmux) = Tmux::start(
        "nowatch",
        100,
        30,
        state.path(),
        &reader_command(&args, state.path()),
    ) else {
        return skip();
    };
    tmux.wait_for("· 33 / 33 · by date");
    std::fs::write(library.join("lighthouse.md"), NEW_ARTICLE).unwrap();
    // Asserting that something does not happen needs a wait: well past the watcher's delay.
    std::thread::sleep(Duration::from_millis(1500));
    assert!(tmux.screen().contains("33 / 33"), "{}", tmux.screen());
    tmux.press(&["r"]);
    tmux.wait_for("· 34 / 34 · by date");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");
}

#[test]
fn marks_follow_a_library_that_moves() {
    let state = tempfile::tempdir().unwrap();
    let data = state.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(
        data.join("state.json"),
        format!(r#"{{"format":1,"read":["{NEWEST_ID}"],"starred":["{NEWEST_ID}"]}}"#),
    )
    .unwrap();
    let before = state.path().join("news");
    copy_samples(&before);
    assert_eq!(
        ids(&listed(&before, state.path(), "is:read is:starred")),
        [NEWEST_ID]
    );
    let after = state.path().join("elsewhere/news-moved");
    std::fs::create_dir(state.path().join("elsewhere")).unwrap();
    std::fs::rename(&before, &after).unwrap();
    let moved = listed(&after, state.path(), "");
    let marked: Vec<&serde_json::Value> = moved.iter().filter(|a| a["starred"] == true).collect();
    assert_eq!(marked.len(), 1);
    assert_eq!(marked[0]["id"], NEWEST_ID);
    assert_eq!(marked[0]["read"], true);
}

/// The reader shows a library before it writes the library's cache, and waits for that on the
/// way out: quitting as soon as the library shows still leaves the cache for the next start.
#[test]
fn quitting_as_soon_as_the_library_shows_leaves_its_cache() {
    let state = tempfile::tempdir().unwrap();
    let library = state.path().join("library");
    std::fs::create_dir_all(&library).unwrap();
    for n in 0..1000 {
        let words: String = (0..200)
            .map(|w| format!("word{} ", (n * 7 + w * 13) % 5000))
            .collect();
        let text = format!("---\ntitle: Story {n}\n---\n{words}\n");
        std::fs::write(library.join(format!("{n:04}.md")), text).unwrap();
    }
    let command = reader_command(&shell_quote(&library.display().to_string()), state.path());
    let Some(tmux) = Tmux::start("quick-quit", 100, 30, state.path(), &command) else {
        return skip();
    };
    // The whole library, not the last articles streamed in while it loads.
    tmux.wait("the library", Duration::from_secs(60), |screen| {
        screen.contains("· 1000 / 1000 ·") && !screen.contains("reading")
    });
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");
    let caches: Vec<String> = std::fs::read_dir(state.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("library-") && name.ends_with(".cache"))
        .collect();
    assert_eq!(caches.len(), 1, "{caches:?}");
}

/// An article open in the reader follows its file: an edit shows the new text at the same
/// place, and a deletion is said in the status bar while the text read stays.
#[test]
fn a_file_edited_under_an_open_article_shows_its_new_text() {
    let state = tempfile::tempdir().unwrap();
    let library = state.path().join("library");
    std::fs::create_dir(&library).unwrap();
    let file = library.join("story.md");
    let paragraphs: Vec<String> = (1..=40)
        .map(|n| format!("Paragraph {n} of the story."))
        .collect();
    std::fs::write(&file, format!("# Story\n\n{}\n", paragraphs.join("\n\n"))).unwrap();
    let command = reader_command(&shell_quote(&library.display().to_string()), state.path());
    let Some(tmux) = Tmux::start("follow", 100, 30, state.path(), &command) else {
        return skip();
    };
    tmux.wait_for("· 1 / 1 ·");
    tmux.press(&["Enter"]);
    // The body, not only the title the reader shows while it is read: a key pressed before
    // it came would scroll a page of four lines.
    tmux.wait_for("Paragraph 13 of the story.");
    tmux.press(&["j", "j", "j", "j"]);
    tmux.wait_for("line 5/");

    let edited = format!(
        "# Story\n\n{}\n",
        paragraphs.join("\n\nEdited while open. ")
    );
    std::fs::write(&file, edited).unwrap();
    let screen = tmux.wait_for("Edited while open. Paragraph");
    assert!(
        screen.contains("line 5/"),
        "the reader keeps its place:\n{screen}"
    );

    std::fs::remove_file(&file).unwrap();
    let screen = tmux.wait_for("is gone; the text shown is as it was read");
    assert!(screen.contains("Edited while open."), "{screen}");
    tmux.press(&["q"]);
    tmux.wait_for("· 0 / 0 ·");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");
}

#[test]
fn a_configured_folder_that_comes_while_the_reader_is_open_is_read_on_reload() {
    let state = tempfile::tempdir().unwrap();
    let here = state.path().join("here");
    let mounted = state.path().join("mounted");
    std::fs::create_dir_all(&here).unwrap();
    let article = |title: &str| format!("---\ntitle: {title}\ndate: 2026-01-02\n---\nText.\n");
    std::fs::write(here.join("a.md"), article("Always here")).unwrap();
    let config = state.path().join("config/moodwire");
    std::fs::create_dir_all(&config).unwrap();
    let yaml = format!(
        "library:\n  - {}\n  - {}\n",
        shell_quote(&here.display().to_string()),
        shell_quote(&mounted.display().to_string())
    );
    std::fs::write(config.join("config.yaml"), yaml).unwrap();
    let command = reader_command("", state.path());
    let Some(tmux) = Tmux::start("mounted", 120, 20, state.path(), &command) else {
        return skip();
    };
    tmux.wait_for("named in the configuration's `library`");
    tmux.wait_for("Always here");

    // The drive is mounted: the folder and its article are there now.
    std::fs::create_dir_all(&mounted).unwrap();
    std::fs::write(mounted.join("b.md"), article("Come with the drive")).unwrap();
    tmux.press(&["r"]);
    let screen = tmux.wait_for("Come with the drive");
    assert!(screen.contains("Always here"), "{screen}");
    assert!(screen.contains("mounted: there now, and read"), "{screen}");

    // It is followed as the other folder is: a file added to it comes without a key.
    std::fs::write(mounted.join("c.md"), article("Later on the drive")).unwrap();
    tmux.wait_for("Later on the drive");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");
}
