//! Writing sentiment into the bytes of an article file, keeping every other byte.

use crate::frontmatter::Format;

use super::{Tag, TagError};

/// The keys written, as the parser reads them.
const SCORE_KEY: &str = "sentiment_score";
const LABEL_KEY: &str = "sentiment_label";

/// What [`with_tag`] made of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inserted {
    pub bytes: Vec<u8>,
    /// True when a new front matter block was put at the top.
    pub new_block: bool,
}

/// The file's bytes with the tag written in: two new lines before the front matter's closing
/// fence (before the first table of TOML, so that the keys stay at the top level), or, with
/// `replace`, in place of the lines that held the keys; or a new YAML block at the top of a
/// file without front matter. `title` is a `title:` line to add to a new block, for a file
/// whose title would otherwise change.
pub fn with_tag(
    bytes: &[u8],
    tag: &Tag,
    replace: bool,
    title: Option<&str>,
) -> Result<Inserted, TagError> {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let (head, text) = bytes.split_at(bom);
    let block = find_block(text)?;
    if let (false, Some(block)) = (tag.writes_sentiment(), &block) {
        // A TL;DR alone goes where new keys go, whatever keys the block has.
        let mut out = bytes.to_vec();
        let at = bom + block.insert_at;
        out.splice(at..at, tag_lines(block.format, tag, block.eol));
        return Ok(Inserted {
            bytes: out,
            new_block: false,
        });
    }
    let Some(block) = block else {
        let eol = line_ending(text);
        let mut out = Vec::with_capacity(bytes.len() + 80);
        out.extend_from_slice(head);
        out.extend_from_slice(b"---");
        out.extend_from_slice(eol);
        if let Some(title) = title {
            out.extend_from_slice(format!("title: {}", quoted(title)).as_bytes());
            out.extend_from_slice(eol);
        }
        out.extend_from_slice(&tag_lines(Format::Yaml, tag, eol));
        out.extend_from_slice(b"---");
        out.extend_from_slice(eol);
        out.extend_from_slice(text);
        return Ok(Inserted {
            bytes: out,
            new_block: true,
        });
    };
    let eol = block.eol;
    let existing = key_lines(text, &block)?;
    if !existing.is_empty() && !replace {
        return Err(TagError::AlreadyTagged);
    }
    let mut out = Vec::with_capacity(bytes.len() + 80);
    out.extend_from_slice(head);
    if existing.is_empty() {
        out.extend_from_slice(&text[..block.insert_at]);
        out.extend_from_slice(&tag_lines(block.format, tag, eol));
        out.extend_from_slice(&text[block.insert_at..]);
        return Ok(Inserted {
            bytes: out,
            new_block: false,
        });
    }
    // Each line that sets a key gets the new value in place of the old one, and keeps the rest:
    // the key as spelled, the spaces, a comment after the value, its own line end. A key
    // that was missing follows the last of them, with that line's ending.
    let mut at = 0;
    let mut missing = vec![SCORE_KEY, LABEL_KEY];
    for &(start, end) in &existing {
        out.extend_from_slice(&text[at..start]);
        let line = &text[start..end];
        let key = key_of(line);
        missing.retain(|&k| k != key);
        out.extend_from_slice(&with_value(line, block.format, &value_text(key, tag)));
        at = end;
    }
    if let Some(&(start, end)) = existing.last() {
        let line_end = line_end_of(&text[start..end]);
        let line_end = if line_end.is_empty() { eol } else { line_end };
        for key in missing {
            out.extend_from_slice(&key_line(block.format, key, tag).into_bytes());
            out.extend_from_slice(line_end);
        }
    }
    // A TL;DR goes where new keys go, after the lines replaced.
    out.extend_from_slice(&text[at..block.insert_at.max(at)]);
    out.extend_from_slice(&tldr_lines(block.format, &tag.tldr, eol));
    out.extend_from_slice(&text[block.insert_at.max(at)..]);
    Ok(Inserted {
        bytes: out,
        new_block: false,
    })
}

/// A front matter block found in a file's bytes.
#[derive(Debug)]
struct Block {
    format: Format,
    /// Where the lines of the block begin: after the opening fence.
    start: usize,
    /// Where new keys go: the closing fence, or the first TOML table.
    insert_at: usize,
    /// Where the closing fence begins.
    end: usize,
    eol: &'static [u8],
}

/// The front matter block, found as the parser finds it: a first line of `---` or `+++`
/// (trailing spaces allowed) closed by the same (or `...` for YAML).
fn find_block(text: &[u8]) -> Result<Option<Block>, TagError> {
    let mut lines = lines(text);
    let Some((_, first)) = lines.next() else {
        return Ok(None);
    };
    let format = match trim_end(first) {
        b"---" => Format::Yaml,
        b"+++" => Format::Toml,
        _ => return Ok(None),
    };
    let eol = if first.ends_with(b"\r\n") {
        b"\r\n".as_slice()
    } else {
        b"\n".as_slice()
    };
    let start = first.len();
    let mut table = None;
    for (offset, line) in lines {
        let bare = trim_end(line);
        let closes = match format {
            Format::Yaml => bare == b"---" || bare == b"...",
            Format::Toml => bare == b"+++",
        };
        if closes {
            // New lines go before the fence, each with its line end, so a fence that ends
            // the file without one stays as it is.
            return Ok(Some(Block {
                format,
                start,
                insert_at: table.unwrap_or(offset),
                end: offset,
                eol,
            }));
        }
        if format == Format::Toml && table.is_none() && line.starts_with(b"[") {
            table = Some(offset);
        }
    }
    Err(TagError::Unsupported(
        "the front matter is never closed".into(),
    ))
}

/// The lines (start, end with their line end) that set the sentiment keys at the top level of
/// the block, in file order. A value that goes on over further lines is refused: replacing
/// only its first line would leave the rest behind.
fn key_lines(text: &[u8], block: &Block) -> Result<Vec<(usize, usize)>, TagError> {
    let region = &text[block.start..block.end];
    let mut found = Vec::new();
    let mut in_table = false;
    let mut pending: Option<(usize, usize)> = None;
    for (offset, line) in lines(region) {
        let at = block.start + offset;
        if let Some((start, end)) = pending.take() {
            let continues = line.first().is_some_and(|b| *b == b' ' || *b == b'\t')
                && !trim_end(line).trim_ascii_start().is_empty();
            if continues {
                return Err(TagError::Unsupported(format!(
                    "a sentiment key on line {} goes on over several lines; edit it by hand",
                    line_number(text, start)
                )));
            }
            found.push((start, end));
        }
        if block.format == Format::Toml && line.starts_with(b"[") {
            in_table = true;
        }
        if !in_table && sets_sentiment_key(line, block.format) {
            pending = Some((at, at + line.len()));
        }
    }
    found.extend(pending);
    Ok(found)
}

/// True when a line sets `sentiment_score` or `sentiment_label` at the top level, in any
/// spelling of the key the formats allow: bare, `"quoted"` or `'quoted'`.
fn sets_sentiment_key(line: &[u8], format: Format) -> bool {
    let separator = match format {
        Format::Yaml => b':',
        Format::Toml => b'=',
    };
    [SCORE_KEY, LABEL_KEY].iter().any(|key| {
        let key = key.as_bytes();
        let rest = if let Some(rest) = line.strip_prefix(key) {
            rest
        } else {
            let quoted = |q: u8| {
                line.strip_prefix(&[q][..])
                    .and_then(|r| r.strip_prefix(key))
                    .and_then(|r| r.strip_prefix(&[q][..]))
            };
            match quoted(b'"').or_else(|| quoted(b'\'')) {
                Some(rest) => rest,
                None => return false,
            }
        };
        let rest = rest.trim_ascii_start();
        rest.first() == Some(&separator)
            && (format == Format::Toml || rest.get(1).is_none_or(|b| b.is_ascii_whitespace()))
    })
}

/// The lines to insert: the two of the sentiment (unless the tag is a TL;DR alone), and a
/// TL;DR's when the tag has one.
fn tag_lines(format: Format, tag: &Tag, eol: &[u8]) -> Vec<u8> {
    let mut lines = Vec::new();
    if tag.writes_sentiment() {
        for key in [SCORE_KEY, LABEL_KEY] {
            lines.extend_from_slice(key_line(format, key, tag).as_bytes());
            lines.extend_from_slice(eol);
        }
    }
    lines.extend(tldr_lines(format, &tag.tldr, eol));
    lines
}

/// The lines of a `tldr` list of `items`; none for no items.
fn tldr_lines(format: Format, items: &[String], eol: &[u8]) -> Vec<u8> {
    let mut lines = Vec::new();
    if items.is_empty() {
        return lines;
    }
    let items: Vec<String> = items.iter().map(|item| quoted(item)).collect();
    let tldr = match format {
        Format::Yaml => std::iter::once("tldr:".to_owned())
            .chain(items.iter().map(|item| format!("  - {item}")))
            .collect(),
        Format::Toml => vec![format!("tldr = [{}]", items.join(", "))],
    };
    for line in tldr {
        lines.extend_from_slice(line.as_bytes());
        lines.extend_from_slice(eol);
    }
    lines
}

/// The line that sets `key` to the tag's value, without its line end.
fn key_line(format: Format, key: &str, tag: &Tag) -> String {
    let value = value_text(key, tag);
    match format {
        Format::Yaml => format!("{key}: {value}"),
        Format::Toml => format!("{key} = {value}"),
    }
}

/// The tag's value for `key`, as written.
fn value_text(key: &str, tag: &Tag) -> String {
    match key {
        SCORE_KEY => tag.score_text(),
        _ => quoted(&tag.label),
    }
}

/// Which of the two keys a line that sets one of them sets.
fn key_of(line: &[u8]) -> &'static str {
    let bare = line.strip_prefix(b"\"").or_else(|| line.strip_prefix(b"'"));
    match bare.unwrap_or(line).starts_with(SCORE_KEY.as_bytes()) {
        true => SCORE_KEY,
        false => LABEL_KEY,
    }
}

/// A line that sets a key, with `value` in place of the value it had: the key, separator,
/// spaces, any comment after the value and the line end are kept as they are.
fn with_value(line: &[u8], format: Format, value: &str) -> Vec<u8> {
    let separator = match format {
        Format::Yaml => b':',
        Format::Toml => b'=',
    };
    let content = line.len() - line_end_of(line).len();
    // The key may be quoted; the separator is the first one after it.
    let key_end = match line.first() {
        Some(&q) if q == b'"' || q == b'\'' => {
            line[1..].iter().position(|&b| b == q).map_or(0, |p| p + 2)
        }
        _ => 0,
    };
    let Some(separator_at) = line[key_end..content].iter().position(|&b| b == separator) else {
        return line.to_vec();
    };
    let mut value_start = key_end + separator_at + 1;
    while value_start < content && matches!(line[value_start], b' ' | b'\t') {
        value_start += 1;
    }
    let comment =
        comment_start(&line[value_start..content], format).map_or(content, |c| value_start + c);
    let value_end = value_start + line[value_start..comment].trim_ascii_end().len();
    let mut out = Vec::with_capacity(line.len() + value.len());
    out.extend_from_slice(&line[..value_start]);
    if value_start == key_end + separator_at + 1 {
        // `key:` with no space before a value it never had.
        out.push(b' ');
    }
    out.extend_from_slice(value.as_bytes());
    out.extend_from_slice(&line[value_end..]);
    out
}

/// Where a comment starts in a value (and what follows it on its line), outside quotes: in
/// YAML a `#` after white space, in TOML any `#`.
fn comment_start(text: &[u8], format: Format) -> Option<usize> {
    let mut at = 0;
    let mut quote = None;
    while at < text.len() {
        let b = text[at];
        match quote {
            Some(b'"') if b == b'\\' => at += 1,
            Some(q) if b == q => {
                // A YAML single-quoted string writes a quote as two.
                if q == b'\'' && format == Format::Yaml && text.get(at + 1) == Some(&b'\'') {
                    at += 1;
                } else {
                    quote = None;
                }
            }
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'#' => {
                let after_space = at == 0 || matches!(text[at - 1], b' ' | b'\t');
                if format == Format::Toml || after_space {
                    return Some(at);
                }
            }
            None => {}
        }
        at += 1;
    }
    None
}

/// The line end a line has: `\r\n`, `\n`, or none on a last line.
fn line_end_of(line: &[u8]) -> &[u8] {
    if line.ends_with(b"\r\n") {
        &line[line.len() - 2..]
    } else if line.ends_with(b"\n") {
        &line[line.len() - 1..]
    } else {
        &[]
    }
}

/// A string in double quotes, escaped as JSON escapes it, which both YAML double-quoted
/// scalars and TOML basic strings read the same way.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

/// The line ending a file uses, judged by its first line; `\n` when it has none.
fn line_ending(text: &[u8]) -> &'static [u8] {
    match text.iter().position(|&b| b == b'\n') {
        Some(at) if at > 0 && text[at - 1] == b'\r' => b"\r\n",
        _ => b"\n",
    }
}

/// Lines with their line ends, and where each starts.
fn lines(text: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let end = text[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |p| at + p + 1);
        let line = (at, &text[at..end]);
        at = end;
        Some(line)
    })
}

fn trim_end(line: &[u8]) -> &[u8] {
    line.trim_ascii_end()
}

fn line_number(text: &[u8], offset: usize) -> usize {
    text[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests;
