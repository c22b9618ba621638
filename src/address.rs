//! Web addresses from articles, read as a browser reads them.
//!
//! An address in a stranger's file is shown (its host, in the reader and in `show`) and may be
//! opened. Both must name the site the browser would open: the WHATWG URL standard, which
//! browsers follow and the `url` crate implements, decides. Where that reading differs from
//! how the address looks to a person or to other URL parsers (a backslash, which browsers take
//! for a slash, so that `https://evil.example\@www.reuters.com/` opens `evil.example`; a host
//! written percent-encoded or as an odd number; white space a browser would drop), the
//! address is refused rather than shown as one site and opened as another.

use std::fmt;

use url::Url;

/// `link` made absolute against `base` when it is relative (it has no scheme) and there is a
/// base; otherwise as it is.
pub fn absolute(link: &str, base: Option<&Url>) -> String {
    match (Url::parse(link), base) {
        (Err(url::ParseError::RelativeUrlWithoutBase), Some(base)) => base
            .join(link)
            .map_or_else(|_| link.to_owned(), String::from),
        _ => link.to_owned(),
    }
}

/// An http or https address, as the browser reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebAddress {
    url: Url,
}

/// Why an address is not shown as a site or opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct AddressRefused(String);

impl WebAddress {
    /// Reads `text` as an http or https address, refusing one a browser would read otherwise
    /// than it looks.
    pub fn parse(text: &str) -> Result<WebAddress, AddressRefused> {
        let refuse = |why: &str| Err(AddressRefused(why.to_owned()));
        if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return refuse("the address holds white space or control characters");
        }
        if text.contains('\\') {
            return refuse("the address holds a backslash, which browsers read as a slash");
        }
        let Ok(url) = Url::parse(text) else {
            return refuse("not a web address");
        };
        if !matches!(url.scheme(), "http" | "https") {
            return refuse("only http and https addresses are opened");
        }
        let Some(host) = url.host_str().filter(|host| !host.is_empty()) else {
            return refuse("the address names no site");
        };
        match written_host(text) {
            Some(written) if same_host(&written, host) => Ok(WebAddress { url }),
            _ => refuse("the address's site is written in a way browsers read differently"),
        }
    }

    /// The site, as shown: the host a browser opens, without `www.`, with a port that is
    /// not the scheme's own. International names are shown in their ASCII form, so that a
    /// name made of look-alike letters cannot pass for another.
    pub fn site(&self) -> String {
        let host = self.url.host_str().unwrap_or_default();
        let host = host.strip_prefix("www.").unwrap_or(host);
        match self.url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_owned(),
        }
    }

    /// The address as the browser reads it, to hand to it.
    pub fn as_str(&self) -> &str {
        self.url.as_str()
    }
}

/// Where a link of an article may be opened: an http or https address (read as
/// [`WebAddress::parse`] reads one; a relative link is read against `base`, the article's own
/// address, as its page would), or a `mailto:` address. Anything else (`javascript:`,
/// `file:`, a place in the article itself) is refused with the reason.
pub fn openable(target: &str, base: Option<&WebAddress>) -> Result<String, AddressRefused> {
    let refuse = |why: &str| Err(AddressRefused(why.to_owned()));
    if target.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return refuse("the address holds white space or control characters");
    }
    if target.is_empty() || target.starts_with('#') {
        return refuse("the link is to a place in the article itself");
    }
    match Url::parse(target) {
        Ok(url) if url.scheme() == "mailto" && !url.path().is_empty() => Ok(url.into()),
        Ok(url) if matches!(url.scheme(), "http" | "https") => {
            WebAddress::parse(target).map(|address| address.url.into())
        }
        Ok(_) => refuse("only http, https and mailto links are opened"),
        Err(url::ParseError::RelativeUrlWithoutBase) => match base {
            Some(base) => match base.url.join(target) {
                Ok(joined) => WebAddress::parse(joined.as_str()).map(|a| a.url.into()),
                Err(_) => refuse("not a web address"),
            },
            None => refuse("a relative link, and the article gives no address to read it from"),
        },
        Err(_) => refuse("not a web address"),
    }
}

impl fmt::Display for WebAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The host as `text` writes it: after `scheme://` and any user name, before the port, path,
/// query or fragment.
/// True for a link a browser would run, or read from this machine, rather than visit
/// (`javascript:`, `vbscript:`, `data:`, `file:`, in any case, after any white space): a
/// link no article follows, and no imported article keeps as its source.
pub fn runs_or_reads_locally(link: &str) -> bool {
    let scheme = link.split_once(':').map(|(scheme, _)| scheme.trim());
    scheme.is_some_and(|scheme| {
        ["javascript", "vbscript", "data", "file"]
            .iter()
            .any(|denied| scheme.eq_ignore_ascii_case(denied))
    })
}

fn written_host(text: &str) -> Option<String> {
    let (_, rest) = text.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_and_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = match host_and_port.strip_prefix('[') {
        // An IPv6 address keeps its colons.
        Some(v6) => format!("[{}]", v6.split_once(']')?.0),
        None => host_and_port.split(':').next()?.to_owned(),
    };
    Some(host.to_lowercase())
}

/// True when the host as written is the host the browser reads: the same text, or the same
/// international name in its ASCII form (with nothing percent-encoded, which a browser would
/// decode into another name).
fn same_host(written: &str, read: &str) -> bool {
    written == read || (!written.is_ascii() && !written.contains('%') && read.contains("xn--"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_open_as_http_https_or_mailto_and_relative_ones_from_the_article() {
        let base = WebAddress::parse("https://www.example.com/news/today.html").ok();
        let open = |target: &str| openable(target, base.as_ref());
        assert_eq!(open("https://a.example/x").unwrap(), "https://a.example/x");
        assert_eq!(
            open("mailto:ana@example.com").unwrap(),
            "mailto:ana@example.com"
        );
        assert_eq!(
            open("../sport/match.html").unwrap(),
            "https://www.example.com/sport/match.html"
        );
        assert_eq!(open("//cdn.example/a").unwrap(), "https://cdn.example/a");
        for refused in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,x",
            "#section-2",
            "",
            "mailto:",
            "https://a.example/\u{1b}[31m",
            r"https://evil.example\@www.reuters.com/",
        ] {
            assert!(open(refused).is_err(), "{refused:?}");
        }
        let without_base = openable("/sport/match.html", None).unwrap_err();
        assert!(
            without_base.to_string().contains("relative"),
            "{without_base}"
        );
    }

    fn site(text: &str) -> Result<String, AddressRefused> {
        WebAddress::parse(text).map(|address| address.site())
    }

    #[test]
    fn the_site_is_the_one_the_browser_opens() {
        assert_eq!(site("https://www.ft.com/content/1").unwrap(), "ft.com");
        assert_eq!(
            site("http://user@example.org:8080?x").unwrap(),
            "example.org:8080"
        );
        // What comes before `@` is a user name: the browser opens the site after it.
        let named = site("https://evil.example%2F@www.reuters.com/");
        assert_eq!(named.unwrap(), "reuters.com");
        assert_eq!(site("HTTPS://Example.COM/a").unwrap(), "example.com");
        assert_eq!(site("https://example.com:443/").unwrap(), "example.com");
        assert_eq!(site("http://[::1]:8000/").unwrap(), "[::1]:8000");
        assert_eq!(
            site("https://bücher.example/").unwrap(),
            "xn--bcher-kva.example"
        );
    }

    /// Addresses a browser reads otherwise than they look are refused, never shown as the
    /// site they seem to name.
    #[test]
    fn addresses_read_otherwise_than_they_look_are_refused() {
        for text in [
            r"https://evil.example\@www.reuters.com/",
            "https://%65vil.example/",
            "http://0x7f.1/",
            "http://2130706433/",
            "https:////evil.example/",
            "https://www.reuters.com\t.evil.example/",
            "https://example.com/a b",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "mailto:ana@example.com",
            "https://",
            "not a url",
            "",
        ] {
            assert!(site(text).is_err(), "{text:?} gave {:?}", site(text));
        }
    }

    #[test]
    fn the_address_opened_is_the_one_the_browser_reads() {
        let address = WebAddress::parse("HTTP://Example.com/a?b=1").unwrap();
        assert_eq!(address.as_str(), "http://example.com/a?b=1");
    }

    #[test]
    fn links_a_browser_would_run_or_read_locally_are_told_apart() {
        for link in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "vbscript:x",
            "data:text/html,<b>x</b>",
            "file:///etc/passwd",
        ] {
            assert!(runs_or_reads_locally(link), "{link}");
        }
        for link in [
            "https://example.com/a",
            "mailto:ana@example.com",
            "tag:example.com,2026:1",
            "/relative/path",
            "",
        ] {
            assert!(!runs_or_reads_locally(link), "{link}");
        }
    }
}
