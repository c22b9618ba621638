//! The colours of the command line and the reader, which the configuration's `theme` may
//! change. The defaults are named ANSI colours, so that the terminal's palette decides the
//! shades; every colour also comes with a symbol or a modifier, so nothing is lost without it.

use std::sync::OnceLock;

use ratatui::style::Color;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub positive: Color,
    pub neutral: Color,
    pub negative: Color,
    /// Keys, markers and the search bar.
    pub accent: Color,
    pub error: Color,
    pub link: Color,
    pub heading: Color,
    /// The star of a starred article.
    pub star: Color,
}

impl Default for Palette {
    fn default() -> Palette {
        Palette {
            positive: Color::Green,
            neutral: Color::Yellow,
            negative: Color::Red,
            accent: Color::Cyan,
            error: Color::Red,
            link: Color::Blue,
            heading: Color::Cyan,
            star: Color::Yellow,
        }
    }
}

/// Set once from the configuration; process-wide because every view draws with it.
static INSTALLED: OnceLock<Palette> = OnceLock::new();

impl Palette {
    /// The colours' names in the configuration's `theme`, one for each arm of [`Palette::set`].
    pub const NAMES: &[&str] = &[
        "positive", "neutral", "negative", "accent", "error", "link", "heading", "star",
    ];

    /// Sets the colour called `name` in the configuration; other names are ignored.
    pub fn set(&mut self, name: &str, colour: Color) {
        let slot = match name {
            "positive" => &mut self.positive,
            "neutral" => &mut self.neutral,
            "negative" => &mut self.negative,
            "accent" => &mut self.accent,
            "error" => &mut self.error,
            "link" => &mut self.link,
            "heading" => &mut self.heading,
            "star" => &mut self.star,
            _ => return,
        };
        *slot = colour;
    }

    /// Makes this the palette of the process; only the first call counts.
    pub fn install(self) {
        let _ = INSTALLED.set(self);
    }

    pub fn current() -> Palette {
        INSTALLED.get().copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_sets_its_own_colour() {
        let mut palette = Palette::default();
        for (at, name) in Palette::NAMES.iter().enumerate() {
            palette.set(name, Color::Indexed(at as u8));
        }
        let p = palette;
        let set = [
            p.positive, p.neutral, p.negative, p.accent, p.error, p.link, p.heading, p.star,
        ];
        let expected: Vec<Color> = (0..8).map(Color::Indexed).collect();
        assert_eq!(set.to_vec(), expected);
    }
}
