//! Walks pulldown-cmark events and lays each block out through the [`Writer`] as the events
//! arrive: prose is wrapped as its text comes, containers become line prefixes, and a table
//! waits (compactly) for its end, when its column widths are known. Nothing holds a whole
//! document's events, a long document is parsed a piece at a time (see `chunks.rs`), and the
//! walk stops where the writer's limit on lines is reached.

use std::borrow::Cow;
use std::ops::Range;
use std::rc::Rc;

use pulldown_cmark::{
    BrokenLink, CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd,
};
use ratatui::style::Style;
use ratatui::text::Span;

use super::blocks::{self, Raw};
use super::chunks::{self, Chunk, References};
use super::inline::{Styles, collapse};
use super::lines::Lines;
use super::links::{self, LinkTable};
use super::lists::{ListInfo, ListState, item_marker, scan_lists};
use super::table::{self, Table};
use super::text::{clean_inline, str_width};
use super::wrap::{LineSink, Piece, Wrapper, wrap};
use super::writer::{Container, Kind, Writer};
use super::{Palette, theme};

const QUOTE_BAR: &str = "│ ";

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

/// A document laid out.
pub(crate) struct Output {
    pub(crate) lines: Lines,
    /// Link targets in order of first appearance.
    pub(crate) links: Vec<String>,
    /// Where the text left out starts, in bytes, when the limit on lines cut it short.
    pub(crate) cut: Option<usize>,
    /// Lines the writer had to break again because they came out too wide.
    pub(crate) overwide: usize,
}

/// Lays out `markdown` for a text column of `width`, in at most `limit` lines (counting
/// those the links section will take), parsing it in pieces of about `piece` bytes.
pub(crate) fn render(
    markdown: &str,
    width: usize,
    palette: &Palette,
    limit: usize,
    piece: usize,
) -> Output {
    let references = Rc::new(chunks::references(markdown, piece, options()));
    let mut renderer = Renderer::new(width, palette, limit, references);
    for chunk in chunks::chunks(markdown, piece) {
        renderer.piece(chunk);
        if renderer.writer.is_full() {
            break;
        }
    }
    renderer.finish()
}

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
enum Carry {
    Nothing,
    Paragraph,
    Table,
    Code,
}

/// Prose being wrapped, and whether it has shown a line yet.
struct Flow {
    wrapper: Wrapper,
    started: bool,
}

/// A code or raw HTML block being laid out, and whether it has shown a line yet.
struct RawBlock {
    raw: Raw,
    started: bool,
    fenced: bool,
}

/// The writer as one block sees it: the block's first line first separates it from the block
/// before, so that a block that shows nothing leaves no gap.
struct Block<'a> {
    writer: &'a mut Writer,
    started: &'a mut bool,
}

impl LineSink for Block<'_> {
    fn line(&mut self, spans: Vec<Span<'static>>) {
        if !*self.started {
            self.writer.start_block();
            *self.started = true;
        }
        self.writer.push_line(spans);
    }

    fn at(&mut self, offset: usize) {
        self.writer.set_at(offset);
    }

    fn is_full(&self) -> bool {
        self.writer.is_full()
    }
}

/// Layout state for one document at one width.
struct Renderer {
    palette: Palette,
    writer: Writer,
    styles: Styles,
    /// Whether the inline text so far ends in a space, so that the next run of spaces goes.
    after_space: bool,
    flow: Option<Flow>,
    links: LinkTable,
    /// Destinations of the links and images currently open (they nest: an image in a link).
    open_links: Vec<String>,
    /// The images open, each with its style and whether its `[image: ` is shown: that waits
    /// for the first text inside, and an image with none shows `[image]`.
    images: Vec<(Style, bool)>,
    lists: std::vec::IntoIter<ListInfo>,
    raw: Option<RawBlock>,
    table: Option<Table>,
    /// Where the current piece of the document starts, and how many bytes put before it
    /// to carry a block on are not the document's.
    origin: (usize, usize),
    carry: Carry,
    /// Where the table or code block being read starts in the text parsed.
    block_start: usize,
    /// The lines that open the table or fenced code block carried on: what the next piece
    /// is parsed after, so that it reads as the same block.
    opener: Option<String>,
    /// The document's link reference definitions, when it is parsed in pieces.
    references: Rc<References>,
}

impl Renderer {
    fn new(width: usize, palette: &Palette, limit: usize, references: Rc<References>) -> Renderer {
        Renderer {
            palette: *palette,
            writer: Writer::new(width, limit),
            styles: Styles::default(),
            after_space: false,
            flow: None,
            links: LinkTable::default(),
            open_links: Vec::new(),
            images: Vec::new(),
            lists: Vec::new().into_iter(),
            raw: None,
            table: None,
            origin: (0, 0),
            carry: Carry::Nothing,
            block_start: 0,
            opener: None,
            references,
        }
    }

    /// Lays out one piece of the document, carrying a block cut by its end into the next.
    fn piece(&mut self, chunk: Chunk<'_>) {
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
    fn source(&self, offset: usize) -> usize {
        self.origin.0 + offset.saturating_sub(self.origin.1)
    }

    /// The first event of a piece after a block was carried: true when it is that block
    /// going on (and so taken), else the block ends here.
    fn resume(&mut self, event: &Event<'_>) -> bool {
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
    fn hold(&mut self, event: &Event<'_>, text: &str) -> bool {
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

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(end) => self.end(end),
            Event::Text(text) | Event::Html(text) if self.raw.is_some() => self.raw_text(&text),
            Event::Text(text) => self.text(&text),
            Event::Code(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                let style = self.styles.current().patch(theme::INLINE_CODE);
                self.verbatim(style, &text);
            }
            Event::Html(text) | Event::InlineHtml(text) => {
                let style = self.styles.current().patch(theme::DIM);
                self.styled(style, &text);
            }
            Event::FootnoteReference(label) => {
                let style = self.styles.current().patch(theme::FOOTNOTE);
                self.styled(style, &format!("[^{label}]"));
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.hard_break(),
            Event::Rule => {
                self.flush();
                self.writer.start_block();
                let rule = blocks::rule(self.writer.content_width());
                self.writer.push_line(rule);
                self.writer.end_block();
            }
            Event::TaskListMarker(done) => {
                if done {
                    let style = self.styles.current().patch(theme::TASK_DONE);
                    self.styled(style, "[x] ");
                } else {
                    self.text("[ ] ");
                }
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph | Tag::DefinitionList | Tag::DefinitionListTitle => self.flush(),
            Tag::Heading { level, .. } => {
                self.flush();
                let style = theme::heading(level, &self.palette);
                self.styles.push(style);
                // The markers keep a heading recognisable where there is no colour or bold.
                let markers = "#".repeat(level as usize);
                self.styled(style, &format!("{markers} "));
            }
            Tag::BlockQuote(_) => self.open(Container::uniform(Kind::Quote, QUOTE_BAR, theme::DIM)),
            Tag::CodeBlock(kind) => {
                self.block_start = range.start;
                self.start_raw(true, matches!(kind, CodeBlockKind::Fenced(_)));
            }
            Tag::MetadataBlock(_) => self.start_raw(true, false),
            Tag::HtmlBlock => self.start_raw(false, false),
            Tag::List(start) => {
                let info = self.lists.next().unwrap_or(ListInfo {
                    tight: true,
                    items: 1,
                });
                let state = ListState::new(info, start, self.writer.bullet_depth());
                self.open(Container::uniform(Kind::List(state), "", Style::new()));
            }
            Tag::Item => {
                let (marker, tight) = match self.writer.current_list() {
                    Some(list) => (item_marker(list), list.tight),
                    None => ("• ".to_string(), true),
                };
                self.open(Container::marked(
                    Kind::Item { tight },
                    marker,
                    theme::MARKER,
                ));
            }
            Tag::FootnoteDefinition(label) => self.footnote(&label),
            Tag::DefinitionListDefinition => {
                self.open(Container::uniform(Kind::Indent, "    ", Style::new()));
            }
            Tag::Table(aligns) => {
                self.flush();
                self.block_start = range.start;
                let width = self.writer.content_width();
                self.table = Some(Table::new(aligns, width, self.writer.room()));
            }
            Tag::TableHead => {
                self.styles.push(theme::TABLE_HEADER);
                if let Some(table) = &mut self.table {
                    table.start_head();
                }
            }
            Tag::TableRow => {
                let at = self.source(range.start);
                let Some(table) = &mut self.table else {
                    return;
                };
                table.start_row(at);
                // No row from here on could be shown: the table is laid out now, and the
                // output ends with it.
                if table.dropped.is_some() {
                    self.end_table();
                }
            }
            Tag::TableCell => {}
            Tag::Emphasis => self.styles.push(theme::EMPHASIS),
            Tag::Strong => self.styles.push(theme::STRONG),
            Tag::Strikethrough => self.styles.push(theme::STRIKE),
            Tag::Superscript | Tag::Subscript => self.styles.push(Style::new()),
            Tag::Link {
                link_type,
                dest_url,
                id,
                ..
            } => {
                self.styles.push(theme::link(&self.palette));
                let dest = self.destination(link_type, dest_url, &id);
                self.open_links.push(dest);
            }
            Tag::Image {
                link_type,
                dest_url,
                id,
                ..
            } => {
                self.styles.push(theme::IMAGE);
                let dest = self.destination(link_type, dest_url, &id);
                self.open_links.push(dest);
                self.images.push((self.styles.current(), false));
                // As if `[image: ` were shown: spaces leading the alt text go.
                self.after_space = true;
            }
        }
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::Paragraph | TagEnd::DefinitionListTitle => self.flush(),
            TagEnd::Heading(_) => {
                self.styles.pop();
                self.flush();
            }
            TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionListDefinition
            | TagEnd::DefinitionList => self.close(),
            TagEnd::Item => {
                self.flush();
                // An empty item still shows its bullet or number.
                if self.writer.top_is_fresh() {
                    self.writer.push_line(Vec::new());
                }
                self.close();
            }
            TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock => self.end_raw(),
            TagEnd::Table => self.end_table(),
            TagEnd::TableHead => {
                self.styles.pop();
                self.after_space = false;
                if let Some(table) = &mut self.table {
                    table.end_head();
                }
            }
            TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    table.end_row();
                }
            }
            TagEnd::TableCell => {
                self.after_space = false;
                if let Some(table) = &mut self.table {
                    table.end_cell();
                }
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => self.styles.pop(),
            TagEnd::Link => {
                self.styles.pop();
                self.link_marker();
            }
            TagEnd::Image => {
                if let Some((style, false)) = self.images.pop() {
                    self.show_images();
                    self.put(style, "[image");
                }
                self.text("]");
                self.styles.pop();
                self.link_marker();
            }
        }
    }

    /// Where a link goes. A reference found in the piece being parsed can have been defined
    /// first in an earlier piece, whose definition wins, as in the whole document.
    fn destination(&self, kind: LinkType, dest: CowStr<'_>, label: &str) -> String {
        let by_reference = matches!(
            kind,
            LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut
        );
        match by_reference && !self.references.is_empty() {
            true => match self.references.get(&chunks::label_key(label)) {
                Some((first, _)) => first.clone(),
                None => dest.into_string(),
            },
            false => dest.into_string(),
        }
    }

    /// Adds prose in the current style.
    fn text(&mut self, text: &str) {
        let style = self.styles.current();
        self.styled(style, text);
    }

    /// Adds prose in `style`, runs of spaces collapsed.
    fn styled(&mut self, style: Style, text: &str) {
        let text = collapse(text, &mut self.after_space);
        if !text.is_empty() {
            self.show_images();
            self.put(style, &text);
        }
    }

    /// Adds text whose spacing matters (inline code) exactly as given, controls cleaned.
    fn verbatim(&mut self, style: Style, text: &str) {
        let text = clean_inline(text);
        if !text.is_empty() {
            self.after_space = text.ends_with(' ');
            self.show_images();
            self.put(style, &text);
        }
    }

    fn hard_break(&mut self) {
        self.show_images();
        self.after_space = false;
        let style = self.styles.current();
        if let Some(table) = &mut self.table {
            return table.hard_break(style);
        }
        let Renderer { flow, writer, .. } = self;
        let flow = flow.get_or_insert_with(|| Flow::new(writer.content_width()));
        flow.wrapper.hard_break(&mut Block {
            writer,
            started: &mut flow.started,
        });
    }

    /// Shows `[image: ` for the images open whose text has begun.
    fn show_images(&mut self) {
        let waiting = self.images.iter().position(|&(_, shown)| !shown);
        let Some(first) = waiting else {
            return;
        };
        for at in first..self.images.len() {
            let style = self.images[at].0;
            self.images[at].1 = true;
            self.put(style, "[image: ");
        }
    }

    /// Text on its way to the table cell being read, or to the block being wrapped.
    fn put(&mut self, style: Style, text: &str) {
        if let Some(table) = &mut self.table {
            return table.text(style, text);
        }
        let Renderer { flow, writer, .. } = self;
        let flow = flow.get_or_insert_with(|| Flow::new(writer.content_width()));
        flow.wrapper.text(
            style,
            text,
            &mut Block {
                writer,
                started: &mut flow.started,
            },
        );
    }

    /// Starts a container block (quote, list, item, footnote) after any pending text.
    fn open(&mut self, container: Container) {
        self.flush();
        self.writer.start_block();
        self.writer.push_container(container);
    }

    fn close(&mut self) {
        self.flush();
        self.writer.pop_container();
        self.writer.end_block();
    }

    /// Ends the block of prose being wrapped (paragraph, heading, tight item text).
    fn flush(&mut self) {
        self.after_space = false;
        let Some(mut flow) = self.flow.take() else {
            return;
        };
        flow.wrapper.finish(&mut Block {
            writer: &mut self.writer,
            started: &mut flow.started,
        });
        if !flow.started {
            self.writer.start_block();
        }
        self.writer.end_block();
    }

    /// `[n]` after a link or image, numbering its destination; links without one get none.
    /// A new destination keeps room for its line in the links section.
    fn link_marker(&mut self) {
        let Some(url) = self.open_links.pop() else {
            return;
        };
        if url.trim().is_empty() {
            return;
        }
        let (n, new) = self.links.number(&url);
        if new {
            self.writer.reserve(links::lines_for(n));
        }
        let style = self.styles.current().patch(theme::LINK_MARKER);
        self.styled(style, &format!("[{n}]"));
    }

    /// A footnote body is indented under its `[^label]: `; a label too long to hang text from
    /// goes on a line of its own.
    fn footnote(&mut self, label: &str) {
        self.flush();
        self.writer.start_block();
        let marker = format!("[^{}]: ", clean_inline(label));
        let room = self.writer.content_width();
        if str_width(&marker) <= room / 2 {
            let container = Container::marked(Kind::Indent, marker, theme::FOOTNOTE);
            self.writer.push_container(container);
            return;
        }
        let piece = Piece::Text(theme::FOOTNOTE, marker.trim_end().to_string());
        for line in wrap(&[piece], room) {
            self.writer.push_line(line);
        }
        let container = Container::uniform(Kind::Indent, "  ", Style::new());
        self.writer.push_container(container);
    }

    fn start_raw(&mut self, code: bool, fenced: bool) {
        self.flush();
        let width = self.writer.content_width();
        self.raw = Some(RawBlock {
            raw: if code {
                Raw::code(width)
            } else {
                Raw::html(width)
            },
            started: false,
            fenced,
        });
    }

    fn raw_text(&mut self, text: &str) {
        let Renderer { raw, writer, .. } = self;
        if let Some(block) = raw {
            block.raw.text(
                text,
                &mut Block {
                    writer,
                    started: &mut block.started,
                },
            );
        }
    }

    fn end_raw(&mut self) {
        let Some(mut block) = self.raw.take() else {
            return;
        };
        self.opener = None;
        if !block.raw.seen {
            return;
        }
        block.raw.finish(&mut Block {
            writer: &mut self.writer,
            started: &mut block.started,
        });
        if !block.started {
            self.writer.start_block();
        }
        self.writer.end_block();
    }

    fn end_table(&mut self) {
        let Some(table) = self.table.take() else {
            return;
        };
        self.opener = None;
        self.writer.start_block();
        let width = self.writer.content_width();
        table::render(&table, width, &mut self.writer);
        self.writer.end_block();
        if let Some(at) = table.dropped {
            self.writer.stop_at(at);
        }
    }

    /// Flushes anything the document left open, so no text is lost.
    fn finish(mut self) -> Output {
        self.carry = Carry::Nothing;
        self.end_raw();
        self.end_table();
        self.flush();
        let written = self.writer.finish();
        Output {
            lines: written.lines,
            links: self.links.into_urls(),
            cut: written.cut,
            overwide: written.overwide,
        }
    }
}

impl Flow {
    fn new(width: usize) -> Flow {
        Flow {
            wrapper: Wrapper::new(width),
            started: false,
        }
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
