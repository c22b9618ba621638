//! Markdown to styled terminal lines, shared by the `show` command and the interactive reader.
//!
//! Layout happens once, at a known width, into ratatui [`Line`]s; the reader draws them as they
//! are and `show` serialises them with [`to_ansi`] or [`to_plain`]. Article text comes from
//! strangers, so every step tolerates malformed Markdown and never panics.

mod ansi;
mod article;
mod badge;
mod blocks;
mod highlight;
mod inline;
mod lists;
mod long_lines;
mod look;
mod markdown;
mod palette;
mod table;
mod text;
pub mod theme;
mod wrap;
mod writer;

#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod tests;

use ratatui::text::{Line, Span};

pub use ansi::{to_ansi, to_plain};
pub use article::{render_article, site_of};
pub use badge::{
    ESTIMATE_MARK, NO_SENTIMENT, bucket_badge, bucket_style, score_text, sentiment_badge,
    sentiment_score_text, sentiment_style,
};
pub use highlight::{MATCH, highlight_spans};
pub use look::Look;
pub use palette::Palette;
pub use text::prefix_within;

/// A width no text reaches: laid out at it, a paragraph is one line (`show` into a pipe, where
/// the program reading decides how to wrap). Lines are still cut at the reading limits.
pub const UNWRAPPED: usize = 1 << 24;

/// Narrower than this, wrapped prose and nested prefixes stop being readable.
const MIN_WIDTH: usize = 20;

/// Markdown rendered into styled, wrapped lines that both the `show` command and the interactive reader draw.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The lines to draw, each within the width asked for.
    pub lines: Vec<Line<'static>>,
    /// Link targets in order of first appearance; reference number n is links[n-1].
    pub links: Vec<String>,
}

/// Renders `markdown` wrapped to `width` terminal columns (width is clamped to at least 20).
///
/// Links and images are followed by `[n]` and listed under a closing `Links` heading, because a
/// terminal cannot make text clickable everywhere and the reader needs the URLs by number.
#[must_use]
pub fn render_markdown(markdown: &str, width: usize, palette: &Palette) -> Rendered {
    let width = width.max(MIN_WIDTH);
    let (body, links) = layout(markdown, width, palette);
    Rendered {
        lines: clamp(body, width),
        links,
    }
}

/// Renders part of an article's text (its start, a line a query matched) as
/// [`render_markdown`] does, without the closing list of links, which belongs to the whole.
#[must_use]
pub fn render_excerpt(markdown: &str, width: usize, palette: &Palette) -> Vec<Line<'static>> {
    let width = width.max(MIN_WIDTH);
    clamp(markdown::render(markdown, width, palette).0, width)
}

/// The body and the links section, before the final width guard.
fn layout(markdown: &str, width: usize, palette: &Palette) -> (Vec<Line<'static>>, Vec<String>) {
    let (mut lines, urls) = markdown::render(markdown, width, palette);
    if !urls.is_empty() {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled("Links", theme::DIM)));
        lines.extend(links_section(&urls, palette));
    }
    (lines, urls)
}

/// `[n] url` lines, each URL whole on its line: one longer than the line runs past it
/// rather than being broken (see [`holds_address`]).
fn links_section(links: &[String], palette: &Palette) -> Vec<Line<'static>> {
    let label_width = format!("[{}] ", links.len()).len();
    let mut out = Vec::with_capacity(links.len());
    for (i, url) in links.iter().enumerate() {
        let label = format!("{:<label_width$}", format!("[{}]", i + 1));
        out.push(Line::from(vec![
            Span::styled(label, theme::LINK_MARKER),
            Span::styled(text::clean_inline(url), theme::link_url(palette)),
        ]));
    }
    out
}

/// True when the words of `line` hold a web or mail address. Such a line may be wider than the
/// width asked for: an address is never broken, so that a terminal that finds addresses in
/// its text finds the whole of one, and one copied from the screen works.
#[must_use]
pub fn holds_address(line: &Line<'_>) -> bool {
    let text: String = line
        .spans
        .iter()
        .map(|span| span.content.as_ref())
        .collect();
    text::holds_address(&text)
}

/// Guarantees the width invariant, but for a line holding an address, even where our width
/// arithmetic and the measured width of a merged span disagree (emoji sequences split across
/// styles): such a line is broken hard.
fn clamp(lines: Vec<Line<'static>>, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        if line.width() <= width || holds_address(&line) {
            out.push(line);
            continue;
        }
        let frags: Vec<wrap::Frag> = line
            .spans
            .iter()
            .map(|s| (s.style, s.content.to_string()))
            .collect();
        out.extend(wrap::break_hard(&frags, width).into_iter().map(Line::from));
    }
    out
}
