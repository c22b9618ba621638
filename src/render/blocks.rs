//! Leaf blocks that are not wrapped as prose: code, raw HTML and thematic breaks.

use ratatui::text::Span;

use super::text::{expand_tabs, holds_address};
use super::theme;
use super::wrap::{LineSink, Wrapper, break_hard};

/// Columns code blocks are indented by, setting them apart without a box.
const CODE_INDENT: &str = "  ";
/// A thematic break spans the text column but no more than this, a divider rather than a wall.
const RULE_MAX: usize = 40;

/// A code or raw HTML block, laid out line by line as its text arrives.
///
/// Code keeps its line structure and spacing; only a line too wide for the column is broken,
/// between characters, so nothing passes the edge. Raw HTML is shown as written, dimmed: its
/// line breaks and indentation are kept, but long lines wrap at words since they are usually
/// prose inside a tag.
pub(crate) struct Raw {
    /// Wraps HTML between its line breaks; `None` for code.
    html: Option<Wrapper>,
    width: usize,
    /// The start of a line whose end has not arrived yet.
    partial: String,
    /// Lines read so far.
    lines: usize,
    /// Whether any text arrived: an empty block shows nothing, not even a blank line.
    pub(crate) seen: bool,
}

impl Raw {
    pub(crate) fn code(width: usize) -> Raw {
        Raw::new(None, width.saturating_sub(CODE_INDENT.len()).max(1))
    }

    pub(crate) fn html(width: usize) -> Raw {
        Raw::new(Some(Wrapper::new(width)), width)
    }

    fn new(html: Option<Wrapper>, width: usize) -> Raw {
        Raw {
            html,
            width,
            partial: String::new(),
            lines: 0,
            seen: false,
        }
    }

    pub(crate) fn text(&mut self, text: &str, out: &mut impl LineSink) {
        self.seen |= !text.is_empty();
        let mut rest = text;
        while let Some((line, after)) = rest.split_once('\n') {
            match self.partial.is_empty() {
                true => self.line(line, out),
                false => {
                    let mut whole = std::mem::take(&mut self.partial);
                    whole.push_str(line);
                    self.line(&whole, out);
                }
            }
            rest = after;
        }
        self.partial.push_str(rest);
    }

    /// Lays out the last line, unless the text ended with a line feed.
    pub(crate) fn finish(mut self, out: &mut impl LineSink) {
        let last = std::mem::take(&mut self.partial);
        if !last.is_empty() {
            self.line(&last, out);
        }
        if let Some(html) = self.html {
            html.finish(out);
        }
    }

    fn line(&mut self, line: &str, out: &mut impl LineSink) {
        let first = self.lines == 0;
        self.lines += 1;
        let text = expand_tabs(line);
        let Some(html) = &mut self.html else {
            // A line of code too wide is broken between characters, unless it holds an
            // address, which is never broken.
            let room = match holds_address(&text) {
                true => usize::MAX,
                false => self.width,
            };
            for chunk in break_hard(&[(theme::CODE_BLOCK, text)], room) {
                let mut spans = vec![Span::raw(CODE_INDENT)];
                spans.extend(chunk);
                out.line(spans);
            }
            return;
        };
        if !first {
            html.hard_break(out);
        }
        html.text(theme::DIM, &text, out);
    }
}

pub(crate) fn rule(width: usize) -> Vec<Span<'static>> {
    vec![Span::styled("─".repeat(width.min(RULE_MAX)), theme::DIM)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::wrap::plain;

    /// `text` through `raw` in pieces of `step` bytes, as the parser may hand it over.
    fn lay_out(mut raw: Raw, text: &str, step: usize) -> Vec<String> {
        let mut out = Vec::new();
        let bytes: Vec<char> = text.chars().collect();
        for piece in bytes.chunks(step.max(1)) {
            raw.text(&piece.iter().collect::<String>(), &mut out);
        }
        raw.finish(&mut out);
        plain(&out)
    }

    fn code(text: &str, width: usize) -> Vec<String> {
        lay_out(Raw::code(width), text, usize::MAX)
    }

    fn html(text: &str, width: usize) -> Vec<String> {
        lay_out(Raw::html(width), text, usize::MAX)
    }

    #[test]
    fn code_keeps_blank_lines_and_spacing() {
        assert_eq!(code("a  b\n\n\tc\n", 40), ["  a  b", "  ", "      c"]);
        assert!(code("", 40).is_empty());
        assert_eq!(code("\n", 40), ["  "]);
        assert_eq!(code("x", 40), ["  x"]);
    }

    #[test]
    fn html_keeps_indentation_and_wraps_long_lines() {
        let text = "<div>\n  <p>one two three</p>\n\n</div>\n";
        let lines = html(text, 12);
        assert_eq!(lines, ["<div>", "  <p>one two", "three</p>", "", "</div>"]);
        for step in 1..8 {
            assert_eq!(lay_out(Raw::html(12), text, step), lines, "{step}");
            assert_eq!(lay_out(Raw::code(12), text, step), code(text, 12), "{step}");
        }
        assert!(html("\n", 12).is_empty());
    }

    #[test]
    fn rule_is_capped() {
        assert_eq!(plain(&[rule(100)]), ["─".repeat(RULE_MAX)]);
        assert_eq!(plain(&[rule(25)]), ["─".repeat(25)]);
    }
}
