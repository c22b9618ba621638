//! How text and blocks reach the writer: prose wrapped as it comes, code and raw HTML, tables
//! once whole, containers as line prefixes, link numbers and footnotes.

use ratatui::style::Style;

use super::{Block, Flow, RawBlock, Renderer};
use crate::render::blocks::Raw;
use crate::render::inline::collapse;
use crate::render::links;
use crate::render::table;
use crate::render::text::{clean_inline, str_width};
use crate::render::theme;
use crate::render::wrap::{Piece, wrap};
use crate::render::writer::{Container, Kind};

impl Renderer {
    /// Adds prose in the current style.
    pub(super) fn text(&mut self, text: &str) {
        let style = self.styles.current();
        self.styled(style, text);
    }

    /// Adds prose in `style`, runs of spaces collapsed.
    pub(super) fn styled(&mut self, style: Style, text: &str) {
        let text = collapse(text, &mut self.after_space);
        if !text.is_empty() {
            self.show_images();
            self.put(style, &text);
        }
    }

    /// Adds text whose spacing matters (inline code) exactly as given, controls cleaned.
    pub(super) fn verbatim(&mut self, style: Style, text: &str) {
        let text = clean_inline(text);
        if !text.is_empty() {
            self.after_space = text.ends_with(' ');
            self.show_images();
            self.put(style, &text);
        }
    }

    pub(super) fn hard_break(&mut self) {
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
    pub(super) fn show_images(&mut self) {
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
    pub(super) fn put(&mut self, style: Style, text: &str) {
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
    pub(super) fn open(&mut self, container: Container) {
        self.flush();
        self.writer.start_block();
        self.writer.push_container(container);
    }

    pub(super) fn close(&mut self) {
        self.flush();
        self.writer.pop_container();
        self.writer.end_block();
    }

    /// Ends the block of prose being wrapped (paragraph, heading, tight item text).
    pub(super) fn flush(&mut self) {
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
    pub(super) fn link_marker(&mut self) {
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
    pub(super) fn footnote(&mut self, label: &str) {
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

    pub(super) fn start_raw(&mut self, code: bool, fenced: bool) {
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

    pub(super) fn raw_text(&mut self, text: &str) {
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

    pub(super) fn end_raw(&mut self) {
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

    pub(super) fn end_table(&mut self) {
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
}
