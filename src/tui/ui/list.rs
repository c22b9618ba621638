//! The article list. Only the rows on screen are built, so drawing costs the same at 30 and
//! at 100,000 articles.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::article::Article;
use crate::query::Place;
use crate::render::{MATCH, highlight_spans, sentiment_badge, sentiment_score_text};
use crate::tui::model::app::{App, Mode};
use crate::tui::ui::theme;

use super::text::fit;

/// From this width a row ends with the category.
const CATEGORY_FROM: usize = 60;
/// Narrower than these, the date and then the score give their room to the title.
const DATE_FROM: usize = 40;
const SCORE_FROM: usize = 28;
const CATEGORY_WIDTH: usize = 16;

pub struct List<'a> {
    pub app: &'a App,
}

impl Widget for List<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        if app.list.visible.is_empty() {
            Paragraph::new(empty_note(app))
                .style(theme::DIM)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let rows = app
            .list
            .visible
            .iter()
            .enumerate()
            .skip(app.list.offset)
            .take(usize::from(area.height));
        for (y, (at, &doc)) in (area.y..).zip(rows) {
            let Some(article) = app.catalog.article(doc) else {
                continue;
            };
            let row = Row {
                article,
                selected: at == app.list.selected,
                unread: !app.marks.is_read(&article.id),
                starred: app.marks.is_starred(&article.id),
                app,
            };
            row.line(usize::from(area.width))
                .render(Rect::new(area.x, y, area.width, 1), buf);
        }
    }
}

fn empty_note(app: &App) -> String {
    if app.load.active && app.total() == 0 {
        "reading the library…".to_owned()
    } else if app.total() == 0 {
        "no articles in this library".to_owned()
    } else {
        let clear = app
            .keys
            .hint(Mode::List, "clear", "clears the query and filter");
        match clear {
            Some(hint) => format!("no articles match; {hint}"),
            None => "no articles match".to_owned(),
        }
    }
}

/// One row: unread and star marks, date, sentiment badge and score, title, category.
struct Row<'a> {
    article: &'a Article,
    selected: bool,
    unread: bool,
    starred: bool,
    app: &'a App,
}

impl Row<'_> {
    fn line(&self, width: usize) -> Line<'static> {
        let article = self.article;
        let look = &self.app.look;
        let mut lead = vec![
            Span::styled(if self.unread { "•" } else { " " }, theme::UNREAD),
            Span::styled(
                if self.starred { "★ " } else { "  " },
                theme::star(&look.palette),
            ),
        ];
        if width >= DATE_FROM {
            let format = &look.dates;
            let date = article.date.map(|d| format.day(&d)).unwrap_or_default();
            // Padded by the columns it takes: a date in Chinese takes two for a character.
            let pad = format
                .width()
                .saturating_sub(unicode_width::UnicodeWidthStr::width(date.as_str()));
            lead.push(Span::styled(
                format!("{date}{} ", " ".repeat(pad)),
                theme::DIM,
            ));
        }
        lead.push(sentiment_badge(&article.sentiment, &look.palette));
        if width >= SCORE_FROM {
            // An estimate reads `~6`, as in `moodwire list`.
            let score = sentiment_score_text(&article.sentiment).unwrap_or_default();
            lead.push(Span::raw(format!("{score:>4}")));
        }
        lead.push(Span::raw(" "));
        let lead_width: usize = lead.iter().map(Span::width).sum();

        let category = article
            .category
            .as_deref()
            .filter(|_| width >= CATEGORY_FROM)
            .map(|c| fit(vec![Span::styled(c.to_owned(), theme::DIM)], CATEGORY_WIDTH))
            .unwrap_or_default();
        let category_width: usize = category.iter().map(Span::width).sum();
        let room =
            width.saturating_sub(lead_width + category_width + usize::from(category_width > 0));
        let title = fit(self.title(), room);
        let title_width: usize = title.iter().map(Span::width).sum();

        let mut spans = lead;
        spans.extend(title);
        if category_width > 0 {
            spans.push(Span::raw(" ".repeat(room.saturating_sub(title_width) + 1)));
            spans.extend(category);
        }
        let line = Line::from(fit(spans, width));
        match self.selected {
            true => line.style(theme::SELECTED),
            false => line,
        }
    }

    fn title(&self) -> Vec<Span<'static>> {
        let base = if self.unread {
            theme::UNREAD
        } else {
            Style::new()
        };
        let title = &self.article.title;
        let ranges = self.app.query.highlights(title, Place::Title);
        let mut spans = highlight_spans(title, &ranges, base);
        if self.selected {
            // Reverse video marks the row already; a match in it is bold and underlined.
            for span in &mut spans {
                if span.style.add_modifier.contains(MATCH.add_modifier) {
                    span.style = base.patch(theme::MATCH_IN_SELECTED);
                }
            }
        }
        spans
    }
}
