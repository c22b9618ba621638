//! What the last fetch of each subscription said: its validators (sent back so that an
//! unchanged feed costs one small reply), its title, when it was fetched and why it failed.
//! Kept in `feeds-state.json` in the data folder, private, one entry per subscription (the
//! entries of feeds no longer subscribed to are dropped when it is saved).

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::import::own_files;
use crate::web::Validators;

/// Bumped if the layout changes; a file of another version is started afresh.
const FORMAT: u32 = 1;

/// What the last fetch of one feed said.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedState {
    /// Its `ETag`, as received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// Its `Last-Modified`, as received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// The feed's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// When it was last fetched (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched: Option<String>,
    /// Why the last fetch failed, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl FeedState {
    /// The validators to send with the next fetch.
    pub fn validators(&self) -> Validators {
        Validators {
            etag: self.etag.clone(),
            last_modified: self.last_modified.clone(),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct OnDisk {
    format: u32,
    feeds: BTreeMap<String, FeedState>,
}

/// The state of every subscription, and the file that keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    path: PathBuf,
    /// Each feed's state, by its address.
    pub feeds: BTreeMap<String, FeedState>,
}

impl State {
    /// The state at `path`. A missing file, or one that does not read, is no state: every feed
    /// is then fetched whole once, which costs time but never an article.
    pub fn open(path: &Path) -> State {
        let feeds = own_files::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<OnDisk>(&bytes).ok())
            .filter(|on_disk| on_disk.format == FORMAT)
            .map(|on_disk| on_disk.feeds)
            .unwrap_or_default();
        State {
            path: path.to_owned(),
            feeds,
        }
    }

    /// The state of the feed at `address`.
    pub fn of(&self, address: &str) -> FeedState {
        self.feeds.get(address).cloned().unwrap_or_default()
    }

    /// Writes the state of the feeds `subscribed` to, atomically and privately.
    pub fn save(&mut self, subscribed: &[&str]) -> io::Result<()> {
        self.feeds
            .retain(|address, _| subscribed.contains(&address.as_str()));
        let on_disk = OnDisk {
            format: FORMAT,
            feeds: self.feeds.clone(),
        };
        own_files::replace(&self.path, |out| {
            serde_json::to_writer_pretty(out, &on_disk).map_err(io::Error::other)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_of_subscribed_feeds_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feeds-state.json");
        let mut state = State::open(&path);
        assert!(state.feeds.is_empty());
        for address in ["https://a.com/f", "https://gone.com/f"] {
            state.feeds.insert(
                address.to_owned(),
                FeedState {
                    etag: Some("\"v1\"".into()),
                    ..FeedState::default()
                },
            );
        }
        state.save(&["https://a.com/f"]).unwrap();
        let read = State::open(&path);
        assert_eq!(
            read.of("https://a.com/f").validators().etag.as_deref(),
            Some("\"v1\"")
        );
        assert_eq!(read.feeds.len(), 1);
        std::fs::write(&path, "{").unwrap();
        assert!(
            State::open(&path).feeds.is_empty(),
            "a damaged state is no state"
        );
    }
}
