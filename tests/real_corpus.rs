//! Real blog and news posts from five public sites (`$MOODWIRE_CORPORA/real`): every file is
//! loaded or reported, titles and dates come out as the files mean them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use moodwire::Reading;
use moodwire::library::Library;
use moodwire::loader::Severity;

fn real_corpus() -> Option<PathBuf> {
    let Some(root) = std::env::var_os("MOODWIRE_CORPORA") else {
        eprintln!("skipped: MOODWIRE_CORPORA is not set");
        return None;
    };
    let real = Path::new(&root).join("real");
    assert!(
        real.is_dir(),
        "MOODWIRE_CORPORA is set but {} is not a folder",
        real.display()
    );
    Some(real)
}

/// The article extensions of the issue, written out again rather than taken from the loader,
/// so that a change to the loader's list shows up here. (`.Rmd` and `.mkdn` files in the
/// corpus are deliberately not articles.)
const ARTICLE_ENDINGS: [&str; 5] = [".md", ".markdown", ".mdx", ".txt", ".text"];

/// Article files found by a walk written independently of the loader's.
fn article_files(folder: &Path, found: &mut BTreeSet<PathBuf>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            article_files(&path, found);
        } else if ARTICLE_ENDINGS
            .iter()
            .any(|end| path.to_string_lossy().to_lowercase().ends_with(end))
        {
            found.insert(path);
        }
    }
}

#[test]
fn every_real_file_is_loaded_or_reported_and_none_is_lost() {
    let Some(real) = real_corpus() else { return };
    let mut expected = BTreeSet::new();
    article_files(&real, &mut expected);
    assert!(
        expected.len() > 280,
        "the corpus holds 285 article files, found {}",
        expected.len()
    );

    let library = Library::load(std::slice::from_ref(&real), &Reading::default());
    let mut accounted: Vec<PathBuf> = library.articles().iter().map(|a| a.path.clone()).collect();
    let errors: Vec<String> = library
        .problems()
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    accounted.extend(
        library
            .problems()
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| p.path.clone()),
    );
    let accounted_set: BTreeSet<PathBuf> = accounted.iter().cloned().collect();
    assert_eq!(
        accounted.len(),
        accounted_set.len(),
        "no file is counted twice"
    );
    assert_eq!(
        accounted_set, expected,
        "every file is either an article or an error"
    );
    assert_eq!(errors, Vec::<String>::new(), "every real post loads");
    for article in library.articles() {
        assert!(
            !article.title.trim().is_empty(),
            "{} has an empty title",
            article.path.display()
        );
    }
}

/// Titles and dates as the raw files mean them, read by eye.
const EXPECTED: [(&str, &str, Option<&str>); 24] = [
    (
        "coredns.io/cncf.md",
        "Why CNCF for CoreDNS?",
        Some("2017-03-02T18:00:00Z"),
    ),
    (
        "coredns.io/coredns-1.5.0.md",
        "CoreDNS-1.5.0 Release",
        Some("2019-04-06T08:24:07+00:00"),
    ),
    (
        "coredns.io/coredns-0.9.10.md",
        "CoreDNS-0.9.10 Release",
        Some("2017-11-03T20:45:43+00:00"),
    ),
    (
        "coredns.io/quick-start-windows.md",
        "Quick Start for Windows",
        Some("2016-10-30T00:00:00"),
    ),
    (
        "coredns.io/dnstap.md",
        "Logging with dnstap",
        Some("2017-08-03T10:25:28+02:00"),
    ),
    (
        "coredns.io/coredns-vs-kubedns.md",
        "Cluster DNS: CoreDNS vs Kube-DNS",
        Some("2018-11-27T00:00:00+00:00"),
    ),
    (
        "jekyll/docs-posts/2018-06-04-jekyll-3-8-3-released.markdown",
        "Jekyll 3.8.3 Released",
        Some("2018-06-05T09:00:00-05:00"),
    ),
    (
        "jekyll/docs-posts/2023-01-29-jekyll-3-9-3-released.markdown",
        "Jekyll 3.9.3 Released",
        Some("2023-01-29T18:30:22-08:00"),
    ),
    (
        "jekyll/docs-posts/2020-08-05-jekyll-3-9-0-released.markdown",
        "Jekyll 3.9.0 Released",
        Some("2020-08-05"),
    ),
    (
        "jekyll/test-fixtures/2009-03-12-hash-#1.markdown",
        "Hash",
        Some("2009-03-12"),
    ),
    (
        "jekyll/test-fixtures/2014-03-03-yaml-with-dots.md",
        "Test Post Where YAML Ends in Dots",
        Some("2014-03-03"),
    ),
    (
        "jekyll/test-fixtures/2010-01-08-triple-dash.markdown",
        "Foo --- Bar",
        Some("2010-01-08"),
    ),
    (
        "jekyll/test-fixtures/2014-01-06-permalink-traversal.md",
        "Test",
        Some("2014-01-06"),
    ),
    (
        "jekyll/test-fixtures/2015-12-27-extra-spaces.markdown",
        "Best **post** ever",
        Some("2015-12-27"),
    ),
    (
        "jekyll/test-fixtures/2009-06-22-no-yaml.markdown",
        "No YAML.",
        Some("2009-06-22"),
    ),
    (
        "jekyll/test-fixtures/2010-01-09-timezone-override.markdown",
        "Post with a front matter time with timezone",
        Some("2010-01-10T13:07:09+00:00"),
    ),
    (
        "jekyll/test-fixtures/2014-03-22-escape-+ %20[].markdown",
        "Plus space percent",
        Some("2014-03-22"),
    ),
    (
        "nodejs.org/uncategorized/10-lts-to-12-lts.md",
        "The Difference Between Node.js 10 LTS and Node.js 12 LTS",
        Some("2019-10-20T12:00:00.000Z"),
    ),
    (
        "nodejs.org/announcements/official-discord-launch-announcement.md",
        "Node.js Launches Official Community Space on Discord",
        Some("2025-03-17T10:00:00-04:00"),
    ),
    (
        "linkerd-website/2018/1023-a-linkerd-2-0-deep-dive-unboxing-debugging-and-monitoring-kubernetes-services-on-azure/index.md",
        "A Linkerd 2.0 Deep Dive Unboxing: Debugging and Monitoring Kubernetes Services on Azure",
        Some("2018-10-23T00:00:00Z"),
    ),
    (
        "linkerd-website/2021/0527-linkerd-vs-istio-benchmarks/index.md",
        "Benchmarking Linkerd and Istio",
        Some("2021-05-27T00:00:00"),
    ),
    (
        "www.ruby-lang.org/fr/2013-06-27-ruby-1-8-7-p374-is-released.md",
        "Sortie de la version 1.8.7-p374 de Ruby",
        Some("2013-06-27T11:00:01+00:00"),
    ),
    (
        "www.ruby-lang.org/ja/2024-03-21-buffer-overread-cve-2024-27280.md",
        "CVE-2024-27280: StringIOにおけるバッファーオーバーリード脆弱性",
        Some("2024-03-21T04:00:00+00:00"),
    ),
    ("linkerd-website/_index.md", "Blog", None),
];

#[test]
fn named_real_posts_get_their_titles_and_dates() {
    let Some(real) = real_corpus() else { return };
    let library = Library::load(std::slice::from_ref(&real), &Reading::default());
    for (id, title, date) in EXPECTED {
        let article = library
            .find(id)
            .unwrap_or_else(|| panic!("{id} is not in the library"));
        assert_eq!(article.title, title, "{id}");
        assert_eq!(article.date.map(|d| d.to_iso()).as_deref(), date, "{id}");
    }
}

#[test]
fn duplicate_titles_in_real_posts_warn() {
    let Some(real) = real_corpus() else { return };
    let library = Library::load(&[real.join("www.ruby-lang.org/ko")], &Reading::default());
    let article = library
        .find("2013-09-28-design-contest.md")
        .expect("the Korean design contest post loads");
    assert_eq!(article.title, "www.ruby-lang.org를 위한 디자인 공모전");
    assert_eq!(
        article.warnings,
        ["duplicate key `title`: the last value is used"]
    );
}

/// What a writer reads back to check its work (the title and the sentiment, without the
/// body's own work) is what loading the file gives, for every real file, and a file that
/// fails to load fails the same way.
#[test]
fn reading_back_a_real_file_gives_the_title_and_sentiment_loading_gives() {
    use moodwire::parse::{parse_article, parse_title_and_sentiment};
    use moodwire::{Origin, Sentiment};
    let Some(real) = real_corpus() else { return };
    let mut files = BTreeSet::new();
    article_files(&real, &mut files);
    let limits = Reading::default();
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let loaded = parse_article(&bytes, String::new(), path.clone(), &limits);
        let read_back = parse_title_and_sentiment(&bytes, path, &limits);
        match (loaded, read_back) {
            (Ok(article), Ok((title, sentiment))) => {
                assert_eq!(title, article.title, "{}", path.display());
                // Loading estimates what the file leaves out; reading back does not.
                let from_file = match article.sentiment.origin {
                    Some(Origin::Estimated) => Sentiment::default(),
                    _ => article.sentiment,
                };
                assert_eq!(sentiment, from_file, "{}", path.display());
            }
            (Err(loaded), Err(read_back)) => assert_eq!(read_back, loaded, "{}", path.display()),
            (loaded, read_back) => panic!(
                "{}: loading gave {:?}, reading back {:?}",
                path.display(),
                loaded.map(|a| a.title),
                read_back
            ),
        }
    }
}

/// The Chinese and Japanese posts (ruby-lang.org's), written without spaces between words or
/// after sentences, get an estimated TL;DR of whole sentences of their own, as the others do:
/// all but the few that hold fewer than two sentences worth taking (17 of the 20).
#[test]
fn chinese_and_japanese_posts_get_a_tldr_of_their_own_sentences() {
    let Some(real) = real_corpus() else {
        return;
    };
    let folders = ["ja", "zh_cn", "zh_tw"].map(|f| real.join("www.ruby-lang.org").join(f));
    let library = Library::load(&folders, &Reading::default());
    assert_eq!(library.articles().len(), 20);
    let mut with_tldr = 0;
    for article in library.articles() {
        if article.tldr.is_empty() {
            continue;
        }
        with_tldr += 1;
        let file = std::fs::read_to_string(&article.path).unwrap();
        for item in &article.tldr {
            assert!(item.ends_with(['。', '！', '.']), "{item}");
            assert!(item.matches('。').count() <= 1, "one sentence: {item}");
            // Words as the file has them, markup aside: the item's first run of four
            // characters of the script.
            let chars: Vec<char> = item.chars().collect();
            let run = (chars.windows(4))
                .find(|run| run.iter().all(|&c| moodwire::words::is_unspaced(c)))
                .map(String::from_iter)
                .unwrap_or_default();
            assert!(file.contains(&run), "{}: {item}", article.path.display());
        }
        assert!(
            article.words > 40,
            "{}: {}",
            article.path.display(),
            article.words
        );
    }
    assert!(with_tldr >= 17, "{with_tldr} of 20");
}
