//! Raw pages through the binary: a scraped page (the project's seed 004, when the seeds are at
//! hand, and a page of our own), a saved web page, estimated TL;DRs and `tag --write --tldr`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{assert_terminal_safe, moodwire};
use serde_json::Value;

/// The seeds: `$MOODWIRE_SEEDS`, else `../shared/seeds` beside the repository (where CI puts
/// the shared folder), else `seeds` beside `$MOODWIRE_CORPORA`.
fn seeds() -> Option<PathBuf> {
    let repository = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("MOODWIRE_SEEDS").map(PathBuf::from),
        Some(repository.join("../shared/seeds")),
        std::env::var_os("MOODWIRE_CORPORA").map(|c| Path::new(&c).join("../seeds")),
    ];
    let found = candidates.into_iter().flatten().find(|p| p.is_dir());
    if found.is_none() {
        eprintln!("skipped: no seeds (set MOODWIRE_SEEDS to the shared seeds folder)");
    }
    found
}

/// The seed whose name starts with `prefix`, copied into `dir`.
fn copy_seed(prefix: &str, dir: &Path) -> Option<PathBuf> {
    let seeds = seeds()?;
    let seed = fs::read_dir(&seeds)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })?;
    let copy = dir.join(seed.file_name()?);
    // Its bytes, not its mode: the seeds may be read-only, which the tag writer refuses.
    fs::write(&copy, fs::read(&seed).ok()?).ok()?;
    Some(copy)
}

fn json(args: &[&str], dir: &Path) -> Value {
    let run = moodwire(args, dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout))
}

fn show_json(file: &Path) -> Value {
    let dir = file.parent().unwrap();
    let name = file.file_name().unwrap().to_str().unwrap();
    json(&["show", "--format", "json", name], dir)
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"))
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

const SEED_FURNITURE: [&str; 3] = [
    "Leave a Comment",
    "Your email address will not be published. Required fields are marked *",
    "Scroll to Top",
];

#[test]
fn seed_004_reads_as_its_headline_and_article() {
    let dir = tempfile::tempdir().unwrap();
    let Some(seed) = copy_seed("004_", dir.path()) else {
        return;
    };
    let original = fs::read_to_string(&seed).unwrap();
    let article = show_json(&seed);
    assert_eq!(
        article["title"],
        "US Has Failed to Counter Russia’s Import Substitution Strategy"
    );
    let body = article["body"].as_str().unwrap();
    for line in SEED_FURNITURE {
        assert!(!body.contains(line), "{line} in the body");
        assert!(
            strings(&article["furniture"]).iter().any(|l| l == line),
            "{line}"
        );
    }
    assert!(
        !body.contains("Putin and Xi at Beijing Olympics"),
        "the caption in the body"
    );
    // Every line of the article's own text, from its first paragraph to its last.
    let lines: Vec<&str> = original
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let first = lines
        .iter()
        .position(|l| l.starts_with("On February 8"))
        .unwrap();
    let last = lines
        .iter()
        .position(|l| l.starts_with("Nevertheless"))
        .unwrap();
    for line in &lines[first..=last] {
        assert!(body.contains(line), "{line} left out");
    }
    // A TL;DR of two or three of its sentences, marked as estimated.
    let tldr = strings(&article["tldr"]);
    assert!((2..=3).contains(&tldr.len()), "{tldr:?}");
    for sentence in &tldr {
        assert!(
            body.contains(sentence.as_str()),
            "{sentence} is not the article's"
        );
        assert!(!SEED_FURNITURE.iter().any(|f| sentence.contains(f)));
    }
    assert_eq!(article["tldr_origin"], "estimated");

    // Shown without its furniture, and with it under --all.
    let shown = moodwire(
        &["show", seed.file_name().unwrap().to_str().unwrap()],
        dir.path(),
    );
    for line in SEED_FURNITURE {
        assert!(!shown.stdout.contains(line), "{line} shown");
    }
    assert!(
        shown.stdout.contains("TL;DR (estimated)"),
        "{}",
        shown.stdout
    );
    let all = moodwire(
        &["show", "--all", seed.file_name().unwrap().to_str().unwrap()],
        dir.path(),
    );
    for line in [
        "Leave a Comment",
        "Scroll to Top",
        "Putin and Xi at Beijing Olympics",
    ] {
        assert!(all.stdout.contains(line), "{line} not shown by --all");
    }
    // Not found by its furniture.
    for query in [
        "\"scroll to top\"",
        "\"leave a comment\"",
        "\"required fields\"",
    ] {
        let found = json(
            &[
                "list",
                "--format",
                "json",
                "--no-cache",
                "--query",
                query,
                ".",
            ],
            dir.path(),
        );
        assert_eq!(
            found.as_array().map(Vec::len),
            Some(0),
            "{query} finds the seed"
        );
    }
    let found = json(
        &[
            "list",
            "--format",
            "json",
            "--no-cache",
            "--query",
            "sanctions",
            ".",
        ],
        dir.path(),
    );
    assert_eq!(found.as_array().map(Vec::len), Some(1));
    assert_eq!(found[0]["tldr_origin"], "estimated");

    // Written down, it reads as a finished article: its headline as `title:`, its TL;DR as
    // the file's own, and every byte it had below the new front matter.
    let name = seed.file_name().unwrap().to_str().unwrap();
    let run = moodwire(&["tag", "--write", "--tldr", name], dir.path());
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let written = fs::read_to_string(&seed).unwrap();
    assert!(written.ends_with(&original));
    assert!(
        written.starts_with(
            "---\ntitle: \"US Has Failed to Counter Russia’s Import Substitution Strategy\"\n"
        ),
        "{written}"
    );
    let after = show_json(&seed);
    assert_eq!(after["title"], article["title"]);
    assert_eq!(after["tldr"], article["tldr"]);
    assert_eq!(after["tldr_origin"], "file");
    assert_eq!(after["body"], article["body"]);
}

#[test]
fn seed_000_keeps_its_own_tldr() {
    let dir = tempfile::tempdir().unwrap();
    let Some(seed) = copy_seed("000_", dir.path()) else {
        return;
    };
    let article = show_json(&seed);
    assert_eq!(article["tldr_origin"], "file");
    assert_eq!(strings(&article["tldr"]).len(), 3);
    assert!(strings(&article["tldr"])[0].starts_with("Russia is struggling to replace"));
    assert_eq!(article["furniture"], Value::Array(vec![]));
    let shown = moodwire(
        &["show", seed.file_name().unwrap().to_str().unwrap()],
        dir.path(),
    );
    assert!(shown.stdout.contains("─ TL;DR ─"), "{}", shown.stdout);
    assert!(!shown.stdout.contains("(estimated)"));
}

#[test]
fn a_saved_page_is_an_article_in_a_folder_and_shown_without_its_source() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("harbour.html");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages/harbour.html"),
        &page,
    )
    .unwrap();
    let listed = json(&["list", "--format", "json", "--no-cache", "."], dir.path());
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
    let article = &listed[0];
    assert_eq!(article["id"], "harbour.html");
    assert_eq!(article["title"], "Port strike halts grain exports");
    assert_eq!(article["date"], "2024-03-05T09:30:00Z");
    assert_eq!(
        article["source_url"],
        "https://harbour.example/news/2024/03/05/port-strike"
    );
    assert_eq!(article["author"], "Maria Lopez");
    assert_eq!(article["tldr_origin"], "estimated");

    let shown = moodwire(&["show", "harbour.html"], dir.path());
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert_terminal_safe(&shown.stdout, "show harbour.html");
    for left_out in [
        "<p>",
        "<html",
        "SCRIPT-TEXT",
        "STYLE-TEXT",
        "Buy a boat",
        "Leave a Reply",
        "All rights reserved",
    ] {
        assert!(
            !shown.stdout.contains(left_out),
            "{left_out} shown:\n{}",
            shown.stdout
        );
    }
    assert!(shown.stdout.contains("Dock workers"));
    assert!(shown.stdout.contains("What farmers say"));
    assert!(
        shown.stdout.contains("https://harbour.example/wheat"),
        "the link is listed"
    );

    let full = show_json(&page);
    let body = full["body"].as_str().unwrap();
    assert!(body.contains("in a row, traders said."), "{body}");
    assert!(
        !body.contains("https://"),
        "a link's address in the body: {body}"
    );
    assert_eq!(strings(&full["links"]), ["https://harbour.example/wheat"]);
    assert!(
        strings(&full["furniture"])
            .iter()
            .any(|l| l == "Leave a Reply")
    );
    let all = json(
        &["show", "--format", "json", "--all", "harbour.html"],
        dir.path(),
    );
    assert!(all["body"].as_str().unwrap().contains("Leave a Reply"));
}

#[test]
fn a_scrape_written_with_its_tldr_reads_as_a_finished_article() {
    let dir = tempfile::tempdir().unwrap();
    let page = "Menu\n\nHome\n\nHarbour cranes at the terminal\n\n\
        Port Strike Halts Grain Exports as Talks Stall\n\n\
        Dock workers at the country's largest port extended their strike on Tuesday, leaving more than forty grain ships waiting offshore and pushing up the price of wheat.\n\n\
        The union said it would not return to work until the port authority agreed to a new pay scale, and the authority said it had offered the largest increase in a decade.\n\n\
        Farmers in the north said their silos were full and that they had started to store grain in the open, where a week of rain could ruin all of it.\n\n\
        The transport minister said the government would not intervene for now, but that it would act if food prices kept rising through the month.\n\n\
        Leave a Comment\n\nScroll to Top\n";
    let file = dir.path().join("strike.txt");
    fs::write(&file, page).unwrap();
    let before = show_json(&file);
    let run = moodwire(&["tag", "--write", "--tldr", "strike.txt"], dir.path());
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let written = fs::read_to_string(&file).unwrap();
    // The new front matter, then every byte of the file as it was.
    let (head, rest) = written.split_at(written.find("---\n").unwrap() + 4);
    assert_eq!(head, "---\n");
    let end = rest.find("---\n").unwrap();
    assert_eq!(&rest[end + 4..], page, "the old bytes are kept");
    let block = &rest[..end];
    assert!(
        block.starts_with("title: \"Port Strike Halts Grain Exports as Talks Stall\"\n"),
        "{block}"
    );
    assert!(block.contains("sentiment_score: "));
    assert!(block.contains("\ntldr:\n  - \""), "{block}");
    let after = show_json(&file);
    assert_eq!(after["title"], before["title"]);
    assert_eq!(after["tldr"], before["tldr"]);
    assert_eq!(after["tldr_origin"], "file");
    assert_eq!(after["body"], before["body"]);
    assert_eq!(after["sentiment"]["origin"], "file");
}

#[test]
fn tldr_is_written_into_existing_front_matter_keeping_every_other_byte() {
    let dir = tempfile::tempdir().unwrap();
    let text = "---\r\ntitle: \"Rates on hold\"   # a comment\r\ncategory: Markets\r\n---\r\n\r\n\
        The central bank kept its rates where they were on Thursday, as markets had expected it to do.\r\n\r\n\
        Inflation has fallen for six months in a row and is now close to the bank's target of two per cent.\r\n";
    let file = dir.path().join("rates.md");
    fs::write(&file, text).unwrap();
    let run = moodwire(&["tag", "--write", "--tldr", "rates.md"], dir.path());
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let written = fs::read_to_string(&file).unwrap();
    let close = text.find("---\r\n\r\n").unwrap();
    assert_eq!(&written[..close], &text[..close]);
    assert!(written.ends_with(&text[close..]));
    let inserted = &written[close..written.len() - (text.len() - close)];
    assert!(
        inserted.contains("\r\ntldr:\r\n  - \"The central bank kept"),
        "{inserted:?}"
    );
    assert!(
        !inserted.replace("\r\n", "").contains('\n'),
        "bare line ends: {inserted:?}"
    );
}

#[test]
fn a_saved_page_is_not_written_into() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("harbour.html");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages/harbour.html"),
        &page,
    )
    .unwrap();
    let before = fs::read(&page).unwrap();
    let run = moodwire(&["tag", "--write", "harbour.html"], dir.path());
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("saved web page"), "{}", run.stdout);
    assert_eq!(fs::read(&page).unwrap(), before);
}

/// The article of a file that carries a sentiment but no TL;DR: CRLF line ends, a comment, a
/// label that is not one of the canonical ones.
const TAGGED_WITHOUT_TLDR: &str = "---\r\ntitle: Rates on hold # the wire's\r\n\
    sentiment_score: 4\r\nsentiment_label: 'Cautious'\r\n---\r\n\r\n\
    The central bank kept its rates where they were on Thursday, as markets had expected it to do.\r\n\r\n\
    Inflation has fallen for six months in a row and is now close to the bank's target of two per cent.\r\n";

#[test]
fn a_tldr_is_added_to_a_file_that_carries_a_sentiment_which_stays_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rates.md");
    let score_only = dir.path().join("score.md");
    fs::write(&file, TAGGED_WITHOUT_TLDR).unwrap();
    let text = TAGGED_WITHOUT_TLDR.replace("sentiment_label: 'Cautious'\r\n", "");
    fs::write(&score_only, &text).unwrap();
    let before = show_json(&file);

    let dry = moodwire(&["tag", "--tldr", "."], dir.path());
    assert_eq!(dry.code, 0, "{}{}", dry.stdout, dry.stderr);
    assert!(
        dry.stdout
            .contains("rates.md   4  Cautious          its own sentiment kept; a TL;DR to write"),
        "{}",
        dry.stdout
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), TAGGED_WITHOUT_TLDR);

    let run = moodwire(&["tag", "--write", "--tldr", "."], dir.path());
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("2 tagged"), "{}", run.stdout);
    // Every byte kept, and the list before the closing fence, in the file's line ends.
    for (path, original) in [(&file, TAGGED_WITHOUT_TLDR), (&score_only, text.as_str())] {
        let written = fs::read_to_string(path).unwrap();
        let close = original.find("---\r\n\r\n").unwrap();
        assert_eq!(&written[..close], &original[..close]);
        assert!(written.ends_with(&original[close..]), "{written:?}");
        let inserted = &written[close..written.len() - (original.len() - close)];
        assert!(
            inserted.starts_with("tldr:\r\n  - \"The central bank kept"),
            "{inserted:?}"
        );
        assert!(!inserted.replace("\r\n", "").contains('\n'), "{inserted:?}");
    }
    let after = show_json(&file);
    assert_eq!(after["sentiment"], before["sentiment"]);
    assert_eq!(after["tldr_origin"], "file");
    assert_eq!(
        after["tldr"], before["tldr"],
        "the estimate, now the file's"
    );

    let again = moodwire(&["tag", "--write", "--tldr", "."], dir.path());
    assert!(
        again.stdout.contains("0 tagged, 2 skipped"),
        "{}",
        again.stdout
    );
}

#[test]
fn force_with_tldr_replaces_the_sentiment_and_adds_the_tldr() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rates.md");
    fs::write(&file, TAGGED_WITHOUT_TLDR).unwrap();
    let run = moodwire(
        &["tag", "--write", "--tldr", "--force", "rates.md"],
        dir.path(),
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let after = show_json(&file);
    assert_eq!(after["sentiment"]["origin"], "file");
    assert_ne!(after["sentiment"]["label"], "Cautious");
    assert_eq!(after["tldr_origin"], "file");
    let written = fs::read_to_string(&file).unwrap();
    assert!(written.starts_with("---\r\ntitle: Rates on hold # the wire's\r\n"));
    assert!(written.contains("\r\ntldr:\r\n  - "), "{written:?}");
}
