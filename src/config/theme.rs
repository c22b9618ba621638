//! The colours the configuration's `theme` names, as values of the configuration's own: the
//! front ends turn them into their terminal's colours.

/// A colour as the configuration writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    /// The terminal's own foreground.
    Default,
    /// One of the terminal's sixteen named colours, whose shades its palette decides.
    Named(Named),
    /// An entry of the terminal's 256-colour table.
    Indexed(u8),
    /// Red, green and blue.
    Rgb(u8, u8, u8),
}

/// The terminal's sixteen named colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Named {
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
}

impl Colour {
    /// Reads a colour by name (`green`, `light-red`, `dark gray`, `bright_blue`, `grey`), as a
    /// number from 0 to 255, or as `#rrggbb`.
    pub fn parse(text: &str) -> Option<Colour> {
        let text = text.trim();
        let name = text
            .to_lowercase()
            .replace([' ', '-', '_'], "")
            .replace("bright", "light")
            .replace("grey", "gray")
            .replace("silver", "gray")
            .replace("lightblack", "darkgray")
            .replace("lightwhite", "white")
            .replace("lightgray", "white");
        let named = match name.as_str() {
            "reset" | "default" => return Some(Colour::Default),
            "black" => Named::Black,
            "red" => Named::Red,
            "green" => Named::Green,
            "yellow" => Named::Yellow,
            "blue" => Named::Blue,
            "magenta" => Named::Magenta,
            "cyan" => Named::Cyan,
            "gray" => Named::Gray,
            "darkgray" => Named::DarkGray,
            "lightred" => Named::LightRed,
            "lightgreen" => Named::LightGreen,
            "lightyellow" => Named::LightYellow,
            "lightblue" => Named::LightBlue,
            "lightmagenta" => Named::LightMagenta,
            "lightcyan" => Named::LightCyan,
            "white" => Named::White,
            _ => return text.parse().ok().map(Colour::Indexed).or_else(|| rgb(text)),
        };
        Some(Colour::Named(named))
    }
}

/// `#rrggbb`.
fn rgb(text: &str) -> Option<Colour> {
    let hex = text.strip_prefix('#').filter(|hex| hex.len() == 6)?;
    let channel = |at: usize| u8::from_str_radix(hex.get(at..at + 2)?, 16).ok();
    Some(Colour::Rgb(channel(0)?, channel(2)?, channel(4)?))
}

/// The colours of the command line and the reader. The defaults are named colours, so that
/// the terminal's palette decides the shades.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Positive sentiment.
    pub positive: Colour,
    /// Neutral sentiment.
    pub neutral: Colour,
    /// Negative sentiment.
    pub negative: Colour,
    /// Keys, markers and the search bar.
    pub accent: Colour,
    /// Error messages.
    pub error: Colour,
    /// Links and their addresses.
    pub link: Colour,
    /// Headings of articles.
    pub heading: Colour,
    /// The star of a starred article.
    pub star: Colour,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme {
            positive: Colour::Named(Named::Green),
            neutral: Colour::Named(Named::Yellow),
            negative: Colour::Named(Named::Red),
            accent: Colour::Named(Named::Cyan),
            error: Colour::Named(Named::Red),
            link: Colour::Named(Named::Blue),
            heading: Colour::Named(Named::Cyan),
            star: Colour::Named(Named::Yellow),
        }
    }
}

impl Theme {
    /// The colours' names in the configuration's `theme`, one for each arm of [`Theme::set`].
    pub const NAMES: &[&str] = &[
        "positive", "neutral", "negative", "accent", "error", "link", "heading", "star",
    ];

    /// Sets the colour called `name` in the configuration; other names are ignored.
    pub fn set(&mut self, name: &str, colour: Colour) {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_sets_its_own_colour() {
        let mut theme = Theme::default();
        for (at, name) in Theme::NAMES.iter().enumerate() {
            theme.set(name, Colour::Indexed(at as u8));
        }
        let t = theme;
        let set = [
            t.positive, t.neutral, t.negative, t.accent, t.error, t.link, t.heading, t.star,
        ];
        let expected: Vec<Colour> = (0..8).map(Colour::Indexed).collect();
        assert_eq!(set.to_vec(), expected);
    }

    #[test]
    fn colours_are_read_by_name_number_and_hex() {
        let named = |n| Some(Colour::Named(n));
        assert_eq!(Colour::parse("green"), named(Named::Green));
        assert_eq!(Colour::parse("Light-Red"), named(Named::LightRed));
        assert_eq!(Colour::parse("dark gray"), named(Named::DarkGray));
        assert_eq!(Colour::parse("bright_blue"), named(Named::LightBlue));
        assert_eq!(Colour::parse("grey"), named(Named::Gray));
        assert_eq!(Colour::parse(" 214 "), Some(Colour::Indexed(214)));
        assert_eq!(Colour::parse("#ff8000"), Some(Colour::Rgb(255, 128, 0)));
        for wrong in ["greenish", "256", "#ff80", "#gg0000", "", "ff8000"] {
            assert_eq!(Colour::parse(wrong), None, "{wrong}");
        }
    }
}
