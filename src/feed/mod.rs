//! Feeds: what a feed's bytes say, item by item, whatever its format (RSS 0.9x, 1.0 and 2.0,
//! Atom 1.0, JSON Feed 1.x), read as a well-known feed parser (Python's feedparser) reads it.
//!
//! XML feeds are parsed by `feed-rs`, with the normalisations that make it agree with
//! feedparser on real feeds (`prepare` on the bytes before, the choice of link, title and
//! date after); JSON Feed is read here (`json`), leniently, since feed-rs refuses a whole
//! feed over one field of an unexpected type. Nothing in a feed is fetched or expanded: a
//! document that declares XML entities is refused (README, SECURITY.md).
//!
//! ```
//! let xml = br#"<rss version="2.0"><channel><title>News</title>
//!   <item><title>First</title><link>https://example.com/1</link>
//!   <pubDate>Mon, 06 Sep 2010 00:01:00 +0000</pubDate></item></channel></rss>"#;
//! let feed = moodwire::feed::parse(xml, None).unwrap();
//! assert_eq!(feed.title.as_deref(), Some("News"));
//! assert_eq!(feed.items[0].title.as_deref(), Some("First"));
//! assert_eq!(feed.items[0].date.unwrap().to_string(), "2010-09-06T00:01:00Z");
//! ```

mod dates;
mod entities;
mod json;
pub mod opml;
mod prepare;
mod sniff;
mod xml;

use jiff::Timestamp;

pub use dates::parse_date;
pub use sniff::{Kind, sniff};

/// A feed, read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Feed {
    /// The feed's title, if it has one.
    pub title: Option<String>,
    /// The address of the site the feed is about, if it says.
    pub link: Option<String>,
    /// Its items, in the feed's order.
    pub items: Vec<Item>,
}

/// One item of a feed: a post, an article, an episode.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Item {
    /// The item's own id (RSS `guid`, Atom `id`, JSON `id`), if it has one.
    pub id: Option<String>,
    /// Its title, if it has one.
    pub title: Option<String>,
    /// The address of the article it is about.
    pub link: Option<String>,
    /// When it was published, else last updated, to the second.
    pub date: Option<Timestamp>,
    /// Who wrote it: the item's first author, else the feed's.
    pub author: Option<String>,
    /// Its categories (RSS `category`, Atom `category`, JSON `tags`), in order, once each.
    pub categories: Vec<String>,
    /// Its whole content, as HTML.
    pub content: Option<String>,
    /// Its summary, as HTML.
    pub summary: Option<String>,
}

/// Why a feed could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    /// The document declares XML entities, which are never expanded.
    #[error(
        "the document declares XML entities (an entity bomb or a way to read local files); it is refused, not expanded"
    )]
    Entities,
    /// The XML parser could not read it.
    #[error("not a feed moodwire can read: {0}")]
    Xml(String),
    /// The JSON is not a JSON Feed.
    #[error("not a JSON Feed: {0}")]
    Json(String),
    /// Neither XML nor JSON.
    #[error("not a feed (neither RSS, Atom nor JSON Feed)")]
    NotAFeed,
}

/// Reads the feed in `bytes`, fetched from `address` (which relative links are resolved
/// against) if it came over the web; as the raw bytes, never text an HTTP client decoded,
/// since the document says its own encoding.
pub fn parse(bytes: &[u8], address: Option<&str>) -> Result<Feed, FeedError> {
    match sniff(bytes) {
        Kind::Json => json::parse(bytes, address),
        Kind::Entities => Err(FeedError::Entities),
        Kind::Feed | Kind::Unknown => xml::parse(bytes, address),
        Kind::Opml | Kind::Page => Err(FeedError::NotAFeed),
    }
}

impl Item {
    /// The HTML of the item's body: its content, else its summary.
    pub fn body_html(&self) -> Option<&str> {
        self.content
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .or(self.summary.as_deref())
    }

    /// True when the feed carries only a summary of the item (or nothing), so that the
    /// linked page holds its text.
    pub fn summary_only(&self) -> bool {
        self.content.as_deref().is_none_or(|c| c.trim().is_empty())
    }
}

/// Text from a feed as a field: character references already decoded by the parser, white
/// space at the ends trimmed, nothing when empty.
fn field(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}
