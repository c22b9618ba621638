//! Lines at the edges of an article's text that are about the article rather than of it: a
//! byline, a date, a reading time, a photo's credit, a count of shares, a link to skip to the
//! content. Extraction keeps them when the page puts them inside the article's element; they
//! are left out of its text here, as a scrape's classes leave them out of a scrape's, and kept
//! among the furniture.

use crate::scrape::furniture::is_furniture;
use crate::scrape::headline::{is_byline, is_credit, is_date_line};
use crate::tldr::plain_line;

/// How many blocks at each end of the text are looked at: such lines come in ones and twos
/// above the first paragraph and below the last.
const EDGE_BLOCKS: usize = 3;

/// A block longer than this is prose, whatever it starts with.
const MAX_CHARS: usize = 160;

/// `text` (Markdown, blocks apart by blank lines) without the blocks at its start and end that
/// are about the article, and those blocks as plain text.
pub fn trim(text: String) -> (String, Vec<String>) {
    let blocks: Vec<&str> = text.split("\n\n").collect();
    let mut left_out: Vec<(usize, String)> = Vec::new();
    let from_start: Vec<usize> = (0..blocks.len()).take(EDGE_BLOCKS).collect();
    let from_end: Vec<usize> = (0..blocks.len()).rev().take(EDGE_BLOCKS).collect();
    for edge in [from_start, from_end] {
        for at in edge {
            let Some(line) = one_line(blocks[at]) else {
                break;
            };
            // An image alone says nothing, and the next block may still be a credit.
            if line.trim().is_empty() {
                continue;
            }
            if !is_about_the_article(&line) {
                break;
            }
            if !left_out.iter().any(|(out, _)| *out == at) {
                left_out.push((at, line));
            }
        }
    }
    if left_out.is_empty() {
        return (text, Vec::new());
    }
    left_out.sort_unstable();
    // The article's own text is never all left out.
    let kept: Vec<&str> = (0..blocks.len())
        .filter(|at| !left_out.iter().any(|(out, _)| out == at))
        .map(|at| blocks[at])
        .filter(|block| !block.trim().is_empty())
        .collect();
    if kept.is_empty() {
        return (text, Vec::new());
    }
    let mut trimmed = kept.join("\n\n");
    if text.ends_with('\n') && !trimmed.ends_with('\n') {
        trimmed.push('\n');
    }
    (
        trimmed,
        left_out.into_iter().map(|(_, line)| line).collect(),
    )
}

/// A block as plain text (see [`plain`]) if it could be such a line: not several lines (a
/// list, a table, a quote of paragraphs, code) and not long, which is prose.
fn one_line(block: &str) -> Option<String> {
    // Room for an image's address, which can be long.
    (block.len() <= MAX_CHARS * 8)
        .then(|| plain(block))
        .flatten()
}

/// True when a line says who wrote the article, when, how long it takes to read, whose photo
/// it shows, or is the page's own furniture.
fn is_about_the_article(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > MAX_CHARS {
        return false;
    }
    let words = line.split_whitespace().count();
    if words > 12 {
        return is_furniture(line);
    }
    let reading_time = || {
        let folded = line.to_lowercase();
        ["min read", "mins read", "minute read", "minutes read"]
            .iter()
            .any(|mark| folded.contains(mark))
    };
    is_furniture(line)
        || is_byline(line) && names_someone(line)
        || is_date_line(line)
        || words <= 8 && (is_credit(line) || reading_time())
}

/// Whether the word after a byline's `by` is a name, as in `By Jane Doe`, and not a
/// sentence's, as in `By 2030 the city…`.
fn names_someone(line: &str) -> bool {
    let mut words = line.split_whitespace();
    words.any(|word| word.eq_ignore_ascii_case("by") || word.eq_ignore_ascii_case("by:"))
        && words
            .next()
            .is_some_and(|name| name.starts_with(char::is_uppercase))
}

/// A block of one line as plain text: its heading and quote marks gone, and the rest as
/// [`plain_line`] reads it; `None` for a block of several lines (a list, a table, a quote of
/// paragraphs, code), which is the article's.
fn plain(block: &str) -> Option<String> {
    let block = block.trim_matches('\n');
    if block.contains('\n') {
        return None;
    }
    Some(plain_line(block.trim_start_matches(['#', '>', ' '])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_dates_and_credits_at_the_edges_are_left_out() {
        let text = "By Jane Doe\n\nMarch 3, 2024 · 4 min read\n\nThe port reopened on Monday \
                    after a week of strikes.\n\nTrade resumed at once.\n\n*© Example Photos*\n";
        let (kept, dropped) = trim(text.to_owned());
        assert_eq!(
            kept,
            "The port reopened on Monday after a week of strikes.\n\nTrade resumed at once.\n"
        );
        assert_eq!(
            dropped,
            [
                "By Jane Doe",
                "March 3, 2024 · 4 min read",
                "© Example Photos"
            ]
        );
    }

    #[test]
    fn the_articles_own_lines_stay() {
        for text in [
            // A sentence that starts like a byline, and a list.
            "By 2030 the city plans to double its tram network, officials said.\n\nMore.\n",
            "- By Jane Doe\n- By John Roe\n\nText.\n",
            // A line like a byline within the text, past the edges.
            "One.\n\nTwo.\n\nThree.\n\nBy Jane Doe\n\nFour.\n\nFive.\n\nSix.\n",
            // Nothing but such lines: left as they are rather than emptied.
            "By Jane Doe\n\nMarch 3, 2024\n",
        ] {
            assert_eq!(
                trim(text.to_owned()),
                (text.to_owned(), Vec::new()),
                "{text}"
            );
        }
    }

    #[test]
    fn an_image_above_a_credit_is_passed_over_and_kept() {
        let text = "![A harbour](https://example.com/a.jpg)\n\nPhoto: Example Agency\n\n\
                    The port reopened.\n";
        let (kept, dropped) = trim(text.to_owned());
        assert_eq!(
            kept,
            "![A harbour](https://example.com/a.jpg)\n\nThe port reopened.\n"
        );
        assert_eq!(dropped, ["Photo: Example Agency"]);
    }

    #[test]
    fn links_read_as_their_text() {
        assert_eq!(
            plain("**Posted by [Jane](https://example.com/jane)**").as_deref(),
            Some("Posted by Jane")
        );
    }
}
