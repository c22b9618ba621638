//! Links and images are followed by `[n]` and listed under a closing `Links` heading, because
//! a terminal cannot make text clickable everywhere and the reader needs the URLs by number.

use std::collections::HashMap;

use ratatui::text::Span;

use super::text::{clean_inline, str_width};
use super::{Palette, theme, wrap};

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

/// Lines the links section gives the `n`th link, `url`, at `width` (the heading and the
/// blank line before it go with the first). A later link can widen the number column, so
/// this is a close estimate, not a bound.
pub(crate) fn lines_for(url: &str, n: usize, width: usize) -> usize {
    let url_width = width.saturating_sub(label_width(n)).max(1);
    let lines = str_width(&clean_inline(url)).div_ceil(url_width).max(1);
    if n == 1 { lines + 2 } else { lines }
}

fn label_width(links: usize) -> usize {
    format!("[{links}] ").len()
}

/// `[n] url` lines; a URL longer than the line continues under the URL column.
pub(crate) fn section(
    links: &[String],
    width: usize,
    palette: &Palette,
) -> impl Iterator<Item = Vec<Span<'static>>> {
    let label_width = label_width(links.len());
    let url_width = width.saturating_sub(label_width).max(1);
    let url_style = theme::link_url(palette);
    links.iter().enumerate().flat_map(move |(i, url)| {
        let label = format!("{:<label_width$}", format!("[{}]", i + 1));
        let url = clean_inline(url);
        let chunks = wrap::break_hard(&[(url_style, url)], url_width);
        chunks.into_iter().enumerate().map(move |(j, chunk)| {
            let lead = if j == 0 {
                Span::styled(label.clone(), theme::LINK_MARKER)
            } else {
                Span::raw(" ".repeat(label_width))
            };
            let mut spans = vec![lead];
            spans.extend(chunk);
            spans
        })
    })
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
        let listed = section(std::slice::from_ref(&url), 40, &Palette::default()).count();
        assert_eq!(lines_for(&url, 1, 40), listed + 2);
        assert_eq!(lines_for("https://a", 2, 40), 1);
    }
}
