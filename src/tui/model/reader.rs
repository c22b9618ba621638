//! The article being read: laid out once per width, with the query's matches marked, so that
//! drawing only copies the lines on screen.

use std::ops::Range;

use ratatui::text::{Line, Span};

use crate::article::Article;
use crate::query::{Place, Query};
use crate::render::{Look, MATCH, render_article};

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
    pub lines: Vec<Line<'static>>,
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
    /// Longer body lines are cut when laid out.
    pub max_line_chars: usize,
    /// The colours and date format it is laid out in.
    pub look: Look,
    /// The whole text of a scrape or a saved page, when furniture was left out of its body;
    /// while it is shown, the body it stands in for.
    pub other_text: Option<String>,
    /// True while the whole text is shown.
    pub showing_whole: bool,
    /// The key that shows the whole text, for the note that says what was left out.
    pub whole_key: Option<String>,
}

impl Reader {
    /// The reader for `article` (whose body is not read yet), laid out for `columns` in
    /// `look`, its lines cut at `max_line_chars`.
    pub fn new(
        article: Article,
        columns: u16,
        query: &Query,
        max_line_chars: usize,
        look: Look,
    ) -> Reader {
        let mut reader = Reader {
            article,
            lines: Vec::new(),
            matches: Vec::new(),
            scroll: 0,
            width: 0,
            error: None,
            pending: true,
            max_line_chars,
            look,
            other_text: None,
            showing_whole: false,
            whole_key: None,
        };
        reader.layout(columns, query);
        reader
    }

    /// Takes the body read from the file, and the whole text when some was left out of it.
    pub fn set_body(
        &mut self,
        body: Result<String, String>,
        whole: Option<String>,
        columns: u16,
        query: &Query,
    ) {
        self.pending = false;
        match body {
            Ok(body) => self.article.body = body,
            Err(error) => self.error = Some(error),
        }
        self.other_text = whole.filter(|_| self.article.left_out > 0);
        self.showing_whole = false;
        self.relayout(columns, query);
    }

    /// Shows the whole text in place of the article's (or the article's again); false when
    /// nothing was left out, so there is nothing else to show.
    pub fn toggle_whole(&mut self, columns: u16, query: &Query) -> bool {
        let Some(other) = self.other_text.take() else {
            return false;
        };
        self.other_text = Some(std::mem::replace(&mut self.article.body, other));
        self.showing_whole = !self.showing_whole;
        self.relayout(columns, query);
        true
    }

    /// The note below the body of an article some lines were left out of.
    fn left_out_note(&self) -> Option<String> {
        let lines = self.article.left_out;
        if lines == 0 || self.pending {
            return None;
        }
        let counted = match lines {
            1 => "1 line".to_owned(),
            n => format!("{n} lines"),
        };
        let key = self.whole_key.as_deref();
        Some(match (self.showing_whole, key) {
            (false, Some(key)) => {
                format!("{counted} of page furniture left out · {key} shows the whole text")
            }
            (false, None) => format!("{counted} of page furniture left out"),
            (true, Some(key)) => {
                format!(
                    "The whole text, with {counted} of page furniture · {key} shows the article alone"
                )
            }
            (true, None) => format!("The whole text, with {counted} of page furniture"),
        })
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
        let rendered = render_article(&self.article, width, self.max_line_chars, &self.look);
        self.lines.clear();
        self.matches.clear();
        for line in rendered.lines {
            let (line, marked) = mark_matches(line, query);
            if marked {
                self.matches.push(self.lines.len());
            }
            self.lines.push(line);
        }
        if let Some(error) = &self.error {
            self.lines.push(Line::default());
            self.lines
                .push(Line::from(format!("The body could not be read: {error}")));
        }
        if let Some(note) = self.left_out_note() {
            self.lines.push(Line::default());
            self.lines
                .push(Line::from(Span::styled(note, crate::render::theme::DIM)));
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

/// `line` with the words `query` matched in reverse video, and whether it had any. Matching is
/// per line, so a phrase that wraps onto the next line is not marked.
fn mark_matches(line: Line<'static>, query: &Query) -> (Line<'static>, bool) {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let ranges = query.highlights(&text, Place::Body);
    if ranges.is_empty() {
        return (line, false);
    }
    let mut spans = Vec::with_capacity(line.spans.len() + ranges.len() * 2);
    let mut at = 0;
    for span in line.spans {
        let end = at + span.content.len();
        let mut cut = at;
        for range in overlapping(&ranges, at..end) {
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
    (marked, true)
}

fn overlapping(
    ranges: &[Range<usize>],
    within: Range<usize>,
) -> impl Iterator<Item = &Range<usize>> {
    ranges
        .iter()
        .filter(move |r| r.start < within.end && r.end > within.start)
}

fn push_slice(
    out: &mut Vec<Span<'static>>,
    span: &Span<'static>,
    part: Range<usize>,
    marked: bool,
) {
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
