//! What the preview shows of an article's text, beyond its title and TL;DR: the start of the
//! text when it has no TL;DR, and with a query, the lines of the text it matched. The body is
//! read only for this (the list holds no bodies), off the keystroke, and kept for the one
//! article selected.

use crate::query::{Place, Query};

/// Lines of the text the query matched that the preview shows at most.
const MOST_MATCHES: usize = 3;
/// Characters of a matched line kept around its first match.
const MATCH_CONTEXT: usize = 120;
/// Characters from the start of the text; the pane shows what fits of them.
const START_CHARS: usize = 1_500;
/// Matches are looked for in this much of the text, so that typing a query over a huge
/// article stays quick.
const SEARCHED_BYTES: usize = 256 * 1024;

/// The selected article's body, once read, and what of it the preview shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewText {
    /// The article's id.
    pub id: String,
    /// The body without a heading that repeats the title; `None` while it is read.
    pub body: Option<String>,
    /// What the preview shows of it.
    pub excerpt: Excerpt,
    /// The query text the excerpt was made for.
    pub made_for: String,
}

/// What the preview shows of the text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Excerpt {
    /// Nothing: the TL;DR says it, or the body is not read yet.
    #[default]
    Nothing,
    /// The start of the text, for an article without a TL;DR.
    Start(String),
    /// Lines of the text the query matched.
    Matches(Vec<String>),
}

impl PreviewText {
    /// The preview of article `id`, whose body is being read.
    pub fn reading(id: String) -> PreviewText {
        PreviewText {
            id,
            body: None,
            excerpt: Excerpt::Nothing,
            made_for: String::new(),
        }
    }

    /// Makes the excerpt again for `query` (written as `text`), if the body is in.
    pub fn refresh(&mut self, query: &Query, text: &str, has_tldr: bool) {
        self.made_for = text.to_owned();
        self.excerpt = match &self.body {
            Some(body) => excerpt(body, query, has_tldr),
            None => Excerpt::Nothing,
        };
    }
}

/// The lines of `body` that `query` matches, if it has words for the text; else its start,
/// when there is no TL;DR to show instead.
pub fn excerpt(body: &str, query: &Query, has_tldr: bool) -> Excerpt {
    if !query.is_empty() {
        let searched = &body[..floor_boundary(body, SEARCHED_BYTES)];
        let matched: Vec<String> = (searched.lines())
            .filter_map(|line| {
                let first = query.highlights(line, Place::Body).first()?.start;
                Some(around(
                    line.trim(),
                    first.saturating_sub(line.len() - line.trim_start().len()),
                ))
            })
            .take(MOST_MATCHES)
            .collect();
        if !matched.is_empty() {
            return Excerpt::Matches(matched);
        }
    }
    if has_tldr {
        return Excerpt::Nothing;
    }
    let start = body.trim_start();
    let end = start
        .char_indices()
        .nth(START_CHARS)
        .map_or(start.len(), |(at, _)| at);
    Excerpt::Start(start[..end].to_owned())
}

/// `line` cut to [`MATCH_CONTEXT`] characters before byte `at` and twice that from it, with
/// `…` where it was cut.
fn around(line: &str, at: usize) -> String {
    let at = floor_boundary(line, at);
    let from = (line[..at].char_indices().rev())
        .nth(MATCH_CONTEXT - 1)
        .map_or(0, |(i, _)| i);
    let to = (line[at..].char_indices())
        .nth(MATCH_CONTEXT * 2)
        .map_or(line.len(), |(i, _)| at + i);
    let head = if from > 0 { "…" } else { "" };
    let tail = if to < line.len() { "…" } else { "" };
    format!("{head}{}{tail}", &line[from..to])
}

/// The largest character boundary of `text` at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Opening paragraph about markets.\n\nOil prices rose on Monday.\n\n\
                        Later, gas followed oil higher.\n";

    #[test]
    fn without_a_query_the_start_shows_only_when_there_is_no_tldr() {
        let none = Query::default();
        assert_eq!(excerpt(BODY, &none, false), Excerpt::Start(BODY.to_owned()));
        assert_eq!(excerpt(BODY, &none, true), Excerpt::Nothing);
    }

    #[test]
    fn a_query_shows_the_lines_it_matched() {
        let oil = Query::parse("oil").unwrap();
        let lines = [
            "Oil prices rose on Monday.",
            "Later, gas followed oil higher.",
        ];
        assert_eq!(
            excerpt(BODY, &oil, true),
            Excerpt::Matches(lines.map(str::to_owned).to_vec())
        );
        // A query that matches no line of the text: the start, or nothing beside a TL;DR.
        let title_only = Query::parse("title:markets").unwrap();
        assert_eq!(excerpt(BODY, &title_only, true), Excerpt::Nothing);
        assert!(matches!(
            excerpt(BODY, &title_only, false),
            Excerpt::Start(_)
        ));
    }

    #[test]
    fn a_long_line_is_cut_around_its_match() {
        let line = format!("{} needle {}", "é".repeat(400), "x".repeat(400));
        let needle = Query::parse("needle").unwrap();
        let Excerpt::Matches(lines) = excerpt(&line, &needle, true) else {
            panic!("the line matches");
        };
        let shown = &lines[0];
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.contains("needle"));
        assert!(shown.chars().count() <= MATCH_CONTEXT * 3 + 2);
    }
}
