//! Styles of the command line's human-readable output.

use ratatui::text::Span;

use moodwire::article::Sentiment;
use moodwire::marks::Marks;
pub use moodwire::render::{
    NO_SENTIMENT, Palette, bucket_badge, bucket_style, sentiment_score_text, sentiment_style,
};

pub use moodwire::render::theme::{BOLD, DIM};

/// `▼ neg 4`: badge, short bucket name and score, in the bucket's colour; an estimate is
/// dimmed and its score marked, `▲ pos ~7`.
pub fn sentiment_cell(sentiment: &Sentiment, palette: &Palette) -> Span<'static> {
    let score = sentiment_score_text(sentiment).unwrap_or_default();
    match sentiment.bucket {
        Some(bucket) => {
            let short = &bucket.as_str()[..3];
            Span::styled(
                format!("{} {short} {score}", bucket_badge(bucket))
                    .trim_end()
                    .to_owned(),
                sentiment_style(sentiment, palette),
            )
        }
        None => Span::styled(NO_SENTIMENT, DIM),
    }
}

/// `•★`: unread and starred marks, as the reader shows them.
pub fn marks_cell(marks: &Marks, id: &str) -> Span<'static> {
    let unread = if marks.is_read(id) { ' ' } else { '•' };
    let star = if marks.is_starred(id) { "★" } else { "" };
    Span::styled(format!("{unread}{star}").trim_end().to_owned(), BOLD)
}
