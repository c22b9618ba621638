//! Aligned columns, fitted to the terminal when there is one.

use moodwire::render::prefix_within;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Space between columns.
const GAP: &str = "  ";
/// The flexible column never shrinks below this, however narrow the terminal.
const MIN_FLEXIBLE_WIDTH: usize = 12;

/// One cell: text in one or more styled pieces (a title with its matches marked).
pub type Cell = Vec<Span<'static>>;

fn cell_width(cell: &[Span<'_>]) -> usize {
    cell.iter().map(|span| span.content.width()).sum()
}

pub struct Column {
    pub header: &'static str,
    /// The widest this column may be.
    pub max_width: usize,
    pub right_aligned: bool,
}

/// Lays out `rows` under `columns`. On a terminal (`width` given) columns are cut to their
/// maximums with `…` and the last column takes what width is left; without a width nothing is
/// cut, so that piped output keeps every character.
pub fn layout(columns: &[Column], rows: &[Vec<Cell>], width: Option<usize>) -> Vec<Line<'static>> {
    let mut widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let widest = rows
                .iter()
                .filter_map(|row| row.get(i))
                .map(|cell| cell_width(cell))
                .max()
                .unwrap_or(0);
            let widest = widest.max(column.header.width());
            if width.is_some() {
                widest.min(column.max_width)
            } else {
                widest
            }
        })
        .collect();
    if let (Some(total), Some((last, fixed))) = (width, widths.split_last_mut()) {
        let used: usize = fixed.iter().sum::<usize>() + GAP.len() * fixed.len();
        *last = (*last)
            .min(total.saturating_sub(used))
            .max(MIN_FLEXIBLE_WIDTH);
    }
    let header_style = Style::new().add_modifier(Modifier::BOLD | Modifier::DIM);
    let header: Vec<Cell> = columns
        .iter()
        .map(|c| vec![Span::styled(c.header, header_style)])
        .collect();
    std::iter::once(&header)
        .chain(rows)
        .map(|row| line(row, columns, &widths))
        .collect()
}

fn line(row: &[Cell], columns: &[Column], widths: &[usize]) -> Line<'static> {
    let mut spans = Vec::with_capacity(row.len() * 2);
    let last = row.len().saturating_sub(1);
    for (i, (cell, (column, &width))) in row.iter().zip(columns.iter().zip(widths)).enumerate() {
        let cell = truncate_cell(cell, width);
        let padding = " ".repeat(width.saturating_sub(cell_width(&cell)));
        if column.right_aligned {
            spans.push(Span::raw(padding.clone()));
        }
        spans.extend(cell);
        if !column.right_aligned && i != last {
            spans.push(Span::raw(padding));
        }
        if i != last {
            spans.push(Span::raw(GAP));
        }
    }
    Line::from(spans)
}

/// A cell cut to at most `width` columns, ending in `…` (in the style of the piece it cuts)
/// when cut; the pieces before the cut keep their styles.
fn truncate_cell(cell: &[Span<'static>], width: usize) -> Cell {
    if cell_width(cell) <= width {
        return cell.to_vec();
    }
    let mut out = Vec::new();
    let mut left = width;
    for span in cell {
        let span_width = span.content.width();
        if span_width < left {
            out.push(span.clone());
            left -= span_width;
            continue;
        }
        // The cut falls in this piece: `truncate` keeps room for the ellipsis.
        out.push(Span::styled(truncate(&span.content, left), span.style));
        break;
    }
    out
}

/// `text` cut to at most `width` columns, ending in `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = prefix_within(text, width - 1).trim_end().to_owned();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use moodwire::render::to_plain;

    fn columns() -> Vec<Column> {
        vec![
            Column {
                header: "N",
                max_width: 4,
                right_aligned: true,
            },
            Column {
                header: "NAME",
                max_width: 8,
                right_aligned: false,
            },
            Column {
                header: "TITLE",
                max_width: usize::MAX,
                right_aligned: false,
            },
        ]
    }

    fn rows() -> Vec<Vec<Cell>> {
        let row =
            |cells: [&'static str; 3]| cells.iter().map(|text| vec![Span::raw(*text)]).collect();
        vec![
            row(["1", "alpha", "A short title"]),
            row([
                "10",
                "a-very-long-name",
                "中文标题 and a much longer title here",
            ]),
        ]
    }

    #[test]
    fn cutting_a_cell_keeps_the_styles_of_its_pieces() {
        let marked = ratatui::style::Style::new().add_modifier(Modifier::REVERSED);
        let cell = vec![
            Span::raw("Oil "),
            Span::styled("prices", marked),
            Span::raw(" rise again"),
        ];
        let cut = truncate_cell(&cell, 8);
        let parts: Vec<(&str, bool)> = cut
            .iter()
            .map(|s| (s.content.as_ref(), s.style == marked))
            .collect();
        assert_eq!(parts, [("Oil ", false), ("pri…", true)]);
        assert_eq!(truncate_cell(&cell, 40), cell);
    }

    #[test]
    fn aligns_columns_without_cutting_anything_when_piped() {
        let text = to_plain(layout(&columns(), &rows(), None));
        assert_eq!(
            text,
            " N  NAME              TITLE\n 1  alpha             A short title\n10  a-very-long-name  中文标题 and a much longer title here\n"
        );
    }

    #[test]
    fn fits_the_last_column_to_the_terminal() {
        let text = to_plain(layout(&columns(), &rows(), Some(30)));
        for line in text.lines() {
            assert!(line.width() <= 30, "{line:?} is {} wide", line.width());
        }
        assert!(text.ends_with("10  a-very-…  中文标题 and a…\n"), "{text}");
    }

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("中文标题", 5), "中文…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("ab cd", 4), "ab…", "no space before the ellipsis");
    }

    /// `❤` with U+FE0F is two columns whole and one counted by characters: the cut is
    /// measured whole.
    #[test]
    fn a_cut_is_never_wider_than_asked_for() {
        let heart = "❤\u{fe0f}";
        for text in [
            format!("{}{}", "a".repeat(22), heart.repeat(5)),
            heart.repeat(40),
            format!("中{heart}文{heart}"),
        ] {
            for width in 0..50 {
                let cut = truncate(&text, width);
                assert!(cut.width() <= width, "{text:?} at {width}: {cut:?}");
            }
        }
    }
}
