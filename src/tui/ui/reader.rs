//! The reader: the laid-out article, from the scroll position down, in a centred column.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::tui::model::reader::Reader;
use crate::tui::ui::theme;

pub struct ReaderView<'a> {
    pub reader: &'a Reader,
}

impl Widget for ReaderView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let reader = self.reader;
        let width = (reader.width as u16).min(area.width);
        let margin = (area.width - width) / 2;
        let left = area.x + margin;
        // A line holding an address is wider than the column (an address is never broken): it
        // runs into the margin, and what the screen cannot show ends in `…`.
        let room = area.right() - left;
        let lines = reader.lines.iter().skip(reader.scroll);
        for (y, line) in (area.y..area.bottom()).zip(lines) {
            buf.set_line(left, y, &line, room);
            if line.width() > usize::from(room) && room > 0 {
                buf[(area.right() - 1, y)]
                    .set_symbol("…")
                    .set_style(theme::DIM);
            }
        }
    }
}
