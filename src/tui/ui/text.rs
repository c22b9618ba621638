//! Fitting styled text into a number of columns.

use ratatui::text::Span;
use unicode_width::UnicodeWidthStr;

use crate::render::prefix_within;

/// `spans` cut to at most `width` columns, ending in `…` when anything was cut.
pub fn fit(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(Span::width).sum();
    if total <= width {
        return spans;
    }
    let mut room = width.saturating_sub(1);
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        if room == 0 {
            break;
        }
        let kept = prefix_within(&span.content, room);
        room = if kept.len() == span.content.len() {
            room - kept.width()
        } else {
            0
        };
        out.push(Span::styled(kept.to_owned(), span.style));
    }
    if width > 0 {
        out.push(Span::raw("…"));
    }
    out
}

/// `n` with a comma between thousands: `20,000`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_with_an_ellipsis() {
        let cut = fit(vec![Span::raw("abc"), Span::raw("défg")], 5);
        let text: String = cut.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "abcd…");
        let wide = fit(vec![Span::raw("日本語")], 4);
        let text: String = wide.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(
            text, "日…",
            "a wide character that does not fit is left out whole"
        );
        assert!(fit(vec![Span::raw("abc")], 0).is_empty());
    }

    /// `❤` with U+FE0F is two columns whole and one counted by characters: the cut is
    /// measured as it is drawn.
    #[test]
    fn a_cut_is_never_wider_than_asked_for() {
        let heart = "❤\u{fe0f}";
        for spans in [
            vec![Span::raw(format!(" {}{}", "a".repeat(15), heart.repeat(5)))],
            vec![Span::raw(heart.repeat(20)), Span::raw(heart.repeat(20))],
            vec![Span::raw("ab"), Span::raw(format!("{heart}中{heart}"))],
        ] {
            for width in 0..50 {
                let cut = fit(spans.clone(), width);
                let drawn: usize = cut.iter().map(Span::width).sum();
                assert!(drawn <= width, "{spans:?} at {width}: {cut:?}");
            }
        }
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(20000), "20,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
