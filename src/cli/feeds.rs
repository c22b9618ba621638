//! `moodwire feeds add|list|remove`: the subscriptions `fetch` reads, kept as `feeds.opml` in
//! the configuration folder.

use std::path::Path;

use anyhow::{Context, bail};

use moodwire::address::WebAddress;
use moodwire::feed::opml::{self, Outline};
use moodwire::loader::{display_path, read_regular_file};
use moodwire::sanitize::sanitize_line;
use moodwire::subscriptions::{State, Subscriptions};

use super::args::FeedsAction;
use super::news::{self, plural};

/// The largest OPML file read: far more than any list of subscriptions.
const MAX_OPML_BYTES: u64 = 16 * 1024 * 1024;

pub fn run(action: &FeedsAction, explicit: Option<&Path>) -> anyhow::Result<()> {
    let path = news::subscriptions_file(explicit)?;
    let mut list = Subscriptions::open(&path)?;
    match action {
        FeedsAction::Add { feeds } => add(&mut list, feeds),
        FeedsAction::List => {
            show(&list);
            Ok(())
        }
        FeedsAction::Remove { feeds } => remove(&mut list, feeds),
    }
}

/// Adds each address, and each feed of each OPML file.
fn add(list: &mut Subscriptions, feeds: &[String]) -> anyhow::Result<()> {
    let mut added = 0;
    for text in feeds {
        let outlines = match Path::new(text).is_file() {
            true => read_opml(Path::new(text))?,
            false => vec![Outline {
                url: address(text)?,
                title: None,
                category: None,
            }],
        };
        for outline in outlines {
            let shown = sanitize_line(&outline.url);
            if let Err(reason) = address(&outline.url) {
                eprintln!("moodwire: skipped {shown}: {reason}");
                continue;
            }
            match list.add(outline) {
                true => {
                    added += 1;
                    println!("added {shown}");
                }
                false => eprintln!("moodwire: already subscribed to {shown}"),
            }
        }
    }
    if added > 0 {
        list.save()?;
    }
    eprintln!(
        "moodwire: {} added; {} in {}",
        plural(added, "feed", "feeds"),
        plural(list.feeds().len(), "subscription", "subscriptions"),
        display_path(list.path())
    );
    Ok(())
}

/// `text` as a feed's address: http or https, read as a browser reads it.
fn address(text: &str) -> anyhow::Result<String> {
    let text = text.trim();
    match WebAddress::parse(text) {
        Ok(_) => Ok(text.to_owned()),
        Err(reason) => bail!(
            "{}: {reason} (a feed is an http or https address, or an OPML file that lists feeds)",
            sanitize_line(text)
        ),
    }
}

fn read_opml(path: &Path) -> anyhow::Result<Vec<Outline>> {
    let (bytes, _) = read_regular_file(path, MAX_OPML_BYTES)
        .map_err(|reason| anyhow::anyhow!("{}: {reason}", display_path(path)))?;
    opml::read(&bytes).with_context(|| display_path(path))
}

/// One line per subscription: its number, address, title and what its last fetch said.
fn show(list: &Subscriptions) {
    if list.feeds().is_empty() {
        eprintln!(
            "moodwire: no subscriptions in {}; `moodwire feeds add URL` adds one",
            display_path(list.path())
        );
        return;
    }
    let state = news::state_file().map(|path| State::open(&path)).ok();
    for (n, feed) in list.feeds().iter().enumerate() {
        let last = state.as_ref().map(|s| s.of(&feed.url)).unwrap_or_default();
        let title = feed
            .title
            .as_deref()
            .or(last.title.as_deref())
            .unwrap_or("");
        let status = match (&last.error, &last.fetched) {
            (Some(error), _) => format!("failed: {error}"),
            (None, Some(when)) => format!("fetched {when}"),
            (None, None) => "not fetched yet".to_owned(),
        };
        println!(
            "{:>3}  {}  {}  ({})",
            n + 1,
            sanitize_line(&feed.url),
            sanitize_line(title),
            sanitize_line(&status)
        );
    }
}

/// Removes each feed named.
fn remove(list: &mut Subscriptions, feeds: &[String]) -> anyhow::Result<()> {
    // Numbers name the list as it was shown, so the feeds are found before any is removed.
    let mut chosen = Vec::new();
    for which in feeds {
        let mut probe = list.clone();
        match probe.remove(which) {
            Some(feed) => chosen.push(feed.url),
            None => bail!(
                "no subscription is {}; `moodwire feeds list` lists them",
                sanitize_line(which)
            ),
        }
    }
    for url in chosen {
        if list.remove(&url).is_some() {
            println!("removed {}", sanitize_line(&url));
        }
    }
    list.save()?;
    Ok(())
}
