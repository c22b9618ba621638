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
    let Some(block) = find_block(text)? else {
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
    let insert_at = existing
        .first()
        .map_or(block.insert_at, |&(start, _)| start);
    let mut out = Vec::with_capacity(bytes.len() + 80);
    out.extend_from_slice(head);
    let mut at = 0;
    for &(start, end) in &existing {
        if start == insert_at {
            out.extend_from_slice(&text[at..start]);
            out.extend_from_slice(&tag_lines(block.format, tag, eol));
        } else {
            out.extend_from_slice(&text[at..start]);
        }
        at = end;
    }
    if existing.is_empty() {
        out.extend_from_slice(&text[..insert_at]);
        out.extend_from_slice(&tag_lines(block.format, tag, eol));
        at = insert_at;
    }
    out.extend_from_slice(&text[at..]);
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
            if !line.ends_with(b"\n") {
                // A fence on the last line without a line end: the new lines need one before it.
                return Err(TagError::Unsupported(
                    "the closing fence is the last line and has no line end".into(),
                ));
            }
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

/// The lines to insert: the two of the sentiment, and a TL;DR's when the tag has one.
fn tag_lines(format: Format, tag: &Tag, eol: &[u8]) -> Vec<u8> {
    let (score, label) = (tag.score_text(), quoted(&tag.label));
    let mut lines = match format {
        Format::Yaml => format!("{SCORE_KEY}: {score}\n{LABEL_KEY}: {label}\n"),
        Format::Toml => format!("{SCORE_KEY} = {score}\n{LABEL_KEY} = {label}\n"),
    };
    if !tag.tldr.is_empty() {
        let items: Vec<String> = tag.tldr.iter().map(|item| quoted(item)).collect();
        match format {
            Format::Yaml => {
                lines.push_str("tldr:\n");
                for item in items {
                    lines.push_str(&format!("  - {item}\n"));
                }
            }
            Format::Toml => lines.push_str(&format!("tldr = [{}]\n", items.join(", "))),
        }
    }
    if eol == b"\n" {
        lines.into_bytes()
    } else {
        lines.replace('\n', "\r\n").into_bytes()
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
