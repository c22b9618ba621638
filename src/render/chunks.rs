//! Long documents parsed a piece at a time. pulldown-cmark keeps a node of some 48 bytes for
//! every block and inline element it has parsed until the parser is dropped, and parses a
//! block's cells whole: a table of one-letter cells costs 48 bytes of nodes per byte of
//! Markdown, more than the whole budget for rendering it. A document longer than a piece is
//! cut where one top-level block ends and the next begins, so that each piece parses as it
//! would in place; a block longer than a piece is cut between two of its lines, and the
//! renderer carries it on into the next piece (see `markdown/pieces.rs`).
//!
//! Link reference definitions are the one thing that reaches across blocks: a definition at
//! the end of a document serves links at its start. They are gathered from every piece first.

use std::collections::HashMap;

use pulldown_cmark::{Options, Parser};

/// Documents up to this many bytes are parsed whole; longer ones in pieces of about this size.
pub(crate) const CHUNK_BYTES: usize = 256 * 1024;

/// A piece of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Chunk<'a> {
    pub(crate) text: &'a str,
    /// Where it starts in the document, in bytes.
    pub(crate) start: usize,
    /// False when the piece ends inside a block, which goes on in the next piece.
    pub(crate) clean: bool,
}

/// The pieces of `doc`, each about `size` bytes or less (a single line longer than that
/// makes a longer piece).
pub(crate) fn chunks(doc: &str, size: usize) -> Chunks<'_> {
    Chunks {
        doc,
        at: 0,
        size: size.max(1),
        open: Open::Nothing,
        after_blank: true,
    }
}

pub(crate) struct Chunks<'a> {
    doc: &'a str,
    at: usize,
    size: usize,
    /// What is open at `at` that a blank line does not end.
    open: Open,
    /// Whether the line before `at` is blank.
    after_blank: bool,
}

impl<'a> Iterator for Chunks<'a> {
    type Item = Chunk<'a>;

    fn next(&mut self) -> Option<Chunk<'a>> {
        let start = self.at;
        let rest = self.doc.get(start..).filter(|rest| !rest.is_empty())?;
        if rest.len() <= self.size {
            self.at = self.doc.len();
            return Some(Chunk {
                text: rest,
                start,
                clean: true,
            });
        }
        let (end, clean) = self.boundary();
        self.at = end;
        Some(Chunk {
            text: self.doc.get(start..end).unwrap_or_default(),
            start,
            clean,
        })
    }
}

impl Chunks<'_> {
    /// Where the next piece ends and whether that is between top-level blocks: the last such
    /// place within the size, else the last line break within it before a line of plain
    /// text (which goes on a paragraph or a table's rows in the next piece as it would in
    /// this one, where a line starting `[x]: `, `---` or `1.` would start something else),
    /// else the last line break, else the end of the line that crosses it. Leaves `open` and
    /// `after_blank` as they are there.
    fn boundary(&mut self) -> (usize, bool) {
        let limit = self.at + self.size;
        let (mut open, mut after_blank) = (self.open, self.after_blank);
        let mut clean_cut = None;
        let mut text_cut = None;
        let mut line_cut = None;
        let mut pos = self.at;
        while pos < self.doc.len() {
            if pos > self.at {
                if pos > limit {
                    break;
                }
                let line = line_at(self.doc, pos);
                if after_blank && open == Open::Nothing && starts_a_block(line) {
                    clean_cut = Some(pos);
                }
                let cut = Some((pos, open, after_blank));
                if is_plain(line) {
                    text_cut = cut;
                }
                line_cut = cut;
            }
            let line = line_at(self.doc, pos);
            open = open.after(line);
            after_blank = is_blank(line);
            pos += line.len();
        }
        if let Some(cut) = clean_cut {
            (self.open, self.after_blank) = (Open::Nothing, true);
            return (cut, true);
        }
        if let Some((cut, at_cut, blank)) = text_cut.or(line_cut) {
            (self.open, self.after_blank) = (at_cut, blank);
            return (cut, false);
        }
        // One line longer than a piece: it is taken whole.
        (self.open, self.after_blank) = (open, after_blank);
        (pos, pos >= self.doc.len())
    }
}

/// The line starting at `pos`, with its line feed.
fn line_at(doc: &str, pos: usize) -> &str {
    let rest = doc.get(pos..).unwrap_or_default();
    match rest.find('\n') {
        Some(end) => &rest[..=end],
        None => rest,
    }
}

fn is_blank(line: &str) -> bool {
    line.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// Whether a line after a blank one starts a block of its own at the top level: it is not
/// indented (which would continue a list item or an indented code block) and does not start
/// a list item (which could continue a loose list).
fn starts_a_block(line: &str) -> bool {
    line.bytes().next().is_some_and(|b| {
        !matches!(
            b,
            b' ' | b'\t' | b'\r' | b'\n' | b'-' | b'+' | b'*' | b'0'..=b'9'
        )
    })
}

/// A line that starts with a letter or a table's `|`: within a paragraph or a table, it
/// goes on the block wherever it is read.
fn is_plain(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '|')
}

/// A block that blank lines do not end: a fenced code block, or raw HTML that runs to an end
/// marker. Recognised at an indent of up to three columns, as CommonMark does at the top
/// level; one inside a list item is ended by the first line at the top level anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Nothing,
    Fence { mark: u8, len: usize },
    Html { end: &'static str },
}

/// Raw HTML blocks that end at a marker rather than a blank line, by how they start.
const HTML_ENDS: &[(&str, &str)] = &[
    ("<!--", "-->"),
    ("<?", "?>"),
    ("<![cdata[", "]]>"),
    ("<script", "</script>"),
    ("<pre", "</pre>"),
    ("<style", "</style>"),
    ("<textarea", "</textarea>"),
];

impl Open {
    /// What is open after `line`.
    fn after(self, line: &str) -> Open {
        let content = line.trim_start_matches(' ');
        let indented = line.len() - content.len() > 3 || content.starts_with('\t');
        match self {
            Open::Html { end } => match contains_ignoring_case(line, end) {
                true => Open::Nothing,
                false => self,
            },
            Open::Fence { mark, len } => {
                let run = content.bytes().take_while(|&b| b == mark).count();
                let closes = !indented && run >= len && is_blank(&content[run..]);
                match closes {
                    true => Open::Nothing,
                    false => self,
                }
            }
            Open::Nothing if indented => Open::Nothing,
            Open::Nothing => opens(content),
        }
    }
}

/// What a line at the top level opens, read from its first non-space character.
fn opens(content: &str) -> Open {
    for mark in [b'`', b'~'] {
        let run = content.bytes().take_while(|&b| b == mark).count();
        if run >= 3 && !(mark == b'`' && content[run..].contains('`')) {
            return Open::Fence { mark, len: run };
        }
    }
    for &(start, end) in HTML_ENDS {
        let Some(head) = content.get(..start.len()) else {
            continue;
        };
        let tag = start.len() > 2 && start.as_bytes()[1].is_ascii_alphabetic();
        let after = content.as_bytes().get(start.len()).copied();
        let whole_name = !tag || matches!(after, None | Some(b' ' | b'\t' | b'\r' | b'\n' | b'>'));
        if head.eq_ignore_ascii_case(start) && whole_name {
            return match contains_ignoring_case(&content[start.len()..], end) {
                true => Open::Nothing,
                false => Open::Html { end },
            };
        }
    }
    // A declaration such as `<!DOCTYPE html>`, which ends at the first `>`.
    let declaration = content.len() > 2
        && content.starts_with("<!")
        && content.as_bytes()[2].is_ascii_alphabetic();
    match declaration && !content.contains('>') {
        true => Open::Html { end: ">" },
        false => Open::Nothing,
    }
}

fn contains_ignoring_case(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Link reference definitions by label: where each link goes and its title.
pub(crate) type References = HashMap<String, (String, String)>;

/// The link reference definitions of every piece of `doc`, the first of a label winning as
/// in CommonMark. Only a document parsed in pieces needs them; one without a `]:` has none.
pub(crate) fn references(doc: &str, size: usize, options: Options) -> References {
    let mut found = References::new();
    if doc.len() <= size || !doc.contains("]:") {
        return found;
    }
    for chunk in chunks(doc, size) {
        // The parser finds the definitions in its first pass, before any event is asked for.
        let parser = Parser::new_ext(chunk.text, options);
        for (label, def) in parser.reference_definitions().iter() {
            let title = def.title.as_deref().unwrap_or_default();
            found
                .entry(label_key(label))
                .or_insert_with(|| (def.dest.to_string(), title.to_owned()));
        }
    }
    found
}

/// A label as CommonMark matches it: case folded, runs of white space as one space.
pub(crate) fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(doc: &str, size: usize) -> Vec<(&str, bool)> {
        let chunks: Vec<Chunk<'_>> = chunks(doc, size).collect();
        let joined: String = chunks.iter().map(|p| p.text).collect();
        assert_eq!(joined, doc, "the pieces make the document");
        for p in &chunks {
            assert_eq!(&doc[p.start..p.start + p.text.len()], p.text);
        }
        chunks.iter().map(|p| (p.text, p.clean)).collect()
    }

    #[test]
    fn a_short_document_is_one_piece() {
        assert_eq!(cut("a\n\nb\n", 100), [("a\n\nb\n", true)]);
        assert!(cut("", 100).is_empty());
    }

    #[test]
    fn pieces_end_between_top_level_blocks() {
        let doc = "one\n\ntwo\n\nthree\n";
        assert_eq!(
            cut(doc, 8),
            [("one\n\n", true), ("two\n\n", true), ("three\n", true)]
        );
        // Not before an indented line, a list item or a line after a line of text.
        let doc = "- a\n\n- b\n\n    code\n\nc\nd\n";
        assert_eq!(
            cut(doc, 20),
            [("- a\n\n- b\n\n    code\n\n", true), ("c\nd\n", true)]
        );
    }

    #[test]
    fn a_block_longer_than_a_piece_is_cut_between_lines() {
        let doc = "aaaa\nbbbb\ncccc\ndddd\n";
        assert_eq!(
            cut(doc, 12),
            [("aaaa\nbbbb\n", false), ("cccc\ndddd\n", true)]
        );
        // A line longer than a piece is taken whole.
        assert_eq!(
            cut("abcdefghij\nk\n", 4),
            [("abcdefghij\n", false), ("k\n", true)]
        );
    }

    #[test]
    fn no_cut_inside_a_fence_or_raw_html() {
        let doc = "```\na\n\nb\n```\n\nc\n\nd\n";
        let chunks = cut(doc, 14);
        assert_eq!(chunks[0], ("```\na\n\nb\n```\n\n", true));
        let doc = "<!-- a\n\nb -->\n\nc\n\nd\n";
        assert_eq!(cut(doc, 16)[0], ("<!-- a\n\nb -->\n\n", true));
        let doc = "<PRE>\n\nx\n</pre>\n\ny\n\nz\n";
        assert_eq!(cut(doc, 18)[0], ("<PRE>\n\nx\n</pre>\n\n", true));
        // A fence with a longer closing run, and one that opens inside an indented block.
        assert_eq!(
            Open::Nothing.after("~~~~ rust\n"),
            Open::Fence { mark: b'~', len: 4 }
        );
        assert_eq!(
            Open::Fence { mark: b'~', len: 4 }.after("~~~\n"),
            Open::Fence { mark: b'~', len: 4 }
        );
        assert_eq!(
            Open::Fence { mark: b'~', len: 4 }.after("~~~~~ \n"),
            Open::Nothing
        );
        assert_eq!(Open::Nothing.after("    ```\n"), Open::Nothing);
        assert_eq!(Open::Nothing.after("``` a`b\n"), Open::Nothing);
        assert_eq!(Open::Nothing.after("<!-- one line -->\n"), Open::Nothing);
        assert_eq!(Open::Nothing.after("<scripts>\n"), Open::Nothing);
        assert_eq!(Open::Nothing.after("<!DOCTYPE\n"), Open::Html { end: ">" });
    }

    #[test]
    fn references_are_gathered_from_every_piece() {
        let doc = format!(
            "[a]\n\n{}\n\n[A]: /first\n\n[a]: /second\n",
            "x\n\n".repeat(10)
        );
        let found = references(&doc, 8, Options::empty());
        assert_eq!(found.get("a"), Some(&("/first".to_owned(), String::new())));
        assert!(references("[a]\n\n[a]: /u\n", 100, Options::empty()).is_empty());
        assert_eq!(label_key(" Foo\n  BAR "), "foo bar");
    }
}
