//! The header: the library, how many articles are shown of how many, and what narrows them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::query::SortOrder;
use crate::render::{bucket_badge, bucket_style};
use crate::tui::model::app::App;
use crate::tui::ui::theme;

pub struct Header<'a> {
    pub app: &'a App,
}

impl Widget for Header<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let sep = || Span::styled(" · ", theme::DIM);
        let mut spans = vec![
            Span::styled("moodwire", theme::TITLE),
            sep(),
            Span::raw(app.source.clone()),
            sep(),
            Span::styled(format!("{} / {}", app.shown(), app.total()), theme::TITLE),
        ];
        if !app.search.applied.is_empty() {
            spans.extend([
                sep(),
                Span::styled("/", theme::key(&app.look.palette)),
                Span::raw(app.search.applied.clone()),
            ]);
        }
        if let Some(bucket) = app.bucket {
            spans.extend([
                sep(),
                Span::styled(
                    format!("{} {}", bucket_badge(bucket), bucket.as_str()),
                    bucket_style(bucket, &app.look.palette),
                ),
            ]);
        }
        if let Some(category) = &app.category {
            spans.extend([sep(), Span::raw(format!("category: {category}"))]);
        }
        if app.unread_only {
            spans.extend([sep(), Span::styled("unread only", theme::UNREAD)]);
        }
        spans.extend([
            sep(),
            Span::styled(format!("by {}", order_name(app.order)), theme::DIM),
        ]);
        Line::from(spans).render(area, buf);
    }
}

pub fn order_name(order: SortOrder) -> &'static str {
    match order {
        SortOrder::Date => "date",
        SortOrder::Score => "score",
        SortOrder::Title => "title",
    }
}
