//! Walks pulldown-cmark events and lays each block out through the [`Writer`]: inline content
//! is collected and wrapped when its block ends, containers become line prefixes.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use ratatui::style::Style;
use ratatui::text::Line;

use super::blocks;
use super::inline::{Inline, LinkTable};
use super::lists::{ListInfo, ListState, item_marker, scan_lists};
use super::table::{self, Table};
use super::text::{clean_inline, str_width};
use super::wrap::{Piece, wrap};
use super::writer::{Container, Kind, Writer};
use super::{Palette, theme};

const QUOTE_BAR: &str = "│ ";

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

/// Lays out `markdown` for a text column of `width`; returns the lines and the link targets.
pub(crate) fn render(
    markdown: &str,
    width: usize,
    palette: &Palette,
) -> (Vec<Line<'static>>, Vec<String>) {
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, options()).collect();
    let mut renderer = Renderer {
        palette: *palette,
        writer: Writer::new(width),
        inline: Inline::default(),
        links: LinkTable::default(),
        open_links: Vec::new(),
        lists: scan_lists(&events).into_iter(),
        raw: None,
        table: None,
        row: Vec::new(),
    };
    for event in events {
        renderer.event(event);
    }
    renderer.finish()
}

/// Verbatim text being collected: fenced/indented code, or a raw HTML block.
struct Raw {
    code: bool,
    text: String,
}

/// Layout state for one document at one width. Inline content waits in `inline` until its
/// block ends, because only then is the whole paragraph known and can be wrapped.
struct Renderer {
    palette: Palette,
    writer: Writer,
    inline: Inline,
    links: LinkTable,
    /// Destinations of the links and images currently open (they nest: an image in a link).
    open_links: Vec<String>,
    lists: std::vec::IntoIter<ListInfo>,
    raw: Option<Raw>,
    table: Option<Table>,
    row: Vec<Vec<Piece>>,
}

impl Renderer {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end),
            Event::Text(text) | Event::Html(text) if self.raw.is_some() => {
                if let Some(raw) = &mut self.raw {
                    raw.text.push_str(&text);
                }
            }
            Event::Text(text) => self.inline.text(&text),
            Event::Code(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                let style = self.inline.style().patch(theme::INLINE_CODE);
                self.inline.verbatim(style, &text);
            }
            Event::Html(text) | Event::InlineHtml(text) => {
                let style = self.inline.style().patch(theme::DIM);
                self.inline.styled(style, &text);
            }
            Event::FootnoteReference(label) => {
                let style = self.inline.style().patch(theme::FOOTNOTE);
                self.inline.styled(style, &format!("[^{label}]"));
            }
            Event::SoftBreak => self.inline.text(" "),
            Event::HardBreak => self.inline.hard_break(),
            Event::Rule => {
                self.flush();
                self.writer.start_block();
                let rule = blocks::rule(self.writer.content_width());
                self.writer.push_line(rule);
                self.writer.end_block();
            }
            Event::TaskListMarker(done) => {
                if done {
                    let style = self.inline.style().patch(theme::TASK_DONE);
                    self.inline.styled(style, "[x] ");
                } else {
                    self.inline.text("[ ] ");
                }
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::DefinitionList | Tag::DefinitionListTitle => self.flush(),
            Tag::Heading { level, .. } => {
                self.flush();
                self.inline.push_style(theme::heading(level, &self.palette));
                // The markers keep a heading recognisable where there is no colour or bold.
                let markers = "#".repeat(level as usize);
                self.inline
                    .styled(theme::heading(level, &self.palette), &format!("{markers} "));
            }
            Tag::BlockQuote(_) => self.open(Container::uniform(Kind::Quote, QUOTE_BAR, theme::DIM)),
            Tag::CodeBlock(_) | Tag::MetadataBlock(_) => self.start_raw(true),
            Tag::HtmlBlock => self.start_raw(false),
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
                self.table = Some(Table {
                    aligns,
                    ..Table::default()
                });
            }
            Tag::TableHead => {
                self.inline.push_style(theme::TABLE_HEADER);
                self.row.clear();
            }
            Tag::TableRow => self.row.clear(),
            Tag::TableCell => {}
            Tag::Emphasis => self.inline.push_style(theme::EMPHASIS),
            Tag::Strong => self.inline.push_style(theme::STRONG),
            Tag::Strikethrough => self.inline.push_style(theme::STRIKE),
            Tag::Superscript | Tag::Subscript => self.inline.push_style(Style::new()),
            Tag::Link { dest_url, .. } => {
                self.inline.push_style(theme::link(&self.palette));
                self.open_links.push(dest_url.into_string());
            }
            Tag::Image { dest_url, .. } => {
                self.inline.push_style(theme::IMAGE);
                self.inline.text("[image: ");
                self.open_links.push(dest_url.into_string());
            }
        }
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::Paragraph | TagEnd::DefinitionListTitle => self.flush(),
            TagEnd::Heading(_) => {
                self.inline.pop_style();
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
                self.inline.pop_style();
                if let Some(table) = &mut self.table {
                    table.header = std::mem::take(&mut self.row);
                }
            }
            TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    table.rows.push(std::mem::take(&mut self.row));
                }
            }
            TagEnd::TableCell => self.row.push(self.inline.take()),
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => self.inline.pop_style(),
            TagEnd::Link => {
                self.inline.pop_style();
                self.link_marker();
            }
            TagEnd::Image => {
                if self.inline.strip_suffix("[image: ") {
                    self.inline.text("[image");
                }
                self.inline.text("]");
                self.inline.pop_style();
                self.link_marker();
            }
        }
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

    /// Wraps the collected inline content as one block (paragraph, heading, tight item text).
    fn flush(&mut self) {
        if self.inline.is_empty() {
            return;
        }
        let pieces = self.inline.take();
        self.writer.start_block();
        for line in wrap(&pieces, self.writer.content_width()) {
            self.writer.push_line(line);
        }
        self.writer.end_block();
    }

    /// `[n]` after a link or image, numbering its destination; links without one get none.
    fn link_marker(&mut self) {
        let Some(url) = self.open_links.pop() else {
            return;
        };
        if url.trim().is_empty() {
            return;
        }
        let n = self.links.number(&url);
        let style = self.inline.style().patch(theme::LINK_MARKER);
        self.inline.styled(style, &format!("[{n}]"));
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

    fn start_raw(&mut self, code: bool) {
        self.flush();
        self.raw = Some(Raw {
            code,
            text: String::new(),
        });
    }

    fn end_raw(&mut self) {
        let Some(raw) = self.raw.take() else {
            return;
        };
        if raw.text.is_empty() {
            return;
        }
        self.writer.start_block();
        let width = self.writer.content_width();
        let lines = if raw.code {
            blocks::code(&raw.text, width)
        } else {
            blocks::html(&raw.text, width)
        };
        for line in lines {
            self.writer.push_line(line);
        }
        self.writer.end_block();
    }

    fn end_table(&mut self) {
        let Some(table) = self.table.take() else {
            return;
        };
        self.writer.start_block();
        for line in table::render(&table, self.writer.content_width()) {
            self.writer.push_line(line);
        }
        self.writer.end_block();
    }

    /// Flushes anything a truncated event stream left open, so no text is lost.
    fn finish(mut self) -> (Vec<Line<'static>>, Vec<String>) {
        self.end_raw();
        self.end_table();
        self.flush();
        (self.writer.finish(), self.links.into_urls())
    }
}
