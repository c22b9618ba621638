//! The links view over the reader: the article's source and every link of its text, with the
//! address each opens or, dimmed, why it is not opened.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::render::Palette;
use crate::tui::model::links::LinkList;
use crate::tui::ui::theme;

use super::text::fit;

pub struct LinksView<'a> {
    pub list: &'a LinkList,
    pub palette: &'a Palette,
}

impl Widget for LinksView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(theme::BORDER)
            .title(Span::styled(" Links ", theme::TITLE));
        let inner = block.inner(area);
        ratatui::widgets::Clear.render(area, buf);
        block.render(area, buf);
        let list = self.list;
        let height = usize::from(inner.height);
        // The chosen row stays on screen: the list scrolls once it reaches the bottom.
        let offset = list.selected.saturating_sub(height.saturating_sub(1));
        let label_width = list
            .rows
            .iter()
            .map(|row| row.label.len())
            .max()
            .unwrap_or(0);
        let rows = list.rows.iter().enumerate().skip(offset).take(height);
        for (y, (at, row)) in (inner.y..).zip(rows) {
            let label = format!("  {:>label_width$}  ", row.label);
            let mut spans = vec![Span::styled(label, theme::key(self.palette))];
            match &row.address {
                Ok(address) => spans.push(Span::styled(
                    address.clone(),
                    crate::render::theme::link_url(self.palette),
                )),
                Err(why) => {
                    spans.push(Span::raw(row.written.clone()));
                    spans.push(Span::styled(format!("  (not opened: {why})"), theme::DIM));
                }
            }
            let line = Line::from(fit(spans, usize::from(inner.width)));
            let line = match at == list.selected {
                true => line.style(theme::SELECTED),
                false => line,
            };
            line.render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
    }
}
