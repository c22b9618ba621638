//! How fast the sentiment estimate is on one core.
//!
//! ```sh
//! cargo build --release --example gen_library --example sentiment_speed
//! target/release/examples/gen_library /tmp/lib 20000 --untagged 100
//! target/release/examples/sentiment_speed /tmp/lib
//! ```
//!
//! Every article file under DIR is read and parsed first, untimed, into articles as the loader
//! gives them (title, TL;DR, body); then all of them are estimated in turn on this thread,
//! seven times. Prints each run's articles per second and their median, and a checksum of
//! the scores so that the work cannot be left out.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use moodwire::Reading;
use moodwire::article::Scale;
use moodwire::parse::parse_article;
use moodwire::sentiment::estimate_article;

fn files(folder: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, found);
        } else if path
            .extension()
            .is_some_and(|e| e == "md" || e == "txt" || e == "markdown")
        {
            found.push(path);
        }
    }
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: sentiment_speed DIR");
        return ExitCode::from(2);
    };
    let mut paths = Vec::new();
    files(Path::new(&dir), &mut paths);
    paths.sort();
    let reading = Reading::default();
    let articles: Vec<_> = paths
        .iter()
        .filter_map(|path| {
            let bytes = std::fs::read(path).ok()?;
            parse_article(&bytes, path.display().to_string(), path.clone(), &reading).ok()
        })
        .collect();
    let mut rates = Vec::new();
    let mut checksum = 0.0;
    for _ in 0..7 {
        let started = Instant::now();
        for article in &articles {
            checksum += estimate_article(article, Scale::default()).score;
        }
        rates.push(articles.len() as f64 / started.elapsed().as_secs_f64());
    }
    let runs: Vec<String> = rates.iter().map(|r| format!("{r:.0}")).collect();
    rates.sort_by(f64::total_cmp);
    println!(
        "{} articles: median {:.0} articles/s on one core (runs {}), checksum {checksum:.1}",
        articles.len(),
        rates[rates.len() / 2],
        runs.join(", ")
    );
    ExitCode::SUCCESS
}
