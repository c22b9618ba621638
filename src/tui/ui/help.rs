//! The help screen, generated from the keymap: each screen's keys with their descriptions,
//! those of the screen it was opened from first, flowed into as many columns as fit.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect, Size};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use unicode_width::UnicodeWidthStr;

use crate::render::Palette;
use crate::tui::keys::{ActiveSection, Keymap, keys_text};
use crate::tui::model::app::Mode;
use crate::tui::ui::theme;

/// The width of a column of sections: two fit on a terminal 100 columns wide.
const COLUMN_WIDTH: u16 = 49;

pub struct Help<'a> {
    /// The keys in use.
    pub keys: &'a Keymap,
    /// The screen the help was opened from.
    pub from: Mode,
    /// Lines scrolled down, when the keys do not fit.
    pub scroll: usize,
    /// The colours keys are shown in.
    pub palette: &'a Palette,
}

impl Help<'_> {
    /// `j/k`: the first keys of moving down and up the help.
    fn scroll_keys(&self) -> Option<String> {
        let down = self.keys.key_of(Mode::Help, "down")?;
        let up = self.keys.key_of(Mode::Help, "up")?;
        Some(format!("{down}/{up}"))
    }
}

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        let layout = Flowed::of(self.keys, self.from, area, self.palette);
        let closes = (self.keys.keys_said(Mode::Help, "back"))
            .map(|keys| format!("{keys} closes "))
            .unwrap_or_default();
        let closes = match (layout.overflow(), self.scroll_keys()) {
            (0, _) | (_, None) => format!(" {closes}"),
            (_, Some(scroll)) => format!(
                " {scroll} scroll, lines {}–{} of {} · {closes}",
                self.scroll.min(layout.overflow()) + 1,
                (self.scroll + layout.shown).min(layout.height),
                layout.height
            ),
        };
        let block = frame().title_bottom(Span::styled(closes, theme::DIM));
        let inner = block.inner(area);
        block.render(area, buf);
        let scroll = self.scroll.min(layout.overflow()) as u16;
        let width = inner.width / layout.columns.len().max(1) as u16;
        for (i, lines) in layout.columns.into_iter().enumerate() {
            let x = inner.x + width * i as u16;
            let column = Rect::new(x + 1, inner.y, width.saturating_sub(1), inner.height);
            Paragraph::new(lines)
                .scroll((scroll, 0))
                .render(column, buf);
        }
    }
}

fn frame() -> Block<'static> {
    Block::new()
        .borders(Borders::ALL)
        .border_style(theme::BORDER)
        .title(Span::styled(" Keys ", theme::TITLE))
}

/// The sections flowed into columns as tall as they must be for every key to be reachable.
struct Flowed {
    columns: Vec<Vec<Line<'static>>>,
    /// Lines in the tallest column.
    height: usize,
    /// Lines on screen.
    shown: usize,
}

impl Flowed {
    fn of(keys: &Keymap, from: Mode, area: Rect, palette: &Palette) -> Flowed {
        let inner = frame().inner(area);
        let count = usize::from((inner.width / COLUMN_WIDTH).max(1));
        let shown = usize::from(inner.height);
        // As `render` places them: a column, less the space before it.
        let column_width = usize::from(inner.width) / count;
        let sections = sections(keys, from, palette, column_width.saturating_sub(1));
        // The shortest columns that hold everything: the screen's height when it is enough,
        // else taller, and the help scrolls.
        let mut height = shown.max(1);
        loop {
            let columns = flow(sections.clone(), height, count);
            let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
            if tallest <= height {
                return Flowed {
                    columns,
                    height: tallest,
                    shown,
                };
            }
            height += 1;
        }
    }

    /// How far the help can scroll.
    fn overflow(&self) -> usize {
        self.height.saturating_sub(self.shown)
    }
}

/// How far the help opened from `from` can scroll on a terminal of `size`.
pub fn max_scroll(keys: &Keymap, from: Mode, size: Size) -> usize {
    let area = Rect::from((Position::ORIGIN, size));
    // Colours take no room: any palette lays the help out the same.
    Flowed::of(keys, from, area, &Palette::default()).overflow()
}

/// Puts whole sections into columns of `height` lines, starting a new column when the next
/// section does not fit; the last column takes what is left, which may be more.
fn flow(
    sections: Vec<Vec<Line<'static>>>,
    height: usize,
    columns: usize,
) -> Vec<Vec<Line<'static>>> {
    let mut out: Vec<Vec<Line<'static>>> = vec![Vec::new()];
    for section in sections {
        let full = out.len() == columns;
        let column = out.last_mut().expect("there is always a column");
        let needed = section.len() + usize::from(!column.is_empty());
        if !column.is_empty() && column.len() + needed > height && !full {
            out.push(section);
            continue;
        }
        if !column.is_empty() {
            column.push(Line::default());
        }
        column.extend(section);
    }
    out
}

/// Each section's heading and bindings, as lines: `first`'s section first, and none for the
/// help itself, whose keys the frame names.
fn sections(
    keys: &Keymap,
    first: Mode,
    palette: &Palette,
    width: usize,
) -> Vec<Vec<Line<'static>>> {
    let mut ordered: Vec<&ActiveSection> = keys
        .sections
        .iter()
        .filter(|s| s.mode != Mode::Help)
        .collect();
    ordered.sort_by_key(|section| section.mode != first);
    let mut sections: Vec<Vec<Line<'static>>> = ordered
        .into_iter()
        .map(|section| {
            let rows: Vec<(String, &'static str)> = section
                .bindings
                .iter()
                .map(|binding| (keys_text(binding), binding.desc))
                .collect();
            lines(section.title, &rows, palette, width)
        })
        .collect();
    sections.push(lines(
        "Anywhere",
        &[
            ("Ctrl-c".to_owned(), "quit"),
            ("Ctrl-z".to_owned(), "suspend; fg comes back"),
            ("mouse".to_owned(), "wheel scrolls, click selects"),
        ],
        palette,
        width,
    ));
    sections
}

/// A heading, then keys and descriptions in two columns as wide as the section needs, each
/// description wrapped at word boundaries to fit a column `column_width` wide.
fn lines(
    title: &'static str,
    rows: &[(String, &'static str)],
    palette: &Palette,
    column_width: usize,
) -> Vec<Line<'static>> {
    let width = rows.iter().map(|(keys, _)| keys.width()).max().unwrap_or(0);
    let indent = " ".repeat(width + 4);
    let room = column_width.saturating_sub(indent.len());
    let mut lines = vec![Line::from(Span::styled(title, theme::TITLE))];
    for (keys, desc) in rows {
        for (i, part) in wrapped(desc, room).into_iter().enumerate() {
            let keys = match i {
                0 => Span::styled(format!("  {keys:<width$}  "), theme::key(palette)),
                _ => Span::raw(indent.clone()),
            };
            lines.push(Line::from(vec![keys, Span::raw(part)]));
        }
    }
    lines
}

/// `text` in lines of at most `room` columns, wrapped as an article's text is; whole when
/// there is too little room for wrapping to help.
fn wrapped(text: &str, room: usize) -> Vec<String> {
    if room < MIN_WRAP || text.width() <= room {
        return vec![text.to_owned()];
    }
    crate::render::wrap_plain(text, room)
}

/// Below this many columns for a description, wrapping would make a column of single words.
const MIN_WRAP: usize = 12;
