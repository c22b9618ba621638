//! The `--label` and `--query` options, shared by `list` and `stats`.

use moodwire::article::Article;
use moodwire::library::LabelFilter;
use moodwire::query::Query;

use super::args::FilterArgs;

pub struct Filter {
    label: Option<LabelFilter>,
    query: Query,
}

impl Filter {
    pub fn from_args(args: &FilterArgs) -> Filter {
        Filter {
            label: args.label.as_deref().map(LabelFilter::parse),
            query: Query::parse(args.query.as_deref().unwrap_or("")),
        }
    }

    pub fn matches(&self, article: &Article) -> bool {
        self.label
            .as_ref()
            .is_none_or(|label| label.matches(article))
            && self.query.matches(article)
    }
}
