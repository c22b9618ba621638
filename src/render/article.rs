//! An article laid out for reading: title, meta line, TL;DR box and body.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::badge::{bucket_badge, sentiment_score_text, sentiment_style};
use super::long_lines::cut_long_lines;
use super::text::str_width;
use super::wrap::{Piece, wrap};
use super::{Lines, Look, MIN_WIDTH, Rendered, render_within, theme};
use crate::address::WebAddress;
use crate::article::Article;
use crate::date::Precision;
use crate::limits::Limits;

const TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
const SEPARATOR: &str = " · ";
/// Columns a TL;DR item takes beyond its text: the box's sides and the bullet.
const BOX_AND_BULLET: usize = 6;

/// Renders `article` for reading at `width` columns in `look`; body lines longer than
/// [`Limits::max_line_chars`] characters are cut, and the body stops after
/// [`Limits::max_rendered_lines`] lines with a note saying how much is left out.
pub fn render_article(article: &Article, width: usize, limits: &Limits, look: &Look) -> Rendered {
    render_with_title_rows(article, width, limits, look, usize::MAX)
}

/// Rows the title of an article keeps in a preview: a title of a hundred words would leave
/// no room for the meta line and the TL;DR, which are what a preview is for.
const PREVIEW_TITLE_ROWS: usize = 3;

/// [`render_article`] for a preview beside the list: the title in at most
/// [`PREVIEW_TITLE_ROWS`] rows, cut with `…`.
pub fn render_preview(article: &Article, width: usize, limits: &Limits, look: &Look) -> Rendered {
    render_with_title_rows(article, width, limits, look, PREVIEW_TITLE_ROWS)
}

fn render_with_title_rows(
    article: &Article,
    width: usize,
    limits: &Limits,
    look: &Look,
    title_rows: usize,
) -> Rendered {
    let width = width.max(MIN_WIDTH);
    let mut head = title_lines(&article.title, width, title_rows);
    head.extend(wrapped(&meta_line(article, look), width, "", ""));
    if !article.tags.is_empty() {
        let tags = format!("tags: {}", article.tags.join(", "));
        head.extend(wrapped(&[Piece::Text(theme::DIM, tags)], width, "", ""));
    }
    if !article.tldr.is_empty() {
        head.push(Line::default());
        let estimated = article.tldr_origin == Some(crate::article::Origin::Estimated);
        head.extend(tldr_box(&article.tldr, estimated, width));
    }
    let text = cut_long_lines(article.body_without_title(), limits.max_line_chars);
    let mut body = render_within(&text, width, &look.palette, limits.max_rendered_lines);
    if !body.lines.is_empty() {
        head.push(Line::default());
    }
    let head: Lines = head.into_iter().collect();
    body.lines.insert_front(&head);
    body
}

/// The title wrapped at `width` in at most `rows` rows; one that runs on is wrapped a column
/// narrower, so that the `…` after the last word kept fits.
fn title_lines(title: &str, width: usize, rows: usize) -> Vec<Line<'static>> {
    let title = [Piece::Text(TITLE, title.to_owned())];
    let all = wrapped(&title, width, "", "");
    if all.len() <= rows {
        return all;
    }
    let mut kept = wrapped(&title, width.saturating_sub(1), "", "");
    kept.truncate(rows);
    if let Some(last) = kept.last_mut() {
        last.spans.push(Span::styled("…", TITLE));
    }
    kept
}

/// `2026-02-01 06:48 · News · ft.com · ▼ Bearish/Negative 4`, before wrapping.
fn meta_line(article: &Article, look: &Look) -> Vec<Piece> {
    let mut parts: Vec<Piece> = Vec::new();
    if let Some(date) = article.date {
        let dt = date.datetime;
        let day = look.dates.day(&date);
        let shown = match date.precision {
            Precision::Day => day,
            _ => format!("{day} {:02}:{:02}", dt.hour(), dt.minute()),
        };
        parts.push(Piece::Text(Style::new(), shown));
    }
    if let Some(category) = &article.category {
        parts.push(Piece::Text(Style::new(), category.clone()));
    }
    if let Some(site) = article.source_url.as_deref().and_then(site_of) {
        parts.push(Piece::Text(theme::DIM, site));
    }
    let sentiment = &article.sentiment;
    if let Some(bucket) = sentiment.bucket {
        let label = sentiment
            .label
            .clone()
            .unwrap_or_else(|| bucket.canonical_label().to_owned());
        let score = sentiment_score_text(sentiment)
            .map(|s| format!(" {s}"))
            .unwrap_or_default();
        let estimated = match sentiment.is_estimated() {
            true => " (estimated)",
            false => "",
        };
        parts.push(Piece::Text(
            sentiment_style(sentiment, &look.palette),
            format!("{} {label}{score}{estimated}", bucket_badge(bucket)),
        ));
    } else if let Some(label) = &sentiment.label {
        parts.push(Piece::Text(Style::new(), label.clone()));
    }
    let mut pieces = Vec::with_capacity(parts.len() * 2);
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            pieces.push(Piece::Text(theme::DIM, SEPARATOR.to_owned()));
        }
        pieces.push(part);
    }
    pieces
}

/// The site of an http(s) address as a browser would open it, without `www.`; none for an
/// address a browser reads otherwise than it looks (see [`WebAddress`]).
pub fn site_of(url: &str) -> Option<String> {
    WebAddress::parse(url).ok().map(|address| address.site())
}

/// The TL;DR items as bullets in a rounded box the width of the text, or of its longest item
/// when that is narrower (and when the text is not wrapped at all); an estimated one says so
/// in its title.
fn tldr_box(items: &[String], estimated: bool, width: usize) -> Vec<Line<'static>> {
    let title = match estimated {
        true => "─ TL;DR (estimated) ",
        false => "─ TL;DR ",
    };
    let longest = items.iter().map(|item| str_width(item)).max().unwrap_or(0);
    let wanted = longest
        .saturating_add(BOX_AND_BULLET)
        .max(str_width(title) + 4);
    let width = width.min(wanted).max(MIN_WIDTH);
    // The longer title only where it fits.
    let title = match width >= str_width(title) + 4 {
        true => title,
        false => "─ TL;DR ",
    };
    let inner = width - 4;
    let mut lines = vec![Line::from(Span::styled(
        format!("╭{title}{}╮", "─".repeat(width - 2 - str_width(title))),
        theme::DIM,
    ))];
    for item in items {
        for line in wrapped(
            &[Piece::Text(Style::new(), item.clone())],
            inner,
            "• ",
            "  ",
        ) {
            let padding = " ".repeat(inner.saturating_sub(line.width()));
            let mut spans = vec![Span::styled("│ ", theme::DIM)];
            spans.extend(line.spans);
            spans.push(Span::raw(padding));
            spans.push(Span::styled(" │", theme::DIM));
            lines.push(Line::from(spans));
        }
    }
    lines.push(Line::from(Span::styled(
        format!("╰{}╯", "─".repeat(width - 2)),
        theme::DIM,
    )));
    lines
}

/// Wraps `pieces` to `width`, starting the first line with `first` and the rest with `rest`.
fn wrapped(
    pieces: &[Piece],
    width: usize,
    first: &'static str,
    rest: &'static str,
) -> Vec<Line<'static>> {
    let indent = str_width(first).max(str_width(rest));
    wrap(pieces, width.saturating_sub(indent).max(1))
        .into_iter()
        .enumerate()
        .map(|(i, spans)| {
            let prefix = if i == 0 { first } else { rest };
            let mut line = vec![Span::styled(prefix, theme::MARKER)];
            line.extend(spans);
            Line::from(line)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_article;
    use crate::reading::Reading;
    use crate::render::to_plain;

    fn unlimited() -> Limits {
        Limits {
            max_line_chars: usize::MAX,
            ..Limits::default()
        }
    }

    fn seed() -> Article {
        let bytes =
            include_bytes!("../../sample-articles/2026-02-01-russia-foreign-technology-imports.md");
        parse_article(
            bytes,
            "seed.md".into(),
            "seed.md".into(),
            &Reading::default(),
        )
        .unwrap()
    }

    #[test]
    fn lays_out_title_meta_tldr_and_body() {
        let rendered = render_article(&seed(), 60, &unlimited(), &Look::default());
        let text = to_plain(&rendered.lines);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "Russia struggles to shake reliance on foreign technology"
        );
        assert_eq!(lines[1], "imports");
        assert_eq!(
            lines[2],
            "2026-02-01 06:48 · News · ft.com · ▼ Bearish/Negative 4"
        );
        assert_eq!(lines[4], format!("╭─ TL;DR {}╮", "─".repeat(50)));
        assert!(
            lines[5].starts_with("│ • Russia is struggling to replace foreign")
                && lines[5].ends_with(" │")
        );
        assert!(
            text.contains("\n## International Sanctions\n"),
            "the body's sections follow"
        );
        assert!(
            !text.contains("Russia Struggles to Shake"),
            "the heading repeating the title is left out"
        );
        assert_eq!(rendered.links.len(), 2);
    }

    #[test]
    fn a_preview_keeps_three_rows_of_a_long_title_and_the_meta_line_and_tldr_after_it() {
        let mut article = seed();
        article.title = (0..60).map(|i| format!("word{i} ")).collect();
        for width in [20, 33, 60] {
            let text =
                to_plain(&render_preview(&article, width, &unlimited(), &Look::default()).lines);
            let lines: Vec<&str> = text.lines().collect();
            assert!(lines[2].ends_with('…'), "{width}: {text}");
            assert!(
                lines[..3].iter().all(|line| str_width(line) <= width),
                "{width}: {text}"
            );
            assert!(
                lines[3].starts_with("2026-02-01 06:48 ·"),
                "{width}: {text}"
            );
            let tldr = lines.iter().position(|line| line.starts_with("╭─ TL;DR"));
            assert!(tldr.is_some_and(|at| at <= 7), "{width}: {text}");
            let whole =
                to_plain(&render_article(&article, width, &unlimited(), &Look::default()).lines);
            assert!(whole.contains("word59"), "the reader shows all of it");
        }
        // A title that fits is not cut.
        let short = to_plain(&render_preview(&seed(), 60, &unlimited(), &Look::default()).lines);
        assert!(
            short
                .starts_with("Russia struggles to shake reliance on foreign technology\nimports\n")
        );
    }

    #[test]
    fn no_line_is_wider_than_asked() {
        for width in [20, 33, 60, 100] {
            for line in &render_article(&seed(), width, &unlimited(), &Look::default()).lines {
                assert!(
                    line.width() <= width || crate::render::holds_address(&line),
                    "{width}: {line:?}"
                );
            }
        }
    }

    #[test]
    fn finds_hosts_of_urls() {
        assert_eq!(
            site_of("https://www.ft.com/content/1").as_deref(),
            Some("ft.com")
        );
        assert_eq!(
            site_of("http://user@example.org:8080?x").as_deref(),
            Some("example.org:8080")
        );
        assert_eq!(site_of("not a url"), None);
        // Browsers open evil.example: it is not shown as Reuters.
        assert_eq!(site_of(r"https://evil.example\@www.reuters.com/"), None);
    }
}
