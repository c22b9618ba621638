//! OPML, the list of subscriptions every feed reader imports and exports: read leniently,
//! as OPML in the wild is written (an outline without `text`, no `<body>`, `&nbsp;`, any
//! declared encoding), and written plainly.
//!
//! Every `<outline>` with an `xmlUrl` (in any case) is a subscription; its `text` or `title`
//! is its name, and the names of the outlines it sits in (or a `category` attribute) its
//! category. Nothing is expanded: only XML's own and numeric references are read, and a
//! document that declares entities is refused.

use quick_xml::Reader;
use quick_xml::encoding::DecodingReader;
use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};

use super::{FeedError, Kind, field, sniff};

/// One subscription an OPML document lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    /// The feed's address, as written.
    pub url: String,
    /// Its name, if the document gives one.
    pub title: Option<String>,
    /// Its category: the outlines it sits in, `/`-separated, or its `category` attribute.
    pub category: Option<String>,
}

/// Reads the subscriptions of the OPML document `bytes`.
pub fn read(bytes: &[u8]) -> Result<Vec<Outline>, FeedError> {
    match sniff(bytes) {
        Kind::Opml => {}
        Kind::Entities => return Err(FeedError::Entities),
        _ => return Err(FeedError::Xml("not an OPML document".into())),
    }
    let mut reader = Reader::from_reader(DecodingReader::new(bytes));
    // Names of the outlines open around the one read.
    let mut open: Vec<Option<String>> = Vec::new();
    let mut found = Vec::new();
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        let event = reader.read_event_into(&mut buffer).map_err(|error| {
            FeedError::Xml(format!("{error} at byte {}", reader.buffer_position()))
        })?;
        let (element, empty) = match event {
            Event::Decl(declaration) => {
                if let Some(encoding) = declaration.encoder() {
                    reader.get_mut().set_encoding(encoding);
                }
                continue;
            }
            Event::Start(element) => (element, false),
            Event::Empty(element) => (element, true),
            Event::End(end) => {
                if end.local_name().as_ref().eq_ignore_ascii_case("outline") {
                    open.pop();
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        if !element
            .local_name()
            .as_ref()
            .eq_ignore_ascii_case("outline")
        {
            continue;
        }
        let title = attribute(&element, &["text", "title"]);
        if let Some(url) = attribute(&element, &["xmlurl"]) {
            // A list that names a feed by its address (as this one writes a feed without a
            // title) gives it no title.
            let title = title.clone().filter(|title| *title != url);
            let path: Vec<&str> = open.iter().flatten().map(String::as_str).collect();
            let category = attribute(&element, &["category"])
                .or_else(|| (!path.is_empty()).then(|| path.join("/")));
            found.push(Outline {
                url,
                title,
                category,
            });
        }
        if !empty {
            open.push(title);
        }
    }
    Ok(found)
}

/// The first of the attributes `names` (compared in lower case) that has a value.
fn attribute(element: &BytesStart, names: &[&str]) -> Option<String> {
    for name in names {
        for attribute in element.attributes().flatten() {
            if !attribute.key.as_ref().eq_ignore_ascii_case(name) {
                continue;
            }
            // XML's own and numeric references are read; any other stays as written.
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| attribute.value.clone().into_owned());
            if let Some(value) = field(&crate::sanitize::sanitize_line(&value)) {
                return Some(value);
            }
        }
    }
    None
}

/// An OPML 2.0 document listing `outlines`, titled `title`.
pub fn write(title: &str, outlines: &[Outline]) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n");
    out.push_str(&format!(
        "  <head>\n    <title>{}</title>\n  </head>\n  <body>\n",
        escape(title)
    ));
    for outline in outlines {
        let name = outline.title.as_deref().unwrap_or(&outline.url);
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{}\" xmlUrl=\"{}\"",
            escape(name),
            escape(&outline.url)
        ));
        if let Some(category) = &outline.category {
            out.push_str(&format!(" category=\"{}\"", escape(category)));
        }
        out.push_str("/>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlines_are_read_with_their_categories() {
        let text = r#"<?xml version="1.0" encoding="ISO-8859-1"?>
<opml version="1.0"><head><title>Subs</title></head><body>
  <outline text="Tech"><outline text="Caf@ &amp; Co" type="rss" xmlUrl="https://e.com/a.xml"/>
    <outline title="Deeper"><outline XMLURL="https://e.com/b.xml"/></outline></outline>
  <outline text="Top" xmlurl="https://e.com/c.xml" category="news,world"/>
  <outline text="a link, no feed" url="https://e.com/page"/>
  <outline text="&nbsp;odd" xmlUrl="https://e.com/d.xml"/>
</body></opml>"#;
        // `@` stands for é in ISO-8859-1, one byte.
        let opml: Vec<u8> = text
            .bytes()
            .map(|b| if b == b'@' { 0xe9 } else { b })
            .collect();
        let got = read(&opml).unwrap();
        let want = [
            ("https://e.com/a.xml", Some("Café & Co"), Some("Tech")),
            ("https://e.com/b.xml", None, Some("Tech/Deeper")),
            ("https://e.com/c.xml", Some("Top"), Some("news,world")),
            ("https://e.com/d.xml", Some("&nbsp;odd"), None),
        ];
        assert_eq!(got.len(), want.len(), "{got:?}");
        for (outline, (url, title, category)) in got.iter().zip(want) {
            assert_eq!(outline.url, url);
            assert_eq!(outline.title.as_deref(), title);
            assert_eq!(outline.category.as_deref(), category);
        }
    }

    #[test]
    fn what_is_not_opml_or_declares_entities_is_refused() {
        assert!(read(b"<rss version=\"2.0\"/>").is_err());
        let bomb = b"<!DOCTYPE o [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]><opml><body><outline text=\"&b;\" xmlUrl=\"https://e.com\"/></body></opml>";
        assert_eq!(read(bomb), Err(FeedError::Entities));
        assert_eq!(read(b"<opml version=\"2.0\"><head/></opml>").unwrap(), []);
    }

    #[test]
    fn what_is_written_reads_back() {
        let outlines = vec![
            Outline {
                url: "https://e.com/feed?a=1&b=\"2\"".into(),
                title: Some("<Odd> & \"quoted\"".into()),
                category: Some("News/World".into()),
            },
            Outline {
                url: "http://e.org/rss".into(),
                title: None,
                category: None,
            },
        ];
        let text = write("moodwire subscriptions", &outlines);
        let read_back = read(text.as_bytes()).unwrap();
        assert_eq!(read_back[0], outlines[0]);
        assert_eq!(read_back[1].url, outlines[1].url);
        assert_eq!(read_back[1].title, None);
    }
}
