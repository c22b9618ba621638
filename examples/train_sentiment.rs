//! Makes the sentiment estimate's learned table and says how well it does.
//!
//! ```sh
//! C=$MOODWIRE_CORPORA/sentiment/twitter-financial-news-train.csv
//! cargo run --release --example train_sentiment -- $C --write src/sentiment/weights.tsv
//! cargo run --release --example train_sentiment -- $C            # figures only
//! cargo run --release --example train_sentiment -- $C --tune     # options on the tuning fifth
//! ```
//!
//! The table is trained on all of the corpus but its held-out fifth, with the default options;
//! the figures are on that held-out fifth, which nothing was trained or tuned on. `--tune`
//! trains on three fifths with each of a few options and measures on the tuning fifth.

use std::process::ExitCode;

use moodwire::Bucket;
use moodwire::article::Scale;
use moodwire::sentiment::train::{self, Example, Options, Scores};
use moodwire::sentiment::{Model, estimate_with};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(corpus) = args.first() else {
        eprintln!("usage: train_sentiment CORPUS.csv [--write TABLE] [--tune]");
        return ExitCode::from(2);
    };
    let csv = match std::fs::read_to_string(corpus) {
        Ok(csv) => csv,
        Err(error) => {
            eprintln!("{corpus}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let examples = match train::read_corpus(&csv) {
        Ok(examples) => examples,
        Err(error) => {
            eprintln!("{corpus}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let (held_out, rest): (Vec<Example>, Vec<Example>) = examples
        .into_iter()
        .partition(|e| train::is_held_out(&e.text));
    if args.iter().any(|a| a == "--tune") {
        let (tuning, fitting): (Vec<Example>, Vec<Example>) =
            rest.into_iter().partition(|e| train::is_tuning(&e.text));
        if args.iter().any(|a| a == "--show") {
            let table = train::train(&fitting, &Options::default(), "");
            let model = Model::from_table(&table).expect("a table just made");
            for e in &tuning {
                let got = estimate_with(&model, &e.text, &[], "", Scale::default());
                if got.bucket != e.bucket {
                    let why: Vec<String> = got
                        .reasons
                        .iter()
                        .map(|r| format!("{} {:+.2}", r.text, r.weight))
                        .collect();
                    println!(
                        "{} as {} ({}): {} | {}",
                        e.bucket,
                        got.bucket,
                        got.score,
                        e.text.replace('\n', " "),
                        why.join(", ")
                    );
                }
            }
            return ExitCode::SUCCESS;
        }
        for options in grid() {
            let started = std::time::Instant::now();
            let table = train::train(&fitting, &options, "");
            let model = Model::from_table(&table).expect("a table just made");
            println!(
                "{options:?} ({:.1} s)\n  tuning fifth: {}",
                started.elapsed().as_secs_f64(),
                measure(&model, &tuning)
            );
        }
        return ExitCode::SUCCESS;
    }
    let started = std::time::Instant::now();
    let table = match train::table_from_corpus(&csv) {
        Ok(table) => table,
        Err(error) => {
            eprintln!("{corpus}: {error}");
            return ExitCode::FAILURE;
        }
    };
    eprintln!("trained in {:.1} s", started.elapsed().as_secs_f64());
    let model = Model::from_table(&table).expect("a table just made");
    println!("held-out fifth: {}", measure(&model, &held_out));
    let show = args.iter().any(|a| a == "--show");
    for (name, file) in [
        ("labelled.tsv", "tests/sentiment/labelled.tsv"),
        ("categories.tsv", "tests/sentiment/categories.tsv"),
    ] {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        let mut pairs = Vec::new();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let fields: Vec<&str> = line.split('\t').collect();
            let (want, title, body) = match fields[..] {
                [bucket, _, sentence] if name == "categories.tsv" => (bucket, sentence, ""),
                [bucket, title, body] => (bucket, title, body),
                _ => continue,
            };
            let Some(want) = Bucket::from_name(want) else {
                continue;
            };
            let e = estimate_with(&model, title, &[], body, Scale::default());
            if show && e.bucket != want {
                let why: Vec<String> = e
                    .reasons
                    .iter()
                    .map(|r| format!("{} {:+.2}", r.text, r.weight))
                    .collect();
                println!(
                    "  {want} as {} ({}): {title} | {}",
                    e.bucket,
                    e.score,
                    why.join(", ")
                );
            }
            pairs.push((want, e.bucket));
        }
        println!("{name}: {}", Scores::of(&pairs));
    }
    if let Some(at) = args.iter().position(|a| a == "--write") {
        let Some(path) = args.get(at + 1) else {
            eprintln!("--write needs a path");
            return ExitCode::from(2);
        };
        if let Err(error) = std::fs::write(path, &table) {
            eprintln!("{path}: {error}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// The options tried with `--tune`.
fn grid() -> Vec<Options> {
    let base = Options::default();
    let mut grid = Vec::new();
    for l2_words in [5e-4, 1e-3, 2e-3, 4e-3] {
        for min_count in [2, 3] {
            grid.push(Options {
                l2_words,
                min_count,
                ..base
            });
        }
    }
    grid
}

fn measure(model: &Model, examples: &[Example]) -> Scores {
    let pairs: Vec<(Bucket, Bucket)> = examples
        .iter()
        .map(|e| {
            (
                e.bucket,
                estimate_with(model, &e.text, &[], "", Scale::default()).bucket,
            )
        })
        .collect();
    Scores::of(&pairs)
}
