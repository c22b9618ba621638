//! What the limit on lines left out of an article, said where the article stops, so that
//! nothing is lost without a word.

use super::theme;
use super::wrap::{Piece, wrap};
use ratatui::text::Span;

/// The note for an article cut at byte `cut` of `markdown` by a limit of `limit` lines,
/// wrapped to `width`.
pub(crate) fn left_out(
    markdown: &str,
    cut: usize,
    limit: usize,
    width: usize,
) -> Vec<Vec<Span<'static>>> {
    let rest = markdown.get(cut..).unwrap_or_default().chars().count();
    let text = format!(
        "[the rest of the article, {} characters, is not shown: it passes the limit of {} \
         lines, which limits.max_rendered_lines in the configuration raises]",
        grouped(rest),
        grouped(limit)
    );
    wrap(&[Piece::Text(theme::DIM, text)], width)
}

/// `n` with a comma between thousands: `100,000`.
fn grouped(n: usize) -> String {
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
    use crate::render::wrap::plain;

    #[test]
    fn says_how_much_is_left_out_and_how_to_see_it() {
        let text = plain(&left_out("abcé€", 2, 100_000, 200)).concat();
        assert_eq!(
            text,
            "[the rest of the article, 3 characters, is not shown: it passes the limit of \
             100,000 lines, which limits.max_rendered_lines in the configuration raises]"
        );
        assert!(
            plain(&left_out("ab", 9, 5, 200))
                .concat()
                .contains(" 0 characters")
        );
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(999), "999");
    }
}
