//! What is checked before a page is parsed, in one linear pass over its bytes: how deeply its
//! tags nest. Every HTML extractor tried took seconds to minutes on ten thousand nested
//! `<div>`s, and recursive ones overflowed their stack, so a page nested deeper than
//! [`MAX_DEPTH`] is never handed to the parser; it is read by [`strip_tags`] instead.

/// Deeper than this, a page is not parsed (browsers stop nesting at 512).
pub const MAX_DEPTH: usize = 1000;

/// Elements whose content is not text to read.
const RAW: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "textarea", "title", "head",
    "iframe", "object", "select",
];

/// Elements that start a new line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements that never hold others, or that the parser closes by itself when a sibling
/// opens (`<p>`, `<li>`): they do not add to the depth.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
    "tbody", "tfoot", "rb", "rt", "rp", "colgroup", "caption", "!doctype",
];

/// One tag of the page.
struct Tag<'h> {
    name: &'h str,
    closing: bool,
    self_closing: bool,
    /// Where the text after the tag starts.
    end: usize,
}

/// The tag starting at `at` (a `<`), or `None` when `<` starts no tag there.
fn tag_at(html: &str, at: usize) -> Option<Tag<'_>> {
    let rest = html.get(at + 1..)?;
    let closing = rest.starts_with('/');
    let name_start = usize::from(closing);
    let name_len = rest[name_start..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '!'))
        .unwrap_or(rest.len() - name_start);
    if name_len == 0 {
        return None;
    }
    let name = &rest[name_start..name_start + name_len];
    let close = rest.find('>')?;
    Some(Tag {
        name,
        closing,
        self_closing: rest[..close].ends_with('/'),
        end: at + 1 + close + 1,
    })
}

fn named(list: &[&str], name: &str) -> bool {
    list.iter().any(|known| known.eq_ignore_ascii_case(name))
}

/// Where the raw element `name` whose content starts at `from` ends.
fn skip_raw(html: &str, name: &str, from: usize) -> usize {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(offset) = html.get(at..).and_then(|rest| rest.find("</")) {
        let start = at + offset + 2;
        let matches = bytes
            .get(start..start + name.len())
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()));
        if matches {
            return html[start..]
                .find('>')
                .map_or(html.len(), |gt| start + gt + 1);
        }
        at = start;
    }
    html.len()
}

/// How deeply the tags of `html` nest, stopping once past `MAX_DEPTH` (so the answer is at
/// most one more). Comments, scripts and styles are passed over.
pub fn nesting_depth(html: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut at = 0;
    while let Some(offset) = html.get(at..).and_then(|rest| rest.find('<')) {
        at += offset;
        if html[at..].starts_with("<!--") {
            at = html[at..]
                .find("-->")
                .map_or(html.len(), |end| at + end + 3);
            continue;
        }
        let Some(tag) = tag_at(html, at) else {
            at += 1;
            continue;
        };
        at = tag.end;
        if tag.closing {
            if !named(FLAT, tag.name) {
                depth = depth.saturating_sub(1);
            }
        } else if named(RAW, tag.name) && !tag.self_closing {
            at = skip_raw(html, tag.name, at);
        } else if !tag.self_closing && !named(FLAT, tag.name) && !tag.name.starts_with('!') {
            depth += 1;
            deepest = deepest.max(depth);
            if deepest > MAX_DEPTH {
                break;
            }
        }
    }
    deepest
}

/// The visible text of `html`, a line for each block, read without parsing it (for a page too
/// deeply nested to parse): tags are dropped, scripts and styles with their content, and the
/// commonest character references decoded.
pub fn strip_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len() / 2);
    let mut at = 0;
    while at < html.len() {
        let Some(offset) = html[at..].find('<') else {
            push_text(&mut text, &html[at..]);
            break;
        };
        push_text(&mut text, &html[at..at + offset]);
        at += offset;
        if html[at..].starts_with("<!--") {
            at = html[at..]
                .find("-->")
                .map_or(html.len(), |end| at + end + 3);
            continue;
        }
        let Some(tag) = tag_at(html, at) else {
            text.push('<');
            at += 1;
            continue;
        };
        at = tag.end;
        if !tag.closing && named(RAW, tag.name) && !tag.self_closing {
            at = skip_raw(html, tag.name, at);
        } else if named(BLOCKS, tag.name) {
            text.push('\n');
        }
    }
    text
}

/// Adds `raw` text to `text`, its white space collapsed and character references decoded.
fn push_text(text: &mut String, raw: &str) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        push_spaced(text, &rest[..amp]);
        let after = &rest[amp..];
        match after.find(';').filter(|&semi| semi <= 10) {
            Some(semi) => match decode_reference(&after[1..semi]) {
                Some(c) => {
                    text.push(c);
                    rest = &after[semi + 1..];
                }
                None => {
                    text.push('&');
                    rest = &after[1..];
                }
            },
            None => {
                text.push('&');
                rest = &after[1..];
            }
        }
    }
    push_spaced(text, rest);
}

fn push_spaced(text: &mut String, raw: &str) {
    for (i, word) in raw.split(|c: char| c.is_ascii_whitespace()).enumerate() {
        if i > 0 && !text.ends_with([' ', '\n']) && !text.is_empty() {
            text.push(' ');
        }
        text.push_str(word);
    }
}

fn decode_reference(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_nesting_not_siblings() {
        assert_eq!(
            nesting_depth("<html><body><div><p>a<p>b</div></body></html>"),
            3
        );
        assert_eq!(nesting_depth(&"<div></div>".repeat(10_000)), 1);
        assert_eq!(nesting_depth(&"<li>".repeat(10_000)), 0);
        assert!(nesting_depth(&"<div>".repeat(450_000)) > MAX_DEPTH);
        assert!(nesting_depth(&"<b>".repeat(50_000)) > MAX_DEPTH);
        let script = format!("<script>{}</script><div>", "<div>".repeat(5_000));
        assert_eq!(nesting_depth(&script), 1);
    }

    #[test]
    fn stripped_text_has_a_line_per_block_and_no_script() {
        let text = strip_tags(
            "<h1>Title &amp; more</h1><script>alert(1)</script><p>One <b>two</b></p><p>x&lt;y&#33;</p>",
        );
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines, ["Title & more", "One two", "x<y!"]);
    }

    #[test]
    fn odd_bytes_do_not_break_the_scan() {
        for html in [
            "<",
            "<<>>",
            "<!--",
            "<script>",
            "</",
            "<a",
            "&#xffffffff;",
            "é<é>é",
        ] {
            nesting_depth(html);
            strip_tags(html);
        }
    }
}
