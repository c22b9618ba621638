//! The reader's look. Named ANSI colours unless the configuration's `theme` says otherwise,
//! never a background colour, so the terminal's own palette and background decide the shades
//! and it reads on dark and light themes alike. Everything colour says is also said by a symbol or a modifier, so that under
//! `NO_COLOR` (which strips every colour from the finished frame) nothing is lost.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

use crate::render::Palette;

pub const TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
pub const DIM: Style = Style::new().add_modifier(Modifier::DIM);
/// The selected row: reverse video reads in every palette and without colour.
pub const SELECTED: Style = Style::new().add_modifier(Modifier::REVERSED);
/// Query matches inside the selected row, which is already reversed.
pub const MATCH_IN_SELECTED: Style = Style::new()
    .add_modifier(Modifier::BOLD)
    .add_modifier(Modifier::UNDERLINED);
pub const UNREAD: Style = Style::new().add_modifier(Modifier::BOLD);
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
pub const BORDER: Style = DIM;

/// `NO_COLOR` set to anything but the empty string asks for no colour.
pub fn color_wanted(no_color: Option<std::ffi::OsString>) -> bool {
    no_color.is_none_or(|value| value.is_empty())
}

/// Takes every colour out of a drawn frame, keeping symbols and modifiers.
pub fn strip_colors(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        cell.fg = Color::Reset;
        cell.bg = Color::Reset;
        cell.underline_color = Color::Reset;
    }
}
