//! Getting news in: feeds, lists of subscriptions (OPML) and web pages, from files or the web,
//! become article files in the library, each new item once.
//!
//! Sources are read a few at once ([`THREADS`]); each feed's new items become Markdown files
//! (`YYYY-MM-DD-slug.md`, README "Getting news in") written through the tagger's writer for
//! new files: atomic, never over an existing file (a name taken gets a suffix), in the target
//! folder and nowhere else. What was written is remembered in a record (`seen`) in the
//! user's data folder, so that an item is never written twice, even after its file was
//! deleted or moved. One source that fails never stops the others: it is reported with its
//! reason, and the rest go on.

mod article;
mod decode;
mod draft;
mod names;
pub mod own_files;
mod run;
mod seen;
mod source;

use std::path::PathBuf;

use crate::reading::Reading;
use crate::web::{Validators, WebLimits};

pub use article::{Fields, compose};
pub use names::slug;
pub use run::{Event, run};
pub use seen::{Key, MAX_KEPT, Record, key_of};
pub use source::Source;

/// Sources read at once: feeds are small and servers slow, so a few threads keep two cores
/// busy without opening many connections to one site.
pub const THREADS: usize = 4;

/// Where an import writes, and the files it keeps for itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Places {
    /// The folder new articles go to; made if it is missing.
    pub into: PathBuf,
    /// The record of imported items (`imported-items` in the data folder).
    pub record: PathBuf,
    /// The lock that keeps two imports from running at once (`import.lock` beside it).
    pub lock: PathBuf,
}

impl Places {
    /// The places in the data folder `data` (`MOODWIRE_DATA_DIR`, else the user's), writing
    /// into `into`.
    pub fn in_data_folder(data: PathBuf, into: PathBuf) -> Places {
        Places {
            into,
            record: data.join("imported-items"),
            lock: data.join("import.lock"),
        }
    }
}

/// The user's data folder: `MOODWIRE_DATA_DIR`, else `$XDG_DATA_HOME/moodwire` on Linux (as
/// the marks use); `None` when no home folder can be found.
pub fn data_folder() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("MOODWIRE_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "moodwire").map(|dirs| dirs.data_dir().to_owned())
}

/// How an import reads and writes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// For an item whose feed carries only a summary, fetch the linked page and keep its
    /// article instead (`--full`).
    pub full: bool,
    /// Write the estimated sentiment and TL;DR into each new file (`--tag`).
    pub tag: bool,
    /// How article files are read, which a new one must read back by.
    pub reading: Reading,
    /// What one fetch (or file read) may cost.
    pub web: WebLimits,
}

/// One source to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// Where to read it.
    pub source: Source,
    /// The validators of its last reply, to ask for a newer one only.
    pub validators: Validators,
    /// True when it must be a feed: a subscription's address that gives a web page or a list
    /// of subscriptions is a failure, not an article.
    pub feed_only: bool,
}

impl Job {
    /// A source read as `moodwire import` reads it: anything it holds.
    pub fn any(source: Source) -> Job {
        Job {
            source,
            validators: Validators::default(),
            feed_only: false,
        }
    }
}

/// What became of one source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    /// The source.
    pub job: Job,
    /// What it gave, or why it failed.
    pub result: Result<Gave, String>,
}

/// What a source gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gave {
    /// The files written for it.
    pub written: Vec<PathBuf>,
    /// True when it had not changed since the validators sent (an unchanged feed).
    pub unchanged: bool,
    /// The validators of this reply, for the next fetch.
    pub validators: Validators,
    /// The feed's title, if it is a feed that has one.
    pub title: Option<String>,
    /// Items that could not be written, each with its reason, as `"item": reason`.
    pub refused: Vec<String>,
    /// Things worth a line that did not stop anything.
    pub warnings: Vec<String>,
    /// For a list of subscriptions, how many feeds it listed (each read as a source of its
    /// own).
    pub listed: usize,
    /// Items left out because they were imported before (the record knows them), even if
    /// their files were since moved or deleted.
    pub already: usize,
}

/// Why an import could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The folder new articles go to could not be made or is not a folder.
    #[error("{}: {reason}", crate::loader::display_path(.folder))]
    Target {
        /// The folder.
        folder: PathBuf,
        /// Why.
        reason: String,
    },
    /// The record of imported items could not be read or written: importing without it
    /// would write items again. What the system said is part of the message, not a cause
    /// after it, so that it is said once.
    #[error("the record of imported items, {}: {}", crate::loader::display_path(.path), crate::loader::describe_io_error(.error))]
    Record {
        /// The record.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
}
