//! Line output for nested blocks: container prefixes (quote bars, list markers and hanging
//! indents) and the blank-line spacing between blocks.

use ratatui::style::Style;
use ratatui::text::Span;

use super::lines::Lines;
use super::lists::ListState;
use super::text::{holds_address, str_width};
use super::wrap::{Frag, LineSink, break_hard};

/// The narrowest text column nesting may leave. Past this, the outermost prefixes are dropped
/// for the line, so deeply nested quotes or lists stay readable instead of collapsing to zero.
pub(crate) const MIN_CONTENT: usize = 8;

#[derive(Debug, Clone)]
pub(crate) enum Kind {
    Quote,
    List(ListState),
    Item {
        tight: bool,
    },
    /// Footnote and definition bodies: indented, spaced like top-level blocks.
    Indent,
}

/// An open container. `first` prefixes its first line (the list marker), `rest` every later
/// one; both have the same width so the text column is the same for every line of a block.
#[derive(Debug, Clone)]
pub(crate) struct Container {
    pub(crate) kind: Kind,
    first: Vec<Span<'static>>,
    rest: Vec<Span<'static>>,
    width: usize,
}

impl Container {
    /// A container whose first line shows `marker` and whose later lines are indented to match.
    pub(crate) fn marked(kind: Kind, marker: String, style: Style) -> Self {
        let width = str_width(&marker);
        Container {
            kind,
            first: vec![Span::styled(marker, style)],
            rest: vec![Span::raw(" ".repeat(width))],
            width,
        }
    }

    /// A container with the same prefix on every line (a quote bar, or nothing for a list).
    /// The prefix is borrowed, so that the copy each line takes allocates nothing.
    pub(crate) fn uniform(kind: Kind, prefix: &'static str, style: Style) -> Self {
        let spans = if prefix.is_empty() {
            Vec::new()
        } else {
            vec![Span::styled(prefix, style)]
        };
        Container {
            kind,
            first: spans.clone(),
            rest: spans,
            width: str_width(prefix),
        }
    }
}

/// Collects output lines for a document of a fixed width, up to a number of lines.
///
/// A line's cost does not grow with how deeply its containers nest (a file can open twenty
/// thousand quotes): only the prefixes shown are looked at, and what the whole stack adds up
/// to is kept as containers come and go.
pub(crate) struct Writer {
    width: usize,
    lines: Lines,
    stack: Vec<Container>,
    /// The columns of the prefixes of the containers below each depth: `widths[i]` is what
    /// `stack[..i]` takes, and the last entry what the whole stack takes.
    widths: Vec<usize>,
    /// Containers from this depth on have shown no line yet, so their next line shows their
    /// first prefix (a list marker). They are always the innermost ones.
    fresh_from: usize,
    need_blank: bool,
    last_blank: bool,
    /// Lines the output may take, and how many of them are kept for what follows the body
    /// (the links section).
    limit: usize,
    reserved: usize,
    /// Where in the document the text being laid out starts, in bytes.
    at: usize,
    /// Where the text left out starts, once a line did not fit under the limit.
    cut: Option<usize>,
    /// Lines that came out wider than the width and were broken again (the layout's own
    /// arithmetic should make none; tests hold it to that).
    overwide: usize,
}

impl Writer {
    /// A writer of lines `width` columns wide, at most `limit` of them.
    pub(crate) fn new(width: usize, limit: usize) -> Self {
        Writer {
            width,
            lines: Lines::new(),
            stack: Vec::new(),
            widths: vec![0],
            fresh_from: 0,
            need_blank: false,
            last_blank: false,
            limit,
            reserved: 0,
            at: 0,
            cut: None,
            overwide: 0,
        }
    }

    /// Records that the text laid out from now on starts at byte `offset` of the document.
    pub(crate) fn set_at(&mut self, offset: usize) {
        self.at = offset;
    }

    /// Keeps `lines` of the limit for what follows the body.
    pub(crate) fn reserve(&mut self, lines: usize) {
        self.reserved = self.reserved.saturating_add(lines);
    }

    /// Lines that may still be added.
    pub(crate) fn room(&self) -> usize {
        self.limit
            .saturating_sub(self.reserved)
            .saturating_sub(self.lines.len())
    }

    /// True once a line did not fit: nothing more is added.
    pub(crate) fn is_full(&self) -> bool {
        self.cut.is_some()
    }

    /// Stops the output as if a line starting at `offset` had not fitted.
    pub(crate) fn stop_at(&mut self, offset: usize) {
        self.cut.get_or_insert(offset);
    }

    /// How many outer containers are left out of prefixes so the text keeps `MIN_CONTENT`:
    /// the fewest whose leaving out brings what the others take within the budget.
    fn skipped(&self) -> usize {
        let budget = self.width.saturating_sub(MIN_CONTENT);
        let total = self.total_width();
        self.widths
            .partition_point(|&below| total - below > budget)
            .min(self.stack.len())
    }

    fn total_width(&self) -> usize {
        self.widths.last().copied().unwrap_or(0)
    }

    /// Columns left for text inside the open containers.
    pub(crate) fn content_width(&self) -> usize {
        let skip = self.skipped();
        let used = self.total_width() - self.widths[skip];
        self.width.saturating_sub(used).max(1)
    }

    pub(crate) fn push_container(&mut self, container: Container) {
        self.widths.push(self.total_width() + container.width);
        self.stack.push(container);
    }

    pub(crate) fn pop_container(&mut self) -> Option<Container> {
        let container = self.stack.pop()?;
        self.widths.pop();
        self.fresh_from = self.fresh_from.min(self.stack.len());
        Some(container)
    }

    /// Whether the innermost container has not shown its first line (an item still empty).
    pub(crate) fn top_is_fresh(&self) -> bool {
        self.stack.len() > self.fresh_from
    }

    /// The innermost open list, where the next item takes its number from.
    pub(crate) fn current_list(&mut self) -> Option<&mut ListState> {
        self.stack.iter_mut().rev().find_map(|c| match &mut c.kind {
            Kind::List(state) => Some(state),
            _ => None,
        })
    }

    /// Bullet lists currently open, to pick the next nested bullet glyph.
    pub(crate) fn bullet_depth(&self) -> usize {
        self.stack
            .iter()
            .filter(|c| matches!(&c.kind, Kind::List(l) if l.next.is_none()))
            .count()
    }

    /// Called before a block's first line: separates it from the previous block by one blank
    /// line unless it sits directly in a tight list.
    pub(crate) fn start_block(&mut self) {
        let tight = match self.stack.last().map(|c| &c.kind) {
            Some(Kind::List(l)) => l.tight,
            Some(Kind::Item { tight }) => *tight,
            _ => false,
        };
        if self.need_blank && !tight {
            self.blank();
        }
        self.need_blank = false;
    }

    /// Called after a block's last line: the next block, if any, needs separating.
    pub(crate) fn end_block(&mut self) {
        self.need_blank = true;
    }

    /// A separator line: only the continuing prefixes (quote bars), never a list marker, and
    /// never at the top of the output or twice in a row.
    fn blank(&mut self) {
        if self.lines.is_empty() || self.last_blank {
            return;
        }
        let skip = self.skipped();
        let mut spans: Vec<Span<'static>> = self
            .stack
            .iter()
            .skip(skip)
            .flat_map(|c| c.rest.iter().cloned())
            .collect();
        trim_trailing_spaces(&mut spans);
        self.emit(spans);
        self.last_blank = true;
    }

    /// Adds one line of content (already fitted to `content_width`) under the open prefixes.
    pub(crate) fn push_line(&mut self, mut content: Vec<Span<'static>>) {
        let skip = self.skipped();
        let mut prefixes: Vec<Span<'static>> = Vec::new();
        for (depth, c) in self.stack.iter().enumerate().skip(skip) {
            let fresh = depth >= self.fresh_from;
            for prefix in if fresh { &c.first } else { &c.rest } {
                push_merged(&mut prefixes, prefix);
            }
        }
        self.fresh_from = self.stack.len();
        // The prefixes go in front of the content in its own list: a paragraph laid out
        // unwrapped is one line of a span every word or two, which is not copied.
        content.splice(0..0, prefixes);
        let mut spans = content;
        trim_trailing_spaces(&mut spans);
        self.last_blank = is_blank(&spans);
        // The output starts with its first line of text: blank lines before it are dropped.
        if self.last_blank && self.lines.is_empty() {
            return;
        }
        self.emit(spans);
    }

    /// Adds a finished line, if the limit leaves room for it. A line wider than the width
    /// (where our arithmetic and the measured width of a merged span disagree, as with emoji
    /// sequences split across styles) is broken hard, unless it holds an address, which is
    /// never broken.
    fn emit(&mut self, spans: Vec<Span<'static>>) {
        let width: usize = spans.iter().map(Span::width).sum();
        if width <= self.width || spans_hold_address(&spans) {
            self.add(spans);
            return;
        }
        self.overwide += 1;
        let frags: Vec<Frag> = spans
            .into_iter()
            .map(|s| (s.style, s.content.into_owned()))
            .collect();
        for line in break_hard(&frags, self.width) {
            self.add(line);
        }
    }

    fn add(&mut self, spans: Vec<Span<'static>>) {
        if self.cut.is_some() {
            return;
        }
        if self.room() == 0 || !self.lines.push_spans(spans) {
            self.cut = Some(self.at);
        }
    }

    /// The finished lines, without blank lines at the end; where the text left out starts,
    /// if the limit cut it short; and how many lines had to be broken again.
    pub(crate) fn finish(mut self) -> Written {
        while !self.lines.is_empty() && self.lines.text(self.lines.len() - 1).trim().is_empty() {
            self.lines.pop();
        }
        self.lines.shrink_to_fit();
        Written {
            lines: self.lines,
            cut: self.cut,
            overwide: self.overwide,
        }
    }
}

/// True when the words of a line held as spans include an address.
pub(crate) fn spans_hold_address(spans: &[Span<'_>]) -> bool {
    let text: String = spans.iter().map(|span| span.content.as_ref()).collect();
    holds_address(&text)
}

impl LineSink for Writer {
    fn line(&mut self, spans: Vec<Span<'static>>) {
        self.push_line(spans);
    }

    fn at(&mut self, offset: usize) {
        self.set_at(offset);
    }

    fn is_full(&self) -> bool {
        Writer::is_full(self)
    }
}

/// What a [`Writer`] made.
pub(crate) struct Written {
    pub(crate) lines: Lines,
    pub(crate) cut: Option<usize>,
    pub(crate) overwide: usize,
}

/// Adds `span` to `spans`, joined to the last one when they share a style: thirty nested
/// quote bars make one span of a line, not thirty, which a long quoted text repeats on every
/// line it wraps to.
fn push_merged(spans: &mut Vec<Span<'static>>, span: &Span<'static>) {
    match spans.last_mut() {
        Some(last) if last.style == span.style => last.content.to_mut().push_str(&span.content),
        _ => spans.push(span.clone()),
    }
}

fn is_blank(spans: &[Span<'_>]) -> bool {
    spans.iter().all(|s| s.content.trim().is_empty())
}

/// Drops trailing whitespace so blank lines inside indented blocks carry no invisible padding.
fn trim_trailing_spaces(spans: &mut Vec<Span<'static>>) {
    while let Some(last) = spans.last_mut() {
        let trimmed = last.content.trim_end();
        if trimmed.is_empty() {
            spans.pop();
        } else {
            if trimmed.len() != last.content.len() {
                last.content = trimmed.to_string().into();
            }
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(written: Written) -> Vec<String> {
        written.lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn blocks_are_separated_by_single_blank_lines() {
        let mut w = Writer::new(40, usize::MAX);
        w.start_block();
        w.push_line(vec![Span::raw("one")]);
        w.end_block();
        w.start_block();
        w.start_block();
        w.push_line(vec![Span::raw("two")]);
        w.end_block();
        assert_eq!(plain(w.finish()), ["one", "", "two"]);
    }

    #[test]
    fn marker_on_first_line_then_hanging_indent() {
        let mut w = Writer::new(40, usize::MAX);
        w.push_container(Container::marked(
            Kind::Item { tight: true },
            "• ".into(),
            Style::new(),
        ));
        assert_eq!(w.content_width(), 38);
        w.push_line(vec![Span::raw("a")]);
        w.push_line(vec![Span::raw("b")]);
        assert_eq!(plain(w.finish()), ["• a", "  b"]);
    }

    /// Twenty thousand quotes, as a file can open: only the bars that fit are shown, joined
    /// into one span, and the first line still shows an item's marker.
    #[test]
    fn deep_nesting_shows_the_innermost_prefixes_as_one_span() {
        let mut w = Writer::new(40, usize::MAX);
        for _ in 0..20_000 {
            w.push_container(Container::uniform(Kind::Quote, "│ ", Style::new()));
        }
        w.push_container(Container::marked(
            Kind::Item { tight: true },
            "• ".into(),
            Style::new(),
        ));
        assert!(w.top_is_fresh());
        w.push_line(vec![Span::styled("x", Style::new().bold())]);
        assert!(!w.top_is_fresh());
        w.push_line(vec![Span::styled("y", Style::new().bold())]);
        let lines = w.finish().lines;
        let first = lines.get(0).unwrap();
        assert_eq!(first.spans.len(), 2, "{first:?}");
        assert_eq!(first.to_string(), format!("{}• x", "│ ".repeat(15)));
        assert_eq!(lines.text(1), format!("{}  y", "│ ".repeat(15)));
    }

    #[test]
    fn deep_nesting_keeps_a_minimum_text_column() {
        let mut w = Writer::new(20, usize::MAX);
        for _ in 0..15 {
            w.push_container(Container::uniform(Kind::Quote, "│ ", Style::new()));
        }
        assert!(w.content_width() >= MIN_CONTENT);
        w.push_line(vec![Span::raw("x".repeat(w.content_width()))]);
        let written = w.finish();
        assert!(written.lines.iter().all(|l| l.width() <= 20));
        assert_eq!(written.overwide, 0);
    }

    /// Blank separators count as lines; the text of the first line refused is where the
    /// output says it stopped.
    #[test]
    fn lines_past_the_limit_are_left_out_and_where_they_start_is_kept() {
        let mut w = Writer::new(40, 3);
        for (at, text) in [(0, "a"), (2, "b"), (4, "c"), (6, "d")] {
            w.set_at(at);
            w.start_block();
            w.push_line(vec![Span::raw(text)]);
            w.end_block();
        }
        assert!(w.is_full());
        let written = w.finish();
        assert_eq!(written.cut, Some(4));
        assert_eq!(plain(written), ["a", "", "b"]);
    }

    #[test]
    fn reserved_lines_leave_less_room() {
        let mut w = Writer::new(40, 5);
        w.reserve(4);
        assert_eq!(w.room(), 1);
        w.push_line(vec![Span::raw("a")]);
        w.set_at(9);
        w.push_line(vec![Span::raw("b")]);
        assert_eq!(w.finish().cut, Some(9));
    }

    #[test]
    fn leading_blank_lines_are_dropped() {
        let mut w = Writer::new(40, usize::MAX);
        w.push_line(vec![Span::raw("  ")]);
        w.start_block();
        w.push_line(vec![Span::raw("a")]);
        assert_eq!(plain(w.finish()), ["a"]);
    }
}
