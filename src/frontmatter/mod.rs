//! Front matter: finding the block at the top of a file and reading YAML or TOML from it into
//! typed fields plus warnings.

mod fields;
mod nesting;
mod plain;
mod split;
pub(crate) mod value;
mod yaml;

pub(crate) use yaml::described as yaml_described;

pub(crate) use fields::Fields;
pub(crate) use split::split;
pub use split::{Format, Unterminated};

use crate::limits::Limits;
use value::Value;

/// Why a front matter block could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrontMatterError {
    /// The block is opened but never closed.
    #[error(transparent)]
    Unterminated(#[from] Unterminated),
    /// The block nests lists and mappings deeper than the limits allow.
    #[error("{} front matter nests deeper than {limit} levels", .format.name())]
    TooDeep {
        /// The block's format.
        format: Format,
        /// The deepest nesting allowed.
        limit: usize,
    },
    /// The block is not valid YAML or TOML.
    #[error("invalid {} front matter{}: {message}", .format.name(), .line.map(|l| format!(" at line {l}")).unwrap_or_default())]
    Invalid {
        /// The block's format.
        format: Format,
        /// The line of the file the parser stopped at, when it says.
        line: Option<usize>,
        /// What the parser found wrong, on one line.
        message: String,
    },
}

/// Reads a front matter block. `first_line` is the file line the block starts on, so that
/// errors point into the file rather than into the block.
pub(crate) fn parse(
    format: Format,
    text: &str,
    first_line: usize,
    limits: &Limits,
    warnings: &mut Vec<String>,
) -> Result<Fields, FrontMatterError> {
    let too_deep = FrontMatterError::TooDeep {
        format,
        limit: limits.max_nesting,
    };
    let value = match format {
        // What the fast path reads nests two levels (a mapping of lists).
        Format::Yaml => match (limits.max_nesting >= 2)
            .then(|| plain::parse(text))
            .flatten()
        {
            Some(value) => value,
            None => {
                if nesting::max_flow_depth(text, limits.max_nesting) > limits.max_nesting {
                    return Err(too_deep);
                }
                yaml::parse(text, limits)
                    .map_err(|e| yaml::error(&e, first_line, limits.max_nesting))?
            }
        },
        Format::Toml => {
            toml::from_str::<Value>(text).map_err(|e| toml_error(&e, text, first_line))?
        }
    };
    if depth(&value) > limits.max_nesting {
        return Err(too_deep);
    }
    match value {
        Value::Map(entries) => Ok(fields::read_fields(entries, limits, warnings)),
        Value::Null => Ok(Fields::default()),
        other => {
            warnings.push(format!(
                "front matter is {}, not a mapping of keys; it is ignored",
                other.kind()
            ));
            Ok(Fields::default())
        }
    }
}

/// A YAML block read both ways: by the fast path (if it reads it) and by the parser. For the
/// fuzz target that holds the one to the other.
#[doc(hidden)]
pub fn yaml_both_ways(text: &str, limits: &Limits) -> (Option<Value>, Result<Value, String>) {
    let parsed = yaml::parse(text, limits).map_err(|error| error.to_string());
    (plain::parse(text), parsed)
}

fn depth(value: &Value) -> usize {
    match value {
        Value::List(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Value::Map(entries) => 1 + entries.iter().map(|(_, v)| depth(v)).max().unwrap_or(0),
        _ => 0,
    }
}

fn toml_error(error: &toml::de::Error, text: &str, first_line: usize) -> FrontMatterError {
    let line = error.span().map(|span| {
        let before = text.get(..span.start).unwrap_or(text);
        before.matches('\n').count() + first_line
    });
    FrontMatterError::Invalid {
        format: Format::Toml,
        line,
        message: one_line(error.message()),
    }
}

fn one_line(message: &str) -> String {
    crate::sanitize::sanitize_line(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_yaml(text: &str) -> Result<(Fields, Vec<String>), FrontMatterError> {
        let mut warnings = Vec::new();
        parse(Format::Yaml, text, 2, &Limits::default(), &mut warnings).map(|f| (f, warnings))
    }

    #[test]
    fn invalid_yaml_names_the_file_line() {
        let error = parse_yaml("title: ok\ntags: [unclosed\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid YAML front matter at line 3: unclosed bracket '['"
        );
    }

    #[test]
    fn invalid_toml_names_the_file_line() {
        let mut warnings = Vec::new();
        let error = parse(
            Format::Toml,
            "title = \"a\"\ndate = \n",
            2,
            &Limits::default(),
            &mut warnings,
        )
        .unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("invalid TOML front matter at line 3: "),
            "{error}"
        );
    }

    #[test]
    fn yaml_bombs_are_rejected() {
        let mut bomb = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (name, previous) in "bcdefghi".chars().zip("abcdefgh".chars()) {
            let refs = vec![format!("*{previous}"); 9].join(", ");
            bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        let error = parse_yaml(&bomb).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid YAML front matter: aliases expand it to too many values"
        );
    }

    #[test]
    fn deep_flow_nesting_is_rejected_before_parsing() {
        let deep = format!("a: {}{}", "[".repeat(100_000), "]".repeat(100_000));
        let error = parse_yaml(&deep).unwrap_err();
        assert_eq!(
            error.to_string(),
            "YAML front matter nests deeper than 32 levels"
        );
    }

    #[test]
    fn deep_block_nesting_is_rejected() {
        let deep: String = (0..200).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
        let error = parse_yaml(&deep).unwrap_err().to_string();
        assert_eq!(error, "YAML front matter nests deeper than 32 levels");
        let deep: String = (0..40).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
        assert_eq!(
            parse_yaml(&deep).unwrap_err().to_string(),
            "YAML front matter nests deeper than 32 levels"
        );
    }

    #[test]
    fn deep_toml_is_rejected() {
        let mut warnings = Vec::new();
        let deep = format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000));
        let error = parse(Format::Toml, &deep, 2, &Limits::default(), &mut warnings).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("invalid TOML front matter at line 2: "),
            "{error}"
        );
    }

    #[test]
    fn empty_front_matter_has_no_fields() {
        assert_eq!(parse_yaml("").unwrap().0, Fields::default());
        assert_eq!(
            parse_yaml("# just a comment\n").unwrap().0,
            Fields::default()
        );
    }

    #[test]
    fn front_matter_that_is_not_a_mapping_is_ignored_with_a_warning() {
        let (fields, warnings) = parse_yaml("- a\n- b\n").unwrap();
        assert_eq!(fields, Fields::default());
        assert_eq!(
            warnings,
            ["front matter is a list, not a mapping of keys; it is ignored"]
        );
    }

    #[test]
    fn yaml_comments_end_plain_values() {
        let (fields, _) = parse_yaml("title: Hash #1\n").unwrap();
        assert_eq!(fields.title.as_deref(), Some("Hash"));
    }
}
