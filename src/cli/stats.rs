//! `moodwire stats`: how a library divides by sentiment, label, category, score and month.

use std::collections::BTreeMap;
use std::io::{self, Write};

use ratatui::text::{Line, Span};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use unicode_width::UnicodeWidthStr;

use moodwire::article::{Article, Bucket, Scale};
use moodwire::config::Config;
use moodwire::query::SortOrder;

use super::args::{StatsArgs, StatsFormat};
use super::filter::query_from_args;
use super::output::Output;
use super::source::{mention_errors, open_library};
use super::style::{self, Palette};

/// The longest bar, in columns.
const BAR_WIDTH: usize = 30;

/// Counts in the order they should be shown.
#[derive(Debug, Default, PartialEq)]
struct Counts(Vec<(String, usize)>);

impl Serialize for Counts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, count) in &self.0 {
            map.serialize_entry(key, count)?;
        }
        map.end()
    }
}

#[derive(Debug, Serialize)]
struct Stats {
    articles: usize,
    /// positive, neutral, negative and untagged, estimates included.
    sentiment: Counts,
    /// How many of the articles have an estimated sentiment (their files carry none).
    estimated: usize,
    /// Labels as written in the files, most frequent first.
    labels: Counts,
    /// Most frequent first; articles without a category are not counted.
    categories: Counts,
    /// Whole-number bins of the 1 to 10 scale: a score of 7.5 counts under 7.
    scores: Counts,
    scores_outside_scale: usize,
    unscored: usize,
    /// Chronological, as YYYY-MM.
    months: Counts,
    undated: usize,
}

impl Stats {
    fn of(articles: &[&Article]) -> Stats {
        let mut buckets = BTreeMap::new();
        let mut labels = BTreeMap::new();
        let mut categories = BTreeMap::new();
        let mut scores = [0usize; 10];
        let (mut outside, mut unscored, mut undated, mut estimated) = (0, 0, 0, 0);
        let mut months = BTreeMap::new();
        for article in articles {
            *buckets.entry(article.sentiment.bucket).or_insert(0) += 1;
            estimated += usize::from(article.sentiment.is_estimated());
            if let Some(label) = article
                .sentiment
                .label
                .as_ref()
                .filter(|_| !article.sentiment.is_untagged())
            {
                *labels.entry(label.clone()).or_insert(0) += 1;
            }
            if let Some(category) = &article.category {
                *categories.entry(category.clone()).or_insert(0) += 1;
            }
            match article.sentiment.score {
                Some(score) if (1.0..=10.0).contains(&score) => {
                    scores[(score.floor() as usize).clamp(1, 10) - 1] += 1
                }
                Some(_) => outside += 1,
                None => unscored += 1,
            }
            match article.date {
                Some(date) => {
                    *months
                        .entry(format!(
                            "{:04}-{:02}",
                            date.date().year(),
                            date.date().month()
                        ))
                        .or_insert(0) += 1
                }
                None => undated += 1,
            }
        }
        let bucket_count = |b: Option<Bucket>| buckets.get(&b).copied().unwrap_or(0);
        let mut sentiment: Vec<(String, usize)> = Bucket::ALL
            .iter()
            .map(|&b| (b.as_str().to_owned(), bucket_count(Some(b))))
            .collect();
        sentiment.push(("untagged".to_owned(), bucket_count(None)));
        Stats {
            articles: articles.len(),
            sentiment: Counts(sentiment),
            estimated,
            labels: most_frequent_first(labels),
            categories: most_frequent_first(categories),
            scores: Counts((1..=10).map(|n| (n.to_string(), scores[n - 1])).collect()),
            scores_outside_scale: outside,
            unscored,
            months: Counts(months.into_iter().collect()),
            undated,
        }
    }
}

fn most_frequent_first(counts: BTreeMap<String, usize>) -> Counts {
    let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Counts(counts)
}

pub fn run(args: &StatsArgs, config: &Config, output: &Output) -> anyhow::Result<()> {
    let query = query_from_args(&args.filter, &config.queries)?;
    let library = open_library(&args.library.paths, args.library.cache, config)?;
    let articles = library.matching_marked(&query, SortOrder::Date, &super::settings::marks());
    let stats = Stats::of(&articles);
    let mut out = io::stdout().lock();
    match args.format {
        StatsFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &stats)?;
            writeln!(out)?;
        }
        StatsFormat::Table => {
            let lines = table(&stats, config.scale, &output.look.palette);
            output.write_lines(&mut out, &lines)?
        }
    }
    out.flush()?;
    mention_errors(library);
    Ok(())
}

/// The counts with bars, in `palette`; scores are coloured by the bucket `scale` puts them in.
fn table(stats: &Stats, scale: Scale, palette: &Palette) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        match stats.articles {
            1 => "1 article".to_owned(),
            n => format!("{n} articles"),
        },
        style::BOLD,
    ))];
    let styled_bucket = |name: &str| {
        Bucket::from_name(name)
            .map(|bucket| style::bucket_style(bucket, palette))
            .unwrap_or(style::DIM)
    };
    section(&mut lines, "Sentiment", &stats.sentiment, styled_bucket);
    if stats.estimated > 0 {
        lines.push(Line::from(Span::styled(
            format!(
                "  {} of these estimated (their files carry none)",
                stats.estimated
            ),
            style::DIM,
        )));
    }
    section(&mut lines, "Labels", &stats.labels, |label| {
        Bucket::from_label(label)
            .map(|bucket| style::bucket_style(bucket, palette))
            .unwrap_or_default()
    });
    section(&mut lines, "Categories", &stats.categories, |_| {
        Default::default()
    });
    let mut scores = stats.scores.0.clone();
    if stats.unscored > 0 {
        scores.push(("none".to_owned(), stats.unscored));
    }
    if stats.scores_outside_scale > 0 {
        scores.push(("outside 1-10".to_owned(), stats.scores_outside_scale));
    }
    section(&mut lines, "Scores", &Counts(scores), |score| {
        score
            .parse::<f64>()
            .map(|s| style::bucket_style(scale.bucket(s), palette))
            .unwrap_or(style::DIM)
    });
    let mut months = stats.months.0.clone();
    if stats.undated > 0 {
        months.push(("undated".to_owned(), stats.undated));
    }
    section(&mut lines, "Months", &Counts(months), |_| {
        Default::default()
    });
    lines
}

fn section(
    lines: &mut Vec<Line<'static>>,
    title: &str,
    counts: &Counts,
    style_of: impl Fn(&str) -> ratatui::style::Style,
) {
    if counts.0.is_empty() {
        return;
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(title.to_owned(), style::BOLD)));
    let name_width = counts
        .0
        .iter()
        .map(|(name, _)| name.width())
        .max()
        .unwrap_or(0)
        .min(24);
    let count_width = counts
        .0
        .iter()
        .map(|(_, n)| n.to_string().len())
        .max()
        .unwrap_or(1);
    let largest = counts.0.iter().map(|(_, n)| *n).max().unwrap_or(0);
    for (name, count) in &counts.0 {
        let shown = super::table::truncate(name, name_width);
        let padding = " ".repeat(name_width.saturating_sub(shown.width()));
        lines.push(Line::from(vec![
            Span::raw(format!("  {shown}{padding}  {count:>count_width$}  ")),
            Span::styled(bar(*count, largest), style_of(name)),
        ]));
    }
}

/// A bar of `count` relative to `largest`, in eighths of a column.
fn bar(count: usize, largest: usize) -> String {
    const PARTIAL: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    if largest == 0 {
        return String::new();
    }
    let eighths = (count * BAR_WIDTH * 8).div_ceil(largest);
    let mut bar = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        bar.push(PARTIAL[eighths % 8]);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_count() {
        assert_eq!(bar(10, 10).chars().count(), BAR_WIDTH);
        assert_eq!(bar(5, 10), "█".repeat(BAR_WIDTH / 2));
        assert_eq!(bar(1, 240), "▏");
        assert_eq!(bar(0, 10), "");
        assert_eq!(bar(0, 0), "");
    }
}
