//! The search bar, in place of the status bar while the query is edited. A query that does
//! not parse says why right here; the list keeps the last one that did.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::render::Palette;
use crate::tui::keys::Keymap;
use crate::tui::model::app::{Mode, SearchBar as Bar};
use crate::tui::ui::theme;

pub struct SearchBar<'a> {
    pub search: &'a Bar,
    pub palette: &'a Palette,
    /// The keys in use, which the hints name.
    pub keys: &'a Keymap,
}

impl SearchBar<'_> {
    /// Draws the bar and returns where the cursor goes.
    pub fn draw(self, area: Rect, buf: &mut Buffer) -> Position {
        let text = &self.search.text;
        let mut spans = vec![
            Span::styled("/", theme::key(self.palette)),
            Span::raw(text.clone()),
        ];
        if let Some(error) = &self.search.error {
            spans.push(Span::raw("  "));
            spans.push(Span::styled(
                format!("✗ {error}"),
                theme::error(self.palette),
            ));
        } else {
            let hints: Vec<String> = [
                self.keys.hint(Mode::Search, "keep-query", "keeps"),
                self.keys.hint(Mode::Search, "clear-query", "clears"),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !hints.is_empty() {
                spans.push(Span::styled(format!("  {}", hints.join(" · ")), theme::DIM));
            }
        }
        Line::from(spans).render(area, buf);
        let column = 1 + text.width().min(usize::from(u16::MAX));
        Position::new(
            area.x
                .saturating_add(column as u16)
                .min(area.right().saturating_sub(1)),
            area.y,
        )
    }
}
