//! Parsing a long document a piece at a time: a paragraph, table or code block cut by the end
//! of a piece is held open and carried on into the next, which is parsed after its opening
//! lines where it needs them.

use std::borrow::Cow;

use pulldown_cmark::{BrokenLink, CowStr, Event, Parser, Tag, TagEnd};

use super::{Renderer, options};
use crate::render::chunks::{self, Chunk, References};
use crate::render::lists::scan_lists;
use std::rc::Rc;

/// The parser over `text`, with links to labels defined in other pieces of the document.
fn parser<'a>(
    text: &'a str,
    references: Rc<References>,
) -> Parser<'a, impl FnMut(BrokenLink<'a>) -> Option<(CowStr<'a>, CowStr<'a>)>> {
    let resolve = move |link: BrokenLink<'a>| {
        if references.is_empty() {
            return None;
        }
        let (dest, title) = references.get(&chunks::label_key(&link.reference))?;
        Some((CowStr::from(dest.clone()), CowStr::from(title.clone())))
    };
    Parser::new_with_broken_link_callback(text, options(), Some(resolve))
}

/// A block that ran to the end of a piece of the document and goes on in the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Carry {
    Nothing,
    Paragraph,
    Table,
    Code,
}

impl Renderer {
    /// Lays out one piece of the document, carrying a block cut by its end into the next.
    pub(super) fn piece(&mut self, chunk: Chunk<'_>) {
        // A blank line ends a paragraph or a table: one carried ends here.
        let blank = chunk
            .text
            .split_inclusive('\n')
            .next()
            .is_some_and(|l| l.trim().is_empty());
        if blank && matches!(self.carry, Carry::Paragraph | Carry::Table) {
            self.resume(&Event::Rule);
        }
        let text: Cow<'_, str> = match (self.carry, &self.opener) {
            (Carry::Table | Carry::Code, Some(opener)) => {
                Cow::Owned(format!("{opener}{}", chunk.text))
            }
            _ => Cow::Borrowed(chunk.text),
        };
        self.origin = (chunk.start, text.len() - chunk.text.len());
        self.lists = match may_hold_lists(&text) {
            true => scan_lists(Parser::new_ext(&text, options())).into_iter(),
            false => Vec::new().into_iter(),
        };
        let references = Rc::clone(&self.references);
        let mut events = parser(&text, references).into_offset_iter().peekable();
        while let Some((event, range)) = events.next() {
            self.writer.set_at(self.source(range.start));
            if self.carry != Carry::Nothing && self.resume(&event) {
                continue;
            }
            let last = events.peek().is_none();
            if last && !chunk.clean && self.hold(&event, &text) {
                continue;
            }
            self.event(event, range);
            if self.writer.is_full() {
                return;
            }
        }
    }

    /// Where byte `offset` of the text parsed is in the document.
    pub(super) fn source(&self, offset: usize) -> usize {
        self.origin.0 + offset.saturating_sub(self.origin.1)
    }

    /// The first event of a piece after a block was carried: true when it is that block
    /// going on (and so taken), else the block ends here.
    pub(super) fn resume(&mut self, event: &Event<'_>) -> bool {
        let carried = std::mem::replace(&mut self.carry, Carry::Nothing);
        match (carried, event) {
            (Carry::Paragraph, Event::Start(Tag::Paragraph)) => {
                // The line break the cut fell on.
                self.text(" ");
                true
            }
            (Carry::Table, Event::Start(Tag::Table(_))) => true,
            (Carry::Code, Event::Start(Tag::CodeBlock(_))) => true,
            (Carry::Paragraph, _) => {
                self.flush();
                false
            }
            (Carry::Table, _) => {
                self.end_table();
                false
            }
            (Carry::Code, _) => {
                self.end_raw();
                false
            }
            (Carry::Nothing, _) => false,
        }
    }

    /// The last event of a piece that ends inside a block: a paragraph, table or code block
    /// at the top level is held open to go on in the next piece (true), which a table or a
    /// fenced block is parsed after its opening lines for.
    pub(super) fn hold(&mut self, event: &Event<'_>, text: &str) -> bool {
        // A blank line has ended a paragraph or a table already.
        let ended = ends_with_blank_line(text);
        let (carry, opener) = match event {
            Event::End(TagEnd::Paragraph) if self.flow.is_some() && !ended => {
                (Carry::Paragraph, None)
            }
            Event::End(TagEnd::Table) if self.table.is_some() && !ended => {
                (Carry::Table, Some(lines_from(text, self.block_start, 2)))
            }
            Event::End(TagEnd::CodeBlock) => match &self.raw {
                Some(block) if block.fenced => {
                    (Carry::Code, Some(lines_from(text, self.block_start, 1)))
                }
                Some(_) => (Carry::Code, Some(Some(String::new()))),
                None => return false,
            },
            _ => return false,
        };
        if self.opener.is_none() {
            match opener {
                Some(Some(lines)) => self.opener = Some(lines),
                Some(None) => return false,
                None => {}
            }
        }
        self.carry = carry;
        true
    }
}

/// Whether `text` may hold a list: some line starts (after indentation and quote markers)
/// with a list marker. Without one, the pass that looks at the lists is not worth its time.
fn may_hold_lists(text: &str) -> bool {
    // A footnote's text may start with a list on the line of its label.
    text.contains("[^")
        || text.split('\n').any(|line| {
            let line = line.trim_start_matches([' ', '\t', '>']);
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let bytes = line.as_bytes();
            let marker = match digits {
                0 => bytes.first().filter(|b| matches!(b, b'-' | b'+' | b'*')),
                1..=9 => bytes.get(digits).filter(|b| matches!(b, b'.' | b')')),
                _ => None,
            };
            let after = bytes.get(digits + 1).copied();
            marker.is_some() && matches!(after, None | Some(b' ' | b'\t' | b'\r'))
        })
}

/// Whether the last line of `text` is blank.
fn ends_with_blank_line(text: &str) -> bool {
    let text = text.strip_suffix('\n').unwrap_or(text);
    let last = text.rfind('\n').map_or(text, |at| &text[at + 1..]);
    last.trim().is_empty()
}

/// The first `count` lines of `text` from byte `start`, each with its line feed; `None` when
/// there are fewer.
fn lines_from(text: &str, start: usize, count: usize) -> Option<String> {
    let rest = text.get(start..)?;
    let mut end = 0;
    for _ in 0..count {
        end += rest.get(end..)?.find('\n')? + 1;
    }
    Some(rest[..end].to_owned())
}
