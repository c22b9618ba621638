//! From a located YAML tree to checked settings: unknown keys become warnings, unusable values
//! errors, each with its line.

use std::path::{Path, PathBuf};

use super::node::{self, Entries, Located, Node};
use super::values;
use jiff::civil::Date;

use super::{Config, Theme};
use crate::query::{Query, QueryContext, SavedQueries};

/// An action of the reader given other keys, as the file writes them: `keys: { quit: [q,
/// Ctrl-q] }`. The reader knows its actions and keys, and reads these (its keymap says what
/// is wrong with one, on the line given here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRemap {
    /// The action's name, as the help screen and `config init` list them.
    pub action: String,
    /// The line the action is on.
    pub line: u64,
    /// The keys as written (`j`, `Down`, `Ctrl-d`), each with its line.
    pub keys: Vec<(String, u64)>,
}

/// A problem and the line it is on.
pub type Problem = (u64, String);

/// Settings and the warnings met reading them.
pub type Read = (Config, Vec<Problem>);

/// Reads `text`; relative library folders are taken from `base`, the configuration's folder.
pub fn config(text: &str, base: &Path) -> Result<Read, Problem> {
    let tree = node::parse(text).map_err(|error| syntax_error(&error))?;
    let mut config = Config::default();
    let mut warnings = Vec::new();
    let entries = match tree.value {
        Node::Null => Vec::new(),
        Node::Map(entries) => entries,
        other => {
            return Err((
                tree.line,
                format!("expected a mapping of settings, found {}", other.kind()),
            ));
        }
    };
    for (key, value) in entries {
        match key.value.as_str() {
            "library" => config.library = library(&value, base)?,
            "import_into" => config.import_into = import_into(&key, &value, base)?,
            "fetch" => {
                for (name, number) in section(&key, value, &mut warnings, values::FETCH_KEYS)? {
                    let n = count_of(&name, &number)?;
                    values::set_fetch(&mut config.fetch, &name.value, n);
                }
            }
            "sort" => config.sort = values::sort(&text_of(&key, &value)?).map_err(at(&value))?,
            "date_format" => {
                config.date_format =
                    values::date_format(&text_of(&key, &value)?).map_err(at(&value))?
            }
            "buckets" => {
                for (name, number) in section(
                    &key,
                    value,
                    &mut warnings,
                    &["negative_below", "positive_from"],
                )? {
                    let n = number_of(&name, &number)?;
                    match name.value.as_str() {
                        "negative_below" => config.scale.neutral_from = n,
                        _ => config.scale.positive_from = n,
                    }
                }
                values::check_scale(&config.scale).map_err(|m| (key.line, m))?;
            }
            "theme" => {
                for (name, colour) in section(&key, value, &mut warnings, Theme::NAMES)? {
                    let colour_text = text_of(&name, &colour)?;
                    let colour_value = values::colour(&colour_text).map_err(at(&colour))?;
                    config.theme.set(&name.value, colour_value);
                }
            }
            "keys" => {
                for (action, keys) in section(&key, value, &mut warnings, &[])? {
                    config.keys.push(remap(&action, &keys)?);
                }
            }
            "browser" => config.browser = command(&key, &value)?,
            "queries" => config.queries = queries(section(&key, value, &mut warnings, &[])?)?,
            "limits" => {
                for (name, number) in section(&key, value, &mut warnings, values::LIMIT_KEYS)? {
                    let n = count_of(&name, &number)?;
                    values::set_limit(&mut config.limits, &name.value, n);
                }
            }
            _ => warnings.push((key.line, format!("unknown key `{}`, ignored", key.value))),
        }
    }
    Ok((config, warnings))
}

/// The entries of a mapping whose keys must be among `known` (any key when `known` is empty);
/// others are warned about and left out.
fn section(
    key: &Located<String>,
    value: Located<Node>,
    warnings: &mut Vec<Problem>,
    known: &[&str],
) -> Result<Entries, Problem> {
    let entries = match value.value {
        Node::Map(entries) => entries,
        Node::Null => Vec::new(),
        other => {
            return Err((
                value.line,
                format!("`{}` must be a mapping, not {}", key.value, other.kind()),
            ));
        }
    };
    let mut kept = Vec::new();
    for (name, value) in entries {
        if known.is_empty() || known.contains(&name.value.as_str()) {
            kept.push((name, value));
        } else {
            warnings.push((
                name.line,
                format!("unknown key `{}` in `{}`, ignored", name.value, key.value),
            ));
        }
    }
    Ok(kept)
}

fn library(value: &Located<Node>, base: &Path) -> Result<Vec<PathBuf>, Problem> {
    let items: Vec<&Located<Node>> = match &value.value {
        Node::List(items) => items.iter().collect(),
        Node::Null => Vec::new(),
        _ => vec![value],
    };
    items
        .into_iter()
        .map(|item| match &item.value {
            Node::Text(text) if !text.trim().is_empty() => Ok(values::folder(text, base)),
            other => Err((
                item.line,
                format!("`library` must list folders, found {}", other.kind()),
            )),
        })
        .collect()
}

/// `import_into: ~/news/inbox`, or null for none.
fn import_into(
    key: &Located<String>,
    value: &Located<Node>,
    base: &Path,
) -> Result<Option<PathBuf>, Problem> {
    match &value.value {
        Node::Null => Ok(None),
        Node::Text(text) if text.trim().is_empty() => Ok(None),
        _ => Ok(Some(values::folder(&text_of(key, value)?, base))),
    }
}

fn remap(action: &Located<String>, keys: &Located<Node>) -> Result<KeyRemap, Problem> {
    let items: Vec<&Located<Node>> = match &keys.value {
        Node::List(items) => items.iter().collect(),
        _ => vec![keys],
    };
    let mut out = Vec::new();
    for item in items {
        out.push((text_of(action, item)?, item.line));
    }
    if out.is_empty() {
        return Err((
            keys.line,
            format!("`{}` needs at least one key", action.value),
        ));
    }
    Ok(KeyRemap {
        action: action.value.clone(),
        line: action.line,
        keys: out,
    })
}

/// A program and its arguments, written as one text (`firefox --new-tab`, split at white
/// space) or as a list of words.
fn command(key: &Located<String>, value: &Located<Node>) -> Result<Vec<String>, Problem> {
    match &value.value {
        Node::Null => Ok(Vec::new()),
        Node::List(items) => items.iter().map(|item| text_of(key, item)).collect(),
        _ => Ok(text_of(key, value)?
            .split_whitespace()
            .map(str::to_owned)
            .collect()),
    }
}

/// Saved searches: each a name and a query, which must read (its `@name`s among these).
fn queries(entries: Entries) -> Result<SavedQueries, Problem> {
    let mut pairs = Vec::new();
    for (name, query) in &entries {
        pairs.push((name.value.clone(), text_of(name, query)?));
    }
    let saved = SavedQueries::new(pairs);
    for (name, query) in &entries {
        let text = saved.get(&name.value).unwrap_or_default();
        let context = QueryContext {
            saved: &saved,
            today: Date::default(),
        };
        Query::parse_in(text, &context).map_err(|error| {
            (
                query.line,
                format!("the saved search `{}` does not read: {error}", name.value),
            )
        })?;
    }
    Ok(saved)
}

/// A scalar as text: `sort: score`, `j`, `#ff8800`; numbers are taken as written (`1`).
fn text_of(key: &Located<String>, value: &Located<Node>) -> Result<String, Problem> {
    match &value.value {
        Node::Text(text) => Ok(text.clone()),
        Node::Int(n) => Ok(n.to_string()),
        other => Err((
            value.line,
            format!("`{}` must be text, not {}", key.value, other.kind()),
        )),
    }
}

fn number_of(key: &Located<String>, value: &Located<Node>) -> Result<f64, Problem> {
    match value.value {
        Node::Int(n) => Ok(n as f64),
        Node::Float(x) if x.is_finite() => Ok(x),
        ref other => Err((
            value.line,
            format!("`{}` must be a number, not {}", key.value, other.kind()),
        )),
    }
}

/// A whole number of at least 1.
fn count_of(key: &Located<String>, value: &Located<Node>) -> Result<u64, Problem> {
    match value.value {
        Node::Int(n) if n >= 1 => Ok(n as u64),
        Node::Int(n) => Err((
            value.line,
            format!("`{}` must be at least 1, not {n}", key.value),
        )),
        ref other => Err((
            value.line,
            format!(
                "`{}` must be a whole number, not {}",
                key.value,
                other.kind()
            ),
        )),
    }
}

fn at(value: &Located<Node>) -> impl Fn(String) -> Problem + '_ {
    move |message| (value.line, message)
}

/// A YAML syntax error as the parser words it, on its line.
fn syntax_error(error: &serde_saphyr::Error) -> Problem {
    let line = error.location().map_or(0, |at| at.line());
    let message = crate::frontmatter::yaml_described(error);
    (line, format!("invalid YAML: {message}"))
}
