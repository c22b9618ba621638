//! The preview beside the list on a wide terminal: the selected article's title, meta line
//! and TL;DR, from what the list already holds (the body is read only when it is opened).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::render::render_article;
use crate::tui::model::app::{App, Mode};
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
        let mut lines = render_article(
            article,
            usize::from(inner.width),
            self.app.reading.limits.max_line_chars,
            &self.app.look,
        )
        .lines;
        lines.push(Line::default());
        let mut footer = vec![Span::styled(
            match article.words {
                1 => "1 word".to_owned(),
                n => format!("{n} words"),
            },
            theme::DIM,
        )];
        if let Some(key) = self.app.keys.key_of(Mode::List, "open") {
            footer.push(Span::styled(" · ", theme::DIM));
            footer.push(Span::styled(key, theme::key(&self.app.look.palette)));
            footer.push(Span::styled(" reads it", theme::DIM));
        }
        lines.push(Line::from(footer));
        Paragraph::new(lines).render(inner, buf);
    }
}
