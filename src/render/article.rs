//! An article laid out for reading: title, meta line, TL;DR box and body.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::badge::{bucket_badge, sentiment_score_text, sentiment_style};
use super::long_lines::cut_long_lines;
use super::text::str_width;
use super::wrap::{Piece, wrap};
use super::{Look, MIN_WIDTH, Rendered, render_markdown, theme};
use crate::address::WebAddress;
use crate::article::Article;
use crate::date::Precision;

const TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
const SEPARATOR: &str = " · ";

/// Renders `article` for reading at `width` columns in `look`; body lines longer than
/// `max_line_chars` characters are cut (see [`Limits::max_line_chars`](crate::limits::Limits)).
pub fn render_article(
    article: &Article,
    width: usize,
    max_line_chars: usize,
    look: &Look,
) -> Rendered {
    let width = width.max(MIN_WIDTH);
    let mut lines = wrapped(&[Piece::Text(TITLE, article.title.clone())], width, "", "");
    lines.extend(wrapped(&meta_line(article, look), width, "", ""));
    if !article.tags.is_empty() {
        let tags = format!("tags: {}", article.tags.join(", "));
        lines.extend(wrapped(&[Piece::Text(theme::DIM, tags)], width, "", ""));
    }
    if !article.tldr.is_empty() {
        lines.push(Line::default());
        let estimated = article.tldr_origin == Some(crate::article::Origin::Estimated);
        lines.extend(tldr_box(&article.tldr, estimated, width));
    }
    let body = cut_long_lines(article.body_without_title(), max_line_chars);
    let body = render_markdown(&body, width, &look.palette);
    if !body.lines.is_empty() {
        lines.push(Line::default());
    }
    lines.extend(body.lines);
    Rendered {
        lines,
        links: body.links,
    }
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

/// The TL;DR items as bullets in a rounded box the width of the text; an estimated one says
/// so in its title.
fn tldr_box(items: &[String], estimated: bool, width: usize) -> Vec<Line<'static>> {
    let inner = width - 4;
    // The longer title only where it fits.
    let title = match estimated && width >= 24 {
        true => "─ TL;DR (estimated) ",
        false => "─ TL;DR ",
    };
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
        let rendered = render_article(&seed(), 60, usize::MAX, &Look::default());
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
    fn no_line_is_wider_than_asked() {
        for width in [20, 33, 60, 100] {
            for line in render_article(&seed(), width, usize::MAX, &Look::default()).lines {
                assert!(line.width() <= width, "{width}: {line:?}");
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
