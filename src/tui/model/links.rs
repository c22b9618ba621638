//! The links of the article being read: its source, then every link of its text, numbered as
//! the text numbers them, each with the address it opens (or why it is not opened).

use crate::address::{WebAddress, openable};
use crate::sanitize::sanitize_line;

/// One link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRow {
    /// `source`, or the link's number in the text.
    pub label: String,
    /// The link as the article writes it, made safe to show.
    pub written: String,
    /// The address it opens (a relative link read against the article's own), or why it is
    /// not opened.
    pub address: Result<String, String>,
}

impl LinkRow {
    /// What copying it puts on the clipboard: the address it opens, else the link as written.
    pub fn copied(&self) -> &str {
        self.address.as_deref().unwrap_or(&self.written)
    }
}

/// The links view: the rows and the one chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkList {
    pub rows: Vec<LinkRow>,
    pub selected: usize,
}

/// Link `number` of an article whose text links to `targets` (the first is number 1) and
/// whose own address is `source`.
pub fn numbered(source: Option<&str>, targets: &[String], number: usize) -> Option<LinkRow> {
    let target = targets.get(number.checked_sub(1)?)?;
    Some(row(number.to_string(), target, base(source).as_ref()))
}

/// Every link of the article: its source first, when it has one, then those of its text.
pub fn all(source: Option<&str>, targets: &[String]) -> Vec<LinkRow> {
    let base = base(source);
    let own = source.map(|source| row("source".to_owned(), source, None));
    let numbered = (targets.iter().enumerate())
        .map(|(at, target)| row((at + 1).to_string(), target, base.as_ref()));
    own.into_iter().chain(numbered).collect()
}

/// The article's own address, which its relative links are read against.
fn base(source: Option<&str>) -> Option<WebAddress> {
    source.and_then(|source| WebAddress::parse(source).ok())
}

fn row(label: String, target: &str, base: Option<&WebAddress>) -> LinkRow {
    LinkRow {
        label,
        written: sanitize_line(target),
        address: openable(target, base).map_err(|refused| refused.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_numbered_as_the_text_numbers_them_after_the_source() {
        let targets = ["/world/1".to_owned(), "javascript:alert(1)".to_owned()];
        let source = Some("https://news.example/today");
        let rows = all(source, &targets);
        let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["source", "1", "2"]);
        assert_eq!(
            rows[1].address.as_deref(),
            Ok("https://news.example/world/1")
        );
        assert!(rows[2].address.is_err());
        assert_eq!(rows[2].copied(), "javascript:alert(1)");
        assert_eq!(numbered(source, &targets, 1), Some(rows[1].clone()));
        assert_eq!(numbered(source, &targets, 0), None);
        assert_eq!(numbered(source, &targets, 3), None);
    }
}
