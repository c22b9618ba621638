//! Turning styled lines into text: ANSI SGR escapes for a terminal, or plain text for pipes,
//! `NO_COLOR` and tests.

use std::borrow::Borrow;
use std::fmt::Write as _;

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

const RESET: &str = "\x1b[0m";

/// Each line ends with a reset and a newline, so a line can be cut out of the output (by
/// `head`, `grep`, a pager) without its style bleeding into what follows.
#[must_use]
pub fn to_ansi<'a, L: Borrow<Line<'a>>>(lines: impl IntoIterator<Item = L>) -> String {
    let mut out = String::new();
    for line in lines {
        ansi_line(line.borrow(), &mut out);
    }
    out
}

fn ansi_line(line: &Line<'_>, out: &mut String) {
    let mut current = Style::default();
    for span in &line.spans {
        let style = line.style.patch(span.style);
        if style != current {
            if current != Style::default() {
                out.push_str(RESET);
            }
            out.push_str(&sgr(style));
            current = style;
        }
        out.push_str(&span.content);
    }
    out.push_str(RESET);
    out.push('\n');
}

/// Each line's text with trailing spaces removed (table padding and indents are invisible
/// anyway and would only upset diffs and `wc`).
#[must_use]
pub fn to_plain<'a, L: Borrow<Line<'a>>>(lines: impl IntoIterator<Item = L>) -> String {
    let mut out = String::new();
    for line in lines {
        plain_line(line.borrow(), &mut out);
    }
    out
}

fn plain_line(line: &Line<'_>, out: &mut String) {
    let start = out.len();
    for span in &line.spans {
        out.push_str(&span.content);
    }
    let kept = out[start..].trim_end_matches(' ').len();
    out.truncate(start + kept);
    out.push('\n');
}

/// The SGR sequence that sets `style` from a reset state; empty for the default style.
fn sgr(style: Style) -> String {
    let mut codes: Vec<String> = Vec::new();
    let modifiers = style.add_modifier - style.sub_modifier;
    for (modifier, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::SLOW_BLINK, "5"),
        (Modifier::RAPID_BLINK, "6"),
        (Modifier::REVERSED, "7"),
        (Modifier::HIDDEN, "8"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if modifiers.contains(modifier) {
            codes.push(code.to_string());
        }
    }
    if let Some(fg) = style.fg.and_then(|c| color(c, false)) {
        codes.push(fg);
    }
    if let Some(bg) = style.bg.and_then(|c| color(c, true)) {
        codes.push(bg);
    }
    if codes.is_empty() {
        return String::new();
    }
    let mut seq = String::from("\x1b[");
    seq.push_str(&codes.join(";"));
    seq.push('m');
    seq
}

/// SGR parameters for a colour; `None` for `Reset`, which a fresh reset already covers.
fn color(color: Color, background: bool) -> Option<String> {
    let base = if background { 40 } else { 30 };
    let bright = if background { 100 } else { 90 };
    let named = |offset: u8, start: u8| Some((start + offset).to_string());
    match color {
        Color::Reset => None,
        Color::Black => named(0, base),
        Color::Red => named(1, base),
        Color::Green => named(2, base),
        Color::Yellow => named(3, base),
        Color::Blue => named(4, base),
        Color::Magenta => named(5, base),
        Color::Cyan => named(6, base),
        Color::Gray => named(7, base),
        Color::DarkGray => named(0, bright),
        Color::LightRed => named(1, bright),
        Color::LightGreen => named(2, bright),
        Color::LightYellow => named(3, bright),
        Color::LightBlue => named(4, bright),
        Color::LightMagenta => named(5, bright),
        Color::LightCyan => named(6, bright),
        Color::White => named(7, bright),
        Color::Indexed(i) => {
            let mut s = String::new();
            let _ = write!(s, "{};5;{i}", base + 8);
            Some(s)
        }
        Color::Rgb(r, g, b) => {
            let mut s = String::new();
            let _ = write!(s, "{};2;{r};{g};{b}", base + 8);
            Some(s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::text::Span;

    fn sample() -> Vec<Line<'static>> {
        vec![
            Line::from(vec![
                Span::styled(
                    "Title",
                    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                ),
                Span::raw(" plain  "),
            ]),
            Line::from("second"),
        ]
    }

    #[test]
    fn ansi_emits_sgr_and_resets_every_line() {
        let out = to_ansi(sample());
        assert!(
            out.starts_with("\x1b[1;36mTitle\x1b[0m plain  \x1b[0m\n"),
            "{out:?}"
        );
        assert!(out.ends_with("second\x1b[0m\n"));
        assert_eq!(out.lines().filter(|l| l.ends_with(RESET)).count(), 2);
    }

    #[test]
    fn plain_has_no_escapes_and_trims_trailing_spaces() {
        let out = to_plain(sample());
        assert_eq!(out, "Title plain\nsecond\n");
        assert!(!out.contains('\x1b'));
    }

    #[test]
    fn colours_map_to_sgr_parameters() {
        assert_eq!(color(Color::Yellow, false).as_deref(), Some("33"));
        assert_eq!(color(Color::White, true).as_deref(), Some("107"));
        assert_eq!(color(Color::Indexed(8), false).as_deref(), Some("38;5;8"));
        assert_eq!(
            color(Color::Rgb(1, 2, 3), true).as_deref(),
            Some("48;2;1;2;3")
        );
        assert_eq!(sgr(Style::new()), "");
    }
}
