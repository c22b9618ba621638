//! Links and images are followed by `[n]` and listed under a closing `Links` heading, because
//! a terminal cannot make text clickable everywhere and the reader needs the URLs by number.

use std::collections::HashMap;

use ratatui::text::Span;

use super::text::clean_inline;
use super::{Palette, theme};

/// Link targets numbered by first appearance, so the same URL always gets the same `[n]`.
#[derive(Default)]
pub(crate) struct LinkTable {
    urls: Vec<String>,
    index: HashMap<String, usize>,
}

impl LinkTable {
    /// The 1-based reference number for `url`, registering it if new, and whether it was.
    pub(crate) fn number(&mut self, url: &str) -> (usize, bool) {
        if let Some(&n) = self.index.get(url) {
            return (n, false);
        }
        self.urls.push(url.to_string());
        let n = self.urls.len();
        self.index.insert(url.to_string(), n);
        (n, true)
    }

    pub(crate) fn into_urls(self) -> Vec<String> {
        self.urls
    }
}

/// Lines the links section gives the `n`th link (the heading and the blank line before it go
/// with the first): one, for an address is never broken.
pub(crate) fn lines_for(n: usize) -> usize {
    if n == 1 { 3 } else { 1 }
}

fn label_width(links: usize) -> usize {
    format!("[{links}] ").len()
}

/// `[n] url` lines, each address whole on its line: one longer than the line runs past it
/// rather than being broken (see [`holds_address`](super::holds_address)).
pub(crate) fn section(
    links: &[String],
    palette: &Palette,
) -> impl Iterator<Item = Vec<Span<'static>>> {
    let label_width = label_width(links.len());
    let url_style = theme::link_url(palette);
    links.iter().enumerate().map(move |(i, url)| {
        let label = format!("{:<label_width$}", format!("[{}]", i + 1));
        vec![
            Span::styled(label, theme::LINK_MARKER),
            Span::styled(clean_inline(url), url_style),
        ]
    })
}

/// True when `line` is an entry of the section [`section`] makes of `links`.
pub(crate) fn is_entry(line: &ratatui::text::Line<'_>, links: &[String]) -> bool {
    let [label, target] = line.spans.as_slice() else {
        return false;
    };
    label.style == theme::LINK_MARKER
        && label.content.starts_with('[')
        && links.iter().any(|url| target.content == clean_inline(url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_urls_reuse_numbers() {
        let mut links = LinkTable::default();
        assert_eq!(links.number("https://a"), (1, true));
        assert_eq!(links.number("https://b"), (2, true));
        assert_eq!(links.number("https://a"), (1, false));
        assert_eq!(links.into_urls(), ["https://a", "https://b"]);
    }

    #[test]
    fn the_lines_a_link_takes_are_foreseen() {
        let url = format!("https://example.com/{}", "x".repeat(100));
        let listed = section(std::slice::from_ref(&url), &Palette::default()).count();
        assert_eq!(lines_for(1), listed + 2);
        assert_eq!(lines_for(2), 1);
    }

    #[test]
    fn entries_of_the_section_are_known_as_such() {
        let links = ["/docs/history/#v3-9-0".to_owned(), "https://a".to_owned()];
        for entry in section(&links, &Palette::default()) {
            assert!(is_entry(&ratatui::text::Line::from(entry), &links));
        }
        let other = ratatui::text::Line::from("[1] /docs/history/#v3-9-0");
        assert!(
            !is_entry(&other, &links),
            "text that reads like an entry is not one"
        );
    }
}
