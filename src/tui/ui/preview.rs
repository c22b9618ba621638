//! The preview beside the list on a wide terminal: the selected article's title, meta line
//! and TL;DR, from what the list already holds, then as much of its text as the model has
//! read for it: the start, when there is no TL;DR, or the lines the query matched.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::render::{Lines, render_excerpt, render_preview};
use crate::tui::model::app::{App, Mode};
use crate::tui::model::layout::mark_matches;
use crate::tui::model::preview::Excerpt;
use crate::tui::ui::theme;

/// Rows the lines of the text a query matched keep, however long the TL;DR above them.
const MATCHED_ROWS: usize = 4;
/// A blank row and the words count under the text.
const FOOTER_ROWS: usize = 2;

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
        let rendered = render_preview(
            article,
            usize::from(inner.width),
            &self.app.reading.limits,
            &self.app.look,
        );
        let mut lines: Vec<Line<'_>> = rendered.lines.iter().collect();
        let text = (self.app.preview.as_ref())
            .filter(|preview| preview.id == article.id)
            .map(|preview| excerpt(&preview.excerpt, usize::from(inner.width), self.app))
            .unwrap_or_default();
        // The lines a query matched keep a few rows, taken from the end of a long TL;DR: they
        // are what was searched for. The footer keeps its own.
        let height = usize::from(inner.height);
        let kept_for_text = text.len().min(MATCHED_ROWS) + usize::from(!text.is_empty());
        lines.truncate(height.saturating_sub(FOOTER_ROWS + kept_for_text).max(1));
        let room = height.saturating_sub(lines.len() + FOOTER_ROWS + 1);
        if !text.is_empty() && room > 0 {
            lines.push(Line::default());
            lines.extend(text.into_iter().take(room));
        }
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

/// The excerpt laid out at `width`: the start of the text, or each matched line with the
/// query's words marked.
fn excerpt(excerpt: &Excerpt, width: usize, app: &App) -> Vec<Line<'static>> {
    let palette = &app.look.palette;
    match excerpt {
        Excerpt::Nothing => Vec::new(),
        Excerpt::Start(text) => owned(&render_excerpt(text, width, palette)),
        Excerpt::Matches(matched) => (matched.iter())
            .flat_map(|line| owned(&render_excerpt(line, width, palette)))
            .map(|line| mark_matches(line, &app.query).0)
            .collect(),
    }
}

/// Lines that outlive the layout they came from.
fn owned(lines: &Lines) -> Vec<Line<'static>> {
    (lines.iter())
        .map(|line| {
            let spans = (line.spans.into_iter())
                .map(|span| Span::styled(span.content.into_owned(), span.style));
            Line::from(spans.collect::<Vec<_>>())
        })
        .collect()
}
