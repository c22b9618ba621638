//! What a page says about itself, read from the page before its article is taken out: its
//! address (`<link rel="canonical">`, else `og:url`), when it was published and its headline.
//! Readability ports find a date on about half the pages that have one and take the title
//! from `<title>` (often with the site's name), so these are looked for here.

use dom_query::Document;

use crate::date::ArticleDate;

/// The page's address: its canonical link, else its `og:url`, when it is an http(s) address.
pub fn address(doc: &Document) -> Option<String> {
    let canonical = doc
        .select("link[rel=canonical]")
        .iter()
        .filter_map(|link| link.attr("href"))
        .map(|href| href.trim().to_owned())
        .find(|href| is_web_address(href));
    canonical
        .or_else(|| meta_content(doc, &["og:url", "twitter:url"]).filter(|u| is_web_address(u)))
}

fn is_web_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.contains(char::is_whitespace)
        && url.len() > 10
}

/// The `content` of the first `<meta>` whose `property`, `name` or `itemprop` is one of
/// `names`, in the order of `names`.
fn meta_content(doc: &Document, names: &[&str]) -> Option<String> {
    let metas = doc.select("meta");
    names.iter().find_map(|wanted| {
        metas.iter().find_map(|meta| {
            let named = ["property", "name", "itemprop"].iter().any(|key| {
                meta.attr(key)
                    .is_some_and(|value| value.trim().eq_ignore_ascii_case(wanted))
            });
            named
                .then(|| meta.attr("content"))
                .flatten()
                .map(|c| c.trim().to_owned())
                .filter(|c| !c.is_empty())
        })
    })
}

/// When the page was published: the date Readability found (JSON-LD `datePublished`,
/// `article:published_time`), else other metadata, else the first `<time datetime>`, else a
/// date in its address.
pub fn date(doc: &Document, found: Option<&str>, address: Option<&str>) -> Option<ArticleDate> {
    let from_meta = || {
        meta_content(
            doc,
            &[
                "article:published_time",
                "datePublished",
                "og:published_time",
                "publish-date",
                "pubdate",
                "date",
                "dc.date",
                "dc.date.issued",
                "sailthru.date",
            ],
        )
    };
    let from_time = || {
        doc.select("time[datetime]")
            .iter()
            .find_map(|time| time.attr("datetime").map(|d| d.to_string()))
    };
    found
        .and_then(parse_date)
        .or_else(|| from_meta().as_deref().and_then(parse_date))
        .or_else(|| from_time().as_deref().and_then(parse_date))
        .or_else(|| address.and_then(date_in_address))
}

/// A date as pages write them: ISO 8601 in its usual shapes, or its day alone.
pub fn parse_date(text: &str) -> Option<ArticleDate> {
    let text = text.trim();
    if let Ok(date) = ArticleDate::parse(text) {
        return Some(date);
    }
    // `2024-03-05T10:00:00.000Z`, `2024-03-05T10:00:00+0000`: the time to the second.
    if let Some(seconds) = text
        .get(..19)
        .filter(|t| t.as_bytes().get(10) == Some(&b'T'))
        && let Ok(date) = ArticleDate::parse(seconds)
    {
        return Some(date);
    }
    text.get(..10).and_then(|day| ArticleDate::parse(day).ok())
}

/// A date in an address's path: `/2024/03/05/` or `/2024-03-05`.
pub fn date_in_address(address: &str) -> Option<ArticleDate> {
    let path = address.split_once("://").map_or(address, |(_, rest)| rest);
    let parts: Vec<&str> = path.split(['/', '?', '#']).collect();
    for window in parts.windows(3) {
        let [year, month, day] = window else { continue };
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if digits(year, 4)
            && digits(month, 2)
            && digits(day, 2)
            && let Ok(date) = ArticleDate::parse(&format!("{year}-{month}-{day}"))
        {
            return Some(date);
        }
    }
    parts.iter().find_map(|part| {
        (0..part.len().saturating_sub(9)).find_map(|at| {
            let candidate = part.get(at..at + 10)?;
            let shaped = candidate.as_bytes().get(4) == Some(&b'-')
                && candidate.as_bytes().get(7) == Some(&b'-')
                && candidate.starts_with("20");
            shaped.then(|| ArticleDate::parse(candidate).ok()).flatten()
        })
    })
}

/// The headline: an `<h1>` that shares most of its words with the page's title (which often
/// carries the site's name too), else the title Readability made from `<title>`.
pub fn headline(doc: &Document, readability_title: &str) -> Option<String> {
    let page_title = meta_content(doc, &["og:title", "twitter:title"])
        .unwrap_or_else(|| readability_title.to_owned());
    let title_words: Vec<String> = crate::words::words(&page_title)
        .chain(crate::words::words(readability_title))
        .map(|w| w.into_owned())
        .collect();
    let h1 = doc.select("h1").iter().find_map(|h1| {
        let text = h1.text().split_whitespace().collect::<Vec<_>>().join(" ");
        let words: Vec<String> = crate::words::words(&text).map(|w| w.into_owned()).collect();
        let shared = words.iter().filter(|w| title_words.contains(w)).count();
        (words.len() >= 2 && shared * 2 >= words.len() && text.chars().count() <= 300)
            .then_some(text)
    });
    h1.or_else(|| Some(readability_title.trim().to_owned()).filter(|t| !t.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_in_the_shapes_pages_write() {
        for (text, iso) in [
            ("2024-03-05T10:00:00Z", "2024-03-05T10:00:00Z"),
            ("2024-03-05T10:00:00.000Z", "2024-03-05T10:00:00.000Z"),
            ("2024-03-05", "2024-03-05"),
        ] {
            assert_eq!(
                parse_date(text).map(|d| d.to_iso()).as_deref(),
                Some(iso),
                "{text}"
            );
        }
        assert_eq!(
            date_in_address("https://example.com/news/2023/11/02/story").map(|d| d.to_iso()),
            Some("2023-11-02".to_owned())
        );
        assert_eq!(
            date_in_address("https://example.com/2023-11-02-story.html").map(|d| d.to_iso()),
            Some("2023-11-02".to_owned())
        );
        assert!(date_in_address("https://example.com/about").is_none());
    }
}
