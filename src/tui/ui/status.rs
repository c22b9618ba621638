//! The status bar: a notice, loading progress, or the keys that matter here; in the reader,
//! the position in the article.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::app::{App, Mode};
use crate::tui::reader::Reader;
use crate::tui::theme;

use super::text::thousands;

const LIST_HINTS: &[(&str, &str)] = &[
    ("j/k", "move"),
    ("Enter", "read"),
    ("/", "search"),
    ("1-4 f", "sentiment"),
    ("c", "category"),
    ("s", "sort"),
    ("d", "dashboard"),
    ("?", "help"),
    ("q", "quit"),
];

const PICKER_HINTS: &[(&str, &str)] = &[
    ("j/k", "move"),
    ("Enter", "show this category"),
    ("q", "back"),
    ("?", "help"),
];

const DASHBOARD_HINTS: &[(&str, &str)] = &[("q", "back"), ("?", "help")];

const TAG_HINTS: &[(&str, &str)] = &[
    ("j/k", "label"),
    ("h/l", "score"),
    ("Enter", "write"),
    ("Esc", "cancel"),
    ("?", "help"),
];

const READER_HINTS: &[(&str, &str)] = &[
    ("n/N", "match"),
    ("o", "open source"),
    ("q", "back"),
    ("?", "help"),
    ("t", "tag"),
];

pub struct Status<'a> {
    pub app: &'a App,
}

impl Widget for Status<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let mut spans = Vec::new();
        if let Some(progress) = progress(app) {
            spans.push(Span::styled(progress, theme::accent()));
            spans.push(Span::styled(" · ", theme::DIM));
        }
        match &app.notice {
            Some(notice) => spans.push(Span::raw(notice.clone())),
            None => spans.extend(hints(match app.screen_mode() {
                Mode::Categories => PICKER_HINTS,
                Mode::Dashboard => DASHBOARD_HINTS,
                Mode::Tag => TAG_HINTS,
                _ => LIST_HINTS,
            })),
        }
        Line::from(spans).render(area, buf);
    }
}

/// `reading 5,123 / 20,000` while the library loads.
pub fn progress(app: &App) -> Option<String> {
    let load = &app.load;
    if !load.active {
        return None;
    }
    let verb = if load.reloading {
        "reloading"
    } else {
        "reading"
    };
    Some(match load.files {
        None => format!("{verb}: looking for files"),
        Some(files) => format!("{verb} {} / {}", thousands(load.done()), thousands(files)),
    })
}

fn hints(pairs: &[(&'static str, &'static str)]) -> Vec<Span<'static>> {
    let mut spans = Vec::with_capacity(pairs.len() * 3);
    for (i, (key, what)) in pairs.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(*key, theme::key()));
        spans.push(Span::styled(format!(" {what}"), theme::DIM));
    }
    spans
}

pub struct ReaderStatus<'a> {
    pub app: &'a App,
    pub reader: &'a Reader,
    /// Rows of the article on screen.
    pub text_height: u16,
}

impl Widget for ReaderStatus<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let reader = self.reader;
        let total = reader.lines.len();
        let bottom = (reader.scroll + usize::from(self.text_height)).min(total);
        let percent = match total {
            0 => 100,
            _ => bottom * 100 / total,
        };
        let mut spans = vec![Span::styled(
            format!(
                "line {}/{total} {percent}%",
                (reader.scroll + 1).min(total.max(1))
            ),
            theme::accent(),
        )];
        if !reader.matches.is_empty() {
            let lines = match reader.matches.len() {
                1 => "1 line matches".to_owned(),
                n => format!("{n} lines match"),
            };
            spans.push(Span::styled(format!(" · {lines}"), theme::DIM));
        }
        spans.push(Span::styled(" · ", theme::DIM));
        match &self.app.notice {
            Some(notice) => spans.push(Span::raw(notice.clone())),
            None if self.app.tagging.is_some() => spans.extend(hints(TAG_HINTS)),
            None => spans.extend(hints(READER_HINTS)),
        }
        Line::from(spans).render(area, buf);
    }
}
