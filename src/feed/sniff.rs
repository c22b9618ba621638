//! What a document is, from its first bytes: a feed, a list of subscriptions, a web page; and
//! whether it declares XML entities, which are refused before any parser sees them.

use std::borrow::Cow;

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An XML feed: RSS, RDF or Atom.
    Feed,
    /// A JSON document, read as JSON Feed.
    Json,
    /// An OPML list of subscriptions.
    Opml,
    /// A web page.
    Page,
    /// An XML document whose DOCTYPE declares entities: refused.
    Entities,
    /// Something else.
    Unknown,
}

/// How far into a document its root element is looked for: prologs are short, and a
/// DOCTYPE's internal subset longer than this is no feed's.
const LOOK_AHEAD: usize = 1 << 20;

/// What `bytes` hold.
pub fn sniff(bytes: &[u8]) -> Kind {
    let head = &bytes[..bytes.len().min(LOOK_AHEAD)];
    let text = as_text(head);
    let text = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if text.starts_with('{') {
        return Kind::Json;
    }
    match root(text) {
        Root::Element(name) => match local(&name).as_str() {
            "rss" | "feed" | "rdf" | "entry" => Kind::Feed,
            "opml" => Kind::Opml,
            "html" | "head" | "body" => Kind::Page,
            _ => Kind::Unknown,
        },
        Root::Entities => Kind::Entities,
        Root::HtmlDoctype => Kind::Page,
        Root::None => Kind::Unknown,
    }
}

enum Root {
    Element(String),
    /// A DOCTYPE with an internal subset that declares entities.
    Entities,
    /// `<!DOCTYPE html>`.
    HtmlDoctype,
    None,
}

/// The root element of `text`, past the XML declaration, processing instructions, comments
/// and the DOCTYPE.
fn root(text: &str) -> Root {
    let mut at = 0;
    loop {
        let Some(offset) = text[at..].find('<') else {
            return Root::None;
        };
        at += offset;
        let rest = &text[at..];
        if rest.starts_with("<?") {
            match rest.find("?>") {
                Some(end) => at += end + 2,
                None => return Root::None,
            }
        } else if rest.starts_with("<!--") {
            match rest.find("-->") {
                Some(end) => at += end + 3,
                None => return Root::None,
            }
        } else if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case("<!doctype") {
            let end = doctype_end(rest);
            let doctype = &rest[..end];
            if declares_entities(doctype) {
                return Root::Entities;
            }
            let name = doctype[9..].split_whitespace().next().unwrap_or_default();
            if name.trim_end_matches('>').eq_ignore_ascii_case("html") {
                return Root::HtmlDoctype;
            }
            at += end;
        } else if let Some(declaration) = rest.strip_prefix("<!") {
            // Any other declaration (an entity outside a DOCTYPE is not XML; refuse it too).
            if declaration
                .trim_start()
                .to_ascii_uppercase()
                .starts_with("ENTITY")
            {
                return Root::Entities;
            }
            at += rest.find('>').map_or(rest.len(), |end| end + 1);
        } else {
            let name: String = rest[1..]
                .chars()
                .take_while(|c| !c.is_whitespace() && !matches!(c, '>' | '/'))
                .collect();
            return match name.is_empty() {
                true => Root::None,
                false => Root::Element(name),
            };
        }
    }
}

/// Where a DOCTYPE that starts `text` ends: after its `>`, past an internal subset in `[...]`.
pub(super) fn doctype_end(text: &str) -> usize {
    let mut depth = 0usize;
    let mut quote = None;
    for (at, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[') => depth += 1,
            (None, ']') => depth = depth.saturating_sub(1),
            (None, '>') if depth == 0 => return at + 1,
            _ => {}
        }
    }
    text.len()
}

/// True when a DOCTYPE declares an entity in its internal subset.
pub(super) fn declares_entities(doctype: &str) -> bool {
    doctype.contains('[') && doctype.to_ascii_uppercase().contains("<!ENTITY")
}

/// `rdf:RDF` is `rdf`; names are compared in lower case.
fn local(name: &str) -> String {
    name.rsplit(':').next().unwrap_or(name).to_ascii_lowercase()
}

/// The head of a document as text enough to find its root: UTF-16 (by its byte order mark)
/// decoded, anything else read as ASCII with the rest replaced.
fn as_text(head: &[u8]) -> Cow<'_, str> {
    if head.starts_with(&[0xff, 0xfe]) {
        return Cow::Owned(
            encoding_rs::UTF_16LE
                .decode_with_bom_removal(head)
                .0
                .into_owned(),
        );
    }
    if head.starts_with(&[0xfe, 0xff]) {
        return Cow::Owned(
            encoding_rs::UTF_16BE
                .decode_with_bom_removal(head)
                .0
                .into_owned(),
        );
    }
    String::from_utf8_lossy(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_told_apart_by_their_root() {
        let cases: &[(&[u8], Kind)] = &[
            (b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"></rss>", Kind::Feed),
            (b"\xef\xbb\xbf  <feed xmlns=\"http://www.w3.org/2005/Atom\">", Kind::Feed),
            (b"<!-- hi --><rdf:RDF xmlns:rdf=\"x\">", Kind::Feed),
            (
                b"<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\">",
                Kind::Feed,
            ),
            (b"<?xml version=\"1.0\"?><opml version=\"2.0\">", Kind::Opml),
            (b"<!DOCTYPE html><meta charset=utf-8><title>x</title>", Kind::Page),
            (b"<html lang=en><body>", Kind::Page),
            (b"  {\"version\": \"https://jsonfeed.org/version/1.1\"}", Kind::Json),
            (b"plain words", Kind::Unknown),
            (b"<svg></svg>", Kind::Unknown),
        ];
        for (bytes, kind) in cases {
            assert_eq!(sniff(bytes), *kind, "{}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn documents_that_declare_entities_are_refused() {
        let bomb = b"<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 \"&lol;&lol;\">\n]>\n<rss version=\"2.0\"/>";
        assert_eq!(sniff(bomb), Kind::Entities);
        let external = b"<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss/>";
        assert_eq!(sniff(external), Kind::Entities);
        let quoted = b"<!DOCTYPE r [<!ENTITY x \"a > b\">]><opml/>";
        assert_eq!(sniff(quoted), Kind::Entities);
    }

    #[test]
    fn utf16_documents_are_read() {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"/>";
        let mut bytes = vec![0xff, 0xfe];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(sniff(&bytes), Kind::Feed);
    }
}
