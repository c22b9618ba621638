//! The fetch key's work: every subscription fetched on a thread of its own (a fetch may wait
//! on slow servers for as long as the configuration allows, which must not hold up reading
//! bodies or writing tags), its summary handed back as an action.

use std::thread;

use crate::subscriptions::{FetchPlan, Summary, fetch_all};

use crate::tui::model::action::Action;

/// How the fetch key fetches: by this plan, or not at all, for this reason (no folder to write
/// into, no data folder).
#[derive(Debug, Clone)]
pub enum FetchSetup {
    /// Where the subscriptions are, where articles go, and how to fetch.
    Ready(Box<FetchPlan>),
    /// Why the key cannot fetch, as the status bar says it.
    Unavailable(String),
}

impl Default for FetchSetup {
    fn default() -> Self {
        FetchSetup::Unavailable("fetching is not set up".to_owned())
    }
}

/// Fetches on a thread of its own and hands the outcome to `deliver`.
pub fn spawn(setup: &FetchSetup, deliver: impl Fn(Action) + Send + Clone + 'static) {
    let plan = match setup {
        FetchSetup::Ready(plan) => plan.as_ref().clone(),
        FetchSetup::Unavailable(reason) => return deliver(Action::Fetched(Err(reason.clone()))),
    };
    let on_thread = deliver.clone();
    let started = thread::Builder::new()
        .name("moodwire-fetch".to_owned())
        .spawn(move || {
            let result = fetch_all(&plan, |_| {})
                .map(|summary| line(&summary))
                .map_err(|error| error.to_string());
            on_thread(Action::Fetched(result));
        });
    if let Err(error) = started {
        deliver(Action::Fetched(Err(format!(
            "could not start fetching ({error})"
        ))));
    }
}

/// The summary as one line of the status bar, with the first failure if any.
fn line(summary: &Summary) -> String {
    let feeds = match summary.fetched {
        1 => "1 feed".to_owned(),
        n => format!("{n} feeds"),
    };
    let new = match summary.written {
        1 => "1 new article".to_owned(),
        n => format!("{n} new articles"),
    };
    let mut line = format!("fetched {feeds} ({} unchanged): {new}", summary.unchanged);
    if summary.written == 0 && summary.already > 0 {
        line.push_str(&format!(" ({} imported before)", summary.already));
    }
    match summary.failures.as_slice() {
        [] if summary.fetched == 0 => {
            line = "no subscriptions; `moodwire feeds add URL` adds one".to_owned();
        }
        [] => {}
        [only] => line.push_str(&format!("; failed: {only}")),
        [first, rest @ ..] => line.push_str(&format!(
            "; {} failures, the first: {first}",
            rest.len() + 1
        )),
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_is_one_line() {
        let summary = Summary {
            fetched: 3,
            unchanged: 1,
            written: 12,
            already: 5,
            failures: vec!["https://a/: gone".into(), "https://b/: slow".into()],
            warnings: Vec::new(),
        };
        assert_eq!(
            line(&summary),
            "fetched 3 feeds (1 unchanged): 12 new articles; 2 failures, the first: https://a/: gone"
        );
        let nothing_new = Summary {
            fetched: 2,
            already: 7,
            ..Summary::default()
        };
        assert_eq!(
            line(&nothing_new),
            "fetched 2 feeds (0 unchanged): 0 new articles (7 imported before)"
        );
        assert_eq!(
            line(&Summary::default()),
            "no subscriptions; `moodwire feeds add URL` adds one"
        );
    }

    #[test]
    fn without_a_plan_the_key_says_why() {
        let (sender, receiver) = std::sync::mpsc::channel();
        spawn(
            &FetchSetup::Unavailable("no folder".into()),
            move |action| sender.send(action).unwrap(),
        );
        assert!(matches!(
            receiver.recv().unwrap(),
            Action::Fetched(Err(reason)) if reason == "no folder"
        ));
    }
}
