//! `moodwire fetch`: every subscription read a few at once, each with the validators of its
//! last reply, and its new items imported.

use std::path::PathBuf;

use super::{State, SubscriptionError, Subscriptions};
use crate::import::{self, Done, Event, ImportError, Job, Places, Settings, Source};

/// Everything a fetch needs, as values: where the list and the state are, where articles go,
/// and how to read and write.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchPlan {
    /// The list of subscriptions (`feeds.opml` in the configuration folder).
    pub subscriptions: PathBuf,
    /// The state of each (`feeds-state.json` in the data folder).
    pub state: PathBuf,
    /// Where new articles go, and the record of imported items.
    pub places: Places,
    /// How to read and write.
    pub settings: Settings,
}

/// What a fetch or an import came to, in numbers and lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Sources read (whether they had changed or not), lists of subscriptions left out.
    pub fetched: usize,
    /// Of those, the ones that had not changed.
    pub unchanged: usize,
    /// New article files written.
    pub written: usize,
    /// Items left out because they were imported before.
    pub already: usize,
    /// One line for each source that failed and each item that could not be written:
    /// `source: reason`.
    pub failures: Vec<String>,
    /// Lines worth telling that are not failures.
    pub warnings: Vec<String>,
}

/// Why a fetch could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The list of subscriptions could not be read.
    #[error(transparent)]
    Subscriptions(#[from] SubscriptionError),
    /// The import could not run.
    #[error(transparent)]
    Import(#[from] ImportError),
}

/// Sums up what became of each source.
pub fn summarize(done: &[Done]) -> Summary {
    let mut summary = Summary::default();
    for source in done {
        let label = source.job.source.label();
        match &source.result {
            Ok(gave) => {
                if gave.listed == 0 {
                    summary.fetched += 1;
                }
                summary.unchanged += usize::from(gave.unchanged);
                summary.written += gave.written.len();
                summary.already += gave.already;
                for refused in &gave.refused {
                    summary.failures.push(format!("{label}: {refused}"));
                }
                for warning in &gave.warnings {
                    summary.warnings.push(format!("{label}: {warning}"));
                }
            }
            Err(reason) => summary.failures.push(format!("{label}: {reason}")),
        }
    }
    summary
}

/// Fetches every subscription in `plan` and imports its new items; `on_event` hears how it
/// goes. The state of each feed is saved after.
pub fn fetch_all(plan: &FetchPlan, on_event: impl FnMut(Event)) -> Result<Summary, FetchError> {
    let list = Subscriptions::open(&plan.subscriptions)?;
    let mut state = State::open(&plan.state);
    let jobs: Vec<Job> = list
        .feeds()
        .iter()
        .map(|feed| Job {
            source: Source::Address(feed.url.clone()),
            validators: state.of(&feed.url).validators(),
            feed_only: true,
        })
        .collect();
    if jobs.is_empty() {
        return Ok(Summary::default());
    }
    let done = import::run(jobs, &plan.places, &plan.settings, on_event)?;
    let now = jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    for source in &done {
        let Source::Address(address) = &source.job.source else {
            continue;
        };
        let feed = state.feeds.entry(address.clone()).or_default();
        feed.fetched = Some(now.clone());
        match &source.result {
            Ok(gave) => {
                feed.error = None;
                // An item left unwritten is fetched again next time, whatever the server says.
                if !gave.unchanged && gave.refused.is_empty() {
                    feed.etag = gave.validators.etag.clone();
                    feed.last_modified = gave.validators.last_modified.clone();
                }
                if !gave.refused.is_empty() {
                    feed.etag = None;
                    feed.last_modified = None;
                }
                if gave.title.is_some() {
                    feed.title = gave.title.clone();
                }
            }
            Err(reason) => feed.error = Some(reason.clone()),
        }
    }
    let mut summary = summarize(&done);
    let subscribed: Vec<&str> = list.feeds().iter().map(|f| f.url.as_str()).collect();
    if let Err(error) = state.save(&subscribed) {
        summary.warnings.push(format!(
            "{}: {} (every feed will be fetched whole next time)",
            crate::loader::display_path(&plan.state),
            crate::loader::describe_io_error(&error)
        ));
    }
    Ok(summary)
}
