//! `moodwire list`: articles as a table or as JSON.

use std::io::{self, Write};

use ratatui::style::Style;
use ratatui::text::Span;

use moodwire::article::Article;
use moodwire::config::Config;
use moodwire::marks::Marks;
use moodwire::query::SortOrder;
use moodwire::query::{Place, Query};
use moodwire::render::highlight_spans;

use super::args::{ListArgs, ListFormat, SortArg};
use super::filter::query_from_args;
use super::json::ArticleJson;
use super::output::Output;
use super::settings;
use super::source::{mention_errors, open_library};
use super::style;
use super::table::{self, Cell, Column};

pub fn run(args: &ListArgs, config: &Config, output: &Output) -> anyhow::Result<()> {
    let query = query_from_args(&args.filter, &config.queries)?;
    let library = open_library(&args.library.paths, args.library.cache, config)?;
    let order = match args.sort {
        Some(SortArg::Date) => SortOrder::Date,
        Some(SortArg::Score) => SortOrder::Score,
        Some(SortArg::Title) => SortOrder::Title,
        None => config.sort,
    };
    let marks = settings::marks();
    let mut articles = library.matching_marked(&query, order, &marks);
    articles.truncate(args.limit.unwrap_or(usize::MAX));
    // Buffered: stdout is line-buffered, which would cost a system call per article.
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.format {
        ListFormat::Table => write_table(&mut out, &articles, &query, &marks, output)?,
        ListFormat::Json => {
            let items: Vec<ArticleJson> = articles
                .iter()
                .map(|a| ArticleJson::summary(a, &marks))
                .collect();
            serde_json::to_writer_pretty(&mut out, &items)?;
            writeln!(out)?;
        }
        ListFormat::Ndjson => {
            for article in &articles {
                serde_json::to_writer(&mut out, &ArticleJson::summary(article, &marks))?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    mention_errors(library);
    Ok(())
}

/// Below this terminal width the category column is left out, so that titles stay readable.
const CATEGORY_MIN_WIDTH: usize = 60;

/// The table of articles; on a terminal with colour, the words the query matched in each title
/// are marked.
fn write_table(
    out: &mut impl Write,
    articles: &[&Article],
    query: &Query,
    marks: &Marks,
    output: &Output,
) -> io::Result<()> {
    let with_category = output
        .terminal_width
        .is_none_or(|width| width >= CATEGORY_MIN_WIDTH);
    let columns = [
        Column {
            header: "",
            max_width: 2,
            right_aligned: false,
        },
        Column {
            header: "DATE",
            max_width: output.look.dates.width(),
            right_aligned: false,
        },
        Column {
            header: "SENTIMENT",
            max_width: 9,
            right_aligned: false,
        },
        Column {
            header: "CATEGORY",
            max_width: 16,
            right_aligned: false,
        },
        Column {
            header: "TITLE",
            max_width: usize::MAX,
            right_aligned: false,
        },
    ];
    let title = |article: &Article| match output.color {
        true => highlight_spans(
            &article.title,
            &query.highlights(&article.title, Place::Title),
            Style::new(),
        ),
        false => vec![Span::raw(article.title.clone())],
    };
    let rows: Vec<Vec<Cell>> = articles
        .iter()
        .map(|article| {
            vec![
                vec![style::marks_cell(marks, &article.id)],
                vec![Span::raw(
                    article
                        .date
                        .map(|d| output.look.dates.day(&d))
                        .unwrap_or_default(),
                )],
                vec![style::sentiment_cell(
                    &article.sentiment,
                    &output.look.palette,
                )],
                vec![Span::styled(
                    article.category.clone().unwrap_or_default(),
                    style::DIM,
                )],
                title(article),
            ]
        })
        .map(|mut row| {
            if !with_category {
                row.remove(3);
            }
            row
        })
        .collect();
    let mut columns = Vec::from(columns);
    if !with_category {
        columns.remove(3);
    }
    output.write_lines(out, &table::layout(&columns, &rows, output.terminal_width))
}
