//! Reading YAML front matter into a [`Value`].

use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{DuplicateKeyPolicy, NonFiniteFloatPolicy};

use super::value::Value;
use super::{Format, FrontMatterError, one_line};
use crate::limits::Limits;

/// Parses one YAML document nesting at most `limits.max_nesting` levels. Duplicate keys are passed
/// through in order, so that the fields reader can let the last one win with a warning, as
/// Jekyll does; `!!binary` and `.nan` are read as the text they are, since front matter holds
/// neither binary data nor arithmetic. The parser's budget bounds alias expansion, which stops
/// "billion laughs" documents.
pub fn parse(text: &str, limits: &Limits) -> Result<Value, serde_saphyr::Error> {
    let options = serde_saphyr::options! {
        duplicate_keys: DuplicateKeyPolicy::PassThrough,
        ignore_binary_tag_for_string: true,
        non_finite_float_policy: NonFiniteFloatPolicy::AsString,
        budget: serde_saphyr::budget! { max_depth: limits.max_nesting },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: limits.max_alias_events,
        },
    };
    serde_saphyr::from_str_with_options(text, options)
}

/// The parser's error as one line, with the line number counted in the file rather than in
/// the block; nesting beyond `max_nesting` is [`FrontMatterError::TooDeep`].
pub fn error(
    error: &serde_saphyr::Error,
    first_line: usize,
    max_nesting: usize,
) -> FrontMatterError {
    if let serde_saphyr::Error::AliasReplayLimitExceeded { .. } = innermost(error) {
        return FrontMatterError::Invalid {
            format: Format::Yaml,
            line: None,
            message: "aliases expand it to too many values".to_owned(),
        };
    }
    let line = error
        .location()
        .and_then(|at| usize::try_from(at.line()).ok())
        .filter(|&line| line > 0)
        .map(|line| line + first_line - 1);
    if let serde_saphyr::Error::Budget { breach, .. } = innermost(error) {
        if let BudgetBreach::Depth { .. } = breach {
            return FrontMatterError::TooDeep {
                format: Format::Yaml,
                limit: max_nesting,
            };
        }
        return FrontMatterError::Invalid {
            format: Format::Yaml,
            line: None,
            message: over_budget(breach).to_owned(),
        };
    }
    FrontMatterError::Invalid {
        format: Format::Yaml,
        line,
        message: described(error),
    }
}

/// A syntax error as one line in the user's words: the parser's own, without its position,
/// except where they speak of Rust types (an alias inside the value it names).
pub(crate) fn described(error: &serde_saphyr::Error) -> String {
    if let serde_saphyr::Error::RecursiveReferencesRequireWeakTypes { .. } = innermost(error) {
        return "an alias refers to the value it is inside of".to_owned();
    }
    let rendered = error.without_snippet().to_string();
    message(rendered.lines().next().unwrap_or_default())
}

/// The error itself, out of the wrappings that say where it was met (a snippet, an alias).
fn innermost(mut error: &serde_saphyr::Error) -> &serde_saphyr::Error {
    while let serde_saphyr::Error::WithSnippet { error: inner, .. }
    | serde_saphyr::Error::AliasError { error: inner, .. } = error
    {
        error = inner;
    }
    error
}

/// The first line of a parser message, without its position, as one line.
pub(crate) fn message(first_line: &str) -> String {
    one_line(without_position(first_line))
}

/// `error: line 3 column 1: unclosed bracket '[' at line 2, column 7` → `unclosed bracket
/// '['`: the position is given separately, in file lines.
fn without_position(message: &str) -> &str {
    let message = message.strip_prefix("error: ").unwrap_or(message);
    let message = match message.strip_prefix("line ") {
        Some(rest) => rest.split_once(": ").map_or(message, |(_, text)| text),
        None => message,
    };
    message.split(" at line ").next().unwrap_or(message)
}

/// Why a document too costly to read was refused, in words.
fn over_budget(breach: &BudgetBreach) -> &'static str {
    match breach {
        BudgetBreach::Nodes { .. } | BudgetBreach::Aliases { .. } => {
            "aliases expand it to too many values"
        }
        BudgetBreach::Documents { .. } => "it holds too many documents",
        _ => "it is too large to read",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_one_line_with_the_file_line() {
        let error = parse("title: A\nkey: \"value\"# no space\n", &Limits::default()).unwrap_err();
        let FrontMatterError::Invalid { line, message, .. } = super::error(&error, 2, 32) else {
            panic!("invalid YAML is Invalid");
        };
        assert_eq!(line, Some(3));
        assert!(!message.contains('\n'), "{message}");
        assert!(!message.starts_with("error"), "{message}");
        assert!(message.contains("comment"), "{message}");
    }

    #[test]
    fn an_alias_inside_its_own_value_is_said_in_the_user_s_words() {
        for text in ["title: &a [*a]\n", "x: 1\ntags: &t {a: *t}\n"] {
            let error = parse(text, &Limits::default()).unwrap_err();
            let FrontMatterError::Invalid { line, message, .. } = super::error(&error, 2, 32)
            else {
                panic!("{text:?}: a recursive alias is Invalid");
            };
            assert_eq!(
                message, "an alias refers to the value it is inside of",
                "{text:?}"
            );
            assert!(line.is_some_and(|line| line >= 2), "{text:?}: {line:?}");
        }
    }

    #[test]
    fn duplicate_keys_reach_the_fields_reader_in_order() {
        let Value::Map(entries) =
            parse("title: A\nlang: en\ntitle: B\n", &Limits::default()).unwrap()
        else {
            panic!("a mapping");
        };
        let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["title", "lang", "title"]);
    }
}
