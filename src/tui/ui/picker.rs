//! The pickers over the list: categories, and saved searches with their queries.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::tui::model::picker::Picker;
use crate::tui::ui::theme;

use super::text::{fit, thousands};

pub struct PickerView<'a> {
    pub picker: &'a Picker,
    /// The picker's title.
    pub title: &'static str,
    /// How a row standing for no value reads.
    pub all: &'static str,
}

impl Widget for PickerView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(theme::BORDER)
            .title(Span::styled(format!(" {} ", self.title), theme::TITLE));
        let inner = block.inner(area);
        block.render(area, buf);
        let height = usize::from(inner.height);
        let picker = self.picker;
        if picker.choices.is_empty() {
            let note = "  none: the configuration's `queries:` names them";
            Line::styled(note, theme::DIM).render(inner, buf);
            return;
        }
        // The selected row stays on screen: the list scrolls once it reaches the bottom.
        let offset = picker.selected.saturating_sub(height.saturating_sub(1));
        let width = usize::from(inner.width);
        let rows = picker.choices.iter().enumerate().skip(offset).take(height);
        for (y, (at, choice)) in (inner.y..).zip(rows) {
            let name = choice.value.as_deref().unwrap_or(self.all);
            let count = choice.count.map(thousands).unwrap_or_default();
            let room = width.saturating_sub(count.len() + 3);
            let mut left = vec![Span::raw(format!("  {name}"))];
            if let Some(detail) = &choice.detail {
                left.push(Span::styled(format!("  {detail}"), theme::DIM));
            }
            let left = fit(left, room);
            let used: usize = left.iter().map(Span::width).sum();
            let mut spans = left;
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
