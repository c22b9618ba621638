//! The reader's look: the styles it shares with the command line ([`crate::render::theme`]) and
//! its own. Named ANSI colours unless the configuration's `theme` says otherwise, never a
//! background colour, so the terminal's own palette and background decide the shades and it
//! reads on dark and light themes alike. Everything colour says is also said by a symbol or a
//! modifier, so that under `NO_COLOR` (which strips every colour from the finished frame)
//! nothing is lost.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

pub use crate::render::theme::{BOLD as TITLE, DIM, accent, error, key, star};

/// The selected row: reverse video reads in every palette and without colour.
pub const SELECTED: Style = Style::new().add_modifier(Modifier::REVERSED);
/// Query matches inside the selected row, which is already reversed.
pub const MATCH_IN_SELECTED: Style = Style::new()
    .add_modifier(Modifier::BOLD)
    .add_modifier(Modifier::UNDERLINED);
/// An unread article's mark and title.
pub const UNREAD: Style = Style::new().add_modifier(Modifier::BOLD);
/// Frames and rules.
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
