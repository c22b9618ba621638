//! Laying an article out for the reader, as a job with everything it needs: an article of
//! megabytes takes a second or more to lay out, so the loop hands the job to a thread of its
//! own and the screen stays live; the lines come back as an action.

use std::ops::Range;
use std::sync::Arc;

use ratatui::text::{Line, Span};

use crate::article::Article;
use crate::limits::Limits;
use crate::query::{Place, Query};
use crate::render::{Lines, Look, MATCH, render_article, theme};
use crate::tui::model::action::Action;

/// An article to lay out at a width: what the reader asks for when its article or its width
/// changed.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutJob {
    pub article: Arc<Article>,
    /// The text width.
    pub width: usize,
    /// Counts the changes to the article (its body read, its sentiment set), so that the
    /// lines of an older one are not taken for this one.
    pub revision: u64,
    /// Why the body could not be read, shown in place of it.
    pub error: Option<String>,
    /// A line below the text (what was left out of it), dimmed.
    pub note: Option<String>,
    pub limits: Limits,
    pub look: Look,
    /// Its matches are marked.
    pub query: Query,
}

/// An article laid out.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub lines: Lines,
    /// Line numbers holding a match of the query, ascending.
    pub matches: Vec<usize>,
    /// The targets of the text's links, as it numbers them.
    pub links: Vec<String>,
}

impl LayoutJob {
    /// Lays the article out, its matches marked; the action that brings the lines back.
    pub fn perform(self) -> Action {
        let layout = self.lay_out();
        Action::LaidOut {
            id: self.article.id.clone(),
            width: self.width,
            revision: self.revision,
            layout: Box::new(layout),
        }
    }

    /// The article's lines, its matches marked.
    pub fn lay_out(&self) -> Layout {
        let rendered = render_article(&self.article, self.width, &self.limits, &self.look);
        let mut layout = Layout::default();
        for (n, line) in rendered.lines.iter().enumerate() {
            let ranges = self.query.highlights(rendered.lines.text(n), Place::Body);
            if ranges.is_empty() {
                layout.lines.push(&line);
                continue;
            }
            layout.matches.push(n);
            layout.lines.push(&marked(line, &ranges));
        }
        layout.links = rendered.links;
        if let Some(error) = &self.error {
            layout.lines.push(&Line::default());
            layout
                .lines
                .push(&Line::from(format!("The body could not be read: {error}")));
        }
        if let Some(note) = &self.note {
            layout.lines.push(&Line::default());
            layout
                .lines
                .push(&Line::from(Span::styled(note.clone(), theme::DIM)));
        }
        layout
    }
}

/// `line` with the words `query` matched in reverse video, and whether it had any.
pub fn mark_matches<'a>(line: Line<'a>, query: &Query) -> (Line<'a>, bool) {
    let text: String = line
        .spans
        .iter()
        .map(|span| span.content.as_ref())
        .collect();
    let ranges = query.highlights(&text, Place::Body);
    match ranges.is_empty() {
        true => (line, false),
        false => (marked(line, &ranges), true),
    }
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
