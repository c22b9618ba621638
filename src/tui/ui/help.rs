//! The help screen, generated from the keymap: each screen's keys with their descriptions,
//! flowed into as many columns as fit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::tui::keymap::{SECTIONS, keys_text};
use crate::tui::theme;

/// Columns of one section: keys, then what they do.
const KEYS_WIDTH: usize = 18;
const COLUMN_WIDTH: u16 = 56;

pub struct Help;

impl Widget for Help {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(theme::BORDER)
            .title(Span::styled(" Keys ", theme::TITLE))
            .title_bottom(Span::styled(" q, Esc or ? closes ", theme::DIM));
        let inner = block.inner(area);
        block.render(area, buf);
        let lines = lines();
        let columns = (inner.width / COLUMN_WIDTH).max(1);
        let per_column = lines.len().div_ceil(usize::from(columns));
        let width = inner.width / columns;
        for (i, chunk) in lines.chunks(per_column.max(1)).enumerate() {
            let x = inner.x + width * i as u16;
            let column = Rect::new(x + 1, inner.y, width.saturating_sub(1), inner.height);
            Paragraph::new(chunk.to_vec()).render(column, buf);
        }
    }
}

/// Every section's heading and bindings, with a blank line between sections.
fn lines() -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for section in SECTIONS {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(section.title, theme::TITLE)));
        for binding in section.bindings {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<KEYS_WIDTH$}", keys_text(binding)), theme::KEY),
                Span::raw(binding.desc),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Anywhere", theme::TITLE)));
    lines.push(Line::from(vec![
        Span::styled(format!("  {:<KEYS_WIDTH$}", "Ctrl-c"), theme::KEY),
        Span::raw("quit"),
    ]));
    lines.push(Line::from(vec![
        Span::styled(format!("  {:<KEYS_WIDTH$}", "mouse"), theme::KEY),
        Span::raw("the wheel scrolls, a click selects"),
    ]));
    lines
}
