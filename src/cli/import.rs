//! `moodwire import SOURCE...`: feeds, lists of subscriptions and web pages, from files or
//! http(s) addresses, as new articles.

use moodwire::config::Config;
use moodwire::import::{self, Job, Source};
use moodwire::subscriptions::summarize;

use super::args::ImportArgs;
use super::news::{self, plural};
use super::progress::Progress;

/// Runs the command; true when a source or an item failed.
pub fn run(args: &ImportArgs, config: &Config) -> anyhow::Result<bool> {
    let places = news::places(&args.writing, config)?;
    let settings = news::settings(&args.writing, config);
    let jobs = args
        .sources
        .iter()
        .map(|text| Job::any(Source::parse(text)))
        .collect();
    let mut progress = Progress::new("sources");
    let done = import::run(jobs, &places, &settings, |event| progress.event(event))?;
    progress.clear();
    let summary = summarize(&done);
    let headline = format!("imported {}", plural(summary.fetched, "source", "sources"));
    Ok(news::report(&headline, &summary, &places.into))
}
