//! A format-neutral front matter value.
//!
//! One `Deserialize` implementation serves YAML and TOML alike. It keeps mappings as ordered
//! lists of entries rather than maps, so that a duplicate key (common in real files, where a
//! translated `title:` follows the English one) is data to warn about, not a parse failure.

use std::fmt;

use serde::de::{
    self, Deserialize, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// The key under which the toml crate hands a datetime to a generic visitor.
const TOML_DATETIME_KEY: &str = "$__toml_private_datetime";

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
    List(Vec<Value>),
    /// Entries in file order; a key may occur more than once.
    Map(Vec<(String, Value)>),
}

impl Value {
    /// A short name for the kind of value, for warnings.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "empty",
            Value::Bool(_) => "a boolean",
            Value::Int(_) | Value::Float(_) => "a number",
            Value::String(_) => "text",
            Value::List(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    /// The value as one line of display text (`a, b` for a list, `k: v` for a mapping).
    pub fn to_text(&self) -> String {
        self.to_string()
    }

    /// [`Value::to_text`], giving text its own string rather than a copy.
    pub fn into_text(self) -> String {
        match self {
            Value::String(text) => text,
            other => other.to_text(),
        }
    }

    /// Whether the value's text is empty or only spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Value::String(text) => text.trim().is_empty(),
            other => other.to_text().trim().is_empty(),
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => Ok(()),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x}"),
            Value::String(s) => f.write_str(s),
            Value::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    let separator = if i > 0 { ", " } else { "" };
                    write!(f, "{separator}{item}")?;
                }
                Ok(())
            }
            Value::Map(entries) => {
                for (i, (key, value)) in entries.iter().enumerate() {
                    let separator = if i > 0 { ", " } else { "" };
                    write!(f, "{separator}{key}: {value}")?;
                }
                Ok(())
            }
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any front matter value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_bytes<E>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::String(String::from_utf8_lossy(v).into_owned()))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Value::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Value>()? {
            let value: Value = map.next_value()?;
            if let Value::String(text) = &key
                && text == TOML_DATETIME_KEY
                && entries.is_empty()
            {
                return Ok(value);
            }
            entries.push((key.to_text(), value));
        }
        Ok(Value::Map(entries))
    }

    /// YAML values with a custom tag (`!date 2026-01-01`) arrive as enums: keep the value and
    /// drop the tag.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        let (_tag, variant): (de::IgnoredAny, _) = data.variant()?;
        variant.newtype_variant()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_keeps_duplicate_keys_in_order() {
        let value: Value = crate::frontmatter::yaml::parse(
            "title: A\nlang: en\ntitle: B\n",
            &crate::limits::Limits::default(),
        )
        .unwrap();
        let Value::Map(entries) = value else {
            panic!("not a map")
        };
        let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["title", "lang", "title"]);
        assert_eq!(entries[2].1, Value::String("B".into()));
    }

    #[test]
    fn yaml_scalars_keep_their_types() {
        let value: Value = crate::frontmatter::yaml::parse(
            "a: 4\nb: 4.5\nc: true\nd: ~\ne: '4'\n",
            &crate::limits::Limits::default(),
        )
        .unwrap();
        let expected = Value::Map(vec![
            ("a".into(), Value::Int(4)),
            ("b".into(), Value::Float(4.5)),
            ("c".into(), Value::Bool(true)),
            ("d".into(), Value::Null),
            ("e".into(), Value::String("4".into())),
        ]);
        assert_eq!(value, expected);
    }

    #[test]
    fn yaml_custom_tags_are_dropped() {
        let value: Value = crate::frontmatter::yaml::parse(
            "a: !custom hello\n",
            &crate::limits::Limits::default(),
        )
        .unwrap();
        assert_eq!(
            value,
            Value::Map(vec![("a".into(), Value::String("hello".into()))])
        );
    }

    #[test]
    fn toml_datetimes_become_text() {
        let value: Value =
            toml::from_str("date = 2019-03-03T10:00:00Z\nday = 2019-03-03\n").unwrap();
        let expected = Value::Map(vec![
            ("date".into(), Value::String("2019-03-03T10:00:00Z".into())),
            ("day".into(), Value::String("2019-03-03".into())),
        ]);
        assert_eq!(value, expected);
    }

    #[test]
    fn non_string_keys_become_text() {
        let value: Value =
            crate::frontmatter::yaml::parse("2013: year\n", &crate::limits::Limits::default())
                .unwrap();
        assert_eq!(
            value,
            Value::Map(vec![("2013".into(), Value::String("year".into()))])
        );
    }

    #[test]
    fn displays_lists_and_maps_on_one_line() {
        let value: Value =
            crate::frontmatter::yaml::parse("[a, {k: v}, 3]", &crate::limits::Limits::default())
                .unwrap();
        assert_eq!(value.to_text(), "a, k: v, 3");
    }
}
