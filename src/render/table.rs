//! Table layout: columns sized by display width, shrunk and wrapped inside cells when the table
//! is wider than the terminal, and a stacked fallback when even that cannot fit.
//!
//! Column widths depend on every row, so cells are kept until the table ends: as text in one
//! buffer with runs of style, a few bytes a cell, and no more rows than can be shown within
//! the limit on lines (a table of a hundred thousand rows keeps those that fit).

use pulldown_cmark::Alignment;
use ratatui::style::Style;
use ratatui::text::Span;

use super::text::{is_cjk, str_width, units};
use super::theme;
use super::wrap::{LineSink, Piece, wrap};

/// Narrowest column worth drawing; below this the table is stacked instead.
const MIN_COLUMN: usize = 4;
const SEPARATOR: &str = " │ ";
const SEPARATOR_WIDTH: usize = 3;
/// Marks a hard break inside a cell's text, which never holds a line feed otherwise.
const BREAK: char = '\n';

/// A table's cells, collected from parser events.
#[derive(Debug, Default)]
pub(crate) struct Table {
    pub(crate) aligns: Vec<Alignment>,
    /// The header's cells, then each row's.
    cells: Cells,
    /// How many of the cells are the header's.
    header: usize,
    rows: Vec<Row>,
    /// Where the row being read starts in the document.
    row_at: usize,
    /// Lines the rows kept may take; a row past them could not be shown and is not kept.
    room: usize,
    /// The lines each row takes at the least (each cell's, when the table is stacked).
    row_lines: usize,
    /// Where the first row not kept starts in the document.
    pub(crate) dropped: Option<usize>,
    /// The header row is being read again, where the table goes on from an earlier piece of
    /// the document; it is kept already.
    skipping: bool,
    in_head: bool,
    width: usize,
}

/// Cell text in one buffer: each run of one style ends at an offset, each cell at a run. A
/// run names its style by its place in `styles`, so that a cell of one letter costs some
/// thirteen bytes.
#[derive(Debug, Default)]
struct Cells {
    text: String,
    runs: Vec<(u32, u16)>,
    ends: Vec<u32>,
    styles: Vec<Style>,
}

impl Cells {
    /// The place of `style` in `styles`; a table uses a handful.
    fn style_id(&mut self, style: Style) -> u16 {
        match self.styles.iter().rposition(|&s| s == style) {
            Some(at) => at as u16,
            None if self.styles.len() > usize::from(u16::MAX) => 0,
            None => {
                self.styles.push(style);
                (self.styles.len() - 1) as u16
            }
        }
    }
}

/// A row: where its cells end, and where it starts in the document.
#[derive(Debug)]
struct Row {
    end: u32,
    at: usize,
}

impl Table {
    /// A table to be laid out `width` columns wide in at most `room` lines.
    pub(crate) fn new(aligns: Vec<Alignment>, width: usize, room: usize) -> Table {
        Table {
            aligns,
            room,
            row_lines: 1,
            width,
            ..Table::default()
        }
    }

    pub(crate) fn start_head(&mut self) {
        self.in_head = true;
        self.skipping = self.header > 0 || !self.rows.is_empty();
    }

    pub(crate) fn end_head(&mut self) {
        if !self.skipping {
            self.header = self.cells.ends.len();
        }
        self.in_head = false;
        self.skipping = false;
        if stacks(self.header, self.width) {
            self.row_lines = self.header.max(1);
        }
    }

    /// A body row starts at byte `at` of the document.
    pub(crate) fn start_row(&mut self, at: usize) {
        self.row_at = at;
        if self.dropped.is_none() && self.rows.len().saturating_mul(self.row_lines) >= self.room {
            self.dropped = Some(at);
        }
    }

    pub(crate) fn end_row(&mut self) {
        if !self.ignoring() {
            self.rows.push(Row {
                end: self.cells.ends.len() as u32,
                at: self.row_at,
            });
        }
    }

    /// Rows past the room, and a header read again, are read but not kept.
    fn ignoring(&self) -> bool {
        (self.in_head && self.skipping) || (!self.in_head && self.dropped.is_some())
    }

    pub(crate) fn text(&mut self, style: Style, text: &str) {
        let cells = &mut self.cells;
        let room = u32::MAX as usize;
        if text.is_empty() || cells.text.len() + text.len() > room {
            return;
        }
        if (self.in_head && self.skipping) || (!self.in_head && self.dropped.is_some()) {
            return;
        }
        cells.text.push_str(text);
        let end = cells.text.len() as u32;
        let style = cells.style_id(style);
        let start = cells.ends.last().map_or(0, |&e| e as usize);
        let joins = cells.runs.len() > start;
        match cells.runs.last_mut() {
            Some((last, s)) if *s == style && joins => *last = end,
            _ => cells.runs.push((end, style)),
        }
    }

    pub(crate) fn hard_break(&mut self, style: Style) {
        self.text(style, "\n");
    }

    pub(crate) fn end_cell(&mut self) {
        if !self.ignoring() {
            self.cells.ends.push(self.cells.runs.len() as u32);
        }
    }

    /// Cell `n` (counting the header's first) as inline content.
    fn cell(&self, n: usize) -> Vec<Piece> {
        let cells = &self.cells;
        let end_of = |cell: usize| cells.ends.get(cell).map_or(0, |&e| e as usize);
        let runs = match n {
            0 => 0,
            _ => end_of(n - 1),
        }..end_of(n);
        let mut start = match runs.start {
            0 => 0,
            at => cells.runs.get(at - 1).map_or(0, |r| r.0 as usize),
        };
        let mut pieces = Vec::new();
        for &(end, style) in cells.runs.get(runs).unwrap_or_default() {
            let end = end as usize;
            let style = cells
                .styles
                .get(usize::from(style))
                .copied()
                .unwrap_or_default();
            let text = cells.text.get(start..end).unwrap_or_default();
            start = end;
            for (i, part) in text.split(BREAK).enumerate() {
                if i > 0 {
                    pieces.push(Piece::Break);
                }
                if !part.is_empty() {
                    pieces.push(Piece::Text(style, part.to_owned()));
                }
            }
        }
        pieces
    }

    /// The text of cell `n`, styles and all left out.
    fn cell_text(&self, n: usize) -> &str {
        let cells = &self.cells;
        let text_end = |cell: usize| {
            let run = cells.ends.get(cell).map_or(0, |&e| e as usize);
            match run {
                0 => 0,
                _ => cells.runs.get(run - 1).map_or(0, |r| r.0 as usize),
            }
        };
        let start = match n {
            0 => 0,
            _ => text_end(n - 1),
        };
        cells.text.get(start..text_end(n)).unwrap_or_default()
    }

    /// The cells of the header and of each row kept, as ranges of cell numbers.
    fn row_ranges(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        let mut start = self.header;
        std::iter::once(0..self.header).chain(self.rows.iter().map(move |row| {
            let end = row.end as usize;
            let range = start..end;
            start = end;
            range
        }))
    }

    fn header(&self) -> Vec<Vec<Piece>> {
        (0..self.header).map(|n| self.cell(n)).collect()
    }

    /// The kept rows, each as its cells, with where it starts in the document.
    fn rows(&self) -> impl Iterator<Item = (usize, Vec<Vec<Piece>>)> + '_ {
        let mut start = self.header;
        self.rows.iter().map(move |row| {
            let end = row.end as usize;
            let cells = (start..end).map(|n| self.cell(n)).collect();
            start = end;
            (row.at, cells)
        })
    }
}

type Cell = Vec<Vec<Span<'static>>>;

/// Whether `columns` columns are too many for `width`, so that the table is stacked.
fn stacks(columns: usize, width: usize) -> bool {
    let budget = width.saturating_sub(SEPARATOR_WIDTH * columns.saturating_sub(1));
    budget < MIN_COLUMN * columns
}

/// Lays the table out in at most `width` columns, handing each line to `out` and stopping
/// when it is full.
pub(crate) fn render(table: &Table, width: usize, out: &mut impl LineSink) {
    let header = table.header();
    let columns = table.row_ranges().map(|r| r.len()).max().unwrap_or(0);
    if columns == 0 {
        return;
    }
    if stacks(columns, width) {
        return stacked(table, &header, width, out);
    }
    let budget = width.saturating_sub(SEPARATOR_WIDTH * (columns - 1));
    let mut natural = vec![1; columns];
    let mut words = vec![1; columns];
    for row in table.row_ranges() {
        for (col, cell) in row.enumerate() {
            let text = table.cell_text(cell);
            natural[col] = natural[col].max(natural_width(text));
            words[col] = words[col].max(longest_word(text));
        }
    }
    // Prefer widths that break no word (numbers and names stay whole); only when even that
    // does not fit are words broken.
    let floor = if words.iter().sum::<usize>() <= budget {
        words
    } else {
        vec![1; columns]
    };
    let widths = fit(&natural, &floor, budget);
    for line in render_row(&header, &widths, &table.aligns) {
        out.line(line);
    }
    out.line(rule(&widths));
    for (at, row) in table.rows() {
        if out.is_full() {
            return;
        }
        out.at(at);
        for line in render_row(&row, &widths, &table.aligns) {
            out.line(line);
        }
    }
}

/// The width of a cell's widest line unwrapped: spaces at its end do not count, as wrapping
/// drops them. (Spaces inside were collapsed when the cell was read.)
fn natural_width(text: &str) -> usize {
    text.split(BREAK)
        .map(|line| str_width(line.trim_end_matches(' ')))
        .max()
        .unwrap_or(0)
}

/// Widest unbreakable run in a cell: a word, or a single CJK character (breakable anywhere).
fn longest_word(text: &str) -> usize {
    let mut longest = 0;
    let mut current = 0;
    for unit in text.split(BREAK).flat_map(|line| units(line).chain([" "])) {
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
fn stacked(table: &Table, header: &[Vec<Piece>], width: usize, out: &mut impl LineSink) {
    let mut any = false;
    for (i, (at, row)) in table.rows().enumerate() {
        any = true;
        if out.is_full() {
            return;
        }
        out.at(at);
        if i > 0 {
            out.line(vec![Span::styled("─".repeat(width.min(8)), theme::DIM)]);
        }
        for (col, cell) in row.iter().enumerate() {
            let mut pieces: Vec<Piece> = header.get(col).cloned().unwrap_or_default();
            pieces.push(Piece::Text(theme::TABLE_HEADER, ": ".into()));
            pieces.extend(cell.iter().cloned());
            for line in wrap(&pieces, width) {
                out.line(line);
            }
        }
    }
    if !any {
        for cell in header {
            for line in wrap(cell, width) {
                out.line(line);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::wrap::plain;

    /// A table of plain text cells, as the parser's events build it.
    fn table(header: &[&str], rows: &[&[&str]], width: usize, room: usize) -> Table {
        let mut table = Table::new(Vec::new(), width, room);
        table.start_head();
        for cell in header {
            table.text(Style::default(), cell);
            table.end_cell();
        }
        table.end_head();
        for (i, row) in rows.iter().enumerate() {
            table.start_row(i * 10);
            for cell in *row {
                table.text(Style::default(), cell);
                table.end_cell();
            }
            table.end_row();
        }
        table
    }

    fn lines(table: &Table, width: usize) -> Vec<String> {
        let mut out = Vec::new();
        render(table, width, &mut out);
        plain(&out)
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
        let table = table(
            &["k", "value"],
            &[&["a", "one two three four five six"]],
            20,
            usize::MAX,
        );
        let lines = lines(&table, 20);
        assert!(lines.iter().all(|l| str_width(l) <= 20));
        assert_eq!(
            lines,
            [
                "k │ value",
                "──┼─────────────────",
                "a │ one two three",
                "  │ four five six"
            ]
        );
    }

    #[test]
    fn longest_word_treats_breaks_and_cjk_as_breakable() {
        assert_eq!(longest_word("ab cdefg hi"), 5);
        assert_eq!(longest_word("abc\nde"), 3);
        assert_eq!(longest_word("日本語"), 2);
        assert_eq!(natural_width("  ab cd \nx"), 7);
    }

    #[test]
    fn too_many_columns_are_stacked() {
        let header: Vec<String> = (0..8).map(|i| format!("h{i}")).collect();
        let row: Vec<String> = (0..8).map(|i| format!("v{i}")).collect();
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        let row: Vec<&str> = row.iter().map(String::as_str).collect();
        let lines = lines(&table(&header, &[&row], 20, usize::MAX), 20);
        assert_eq!(lines.first().map(String::as_str), Some("h0: v0"));
        assert_eq!(lines.len(), 8);
    }

    /// Rows that could not be shown within the room are not kept, and the first of them is
    /// where the table says it stopped.
    #[test]
    fn rows_past_the_room_are_not_kept() {
        let rows: Vec<[&str; 2]> = (0..100).map(|_| ["a", "b"]).collect();
        let rows: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
        let kept = table(&["x", "y"], &rows, 40, 5);
        assert_eq!(kept.rows.len(), 5);
        assert_eq!(kept.dropped, Some(50));
        assert_eq!(
            lines(&kept, 40).len(),
            7,
            "the header, its rule and five rows"
        );
        // Stacked, each row takes a line a cell: three rows may fill five lines.
        let stacked = table(&["x", "y"], &rows, 6, 5);
        assert_eq!(stacked.rows.len(), 3);
        assert_eq!(stacked.dropped, Some(30));
    }

    #[test]
    fn hard_breaks_and_styles_survive_in_cells() {
        let bold = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let mut t = Table::new(Vec::new(), 40, usize::MAX);
        t.start_head();
        t.text(Style::default(), "a");
        t.text(bold, "b");
        t.hard_break(bold);
        t.text(bold, "c");
        t.end_cell();
        t.end_head();
        assert_eq!(t.cell_text(0), "ab\nc");
        assert_eq!(
            t.cell(0),
            [
                Piece::Text(Style::default(), "a".into()),
                Piece::Text(bold, "b".into()),
                Piece::Break,
                Piece::Text(bold, "c".into()),
            ]
        );
        assert_eq!(lines(&t, 40), ["ab", "c", "──"]);
    }
}
