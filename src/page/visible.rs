//! The visible text of a whole page, a line for each block: what a person sees of it, and what
//! `show --all` shows of a saved page.

use dom_query::NodeRef;

use super::walk::{Visit, is_block, is_hidden, walk};

/// What a walk of the whole page finds for its metadata on the way.
#[derive(Debug, Default)]
pub struct Found {
    /// Each `<meta>`'s `property`, `name` or `itemprop` (lowercased) with its `content`.
    pub metas: Vec<(String, String)>,
    /// The `href` of each `<link rel="canonical">`.
    pub canonical: Vec<String>,
    /// The text of each `<h1>`, white space collapsed.
    pub h1s: Vec<String>,
    /// The `datetime` of the first `<time>` that has one.
    pub time: Option<String>,
}

/// The page's visible lines, white space collapsed, empty ones left out; `pre` keeps its
/// line breaks. One walk of the page, which also gathers what [`Found`] holds.
pub fn visible_lines(root: &NodeRef) -> (Vec<String>, Found) {
    let mut lines = Vec::new();
    let mut found = Found::default();
    let mut line = String::new();
    let mut in_pre = 0usize;
    let mut in_head = false;
    walk(root, |visit| match visit {
        Visit::Open(node, name) => {
            note(node, name, &mut found);
            if name == "head" {
                // Walked for its metadata only.
                in_head = true;
                return true;
            }
            if in_head || is_hidden(node, name) {
                return false;
            }
            if is_block(name) {
                end_line(&mut line, &mut lines);
            }
            in_pre += usize::from(name == "pre");
            true
        }
        Visit::Close(name) => {
            if name == "head" {
                in_head = false;
                return true;
            }
            if is_block(name) {
                end_line(&mut line, &mut lines);
            }
            in_pre = in_pre.saturating_sub(usize::from(name == "pre"));
            true
        }
        Visit::Text(text) => {
            if in_head {
                return true;
            }
            if in_pre > 0 {
                for (i, part) in text.split('\n').enumerate() {
                    if i > 0 {
                        end_line(&mut line, &mut lines);
                    }
                    push_collapsed(&mut line, part);
                }
            } else {
                push_collapsed(&mut line, text);
            }
            true
        }
    });
    end_line(&mut line, &mut lines);
    (lines, found)
}

/// Adds what the element `node` says of the page to `found`.
fn note(node: &NodeRef, name: &str, found: &mut Found) {
    match name {
        "meta" => {
            let key = ["property", "name", "itemprop"]
                .iter()
                .find_map(|key| node.attr(key));
            if let (Some(key), Some(content)) = (key, node.attr("content")) {
                let content = content.trim();
                if !content.is_empty() {
                    found
                        .metas
                        .push((key.trim().to_ascii_lowercase(), content.to_owned()));
                }
            }
        }
        "link" => {
            let canonical = node.attr("rel").is_some_and(|rel| {
                rel.split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
            });
            if let (true, Some(href)) = (canonical, node.attr("href")) {
                found.canonical.push(href.trim().to_owned());
            }
        }
        "h1" => {
            let mut text = String::new();
            push_collapsed(&mut text, &node.text());
            found.h1s.push(text.trim().to_owned());
        }
        "time" if found.time.is_none() => {
            found.time = node.attr("datetime").map(|d| d.trim().to_owned());
        }
        _ => {}
    }
}

fn end_line(line: &mut String, lines: &mut Vec<String>) {
    let trimmed = line.trim();
    if !trimmed.is_empty() {
        lines.push(trimmed.to_owned());
    }
    line.clear();
}

/// Adds `text` to `line` with each run of white space as one space: none at the start of
/// `line`, and none after a space it ends with. One pass over the bytes: a byte of ASCII is
/// judged alone, and only a character of several bytes is decoded to be judged.
pub fn push_collapsed(line: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let (mut word_start, mut at) = (0, 0);
    while at < bytes.len() {
        let byte = bytes[at];
        let space = match byte {
            b' ' | b'\t'..=b'\r' => 1,
            0xC0.. => text[at..]
                .chars()
                .next()
                .filter(|c| c.is_whitespace())
                .map_or(0, char::len_utf8),
            // The rest of ASCII, and the bytes that continue a character.
            _ => 0,
        };
        if space == 0 {
            at += 1;
            continue;
        }
        line.push_str(&text[word_start..at]);
        if !line.is_empty() && !line.ends_with(' ') {
            line.push(' ');
        }
        at += space;
        word_start = at;
    }
    line.push_str(&text[word_start..]);
}
