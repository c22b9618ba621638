//! Where the time of reading raw pages goes: each stage timed on one thread over every file
//! under a folder (scrapes, saved pages and their TL;DRs), for BENCHMARKS.md.
//!
//! Usage: `cargo run --release --example read_costs -- DIR`

use std::path::Path;
use std::time::{Duration, Instant};

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: read_costs DIR");
        std::process::exit(2);
    };
    let mut paths = Vec::new();
    files(Path::new(&dir), &mut paths);
    let (mut scrape, mut page, mut tldr, mut whole) = (
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
    );
    let (mut scrapes, mut pages, mut others) = (0, 0, 0);
    let (mut parse_alone, mut smoothie) = (Duration::ZERO, Duration::ZERO);
    let reading = moodwire::Reading::default();
    // `STAGE=scrape` (or `page`, `tldr`) runs that stage alone, for `perf stat`.
    let only = std::env::var("STAGE").ok();
    if let Some(stage) = only.as_deref() {
        let texts: Vec<(String, String)> = paths
            .iter()
            .filter_map(|p| {
                let extension = p.extension()?.to_str()?.to_owned();
                Some((extension, std::fs::read_to_string(p).ok()?))
            })
            .collect();
        for (extension, text) in &texts {
            match (stage, extension.as_str()) {
                ("scrape", "txt") => drop(std::hint::black_box(moodwire::scrape::read(text))),
                ("page", "html") => drop(std::hint::black_box(moodwire::page::read(text))),
                ("tldr", _) => drop(std::hint::black_box(moodwire::tldr::estimate(text))),
                ("read", _) => {}
                _ => {}
            }
        }
        return;
    }
    for path in &paths {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let started = Instant::now();
        let body = match extension {
            "html" | "htm" => {
                pages += 1;
                let alone = Instant::now();
                let parsed = dom_query::Document::from(text.as_str());
                std::hint::black_box(&parsed);
                parse_alone += alone.elapsed();
                let alone = Instant::now();
                let mut readability =
                    dom_smoothie::Readability::new(text.as_str(), None, None).unwrap();
                std::hint::black_box(readability.parse().ok());
                smoothie += alone.elapsed();
                let started = Instant::now();
                let read = moodwire::page::read(&text);
                page += started.elapsed();
                read.body
            }
            "txt" => {
                scrapes += 1;
                let read = moodwire::scrape::read(&text);
                scrape += started.elapsed();
                read.body
            }
            _ => {
                others += 1;
                text.clone()
            }
        };
        let started = Instant::now();
        std::hint::black_box(moodwire::tldr::estimate(&body));
        tldr += started.elapsed();
        let started = Instant::now();
        std::hint::black_box(
            moodwire::parse::parse_article(text.as_bytes(), String::new(), path.clone(), &reading)
                .ok(),
        );
        whole += started.elapsed();
    }
    let per = |d: Duration, n: usize| d.as_secs_f64() * 1e6 / n.max(1) as f64;
    println!("{scrapes} scrapes: {:.0} µs each", per(scrape, scrapes));
    println!("{pages} saved pages: {:.0} µs each", per(page, pages));
    println!(
        "  of which parsing alone {:.0} µs, dom_smoothie alone {:.0} µs",
        per(parse_alone, pages),
        per(smoothie, pages)
    );
    println!(
        "{} TL;DRs: {:.0} µs each",
        paths.len(),
        per(tldr, paths.len())
    );
    println!(
        "{} files parsed whole ({others} others): {:.0} µs each",
        paths.len(),
        per(whole, paths.len())
    );
}
