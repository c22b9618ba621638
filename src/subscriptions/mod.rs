//! Subscriptions: the feeds `moodwire fetch` reads, kept as `feeds.opml` in the
//! configuration folder, and what the last fetch of each said (its validators, title, time
//! and error), kept apart in the data folder.
//!
//! The list is OPML, the format every feed reader imports and exports, so that it can be
//! handed to another reader as it is, and edited by hand; moodwire writes it whole and
//! atomically, private to the user, when a feed is added or removed (README, "Getting news
//! in", says why not a key of `config.yaml`).

mod fetch;
mod state;

use std::io;
use std::path::{Path, PathBuf};

use crate::feed::opml::{self, Outline};
use crate::import::own_files;
use crate::loader::{describe_io_error, display_path};

pub use fetch::{FetchError, FetchPlan, Summary, fetch_all, summarize};
pub use state::{FeedState, State};

/// The name of the list in the configuration folder.
pub const FILE_NAME: &str = "feeds.opml";

/// The subscriptions, and the file that keeps them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscriptions {
    path: PathBuf,
    feeds: Vec<Outline>,
}

/// Why the list could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SubscriptionError {
    /// The file could not be read or written.
    #[error("{}: {}", display_path(.path), describe_io_error(.source))]
    Io {
        /// The list.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The file is not OPML moodwire can read.
    #[error("{}: {reason}", display_path(.path))]
    Unreadable {
        /// The list.
        path: PathBuf,
        /// Why.
        reason: String,
    },
}

impl Subscriptions {
    /// The list at `path`; a missing file is no subscriptions.
    pub fn open(path: &Path) -> Result<Subscriptions, SubscriptionError> {
        let bytes = match own_files::read(path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Ok(Subscriptions {
                    path: path.to_owned(),
                    feeds: Vec::new(),
                });
            }
            Err(source) => {
                return Err(SubscriptionError::Io {
                    path: path.to_owned(),
                    source,
                });
            }
        };
        let feeds = opml::read(&bytes).map_err(|error| SubscriptionError::Unreadable {
            path: path.to_owned(),
            reason: error.to_string(),
        })?;
        let mut list = Subscriptions {
            path: path.to_owned(),
            feeds: Vec::new(),
        };
        for feed in feeds {
            list.add(feed);
        }
        Ok(list)
    }

    /// Where the list is kept.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The feeds, in the order they were added.
    pub fn feeds(&self) -> &[Outline] {
        &self.feeds
    }

    /// Adds `feed`, unless its address is already there; true when it was added.
    pub fn add(&mut self, feed: Outline) -> bool {
        if self.feeds.iter().any(|f| f.url == feed.url) {
            return false;
        }
        self.feeds.push(feed);
        true
    }

    /// Removes the feed `which` names: its address, or its number in the list (from 1).
    pub fn remove(&mut self, which: &str) -> Option<Outline> {
        let at = self
            .feeds
            .iter()
            .position(|f| f.url == which.trim())
            .or_else(|| {
                which
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|&n| (1..=self.feeds.len()).contains(&n))
                    .map(|n| n - 1)
            })?;
        Some(self.feeds.remove(at))
    }

    /// Writes the list, atomically and private to the user.
    pub fn save(&self) -> Result<(), SubscriptionError> {
        let text = opml::write("moodwire subscriptions", &self.feeds);
        own_files::replace(&self.path, |out| io::Write::write_all(out, text.as_bytes())).map_err(
            |source| SubscriptionError::Io {
                path: self.path.clone(),
                source,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(url: &str) -> Outline {
        Outline {
            url: url.to_owned(),
            title: None,
            category: None,
        }
    }

    #[test]
    fn feeds_are_added_once_removed_by_address_or_number_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config/feeds.opml");
        let mut list = Subscriptions::open(&path).unwrap();
        assert!(list.add(outline("https://a.com/feed")));
        assert!(list.add(outline("https://b.com/feed")));
        assert!(list.add(outline("https://c.com/feed")));
        assert!(!list.add(outline("https://a.com/feed")));
        assert_eq!(list.remove("2").unwrap().url, "https://b.com/feed");
        assert_eq!(
            list.remove("https://c.com/feed").unwrap().url,
            "https://c.com/feed"
        );
        assert_eq!(list.remove("7"), None);
        list.save().unwrap();
        let read = Subscriptions::open(&path).unwrap();
        assert_eq!(read.feeds().len(), 1);
        assert_eq!(read.feeds()[0].url, "https://a.com/feed");
    }

    #[test]
    fn a_list_that_does_not_read_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feeds.opml");
        std::fs::write(&path, "not opml").unwrap();
        let error = Subscriptions::open(&path).unwrap_err().to_string();
        assert!(error.contains("feeds.opml: "), "{error}");
    }
}
