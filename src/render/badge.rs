//! How sentiment looks: one colour and one symbol per bucket, so that it reads without colour
//! too. Only named colours are used, so the terminal's theme decides the exact shade.

use ratatui::style::{Color, Style};

use crate::article::Bucket;

pub fn bucket_style(bucket: Bucket) -> Style {
    match bucket {
        Bucket::Positive => Style::new().fg(Color::Green),
        Bucket::Neutral => Style::new().fg(Color::Yellow),
        Bucket::Negative => Style::new().fg(Color::Red),
    }
}

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
