//! The category picker.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::tui::model::picker::Picker;
use crate::tui::ui::theme;

use super::text::{fit, thousands};

pub struct Categories<'a> {
    pub picker: &'a Picker,
}

impl Widget for Categories<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(theme::BORDER)
            .title(Span::styled(" Category ", theme::TITLE));
        let inner = block.inner(area);
        block.render(area, buf);
        let height = usize::from(inner.height);
        let picker = self.picker;
        // The selected row stays on screen: the list scrolls once it reaches the bottom.
        let offset = picker.selected.saturating_sub(height.saturating_sub(1));
        let width = usize::from(inner.width);
        let rows = picker.choices.iter().enumerate().skip(offset).take(height);
        for (y, (at, choice)) in (inner.y..).zip(rows) {
            let name = choice.category.as_deref().unwrap_or("all categories");
            let count = thousands(choice.count);
            let room = width.saturating_sub(count.len() + 3);
            let name = fit(vec![Span::raw(format!("  {name}"))], room);
            let used: usize = name.iter().map(Span::width).sum();
            let mut spans = name;
            spans.push(Span::raw(" ".repeat(room.saturating_sub(used) + 1)));
            spans.push(Span::styled(count, theme::DIM));
            let line = Line::from(fit(spans, width));
            let line = match at == picker.selected {
                true => line.style(theme::SELECTED),
                false => line,
            };
            line.render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
    }
}
