//! A web page's bytes as text: a byte order mark, else UTF-8 when the bytes are UTF-8 beyond
//! ASCII, else the encoding the page says it is in (the reply's `charset`, else a `<meta>`
//! near the top), else UTF-8 if the bytes are UTF-8, else windows-1252.
//!
//! UTF-8 comes before what the page declares, unlike in a browser: pages converted to UTF-8
//! (by a site's move, a saving browser, a test suite) often keep their old `<meta charset>`,
//! and servers often add a stale `charset=ISO-8859-1`, while text in a legacy encoding is
//! almost never valid UTF-8 once it holds a byte beyond ASCII. A page shown as mojibake is
//! lost to its reader; the same choice as article extractors' (trafilatura tries UTF-8 first).

use encoding_rs::Encoding;

/// How far into a page a `<meta charset>` is looked for, as browsers look.
const META_WINDOW: usize = 1024 * 4;

/// The text of the page `bytes`, served with `content_type` if it came from the web.
pub fn html_text(bytes: &[u8], content_type: Option<&str>) -> String {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding.decode_with_bom_removal(bytes).0.into_owned();
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    if let Some(text) = utf8.filter(|text| !text.is_ascii()) {
        return text.to_owned();
    }
    let declared = content_type
        .and_then(charset_of)
        .or_else(|| meta_charset(&bytes[..bytes.len().min(META_WINDOW)]));
    if let Some(encoding) = declared.and_then(|label| Encoding::for_label(label.as_bytes())) {
        return encoding.decode_without_bom_handling(bytes).0.into_owned();
    }
    match utf8 {
        Some(text) => text.to_owned(),
        None => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// The `charset` parameter of a content type.
fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_owned())
    })
}

/// The encoding a `<meta charset>` or `<meta http-equiv content="...; charset=...">` names.
fn meta_charset(head: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = text.find("charset")?;
    let rest = text[at + 7..].trim_start().strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || "-_:.".contains(c)))
        .unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_encoding_is_found_as_a_browser_finds_it() {
        assert_eq!(html_text(b"caf\xc3\xa9", None), "café");
        assert_eq!(html_text(b"caf\xe9", None), "café");
        assert_eq!(
            html_text(b"caf\xe9", Some("text/html; charset=ISO-8859-1")),
            "café"
        );
        let koi8 = b"<meta charset=\"koi8-r\"><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>";
        assert_eq!(
            html_text(koi8, None),
            "<meta charset=\"koi8-r\"><p>Привет</p>"
        );
        let old =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">\xcf";
        assert!(html_text(old, None).ends_with('П'));
        assert_eq!(
            html_text(b"\xef\xbb\xbfhi", Some("text/html; charset=latin1")),
            "hi"
        );
        assert_eq!(
            html_text(b"x\xff", Some("text/html; charset=nonsense")),
            "xÿ"
        );
    }

    #[test]
    fn utf8_beyond_ascii_is_read_as_utf8_whatever_the_page_declares() {
        let converted = "<meta charset=\"gb2312\"><p>腾讯新闻</p>";
        assert_eq!(html_text(converted.as_bytes(), None), converted);
        assert_eq!(
            html_text("café".as_bytes(), Some("text/html; charset=ISO-8859-1")),
            "café"
        );
        // ASCII alone is the same text in every encoding a page may declare but those that
        // are not supersets of ASCII, which keep their meaning.
        let utf16 = b"h\0i\0";
        assert_eq!(html_text(utf16, Some("text/html; charset=utf-16le")), "hi");
    }
}
