//! The visible text of a whole page, a line for each block: what a person sees of it, and what
//! `show --all` shows of a saved page.

use dom_query::NodeRef;

use super::walk::{Visit, is_block, is_hidden, walk};

/// The page's visible lines, white space collapsed, empty ones left out; `pre` keeps its
/// line breaks.
pub fn visible_lines(root: &NodeRef) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut in_pre = 0usize;
    walk(root, |visit| match visit {
        Visit::Open(node, name) => {
            if is_hidden(node, name) {
                return false;
            }
            if is_block(name) {
                end_line(&mut line, &mut lines);
            }
            in_pre += usize::from(name == "pre");
            true
        }
        Visit::Close(name) => {
            if is_block(name) {
                end_line(&mut line, &mut lines);
            }
            in_pre -= usize::from(name == "pre");
            true
        }
        Visit::Text(text) => {
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
    lines
}

fn end_line(line: &mut String, lines: &mut Vec<String>) {
    let trimmed = line.trim();
    if !trimmed.is_empty() {
        lines.push(trimmed.to_owned());
    }
    line.clear();
}

/// Adds `text` to `line` with each run of white space as one space.
pub fn push_collapsed(line: &mut String, text: &str) {
    let mut space = text.starts_with(char::is_whitespace);
    for word in text.split_whitespace() {
        if space && !line.is_empty() && !line.ends_with(' ') {
            line.push(' ');
        }
        line.push_str(word);
        space = true;
    }
    if text.ends_with(char::is_whitespace) && !line.is_empty() && !line.ends_with(' ') {
        line.push(' ');
    }
}
