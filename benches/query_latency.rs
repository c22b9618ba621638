//! In-process search latency over a library: `cargo bench --bench query_latency -- DIR`.
//!
//! Loads DIR (without the cache), then runs a fixed mix of terms, prefixes, phrases, field
//! terms and comparisons many times, timing each search together with putting the matches in
//! date order (what the list and the reader need), and prints the median and 95th percentile.
//! Further arguments keep only the queries that contain one of them, to profile a few:
//! `cargo bench --bench query_latency -- DIR '"central bank"'`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use moodwire::{Library, Query, Reading, SortOrder};

/// A mix of what people type: common and rare words, short prefixes (as while typing),
/// phrases, field terms, sentiment and date filters, exclusions.
const QUERIES: [&str; 20] = [
    "sanctions",
    "recession",
    "semiconductor",
    "s",
    "inf",
    "tar",
    "\"oil prices\"",
    "\"central bank\"",
    "\"supply chain\" -tariffs",
    "\"interest rates\" label:negative",
    "title:oil",
    "title:\"trade talks\"",
    "category:tech",
    "tag:ener",
    "label:positive",
    "score:>=7 date:2025",
    "date:2024-03..2024-06 inflation",
    "merger -title:merger",
    "vaccine drought election",
    "source:reuters",
];

const ROUNDS: usize = 30;

fn main() {
    let mut args = std::env::args().skip(1).filter(|arg| !arg.starts_with('-'));
    let Some(dir) = args.next() else {
        eprintln!("usage: cargo bench --bench query_latency -- DIR [QUERY...]");
        std::process::exit(2);
    };
    let only: Vec<String> = args.collect();
    let texts: Vec<&str> = QUERIES
        .into_iter()
        .filter(|text| only.is_empty() || only.iter().any(|part| text.contains(part.as_str())))
        .collect();
    let started = Instant::now();
    let library = Library::load(&[PathBuf::from(&dir)], &Reading::default());
    let loaded = started.elapsed();
    let queries: Vec<Query> = texts
        .iter()
        .map(|q| Query::parse(q).expect("benchmark queries parse"))
        .collect();
    let mut per_query: Vec<Vec<Duration>> = vec![Vec::with_capacity(ROUNDS); queries.len()];
    let mut matched = 0;
    for _ in 0..ROUNDS {
        for (query, times) in queries.iter().zip(&mut per_query) {
            let started = Instant::now();
            let found = library.matching(query, SortOrder::Date);
            times.push(started.elapsed());
            matched += found.len();
        }
    }
    // Each query's median first, so that a slow kind of query can be told from noise.
    for (text, times) in texts.iter().zip(&mut per_query) {
        times.sort();
        println!(
            "{:>9.3} ms  {text}",
            times[times.len() / 2].as_secs_f64() * 1e3
        );
    }
    let mut times: Vec<Duration> = per_query.into_iter().flatten().collect();
    times.sort();
    let percentile = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
    println!(
        "{} articles loaded in {:.2} s; {} searches ({} matches): p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms",
        library.articles().len(),
        loaded.as_secs_f64(),
        times.len(),
        matched / ROUNDS,
        percentile(50).as_secs_f64() * 1e3,
        percentile(95).as_secs_f64() * 1e3,
        times.last().map_or(0.0, |t| t.as_secs_f64() * 1e3),
    );
}
