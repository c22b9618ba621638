//! Where command output goes, and how it is styled.

use std::borrow::Borrow;
use std::io::{self, IsTerminal, Write};

use ratatui::text::Line;

use moodwire::config::Config;
use moodwire::render::{Lines, Look, UNWRAPPED, to_ansi, to_plain};

/// Prose wider than this is hard to read, however wide the terminal: a terminal's own width is
/// taken up to this (a width asked for with `--width` or `COLUMNS` is taken as it is).
pub const MAX_READING_WIDTH: usize = 100;

/// What the output stream can show.
#[derive(Debug, Clone)]
pub struct Output {
    /// Styling with ANSI escape sequences: only on a terminal, and not when `NO_COLOR` is set.
    pub color: bool,
    /// The terminal's width in columns, when stdout is a terminal.
    pub terminal_width: Option<usize>,
    /// The width `COLUMNS` gives, when it is set to a number.
    pub columns_variable: Option<usize>,
    /// The configuration's colours and date format.
    pub look: Look,
}

impl Output {
    /// Output to stdout, drawn as `config` says.
    pub fn detect(config: &Config) -> Output {
        let is_terminal = io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let terminal_width = is_terminal
            .then(|| ratatui::crossterm::terminal::size().ok())
            .flatten()
            .map(|(columns, _)| usize::from(columns))
            .filter(|&columns| columns > 0);
        let columns_variable = (std::env::var("COLUMNS").ok())
            .and_then(|text| text.trim().parse::<usize>().ok())
            .filter(|&columns| columns > 0);
        Output {
            color: is_terminal && !no_color,
            terminal_width,
            columns_variable,
            look: Look::of(config),
        }
    }

    /// The width to wrap prose to: `asked` (`--width`; 0 does not wrap), else `COLUMNS`, else
    /// the terminal's (up to [`MAX_READING_WIDTH`]); output that goes elsewhere with no width
    /// asked for is not wrapped, and the program reading it wraps as it likes.
    pub fn reading_width(&self, asked: Option<usize>) -> usize {
        match (asked, self.columns_variable, self.terminal_width) {
            (Some(0), _, _) => UNWRAPPED,
            (Some(width), _, _) | (None, Some(width), _) => width,
            (None, None, Some(terminal)) => terminal.min(MAX_READING_WIDTH),
            (None, None, None) => UNWRAPPED,
        }
    }

    /// Writes styled lines, with or without escape sequences.
    pub fn write_lines(&self, out: &mut impl Write, lines: &[Line<'_>]) -> io::Result<()> {
        self.write_each(out, lines)
    }

    /// Writes laid-out lines (an article) as [`Output::write_lines`] does.
    pub fn write_laid_out(&self, out: &mut impl Write, lines: &Lines) -> io::Result<()> {
        self.write_each(out, lines)
    }

    /// A line at a time: an article of a hundred thousand lines is not first made into one
    /// string.
    fn write_each<'a, L: Borrow<Line<'a>>>(
        &self,
        out: &mut impl Write,
        lines: impl IntoIterator<Item = L>,
    ) -> io::Result<()> {
        let mut out = io::BufWriter::new(out);
        for line in lines {
            let text = match self.color {
                true => to_ansi([line]),
                false => to_plain([line]),
            };
            out.write_all(text.as_bytes())?;
        }
        out.flush()
    }
}
