//! The tag picker: a small box over the list or the reader with the three labels, the score,
//! and the article's sentiment now for comparison.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget};

use crate::article::{Bucket, Sentiment};
use crate::render::{Palette, bucket_badge, bucket_style, sentiment_badge, sentiment_score_text};
use crate::tui::keys::Keymap;
use crate::tui::model::app::Mode;
use crate::tui::model::tagging::TagPicker;
use crate::tui::ui::theme;

use super::text::fit;

const WIDTH: u16 = 48;
/// Eight lines of content in a border.
const HEIGHT: u16 = 10;

pub struct TagBox<'a> {
    pub picker: &'a TagPicker,
    pub palette: &'a Palette,
    /// The keys in use, which the frame's hints name.
    pub keys: &'a Keymap,
}

impl TagBox<'_> {
    /// ` Enter writes · Esc cancels `, with the keys in use.
    fn hints(&self) -> String {
        let hints: Vec<String> = [
            self.keys.hint(Mode::Tag, "write-tag", "writes"),
            self.keys.hint(Mode::Tag, "back", "cancels"),
        ]
        .into_iter()
        .flatten()
        .collect();
        format!(" {} ", hints.join(" · "))
    }
}

impl Widget for TagBox<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let [area] = Layout::horizontal([Constraint::Length(WIDTH.min(area.width))])
            .flex(Flex::Center)
            .areas(area);
        let [area] = Layout::vertical([Constraint::Length(HEIGHT.min(area.height))])
            .flex(Flex::Center)
            .areas(area);
        Clear.render(area, buf);
        let block = Block::new()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(theme::BORDER)
            .title(Span::styled(" Tag by hand ", theme::TITLE))
            .title_bottom(Span::styled(self.hints(), theme::DIM));
        let inner = block.inner(area);
        block.render(area, buf);
        let inner = Rect {
            x: inner.x.saturating_add(1),
            width: inner.width.saturating_sub(2),
            ..inner
        };
        let width = usize::from(inner.width);
        let picker = self.picker;
        let mut lines = vec![
            Line::from(fit(
                vec![Span::styled(picker.title.clone(), theme::TITLE)],
                width,
            )),
            Line::from(fit(now(&picker.current, self.palette), width)),
            Line::default(),
        ];
        for bucket in Bucket::ALL {
            let chosen = bucket == picker.bucket;
            let line = Line::from(vec![
                Span::raw(if chosen { "› " } else { "  " }),
                Span::styled(bucket_badge(bucket), bucket_style(bucket, self.palette)),
                Span::raw(format!(" {:<width$}", bucket.canonical_label(), width = 20)),
            ]);
            lines.push(match chosen {
                true => line.style(theme::SELECTED),
                false => line,
            });
        }
        lines.push(Line::default());
        lines.push(score_line(picker, self.palette));
        Paragraph::new(lines).render(inner, buf);
    }
}

/// `now ▼ Bearish/Negative ~2 (estimated)`, or that it has none.
fn now(sentiment: &Sentiment, palette: &Palette) -> Vec<Span<'static>> {
    let score = sentiment_score_text(sentiment);
    let parts: Vec<&str> = [sentiment.label.as_deref(), score.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let mut what = match parts.is_empty() {
        true => "no sentiment".to_owned(),
        false => parts.join(" "),
    };
    if sentiment.is_estimated() {
        what += " (estimated)";
    }
    vec![
        Span::styled("now ", theme::DIM),
        sentiment_badge(sentiment, palette),
        Span::raw(format!(" {what}")),
    ]
}

/// `score ◂ 2 ▸  1 to 10`, the number in the chosen bucket's colour.
fn score_line(picker: &TagPicker, palette: &Palette) -> Line<'static> {
    Line::from(vec![
        Span::raw("  score "),
        Span::styled("◂ ", theme::key(palette)),
        Span::styled(
            format!("{:>2}", picker.score),
            bucket_style(picker.bucket, palette).patch(theme::TITLE),
        ),
        Span::styled(" ▸", theme::key(palette)),
        Span::styled("  of 1 to 10", theme::DIM),
    ])
}
