//! How sentiment looks: one colour and one symbol per bucket, so that it reads without colour
//! too. The colours are the palette's (named ANSI colours unless the configuration says otherwise).

use ratatui::style::{Modifier, Style};

use super::Palette;
use ratatui::text::Span;

use crate::article::{Bucket, Sentiment};

/// Written before an estimated score (`~6`), so that an estimate never passes for what a file
/// says, with or without colour.
pub const ESTIMATE_MARK: &str = "~";

/// Shown dimmed where an article has no sentiment at all, in the command line and the reader
/// alike.
pub const NO_SENTIMENT: &str = "–";

/// The style of `bucket`: its colour in `palette`.
pub fn bucket_style(bucket: Bucket, palette: &Palette) -> Style {
    match bucket {
        Bucket::Positive => Style::new().fg(palette.positive),
        Bucket::Neutral => Style::new().fg(palette.neutral),
        Bucket::Negative => Style::new().fg(palette.negative),
    }
}

/// The symbol of `bucket`, which tells it apart without colour.
pub fn bucket_badge(bucket: Bucket) -> &'static str {
    match bucket {
        Bucket::Positive => "▲",
        Bucket::Neutral => "●",
        Bucket::Negative => "▼",
    }
}

/// A score as the files write it: `4`, `7.5`.
pub fn score_text(score: f64) -> String {
    if score.fract() == 0.0 {
        format!("{score:.0}")
    } else {
        format!("{score:.1}")
    }
}

/// The score as shown: `4` from the file, `~6` when estimated.
pub fn sentiment_score_text(sentiment: &Sentiment) -> Option<String> {
    let score = score_text(sentiment.score?);
    Some(match sentiment.is_estimated() {
        true => format!("{ESTIMATE_MARK}{score}"),
        false => score,
    })
}

/// The bucket's style, dimmed for an estimate.
pub fn sentiment_style(sentiment: &Sentiment, palette: &Palette) -> Style {
    let style = (sentiment.bucket)
        .map(|bucket| bucket_style(bucket, palette))
        .unwrap_or_default();
    match sentiment.is_estimated() {
        true => style.add_modifier(Modifier::DIM),
        false => style,
    }
}

/// The badge of a sentiment: its bucket's symbol in [`sentiment_style`] (dimmed for an
/// estimate), or a dim [`NO_SENTIMENT`] when there is no bucket.
pub fn sentiment_badge(sentiment: &Sentiment, palette: &Palette) -> Span<'static> {
    match sentiment.bucket {
        Some(bucket) => Span::styled(bucket_badge(bucket), sentiment_style(sentiment, palette)),
        None => Span::styled(NO_SENTIMENT, Style::new().add_modifier(Modifier::DIM)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Scale;

    #[test]
    fn estimates_are_marked_and_dimmed() {
        let estimated = Sentiment::estimated(6.0, Scale::default());
        assert_eq!(sentiment_score_text(&estimated).as_deref(), Some("~6"));
        assert!(
            sentiment_style(&estimated, &Palette::default())
                .add_modifier
                .contains(Modifier::DIM)
        );
        let from_file = Sentiment::from_file(Some(7.5), None, Scale::default());
        assert_eq!(sentiment_score_text(&from_file).as_deref(), Some("7.5"));
        assert!(
            !sentiment_style(&from_file, &Palette::default())
                .add_modifier
                .contains(Modifier::DIM)
        );
        assert_eq!(sentiment_score_text(&Sentiment::default()), None);
        assert!(
            sentiment_badge(&estimated, &Palette::default())
                .style
                .add_modifier
                .contains(Modifier::DIM)
        );
        assert_eq!(
            sentiment_badge(&Sentiment::default(), &Palette::default()).content,
            NO_SENTIMENT
        );
    }
}
