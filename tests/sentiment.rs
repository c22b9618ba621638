//! How well the estimator agrees with people: a hand-labelled set of headlines with ledes, and
//! the sample library with its sentiment fields hidden. Run with `--nocapture` to see the
//! figures.

use std::path::Path;

use moodwire::Reading;
use moodwire::article::Scale;
use moodwire::parse::parse_article;
use moodwire::sentiment::{estimate, estimate_article};
use moodwire::{Bucket, Origin};

/// Accuracy and the recall of each bucket, printed, over (expected, estimated) pairs.
fn report(name: &str, pairs: &[(Bucket, Bucket)]) -> (f64, Vec<(Bucket, f64)>) {
    let right = pairs.iter().filter(|(want, got)| want == got).count();
    let accuracy = right as f64 / pairs.len() as f64;
    println!(
        "{name}: {right}/{} right, accuracy {:.1}%",
        pairs.len(),
        accuracy * 100.0
    );
    let recalls = Bucket::ALL
        .iter()
        .map(|&bucket| {
            let of: Vec<_> = pairs.iter().filter(|(want, _)| *want == bucket).collect();
            let found = of.iter().filter(|(_, got)| *got == bucket).count();
            let recall = found as f64 / of.len().max(1) as f64;
            println!(
                "  {bucket:<8} recall {found}/{} = {:.1}%",
                of.len(),
                recall * 100.0
            );
            (bucket, recall)
        })
        .collect();
    (accuracy, recalls)
}

#[test]
fn hand_labelled_headlines_are_estimated_well() {
    let text = include_str!("sentiment/labelled.tsv");
    let mut pairs = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        let [bucket, headline, lede] = fields[..] else {
            panic!("bad line {line:?}");
        };
        let want = Bucket::from_name(bucket).unwrap_or_else(|| panic!("bad bucket {bucket}"));
        let got = estimate(headline, &[], lede, Scale::default()).bucket;
        if want != got {
            println!("  missed ({want} as {got}): {headline}");
        }
        pairs.push((want, got));
    }
    assert!(pairs.len() >= 150, "{} headlines", pairs.len());
    let (accuracy, recalls) = report("labelled headlines", &pairs);
    assert!(accuracy >= 0.75, "accuracy {accuracy}");
    for (bucket, recall) in recalls {
        assert!(recall >= 0.60, "{bucket} recall {recall}");
    }
}

#[test]
fn sample_articles_agree_with_their_files_when_their_sentiment_is_hidden() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-articles");
    let mut pairs = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let article = parse_article(&bytes, "x".into(), path.clone(), &Reading::default()).unwrap();
        if article.sentiment.origin != Some(Origin::File) {
            continue;
        }
        let Some(want) = article.sentiment.bucket else {
            continue;
        };
        // The estimate reads only the title, TL;DR and body, never the sentiment fields.
        let got = estimate_article(&article, Scale::default()).bucket;
        if want != got {
            println!("  missed ({want} as {got}): {}", article.title);
        }
        pairs.push((want, got));
    }
    let (accuracy, _) = report("sample-articles", &pairs);
    assert!(accuracy >= 0.6, "agreement {accuracy}");
}
