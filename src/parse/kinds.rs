//! How a file's body is read, by the kind its name gives it: Markdown as written, plain text
//! as a scrape (its headline found and its page furniture left out), a saved web page as the
//! article it holds.

use std::path::Path;

use crate::frontmatter::Fields;
use crate::sanitize::{sanitize, sanitize_line};

/// What a file's name says its body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `.md`, `.markdown`, `.mdx`: Markdown, shown as written.
    Markdown,
    /// Any other text (`.txt`, `.text`, a file named directly): a scrape, whose furniture is
    /// left out.
    Text,
    /// `.html`, `.htm`: a saved web page.
    Page,
}

impl Kind {
    /// The kind of the file at `path`, by its extension in any case.
    pub fn of(path: &Path) -> Kind {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "md" | "markdown" | "mdx" => Kind::Markdown,
            "html" | "htm" => Kind::Page,
            _ => Kind::Text,
        }
    }
}

/// An article's body, with what was left out of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    /// What is shown, searched, counted and scored: the Markdown of a Markdown file, the
    /// article's own lines of a scrape, the article of a saved page as Markdown.
    pub main: String,
    /// For a saved page, `main` with each link given as its text alone and without images:
    /// the article's text, which `show --format json` gives as `body`.
    pub text: Option<String>,
    /// For a saved page, the addresses of the article's links, in order.
    pub links: Vec<String>,
    /// The lines left out of `main` as page furniture, in file order.
    pub furniture: Vec<String>,
    /// The whole text, furniture and all, for a scrape or a saved page (every visible line).
    pub whole: Option<String>,
}

impl Body {
    /// A body shown whole, as a Markdown file's is.
    pub(super) fn of(main: String) -> Body {
        Body {
            main,
            ..Body::default()
        }
    }
}

/// A file read: its fields, its title and its body.
pub(super) struct Parts {
    pub fields: Fields,
    pub title: String,
    pub body: Body,
}

/// True when `body` has Markdown's structure: a heading, a list, a fence or a link.
pub(super) fn looks_like_markdown(body: &str) -> bool {
    body.contains("](")
        || body.lines().any(|line| {
            let line = line.trim_start();
            crate::title::atx_heading_text(line).is_some_and(|t| !t.is_empty())
                || line.starts_with(['-', '*', '+']) && line[1..].starts_with(' ')
                || line.starts_with("```")
                || line.starts_with("~~~")
        })
}

/// A plain-text `body` (after any front matter, whose `fields` are given) read as a scrape.
pub(super) fn scrape(fields: Fields, body: &str, path: &Path) -> Parts {
    let scraped = crate::scrape::read(body);
    let title = titled(&fields, || scraped.title, path);
    Parts {
        fields,
        title,
        body: Body {
            main: scraped.body,
            text: None,
            links: Vec::new(),
            furniture: scraped.furniture,
            whole: Some(body.trim_start_matches('\n').to_owned()),
        },
    }
}

/// The title of a scrape, its text read only when the front matter names none.
pub(super) fn scrape_title(fields: &Fields, body: &str, path: &Path) -> String {
    titled(fields, || crate::scrape::read(body).title, path)
}

/// The front matter's title, else the scrape's `headline`, else the file's name.
fn titled(fields: &Fields, headline: impl FnOnce() -> Option<String>, path: &Path) -> String {
    fields
        .title
        .clone()
        .or_else(headline)
        .unwrap_or_else(|| super::file_stem(path))
}

/// The saved page `html` (already cleaned of control characters, which its character
/// references may bring back, so that what it gives is cleaned again).
pub(super) fn page(html: &str, path: &Path) -> Parts {
    let page = crate::page::read(html);
    let mut fields = Fields {
        date: page.date,
        source_url: page.source_url.map(|url| sanitize_line(&url)),
        ..Fields::default()
    };
    if let Some(author) = page.author {
        fields
            .extra
            .push(("author".to_owned(), sanitize_line(&author)));
    }
    let title = page
        .title
        .map(|title| sanitize_line(&title))
        .filter(|title| !title.is_empty())
        .unwrap_or_else(|| super::file_stem(path));
    Parts {
        fields,
        title,
        body: Body {
            main: sanitize(&page.body),
            text: Some(sanitize(&page.text)),
            links: page.links.iter().map(|l| sanitize_line(l)).collect(),
            furniture: page.furniture.iter().map(|l| sanitize_line(l)).collect(),
            whole: Some(sanitize(&page.whole)),
        },
    }
}
