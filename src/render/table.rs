//! Table layout: columns sized by display width, shrunk and wrapped inside cells when the table
//! is wider than the terminal, and a stacked fallback when even that cannot fit.

use pulldown_cmark::Alignment;
use ratatui::text::Span;

use super::text::{is_cjk, str_width, units};
use super::theme;
use super::wrap::{Piece, wrap};

/// Narrowest column worth drawing; below this the table is stacked instead.
const MIN_COLUMN: usize = 4;
const SEPARATOR: &str = " │ ";
const SEPARATOR_WIDTH: usize = 3;

/// A table's cells as inline content, collected from parser events.
#[derive(Debug, Default)]
pub(crate) struct Table {
    pub(crate) aligns: Vec<Alignment>,
    pub(crate) header: Vec<Vec<Piece>>,
    pub(crate) rows: Vec<Vec<Vec<Piece>>>,
}

type Cell = Vec<Vec<Span<'static>>>;

/// Lays the table out in at most `width` columns.
pub(crate) fn render(table: &Table, width: usize) -> Vec<Vec<Span<'static>>> {
    let columns = std::iter::once(&table.header)
        .chain(&table.rows)
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    if columns == 0 {
        return Vec::new();
    }
    let budget = width.saturating_sub(SEPARATOR_WIDTH * (columns - 1));
    if budget < MIN_COLUMN * columns {
        return stacked(table, width);
    }
    let measure = |col: usize, f: fn(&[Piece]) -> usize| {
        std::iter::once(&table.header)
            .chain(&table.rows)
            .filter_map(|row| row.get(col))
            .map(|cell| f(cell))
            .max()
            .unwrap_or(0)
            .max(1)
    };
    let natural: Vec<usize> = (0..columns).map(|c| measure(c, natural_width)).collect();
    let words: Vec<usize> = (0..columns).map(|c| measure(c, longest_word)).collect();
    // Prefer widths that break no word (numbers and names stay whole); only when even that
    // does not fit are words broken.
    let floor = if words.iter().sum::<usize>() <= budget {
        words
    } else {
        vec![1; columns]
    };
    let widths = fit(&natural, &floor, budget);
    let mut out = render_row(&table.header, &widths, &table.aligns);
    out.push(rule(&widths));
    for row in &table.rows {
        out.extend(render_row(row, &widths, &table.aligns));
    }
    out
}

fn natural_width(cell: &[Piece]) -> usize {
    wrap(cell, usize::MAX / 4)
        .iter()
        .map(|line| line.iter().map(Span::width).sum())
        .max()
        .unwrap_or(0)
}

/// Widest unbreakable run in a cell: a word, or a single CJK character (breakable anywhere).
fn longest_word(cell: &[Piece]) -> usize {
    let mut longest = 0;
    let mut current = 0;
    for piece in cell {
        let Piece::Text(_, text) = piece else {
            current = 0;
            continue;
        };
        for unit in units(text) {
            let w = str_width(unit);
            if unit.starts_with(' ') {
                current = 0;
            } else if unit.chars().next().is_some_and(is_cjk) {
                current = 0;
                longest = longest.max(w);
            } else {
                current += w;
                longest = longest.max(current);
            }
        }
    }
    longest
}

/// Column widths that sum to at most `budget` (which must be at least the sum of `floor`):
/// columns narrower than a common cap keep their natural width and the wide ones share what
/// is left, so shrinking touches the fewest cells; no column goes below its floor.
fn fit(natural: &[usize], floor: &[usize], budget: usize) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= budget {
        return natural.to_vec();
    }
    let width_at = |cap: usize| -> Vec<usize> {
        natural
            .iter()
            .zip(floor)
            .map(|(&n, &f)| n.min(cap).max(f).min(n.max(f)))
            .collect()
    };
    let used = |cap: usize| width_at(cap).iter().sum::<usize>();
    // The largest cap that fits, by binary search; the caller guarantees the floor fits.
    let (mut lo, mut hi) = (1, natural.iter().copied().max().unwrap_or(1));
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if used(mid) <= budget {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let mut widths = width_at(lo);
    let mut spare = budget.saturating_sub(used(lo));
    // Leftover columns go to the columns with the most text, which wrap the most.
    let mut order: Vec<usize> = (0..widths.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(natural.get(i).copied().unwrap_or(0)));
    for i in order {
        if spare == 0 {
            break;
        }
        if let (Some(w), Some(&n)) = (widths.get_mut(i), natural.get(i))
            && n > *w
        {
            *w += 1;
            spare -= 1;
        }
    }
    widths
}

fn render_row(
    row: &[Vec<Piece>],
    widths: &[usize],
    aligns: &[Alignment],
) -> Vec<Vec<Span<'static>>> {
    let cells: Vec<Cell> = widths
        .iter()
        .enumerate()
        .map(|(i, &w)| row.get(i).map(|cell| wrap(cell, w)).unwrap_or_default())
        .collect();
    let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let last = widths.len().saturating_sub(1);
    (0..height)
        .map(|line_no| {
            let mut spans = Vec::new();
            for (col, (cell, &w)) in cells.iter().zip(widths).enumerate() {
                if col > 0 {
                    spans.push(Span::styled(SEPARATOR, theme::DIM));
                }
                let content = cell.get(line_no).cloned().unwrap_or_default();
                let used: usize = content.iter().map(Span::width).sum();
                let pad = w.saturating_sub(used);
                let align = aligns.get(col).copied().unwrap_or(Alignment::None);
                let (left, right) = match align {
                    Alignment::Right => (pad, 0),
                    Alignment::Center => (pad / 2, pad - pad / 2),
                    Alignment::Left | Alignment::None => (0, pad),
                };
                if left > 0 {
                    spans.push(Span::raw(" ".repeat(left)));
                }
                spans.extend(content);
                if right > 0 && col < last {
                    spans.push(Span::raw(" ".repeat(right)));
                }
            }
            spans
        })
        .collect()
}

fn rule(widths: &[usize]) -> Vec<Span<'static>> {
    let text = widths
        .iter()
        .map(|&w| "─".repeat(w))
        .collect::<Vec<_>>()
        .join("─┼─");
    vec![Span::styled(text, theme::DIM)]
}

/// Too many columns for the width: each row becomes `header: value` lines, rows separated by a
/// short rule, so every cell stays readable and nothing is cut.
fn stacked(table: &Table, width: usize) -> Vec<Vec<Span<'static>>> {
    let mut out = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        if i > 0 {
            out.push(vec![Span::styled("─".repeat(width.min(8)), theme::DIM)]);
        }
        for (col, cell) in row.iter().enumerate() {
            let mut pieces: Vec<Piece> = table.header.get(col).cloned().unwrap_or_default();
            pieces.push(Piece::Text(theme::TABLE_HEADER, ": ".into()));
            pieces.extend(cell.iter().cloned());
            out.extend(wrap(&pieces, width));
        }
    }
    if table.rows.is_empty() {
        for cell in &table.header {
            out.extend(wrap(cell, width));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::wrap::plain;
    use ratatui::style::Style;

    fn cell(s: &str) -> Vec<Piece> {
        vec![Piece::Text(Style::default(), s.into())]
    }

    #[test]
    fn fit_shrinks_only_the_widest_columns() {
        let ones = [1, 1, 1];
        assert_eq!(fit(&[3, 10, 30], &ones, 43), [3, 10, 30]);
        assert_eq!(fit(&[3, 10, 30], &ones, 25), [3, 10, 12]);
        assert_eq!(fit(&[3, 20, 30], &ones, 25), [3, 11, 11]);
        // A column of one long word keeps it whole; the prose column gives way.
        assert_eq!(fit(&[12, 30], &[12, 5], 25), [12, 13]);
        assert_eq!(fit(&[20, 30], &[12, 5], 25), [12, 13]);
    }

    #[test]
    fn wide_table_wraps_inside_cells() {
        let table = Table {
            aligns: vec![Alignment::None, Alignment::None],
            header: vec![cell("k"), cell("value")],
            rows: vec![vec![cell("a"), cell("one two three four five six")]],
        };
        let lines = render(&table, 20);
        assert!(
            lines
                .iter()
                .all(|l| l.iter().map(Span::width).sum::<usize>() <= 20)
        );
        assert_eq!(
            plain(&lines),
            [
                "k │ value",
                "──┼─────────────────",
                "a │ one two three",
                "  │ four five six"
            ]
        );
    }

    #[test]
    fn longest_word_spans_styles_and_treats_cjk_as_breakable() {
        let bold = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let cell = vec![
            Piece::Text(Style::default(), "ab cd".into()),
            Piece::Text(bold, "efg hi".into()),
        ];
        assert_eq!(longest_word(&cell), 5);
        assert_eq!(
            longest_word(&[Piece::Text(Style::default(), "日本語".into())]),
            2
        );
    }

    #[test]
    fn too_many_columns_are_stacked() {
        let header: Vec<_> = (0..8).map(|i| cell(&format!("h{i}"))).collect();
        let row: Vec<_> = (0..8).map(|i| cell(&format!("v{i}"))).collect();
        let table = Table {
            aligns: Vec::new(),
            header,
            rows: vec![row],
        };
        let lines = plain(&render(&table, 20));
        assert_eq!(lines.first().map(String::as_str), Some("h0: v0"));
        assert_eq!(lines.len(), 8);
    }
}
