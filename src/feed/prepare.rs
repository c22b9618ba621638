//! An XML feed's bytes made readable by a strict XML parser where feedparser, which falls back
//! to a lenient one, reads them anyway. Each step is a reading feeds in the wild need:
//!
//! - a document in UTF-16 becomes UTF-8 (so that the byte-level steps below see text);
//! - one that claims UTF-8 (or nothing) but is not is read as windows-1252, as feedparser does;
//! - HTML's named references that XML does not define (`&nbsp;`, `&eacute;`) become numeric
//!   ones, outside CDATA sections and comments; others (declared in a DTD, or unknown) stay
//!   as they are, never expanded;
//! - a bare `&` (`?a=1&b=2` in a link) becomes `&amp;`, instead of losing the whole feed;
//! - `<rss>` of a version feed-rs does not know (`0.93`, `0.94`, `2.0.1`, none) is read as
//!   2.0, whose elements are the same.
//!
//! Each pass is linear in the document's size.

use std::borrow::Cow;

use super::entities::HTML_ENTITIES;
use super::sniff::doctype_end;

/// The document `bytes` ready for the XML parser.
pub fn prepare(bytes: &[u8]) -> Vec<u8> {
    let bytes = from_utf16(bytes);
    let bytes = from_windows_1252(bytes);
    let bytes = references(&bytes).into_owned();
    rss_version(bytes)
}

/// A document with a UTF-16 byte order mark, as UTF-8 with its declaration saying so.
fn from_utf16(bytes: &[u8]) -> Cow<'_, [u8]> {
    let encoding = match bytes {
        [0xff, 0xfe, ..] => encoding_rs::UTF_16LE,
        [0xfe, 0xff, ..] => encoding_rs::UTF_16BE,
        _ => return Cow::Borrowed(bytes),
    };
    let text = encoding.decode_with_bom_removal(bytes).0;
    Cow::Owned(with_utf8_declaration(text.into_owned()).into_bytes())
}

/// A document that claims UTF-8 or no encoding but is not UTF-8, read as windows-1252.
fn from_windows_1252(bytes: Cow<'_, [u8]>) -> Cow<'_, [u8]> {
    let declared = declared_encoding(&bytes);
    let claims_utf8 = declared
        .as_deref()
        .is_none_or(|name| matches!(name, "utf-8" | "utf8"));
    if !claims_utf8 || std::str::from_utf8(&bytes).is_ok() {
        return bytes;
    }
    let text = encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned();
    Cow::Owned(with_utf8_declaration(text).into_bytes())
}

/// The encoding the XML declaration names, in lower case.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = bytes[start..]
        .strip_prefix(b"\xef\xbb\xbf")
        .unwrap_or(&bytes[start..]);
    if !rest.starts_with(b"<?xml") {
        return None;
    }
    let end = rest.iter().position(|&b| b == b'>')?;
    let declaration = String::from_utf8_lossy(&rest[..end]);
    let at = declaration.find("encoding")?;
    let value = declaration[at + 8..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let value = &value[1..];
    Some(value[..value.find(quote)?].to_ascii_lowercase())
}

/// `text` with its XML declaration's encoding, if it names one, changed to UTF-8.
fn with_utf8_declaration(mut text: String) -> String {
    let start = text.len() - text.trim_start().len();
    if !text[start..].starts_with("<?xml") {
        return text;
    }
    let Some(end) = text[start..].find("?>").map(|end| start + end) else {
        return text;
    };
    if let Some(at) = text[start..end].find("encoding").map(|at| start + at) {
        text.replace_range(at..end, "encoding=\"utf-8\"");
    }
    text
}

/// HTML's named references made numeric, and bare ampersands escaped, outside CDATA sections
/// and comments.
fn references(bytes: &[u8]) -> Cow<'_, [u8]> {
    if !bytes.contains(&b'&') {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len() + 64);
    let mut at = 0;
    while at < bytes.len() {
        let rest = &bytes[at..];
        let skip = if rest.starts_with(b"<![CDATA[") {
            Some(find(rest, b"]]>").map_or(rest.len(), |end| end + 3))
        } else if rest.starts_with(b"<!--") {
            Some(find(rest, b"-->").map_or(rest.len(), |end| end + 3))
        } else {
            None
        };
        if let Some(length) = skip {
            out.extend_from_slice(&rest[..length]);
            at += length;
            continue;
        }
        if rest[0] != b'&' {
            // Copy up to the next byte that matters.
            let next = rest[1..]
                .iter()
                .position(|&b| b == b'&' || b == b'<')
                .map_or(rest.len(), |p| p + 1);
            out.extend_from_slice(&rest[..next]);
            at += next;
            continue;
        }
        match reference(rest) {
            Reference::Html(code, length) => {
                out.extend_from_slice(format!("&#{code};").as_bytes());
                at += length;
            }
            Reference::Kept(length) => {
                out.extend_from_slice(&rest[..length]);
                at += length;
            }
            Reference::Bare => {
                out.extend_from_slice(b"&amp;");
                at += 1;
            }
        }
    }
    Cow::Owned(out)
}

enum Reference {
    /// An HTML name XML does not know: its code point, and the reference's length.
    Html(u32, usize),
    /// A character reference, or a name XML knows or a DTD could declare: kept as it is.
    Kept(usize),
    /// An ampersand that starts no reference.
    Bare,
}

/// What the `&` that starts `rest` starts.
fn reference(rest: &[u8]) -> Reference {
    let name_length = rest[1..]
        .iter()
        .take(33)
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'#'));
    let Some(length) = name_length.filter(|&n| n > 0 && rest.get(1 + n) == Some(&b';')) else {
        return Reference::Bare;
    };
    let name = &rest[1..1 + length];
    if let Ok(found) = HTML_ENTITIES.binary_search_by(|(known, _)| known.as_bytes().cmp(name)) {
        return Reference::Html(HTML_ENTITIES[found].1, length + 2);
    }
    let valid = match name.strip_prefix(b"#") {
        Some(number) => match number.strip_prefix(b"x").or(number.strip_prefix(b"X")) {
            Some(hex) => !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit),
            None => !number.is_empty() && number.iter().all(u8::is_ascii_digit),
        },
        None => name[0].is_ascii_alphabetic() && !name.contains(&b'#'),
    };
    match valid {
        true => Reference::Kept(length + 2),
        false => Reference::Bare,
    }
}

/// `<rss>` of a version feed-rs does not read, made 2.0.
fn rss_version(bytes: Vec<u8>) -> Vec<u8> {
    let Some(root) = root_at(&bytes) else {
        return bytes;
    };
    let rest = &bytes[root..];
    let is_rss = rest.starts_with(b"<rss")
        && rest
            .get(4)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/');
    let Some(end) = rest.iter().position(|&b| b == b'>').filter(|_| is_rss) else {
        return bytes;
    };
    let tag = String::from_utf8_lossy(&rest[..end]).into_owned();
    if matches!(version_of(&tag), Some("2.0" | "0.91" | "0.92" | "")) {
        return bytes;
    }
    let new_tag = match version_span(&tag) {
        Some((from, to)) => format!("{}version=\"2.0\"{}", &tag[..from], &tag[to..]),
        None => format!("<rss version=\"2.0\"{}", &tag[4..]),
    };
    let mut out = Vec::with_capacity(bytes.len() + 16);
    out.extend_from_slice(&bytes[..root]);
    out.extend_from_slice(new_tag.as_bytes());
    out.extend_from_slice(&bytes[root + end..]);
    out
}

/// Where the root element starts: past the declaration, processing instructions, comments and
/// the DOCTYPE.
fn root_at(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    loop {
        at += bytes[at..].iter().position(|&b| b == b'<')?;
        let rest = &bytes[at..];
        if rest.starts_with(b"<?") {
            at += find(rest, b"?>")? + 2;
        } else if rest.starts_with(b"<!--") {
            at += find(rest, b"-->")? + 3;
        } else if rest.starts_with(b"<!") {
            at += doctype_end(&String::from_utf8_lossy(&rest[..rest.len().min(1 << 20)]));
        } else {
            return Some(at);
        }
    }
}

/// Where `version="..."` is in a start tag: from the name to after the closing quote.
fn version_span(tag: &str) -> Option<(usize, usize)> {
    let from = tag
        .match_indices("version")
        .map(|(at, _)| at)
        .find(|&at| tag[..at].ends_with(|c: char| c.is_ascii_whitespace()))?;
    let after = &tag[from + 7..];
    let equals = after.find('=')?;
    if !after[..equals].trim().is_empty() {
        return None;
    }
    let value = &after[equals + 1..];
    let skipped = value.len() - value.trim_start().len();
    let quote = value[skipped..]
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\''))?;
    let close = value[skipped + 1..].find(quote)?;
    Some((from, from + 7 + equals + 1 + skipped + 1 + close + 1))
}

/// The version a start tag gives, if it gives one.
fn version_of(tag: &str) -> Option<&str> {
    let (from, to) = version_span(tag)?;
    let value = tag[from..to].split_once('=')?.1.trim();
    Some(&value[1..value.len() - 1])
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prepared(text: &[u8]) -> String {
        String::from_utf8(prepare(text)).unwrap()
    }

    #[test]
    fn html_names_become_numeric_and_bare_ampersands_are_escaped() {
        assert_eq!(
            prepared(
                b"<t>nbsp&nbsp;here &eacute;t&eacute; &amp; &#233; &#x41; &who; a=1&b=2 & x</t>"
            ),
            "<t>nbsp&#160;here &#233;t&#233; &amp; &#233; &#x41; &who; a=1&amp;b=2 &amp; x</t>"
        );
        assert_eq!(
            prepared(b"<t><![CDATA[a&nbsp;b & c]]><!-- & --></t>"),
            "<t><![CDATA[a&nbsp;b & c]]><!-- & --></t>"
        );
    }

    #[test]
    fn a_document_that_is_not_the_utf8_it_claims_is_read_as_windows_1252() {
        let got = prepared(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><t>caf\xe9 \x93q\x94</t>");
        assert_eq!(
            got,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>café “q”</t>"
        );
        let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>caf\xe9</t>";
        assert_eq!(
            prepare(latin1),
            latin1,
            "a declared encoding is the parser's to read"
        );
    }

    #[test]
    fn utf16_becomes_utf8() {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><t>é&nbsp;</t>";
        let mut bytes = vec![0xfe, 0xff];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(
            prepared(&bytes),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>é&#160;</t>"
        );
    }

    #[test]
    fn rss_of_an_unknown_version_is_read_as_2_0() {
        for (root, want) in [
            ("<rss version=\"0.94\">", "<rss version=\"2.0\">"),
            (
                "<rss version='2.0.1' xmlns:a=\"b\">",
                "<rss version=\"2.0\" xmlns:a=\"b\">",
            ),
            ("<rss\n  version=\"0.93\">", "<rss\n  version=\"2.0\">"),
            ("<rss>", "<rss version=\"2.0\">"),
            (
                "<rss xmlns:dc=\"x\">",
                "<rss version=\"2.0\" xmlns:dc=\"x\">",
            ),
            ("<rss version=\"0.91\">", "<rss version=\"0.91\">"),
            ("<rss version=\"2.0\">", "<rss version=\"2.0\">"),
            ("<feed version=\"0.3\">", "<feed version=\"0.3\">"),
        ] {
            let doc =
                format!("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [ ]>\n<!-- c -->{root}</rss>");
            let got = prepared(doc.as_bytes());
            assert!(got.contains(want), "{root} gave {got}");
        }
    }
}
