//! The help screen, generated from the keymap: each screen's keys with their descriptions,
//! flowed into as many columns as fit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::tui::keymap::{SECTIONS, keys_text};
use crate::tui::theme;

/// Columns of one section: keys, then what they do.
const KEYS_WIDTH: usize = 19;
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
        let columns = usize::from((inner.width / COLUMN_WIDTH).max(1));
        let width = inner.width / columns as u16;
        for (i, lines) in flow(sections(), usize::from(inner.height), columns)
            .into_iter()
            .enumerate()
        {
            let x = inner.x + width * i as u16;
            let column = Rect::new(x + 1, inner.y, width.saturating_sub(1), inner.height);
            Paragraph::new(lines).render(column, buf);
        }
    }
}

/// Puts whole sections into columns of `height` lines, starting a new column when the next
/// section does not fit; the last column takes what is left, and is cut if it must be.
fn flow(sections: Vec<Vec<Line<'static>>>, height: usize, columns: usize) -> Vec<Vec<Line<'static>>> {
    let mut out: Vec<Vec<Line<'static>>> = vec![Vec::new()];
    for section in sections {
        let full = out.len() == columns;
        let column = out.last_mut().expect("there is always a column");
        let needed = section.len() + usize::from(!column.is_empty());
        if !column.is_empty() && column.len() + needed > height && !full {
            out.push(section);
            continue;
        }
        if !column.is_empty() {
            column.push(Line::default());
        }
        column.extend(section);
    }
    out
}

/// Each section's heading and bindings, as lines.
fn sections() -> Vec<Vec<Line<'static>>> {
    let row = |keys: String, desc: &'static str| {
        Line::from(vec![
            Span::styled(format!("  {keys:<KEYS_WIDTH$} "), theme::KEY),
            Span::raw(desc),
        ])
    };
    let mut sections: Vec<Vec<Line<'static>>> = SECTIONS
        .iter()
        .map(|section| {
            let mut lines = vec![Line::from(Span::styled(section.title, theme::TITLE))];
            lines.extend(
                section
                    .bindings
                    .iter()
                    .map(|binding| row(keys_text(binding), binding.desc)),
            );
            lines
        })
        .collect();
    sections.push(vec![
        Line::from(Span::styled("Anywhere", theme::TITLE)),
        row("Ctrl-c".to_owned(), "quit"),
        row("mouse".to_owned(), "the wheel scrolls, a click selects"),
    ]);
    sections
}
