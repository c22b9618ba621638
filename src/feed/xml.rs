//! XML feeds (RSS 0.9x, 1.0, 2.0 and Atom) through feed-rs, and the fields picked from what it
//! gives as feedparser picks them.

use feed_rs::model::{Entry, FeedType, Link, Person, Text};
use feed_rs::parser::Builder;

use super::prepare::prepare;
use super::{Feed, FeedError, Item, field};

/// What the id generator gives an entry without an id, so that a made-up id is never taken
/// for the feed's own: feed-rs would otherwise make one from a hash of the link and title, or
/// a random one that changes at every fetch.
const NO_ID: &str = "\u{1}moodwire-no-id";

/// Reads the XML feed in `bytes`, fetched from `address` if it came over the web.
pub fn parse(bytes: &[u8], address: Option<&str>) -> Result<Feed, FeedError> {
    let prepared = prepare(bytes);
    let parser = Builder::new()
        .base_uri(address)
        .id_generator(|_, _, _| NO_ID.to_owned())
        .timestamp_parser(|text| {
            super::parse_date(text)
                .and_then(|at| chrono::DateTime::from_timestamp(at.as_second(), 0))
        })
        .sanitize_content(false)
        .build();
    let feed = parser
        .parse(prepared.as_slice())
        .map_err(|error| FeedError::Xml(one_line(&error.to_string())))?;
    let atom = feed.feed_type == FeedType::Atom;
    let feed_author = author(&feed.authors);
    let items = feed
        .entries
        .iter()
        .map(|entry| item(entry, atom, address, feed_author.as_deref()))
        .collect();
    Ok(Feed {
        title: feed.title.as_ref().and_then(title_text),
        link: alternate(&feed.links).map(|link| link.href.clone()),
        items,
    })
}

fn item(entry: &Entry, atom: bool, address: Option<&str>, feed_author: Option<&str>) -> Item {
    let id = Some(entry.id.as_str())
        .filter(|id| *id != NO_ID)
        .and_then(field);
    let title = entry.title.as_ref().and_then(title_text).or_else(|| {
        // feedparser takes `media:title` for an item without a title.
        entry
            .media
            .iter()
            .find_map(|m| m.title.as_ref().and_then(title_text))
    });
    let content = entry.content.as_ref().and_then(|c| {
        c.body
            .as_deref()
            .map(|body| as_html(body, c.content_type.as_str(), atom))
    });
    let summary = entry
        .summary
        .as_ref()
        .map(|t| text_as_html(t, atom))
        .or_else(|| {
            entry
                .media
                .iter()
                .find_map(|m| m.description.as_ref().map(|t| text_as_html(t, false)))
        });
    let mut categories: Vec<String> = Vec::new();
    for category in &entry.categories {
        let name = category.label.as_deref().unwrap_or(&category.term);
        if let Some(name) = field(name)
            && !categories.contains(&name)
        {
            categories.push(name);
        }
    }
    Item {
        link: link(entry, id.as_deref(), atom, address),
        id,
        title,
        date: entry
            .published
            .or(entry.updated)
            .and_then(|at| jiff::Timestamp::from_second(at.timestamp()).ok()),
        author: author(&entry.authors).or(feed_author.map(str::to_owned)),
        categories,
        content,
        summary,
    }
}

/// The article's address as feedparser chooses it: the last alternate link of an HTML type;
/// else an Atom entry's id, or an RSS guid that is a web address (a relative one resolved
/// against the feed's address).
fn link(entry: &Entry, id: Option<&str>, atom: bool, address: Option<&str>) -> Option<String> {
    if let Some(link) = alternate(&entry.links) {
        return Some(link.href.clone());
    }
    let id = id?;
    if atom {
        return Some(id.to_owned());
    }
    match url::Url::parse(id) {
        Ok(url) => matches!(url.scheme(), "http" | "https").then(|| id.to_owned()),
        Err(_) if !id.contains(':') => {
            let base = url::Url::parse(address?).ok()?;
            base.join(id).ok().map(String::from)
        }
        Err(_) => None,
    }
}

/// The last link that is neither to comments nor of another relation or type than a page.
fn alternate(links: &[Link]) -> Option<&Link> {
    let page_type = |kind: &Option<String>| {
        kind.as_deref()
            .is_none_or(|t| matches!(t, "text/html" | "application/xhtml+xml"))
    };
    links.iter().rfind(|link| {
        link.target.is_none()
            && link.rel.as_deref().is_none_or(|rel| rel == "alternate")
            && page_type(&link.media_type)
            && !link.href.trim().is_empty()
    })
}

/// The first author's name (feed-rs leaves `jane@example.com (Jane Doe)` as `(Jane Doe)`),
/// else an address.
fn author(people: &[Person]) -> Option<String> {
    let name = people.iter().find_map(|p| {
        p.name
            .as_deref()
            .map(|n| n.trim().trim_start_matches('(').trim_end_matches(')'))
            .and_then(field)
    });
    name.or_else(|| {
        people
            .iter()
            .find_map(|p| p.email.as_deref().and_then(field))
    })
}

/// A title as text: one Atom marks as HTML (`type="html"` or `"xhtml"`) is markup, whose tags
/// and character references would otherwise be shown as written (`<b>Bold</b>`).
fn title_text(text: &Text) -> Option<String> {
    match text.content_type.as_str() {
        t if t.starts_with("text/html") || t.starts_with("application/xhtml") => {
            field(&crate::page::plain_text(&text.content))
        }
        _ => field(&text.content),
    }
}

/// A text construct as HTML: RSS says nothing of its type and means HTML; Atom's plain text
/// is escaped.
fn text_as_html(text: &Text, atom: bool) -> String {
    as_html(&text.content, text.content_type.as_str(), atom)
}

fn as_html(body: &str, media_type: &str, atom: bool) -> String {
    match atom && media_type.starts_with("text/plain") {
        true => plain_to_html(body),
        false => body.to_owned(),
    }
}

/// Plain text as HTML: special characters escaped, a paragraph for each blank-line-separated
/// block.
pub(super) fn plain_to_html(text: &str) -> String {
    let mut html = String::with_capacity(text.len() + 16);
    let normalised = text.replace("\r\n", "\n");
    for paragraph in normalised.split("\n\n").filter(|p| !p.trim().is_empty()) {
        html.push_str("<p>");
        for c in paragraph.trim().chars() {
            match c {
                '&' => html.push_str("&amp;"),
                '<' => html.push_str("&lt;"),
                '>' => html.push_str("&gt;"),
                '\n' => html.push_str("<br>"),
                c => html.push(c),
            }
        }
        html.push_str("</p>\n");
    }
    html
}

/// An error as one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(xml: &str) -> Feed {
        parse(xml.as_bytes(), Some("http://127.0.0.1:8000/feed.xml")).unwrap()
    }

    #[test]
    fn rss_items_give_their_fields() {
        let feed = read(
            r#"<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
            xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title> The Site </title>
            <link>https://example.com/</link>
            <item><title>One &amp; two</title><link>https://example.com/1</link><guid>a-1</guid>
            <comments>https://example.com/1#comments</comments>
            <pubDate>Tue, 07 Sep 2010 10:00:00 +0200</pubDate><dc:creator>Ana</dc:creator>
            <category>World</category><category> Oil </category><category>World</category>
            <description>&lt;p&gt;Short&lt;/p&gt;</description>
            <content:encoded><![CDATA[<p>Long <b>text</b></p>]]></content:encoded></item>
            <item><guid isPermaLink="true">https://example.com/2</guid><title></title>
            <description>Only a summary &nbsp;with &eacute; and a=1&b=2</description></item>
            </channel></rss>"#,
        );
        assert_eq!(feed.title.as_deref(), Some("The Site"));
        let one = &feed.items[0];
        assert_eq!(one.title.as_deref(), Some("One & two"));
        assert_eq!(one.link.as_deref(), Some("https://example.com/1"));
        assert_eq!(one.id.as_deref(), Some("a-1"));
        assert_eq!(one.date.unwrap().to_string(), "2010-09-07T08:00:00Z");
        assert_eq!(one.author.as_deref(), Some("Ana"));
        assert_eq!(one.categories, ["World", "Oil"]);
        assert_eq!(one.body_html(), Some("<p>Long <b>text</b></p>"));
        assert!(!one.summary_only());
        let two = &feed.items[1];
        assert_eq!(two.title, None);
        assert_eq!(two.link.as_deref(), Some("https://example.com/2"));
        assert!(two.summary_only());
        assert_eq!(
            two.summary.as_deref(),
            Some("Only a summary \u{a0}with é and a=1&b=2")
        );
    }

    #[test]
    fn atom_entries_give_their_fields() {
        let feed = read(
            r#"<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">A</title>
            <author><name>Feed Author</name></author>
            <entry><id>tag:example.com,2010:1</id><title>T</title>
            <link rel="alternate" type="application/pdf" href="/doc.pdf"/>
            <updated>2010-09-06T00:01:00Z</updated><published>2010-09-05T00:00:00-04:00</published>
            <summary type="text">a &lt; b</summary><category term="t" label="Label"/></entry>
            <entry><id>urn:x</id><link href="/relative"/><updated>2010-09-06T00:01:00Z</updated></entry>
            </feed>"#,
        );
        let one = &feed.items[0];
        assert_eq!(one.link.as_deref(), Some("tag:example.com,2010:1"));
        assert_eq!(one.date.unwrap().to_string(), "2010-09-05T04:00:00Z");
        assert_eq!(one.author.as_deref(), Some("Feed Author"));
        assert_eq!(one.summary.as_deref(), Some("<p>a &lt; b</p>\n"));
        assert_eq!(one.categories, ["Label"]);
        assert_eq!(
            feed.items[1].link.as_deref(),
            Some("http://127.0.0.1:8000/relative")
        );
    }

    #[test]
    fn rdf_and_old_rss_are_read() {
        let rdf = read(
            r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
            <channel rdf:about="x"><title>R</title></channel>
            <item rdf:about="https://e.com/1"><title>I</title><link>https://e.com/1</link></item></rdf:RDF>"#,
        );
        assert_eq!(rdf.items[0].title.as_deref(), Some("I"));
        let old = read(
            r#"<rss version="0.94"><channel><title>O</title><item><title>x</title>
            <link>https://e.com/x</link></item></channel></rss>"#,
        );
        assert_eq!(old.items[0].link.as_deref(), Some("https://e.com/x"));
    }

    #[test]
    fn a_broken_document_is_an_error_on_one_line() {
        let error = parse(b"<rss version=\"2.0\"><channel><item><title>x", None).unwrap_err();
        assert!(!error.to_string().contains('\n'), "{error}");
        assert!(matches!(
            super::super::parse(b"<html></html>", None),
            Err(FeedError::NotAFeed)
        ));
    }

    /// An Atom title of type `html` or `xhtml` is markup: its text is the title, its tags and
    /// character references read as a browser would; a plain one is kept as written.
    #[test]
    fn atom_titles_marked_as_html_are_read_as_text() {
        let feed = read(
            r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
            <title type="html">The &lt;i&gt;Site&lt;/i&gt;</title><id>urn:f</id>
            <entry><id>urn:1</id><title type="html">&lt;b&gt;Bold&lt;/b&gt; That&amp;#8217;s it</title></entry>
            <entry><id>urn:2</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <em>xhtml</em> one</div></title></entry>
            <entry><id>urn:3</id><title>Plain &lt;b&gt; stays</title></entry>
            </feed>"#,
        );
        assert_eq!(feed.title.as_deref(), Some("The Site"));
        let titles: Vec<_> = feed.items.iter().map(|i| i.title.as_deref()).collect();
        assert_eq!(
            titles,
            [
                Some("Bold That\u{2019}s it"),
                Some("An xhtml one"),
                Some("Plain <b> stays")
            ]
        );
    }
}
