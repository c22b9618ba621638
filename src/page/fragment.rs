//! A piece of HTML that is all article (a feed item's content or summary) as Markdown: the
//! whole of it, with no article to look for, its relative links made absolute (images are
//! left out, as from every page). Guarded as a
//! page is: one nested too deeply to parse safely is read as its text.

use dom_query::Document;
use url::Url;

use super::{DEEP_STACK_BYTES, INLINE_DEPTH, guard, markdown};

/// A fragment converted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fragment {
    /// Markdown for display, with links.
    pub markdown: String,
    /// The same Markdown with each link given as its text alone, and without images.
    pub text: String,
}

/// Converts `html` to Markdown; links with a relative address are resolved
/// against `base` (the item's address, else the feed's), when it is given.
pub fn fragment(html: &str, base: Option<&str>) -> Fragment {
    let depth = guard::nesting_depth(html);
    if depth > guard::MAX_DEPTH {
        return flat(html);
    }
    if depth <= INLINE_DEPTH {
        return convert(html, base);
    }
    let deep = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("moodwire-fragment".to_owned())
            .stack_size(DEEP_STACK_BYTES)
            .spawn_scoped(scope, || convert(html, base))
            .ok()
            .and_then(|thread| thread.join().ok())
    });
    deep.unwrap_or_else(|| flat(html))
}

fn convert(html: &str, base: Option<&str>) -> Fragment {
    let doc = Document::from(html);
    if let Some(base) = base.and_then(|b| Url::parse(b).ok()) {
        absolute(&doc, &base, "a[href]", "href");
    }
    let converted = markdown::convert(&doc.root());
    if converted.markdown.trim().is_empty() {
        // Nothing but text the walk passes over (or nothing at all): what a reader sees.
        return flat(html);
    }
    Fragment {
        markdown: converted.markdown,
        text: converted.text,
    }
}

/// Rewrites the `attribute` of each element `selector` finds to an absolute address.
fn absolute(doc: &Document, base: &Url, selector: &str, attribute: &str) {
    for node in doc.select(selector).nodes() {
        let Some(value) = node.attr(attribute) else {
            continue;
        };
        let value = value.trim();
        if value.starts_with('#') || Url::parse(value).is_ok() {
            continue;
        }
        if let Ok(joined) = base.join(value) {
            node.set_attr(attribute, joined.as_str());
        }
    }
}

/// The fragment's text alone, a paragraph for each block.
fn flat(html: &str) -> Fragment {
    let text: Vec<String> = guard::strip_tags(html)
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect();
    let mut text = text.join("\n\n");
    if !text.is_empty() {
        text.push('\n');
    }
    Fragment {
        markdown: text.clone(),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fragment_is_converted_whole_with_its_links_made_absolute() {
        let html = "<p>See <a href=\"/report\">the report</a> and <a href=\"#n1\">a note</a>.</p>\
                    <ul><li>one</li><li>two</li></ul><p><img src=\"pic.png\" alt=\"A pic\"></p>";
        let got = fragment(html, Some("https://example.com/news/item"));
        assert!(
            got.markdown
                .contains("[the report](https://example.com/report)"),
            "{}",
            got.markdown
        );
        assert!(got.markdown.contains("- one\n- two"), "{}", got.markdown);
        assert!(
            !got.markdown.contains("pic.png"),
            "images never reach the text"
        );
        assert!(
            got.text.contains("See the report and a note."),
            "{}",
            got.text
        );
    }

    #[test]
    fn plain_text_and_nothing_come_through() {
        assert_eq!(fragment("Just words.", None).markdown, "Just words.\n");
        assert_eq!(fragment("", None).markdown, "");
    }

    #[test]
    fn a_fragment_nested_too_deeply_is_read_as_text() {
        let html = format!("{}deep{}", "<div>".repeat(50_000), "</div>".repeat(50_000));
        assert_eq!(fragment(&html, None).markdown, "deep\n");
        let html = format!("{}deep{}", "<b>".repeat(500), "</b>".repeat(500));
        assert!(fragment(&html, None).text.contains("deep"));
    }

    #[test]
    fn scripts_never_reach_the_text() {
        let got = fragment("<p>ok</p><script>alert(1)</script><style>p{}</style>", None);
        assert_eq!(got.markdown.trim(), "ok");
    }
}
