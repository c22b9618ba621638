//! The colours of the command line and the reader, from the configuration's `theme`. Every
//! colour also comes with a symbol or a modifier, so nothing is lost without it.

use ratatui::style::Color;

use crate::config::{Colour, Named, Theme};

/// The theme's colours as the terminal draws them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
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
        Palette::of(&Theme::default())
    }
}

impl Palette {
    /// The colours `theme` names.
    pub fn of(theme: &Theme) -> Palette {
        Palette {
            positive: color(theme.positive),
            neutral: color(theme.neutral),
            negative: color(theme.negative),
            accent: color(theme.accent),
            error: color(theme.error),
            link: color(theme.link),
            heading: color(theme.heading),
            star: color(theme.star),
        }
    }
}

/// The terminal colour of a configured one.
pub fn color(colour: Colour) -> Color {
    match colour {
        Colour::Default => Color::Reset,
        Colour::Indexed(index) => Color::Indexed(index),
        Colour::Rgb(r, g, b) => Color::Rgb(r, g, b),
        Colour::Named(named) => match named {
            Named::Black => Color::Black,
            Named::Red => Color::Red,
            Named::Green => Color::Green,
            Named::Yellow => Color::Yellow,
            Named::Blue => Color::Blue,
            Named::Magenta => Color::Magenta,
            Named::Cyan => Color::Cyan,
            Named::Gray => Color::Gray,
            Named::DarkGray => Color::DarkGray,
            Named::LightRed => Color::LightRed,
            Named::LightGreen => Color::LightGreen,
            Named::LightYellow => Color::LightYellow,
            Named::LightBlue => Color::LightBlue,
            Named::LightMagenta => Color::LightMagenta,
            Named::LightCyan => Color::LightCyan,
            Named::White => Color::White,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each configured colour becomes the terminal colour ratatui reads from the same text.
    #[test]
    fn configured_colours_are_the_colours_their_names_say() {
        for text in [
            "reset",
            "black",
            "red",
            "green",
            "yellow",
            "blue",
            "magenta",
            "cyan",
            "gray",
            "dark-gray",
            "light-red",
            "light-green",
            "light-yellow",
            "light-blue",
            "light-magenta",
            "light-cyan",
            "white",
            "bright black",
            "grey",
            "0",
            "214",
            "#ff8000",
        ] {
            let configured = Colour::parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                Some(color(configured)),
                text.parse::<Color>().ok(),
                "{text}"
            );
        }
    }
}
