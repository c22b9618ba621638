//! Where an import reads from: an address on the web or a file, and what it holds.

use std::path::{Path, PathBuf};

use crate::feed::{Kind, sniff};
use crate::loader::{display_path, read_regular_file};
use crate::web::{Client, Reply, Validators, web_url};

/// A feed, list of subscriptions or page to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// An address: fetched if it is http or https, refused otherwise.
    Address(String),
    /// A file on this machine.
    File(PathBuf),
}

impl Source {
    /// `text` as a source: anything with a scheme (`https:`, `file:`, `ftp:`) is an address
    /// (and only http and https are fetched), anything else a file.
    pub fn parse(text: &str) -> Source {
        let scheme = text.split_once(':').map(|(scheme, _)| scheme);
        let has_scheme = scheme.is_some_and(|s| {
            s.len() > 1
                && s.starts_with(|c: char| c.is_ascii_alphabetic())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
        match has_scheme && !Path::new(text).exists() {
            true => Source::Address(text.trim().to_owned()),
            false => Source::File(PathBuf::from(text)),
        }
    }

    /// The source as a line names it: the address or the path, safe to print.
    pub fn label(&self) -> String {
        match self {
            Source::Address(address) => crate::sanitize::sanitize_line(address),
            Source::File(path) => display_path(path),
        }
    }

    /// What items of this source are scoped by in the record: the address as given, or the
    /// file's full path.
    pub fn scope(&self) -> String {
        match self {
            Source::Address(address) => address.clone(),
            Source::File(path) => std::fs::canonicalize(path)
                .unwrap_or_else(|_| path.clone())
                .to_string_lossy()
                .into_owned(),
        }
    }
}

/// A document read from a source.
#[derive(Debug, Clone)]
pub struct Document {
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// The address it came from, after redirects (none for a file): links are read against it.
    pub address: Option<String>,
    /// What it is.
    pub kind: Kind,
    /// Its validators, for the next fetch.
    pub validators: Validators,
    /// Its content type, if the server gave one.
    pub content_type: Option<String>,
}

/// What opening a source gave.
#[derive(Debug, Clone)]
pub enum Opened {
    /// A document.
    Fresh(Document),
    /// Nothing new since the validators sent.
    NotModified,
}

/// Reads `source` (a file within the client's size limit), sending `validators` to the web.
pub fn open(source: &Source, client: &Client, validators: &Validators) -> Result<Opened, String> {
    let (bytes, address, validators, content_type) = match source {
        Source::Address(text) => {
            web_url(text)?;
            match client.get(text, validators).map_err(|e| e.to_string())? {
                Reply::NotModified => return Ok(Opened::NotModified),
                Reply::Fresh(fetched) => (
                    fetched.bytes,
                    Some(fetched.address),
                    fetched.validators,
                    fetched.content_type,
                ),
            }
        }
        Source::File(path) => {
            let (bytes, _) = read_regular_file(path, client.limits().max_bytes)?;
            (bytes, None, Validators::default(), None)
        }
    };
    let mut kind = sniff(&bytes);
    if kind == Kind::Unknown && content_type.as_deref().is_some_and(is_html) {
        kind = Kind::Page;
    }
    Ok(Opened::Fresh(Document {
        bytes,
        address,
        kind,
        validators,
        content_type,
    }))
}

/// True for the content types of web pages.
fn is_html(content_type: &str) -> bool {
    let media = content_type.split(';').next().unwrap_or("").trim();
    media.eq_ignore_ascii_case("text/html") || media.eq_ignore_ascii_case("application/xhtml+xml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_files_are_told_apart() {
        assert_eq!(
            Source::parse("https://e.com/feed"),
            Source::Address("https://e.com/feed".into())
        );
        assert_eq!(
            Source::parse("file:///etc/passwd"),
            Source::Address("file:///etc/passwd".into())
        );
        assert_eq!(
            Source::parse("feeds/a.xml"),
            Source::File("feeds/a.xml".into())
        );
        assert_eq!(
            Source::parse("C:feed.xml"),
            Source::File("C:feed.xml".into())
        );
        assert!(is_html("text/html; charset=utf-8"));
        assert!(!is_html("application/rss+xml"));
    }
}
