//! The `--label` and `--query` options, shared by `list` and `stats`, as one query.

use anyhow::Context;

use moodwire::query::LabelFilter;
use moodwire::query::{Query, QueryContext, SavedQueries};

use super::args::FilterArgs;

/// The query `--query` and `--label` ask for, `@name` read among `saved`.
pub fn query_from_args(args: &FilterArgs, saved: &SavedQueries) -> anyhow::Result<Query> {
    let text = args.query.as_deref().unwrap_or("");
    let query = Query::parse_in(text, &QueryContext::now(saved)).context("invalid --query")?;
    Ok(match &args.label {
        Some(label) => query.with_label(LabelFilter::parse(label)),
        None => query,
    })
}
