//! A fast path for the front matter nearly every article has: `key: value` lines, lists of
//! `- item` lines or `[a, b]`, plain or quoted text, whole and decimal numbers and dates.
//!
//! The YAML parser costs about 150,000 instructions for such a block, more than everything
//! else a file's loading does. This reads only what it can read exactly as the parser does,
//! and gives up on anything else (escapes, comments after values, nesting, anchors, block
//! scalars, words YAML may read as booleans or nulls, numbers in other notations), which then
//! goes to the parser. Tests hold it to the parser on every input it accepts.

use super::value::Value;
use crate::sanitize::is_plain_ascii;

/// The value of the YAML `text`, if it is plain enough to be read here.
pub fn parse(text: &str) -> Option<Value> {
    // Control characters (tabs and carriage returns among them) and the byte order mark are
    // the parser's to judge: YAML refuses most of them, even quoted.
    if !is_printable(text) {
        return None;
    }
    let mut entries: Vec<(String, Value)> = Vec::new();
    // The indentation of the `- item` lines of the list being read, once it has one.
    let mut list_indent: Option<usize> = None;
    for line in text.split('\n') {
        let body = line.trim_start_matches(' ');
        if body.is_empty() || line.starts_with('#') {
            continue;
        }
        let indent = line.len() - body.len();
        if let Some(item) = body.strip_prefix("- ") {
            let (_, value) = entries.last_mut()?;
            match (value, list_indent) {
                (Value::List(items), Some(expected)) if indent == expected => {
                    items.push(block_scalar(item)?)
                }
                (value @ Value::Null, None) => {
                    *value = Value::List(vec![block_scalar(item)?]);
                    list_indent = Some(indent);
                }
                _ => return None,
            }
            continue;
        }
        if indent > 0 {
            return None;
        }
        let (key, rest) = line.split_once(':')?;
        if !is_plain_key(key) {
            return None;
        }
        let value = match rest.strip_prefix(' ').map(|v| v.trim_matches(' ')) {
            _ if rest.is_empty() => Value::Null,
            Some("") => Value::Null,
            Some(flow) if flow.starts_with('[') => flow_list(flow)?,
            Some(value) => block_scalar(value)?,
            None => return None,
        };
        list_indent = None;
        entries.push((key.to_owned(), value));
    }
    if entries.is_empty() {
        return Some(Value::Null);
    }
    Some(Value::Map(entries))
}

/// Whether `text` holds no control character but line feeds, and no byte order mark or
/// noncharacter. Printable ASCII, nearly all front matter, is judged without decoding.
fn is_printable(text: &str) -> bool {
    let ascii = text
        .bytes()
        .fold(true, |plain, b| plain & is_plain_ascii(b));
    ascii
        || !text.chars().any(|c| {
            (c.is_control() && c != '\n') || matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}')
        })
}

/// A key that is a plain word YAML reads as text.
fn is_plain_key(key: &str) -> bool {
    let mut bytes = key.bytes();
    bytes
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && !is_special_word(key)
}

/// `[a, b, c]`, its items plain scalars without quotes or brackets.
fn flow_list(text: &str) -> Option<Value> {
    let inner = text.strip_prefix('[')?.strip_suffix(']')?;
    if inner.trim_matches(' ').is_empty() {
        return Some(Value::List(Vec::new()));
    }
    inner
        .split(',')
        .map(|item| {
            let item = item.trim_matches(' ');
            if item.contains(['[', ']', '{', '}', ':', '\'', '"']) {
                return None;
            }
            plain_scalar(item)
        })
        .collect::<Option<Vec<Value>>>()
        .map(Value::List)
}

/// A value on a `key:` or `- ` line: quoted without escapes, or plain.
fn block_scalar(text: &str) -> Option<Value> {
    let text = text.trim_matches(' ');
    for quote in ['"', '\''] {
        if let Some(rest) = text.strip_prefix(quote) {
            let inner = rest.strip_suffix(quote)?;
            // Both are ASCII, which no byte of another character's encoding can be.
            if inner.bytes().any(|b| b == quote as u8 || b == b'\\') {
                return None;
            }
            return Some(Value::String(inner.to_owned()));
        }
    }
    if text.contains(": ") || text.ends_with(':') {
        return None;
    }
    plain_scalar(text)
}

/// An unquoted scalar: text, a whole or decimal number, a date, or `true` or `false`.
fn plain_scalar(text: &str) -> Option<Value> {
    let first = *text.as_bytes().first()?;
    // Characters that start something other than plain text, and a comment after it.
    let starts_other = b"-?:,[]{}#&*!|>'\"%@`+. ~".contains(&first) && !is_number_start(text);
    if starts_other || text.contains(" #") {
        return None;
    }
    match text {
        "true" => return Some(Value::Bool(true)),
        "false" => return Some(Value::Bool(false)),
        _ if is_special_word(text) => return None,
        _ => {}
    }
    if !first.is_ascii_digit() && first != b'-' {
        return Some(Value::String(text.to_owned()));
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let plain_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let no_leading_zero = whole == "0" || !whole.starts_with('0');
    match fraction {
        _ if !plain_digits(whole) || !no_leading_zero => {}
        None => return text.parse().ok().map(Value::Int),
        Some(fraction) if plain_digits(fraction) => return text.parse().ok().map(Value::Float),
        Some(_) => {}
    }
    is_date(text).then(|| Value::String(text.to_owned()))
}

/// A minus sign before a digit starts a number, not a list item.
fn is_number_start(text: &str) -> bool {
    text.strip_prefix('-')
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Words that some YAML reads as something other than text, in any case.
fn is_special_word(text: &str) -> bool {
    const SPECIAL: [&str; 12] = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf", "infinity",
    ];
    SPECIAL.iter().any(|word| word.eq_ignore_ascii_case(text))
}

/// `2026-02-01`, `2026-02-01 06:48:05`, `2023-03-16T04:38:23Z` and the like: a date, then
/// optionally a time with seconds, a fraction and a zone, in the digits-and-separators shape
/// those have.
fn is_date(text: &str) -> bool {
    let Some((date, time)) = text.as_bytes().split_at_checked(10) else {
        return false;
    };
    if !has_shape(date, b"9999-99-99") {
        return false;
    }
    let Some((&separator, time)) = time.split_first() else {
        return true;
    };
    let Some((clock, mut zone)) = time.split_at_checked(8) else {
        return false;
    };
    if let Some(fraction) = zone.strip_prefix(b".") {
        let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        zone = &fraction[digits..];
    }
    matches!(separator, b'T' | b' ')
        && has_shape(clock, b"99:99:99")
        && (zone.is_empty()
            || zone == b"Z"
            || has_shape(zone, b"+99:99")
            || has_shape(zone, b"-99:99"))
}

/// Whether `bytes` match `pattern`, in which `9` stands for any digit.
fn has_shape(bytes: &[u8], pattern: &[u8]) -> bool {
    pattern.len() == bytes.len()
        && pattern.iter().zip(bytes).all(|(&p, &b)| match p {
            b'9' => b.is_ascii_digit(),
            _ => p == b,
        })
}

#[cfg(test)]
#[path = "plain_tests.rs"]
mod tests;
