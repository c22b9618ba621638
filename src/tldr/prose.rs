//! The paragraphs of prose in a body, as a reader sees them: Markdown markup taken off (links
//! as their text, emphasis and escapes dropped), and what is not prose left out (headings,
//! code, tables, images, quotes of markup, lines of page furniture, captions and credits).

use crate::scrape::furniture::is_furniture;
use crate::scrape::headline::is_credit;

/// The paragraphs of prose in `body` (Markdown or plain text), each as one line of text.
pub fn paragraphs(body: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut fence: Option<&str> = None;
    for line in body.lines() {
        let trimmed = line.trim();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            end(&mut current, &mut paragraphs);
            continue;
        }
        let skipped = trimmed.is_empty()
            || trimmed.starts_with(['#', '|', '<', '!', '{', '['])
            || line.starts_with("    ")
            || is_furniture(trimmed)
            || (trimmed.len() < 200 && is_credit(trimmed));
        if skipped {
            end(&mut current, &mut paragraphs);
            continue;
        }
        let text = trimmed
            .trim_start_matches(['>', ' '])
            .trim_start_matches(['-', '*', '+'])
            .trim_start();
        if text.len() != trimmed.len() && line.trim_start().starts_with(['-', '*', '+']) {
            // A list item is a paragraph of its own.
            end(&mut current, &mut paragraphs);
        }
        if !current.is_empty() {
            current.push(' ');
        }
        push_plain(&mut current, text);
    }
    end(&mut current, &mut paragraphs);
    paragraphs
}

fn end(current: &mut String, paragraphs: &mut Vec<String>) {
    let text = current.trim();
    if !text.is_empty() {
        paragraphs.push(text.to_owned());
    }
    current.clear();
}

/// A line of Markdown as plain text (see [`push_plain`]).
pub fn plain_line(line: &str) -> String {
    let mut out = String::new();
    push_plain(&mut out, line);
    out
}

/// A line of Markdown as plain text, onto the end of `out` (the paragraph being gathered):
/// `[text](url)` as `text`, images, emphasis markers, code ticks and escapes taken off.
fn push_plain(out: &mut String, line: &str) {
    // Most lines of prose hold no markup at all.
    if !line
        .bytes()
        .any(|b| matches!(b, b'\\' | b'*' | b'`' | b'_' | b'!' | b'['))
    {
        out.push_str(line);
        return;
    }
    out.reserve(line.len());
    let mut chars = line.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' => {
                if let Some((_, next)) = chars.next() {
                    if next.is_ascii_punctuation() {
                        out.push(next);
                    } else {
                        out.push('\\');
                        out.push(next);
                    }
                }
            }
            '*' | '`' => {}
            '_' if boundary(line, at) => {}
            '!' if line[at..].starts_with("![") => {
                // An image: its alt text and address are not prose.
                if let Some(end) = link_end(&line[at + 1..]) {
                    skip_to(&mut chars, at + 1 + end);
                }
            }
            '[' => match link_end(&line[at..]) {
                Some(end) => {
                    let close = line[at..].find("](").map(|c| at + c);
                    match close {
                        Some(close) => push_plain(out, &line[at + 1..close]),
                        None => out.push('['),
                    }
                    skip_to(&mut chars, at + end);
                }
                None => out.push('['),
            },
            _ => out.push(c),
        }
    }
}

/// Whether the `_` at `at` stands at the edge of a word (emphasis), not inside one.
fn boundary(line: &str, at: usize) -> bool {
    let before = line[..at].chars().next_back();
    let after = line[at + 1..].chars().next();
    !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
}

/// Where a `[text](address)` starting `text` ends (after its `)`).
fn link_end(text: &str) -> Option<usize> {
    let close = text.find("](")?;
    if text[1..close].contains('\n') {
        return None;
    }
    let rest = &text[close + 2..];
    let paren = rest.find(')')?;
    Some(close + 2 + paren + 1)
}

fn skip_to(chars: &mut std::iter::Peekable<std::str::CharIndices>, end: usize) {
    while chars.peek().is_some_and(|(at, _)| *at < end) {
        chars.next();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_comes_off() {
        assert_eq!(
            plain_line("A **bold** [link](https://x.y/a) and ![img](i.png) \\*star\\* snake_case"),
            "A bold link and  *star* snake_case"
        );
    }

    #[test]
    fn only_prose_is_kept() {
        let body = "# Heading\n\nFirst line\nwraps here.\n\n```\ncode\n```\n\n- item one\n- item two\n\n| a | b |\n\nShare this:\n\nPhoto: Jane Doe/Reuters\n";
        assert_eq!(
            paragraphs(body),
            ["First line wraps here.", "item one", "item two"]
        );
    }
}
