//! Typed article fields from a front matter mapping, with a warning for everything odd.

use super::value::Value;
use crate::date::ArticleDate;
use crate::limits::Limits;
use crate::sanitize::{sanitize_line, sanitize_line_owned, sanitize_owned};

/// The fields moodwire interprets, already sanitised for display.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fields {
    pub title: Option<String>,
    pub date: Option<ArticleDate>,
    pub category: Option<String>,
    pub tags: Vec<String>,
    pub source_url: Option<String>,
    pub sentiment_score: Option<f64>,
    pub sentiment_label: Option<String>,
    pub tldr: Vec<String>,
    /// Every other key, as display text.
    pub extra: Vec<(String, String)>,
}

/// Reads the entries of a front matter mapping. A key given twice takes its last value, as
/// Jekyll does.
pub fn read_fields(
    entries: Vec<(String, Value)>,
    limits: &Limits,
    warnings: &mut Vec<String>,
) -> Fields {
    let entries = last_value_of_each_key(entries, warnings);
    let mut fields = Fields::default();
    let mut categories = None;
    let mut tag = None;
    for (key, value) in entries {
        match key.as_str() {
            "title" => fields.title = text(&key, value, warnings).filter(|t| !t.is_empty()),
            "date" => fields.date = date(value, warnings),
            "category" => fields.category = first_item(value, false),
            "categories" => categories = first_item(value, true),
            "tags" => fields.tags = tags(value),
            "tag" => tag = first_item(value, false),
            "source_url" => {
                fields.source_url = text(&key, value, warnings).filter(|t| !t.is_empty())
            }
            "sentiment_score" => fields.sentiment_score = score(value, warnings),
            "sentiment_label" => {
                fields.sentiment_label = text(&key, value, warnings).filter(|t| !t.is_empty())
            }
            "tldr" => fields.tldr = tldr(value, limits, warnings),
            _ => fields.extra.push((
                sanitize_line_owned(key),
                sanitize_line_owned(value.into_text()),
            )),
        }
    }
    fields.category = fields.category.or(categories);
    if fields.tags.is_empty() {
        fields.tags.extend(tag);
    }
    fields
}

fn last_value_of_each_key(
    entries: Vec<(String, Value)>,
    warnings: &mut Vec<String>,
) -> Vec<(String, Value)> {
    // Each key's place in `kept`: a block of a million keys is looked through once, not once
    // per key, by a map; a block of a few keys, as nearly every one is, is looked through as
    // it is, without a copy of each key to hash.
    const FEW: usize = 16;
    let few = entries.len() <= FEW;
    let mut kept: Vec<(String, Value)> = Vec::with_capacity(entries.len());
    let mut places: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    for (key, value) in entries {
        let place = match few {
            true => kept.iter().position(|(kept_key, _)| *kept_key == key),
            false => places.get(&key).copied(),
        };
        match place {
            Some(place) => {
                warnings.push(format!(
                    "duplicate key `{}`: the last value is used",
                    sanitize_line(&key)
                ));
                kept[place].1 = value;
            }
            None => {
                if !few {
                    places.insert(key.clone(), kept.len());
                }
                kept.push((key, value));
            }
        }
    }
    kept
}

/// A scalar as one line of text. Lists and mappings are flattened, with a warning, because a
/// value that was meant as text is still better shown than lost.
fn text(key: &str, value: Value, warnings: &mut Vec<String>) -> Option<String> {
    match value {
        Value::Null => None,
        Value::List(_) | Value::Map(_) => {
            warnings.push(format!(
                "`{key}` is {}, not text; it is shown as text",
                value.kind()
            ));
            Some(sanitize_line(&value.to_text()))
        }
        scalar => Some(sanitize_line_owned(scalar.into_text())),
    }
}

fn date(value: Value, warnings: &mut Vec<String>) -> Option<ArticleDate> {
    match value {
        Value::Null => None,
        Value::String(text) => ArticleDate::parse(&text)
            .map_err(|error| warnings.push(sanitize_line(&format!("`date`: {error}"))))
            .ok(),
        other => {
            warnings.push(sanitize_line(&format!(
                "`date`: unreadable date \"{}\"",
                other.to_text()
            )));
            None
        }
    }
}

/// The first entry of a list, or the value itself. With `words`, a string is a list separated
/// by spaces, as Jekyll reads `categories: news world`.
fn first_item(value: Value, words: bool) -> Option<String> {
    let text = match value {
        Value::List(items) => {
            sanitize_line_owned(items.into_iter().find(|item| !item.is_blank())?.into_text())
        }
        Value::Map(_) | Value::Null => return None,
        Value::String(text) if words => {
            sanitize_line(text.split_whitespace().next().unwrap_or_default())
        }
        scalar => sanitize_line(&scalar.to_text()),
    };
    Some(text).filter(|t| !t.is_empty())
}

/// Tags as a list, or as one string separated by commas or, failing that, by spaces.
fn tags(value: Value) -> Vec<String> {
    let items: Vec<String> = match value {
        Value::List(items) => items
            .into_iter()
            .map(|item| sanitize_line_owned(item.into_text()))
            .collect(),
        Value::String(text) if text.contains(',') => text.split(',').map(sanitize_line).collect(),
        Value::String(text) => text.split_whitespace().map(sanitize_line).collect(),
        Value::Null | Value::Map(_) => Vec::new(),
        scalar => vec![sanitize_line_owned(scalar.into_text())],
    };
    items.into_iter().filter(|tag| !tag.is_empty()).collect()
}

fn score(value: Value, warnings: &mut Vec<String>) -> Option<f64> {
    let number = match &value {
        Value::Null => return None,
        Value::Int(i) => Some(*i as f64),
        Value::Float(x) => Some(*x),
        Value::String(text) => text.trim().parse::<f64>().ok(),
        _ => None,
    };
    match number {
        Some(score) if score.is_finite() => {
            if !(1.0..=10.0).contains(&score) {
                warnings.push(format!(
                    "`sentiment_score` {score} is outside the scale of 1 to 10"
                ));
            }
            Some(score)
        }
        _ => {
            let shown = sanitize_line(&value.to_text());
            warnings.push(format!(
                "`sentiment_score` \"{shown}\" is not a number; it is ignored"
            ));
            None
        }
    }
}

/// The TL;DR as a list of items; one string is one item.
fn tldr(value: Value, limits: &Limits, warnings: &mut Vec<String>) -> Vec<String> {
    let items = match value {
        Value::Null => return Vec::new(),
        Value::String(text) => vec![Value::String(text)],
        Value::List(items) => items,
        other => {
            warnings.push(format!(
                "`tldr` is {}, not text or a list; it is shown as text",
                other.kind()
            ));
            vec![Value::String(other.to_text())]
        }
    };
    let mut out = Vec::with_capacity(items.len().min(limits.max_tldr_items));
    for (n, item) in items.into_iter().enumerate() {
        if out.len() == limits.max_tldr_items {
            warnings.push(format!(
                "`tldr` has more than {} items; the rest are left out",
                limits.max_tldr_items
            ));
            break;
        }
        let text = match item {
            Value::Null => continue,
            Value::String(text) => text,
            other => {
                warnings.push(format!(
                    "`tldr` item {} is {}, not text; it is shown as text",
                    n + 1,
                    other.kind()
                ));
                other.to_text()
            }
        };
        let text = sanitize_owned(text);
        let trimmed = text.trim();
        if trimmed.is_empty() {
            continue;
        }
        // The text itself when there is nothing to trim, as nearly always.
        out.push(match trimmed.len() == text.len() {
            true => text,
            false => trimmed.to_owned(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(yaml: &str) -> (Fields, Vec<String>) {
        let Value::Map(entries) =
            crate::frontmatter::yaml::parse(yaml, &crate::limits::Limits::default()).unwrap()
        else {
            panic!("not a map")
        };
        let mut warnings = Vec::new();
        let fields = read_fields(entries, &Limits::default(), &mut warnings);
        (fields, warnings)
    }

    #[test]
    fn duplicate_keys_take_the_last_value_with_a_warning() {
        let (fields, warnings) = read("title: English\ntitle: Français\n");
        assert_eq!(fields.title.as_deref(), Some("Français"));
        assert_eq!(warnings, ["duplicate key `title`: the last value is used"]);
    }

    #[test]
    fn scores_may_be_integers_floats_or_numeric_strings() {
        assert_eq!(read("sentiment_score: 4").0.sentiment_score, Some(4.0));
        assert_eq!(read("sentiment_score: 7.5").0.sentiment_score, Some(7.5));
        assert_eq!(
            read("sentiment_score: ' 6.5 '").0.sentiment_score,
            Some(6.5)
        );
    }

    #[test]
    fn scores_outside_the_scale_are_kept_with_a_warning() {
        let (fields, warnings) = read("sentiment_score: 42");
        assert_eq!(fields.sentiment_score, Some(42.0));
        assert_eq!(
            warnings,
            ["`sentiment_score` 42 is outside the scale of 1 to 10"]
        );
    }

    #[test]
    fn scores_that_are_not_numbers_are_ignored_with_a_warning() {
        for yaml in [
            "sentiment_score: high",
            "sentiment_score: .nan",
            "sentiment_score: [1]",
        ] {
            let (fields, warnings) = read(yaml);
            assert_eq!(fields.sentiment_score, None, "{yaml}");
            assert_eq!(warnings.len(), 1, "{yaml}");
            assert!(warnings[0].contains("is not a number"), "{warnings:?}");
        }
    }

    #[test]
    fn tldr_may_be_a_list_or_one_string() {
        assert_eq!(read("tldr: [a, b]").0.tldr, ["a", "b"]);
        assert_eq!(read("tldr: Just one").0.tldr, ["Just one"]);
        assert_eq!(read("tldr:").0.tldr, Vec::<String>::new());
    }

    #[test]
    fn tldr_values_that_are_not_text_are_converted_with_a_warning() {
        let (fields, warnings) = read("tldr: [42, {a: b}, text]");
        assert_eq!(fields.tldr, ["42", "a: b", "text"]);
        assert_eq!(warnings.len(), 2);
        let (fields, warnings) = read("tldr: {a: b}");
        assert_eq!((fields.tldr, warnings.len()), (vec!["a: b".to_owned()], 1));
    }

    #[test]
    fn tldr_items_are_capped() {
        let items: Vec<String> = (0..80).map(|i| format!("- item {i}\n")).collect();
        let (fields, warnings) = read(&format!("tldr:\n{}", items.concat()));
        assert_eq!(fields.tldr.len(), Limits::default().max_tldr_items);
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn tags_may_be_a_string_a_list_or_null() {
        assert_eq!(read("tags: ay bee cee").0.tags, ["ay", "bee", "cee"]);
        assert_eq!(read("tags: oil, gas prices").0.tags, ["oil", "gas prices"]);
        assert_eq!(read("tags: [food, 2013]").0.tags, ["food", "2013"]);
        assert_eq!(read("tags:").0.tags, Vec::<String>::new());
        assert_eq!(read("tag: code").0.tags, ["code"]);
    }

    #[test]
    fn numbers_where_text_is_expected_become_text() {
        let (fields, warnings) = read("category: 2013\ntitle: 3.5\n");
        assert_eq!(fields.category.as_deref(), Some("2013"));
        assert_eq!(fields.title.as_deref(), Some("3.5"));
        assert!(warnings.is_empty());
    }

    #[test]
    fn category_falls_back_to_the_first_of_categories() {
        assert_eq!(
            read("categories: [release, news]").0.category.as_deref(),
            Some("release")
        );
        assert_eq!(
            read("categories: foo bar baz").0.category.as_deref(),
            Some("foo")
        );
        assert_eq!(
            read("category: News\ncategories: [x]")
                .0
                .category
                .as_deref(),
            Some("News")
        );
    }

    #[test]
    fn a_category_is_the_whole_text_and_categories_the_first_word() {
        let category = |yaml: &str| read(yaml).0.category;
        assert_eq!(
            category("category: \"Middle East\"").as_deref(),
            Some("Middle East")
        );
        assert_eq!(
            category("category: [World News, Europe]").as_deref(),
            Some("World News")
        );
        assert_eq!(
            category("categories: [World News, Europe]").as_deref(),
            Some("World News")
        );
        assert_eq!(category("categories: news world").as_deref(), Some("news"));
    }

    #[test]
    fn unreadable_dates_warn() {
        let (fields, warnings) = read("date: someday");
        assert_eq!(fields.date, None);
        assert_eq!(warnings, ["`date`: unreadable date \"someday\""]);
        assert_eq!(read("date: 2020").1, ["`date`: unreadable date \"2020\""]);
    }

    #[test]
    fn other_keys_are_kept_as_text() {
        let (fields, _) = read("layout: post\nauthor: {name: Ann}\n");
        assert_eq!(
            fields.extra,
            [
                ("layout".into(), "post".into()),
                ("author".into(), "name: Ann".into())
            ]
        );
    }

    #[test]
    fn control_characters_in_values_are_removed() {
        let (fields, _) = read("title: \"Big\\e[2J news\\u202e\"\ntldr: [\"a\\x07b\"]\n");
        assert_eq!(fields.title.as_deref(), Some("Big news"));
        assert_eq!(fields.tldr, ["ab"]);
    }

    #[test]
    fn block_scalar_titles_become_one_line() {
        let (fields, _) = read("title: |-\n  A Deep Dive\n  on Azure\n");
        assert_eq!(fields.title.as_deref(), Some("A Deep Dive on Azure"));
    }
}
