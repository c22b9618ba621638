//! The command line over the sample library, run as a process.

mod common;

use common::{moodwire, moodwire_with_closed_stdout, moodwire_with_env, repository};
use serde_json::Value;

const SEED_ID: &str = "2026-02-01-russia-foreign-technology-imports.md";
const SAMPLE_COUNT: usize = 33;

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

fn list_json(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["list", "--format", "json"];
    all.extend_from_slice(args);
    let run = moodwire(&all, repository());
    assert_eq!(run.code, 0, "{}", run.stderr);
    match json(&run.stdout) {
        Value::Array(items) => items,
        other => panic!("not an array: {other}"),
    }
}

fn ids(items: &[Value]) -> Vec<&str> {
    items
        .iter()
        .map(|item| item["id"].as_str().unwrap_or("?"))
        .collect()
}

#[test]
fn json_lists_the_seed_article_exactly() {
    let items = list_json(&["sample-articles"]);
    assert_eq!(items.len(), SAMPLE_COUNT);
    let seed = items
        .iter()
        .find(|i| i["id"] == SEED_ID)
        .expect("the seed article is listed");
    assert_eq!(
        seed["title"],
        "Russia struggles to shake reliance on foreign technology imports"
    );
    assert_eq!(seed["path"], format!("sample-articles/{SEED_ID}"));
    assert_eq!(seed["date"], "2026-02-01T06:48:05");
    assert_eq!(seed["category"], "News");
    assert_eq!(
        seed["source_url"],
        "https://www.ft.com/content/80cd2d5a-9aa4-40a4-b0fc-a2d1080622f7"
    );
    assert_eq!(seed["sentiment"]["label"], "Bearish/Negative");
    assert_eq!(seed["sentiment"]["score"], 4);
    assert_eq!(seed["sentiment"]["bucket"], "negative");
    assert_eq!(seed["sentiment"]["origin"], "file");
    assert_eq!(seed["tldr"].as_array().map(Vec::len), Some(3));
    assert_eq!(seed["words"], 249);
    assert_eq!(seed["warnings"], Value::Array(vec![]));
}

#[test]
fn json_objects_have_exactly_the_documented_keys() {
    let items = list_json(&[]);
    for item in &items {
        let keys: Vec<&str> = item
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = [
            "id",
            "path",
            "title",
            "date",
            "category",
            "tags",
            "source_url",
            "author",
            "sentiment",
            "tldr",
            "tldr_origin",
            "words",
            "warnings",
            "read",
            "starred",
        ];
        expected.sort();
        let mut keys = keys.clone();
        keys.sort();
        assert_eq!(keys, expected);
        let mut sentiment: Vec<&str> = item["sentiment"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        sentiment.sort();
        assert_eq!(sentiment, ["bucket", "label", "origin", "score"]);
    }
}

#[test]
fn untagged_articles_have_an_estimated_sentiment() {
    let items = list_json(&["--label", "untagged"]);
    assert_eq!(items.len(), 3);
    for item in &items {
        let s = &item["sentiment"];
        assert_eq!(s["origin"], "estimated");
        let score = s["score"].as_f64().unwrap();
        let bucket = moodwire::article::Scale::default().bucket(score);
        assert_eq!(s["bucket"], bucket.as_str());
        assert_eq!(s["label"], bucket.canonical_label());
    }
    for item in list_json(&["--query", "-label:untagged"]) {
        assert_eq!(item["sentiment"]["origin"], "file");
    }
}

#[test]
fn default_order_is_newest_first_with_undated_last() {
    let items = list_json(&[]);
    let dates: Vec<Option<&str>> = items.iter().map(|i| i["date"].as_str()).collect();
    let dated: Vec<&str> = dates.iter().flatten().copied().collect();
    let mut sorted = dated.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dated, sorted);
    let first_undated = dates
        .iter()
        .position(Option::is_none)
        .expect("some samples are undated");
    assert!(
        dates[first_undated..].iter().all(Option::is_none),
        "undated articles come last"
    );
}

#[test]
fn label_filter_accepts_bucket_names_synonyms_and_label_text() {
    // Ten files say negative, and two of the three untagged samples are estimated negative.
    assert_eq!(list_json(&["--label", "negative"]).len(), 12);
    assert_eq!(list_json(&["--label", "bearish"]).len(), 12);
    assert_eq!(list_json(&["--label", "Positive"]).len(), 10);
    assert_eq!(list_json(&["--label", "neutral"]).len(), 11);
    let mixed = list_json(&["--label", "mix"]);
    assert_eq!(
        ids(&mixed),
        ["2025-12-01-housing-data-sends-mixed-signals.md"]
    );
}

#[test]
fn query_matches_word_prefixes() {
    // The two files holding a word that starts with "sanction" (grep -il over sample-articles).
    let mut found = ids(&list_json(&["--query", "sanction"]))
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>();
    found.sort();
    assert_eq!(
        found,
        [
            SEED_ID,
            "us-failed-to-counter-russia-import-substitution.txt"
        ]
    );
    assert_eq!(
        ids(&list_json(&["--query", "SANCTIONS russia"])).len(),
        2,
        "every word must match, in any case"
    );
    assert!(list_json(&["--query", "sanction xylophone"]).is_empty());
    assert!(
        list_json(&["--query", "anction"]).is_empty(),
        "words match from their start"
    );
}

#[test]
fn sort_and_limit() {
    let by_score = list_json(&["--sort", "score", "--limit", "3"]);
    assert_eq!(by_score.len(), 3);
    assert_eq!(by_score[0]["sentiment"]["score"], 9);
    let by_title = list_json(&["--sort", "title"]);
    let titles: Vec<String> = by_title
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_lowercase())
        .collect();
    let mut sorted = titles.clone();
    sorted.sort();
    assert_eq!(titles, sorted);
}

#[test]
fn ndjson_is_one_object_per_line() {
    let run = moodwire(&["list", "--format", "ndjson"], repository());
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), SAMPLE_COUNT);
    for line in lines {
        assert!(json(line).is_object());
    }
}

#[test]
fn table_has_aligned_columns_and_no_styling_when_piped() {
    let run = moodwire(
        &[
            "list",
            "--label",
            "negative",
            "--query",
            "-label:untagged",
            "--sort",
            "score",
            "--limit",
            "2",
        ],
        repository(),
    );
    assert_eq!(run.code, 0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    assert!(
        lines[0].starts_with("   DATE        SENTIMENT  CATEGORY"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("•  2026-02-01  ▼ neg 4    News      Russia struggles"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("•  2026-01-09  ▼ neg 3.5  Health    Hospitals ration"),
        "{}",
        lines[2]
    );
    assert!(!run.stdout.contains('\x1b'));
    assert_eq!(
        run.stderr.trim(),
        "moodwire: no PATH given; reading ./sample-articles"
    );
}

#[test]
fn show_renders_an_article_by_id() {
    let run = moodwire(&["show", SEED_ID], repository());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "Russia struggles to shake reliance on foreign technology imports"
    );
    assert_eq!(
        lines[1],
        "2026-02-01 06:48 · News · ft.com · ▼ Bearish/Negative 4"
    );
    assert!(lines[3].starts_with("╭─ TL;DR"));
    assert!(
        run.stdout.contains("\n## International Sanctions\n"),
        "headings keep their markers"
    );
    assert!(
        run.stdout.contains("[1] https://www.iisd.org/"),
        "links are listed at the end"
    );
    assert!(!run.stdout.contains('\x1b'));
}

/// `show` wraps to `--width N`, else to `COLUMNS`; into a pipe with neither it does not wrap,
/// and a link's address is never broken, whatever the width.
#[test]
fn show_wraps_to_the_width_asked_and_not_at_all_into_a_pipe() {
    let paragraph = "Russia is facing significant challenges in replacing foreign technologies";
    let link = "[2] https://2021-2025.state.gov/the-impact-of-sanctions-and-export-controls-on-the-russian-federation/";
    let longest = |text: &str| text.lines().map(char_count).max().unwrap_or(0);

    let unwrapped = moodwire(&["show", SEED_ID], repository());
    assert_eq!(unwrapped.code, 0, "{}", unwrapped.stderr);
    let line = (unwrapped.stdout.lines())
        .find(|line| line.starts_with(paragraph))
        .expect("the paragraph is there");
    assert!(char_count(line) > 300, "a paragraph is one line: {line}");
    assert!(unwrapped.stdout.lines().any(|l| l == link));

    for (args, env, width) in [
        (&["show", SEED_ID, "--width", "60"][..], &[][..], 60),
        (
            &["show", SEED_ID, "-w", "40"][..],
            &[("COLUMNS", "90")][..],
            40,
        ),
        (&["show", SEED_ID][..], &[("COLUMNS", "72")][..], 72),
    ] {
        let run = moodwire_with_env(args, repository(), env);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let too_wide: Vec<&str> = (run.stdout.lines())
            .filter(|l| char_count(l) > width && !l.contains("https://"))
            .collect();
        assert!(too_wide.is_empty(), "{args:?} {env:?}: {too_wide:#?}");
        assert!(
            longest(&run.stdout) > width,
            "the address runs past {width}"
        );
        assert!(
            run.stdout.lines().any(|l| l == link),
            "{args:?}: the address is whole"
        );
        assert!(
            run.stdout
                .lines()
                .any(|l| char_count(l) >= width - 10 && !l.contains("https://")),
            "{args:?}: the text fills the width"
        );
    }
    let zero = moodwire_with_env(
        &["show", SEED_ID, "--width", "0"],
        repository(),
        &[("COLUMNS", "50")],
    );
    assert_eq!(zero.stdout, unwrapped.stdout, "--width 0 does not wrap");
}

fn char_count(line: &str) -> usize {
    line.chars().count()
}

#[test]
fn show_reads_a_file_path_directly() {
    let path = format!("sample-articles/{SEED_ID}");
    let run = moodwire(&["show", &path, "--format", "json"], repository());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let article = json(&run.stdout);
    assert_eq!(article["id"], SEED_ID);
    assert!(
        article["body"]
            .as_str()
            .unwrap()
            .starts_with("# Russia Struggles")
    );
    assert_eq!(run.stderr, "", "a file path needs no library");
}

#[test]
fn show_of_an_unknown_id_is_a_usage_error() {
    let run = moodwire(&["show", "no-such-article"], repository());
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.ends_with("moodwire: no article file, id or title matches \"no-such-article\"; `moodwire list` shows the articles\n"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
}

/// A path that leads nowhere is said to, rather than looked for as an id or title.
#[test]
fn show_of_a_missing_file_says_there_is_no_such_file() {
    let run = moodwire(&["show", "/no/such/article.md"], repository());
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr, "moodwire: /no/such/article.md: no such file\n");
    let run = moodwire(&["show", "no-such-article.md"], repository());
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.ends_with(
            "moodwire: no-such-article.md: no such file, nor an article with that id in the \
             library; `moodwire list` shows the articles\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn show_finds_an_article_by_words_of_its_title_or_id() {
    let run = moodwire(&["show", "fusion", "record"], repository());
    assert_eq!(run.code, 2, "show takes one argument");
    let run = moodwire(&["show", "Fusion rec"], repository());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("Fusion experiment sustains record plasma"),
        "{}",
        run.stdout
    );
    let run = moodwire(&["show", "russia-foreign"], repository());
    assert!(run.stdout.starts_with("Russia struggles"), "part of an id");
}

#[test]
fn show_lists_the_candidates_when_words_match_several_articles() {
    let run = moodwire(&["show", "chip"], repository());
    assert_eq!(run.code, 2);
    let expected = "moodwire: \"chip\" matches 3 articles; name one by its id:\n";
    assert!(run.stderr.contains(expected), "{}", run.stderr);
    assert!(run.stderr.contains("\n  2025-10-08-chipmaker-cuts-jobs-as-orders-slump.md  Memory chipmaker cuts 4,000 jobs"), "{}", run.stderr);
}

#[test]
fn check_reports_a_clean_library() {
    let run = moodwire(&["check", "sample-articles"], repository());
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        format!("{SAMPLE_COUNT} articles, 0 errors, 0 warnings\n")
    );
}

#[test]
fn stats_counts_buckets_labels_categories_scores_and_months() {
    let run = moodwire(&["stats", "--format", "json"], repository());
    assert_eq!(run.code, 0);
    let stats = json(&run.stdout);
    assert_eq!(stats["articles"], SAMPLE_COUNT);
    assert_eq!(
        stats["sentiment"],
        serde_json::json!({"positive": 10, "neutral": 11, "negative": 12, "untagged": 0})
    );
    assert_eq!(stats["estimated"], 3);
    assert_eq!(stats["labels"]["Bearish/Negative"], 7);
    assert_eq!(stats["categories"]["Business"], 5);
    assert_eq!(stats["scores"]["5"], 9);
    assert_eq!(stats["months"]["2026-02"], 6);
    assert_eq!(stats["undated"], 3);
    let table = moodwire(&["stats"], repository());
    assert!(
        table
            .stdout
            .contains("  negative  12  ██████████████████████████████\n"),
        "{}",
        table.stdout
    );
    assert!(
        table
            .stdout
            .contains("\n  3 of these estimated (their files carry none)\n"),
        "{}",
        table.stdout
    );
}

#[test]
fn stats_respects_filters() {
    let run = moodwire(
        &["stats", "--format", "json", "--label", "positive"],
        repository(),
    );
    let stats = json(&run.stdout);
    assert_eq!(stats["articles"], 10);
    assert_eq!(stats["sentiment"]["negative"], 0);
    let one = moodwire(
        &["stats", &format!("sample-articles/{SEED_ID}")],
        repository(),
    );
    assert!(one.stdout.starts_with("1 article\n"), "{}", one.stdout);
}

#[test]
fn without_a_sample_folder_the_built_in_library_is_used() {
    let elsewhere = tempfile::tempdir().unwrap();
    let run = moodwire(&["list", "--format", "ndjson"], elsewhere.path());
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.lines().count(), SAMPLE_COUNT);
    assert!(run.stdout.contains("\"path\":\"(built-in)/"));
    assert_eq!(
        run.stderr.trim(),
        "moodwire: no PATH given; reading the built-in sample library"
    );
    let show = moodwire(&["show", SEED_ID], elsewhere.path());
    assert_eq!(show.code, 0);
    assert!(show.stdout.starts_with("Russia struggles"));
}

#[test]
fn every_command_has_help() {
    for command in [
        &["--help"][..],
        &["list", "--help"],
        &["show", "--help"],
        &["check", "--help"],
        &["stats", "--help"],
    ] {
        let run = moodwire(command, repository());
        assert_eq!(run.code, 0, "{command:?}");
        assert!(
            run.stdout.contains("Usage: moodwire"),
            "{command:?}: {}",
            run.stdout
        );
    }
}

#[test]
fn bad_arguments_are_usage_errors() {
    for args in [
        &["list", "--sort", "mood"][..],
        &["list", "--limit", "-1"],
        &["frobnicate", "--now"],
        &["show"],
    ] {
        let run = moodwire(args, repository());
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains("error:"), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let library = tempfile::tempdir().unwrap();
    for i in 0..2000 {
        let text = format!("---\ntitle: Article number {i} with a fairly long title\n---\nBody\n");
        std::fs::write(library.path().join(format!("{i}.md")), text).unwrap();
    }
    let (code, stderr) =
        moodwire_with_closed_stdout(&["list", "--format", "ndjson", "."], library.path());
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn a_malformed_query_is_a_usage_error_before_anything_is_read() {
    for (query, message) in [
        (
            "score:>=abc",
            "moodwire: invalid --query: \"score:>=abc\": expected a score such as 7, >=7, <3 or 3..5\n",
        ),
        (
            "date:2026-13",
            "moodwire: invalid --query: \"date:2026-13\": expected a date such as 2026-02, >=2026-01-15, 2025-12..2026-01, today or >=7d\n",
        ),
    ] {
        for command in ["list", "stats"] {
            let run = moodwire(&[command, "--query", query], repository());
            assert_eq!(run.code, 2, "{command} {query}");
            assert_eq!(run.stderr, message);
            assert_eq!(run.stdout, "");
        }
    }
}

#[test]
fn the_query_language_works_from_the_command_line() {
    let items = list_json(&[
        "--query",
        "label:negative score:<3 -category:markets -label:untagged",
    ]);
    let titles: Vec<&str> = items.iter().map(|i| i["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Floods leave thousands homeless and insurers facing record losses",
            "Department store chain files for bankruptcy and plans to close 140 stores",
        ]
    );
    let items = list_json(&["--query", "date:2025-10 title:chip"]);
    assert_eq!(
        ids(&items),
        [
            "2025-10-30-chip-designer-posts-record-profit.md",
            "2025-10-08-chipmaker-cuts-jobs-as-orders-slump.md"
        ]
    );
}

#[test]
fn a_path_that_does_not_exist_is_a_usage_error() {
    for command in [
        &["list", "no-such-folder"][..],
        &["stats", "no-such-folder"],
        &["check", "no-such-folder"],
        &["no-such-folder"],
    ] {
        let run = moodwire(command, repository());
        assert_eq!(run.code, 2, "{command:?}");
        assert!(
            run.stderr
                .ends_with("moodwire: no-such-folder: no such file or folder\n"),
            "{command:?}: {}",
            run.stderr
        );
    }
    let run = moodwire(&["show", "-l", "no-such-folder", "fusion"], repository());
    assert_eq!(run.code, 2);
}

#[test]
fn a_file_named_twice_or_with_its_folder_is_loaded_once() {
    let path = format!("sample-articles/{SEED_ID}");
    let run = moodwire(&["check", &path, &path], repository());
    assert_eq!(run.stdout, "1 article, 0 errors, 0 warnings\n");
    let run = moodwire(
        &["check", &path, "sample-articles", "./sample-articles/"],
        repository(),
    );
    assert_eq!(
        run.stdout,
        format!("{SAMPLE_COUNT} articles, 0 errors, 0 warnings\n")
    );
}

#[test]
fn the_same_path_in_two_folders_is_warned_about_and_each_has_its_own_id() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    for folder in ["a", "b"] {
        std::fs::create_dir(root.join(folder)).unwrap();
        std::fs::write(
            root.join(folder).join("same.md"),
            format!("# From {folder}\n\nText\n"),
        )
        .unwrap();
    }
    let later = root.join("b/same.md").display().to_string();
    let run = moodwire(&["check", "a", "b"], &root);
    assert_eq!(run.code, 0, "a warning is not an error");
    assert_eq!(
        run.stdout,
        format!(
            "b/same.md: warning: the id `same.md` is also the id of a/same.md; this one's id is \
             its path, `{later}`\n2 articles, 0 errors, 1 warning\n"
        )
    );
    for (id, title) in [("same.md", "From a"), (later.as_str(), "From b")] {
        let run = moodwire(&["show", "-l", "a", "-l", "b", id], &root);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stdout.starts_with(&format!("{title}\n")),
            "{}",
            run.stdout
        );
    }
    let run = moodwire(&["show", "b/same.md"], &root);
    assert!(run.stdout.starts_with("From b\n"), "{}", run.stdout);
}

#[test]
fn show_says_what_is_wrong_with_what_it_was_given() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lib")).unwrap();
    std::fs::write(dir.path().join("lib/bad.md"), "---\ntitle: [oops\n---\n").unwrap();
    let run = moodwire(&["show", "lib"], dir.path());
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (2, "moodwire: lib is a folder; show takes one article\n")
    );
    let run = moodwire(&["show", "-l", "lib", "bad.md"], dir.path());
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.ends_with(
            "lib/bad.md: error: invalid YAML front matter at line 2: unclosed bracket '['\n"
        ),
        "{}",
        run.stderr
    );
    let run = moodwire(&["show", "--", "-x"], repository());
    assert_eq!(run.code, 2, "one letter picks out nothing: {}", run.stdout);
}

#[test]
fn without_a_terminal_the_reader_points_to_list() {
    let run = moodwire(&[], repository());
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "moodwire: the reader needs a terminal; `moodwire list` prints the articles instead\n"
    );
}

/// `OR`, groups, saved searches from the configuration and dates counted back from today, as
/// `list --query` reads them.
#[test]
fn queries_with_or_groups_saved_searches_and_relative_dates() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library");
    std::fs::create_dir(&library).unwrap();
    let today = jiff::Zoned::now().date();
    let days_ago = |n: i64| today.checked_sub(jiff::Span::new().days(n)).unwrap();
    for (name, front) in [
        (
            "oil.md",
            format!(
                "title: Oil output\ncategory: Energy\nsentiment_score: 6\ndate: {}",
                days_ago(2)
            ),
        ),
        (
            "gas.md",
            format!(
                "title: Gas shortage\ncategory: Energy\nsentiment_score: 2\ndate: {}",
                days_ago(20)
            ),
        ),
        (
            "cup.md",
            format!(
                "title: Cup final\ncategory: Sport\nsentiment_score: 2\ndate: {}",
                days_ago(40)
            ),
        ),
    ] {
        std::fs::write(library.join(name), format!("---\n{front}\n---\nBody.\n")).unwrap();
    }
    let config = dir.path().join("config.yaml");
    std::fs::write(&config, "queries:\n  energy: title:oil OR title:gas\n").unwrap();
    let ids = |query: &str| {
        let run = common::moodwire_with_env(
            &[
                "list",
                library.to_str().unwrap(),
                "--query",
                query,
                "-f",
                "ndjson",
                "--sort",
                "title",
            ],
            dir.path(),
            &[("MOODWIRE_CONFIG", config.to_str().unwrap())],
        );
        assert_eq!(run.code, 0, "{query}: {}", run.stderr);
        run.stdout
            .lines()
            .map(|line| json(line)["id"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids("oil OR gas"), ["gas.md", "oil.md"]);
    assert_eq!(
        ids("(label:negative OR score:<3) -category:sport"),
        ["gas.md"]
    );
    assert_eq!(ids("@energy label:negative"), ["gas.md"]);
    assert_eq!(ids("date:>=7d"), ["oil.md"]);
    assert_eq!(ids("date:<2w"), ["cup.md", "gas.md"]);
    assert_eq!(ids("date:today"), Vec::<String>::new());
    let run = common::moodwire_with_env(
        &["list", library.to_str().unwrap(), "--query", "@sport"],
        dir.path(),
        &[("MOODWIRE_CONFIG", config.to_str().unwrap())],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("no saved search is called `sport`; saved: energy"),
        "{}",
        run.stderr
    );
}

/// Through the index, cached or not: a word of Chinese or Japanese, written without spaces, is
/// found in the middle of the sentence it is in.
#[test]
fn chinese_and_japanese_words_are_found_by_search() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("news");
    std::fs::create_dir(&library).unwrap();
    std::fs::write(
        library.join("zh.md"),
        "---\ntitle: 央行宣布下调存款准备金率\n---\n此举预计将释放长期资金约一万亿元。\n",
    )
    .unwrap();
    std::fs::write(
        library.join("ja.md"),
        "---\ntitle: 日銀が金融政策を据え置き\n---\n植田総裁は記者会見で述べた。\n",
    )
    .unwrap();
    let cache = dir.path().join("cache").display().to_string();
    let news = library.display().to_string();
    // `show` picks a title out by a word of it, in order, as written.
    for (words, expected) in [
        ("日銀", "日銀が金融政策を据え置き"),
        ("存款", "央行宣布下调存款准备金率"),
    ] {
        let run = moodwire(
            &["show", "-l", &news, words, "--format", "json"],
            dir.path(),
        );
        assert_eq!(run.code, 0, "{words}: {}", run.stderr);
        let shown: Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(shown["title"], expected, "{words}");
    }
    let run = moodwire(&["show", "-l", &news, "行央"], dir.path());
    assert_ne!(
        run.code, 0,
        "characters out of order pick nothing: {}",
        run.stdout
    );
    for round in ["cold", "warm"] {
        for (query, expected) in [
            ("存款准备金率", "zh.md"),
            ("长期资金", "zh.md"),
            ("据え置き", "ja.md"),
            ("記者会見", "ja.md"),
        ] {
            let run = moodwire_with_env(
                &["list", &news, "--query", query, "--format", "ndjson"],
                dir.path(),
                &[("MOODWIRE_CACHE_DIR", &cache)],
            );
            assert_eq!(run.code, 0, "{}", run.stderr);
            let found: Vec<Value> = run
                .stdout
                .lines()
                .map(|line| serde_json::from_str(line).unwrap())
                .collect();
            assert_eq!(found.len(), 1, "{round} {query}: {}", run.stdout);
            assert_eq!(found[0]["id"], expected, "{round} {query}");
        }
    }
}
