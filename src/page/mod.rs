//! Saved web pages (`.html`, `.htm`): the article a page holds, without its menus, footers,
//! comment forms and advertisements, as Markdown; its headline, date, author and address; and
//! the page's other visible lines, left out as furniture but kept for `show --all`.
//!
//! The article is found by `dom_smoothie`, a port of Readability.js (README, "Dependencies",
//! says why that one), and written as Markdown by a walk of our own (`page/markdown.rs`). Pages are
//! guarded first (`page/guard.rs`): one nested too deeply to parse safely is read as plain text.

mod edges;
mod fragment;
mod guard;
mod markdown;
mod meta;
mod streamed;
mod table;
mod visible;
mod walk;

use dom_smoothie::{Config, Readability, TextMode};
use rustc_hash::FxHashSet;

use crate::date::ArticleDate;

pub use fragment::{Fragment, fragment};

/// The text of a short piece of HTML, such as an Atom title of type `html`: tags dropped,
/// scripts and styles with their content, character references decoded. Read without
/// parsing, so it costs nothing to call for every item of a feed.
pub fn plain_text(html: &str) -> String {
    guard::strip_tags(html)
}

/// Pages nested deeper than this are parsed on a thread of their own with a large stack
/// (parsing and taking the article out recurse through some of the tree); shallower ones, nearly
/// all, on the calling thread.
const INLINE_DEPTH: usize = 200;
/// The stack of that thread: room for [`guard::MAX_DEPTH`] levels many times over.
const DEEP_STACK_BYTES: usize = 256 << 20;
/// The element dom_smoothie puts the article it found in (`readability-page-1` in
/// Readability.js); the first of that name, as it serialises it.
const CONTENT: &str = "#readability-page-1";

/// What a saved page reads as.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The headline, if the page has one.
    pub title: Option<String>,
    /// When it was published, if the page says.
    pub date: Option<ArticleDate>,
    /// Who wrote it, if the page says.
    pub author: Option<String>,
    /// Its canonical address, else its `og:url`.
    pub source_url: Option<String>,
    /// The article as Markdown, with links.
    pub body: String,
    /// The same Markdown with each link given as its text alone, and without images.
    pub text: String,
    /// The addresses of the article's links, in order.
    pub links: Vec<String>,
    /// The page's visible lines that are not the article's (nor its headline).
    pub furniture: Vec<String>,
    /// Every visible line of the page.
    pub whole: String,
}

/// Reads the saved page `html`. Never fails: a page with no article found in it is read as the
/// plain text of its visible lines.
pub fn read(html: &str) -> Page {
    read_at(html, None)
}

/// Reads the page `html` fetched from `address`: its relative links are made absolute against
/// that address (or the page's `<base>`, read against it), since the article file written from
/// it no longer sits where the page did.
pub fn read_at(html: &str, address: Option<&str>) -> Page {
    let depth = guard::nesting_depth(html);
    if depth > guard::MAX_DEPTH {
        return from_lines(guard::strip_tags(html).lines().map(str::to_owned).collect());
    }
    if depth <= INLINE_DEPTH {
        return extract(html, address, INLINE_DEPTH);
    }
    let deep = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("moodwire-page".to_owned())
            .stack_size(DEEP_STACK_BYTES)
            .spawn_scoped(scope, || extract(html, address, guard::MAX_DEPTH))
            .ok()
            .and_then(|thread| thread.join().ok())
    });
    deep.unwrap_or_else(|| from_lines(guard::strip_tags(html).lines().map(str::to_owned).collect()))
}

/// The article of a page nested no deeper than `max_depth` (at most [`guard::MAX_DEPTH`]),
/// which the parts of a streamed page are placed within.
fn extract(html: &str, address: Option<&str>, max_depth: usize) -> Page {
    let config = Config {
        text_mode: TextMode::Raw,
        ..Config::default()
    };
    // An address that is not absolute would be refused: the page is then read without one.
    let address = address.filter(|a| url::Url::parse(a).is_ok());
    let doc = dom_query::Document::from(html);
    streamed::put_in_place(html, &doc, max_depth);
    let Ok(mut readability) = Readability::with_document(doc, address, Some(config)) else {
        return from_lines(guard::strip_tags(html).lines().map(str::to_owned).collect());
    };
    let (whole, found) = visible::visible_lines(&readability.doc.root());
    let source_url = meta::address(&found);
    let readability_title = readability.get_article_title().to_string();
    let title = meta::headline(&found, &readability_title);
    let dates_before = meta::date(&found);
    // A page with no article in it is read as its visible lines, keeping what its head says.
    let without_article = |whole| Page {
        date: dates_before,
        source_url: source_url.clone(),
        ..titled(from_lines(whole), title.clone())
    };
    let Ok(article) = readability.parse() else {
        return without_article(whole);
    };
    // The article as dom_smoothie left it in its document, rather than its serialised copy
    // (`article.content`) parsed again: that second parse cost about a twentieth of a page's
    // reading.
    let content = readability.doc.select_single(CONTENT);
    let Some(node) = content.nodes().first() else {
        return without_article(whole);
    };
    let converted = markdown::convert(node);
    if converted.lines.is_empty() {
        return without_article(whole);
    }
    let title = title.or_else(|| Some(article.title.clone()).filter(|t| !t.trim().is_empty()));
    let date = article
        .published_time
        .as_deref()
        .and_then(meta::parse_date)
        .or(dates_before)
        .or_else(|| source_url.as_deref().and_then(meta::date_in_address));
    let (body, text) = match &title {
        Some(title) => (
            without_leading_title(&converted.markdown, title),
            without_leading_title(&converted.text, title),
        ),
        None => (converted.markdown.clone(), converted.text.clone()),
    };
    let (body, _) = edges::trim(body);
    let (text, about) = edges::trim(text);
    let about: FxHashSet<String> = about.iter().map(|line| key(line)).collect();
    // A table's row is one line of the article and one visible line a cell: each cell of a
    // row kept is kept too.
    let kept: FxHashSet<String> = converted
        .lines
        .iter()
        .chain(title.as_ref())
        .flat_map(|line| {
            let cells = line.contains(" | ").then(|| line.split(" | "));
            std::iter::once(line.as_str()).chain(cells.into_iter().flatten())
        })
        .map(key)
        .filter(|line| !about.contains(line))
        .collect();
    let mut line_key = String::new();
    let furniture = whole
        .iter()
        .filter(|line| {
            key_into(line, &mut line_key);
            !kept.contains(&line_key)
        })
        .cloned()
        .collect();
    Page {
        title,
        date,
        author: article
            .byline
            .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|b| !b.is_empty() && b.chars().count() <= 200),
        source_url,
        body,
        text,
        links: converted.links,
        furniture,
        whole: whole.join("\n\n"),
    }
}

/// `page` given the `title` its head names when its text gave none (a page with only a
/// `<title>`).
fn titled(page: Page, title: Option<String>) -> Page {
    Page {
        title: page.title.or(title),
        ..page
    }
}

/// A page read as the plain text of its visible `lines`, as a scrape is read.
fn from_lines(lines: Vec<String>) -> Page {
    let lines: Vec<String> = lines
        .into_iter()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    let whole = lines.join("\n\n");
    let scraped = crate::scrape::read(&whole);
    Page {
        title: scraped.title,
        body: scraped.body.clone(),
        text: scraped.body,
        furniture: scraped.furniture,
        whole,
        ..Page::default()
    }
}

/// What tells two lines apart: their letters and digits, lowercased, each run of other
/// characters as one space.
fn key(line: &str) -> String {
    let mut key = String::with_capacity(line.len());
    key_into(line, &mut key);
    key
}

/// [`key`] written into `key`, so that a page's lines can be keyed one after another in one
/// allocation. Characters of ASCII, nearly all of a page's, are judged and lowercased without
/// Unicode's tables.
fn key_into(line: &str, key: &mut String) {
    key.clear();
    // A run of other characters is written as its space only when a letter or digit follows
    // it, so that the key neither starts nor ends with one.
    let mut space = false;
    for c in line.chars() {
        let alphanumeric = match c.is_ascii() {
            true => c.is_ascii_alphanumeric(),
            false => c.is_alphanumeric(),
        };
        if !alphanumeric {
            space = !key.is_empty();
            continue;
        }
        if space {
            key.push(' ');
            space = false;
        }
        match c.is_ascii() {
            true => key.push(c.to_ascii_lowercase()),
            false => key.extend(c.to_lowercase()),
        }
    }
}

/// `markdown` without a first heading that repeats `title`.
fn without_leading_title(markdown: &str, title: &str) -> String {
    let Some(first) = markdown.lines().next() else {
        return String::new();
    };
    let heading = crate::title::atx_heading_text(first);
    match heading {
        Some(heading) if key(heading) == key(title) => {
            markdown[first.len()..].trim_start_matches('\n').to_owned()
        }
        _ => markdown.to_owned(),
    }
}

#[cfg(test)]
mod tests;
