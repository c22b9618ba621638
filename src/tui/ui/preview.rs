//! The preview beside the list on a wide terminal: the selected article's title, meta line
//! and TL;DR, from what the list already holds (the body is read only when it is opened).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::render::render_article;
use crate::tui::model::app::App;
use crate::tui::ui::theme;

pub struct Preview<'a> {
    pub app: &'a App,
}

impl Widget for Preview<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::new()
            .borders(Borders::LEFT)
            .border_style(theme::BORDER);
        let inner = block.inner(area);
        block.render(area, buf);
        let inner = Rect {
            x: inner.x.saturating_add(1),
            width: inner.width.saturating_sub(1),
            ..inner
        };
        let Some(article) = self
            .app
            .selected_doc()
            .and_then(|d| self.app.catalog.article(d))
        else {
            return;
        };
        let rendered = render_article(
            article,
            usize::from(inner.width),
            &self.app.reading.limits,
            &self.app.look,
        );
        let mut lines: Vec<Line<'_>> = rendered.lines.iter().collect();
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled(format!("{} words · ", article.words), theme::DIM),
            Span::styled("Enter", theme::key(&self.app.look.palette)),
            Span::styled(" reads it", theme::DIM),
        ]));
        Paragraph::new(lines).render(inner, buf);
    }
}
