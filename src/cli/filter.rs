//! The `--label` and `--query` options, shared by `list` and `stats`, as one query.

use anyhow::Context;

use moodwire::query::LabelFilter;
use moodwire::query::Query;

use super::args::FilterArgs;

pub fn query_from_args(args: &FilterArgs) -> anyhow::Result<Query> {
    let text = args.query.as_deref().unwrap_or("");
    let query = Query::parse(text).context("invalid --query")?;
    Ok(match &args.label {
        Some(label) => query.with_label(LabelFilter::parse(label)),
        None => query,
    })
}
