//! moodwire: a library of news articles with sentiment, for the terminal.
//!
//! Articles are Markdown or plain-text files, usually with YAML (or TOML) front matter that
//! carries a sentiment score, a sentiment label and a TL;DR. The loader reads whole folders in
//! parallel and turns every file into either an [`Article`] or a one-line [`Problem`]; nothing
//! is dropped silently, and all text is made safe for a terminal as it is loaded.
//!
//! ```
//! use moodwire::{Bucket, Library, Reading, SortOrder};
//!
//! let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-articles");
//! let library = Library::load(&[folder.into()], &Reading::default());
//! assert!(library.problems().is_empty());
//!
//! let negative: Vec<_> = library
//!     .sorted(SortOrder::Score)
//!     .into_iter()
//!     .filter(|a| a.sentiment.bucket == Some(Bucket::Negative) && !a.sentiment.is_untagged())
//!     .collect();
//! assert_eq!(negative[0].title, "Russia struggles to shake reliance on foreign technology imports");
//! assert_eq!(negative[0].sentiment.score, Some(4.0));
//!
//! // Articles whose files carry no sentiment get an estimate, marked as such.
//! let estimated = library.articles().iter().filter(|a| a.sentiment.is_estimated()).count();
//! assert_eq!(estimated, 3);
//! ```
//!
//! Modules stand on floors and depend downward only (README, "Architecture"): the model and
//! text at the bottom, reading one file, many files, the loaded [`Library`], then presentation
//! ([`render`], [`config`]) and the front ends ([`tui`], and the binary's command line). Below
//! presentation nothing knows of terminals, and settings are values handed down: a [`Reading`]
//! to whatever reads files, a [`render::Look`] to whatever draws.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod address;
pub mod article;
pub mod cache;
pub(crate) mod codec;
pub mod config;
pub mod date;
pub mod date_format;
pub mod feed;
pub mod frontmatter;
pub mod history;
pub mod import;
pub(crate) mod index;
pub mod library;
pub mod limits;
pub mod loader;
pub mod marks;
pub mod opener;
pub(crate) mod packed;
pub mod page;
pub mod parallel;
pub mod parse;
pub mod query;
pub mod reading;
pub mod render;
pub(crate) mod replace_file;
pub(crate) mod samples;
pub mod sanitize;
pub mod scrape;
pub mod sentiment;
pub mod subscriptions;
pub mod tagger;
pub(crate) mod title;
pub mod tldr;
pub mod tui;
pub mod web;
pub mod words;

pub use article::{Article, Bucket, Origin, Sentiment};
pub use date::ArticleDate;
pub use library::Library;
pub use limits::Limits;
pub use loader::{Problem, Severity};
pub use query::{LabelFilter, Query, QueryError, SortOrder};
pub use reading::Reading;
