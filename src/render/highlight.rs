//! Showing which words a search matched.

use std::ops::Range;

use ratatui::style::{Modifier, Style};
use ratatui::text::Span;

/// Reverse video, as `less` and most pagers mark matches: it reads on dark and light
/// terminals alike and does not depend on colour.
pub const MATCH: Style = Style::new().add_modifier(Modifier::REVERSED);

/// `text` as spans in `base`, with the byte `ranges` (sorted, not overlapping, as
/// `Query::highlights` gives them) in `base` plus [`MATCH`].
pub fn highlight_spans(text: &str, ranges: &[Range<usize>], base: Style) -> Vec<Span<'static>> {
    let mut spans = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for range in ranges {
        let (Some(before), Some(matched)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        if !before.is_empty() {
            spans.push(Span::styled(before.to_owned(), base));
        }
        spans.push(Span::styled(matched.to_owned(), base.patch(MATCH)));
        at = range.end;
    }
    if let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
        spans.push(Span::styled(rest.to_owned(), base));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_the_ranges_and_keeps_the_rest() {
        let spans = highlight_spans("Oil prices rise", &[0..3, 11..15], Style::new());
        let parts: Vec<(&str, bool)> = spans
            .iter()
            .map(|s| {
                (
                    s.content.as_ref(),
                    s.style.add_modifier.contains(Modifier::REVERSED),
                )
            })
            .collect();
        assert_eq!(parts, [("Oil", true), (" prices ", false), ("rise", true)]);
    }

    #[test]
    fn ranges_that_do_not_fit_the_text_are_skipped() {
        let spans = highlight_spans("abc", &[1..9, 5..6], Style::new());
        assert_eq!(
            spans.iter().map(|s| s.content.as_ref()).collect::<String>(),
            "abc"
        );
    }
}
