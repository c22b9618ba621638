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
        let lines = &rendered.lines;
        // The parts of matches that ran on from the line before.
        let mut carried: Vec<Range<usize>> = Vec::new();
        for (n, line) in lines.iter().enumerate() {
            let mut ranges = std::mem::take(&mut carried);
            if !self.query.is_empty() {
                match lines.len() > n + 1 {
                    // Read on into the next line, which finds this line's own matches too.
                    true => {
                        let (here, there) = across(&self.query, lines.text(n), lines.text(n + 1));
                        ranges.extend(here);
                        carried = there;
                    }
                    false => ranges.extend(self.query.highlights(lines.text(n), Place::Body)),
                }
            }
            if ranges.is_empty() {
                layout.lines.push(&line);
                continue;
            }
            layout.matches.push(n);
            layout.lines.push(&marked(line, &merged(ranges)));
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

/// The matches of `query` in the line `text` read on into the line `next` after it, as the
/// text is before the wrap cut it: the parts in `text` and the parts in `next`. A phrase, and
/// in Chinese or Japanese any query of two characters or more, is found so when the wrap cut
/// it; the matches within `text` are found as they would be in it alone, and those within
/// `next` again with the line after it (merged).
fn across(query: &Query, text: &str, next: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let joined = format!("{text} {next}");
    let boundary = text.len();
    let (mut here, mut there) = (Vec::new(), Vec::new());
    for range in query.highlights(&joined, Place::Body) {
        if range.start < boundary {
            here.push(range.start..range.end.min(boundary));
        }
        if range.end > boundary + 1 {
            there.push(range.start.max(boundary + 1) - boundary - 1..range.end - boundary - 1);
        }
    }
    (here, there)
}

/// `ranges` in order, those that overlap joined.
fn merged(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|range| range.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match out.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => out.push(range),
        }
    }
    out
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

/// `line` with the bytes in `ranges` (in order, apart) in reverse video.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_article;
    use crate::reading::Reading;

    /// The lines of `body` laid out at `width` with `query`'s matches marked: the marked text
    /// of each line that has some.
    fn marked_text(body: &str, width: usize, query: &str) -> Vec<String> {
        let text = format!("---\ntitle: T\n---\n{body}\n");
        let article = parse_article(
            text.as_bytes(),
            "a.md".into(),
            "a.md".into(),
            &Reading::default(),
        )
        .unwrap();
        let job = LayoutJob {
            article: Arc::new(article),
            width,
            revision: 0,
            error: None,
            note: None,
            limits: Limits::default(),
            look: Look::default(),
            query: Query::parse(query).unwrap(),
        };
        let layout = job.lay_out();
        (layout.lines.iter())
            .map(|line| {
                let marked = (line.spans.iter())
                    .filter(|span| span.style.add_modifier.contains(MATCH.add_modifier));
                marked
                    .map(|span| span.content.to_string())
                    .collect::<String>()
            })
            .filter(|marked| !marked.is_empty())
            .collect()
    }

    /// A match the wrap cuts is marked on both lines: a phrase, and in Chinese any word of two
    /// characters or more, which can be cut anywhere.
    #[test]
    fn a_match_cut_by_the_wrap_is_marked_on_both_lines() {
        // At 20 columns a line holds ten of these characters: 一 ends the first line.
        let chinese = "此举预计将释放长期一万亿元资金，分析人士认为这一措施旨在支持实体经济发展。";
        let marked = marked_text(chinese, 20, "一万亿元");
        assert_eq!(marked, ["一", "万亿元"], "{marked:?}");
        let english = "The port strike halted grain exports for three weeks.";
        let marked = marked_text(english, 20, "\"strike halted\"");
        assert_eq!(marked, ["strike", "halted"], "{marked:?}");
    }
}
