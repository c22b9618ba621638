//! Searching articles by keyword.

use crate::article::Article;

/// A parsed search: every word must match the start of some word in the article's title,
/// TL;DR, body, category or tags (`sanction` matches "sanctions", `port` does not match
/// "import").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        Query {
            words: words(text).collect(),
        }
    }

    /// True when the query has no words and so matches everything.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn matches(&self, article: &Article) -> bool {
        self.words.iter().all(|wanted| {
            searchable_fields(article)
                .any(|field| words(field).any(|w| w.starts_with(wanted.as_str())))
        })
    }
}

/// Words are maximal runs of letters and digits, lowercased: `Russia's` gives `russia` and `s`.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

fn searchable_fields(article: &Article) -> impl Iterator<Item = &str> + '_ {
    std::iter::once(article.title.as_str())
        .chain(article.tldr.iter().map(String::as_str))
        .chain(std::iter::once(article.body.as_str()))
        .chain(article.category.as_deref())
        .chain(article.tags.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::Limits;
    use crate::parse::parse_article;

    fn article() -> Article {
        let text = "---\ntitle: Russia's chip imports\ncategory: Technology\ntags: [trade]\ntldr: [Sanctions bite]\n---\nBody about semiconductors.\n";
        parse_article(
            text.as_bytes(),
            "a.md".into(),
            "a.md".into(),
            &Limits::default(),
        )
        .unwrap()
    }

    #[test]
    fn words_split_on_anything_but_letters_and_digits() {
        assert_eq!(
            words("Russia's U.S. supply-chain 5G").collect::<Vec<_>>(),
            ["russia", "s", "u", "s", "supply", "chain", "5g"]
        );
    }

    #[test]
    fn terms_match_word_prefixes_in_every_field() {
        for query in [
            "russia",
            "CHIP",
            "sanction",
            "semicond",
            "tech",
            "trade",
            "russia chip",
        ] {
            assert!(Query::parse(query).matches(&article()), "{query}");
        }
    }

    #[test]
    fn terms_do_not_match_inside_words() {
        assert!(!Query::parse("port").matches(&article()));
        assert!(!Query::parse("russia oil").matches(&article()));
    }

    #[test]
    fn empty_query_matches_everything() {
        assert!(Query::parse("  ").is_empty());
        assert!(Query::parse("").matches(&article()));
    }
}
