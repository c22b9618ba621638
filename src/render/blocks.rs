//! Leaf blocks that are not wrapped as prose: code, raw HTML and thematic breaks.

use ratatui::text::Span;

use super::text::{expand_tabs, holds_address};
use super::theme;
use super::wrap::{Piece, break_hard, wrap};

/// Columns code blocks are indented by, setting them apart without a box.
const CODE_INDENT: &str = "  ";
/// A thematic break spans the text column but no more than this, a divider rather than a wall.
const RULE_MAX: usize = 40;

type Lines = Vec<Vec<Span<'static>>>;

/// The lines of a block's raw text, without the newline that ends the last one.
fn raw_lines(text: &str) -> std::str::Split<'_, char> {
    text.strip_suffix('\n').unwrap_or(text).split('\n')
}

/// Code keeps its line structure and spacing; only a line too wide for the column is broken,
/// between characters, so nothing passes the edge, unless it holds an address, which is
/// never broken.
pub(crate) fn code(text: &str, width: usize) -> Lines {
    if text.is_empty() {
        return Vec::new();
    }
    let width = width.saturating_sub(CODE_INDENT.len()).max(1);
    let mut out = Vec::new();
    for line in raw_lines(text) {
        let line = expand_tabs(line);
        let room = match holds_address(&line) {
            true => usize::MAX,
            false => width,
        };
        for chunk in break_hard(&[(theme::CODE_BLOCK, line)], room) {
            let mut spans = vec![Span::raw(CODE_INDENT)];
            spans.extend(chunk);
            out.push(spans);
        }
    }
    out
}

/// Raw HTML is shown as written, dimmed: its line breaks and indentation are kept, but long
/// lines wrap at words since they are usually prose inside a tag.
pub(crate) fn html(text: &str, width: usize) -> Lines {
    if text.is_empty() {
        return Vec::new();
    }
    let mut pieces = Vec::new();
    for (i, line) in raw_lines(text).enumerate() {
        if i > 0 {
            pieces.push(Piece::Break);
        }
        pieces.push(Piece::Text(theme::DIM, expand_tabs(line)));
    }
    wrap(&pieces, width)
}

pub(crate) fn rule(width: usize) -> Vec<Span<'static>> {
    vec![Span::styled("─".repeat(width.min(RULE_MAX)), theme::DIM)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::wrap::plain;

    #[test]
    fn code_keeps_blank_lines_and_spacing() {
        assert_eq!(
            plain(&code("a  b\n\n\tc\n", 40)),
            ["  a  b", "  ", "      c"]
        );
        assert!(code("", 40).is_empty());
    }

    #[test]
    fn html_keeps_indentation_and_wraps_long_lines() {
        let lines = html("<div>\n  <p>one two three</p>\n</div>\n", 12);
        assert_eq!(
            plain(&lines),
            ["<div>", "  <p>one two", "three</p>", "</div>"]
        );
    }

    #[test]
    fn rule_is_capped() {
        assert_eq!(plain(&[rule(100)]), ["─".repeat(RULE_MAX)]);
        assert_eq!(plain(&[rule(25)]), ["─".repeat(25)]);
    }
}
