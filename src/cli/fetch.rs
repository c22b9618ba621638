//! `moodwire fetch`: every subscription read, with conditional requests, and its new items
//! imported; one summary line.

use std::path::Path;

use moodwire::config::Config;
use moodwire::loader::display_path;
use moodwire::subscriptions::fetch_all;

use super::args::FetchArgs;
use super::news::{self, plural};
use super::progress::Progress;

/// Runs the command; true when a feed or an item failed.
pub fn run(args: &FetchArgs, config: &Config, explicit: Option<&Path>) -> anyhow::Result<bool> {
    let plan = news::fetch_plan(&args.writing, config, explicit)?;
    let mut progress = Progress::new("feeds");
    let summary = fetch_all(&plan, |event| progress.event(event))?;
    progress.clear();
    if summary.fetched == 0 && summary.failures.is_empty() {
        eprintln!(
            "moodwire: no subscriptions in {}; `moodwire feeds add URL` adds one",
            display_path(&plan.subscriptions)
        );
    }
    let headline = format!(
        "fetched {} ({} unchanged)",
        plural(summary.fetched, "feed", "feeds"),
        summary.unchanged
    );
    Ok(news::report(&headline, &summary, &plan.places.into))
}
