//! From what a source says to the bytes of new article files: a feed's items, or a page.

use std::collections::HashMap;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::Settings;
use super::article::{Fields, compose};
use super::decode::html_text;
use super::names;
use super::seen::{Key, key_of};
use crate::feed::{Feed, Item};
use crate::page::{self, Page};
use crate::web::{Client, Reply, Validators};

/// A new article, ready to be written.
#[derive(Debug, Clone)]
pub struct Draft {
    /// What the record will know it by.
    pub key: Key,
    /// Its file name without `.md`.
    pub stem: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// What became of one item that was not made into a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The item, as a line names it (its title, else its address).
    pub item: String,
    /// Why.
    pub reason: String,
}

/// Everything needed to make drafts of a source's items.
pub struct Making<'a> {
    /// What the record scopes the source's items by.
    pub scope: String,
    /// Where the source was fetched from, after redirects.
    pub address: Option<&'a str>,
    /// How to fetch linked pages (`--full`).
    pub client: &'a Client,
    /// What to write.
    pub settings: &'a Settings,
    /// The date of an article whose source gives none.
    pub today: Timestamp,
}

/// An item's title, date and link, which tell two items with one key apart.
type Met<'a> = (Option<&'a str>, Option<Timestamp>, Option<&'a str>);

/// The drafts of a feed's items that `seen` does not know, and the items refused, with
/// warnings (a linked page that could not be fetched for `--full`).
pub fn from_feed(
    feed: &Feed,
    making: &Making,
    seen: impl Fn(&Key) -> bool,
) -> (Vec<Draft>, Vec<Refused>, Vec<String>) {
    let mut drafts = Vec::new();
    let mut refused = Vec::new();
    let mut warnings = Vec::new();
    // The items met so far with each key: a feed may give two posts one id (a later item
    // with the same title, date and link is the same item, given twice).
    let mut met: HashMap<Key, Vec<Met>> = HashMap::new();
    for item in &feed.items {
        let date_text = item.date.map(|d| d.to_string()).unwrap_or_default();
        let fallback = format!("{}\0{date_text}", item.title.as_deref().unwrap_or_default());
        let first = key_of(
            &making.scope,
            item.id.as_deref(),
            item.link.as_deref(),
            &fallback,
        );
        let this = (item.title.as_deref(), item.date, item.link.as_deref());
        let earlier = met.entry(first.clone()).or_default();
        if earlier.contains(&this) {
            continue;
        }
        let key = match earlier.len() {
            0 => first,
            n => first.nth(n),
        };
        earlier.push(this);
        let address = item
            .link
            .as_deref()
            .filter(|l| crate::web::web_url(l).is_ok());
        if item.title.is_none() && address.is_none() && item.body_html().is_none() {
            // Nothing to read: an empty `<entry>` or `{}` would be an empty article. Left out
            // without a word, as feed-rs leaves out an empty RSS `<item>`: a warning would be
            // repeated at every fetch of the feed.
            continue;
        }
        if seen(&key) {
            continue;
        }
        let fields = item_fields(item, feed, making, &mut warnings).cleaned();
        let day = item.date.map(utc_day);
        match draft(key, fields, day, making) {
            Ok(draft) => drafts.push(draft),
            Err(reason) => refused.push(Refused {
                item: name_of(item),
                reason,
            }),
        }
    }
    (drafts, refused, warnings)
}

/// The draft of a web page, unless `seen` knows it: `None` then.
pub fn from_page(
    bytes: &[u8],
    content_type: Option<&str>,
    making: &Making,
    seen: impl Fn(&Key) -> bool,
) -> Result<Option<Draft>, String> {
    let page = page::read_at(&html_text(bytes, content_type), making.address);
    let canonical = page
        .source_url
        .clone()
        .filter(|url| crate::web::web_url(url).is_ok());
    let source_url = canonical.or_else(|| making.address.map(str::to_owned));
    let fallback = page.title.clone().unwrap_or_default();
    let key = key_of(&making.scope, None, source_url.as_deref(), &fallback);
    if seen(&key) {
        return Ok(None);
    }
    let category = making
        .address
        .and_then(|a| crate::address::WebAddress::parse(a).ok())
        .map(|a| a.site());
    let day = page.date.as_ref().map(|d| d.date());
    let fields = Fields {
        title: page.title.clone(),
        date: page.date.as_ref().map(|d| d.to_iso()),
        source_url,
        category,
        tags: Vec::new(),
        author: page.author.clone(),
        body: page_body(&page),
    }
    .cleaned();
    draft(key, fields, day, making).map(Some)
}

/// The fields of a feed's item.
fn item_fields(item: &Item, feed: &Feed, making: &Making, warnings: &mut Vec<String>) -> Fields {
    // A feed read from a file has no address of its own to resolve a relative link against;
    // the site it names (its `<link>`) stands in.
    let site = making.address.or(feed.link.as_deref());
    let site = site.and_then(|site| url::Url::parse(site).ok());
    let link = item
        .link
        .as_deref()
        .map(|link| crate::address::absolute(link, site.as_ref()));
    let base = link.as_deref().or(making.address);
    let mut body = item
        .body_html()
        .map(|html| page::fragment(html, base).markdown)
        .unwrap_or_default();
    if making.settings.full
        && item.summary_only()
        && let Some(link) = link.as_deref()
    {
        match full_text(link, making.client) {
            Ok(Some(text)) => body = text,
            Ok(None) => {}
            Err(reason) => warnings.push(format!(
                "{}: the linked page was not fetched ({reason}); the feed's summary is kept",
                name_of(item)
            )),
        }
    }
    Fields {
        title: item.title.clone(),
        date: item.date.map(|d| d.to_string()),
        // Not a link a browser would run (`javascript:`) into a file other programs may open;
        // other links stay, an Atom entry's `tag:` id among them, as feedparser gives them.
        source_url: link.filter(|link| !crate::address::runs_or_reads_locally(link)),
        category: item
            .categories
            .first()
            .cloned()
            .or_else(|| feed.title.clone()),
        tags: item.categories.clone(),
        author: item.author.clone(),
        body,
    }
}

/// The main text of the page at `link`, as Markdown, if it has one.
fn full_text(link: &str, client: &Client) -> Result<Option<String>, String> {
    crate::web::web_url(link)?;
    let fetched = match client
        .get(link, &Validators::default())
        .map_err(|e| e.to_string())?
    {
        Reply::Fresh(fetched) => fetched,
        Reply::NotModified => return Ok(None),
    };
    let page = page::read_at(
        &html_text(&fetched.bytes, fetched.content_type.as_deref()),
        Some(&fetched.address),
    );
    let body = page_body(&page);
    Ok((!body.trim().is_empty()).then_some(body))
}

/// What of a page an article file keeps: its article, as Markdown with its links.
fn page_body(page: &Page) -> String {
    page.body.clone()
}

/// The draft of an article with `fields`, dated `day` (else today).
fn draft(key: Key, fields: Fields, day: Option<Date>, making: &Making) -> Result<Draft, String> {
    let words = fields
        .title
        .clone()
        .unwrap_or_else(|| first_words(&fields.body));
    let day = day.unwrap_or_else(|| utc_day(making.today));
    let stem = names::stem(day, &words);
    let reading = &making.settings.reading;
    let bytes = compose(&fields, &format!("{stem}.md"), making.settings.tag, reading)?;
    Ok(Draft { key, stem, bytes })
}

/// The first words of a body, for the name of an article without a title.
fn first_words(body: &str) -> String {
    body.split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ")
}

fn utc_day(at: Timestamp) -> Date {
    at.to_zoned(TimeZone::UTC).date()
}

/// An item as a line names it: its title, else its address, else its id.
fn name_of(item: &Item) -> String {
    let name = item
        .title
        .as_deref()
        .or(item.link.as_deref())
        .or(item.id.as_deref())
        .unwrap_or("an item without title or address");
    format!("\"{}\"", crate::sanitize::sanitize_line(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::WebLimits;

    /// A feed that gives two different posts one id has both written; one that repeats an
    /// item whole has it once.
    #[test]
    fn items_that_share_an_id_are_told_apart_by_what_they_say() {
        let feed = crate::feed::parse(
            br#"<rss version="2.0"><channel><title>T</title>
            <item><guid>http://e.com/1</guid><pubDate>Sun, 25 Jun 2017 12:32:31 GMT</pubDate><description>a</description></item>
            <item><guid>http://e.com/1</guid><pubDate>Sun, 25 Jun 2017 12:27:31 GMT</pubDate><description>b</description></item>
            <item><guid>http://e.com/1</guid><pubDate>Sun, 25 Jun 2017 12:27:31 GMT</pubDate><description>b</description></item>
            <item><guid>x</guid><link>http://e.com/a</link></item>
            <item><guid>x</guid><link>http://e.com/b</link></item>
            </channel></rss>"#,
            None,
        )
        .unwrap();
        let settings = Settings::default();
        let making = Making {
            scope: "feed".into(),
            address: None,
            client: &Client::new(WebLimits::default()),
            settings: &settings,
            today: Timestamp::now(),
        };
        let (drafts, refused, _) = from_feed(&feed, &making, |_| false);
        assert_eq!(refused, []);
        assert_eq!(drafts.len(), 4);
        let keys: std::collections::HashSet<_> = drafts.iter().map(|d| d.key.clone()).collect();
        assert_eq!(keys.len(), 4, "each its own key");
        // The same feed read again gives the same keys, so a second run writes nothing.
        let (again, _, _) = from_feed(&feed, &making, |key| keys.contains(key));
        assert!(again.is_empty());
    }
}
