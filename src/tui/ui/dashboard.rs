//! The dashboard: how the shown articles divide by sentiment, how sentiment moved week by
//! week, and which categories they come from.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, Borders, Paragraph, Widget};

use crate::article::Bucket;
use crate::render::{ESTIMATE_MARK, NO_SENTIMENT, Palette, bucket_badge, bucket_style};
use crate::tui::model::stats::Stats;
use crate::tui::ui::theme;

use super::text::{fit, thousands};

/// From this width the sentiment and the categories stand side by side.
const SIDE_BY_SIDE: u16 = 80;
/// Each week's bar and the gap after it.
const BAR_WIDTH: u16 = 3;
const BAR_GAP: u16 = 1;

pub struct Dashboard<'a> {
    pub stats: &'a Stats,
    pub palette: &'a Palette,
}

impl Widget for Dashboard<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (stats, palette) = (self.stats, self.palette);
        let categories_height = stats.categories.len().max(1) as u16 + 1;
        let top_height = if area.width >= SIDE_BY_SIDE {
            categories_height.max(5)
        } else {
            5
        };
        let [top, weeks, bottom] = Layout::vertical([
            Constraint::Length(top_height),
            Constraint::Fill(1),
            Constraint::Length(if area.width >= SIDE_BY_SIDE {
                0
            } else {
                categories_height
            }),
        ])
        .areas(area);
        if area.width >= SIDE_BY_SIDE {
            let [left, right] =
                Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(top);
            buckets(stats, left, buf, palette);
            categories(stats, right, buf, palette);
        } else {
            buckets(stats, top, buf, palette);
            categories(stats, bottom, buf, palette);
        }
        weekly(stats, weeks, buf, palette);
    }
}

fn titled(title: String) -> Block<'static> {
    Block::new()
        .borders(Borders::TOP)
        .border_style(theme::BORDER)
        .title(Span::styled(format!(" {title} "), theme::TITLE))
}

/// Horizontal bars, one per bucket and one for articles in none. The part of a bucket that is
/// there by estimate is drawn dimmed and shaded, and counted after a `~`, so that estimates
/// never pass for what files say.
fn buckets(stats: &Stats, area: Rect, buf: &mut Buffer, palette: &Palette) {
    let estimated: usize = stats.estimated.iter().sum();
    let title = match estimated {
        0 => format!("Sentiment of {} articles", thousands(stats.articles)),
        n => format!(
            "Sentiment of {} articles, {ESTIMATE_MARK}{} estimated",
            thousands(stats.articles),
            thousands(n)
        ),
    };
    let block = titled(title);
    let inner = block.inner(area);
    block.render(area, buf);
    let mut rows: Vec<Row> = Bucket::ALL
        .iter()
        .zip(stats.buckets.iter().zip(stats.estimated))
        .map(|(&bucket, (&count, estimated))| Row {
            badge: Span::styled(bucket_badge(bucket), bucket_style(bucket, palette)),
            name: bucket.as_str(),
            count,
            estimated,
        })
        .collect();
    rows.push(Row {
        badge: Span::styled(NO_SENTIMENT, theme::DIM),
        name: "none",
        count: stats.none,
        estimated: 0,
    });
    let largest = rows.iter().map(|r| r.count).max().unwrap_or(0).max(1);
    let bar_room = usize::from(inner.width).saturating_sub(35);
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|row| {
            let share = row.count * 100 / stats.articles.max(1);
            let style = row.badge.style;
            let bar = row.count * bar_room / largest;
            let shaded = row.estimated * bar_room / largest;
            let estimated = match row.estimated {
                0 => String::new(),
                n => format!("{ESTIMATE_MARK}{}", thousands(n)),
            };
            Line::from(vec![
                Span::raw(" "),
                row.badge,
                Span::raw(format!(" {:<9}", row.name)),
                Span::styled(
                    format!("{:>7} {share:>3}% {estimated:>5} ", thousands(row.count)),
                    theme::DIM,
                ),
                Span::styled("█".repeat(bar - shaded), style),
                Span::styled("▒".repeat(shaded), style.patch(theme::DIM)),
            ])
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// One bar of the sentiment chart.
struct Row {
    badge: Span<'static>,
    name: &'static str,
    count: usize,
    /// How many of `count` are estimates.
    estimated: usize,
}

fn categories(stats: &Stats, area: Rect, buf: &mut Buffer, palette: &Palette) {
    let block = titled("Top categories".to_owned());
    let inner = block.inner(area);
    block.render(area, buf);
    if stats.categories.is_empty() {
        Paragraph::new(" none").style(theme::DIM).render(inner, buf);
        return;
    }
    let largest = stats.categories.first().map_or(1, |c| c.1).max(1);
    let name_width = 18;
    let bar_room = usize::from(inner.width).saturating_sub(name_width + 10);
    let lines: Vec<Line> = stats
        .categories
        .iter()
        .map(|(name, n)| {
            let mut spans = fit(vec![Span::raw(format!(" {name}"))], name_width);
            let used: usize = spans.iter().map(Span::width).sum();
            spans.push(Span::raw(" ".repeat(name_width.saturating_sub(used))));
            spans.push(Span::styled(format!("{:>7} ", thousands(*n)), theme::DIM));
            spans.push(Span::styled(
                "▇".repeat(n * bar_room / largest),
                theme::accent(palette),
            ));
            Line::from(spans)
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// The mean score of each week, as many of the latest weeks as fit, coloured by the bucket
/// the mean falls in.
fn weekly(stats: &Stats, area: Rect, buf: &mut Buffer, palette: &Palette) {
    let fits = usize::from(area.width / (BAR_WIDTH + BAR_GAP)).max(1);
    let weeks = &stats.weeks[stats.weeks.len().saturating_sub(fits)..];
    let title = match (weeks.first(), weeks.last()) {
        (Some(first), Some(last)) => format!(
            "Mean score per week (1 to 10), {} to {}",
            first.label, last.label
        ),
        _ => "Mean score per week: no dated, scored articles".to_owned(),
    };
    let block = titled(title);
    let bars: Vec<Bar> = weeks
        .iter()
        .map(|week| {
            Bar::new((week.mean * 10.0).round() as u64)
                .text_value(format!("{:.1}", week.mean))
                .style(bucket_style(week.bucket, palette))
                .value_style(theme::SELECTED)
        })
        .collect();
    BarChart::vertical(bars)
        .block(block)
        .bar_width(BAR_WIDTH)
        .bar_gap(BAR_GAP)
        .max(100)
        .render(area, buf);
}
