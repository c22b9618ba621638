//! Tables of data in an article (results, prices, a timetable) written as Markdown tables,
//! which the reader lays out in columns. A table used to lay a page out, or one whose cells
//! hold paragraphs, lists or other tables, is not one: its rows stay paragraphs.

use dom_query::NodeRef;

/// A cell holding more characters than this is prose, not a datum.
const MAX_CELL_CHARS: usize = 300;
/// Tables with more rows or columns than these are no table to read in a terminal, and
/// laying one out in columns holds every cell at once: their rows stay paragraphs.
const MAX_ROWS: usize = 2_000;
const MAX_COLUMNS: usize = 40;

/// Elements a cell of data does not hold.
const NOT_IN_DATA: [&str; 12] = [
    "table",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "form",
];

/// Whether `table` holds data: two rows or more, one of them of two cells or more, within
/// [`MAX_ROWS`] and [`MAX_COLUMNS`], no cell longer than [`MAX_CELL_CHARS`], and nothing in
/// it that is not a datum ([`NOT_IN_DATA`]).
pub fn is_data_table(table: &NodeRef) -> bool {
    let (mut rows, mut widest) = (0, 0);
    for node in table.descendants_it().filter(NodeRef::is_element) {
        let name = node.node_name().map(|n| n.to_ascii_lowercase());
        match name.as_deref() {
            Some("tr") => {
                rows += 1;
                let cells = (node.element_children().iter())
                    .filter(|cell| cell.has_name("td") || cell.has_name("th"))
                    .count();
                widest = widest.max(cells);
                if rows > MAX_ROWS || widest > MAX_COLUMNS {
                    return false;
                }
            }
            Some("td" | "th") if node.text().chars().count() > MAX_CELL_CHARS => return false,
            Some(name) if NOT_IN_DATA.contains(&name) => return false,
            _ => {}
        }
    }
    rows >= 2 && widest >= 2
}

/// A cell as the article's Markdown, its text and its plain text give it.
#[derive(Debug, Default, Clone)]
pub struct Cell {
    pub markdown: String,
    pub text: String,
    pub plain: String,
}

/// The rows of a data table being read.
#[derive(Debug, Default)]
pub struct Rows {
    rows: Vec<Vec<Cell>>,
}

impl Rows {
    pub fn start_row(&mut self) {
        self.rows.push(Vec::new());
    }

    pub fn push_cell(&mut self, cell: Cell) {
        match self.rows.last_mut() {
            Some(row) => row.push(cell),
            None => self.rows.push(vec![cell]),
        }
    }

    /// The table as Markdown and as text, the first row its header; `None` when no row has a
    /// cell with something in it.
    pub fn written(&self) -> Option<(String, String)> {
        let rows: Vec<&Vec<Cell>> = (self.rows.iter())
            .filter(|row| row.iter().any(|cell| !cell.plain.trim().is_empty()))
            .collect();
        let columns = rows.iter().map(|row| row.len()).max()?;
        let write = |content: fn(&Cell) -> &str| {
            let mut out = String::new();
            for (at, row) in rows.iter().enumerate() {
                if at == 1 {
                    out.push_str(&"| --- ".repeat(columns));
                    out.push_str("|\n");
                }
                for column in 0..columns {
                    out.push_str("| ");
                    out.push_str(row.get(column).map_or("", content));
                    out.push(' ');
                }
                out.push_str("|\n");
            }
            if rows.len() == 1 {
                out.push_str(&"| --- ".repeat(columns));
                out.push_str("|\n");
            }
            out
        };
        Some((write(|cell| &cell.markdown), write(|cell| &cell.text)))
    }

    /// Each row's plain text, its cells joined by ` | `, then each line of each cell: the
    /// page's visible lines that are the table's are one of them.
    pub fn plain_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for row in &self.rows {
            let cells: Vec<String> = row
                .iter()
                .map(|cell| cell.plain.replace('\n', " "))
                .collect();
            let line = cells.join(" | ");
            if !line.trim_matches([' ', '|']).is_empty() {
                lines.push(line);
            }
            let each = row.iter().flat_map(|cell| cell.plain.lines());
            lines.extend(each.filter(|l| !l.is_empty()).map(str::to_owned));
        }
        lines
    }
}
