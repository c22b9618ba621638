//! Styled lines kept compactly: the text of every line in one buffer and each run of one style
//! as eight bytes. A ratatui [`Line`] of owned spans costs some 50 bytes a line and 70 a span
//! (one allocation each), which is 30 to 40 bytes per byte of a Markdown file whose styles
//! change every other character; here a line costs four bytes and a run eight. Lines are
//! handed out as borrowed [`Line`]s, to draw or print.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Lines of styled text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lines {
    text: String,
    runs: Vec<Run>,
    /// Where each line's runs end in `runs`: line n is `runs[ends[n - 1]..ends[n]]`.
    ends: Vec<u32>,
    /// Every style the runs use; a run names its style by its place here.
    styles: Vec<Style>,
}

/// Text of one style, up to `end` in the text buffer.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Run {
    end: u32,
    style: u16,
}

impl Lines {
    /// No lines.
    #[must_use]
    pub fn new() -> Lines {
        Lines::default()
    }

    /// How many lines there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there are no lines.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Line `n` as spans borrowing this store, or `None` past the last line.
    #[must_use]
    pub fn get(&self, n: usize) -> Option<Line<'_>> {
        let runs = self.runs_of(n)?;
        let mut start = self.text_start(runs.start);
        let spans: Vec<Span<'_>> = self.runs[runs]
            .iter()
            .map(|run| {
                let end = run.end as usize;
                let text = self.text.get(start..end).unwrap_or_default();
                start = end;
                let style = self.styles.get(usize::from(run.style)).copied();
                Span::styled(text, style.unwrap_or_default())
            })
            .collect();
        Some(Line::from(spans))
    }

    /// The text of line `n` without its styles; empty past the last line.
    #[must_use]
    pub fn text(&self, n: usize) -> &str {
        let Some(runs) = self.runs_of(n) else {
            return "";
        };
        let start = self.text_start(runs.start);
        let end = self.text_start(runs.end);
        self.text.get(start..end).unwrap_or_default()
    }

    /// The lines in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            lines: self,
            front: 0,
            back: self.len(),
        }
    }

    /// Adds a line; false (and nothing added) when the store has reached the four gigabytes
    /// its offsets can address. Runs of one style are joined and empty spans dropped.
    pub fn push(&mut self, line: &Line<'_>) -> bool {
        let added: usize = line.spans.iter().map(|s| s.content.len()).sum();
        let room = u32::MAX as usize;
        if self.text.len() + added > room || self.runs.len() + line.spans.len() > room {
            return false;
        }
        let first = self.runs.len();
        for span in &line.spans {
            if span.content.is_empty() {
                continue;
            }
            self.text.push_str(&span.content);
            let end = self.text.len() as u32;
            let style = self.style_id(line.style.patch(span.style));
            let joins = self.runs.len() > first;
            match self.runs.last_mut() {
                Some(last) if joins && last.style == style => last.end = end,
                _ => self.runs.push(Run { end, style }),
            }
        }
        self.ends.push(self.runs.len() as u32);
        true
    }

    /// Adds a line of `spans`; see [`Lines::push`].
    pub fn push_spans(&mut self, spans: Vec<Span<'_>>) -> bool {
        self.push(&Line::from(spans))
    }

    /// Removes the last line.
    pub fn pop(&mut self) {
        if self.ends.pop().is_none() {
            return;
        }
        let runs = self.ends.last().map_or(0, |&end| end as usize);
        self.runs.truncate(runs);
        let text = self.text_start(runs);
        self.text.truncate(text);
    }

    /// Puts the lines of `head` before these, moving these in place rather than copying them
    /// (a body of a hundred thousand lines under a title of three); false, and nothing
    /// changed, when the store would pass what its offsets can address.
    pub fn insert_front(&mut self, head: &Lines) -> bool {
        let room = u32::MAX as usize;
        if self.text.len() + head.text.len() > room || self.runs.len() + head.runs.len() > room {
            return false;
        }
        let (text, runs) = (head.text.len() as u32, head.runs.len() as u32);
        // Exactly what is added: growing by the usual doubling would take twice the room.
        self.text.reserve_exact(head.text.len());
        self.runs.reserve_exact(head.runs.len());
        self.ends.reserve_exact(head.ends.len());
        self.text.insert_str(0, &head.text);
        for run in &mut self.runs {
            run.end += text;
        }
        let head_runs: Vec<Run> = head
            .runs
            .iter()
            .map(|run| {
                let style = head.styles.get(usize::from(run.style)).copied();
                Run {
                    end: run.end,
                    style: self.style_id(style.unwrap_or_default()),
                }
            })
            .collect();
        self.runs.splice(0..0, head_runs);
        for end in &mut self.ends {
            *end += runs;
        }
        self.ends.splice(0..0, head.ends.iter().copied());
        true
    }

    /// Gives back the room kept for more lines, once there will be none.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.runs.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    /// Adds every line of `other` after these.
    pub fn extend(&mut self, other: &Lines) {
        for line in other {
            if !self.push(&line) {
                return;
            }
        }
    }

    fn runs_of(&self, n: usize) -> Option<std::ops::Range<usize>> {
        let end = *self.ends.get(n)? as usize;
        let start = match n {
            0 => 0,
            _ => self.ends.get(n - 1).map_or(0, |&e| e as usize),
        };
        Some(start..end)
    }

    /// Where the text of run `run` starts: where the run before it ends.
    fn text_start(&self, run: usize) -> usize {
        match run {
            0 => 0,
            _ => self.runs.get(run - 1).map_or(0, |r| r.end as usize),
        }
    }

    /// The place of `style` in `styles`. Articles use a few dozen styles at most (the theme's,
    /// combined by nesting), so a look along the list is as quick as a hash.
    fn style_id(&mut self, style: Style) -> u16 {
        if let Some(at) = self.styles.iter().rposition(|&s| s == style) {
            return at as u16;
        }
        if self.styles.len() > usize::from(u16::MAX) {
            // Unreachable with the theme's styles; a wrong colour is better than a panic.
            return 0;
        }
        self.styles.push(style);
        (self.styles.len() - 1) as u16
    }
}

/// The lines of a [`Lines`], each borrowing it.
pub struct Iter<'a> {
    lines: &'a Lines,
    front: usize,
    back: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        if self.front >= self.back {
            return None;
        }
        self.front += 1;
        self.lines.get(self.front - 1)
    }

    fn nth(&mut self, n: usize) -> Option<Line<'a>> {
        self.front = self.front.saturating_add(n).min(self.back);
        self.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.back - self.front;
        (left, Some(left))
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        self.lines.get(self.back)
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Lines {
    type Item = Line<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl<'a> FromIterator<Line<'a>> for Lines {
    fn from_iter<I: IntoIterator<Item = Line<'a>>>(iter: I) -> Lines {
        let mut lines = Lines::new();
        for line in iter {
            if !lines.push(&line) {
                break;
            }
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn bold() -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    #[test]
    fn lines_come_back_with_their_styles() {
        let mut lines = Lines::new();
        lines.push_spans(vec![Span::raw("plain "), Span::styled("bold", bold())]);
        lines.push_spans(Vec::new());
        lines.push_spans(vec![Span::styled("x", bold())]);
        assert_eq!(lines.len(), 3);
        let first = lines.get(0).unwrap();
        assert_eq!(first.spans.len(), 2);
        assert_eq!(first.spans[1].content, "bold");
        assert_eq!(first.spans[1].style, bold());
        assert_eq!(lines.text(0), "plain bold");
        assert_eq!(lines.text(1), "");
        assert_eq!(lines.text(2), "x");
        assert!(lines.get(3).is_none());
        let all: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(all, ["plain bold", "", "x"]);
        assert_eq!(lines.iter().next_back().unwrap().to_string(), "x");
        assert_eq!(lines.iter().nth(2).unwrap().to_string(), "x");
    }

    #[test]
    fn runs_of_one_style_are_joined_and_empty_spans_dropped() {
        let mut lines = Lines::new();
        let line = Line::from(vec![
            Span::styled("a", bold()),
            Span::raw(""),
            Span::styled("b", bold()),
            Span::raw("c"),
        ]);
        lines.push(&line);
        let back = lines.get(0).unwrap();
        assert_eq!(back.spans.len(), 2);
        assert_eq!(back.to_string(), "abc");
        assert_eq!(lines.styles.len(), 2, "each style is kept once");
    }

    #[test]
    fn a_run_never_joins_the_line_before() {
        let mut lines = Lines::new();
        lines.push_spans(vec![Span::styled("a", bold())]);
        lines.push_spans(vec![Span::styled("b", bold())]);
        assert_eq!(lines.text(0), "a");
        assert_eq!(lines.text(1), "b");
    }

    #[test]
    fn lines_go_in_front() {
        let mut body: Lines = [Line::from("b"), Line::from(Span::styled("c", bold()))]
            .into_iter()
            .collect();
        let head: Lines = [Line::from(Span::styled("a", bold())), Line::default()]
            .into_iter()
            .collect();
        assert!(body.insert_front(&head));
        let all: Vec<String> = body.iter().map(|l| l.to_string()).collect();
        assert_eq!(all, ["a", "", "b", "c"]);
        assert_eq!(body.get(0).unwrap().spans[0].style, bold());
        assert_eq!(body.get(3).unwrap().spans[0].style, bold());
        assert_eq!(body.text(2), "b");
    }

    #[test]
    fn pop_and_extend() {
        let mut lines: Lines = [Line::from("one"), Line::from("two")].into_iter().collect();
        lines.pop();
        lines.push_spans(vec![Span::raw("three")]);
        let mut more = Lines::new();
        more.extend(&lines);
        more.extend(&lines);
        let all: Vec<String> = more.iter().map(|l| l.to_string()).collect();
        assert_eq!(all, ["one", "three", "one", "three"]);
        let mut empty = Lines::new();
        empty.pop();
        assert!(empty.is_empty());
    }
}
