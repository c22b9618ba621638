//! Markdown to styled terminal lines, shared by the `show` command and the interactive reader.
//!
//! Layout happens once, at a known width, into compact [`Lines`]; the reader draws them as they
//! are and `show` prints them with [`to_ansi`] or [`to_plain`]. Article text comes from
//! strangers, so every step tolerates malformed Markdown and never panics, and what a layout
//! costs is bounded: memory by a small multiple of the text, the lines made by
//! [`Limits::max_rendered_lines`](crate::limits::Limits), past which the rest is left out with
//! a note saying so.

mod ansi;
mod article;
mod badge;
mod blocks;
mod chunks;
mod highlight;
mod inline;
mod lines;
mod links;
mod lists;
mod long_lines;
mod look;
mod markdown;
mod note;
mod palette;
mod table;
mod text;
pub mod theme;
mod wrap;
mod writer;

#[cfg(test)]
mod chunk_tests;
#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod tests;

use ratatui::text::Span;

use crate::limits::Limits;

pub use ansi::{to_ansi, to_plain};
pub use article::{render_article, render_preview, site_of};
pub use badge::{
    ESTIMATE_MARK, NO_SENTIMENT, bucket_badge, bucket_style, score_text, sentiment_badge,
    sentiment_score_text, sentiment_style,
};
pub use highlight::{MATCH, highlight_spans};
pub use lines::{Iter as LinesIter, Lines};
pub use look::Look;
pub use palette::Palette;
pub use text::prefix_within;

/// Plain `text` wrapped as an article's text is (at spaces and between CJK characters, a word
/// wider than `width` broken between characters) into lines of at most `width` columns.
pub(crate) fn wrap_plain(text: &str, width: usize) -> Vec<String> {
    let piece = wrap::Piece::Text(ratatui::style::Style::default(), text.to_owned());
    wrap::plain(&wrap::wrap(&[piece], width))
}

/// A width no text reaches: laid out at it, a paragraph is one line (`show` into a pipe, where
/// the program reading decides how to wrap). Lines are still cut at the reading limits.
pub const UNWRAPPED: usize = 1 << 24;

/// Narrower than this, wrapped prose and nested prefixes stop being readable.
const MIN_WIDTH: usize = 20;

/// Markdown rendered into styled, wrapped lines that both the `show` command and the interactive reader draw.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The lines to draw, each within the width asked for.
    pub lines: Lines,
    /// Link targets in order of first appearance; reference number n is links[n-1].
    pub links: Vec<String>,
}

/// Renders `markdown` wrapped to `width` terminal columns (width is clamped to at least 20),
/// in no more lines than the default [`Limits::max_rendered_lines`].
///
/// Links and images are followed by `[n]` and listed under a closing `Links` heading, because a
/// terminal cannot make text clickable everywhere and the reader needs the URLs by number.
#[must_use]
pub fn render_markdown(markdown: &str, width: usize, palette: &Palette) -> Rendered {
    let limit = Limits::default().max_rendered_lines;
    render_within(markdown, width, palette, limit)
}

/// Renders `markdown` as [`render_markdown`] does, in at most `limit` lines (and the note
/// saying what was left out, and the links section).
fn render_within(markdown: &str, width: usize, palette: &Palette, limit: usize) -> Rendered {
    let laid = layout(markdown, width.max(MIN_WIDTH), palette, limit);
    Rendered {
        lines: laid.lines,
        links: laid.links,
    }
}

/// A document laid out, and how many of its lines the writer had to break again (tests hold
/// the layout's own arithmetic to none).
struct Laid {
    lines: Lines,
    links: Vec<String>,
    #[cfg_attr(not(test), allow(dead_code))]
    overwide: usize,
}

/// The body, the note on what the limit left out, and the links section.
fn layout(markdown: &str, width: usize, palette: &Palette, limit: usize) -> Laid {
    layout_in_pieces(markdown, width, palette, limit, chunks::CHUNK_BYTES)
}

/// [`layout`], parsing the document in pieces of about `piece` bytes.
fn layout_in_pieces(
    markdown: &str,
    width: usize,
    palette: &Palette,
    limit: usize,
    piece: usize,
) -> Laid {
    let out = markdown::render(markdown, width, palette, limit, piece);
    let mut lines = out.lines;
    if let Some(cut) = out.cut {
        separate(&mut lines);
        push_all(&mut lines, note::left_out(markdown, cut, limit, width));
    }
    if !out.links.is_empty() {
        separate(&mut lines);
        lines.push_spans(vec![Span::styled("Links", theme::DIM)]);
        push_all(&mut lines, links::section(&out.links, palette));
    }
    Laid {
        lines,
        links: out.links,
        overwide: out.overwide,
    }
}

/// Renders part of an article's text (its start, a line a query matched) as
/// [`render_markdown`] does, without the closing list of links, which belongs to the whole.
#[must_use]
pub fn render_excerpt(markdown: &str, width: usize, palette: &Palette) -> Lines {
    let limit = Limits::default().max_rendered_lines;
    let width = width.max(MIN_WIDTH);
    markdown::render(markdown, width, palette, limit, chunks::CHUNK_BYTES).lines
}

/// True when the words of `line` hold a web or mail address. Such a line may be wider than the
/// width asked for: an address is never broken, so that a terminal that finds addresses in
/// its text finds the whole of one, and one copied from the screen works.
#[must_use]
pub fn holds_address(line: &ratatui::text::Line<'_>) -> bool {
    writer::spans_hold_address(&line.spans)
}

/// True when `line` may be wider than the width asked for in a document whose links are
/// `links`: it holds an address ([`holds_address`]), or it is an entry of the links section,
/// which keeps every target whole on its line, a relative one too.
#[must_use]
pub fn runs_whole(line: &ratatui::text::Line<'_>, links: &[String]) -> bool {
    holds_address(line) || links::is_entry(line, links)
}

/// A blank line before what follows, unless nothing comes before it.
fn separate(lines: &mut Lines) {
    if !lines.is_empty() {
        lines.push_spans(Vec::new());
    }
}

fn push_all(lines: &mut Lines, more: impl IntoIterator<Item = Vec<Span<'static>>>) {
    for line in more {
        lines.push_spans(line);
    }
}
