//! The article being read: laid out once per width, with the query's matches marked, so that
//! drawing only copies the lines on screen.

use std::ops::Range;

use ratatui::text::{Line, Span};

use crate::article::Article;
use crate::limits::Limits;
use crate::query::{Place, Query};
use crate::render::{Lines, Look, MATCH, render_article};

/// Wider than this, lines of prose are hard to follow; the reader centres a column this wide.
pub const MAX_TEXT_WIDTH: usize = 100;
/// The renderer lays text out at no fewer columns than this; a narrower terminal shows the
/// left part of each line rather than text wrapped to nothing.
const MIN_TEXT_WIDTH: usize = 20;

/// An open article.
#[derive(Debug)]
pub struct Reader {
    /// The article with its body once read; until then the body is empty.
    pub article: Article,
    pub lines: Lines,
    /// Line numbers holding a match of the query, ascending.
    pub matches: Vec<usize>,
    /// The first line on screen.
    pub scroll: usize,
    /// The width the lines were laid out for.
    pub width: usize,
    /// Why the body could not be read, shown in place of it.
    pub error: Option<String>,
    /// True until the body has been read.
    pub pending: bool,
    /// Longer body lines are cut, and longer bodies, when laid out.
    pub limits: Limits,
    /// The colours and date format it is laid out in.
    pub look: Look,
}

impl Reader {
    /// The reader for `article` (whose body is not read yet), laid out for `columns` in
    /// `look` within `limits`.
    pub fn new(
        article: Article,
        columns: u16,
        query: &Query,
        limits: Limits,
        look: Look,
    ) -> Reader {
        let mut reader = Reader {
            article,
            lines: Lines::new(),
            matches: Vec::new(),
            scroll: 0,
            width: 0,
            error: None,
            pending: true,
            limits,
            look,
        };
        reader.layout(columns, query);
        reader
    }

    pub fn set_body(&mut self, body: Result<String, String>, columns: u16, query: &Query) {
        self.pending = false;
        match body {
            Ok(body) => self.article.body = body,
            Err(error) => self.error = Some(error),
        }
        self.relayout(columns, query);
    }

    /// Lays the article out again after it changed, such as its sentiment.
    pub fn relayout(&mut self, columns: u16, query: &Query) {
        self.width = 0;
        self.layout(columns, query);
    }

    /// Lays the article out again when the text width changes.
    pub fn layout(&mut self, columns: u16, query: &Query) {
        let width = text_width(columns);
        if width == self.width {
            return;
        }
        self.width = width;
        let rendered = render_article(&self.article, width, &self.limits, &self.look);
        self.lines = Lines::new();
        self.matches.clear();
        for (n, line) in rendered.lines.iter().enumerate() {
            let ranges = query.highlights(rendered.lines.text(n), Place::Body);
            if ranges.is_empty() {
                self.lines.push(&line);
                continue;
            }
            self.matches.push(n);
            self.lines.push(&marked(line, &ranges));
        }
        if let Some(error) = &self.error {
            self.lines.push(&Line::default());
            self.lines
                .push(&Line::from(format!("The body could not be read: {error}")));
        }
        self.scroll = self.scroll.min(self.lines.len().saturating_sub(1));
    }

    /// The first match below the top line, if any.
    pub fn next_match(&self) -> Option<usize> {
        self.matches.iter().copied().find(|&n| n > self.scroll)
    }

    /// The last match above the top line, if any.
    pub fn previous_match(&self) -> Option<usize> {
        self.matches
            .iter()
            .copied()
            .rev()
            .find(|&n| n < self.scroll)
    }
}

/// The width articles are laid out at on a terminal `columns` wide: a column's margin each
/// side, and no wider than reads well.
pub fn text_width(columns: u16) -> usize {
    usize::from(columns)
        .saturating_sub(2)
        .clamp(MIN_TEXT_WIDTH, MAX_TEXT_WIDTH)
}

/// `line` with the bytes in `ranges` in reverse video. Matching is per line, so a phrase that
/// wraps onto the next line is not marked.
fn marked<'a>(line: Line<'a>, ranges: &[Range<usize>]) -> Line<'a> {
    let mut spans = Vec::with_capacity(line.spans.len() + ranges.len() * 2);
    let mut at = 0;
    for span in line.spans {
        let end = at + span.content.len();
        let mut cut = at;
        for range in overlapping(ranges, at..end) {
            let (from, to) = (range.start.max(at), range.end.min(end));
            push_slice(&mut spans, &span, cut - at..from - at, false);
            push_slice(&mut spans, &span, from - at..to - at, true);
            cut = to;
        }
        push_slice(&mut spans, &span, cut - at..end - at, false);
        at = end;
    }
    let mut marked = Line::from(spans).style(line.style);
    marked.alignment = line.alignment;
    marked
}

fn overlapping(
    ranges: &[Range<usize>],
    within: Range<usize>,
) -> impl Iterator<Item = &Range<usize>> {
    ranges
        .iter()
        .filter(move |r| r.start < within.end && r.end > within.start)
}

fn push_slice<'a>(out: &mut Vec<Span<'a>>, span: &Span<'a>, part: Range<usize>, marked: bool) {
    let Some(text) = span.content.get(part).filter(|t| !t.is_empty()) else {
        return;
    };
    let style = if marked {
        span.style.patch(MATCH)
    } else {
        span.style
    };
    out.push(Span::styled(text.to_owned(), style));
}
