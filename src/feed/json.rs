//! JSON Feed 1.0 and 1.1, read leniently: a field of an unexpected type is left out, not the
//! whole feed (feed-rs refuses a feed whose `version` is missing or written with `http:`, or
//! whose `tags` is a string, which real feeds do).

use serde_json::Value;

use crate::address::absolute;

use super::xml::plain_to_html;
use super::{Feed, FeedError, Item, field};

/// Reads the JSON Feed in `bytes`, fetched from `address` if it came over the web.
pub fn parse(bytes: &[u8], address: Option<&str>) -> Result<Feed, FeedError> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|error| FeedError::Json(format!("invalid JSON ({error})")))?;
    let Some(object) = value.as_object() else {
        return Err(FeedError::Json("the document is not a JSON object".into()));
    };
    let version = object.get("version").and_then(Value::as_str).unwrap_or("");
    let Some(items) = object.get("items").and_then(Value::as_array) else {
        return Err(FeedError::Json("it has no list of `items`".into()));
    };
    if !version.is_empty() && !version.contains("jsonfeed.org/version/") {
        return Err(FeedError::Json(format!(
            "unknown version `{}`",
            crate::sanitize::sanitize_line(version)
        )));
    }
    let base = address.and_then(|a| url::Url::parse(a).ok());
    let feed_author = authors(object);
    Ok(Feed {
        title: text(object.get("title")),
        link: text(object.get("home_page_url")).map(|l| absolute(&l, base.as_ref())),
        items: items
            .iter()
            .filter_map(Value::as_object)
            .map(|item| read_item(item, base.as_ref(), feed_author.as_deref()))
            .collect(),
    })
}

type Object = serde_json::Map<String, Value>;

fn read_item(item: &Object, base: Option<&url::Url>, feed_author: Option<&str>) -> Item {
    let id = match item.get("id") {
        Some(Value::Number(number)) => Some(number.to_string()),
        other => text(other),
    };
    let link = text(item.get("url"))
        .or_else(|| text(item.get("external_url")))
        .map(|l| absolute(&l, base));
    let content = text(item.get("content_html"))
        .or_else(|| text(item.get("content_text")).map(|t| plain_to_html(&t)));
    let date = text(item.get("date_published"))
        .or_else(|| text(item.get("date_modified")))
        .and_then(|d| super::parse_date(&d));
    let mut categories: Vec<String> = Vec::new();
    let tags = match item.get("tags") {
        Some(Value::Array(tags)) => tags.iter().filter_map(|t| text(Some(t))).collect(),
        Some(Value::String(tags)) => tags.split(',').filter_map(field).collect(),
        _ => Vec::new(),
    };
    for tag in tags {
        if !categories.contains(&tag) {
            categories.push(tag);
        }
    }
    Item {
        id,
        title: text(item.get("title")),
        link,
        date,
        author: authors(item).or(feed_author.map(str::to_owned)),
        categories,
        content,
        summary: text(item.get("summary")).map(|s| plain_to_html(&s)),
    }
}

/// The first author's name: `authors` (1.1) or `author` (1.0).
fn authors(object: &Object) -> Option<String> {
    let name = |value: &Value| value.get("name").and_then(|n| text(Some(n)));
    match object.get("authors") {
        Some(Value::Array(list)) => list.iter().find_map(name),
        _ => object.get("author").and_then(name),
    }
}

fn text(value: Option<&Value>) -> Option<String> {
    value.and_then(Value::as_str).and_then(field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_feed_gives_its_items() {
        let feed = parse(
            br#"{"version": "https://jsonfeed.org/version/1.1", "title": "J",
                "authors": [{"name": "Feed Author"}],
                "items": [
                  {"id": "1", "url": "https://e.com/1", "title": "One",
                   "content_html": "<p>Hi</p>", "date_published": "2020-01-02T03:04:05+01:00",
                   "tags": ["a", "b", "a"]},
                  {"id": 2, "url": "/two", "content_text": "a < b\n\nc",
                   "author": {"name": "Old Style"}, "tags": "x, y"},
                  "not an item"
                ]}"#,
            Some("https://e.com/feed.json"),
        )
        .unwrap();
        assert_eq!(feed.title.as_deref(), Some("J"));
        assert_eq!(feed.items.len(), 2);
        let one = &feed.items[0];
        assert_eq!(one.date.unwrap().to_string(), "2020-01-02T02:04:05Z");
        assert_eq!(one.categories, ["a", "b"]);
        assert_eq!(one.author.as_deref(), Some("Feed Author"));
        let two = &feed.items[1];
        assert_eq!(two.id.as_deref(), Some("2"));
        assert_eq!(two.link.as_deref(), Some("https://e.com/two"));
        assert_eq!(two.content.as_deref(), Some("<p>a &lt; b</p>\n<p>c</p>\n"));
        assert_eq!(two.categories, ["x", "y"]);
    }

    #[test]
    fn what_is_not_a_json_feed_is_said() {
        for (text, want) in [
            ("[1, 2]", "not a JSON object"),
            (
                "{\"version\": \"https://jsonfeed.org/version/1\"}",
                "no list of `items`",
            ),
            ("{\"version\": \"2\", \"items\": []}", "unknown version"),
            ("{\"items\": [", "invalid JSON"),
        ] {
            let error = parse(text.as_bytes(), None).unwrap_err().to_string();
            assert!(error.contains(want), "{text}: {error}");
        }
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse(deep.as_bytes(), None).is_err());
    }
}
