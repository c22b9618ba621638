//! The look of everything moodwire draws, in one place: the styles the command line and the
//! reader share, and the renderer's. Only the 16 named ANSI colours and modifiers are used (links
//! and headings take the configured palette's), so the output follows the user's terminal
//! palette and stays legible on dark and light themes.

use pulldown_cmark::HeadingLevel;
use ratatui::style::{Color, Modifier, Style};

use super::Palette;

pub(crate) fn heading(level: HeadingLevel, palette: &Palette) -> Style {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    match level {
        HeadingLevel::H1 => bold.fg(Color::Magenta).add_modifier(Modifier::UNDERLINED),
        HeadingLevel::H2 => bold.fg(palette.heading),
        HeadingLevel::H3 => bold.fg(Color::Blue),
        _ => bold.fg(palette.heading).add_modifier(Modifier::ITALIC),
    }
}

pub(crate) const EMPHASIS: Style = Style::new().add_modifier(Modifier::ITALIC);
pub(crate) const STRONG: Style = Style::new().add_modifier(Modifier::BOLD);
pub(crate) const STRIKE: Style = Style::new().add_modifier(Modifier::CROSSED_OUT);
pub(crate) const INLINE_CODE: Style = Style::new().fg(Color::Yellow);
pub(crate) const CODE_BLOCK: Style = Style::new().fg(Color::Green);
pub(crate) fn link(palette: &Palette) -> Style {
    Style::new()
        .fg(palette.link)
        .add_modifier(Modifier::UNDERLINED)
}
/// The `[n]` after a link: not underlined, so it reads as an annotation rather than link text.
pub(crate) const LINK_MARKER: Style = Style::new()
    .fg(Color::Cyan)
    .remove_modifier(Modifier::UNDERLINED);
pub(crate) const IMAGE: Style = Style::new().fg(Color::Magenta);
pub(crate) const FOOTNOTE: Style = Style::new().fg(Color::Cyan);
/// Secondary text: dates, categories, separators, hints.
pub const DIM: Style = Style::new().add_modifier(Modifier::DIM);
/// Titles and what stands out without colour.
pub const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);

/// An error message.
pub fn error(palette: &Palette) -> Style {
    Style::new().fg(palette.error).add_modifier(Modifier::BOLD)
}

/// Markers and figures worth the eye.
pub fn accent(palette: &Palette) -> Style {
    Style::new().fg(palette.accent)
}

/// A key in a hint or the help.
pub fn key(palette: &Palette) -> Style {
    accent(palette).add_modifier(Modifier::BOLD)
}

/// The `★` of a starred article.
pub fn star(palette: &Palette) -> Style {
    Style::new().fg(palette.star).add_modifier(Modifier::BOLD)
}
pub(crate) const MARKER: Style = Style::new().fg(Color::Cyan);
pub(crate) const TASK_DONE: Style = Style::new().fg(Color::Green);
pub(crate) const TABLE_HEADER: Style = Style::new().add_modifier(Modifier::BOLD);
pub(crate) fn link_url(palette: &Palette) -> Style {
    Style::new().fg(palette.link)
}
