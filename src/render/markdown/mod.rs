//! Walks pulldown-cmark events and lays each block out through the [`Writer`] as the events
//! arrive: prose is wrapped as its text comes, containers become line prefixes, and a table
//! waits (compactly) for its end, when its column widths are known. Nothing holds a whole
//! document's events, a long document is parsed a piece at a time (see `chunks.rs`), and the
//! walk stops where the writer's limit on lines is reached.

use std::ops::Range;
use std::rc::Rc;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Options, Tag, TagEnd};
use ratatui::style::Style;
use ratatui::text::Span;

use super::blocks::{self, Raw};
use super::chunks::{self, References};
use super::inline::Styles;
use super::lines::Lines;
use super::links::LinkTable;
use super::lists::{ListInfo, ListState, item_marker};
use super::table::Table;
use super::wrap::{LineSink, Wrapper};
use super::writer::{Container, Kind, Writer};
use super::{Palette, theme};
use pieces::Carry;

mod pieces;
mod writing;

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
