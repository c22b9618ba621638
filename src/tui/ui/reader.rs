//! The reader: the laid-out article, from the scroll position down, in a centred column.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::model::reader::Reader;

pub struct ReaderView<'a> {
    pub reader: &'a Reader,
}

impl Widget for ReaderView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let reader = self.reader;
        let width = (reader.width as u16).min(area.width);
        let margin = (area.width - width) / 2;
        let column = Rect {
            x: area.x + margin,
            width,
            ..area
        };
        let lines: Vec<_> = reader
            .lines
            .iter()
            .skip(reader.scroll)
            .take(usize::from(area.height))
            .collect();
        Paragraph::new(lines).render(column, buf);
    }
}
